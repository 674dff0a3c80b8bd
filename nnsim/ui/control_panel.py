"""The control panel: data, split, network, loss, learning rate, batch size and speed.

The panel only reports what the user chose, as a command (``command_requested``); it keeps no
value of its own. Every control is set from the model's settings in
:meth:`ControlPanel.show_snapshot`, which never emits, so a change the model made by itself (an
output activation switched to fit the loss, a dataset's own default noise) cannot echo back as a
user choice.
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox,
                               QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QSlider, QSpinBox, QVBoxLayout, QWidget)

from nnsim.core import commands as cmd
from nnsim.core.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS
from nnsim.core.datasets import BUILTIN_DATASETS, TRANSLATION_CONTEXT
from nnsim.core.losses import LOSSES, NEEDS_CLASSIFICATION, NEEDS_UNIT_TARGETS
from nnsim.core.network import MAX_UNITS
from nnsim.core.settings import FILE_DATASET, SPEEDS, Settings
from nnsim.core.snapshot import Snapshot
from nnsim.ui import numbers
from nnsim.ui.names import activation_name, formula, loss_name

BATCH_SIZES = (None, 1, 8, 16, 32, 64, 128)
DEFAULT_PATIENCE = 50  # epochs without a better dev loss before early stopping pauses the run


def _translate_dataset(text: str) -> str:
    """Built-in dataset texts are marked for translation in the core, under their own context."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


