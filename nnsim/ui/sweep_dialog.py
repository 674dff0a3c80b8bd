"""Tune hyperparameters on the development set: a sweep over learning rates and hidden units.

The lecture's last slide made interactive: every (hidden units, learning rate) pair trains on
the training split and is scored on the development split (:func:`nnsim.core.sweep.sweep`); the
test split is never read, so it stays fresh for the one final evaluation of the configuration
picked here. The sweep runs in its own QThread; the dialog stays responsive and can cancel it.
"""

from __future__ import annotations

import math
import re
import threading
import time
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nnsim.core.network import MAX_UNITS
from nnsim.core.settings import Settings
from nnsim.core.splits import Splits
from nnsim.core.sweep import SweepResult, sweep
from nnsim.ui import numbers
from nnsim.ui.messages import error_text
from nnsim.ui.sweep_heatmap import SweepCurves, SweepHeatmap, lowest_dev_loss

DEFAULT_RATES = "0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30"
DEFAULT_EPOCHS = 1000
MAX_EPOCHS = 20000
# More columns than this no longer fit legible numbers on a projector.
MAX_RATES = 12
# The sweep thread sleeps this long every _YIELD_EVERY seconds: NumPy retakes the GIL after every
# small BLAS call, and without a real sleep the GUI thread can wait seconds for it (as in
# nnsim.worker).
_YIELD_EVERY = 0.005
_YIELD_FOR = 0.0003
W = TypeVar("W", bound=QWidget)


def default_rates() -> str:
    """DEFAULT_RATES as the language writes them: "0,01; 0,03; …" where "," is the decimal
    separator (a comma then separates nothing)."""
    if numbers.decimal_point() == ".":
        return DEFAULT_RATES
    return "; ".join(numbers.significant(float(r), 6) for r in DEFAULT_RATES.split(", "))


def parse_rates(text: str) -> list[float]:
    """Learning rates from text such as ``"0.01, 0.1 1"`` (in German ``"0,01; 0,1 1"``: the comma
    is the decimal separator there); ValueError with a reason if bad."""
    comma = numbers.decimal_point() == ","
    parts = [p for p in re.split(r"[;\s]+" if comma else r"[,;\s]+", text.strip()) if p]
    if not parts:
        raise ValueError("empty")
    rates = []
    for part in parts:
        try:
            value = float(part.replace(",", ".") if comma else part)
        except ValueError:
            raise ValueError(f"not a number: {part}") from None
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"not positive: {part}")
        rates.append(value)
    if len(set(rates)) < len(rates):
        raise ValueError("repeated")
    if len(rates) > MAX_RATES:
        raise ValueError("too many")
    return rates


def _named(widget: W, name: str) -> W:
    """``widget`` with its objectName set (tests find controls by name)."""
    widget.setObjectName(name)
    return widget


def _spin(name: str, low: int, high: int, value: int) -> QSpinBox:
    """A named integer spin box."""
    spin = _named(QSpinBox(), name)
    spin.setRange(low, high)
    spin.setValue(value)
    return spin


class _SweepWorker(QObject):
    """Runs one sweep in the thread it was moved to; reports through queued signals."""

    progressed = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, splits: Splits, rates: list[float], sizes: list[int], epochs: int,
                 settings: Settings, stop: threading.Event) -> None:
        super().__init__()
        self._args = (splits, rates, sizes, epochs)
        self._settings = settings
        self._stop = stop
        self._last_yield = time.monotonic()

    def _cancelled(self) -> bool:
        """Polled between epochs: the stop flag, and a moment for the GUI thread (see above)."""
        now = time.monotonic()
        if now - self._last_yield >= _YIELD_EVERY:
            time.sleep(_YIELD_FOR)
            self._last_yield = time.monotonic()
        return self._stop.is_set()

    @Slot()
    def run(self) -> None:
        """Sweep, emit the result (or the reason it failed), and end the thread's event loop."""
        splits, rates, sizes, epochs = self._args
        s = self._settings
        try:
            result = sweep(splits, rates, sizes, epochs, hidden_activation=s.hidden_activation,
                           output_activation=s.output_activation, loss=s.loss,
                           seed=s.weight_seed, batch_size=s.batch_size,
                           progress=self.progressed.emit, cancelled=self._cancelled)
        # Anything: refused settings (ValueError) or a bug; the user hears of it and the thread
        # must still reach quit() below.
        except Exception as error:  # noqa: BLE001
            self.failed.emit(error_text(error))  # in the user's language (codes, e.g. LossError)
        else:
            self.done.emit(result)
        QThread.currentThread().quit()


