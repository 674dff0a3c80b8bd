"""The control panel: data, split, network, loss, learning rate, batch size and speed.

The panel only reports what the user chose (one signal per control). It shows the model's state
through :meth:`ControlPanel.show_snapshot`, which never emits, so a change the model made by
itself (an output activation switched to fit the loss) cannot echo back as a user choice.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox,
                               QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QSlider, QSpinBox, QVBoxLayout, QWidget)

from nnsim.core.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS
from nnsim.core.datasets import BUILTIN_DATASETS, TRANSLATION_CONTEXT
from nnsim.core.losses import LOSSES
from nnsim.core.session import Settings
from nnsim.core.snapshot import Snapshot
from nnsim.worker import DEFAULT_SPEED_INDEX, SPEEDS

IMPORTED = "__imported__"  # datasetCombo data of an imported CSV file
BATCH_SIZES = (None, 1, 8, 16, 32, 64, 128)


def _translate_dataset(text: str) -> str:
    """Built-in dataset texts are marked for translation in the core, under their own context."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


class ControlPanel(QWidget):
    """All settings of a run, one widget each (objectNames as the tests and scripts use)."""

    dataset_chosen = Signal(str, int, float)        # built-in id, samples, noise
    import_requested = Signal()
    split_changed = Signal(object, int)             # (train, dev, test) ratios, seed
    hidden_units_changed = Signal(int)
    hidden_activation_changed = Signal(str)
    output_activation_changed = Signal(str)
    loss_changed = Signal(str)
    learning_rate_changed = Signal(float)
    batch_size_changed = Signal(object)             # int or None (full batch)
    speed_changed = Signal(object)                  # epochs per second or None (unthrottled)
    train_selected_only_changed = Signal(bool)
    seed_changed = Signal(int)

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("controlPanel")
        settings = settings or Settings()
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_data_group(settings))
        layout.addWidget(self._build_network_group(settings))
        layout.addWidget(self._build_training_group(settings))
        layout.addStretch(1)

    # ----------------------------------------------------------------- building
    def _spin(self, name: str, lo: int, hi: int, value: int, tip: str) -> QSpinBox:
        spin = QSpinBox(objectName=name, minimum=lo, maximum=hi, value=value)
        spin.setToolTip(tip)
        spin.setKeyboardTracking(False)  # emit on Enter/arrows, not on every digit typed
        return spin

    def _combo(self, name: str, items: list[tuple[str, str]], current: str, tip: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        for data, text in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.setToolTip(tip)
        for i in range(combo.count()):  # each activation shows its formula on hover
            activation = ACTIVATIONS.get(combo.itemData(i))
            if activation is not None:
                combo.setItemData(i, activation.formula, Qt.ToolTipRole)
        return combo

    def _build_data_group(self, s: Settings) -> QGroupBox:
        box = QGroupBox(self.tr("Data"))
        form = QFormLayout(box)
        self.dataset_combo = self._combo(
            "datasetCombo", [(k, _translate_dataset(v.display_name))
                             for k, v in BUILTIN_DATASETS.items()],
            s.dataset, self.tr("The examples the network learns from"))
        for i in range(self.dataset_combo.count()):
            entry = BUILTIN_DATASETS.get(self.dataset_combo.itemData(i))
            if entry:
                self.dataset_combo.setItemData(i, _translate_dataset(entry.description),
                                               Qt.ToolTipRole)
        self.dataset_combo.activated.connect(self._on_dataset_activated)
        form.addRow(self.tr("Dataset"), self.dataset_combo)
        entry = BUILTIN_DATASETS[s.dataset]
        self.samples_spin = self._spin("samplesSpin", 20, 5000,
                                       s.n_samples or entry.default_n_samples,
                                       self.tr("How many examples to generate"))
        self.noise_spin = QDoubleSpinBox(objectName="noiseSpin", minimum=0.0, maximum=5.0,
                                         singleStep=0.05, decimals=2,
                                         value=entry.default_noise if s.noise is None else s.noise)
        self.noise_spin.setToolTip(self.tr("How much the examples scatter around the pattern"))
        self.noise_spin.setKeyboardTracking(False)
        for w in (self.samples_spin, self.noise_spin):
            w.valueChanged.connect(self._on_dataset_activated)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Samples")))
        row.addWidget(self.samples_spin)
        row.addWidget(QLabel(self.tr("Noise")))
        row.addWidget(self.noise_spin)
        form.addRow(row)
        self.import_button = QPushButton(self.tr("Import CSV…"), objectName="importCsvButton")
        self.import_button.setToolTip(self.tr("Load your own data: a CSV file with a header row; "
                                              "the last column is the target"))
        self.import_button.clicked.connect(self.import_requested)
        form.addRow(self.import_button)
        self.train_ratio_spin = self._spin("trainRatioSpin", 10, 90, round(s.ratios[0] * 100),
                                           self.tr("Training set: used to fit the weights"))
        self.dev_ratio_spin = self._spin("devRatioSpin", 5, 45, round(s.ratios[1] * 100),
                                         self.tr("Development set: used to tune the learning "
                                                 "rate and the number of hidden units"))
        self.test_ratio_label = QLabel(objectName="testRatioLabel")
        self.test_ratio_label.setToolTip(self.tr("Test set: only for the final evaluation"))
        self.split_seed_spin = self._spin("splitSeedSpin", 0, 9999, s.split_seed,
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
        self._update_test_ratio()
        return box

    def _build_network_group(self, s: Settings) -> QGroupBox:
        box = QGroupBox(self.tr("Network"))
        form = QFormLayout(box)
        self.hidden_units_spin = self._spin("hiddenUnitsSpin", 1, 9, s.hidden_units,
                                            self.tr("Units in the hidden layer (H1, H2, …)"))
        self.hidden_units_spin.valueChanged.connect(self.hidden_units_changed)
        form.addRow(self.tr("Hidden units"), self.hidden_units_spin)
        self.hidden_activation_combo = self._combo(
            "hiddenActivationCombo",
            [(n, self.tr(ACTIVATIONS[n].display_name)) for n in HIDDEN_ACTIVATIONS],
            s.hidden_activation, self.tr("Activation of the hidden units"))
        self.hidden_activation_combo.activated.connect(
            lambda i: self.hidden_activation_changed.emit(self.hidden_activation_combo.itemData(i)))
        form.addRow(self.tr("Hidden activation"), self.hidden_activation_combo)
        self.output_activation_combo = self._combo(
            "outputActivationCombo",
            [(n, self.tr(ACTIVATIONS[n].display_name)) for n in OUTPUT_ACTIVATIONS],
            s.output_activation, self.tr("Activation of the output units"))
        self.output_activation_combo.activated.connect(
            lambda i: self.output_activation_changed.emit(self.output_activation_combo.itemData(i)))
        form.addRow(self.tr("Output activation"), self.output_activation_combo)
        self.seed_spin = self._spin("weightSeedSpin", 0, 9999, s.weight_seed,
                                    self.tr("Seed of the initial weights (used by Reset)"))
        self.seed_spin.valueChanged.connect(self.seed_changed)
        form.addRow(self.tr("Weight seed"), self.seed_spin)
        return box

    def _build_training_group(self, s: Settings) -> QGroupBox:
        box = QGroupBox(self.tr("Training"))
        form = QFormLayout(box)
        self.loss_combo = self._combo(
            "lossCombo", [(n, self.tr(l.display_name)) for n, l in LOSSES.items()], s.loss,
            self.tr("Regression: MSE or MAE. Classification: cross-entropy; "
                    "several classes: categorical cross-entropy"))
        self.loss_combo.activated.connect(
            lambda i: self.loss_changed.emit(self.loss_combo.itemData(i)))
        form.addRow(self.tr("Loss"), self.loss_combo)
        self.loss_formula = QLabel(objectName="lossFormulaLabel")
        self.loss_formula.setWordWrap(True)
        form.addRow(self.loss_formula)
        self.learning_rate_spin = QDoubleSpinBox(objectName="learningRateSpin", decimals=5,
                                                 minimum=0.00001, maximum=100.0,
                                                 value=s.learning_rate)
        # Adaptive steps move by about a tenth of the current decade: 0.01 → 0.011, 1 → 1.1.
        self.learning_rate_spin.setStepType(QAbstractSpinBox.AdaptiveDecimalStepType)
        self.learning_rate_spin.setKeyboardTracking(False)
        self.learning_rate_spin.setToolTip(self.tr(
            "Learning rate η: how far each step goes against the gradient. Too high overshoots "
            "and diverges, too low crawls. Changeable while training."))
        self.learning_rate_spin.valueChanged.connect(self.learning_rate_changed)
        form.addRow(self.tr("Learning rate η"), self.learning_rate_spin)
        self.batch_combo = QComboBox(objectName="batchSizeCombo")
        for size in BATCH_SIZES:
            self.batch_combo.addItem(self.tr("Full batch") if size is None else str(size), size)
        self.batch_combo.setCurrentIndex(max(self.batch_combo.findData(s.batch_size), 0))
        self.batch_combo.setToolTip(self.tr("Examples per gradient step: the whole training set, "
                                            "or shuffled mini-batches"))
        self.batch_combo.activated.connect(
            lambda i: self.batch_size_changed.emit(self.batch_combo.itemData(i)))
        form.addRow(self.tr("Batch size"), self.batch_combo)
        self.speed_control = QSlider(Qt.Horizontal, objectName="speedControl",
                                     minimum=0, maximum=len(SPEEDS) - 1, value=DEFAULT_SPEED_INDEX)
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
        self.train_selected_check.toggled.connect(self.train_selected_only_changed)
        form.addRow(self.train_selected_check)
        self._on_speed_moved(self.speed_control.value(), emit=False)
        self._show_loss_formula(s.loss)
        return box

    # ----------------------------------------------------------------- user edits
    def _on_dataset_activated(self, *_: object) -> None:
        dataset_id = self.dataset_combo.currentData()
        if dataset_id == IMPORTED:
            return
        self.dataset_chosen.emit(dataset_id, self.samples_spin.value(), self.noise_spin.value())

    def _update_test_ratio(self) -> int:
        test = 100 - self.train_ratio_spin.value() - self.dev_ratio_spin.value()
        if test >= 5:
            self.test_ratio_label.setText(self.tr("Test %1 %").replace("%1", str(test)))
            self.test_ratio_label.setStyleSheet("")
        else:
            # Nothing is applied until the three parts make sense: say why.
            self.test_ratio_label.setText(self.tr("Test %1 %: needs ≥ 5 %").replace(
                "%1", str(test).replace("-", "−")))
            self.test_ratio_label.setStyleSheet("color: #c0392b; font-weight: bold;")
        return test

    def _on_split_edited(self, *_: object) -> None:
        test = self._update_test_ratio()
        if test < 5:
            return  # shown in red; nothing is sent until the three parts make sense
        ratios = (self.train_ratio_spin.value() / 100, self.dev_ratio_spin.value() / 100,
                  test / 100)
        self.split_changed.emit(ratios, self.split_seed_spin.value())

    def _on_speed_moved(self, index: int, emit: bool = True) -> None:
        speed = SPEEDS[index]
        self.speed_label.setText(self.tr("max") if speed is None
                                 else self.tr("%1 epochs/s").replace("%1", f"{speed:g}"))
        if emit:
            self.speed_changed.emit(speed)

    def _show_loss_formula(self, loss: str) -> None:
        spec = LOSSES[loss]
        self.loss_formula.setText(spec.formula)
        self.loss_formula.setToolTip(spec.derivative_formula)

    # ----------------------------------------------------------------- model → widgets
    def set_imported_dataset(self, name: str) -> None:
        """Show an imported file as the current dataset."""
        index = self.dataset_combo.findData(IMPORTED)
        if index < 0:
            self.dataset_combo.addItem("", IMPORTED)
            index = self.dataset_combo.count() - 1
        self.dataset_combo.setItemText(index, self.tr("File: %1").replace("%1", name))
        self.dataset_combo.setCurrentIndex(index)
        self.samples_spin.setEnabled(False)
        self.noise_spin.setEnabled(False)

    def show_builtin_dataset(self, dataset_id: str) -> None:
        self.dataset_combo.setCurrentIndex(self.dataset_combo.findData(dataset_id))
        self.samples_spin.setEnabled(True)
        self.noise_spin.setEnabled(True)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Show the model's current choices without emitting any signal."""
        for widget, value in ((self.hidden_units_spin, snapshot.sizes[1]),
                              (self.learning_rate_spin, snapshot.learning_rate)):
            if widget.value() != value and not widget.hasFocus():
                widget.blockSignals(True)
                widget.setValue(value)
                widget.blockSignals(False)
        for combo, data in ((self.hidden_activation_combo, snapshot.hidden_activation),
                            (self.output_activation_combo, snapshot.output_activation),
                            (self.loss_combo, snapshot.loss)):
            if combo.currentData() != data:
                combo.setCurrentIndex(combo.findData(data))
        self._show_loss_formula(snapshot.loss)
        if self.train_selected_check.isChecked() != snapshot.train_selected_only:
            self.train_selected_check.blockSignals(True)
            self.train_selected_check.setChecked(snapshot.train_selected_only)
            self.train_selected_check.blockSignals(False)