class ControlPanel(QWidget):
    """All settings of a run, one widget each (objectNames as the tests and scripts use)."""

    command_requested = Signal(object)              # a nnsim.core.commands.Command
    import_requested = Signal()

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("controlPanel")
        self._hidden_by_lesson: list[QWidget] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(4)
        layout.addWidget(self._build_data_group())
        layout.addWidget(self._build_network_group())
        layout.addWidget(self._build_training_group())
        layout.addStretch(1)
        self.show_settings(settings or Settings())

    # ----------------------------------------------------------------- building
    def _request(self, command: cmd.Command) -> None:
        self.command_requested.emit(command)

    def _spin(self, name: str, lo: int, hi: int, tip: str) -> QSpinBox:
        spin = QSpinBox(objectName=name, minimum=lo, maximum=hi)
        spin.setToolTip(tip)
        spin.setKeyboardTracking(False)  # emit on Enter/arrows, not on every digit typed
        return spin

    def _combo(self, name: str, items: list[tuple[str, str]], tip: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        for data, text in items:
            combo.addItem(text, data)
        combo.setToolTip(tip)
        for i in range(combo.count()):  # each activation shows its formula on hover
            activation = ACTIVATIONS.get(combo.itemData(i))
            if activation is not None:
                combo.setItemData(i, formula(activation.formula), Qt.ToolTipRole)
        return combo

    def _form(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        """A titled group with a compact form: every control must fit a 768-px-high laptop
        screen together with the activation preview below them."""
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setVerticalSpacing(3)
        form.setContentsMargins(6, 4, 6, 4)
        return box, form

    def _build_data_group(self) -> QGroupBox:
        box, form = self._form(self.tr("Data"))
        self.dataset_combo = self._combo(
            "datasetCombo", [(k, _translate_dataset(v.display_name))
                             for k, v in BUILTIN_DATASETS.items()],
            self.tr("The examples the network learns from"))
        for i in range(self.dataset_combo.count()):
            entry = BUILTIN_DATASETS[self.dataset_combo.itemData(i)]
            self.dataset_combo.setItemData(i, _translate_dataset(entry.description),
                                           Qt.ToolTipRole)
        # A newly chosen dataset comes with its own number of samples and noise.
        self.dataset_combo.activated.connect(self._on_dataset_activated)
        self.import_button = QPushButton(self.tr("Import…"), objectName="importCsvButton")
        self.import_button.setToolTip(self.tr("Load your own data: a CSV file with a header row; "
                                              "the last column is the target"))
        self.import_button.clicked.connect(self.import_requested)
        row = QHBoxLayout()
        row.addWidget(self.dataset_combo, 1)
        row.addWidget(self.import_button)
        form.addRow(self.tr("Dataset"), row)
        self.samples_spin = self._spin("samplesSpin", 20, 5000,
                                       self.tr("How many examples to generate"))
        self.noise_spin = QDoubleSpinBox(objectName="noiseSpin", minimum=0.0, maximum=5.0,
                                         singleStep=0.05, decimals=2)
        self.noise_spin.setToolTip(self.tr("How much the examples scatter around the pattern"))
        self.noise_spin.setKeyboardTracking(False)
        for w in (self.samples_spin, self.noise_spin):
            w.valueChanged.connect(self._on_recipe_edited)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Samples")))
        row.addWidget(self.samples_spin)
        row.addWidget(QLabel(self.tr("Noise")))
        row.addWidget(self.noise_spin)
        form.addRow(row)
        self.train_ratio_spin = self._spin("trainRatioSpin", 10, 90,
                                           self.tr("Training set: used to fit the weights"))
        self.dev_ratio_spin = self._spin("devRatioSpin", 5, 45,
                                         self.tr("Development set: used to tune the learning "
                                                 "rate and the number of hidden units"))
        self.test_ratio_label = QLabel(objectName="testRatioLabel")
        self.test_ratio_label.setToolTip(self.tr("Test set: only for the final evaluation"))
        self.split_seed_spin = self._spin("splitSeedSpin", 0, 9999,
                                          self.tr("Which random split (same seed, same split)"))
        for w in (self.train_ratio_spin, self.dev_ratio_spin, self.split_seed_spin):
            w.valueChanged.connect(self._on_split_edited)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Train %")))
        row.addWidget(self.train_ratio_spin)
        row.addWidget(QLabel(self.tr("Dev %")))
        row.addWidget(self.dev_ratio_spin)
        row.addWidget(self.test_ratio_label)
        form.addRow(row)
        form.addRow(self.tr("Split seed"), self.split_seed_spin)
        return box

    def _build_network_group(self) -> QGroupBox:
        box, form = self._form(self.tr("Network"))
        self.hidden_units_spin = self._spin("hiddenUnitsSpin", 1, MAX_UNITS,
                                            self.tr("Units in the hidden layer (H1, H2, …)"))
        self.hidden_units_spin.valueChanged.connect(
            lambda n: self._request(cmd.SetHiddenUnits(n)))
        self.seed_spin = self._spin("weightSeedSpin", 0, 9999,
                                    self.tr("Seed of the initial weights (used by Reset)"))
        self.seed_spin.valueChanged.connect(lambda n: self._request(cmd.SetWeightSeed(n)))
        row = QHBoxLayout()
        row.addWidget(self.hidden_units_spin)
        row.addWidget(QLabel(self.tr("Weight seed")))
        row.addWidget(self.seed_spin)
        form.addRow(self.tr("Hidden units"), row)
        self.hidden_activation_combo = self._combo(
            "hiddenActivationCombo",
            [(n, activation_name(n)) for n in HIDDEN_ACTIVATIONS],
            self.tr("Activation of the hidden units"))
        self.hidden_activation_combo.activated.connect(lambda i: self._request(
            cmd.SetHiddenActivation(self.hidden_activation_combo.itemData(i))))
        form.addRow(self.tr("Hidden activation"), self.hidden_activation_combo)
        self.output_activation_combo = self._combo(
            "outputActivationCombo",
            [(n, activation_name(n)) for n in OUTPUT_ACTIVATIONS],
            self.tr("Activation of the output units"))
        self.output_activation_combo.activated.connect(lambda i: self._request(
            cmd.SetOutputActivation(self.output_activation_combo.itemData(i))))
        form.addRow(self.tr("Output activation"), self.output_activation_combo)
        return box

    def _build_training_group(self) -> QGroupBox:
        box, form = self._form(self.tr("Training"))
        self.loss_combo = self._combo(
            "lossCombo", [(n, loss_name(n)) for n in LOSSES],
            self.tr("Regression: MSE or MAE. Classification: cross-entropy; "
                    "several classes: categorical cross-entropy"))
        self.loss_combo.activated.connect(
            lambda i: self._request(cmd.SetLoss(self.loss_combo.itemData(i))))
        form.addRow(self.tr("Loss"), self.loss_combo)
        self.loss_formula = QLabel(objectName="lossFormulaLabel")
        self.loss_formula.setWordWrap(True)
        form.addRow(self.loss_formula)
        self.learning_rate_spin = QDoubleSpinBox(objectName="learningRateSpin", decimals=5,
                                                 minimum=0.00001, maximum=100.0)
        # Adaptive steps move by about a tenth of the current decade: 0.01 → 0.011, 1 → 1.1.
        self.learning_rate_spin.setStepType(QAbstractSpinBox.AdaptiveDecimalStepType)
        self.learning_rate_spin.setKeyboardTracking(False)
        self.learning_rate_spin.setToolTip(self.tr(
            "Learning rate η: how far each step goes against the gradient. Too high overshoots "
            "and diverges, too low crawls. Changeable while training."))
        self.learning_rate_spin.valueChanged.connect(
            lambda value: self._request(cmd.SetLearningRate(value)))
        form.addRow(self.tr("Learning rate η"), self.learning_rate_spin)
        self.batch_combo = QComboBox(objectName="batchSizeCombo")
        for size in BATCH_SIZES:  # item data 0 = full batch (a combo cannot find None)
            self.batch_combo.addItem(self.tr("Full batch") if size is None else str(size),
                                     size or 0)
        self.batch_combo.setToolTip(self.tr("Examples per gradient step: the whole training set, "
                                            "or shuffled mini-batches"))
        self.batch_combo.activated.connect(
            lambda i: self._request(cmd.SetBatchSize(self.batch_combo.itemData(i) or None)))
        form.addRow(self.tr("Batch size"), self.batch_combo)
        self.speed_control = QSlider(Qt.Horizontal, objectName="speedControl",
                                     minimum=0, maximum=len(SPEEDS) - 1)
        self.speed_control.setPageStep(1)
        self.speed_control.setTickPosition(QSlider.TicksBelow)
        self.speed_control.setToolTip(self.tr("Slow motion for the lecture hall (1 epoch per "
                                              "second) up to as fast as possible"))
        self.speed_label = QLabel(objectName="speedLabel")
        self.speed_control.valueChanged.connect(self._on_speed_moved)
        row = QHBoxLayout()
        row.addWidget(self.speed_control, 1)
        row.addWidget(self.speed_label)
        form.addRow(self.tr("Speed"), row)
        self.train_selected_check = QCheckBox(self.tr("Train only the selected parameter"),
                                              objectName="trainSelectedOnlyCheck")
        self.train_selected_check.setToolTip(self.tr(
            "Freeze every other weight: the run then walks exactly along the landscape's curve"))
        self.train_selected_check.toggled.connect(
            lambda on: self._request(cmd.SetTrainSelectedOnly(on)))
        form.addRow(self.train_selected_check)
        self.early_stopping_check = QCheckBox(self.tr("Stop when the dev loss stalls for"),
                                              objectName="earlyStoppingCheck")
        self.early_stopping_check.setToolTip(self.tr(
            "Early stopping: pause once the development loss has not improved for this many "
            "epochs; Train → Restore best epoch goes back to its lowest point"))
        self.patience_spin = self._spin("earlyStoppingPatienceSpin", 1, 10000,
                                        self.tr("Patience: epochs without a better dev loss"))
        self.patience_spin.setValue(DEFAULT_PATIENCE)
        self.early_stopping_check.toggled.connect(self._on_early_stopping_edited)
        self.patience_spin.valueChanged.connect(self._on_early_stopping_edited)
        row = QHBoxLayout()
        row.addWidget(self.early_stopping_check)
        row.addWidget(self.patience_spin)
        form.addRow(row)
        return box

    # ----------------------------------------------------------------- user edits
    def _on_dataset_activated(self, index: int) -> None:
        dataset_id = self.dataset_combo.itemData(index)
        if dataset_id in BUILTIN_DATASETS:
            self._request(cmd.SetBuiltinDataset(dataset_id))

    def _on_recipe_edited(self, *_: object) -> None:
        dataset_id = self.dataset_combo.currentData()
        if dataset_id in BUILTIN_DATASETS:
            self._request(cmd.SetBuiltinDataset(dataset_id, self.samples_spin.value(),
                                                self.noise_spin.value()))

    def _update_test_ratio(self) -> int:
        test = 100 - self.train_ratio_spin.value() - self.dev_ratio_spin.value()
        if test >= 5:
            self.test_ratio_label.setText(self.tr("Test %1 %").replace("%1", str(test)))
            self.test_ratio_label.setToolTip(self.tr("Test set: only for the final evaluation"))
            self.test_ratio_label.setStyleSheet("")
        else:
            # Nothing is applied until the three parts make sense: say why (in full on hover).
            self.test_ratio_label.setText(self.tr("Test %1 %!").replace(
                "%1", str(test).replace("-", "−")))
            self.test_ratio_label.setToolTip(self.tr(
                "The test set needs at least 5 %: lower the training or dev share. Nothing is "
                "applied until it has."))
            self.test_ratio_label.setStyleSheet("color: #c0392b; font-weight: bold;")
        return test

    def _on_split_edited(self, *_: object) -> None:
        test = self._update_test_ratio()
        if test < 5:
            return  # shown in red; nothing is sent until the three parts make sense
        ratios = (self.train_ratio_spin.value() / 100, self.dev_ratio_spin.value() / 100,
                  test / 100)
        self._request(cmd.SetSplit(ratios, self.split_seed_spin.value()))

    def _on_early_stopping_edited(self, *_: object) -> None:
        on = self.early_stopping_check.isChecked()
        self._request(cmd.SetEarlyStopping(self.patience_spin.value() if on else None))

    def _on_speed_moved(self, index: int) -> None:
        self._show_speed(SPEEDS[index])
        self._request(cmd.SetSpeed(SPEEDS[index]))

    def _show_speed(self, speed: float | None) -> None:
        self.speed_label.setText(self.tr("max") if speed is None
                                 else self.tr("%1 epochs/s").replace(
                                     "%1", numbers.significant(speed, 6)))

    def _show_loss_formula(self, loss: str) -> None:
        spec = LOSSES[loss]
        self.loss_formula.setText(formula(spec.formula))
        self.loss_formula.setToolTip(formula(spec.derivative_formula))

    # ----------------------------------------------------------------- model → widgets
    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Show the model's current choices without emitting any signal."""
        self.show_settings(snapshot.settings)
        self.show_loss_refusals(snapshot.loss_refusals)

    def hide_controls(self, names: Iterable[str]) -> list[str]:
        """Hide exactly these controls (by objectName), with their form labels, for a lesson;
        controls an earlier lesson hid come back. Returns the names no control here has."""
        for widget in self._hidden_by_lesson:
            widget.show()
        self._hidden_by_lesson = []
        unknown = []
        for name in names:
            widget = self.findChild(QWidget, name)
            if widget is None:
                unknown.append(name)
                continue
            labels = [form.labelForField(widget) for form in self.findChildren(QFormLayout)]
            for item in [widget, *(label for label in labels if label is not None)]:
                item.hide()
                self._hidden_by_lesson.append(item)
        return unknown

    def show_settings(self, s: Settings) -> None:
        """Set every control from ``s`` (a control the user is typing in is left alone)."""
        builtin = s.dataset in BUILTIN_DATASETS
        if not builtin:
            self._show_file_entry(s.data_source)
        _set_quietly(self.dataset_combo, s.dataset)
        self.samples_spin.setEnabled(builtin)
        self.noise_spin.setEnabled(builtin)
        if builtin:
            entry = BUILTIN_DATASETS[s.dataset]
            _set_quietly(self.samples_spin, s.n_samples or entry.default_n_samples)
            _set_quietly(self.noise_spin, entry.default_noise if s.noise is None else s.noise)
        _set_quietly(self.train_ratio_spin, round(s.ratios[0] * 100))
        _set_quietly(self.dev_ratio_spin, round(s.ratios[1] * 100))
        _set_quietly(self.split_seed_spin, s.split_seed)
        self._update_test_ratio()
        _set_quietly(self.hidden_units_spin, s.hidden_units)
        _set_quietly(self.hidden_activation_combo, s.hidden_activation)
        _set_quietly(self.output_activation_combo, s.output_activation)
        _set_quietly(self.seed_spin, s.weight_seed)
        _set_quietly(self.loss_combo, s.loss)
        self._show_loss_formula(s.loss)
        _set_quietly(self.learning_rate_spin, s.learning_rate)
        _set_quietly(self.batch_combo, s.batch_size or 0)
        _set_quietly(self.speed_control, SPEEDS.index(s.speed) if s.speed in SPEEDS
                     else len(SPEEDS) - 1)
        self._show_speed(s.speed)
        _set_quietly(self.train_selected_check, s.train_selected_only)
        _set_quietly(self.early_stopping_check, s.early_stopping is not None)
        if s.early_stopping is not None:
            _set_quietly(self.patience_spin, s.early_stopping)

    def show_loss_refusals(self, refusals: dict[str, str | None]) -> None:
        """Offer only the losses that fit the data; the others say why on hover."""
        model = self.loss_combo.model()
        for i in range(self.loss_combo.count()):
            name = self.loss_combo.itemData(i)
            reason = refusals.get(name)
            item = model.item(i)
            item.setEnabled(reason is None)
            item.setToolTip(self._refusal_text(name, reason) if reason
                            else formula(LOSSES[name].formula))

    def _refusal_text(self, loss: str, reason: str) -> str:
        name = loss_name(loss)
        if reason == NEEDS_CLASSIFICATION:
            return self.tr("%1 is for classification; this data is a regression task: use MSE "
                           "or MAE.").replace("%1", name)
        if reason == NEEDS_UNIT_TARGETS:
            return self.tr("%1 needs targets between 0 and 1.").replace("%1", name)
        return name

    def _show_file_entry(self, source: str) -> None:
        index = self.dataset_combo.findData(FILE_DATASET)
        if index < 0:
            self.dataset_combo.addItem("", FILE_DATASET)
            index = self.dataset_combo.count() - 1
        self.dataset_combo.setItemText(index, self.tr("File: %1").replace("%1", source))


def _set_quietly(widget: QWidget, value: object) -> None:
    """Show a model value in a control without it reporting a user edit; a control that has
    the keyboard focus keeps what the user is typing."""
    if widget.hasFocus() and isinstance(widget, QAbstractSpinBox):
        return
    widget.blockSignals(True)
    try:
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index >= 0 and index != widget.currentIndex():
                widget.setCurrentIndex(index)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif widget.value() != value:  # type: ignore[attr-defined]
            widget.setValue(value)  # type: ignore[attr-defined]
    finally:
        widget.blockSignals(False)