class SweepDialog(QDialog):
    """Sweep learning rates × hidden units on the development set and pick a configuration.

    Signals
    -------
    sweep_finished(SweepResult) : a sweep ended (completed or cancelled); the heatmap is drawn.
    configuration_chosen(int, float, int) : hidden units, learning rate and best epoch of the
        cell the user chose with "Use this configuration" (the dialog then accepts).
    """

    sweep_finished = Signal(object)
    configuration_chosen = Signal(int, float, int)

    def __init__(self, splits: Splits, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sweepDialog")
        self.setWindowTitle(self.tr("Tune hyperparameters on the development set"))
        self._splits, self._settings = splits, settings
        self._result: SweepResult | None = None
        self._grid: tuple[list[int], list[float]] = ([], [])
        self._thread: QThread | None = None
        self._worker: _SweepWorker | None = None
        self._stop = threading.Event()
        self._build()
        self._validate()

    # --- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.rates_edit = _named(QLineEdit(default_rates()), "sweepRates")
        self.rates_edit.setToolTip(self.tr("Learning rates to try, separated by commas "
                                           "(positive numbers, at most %1)")
                                   .replace("%1", str(MAX_RATES)))
        self.rates_message = _named(QLabel(), "sweepRatesMessage")
        self.rates_message.setStyleSheet("color: #b00020;")
        self.hidden_from = _spin("sweepHiddenFrom", 1, MAX_UNITS, 1)
        self.hidden_from.setToolTip(self.tr("Smallest number of hidden units to try"))
        self.hidden_to = _spin("sweepHiddenTo", 1, MAX_UNITS, MAX_UNITS)
        self.hidden_to.setToolTip(self.tr("Largest number of hidden units to try"))
        self.epochs_spin = _spin("sweepEpochs", 1, MAX_EPOCHS, DEFAULT_EPOCHS)
        self.epochs_spin.setSingleStep(100)
        self.epochs_spin.setToolTip(self.tr("Epochs every configuration trains for; the best "
                                            "epoch on the development set is kept"))
        s = self._settings
        batch = (self.tr("full batch") if s.batch_size is None
                 else self.tr("batch size %1").replace("%1", str(s.batch_size)))
        self.fixed_line = _named(QLineEdit(
            self.tr("hidden %1, output %2, loss %3, weight seed %4, %5")
            .replace("%1", s.hidden_activation).replace("%2", s.output_activation)
            .replace("%3", s.loss).replace("%4", str(s.weight_seed)).replace("%5", batch),
), "sweepFixed")
        self.fixed_line.setReadOnly(True)
        self.fixed_line.setToolTip(self.tr("Taken from the main window and the same for every "
                                           "configuration"))

        hidden_row = QHBoxLayout()
        hidden_row.addWidget(self.hidden_from)
        hidden_row.addWidget(QLabel(self.tr("to")))
        hidden_row.addWidget(self.hidden_to)
        hidden_row.addStretch(1)
        rates_box = QVBoxLayout()
        rates_box.addWidget(self.rates_edit)
        rates_box.addWidget(self.rates_message)
        form = QFormLayout()
        form.addRow(self.tr("Learning rates η:"), rates_box)
        form.addRow(self.tr("Hidden units:"), hidden_row)
        form.addRow(self.tr("Epochs:"), self.epochs_spin)
        form.addRow(self.tr("Fixed:"), self.fixed_line)

        self.run_button = _named(QPushButton(self.tr("Run")), "sweepRun")
        self.run_button.setToolTip(self.tr("Train every configuration on the training set and "
                                           "score it on the development set (never the test "
                                           "set)"))
        self.cancel_button = _named(QPushButton(self.tr("Cancel")), "sweepCancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip(self.tr("Stop the sweep and show what it has so far"))
        self.progress = _named(QProgressBar(), "sweepProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setToolTip(self.tr("Epochs done of the sweep"))
        self.status = _named(QLabel(), "sweepStatus")
        self.status.setWordWrap(True)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.cancel_button)
        run_row.addWidget(self.progress, 1)

        self.heatmap = SweepHeatmap()
        self.curves = SweepCurves()
        self.legend = _named(QLabel(self.tr(
            "Colour and number: the lowest development loss each configuration reached over "
            "its epochs (darker = lower). Grey × = diverged. Red outline = best overall. "
            "Hover a cell for its epoch and accuracy.")), "sweepLegend")
        self.legend.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        caption = _named(QLabel(self.tr("Columns: learning rate η   ·   rows: hidden units h")),
                         "sweepAxes")
        left_layout.addWidget(caption)
        left_layout.addWidget(self.heatmap, 1)
        left_layout.addWidget(self.legend)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.curves)
        splitter.setSizes([560, 440])

        self.selection_label = _named(QLabel(), "sweepSelection")
        self.selection_label.setWordWrap(True)
        self.use_button = _named(QPushButton(self.tr("Use this configuration")),
                                 "sweepUseButton")
        self.use_button.setEnabled(False)
        self.use_button.setToolTip(self.tr("Set these hidden units and learning rate in the "
                                           "main window and train to the best epoch"))
        self.close_button = _named(QPushButton(self.tr("Close")), "sweepClose")
        self.close_button.setToolTip(self.tr("Close without changing anything"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.selection_label, 1)
        bottom.addWidget(self.use_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1100, 680)

        self.rates_edit.textChanged.connect(self._validate)
        self.hidden_from.valueChanged.connect(self._validate)
        self.hidden_to.valueChanged.connect(self._validate)
        self.run_button.clicked.connect(self.run_sweep)
        self.cancel_button.clicked.connect(self.cancel)
        self.heatmap.itemSelectionChanged.connect(self._selection_changed)
        self.use_button.clicked.connect(self._use)
        self.close_button.clicked.connect(self.reject)

    # --- inputs -----------------------------------------------------------------------------

    def _grid_from_inputs(self) -> tuple[list[int], list[float]] | str:
        """The hidden sizes and rates asked for, or a message saying what is wrong."""
        try:
            rates = parse_rates(self.rates_edit.text())
        except ValueError as error:
            reason = str(error)
            if reason == "empty":
                return self.tr("Enter at least one learning rate.")
            if reason == "repeated":
                return self.tr("Each learning rate only once, please.")
            if reason == "too many":
                return self.tr("At most %1 learning rates.").replace("%1", str(MAX_RATES))
            bad = reason.split(": ", 1)[-1]
            return self.tr("“%1” is not a positive number.").replace("%1", bad)
        low, high = self.hidden_from.value(), self.hidden_to.value()
        if low > high:
            return self.tr("The smallest number of hidden units is above the largest.")
        return list(range(low, high + 1)), rates

    @Slot()
    def _validate(self) -> None:
        """Say what is wrong next to the inputs and allow Run only for a valid grid."""
        grid = self._grid_from_inputs()
        self.rates_message.setText(grid if isinstance(grid, str) else "")
        self.rates_message.setVisible(isinstance(grid, str))
        self.run_button.setEnabled(not isinstance(grid, str) and not self.is_running())

    # --- the sweep --------------------------------------------------------------------------

    def is_running(self) -> bool:
        """Whether a sweep thread exists and has not yet been cleaned up."""
        return self._thread is not None

    @Slot()
    def run_sweep(self) -> None:
        """Start a sweep with the current inputs in a new thread (no-op if invalid or busy)."""
        grid = self._grid_from_inputs()
        if isinstance(grid, str) or self.is_running():
            return
        self._grid = grid
        sizes, rates = grid
        self._stop = threading.Event()
        thread = QThread(self)
        worker = _SweepWorker(self._splits, rates, sizes, self.epochs_spin.value(),
                              self._settings, self._stop)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        # The worker lives in the thread and the dialog in the GUI thread: queued connections.
        worker.progressed.connect(self._on_progress)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        self.progress.setValue(0)
        self.status.setText(self.tr("Training %1 configurations…")
                            .replace("%1", str(len(sizes) * len(rates))))
        for widget in (self.rates_edit, self.hidden_from, self.hidden_to, self.epochs_spin,
                       self.run_button, self.use_button):
            widget.setEnabled(False)
        self.cancel_button.setEnabled(True)
        thread.start()

    @Slot()
    def cancel(self) -> None:
        """Ask the sweep to stop after its current epoch; it still reports what it has."""
        self._stop.set()
        self.cancel_button.setEnabled(False)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(100 if total == 0 else round(100 * done / total))

    @Slot(object)
    def _on_done(self, result: SweepResult) -> None:
        self._result = result
        self.heatmap.show_result(result, *self._grid)
        if result.completed:
            self.status.setText(self.tr("Done: %1 epochs per configuration.")
                                .replace("%1", str(result.epochs_done)))
        else:
            self.status.setText(self.tr("Cancelled after %1 epochs; the heatmap shows those.")
                                .replace("%1", str(result.epochs_done)))
        best = self.heatmap.best_item()
        if best is not None:
            self.heatmap.setCurrentItem(best)  # start where the answer is
        self.sweep_finished.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.status.setText(self.tr("The sweep could not run: %1").replace("%1", message))

    @Slot()
    def _on_thread_finished(self) -> None:
        self._release_thread()
        for widget in (self.rates_edit, self.hidden_from, self.hidden_to, self.epochs_spin):
            widget.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self._validate()
        self._selection_changed()

    def _release_thread(self) -> None:
        """Forget the finished thread and its worker (Qt deletes them later)."""
        if self._thread is not None:
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread, self._worker = None, None

    def shutdown(self) -> None:
        """Cancel any sweep and wait for its thread: nothing may outlive the dialog."""
        if self._thread is None:
            return
        self._stop.set()
        self._thread.quit()  # honoured even before the thread's event loop starts
        self._thread.wait()
        self._release_thread()

    # --- results ----------------------------------------------------------------------------

    def sweep_result(self) -> SweepResult | None:
        """The last sweep's result (None before the first one ends)."""
        return self._result

    def select_cell(self, hidden_units: int, learning_rate: float) -> None:
        """Select a configuration's cell as a click would (KeyError if it is not shown)."""
        item = self.heatmap.cell_item(hidden_units, learning_rate)
        if item is None:
            raise KeyError((hidden_units, learning_rate))
        self.heatmap.setCurrentItem(item)

    def chosen(self) -> tuple[int, float, int] | None:
        """``(hidden units, learning rate, best epoch)`` of the selected cell if it can be used."""
        config = self.heatmap.selected_config()
        if config is None or self._result is None or self._result.diverged(*config) is not None:
            return None
        _, epoch = lowest_dev_loss(self._result.history(*config))
        return (config[0], config[1], epoch) if epoch >= 0 else None

    @Slot()
    def _selection_changed(self) -> None:
        config = self.heatmap.selected_config()
        if config is None or self._result is None:
            self.curves.show_history(None)
            self.selection_label.setText("")
            self.use_button.setEnabled(False)
            return
        self.curves.show_history(self._result.history(*config))
        choice = self.chosen()
        h, lr = config
        if choice is None:
            self.selection_label.setText(self.tr("h = %1, η = %2 diverged: pick another cell.")
                                         .replace("%1", str(h))
                                         .replace("%2", numbers.significant(lr, 6)))
        else:
            self.selection_label.setText(self.tr("Selected: %1 hidden units, η = %2, best "
                                                 "epoch %3.").replace("%1", str(h))
                                         .replace("%2", numbers.significant(lr, 6))
                                         .replace("%3", str(choice[2])))
        self.use_button.setEnabled(choice is not None and not self.is_running())

    @Slot()
    def _use(self) -> None:
        choice = self.chosen()
        if choice is None:
            return
        self.configuration_chosen.emit(*choice)
        self.accept()

    # --- closing ----------------------------------------------------------------------------

    def done(self, code: int) -> None:
        """Accept, reject (Escape, Close) and the window's close button all end here."""
        self.shutdown()
        super().done(code)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
