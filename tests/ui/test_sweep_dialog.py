"""The sweep dialog: runs in a thread, shows the lowest dev loss per cell, picks a configuration,
cancels promptly and leaves no thread behind."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from nnsim.core import make_builtin, split
from nnsim.core.settings import Settings
from nnsim.core.sweep import SweepResult
from nnsim.ui.sweep_dialog import DEFAULT_RATES, SweepDialog, parse_rates
from nnsim.ui.sweep_heatmap import (
    BEST_ROLE,
    VALUE_ROLE,
    SweepCurves,
    SweepHeatmap,
    format_loss,
)

SETTINGS = Settings(hidden_activation="sigmoid", output_activation="softmax", loss="cce")


@pytest.fixture(scope="module")
def splits():
    return split(make_builtin("vowels", n_samples=120))


@pytest.fixture
def dialog(qtbot, splits):
    d = SweepDialog(splits, SETTINGS)
    qtbot.addWidget(d)
    yield d
    d.close()
    assert not d.is_running()


def small_grid(d: SweepDialog, epochs: int = 50) -> None:
    d.rates_edit.setText("0.1, 1")
    d.hidden_from.setValue(1)
    d.hidden_to.setValue(2)
    d.epochs_spin.setValue(epochs)


def run(qtbot, d: SweepDialog) -> SweepResult:
    with qtbot.waitSignal(d.sweep_finished, timeout=30000) as blocker:
        d.run_sweep()
    qtbot.waitUntil(lambda: not d.is_running(), timeout=5000)
    return blocker.args[0]


def test_defaults_and_object_names(dialog):
    assert dialog.objectName() == "sweepDialog"
    assert dialog.rates_edit.text() == DEFAULT_RATES
    assert parse_rates(DEFAULT_RATES) == [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30]
    assert (dialog.hidden_from.value(), dialog.hidden_to.value()) == (1, 9)
    assert dialog.epochs_spin.value() == 1000
    assert "softmax" in dialog.fixed_line.text() and "cce" in dialog.fixed_line.text()
    assert dialog.fixed_line.isReadOnly()
    for cls, name in ((QProgressBar, "sweepProgress"), (QPushButton, "sweepCancel"),
                      (QPushButton, "sweepUseButton"), (SweepHeatmap, "sweepHeatmap"),
                      (SweepCurves, "sweepCurves")):
        widget = dialog.findChild(cls, name)
        assert widget is not None, name
        assert widget.toolTip()
    assert dialog.run_button.isEnabled()
    assert not dialog.findChild(QPushButton, "sweepUseButton").isEnabled()


@pytest.mark.parametrize("text", ["", "0.1, abc", "0.1, -1", "0, 1", "1, 1", "nan"])
def test_invalid_rates_disable_run_with_a_message(dialog, text):
    dialog.rates_edit.setText(text)
    assert not dialog.run_button.isEnabled()
    message = dialog.findChild(QLabel, "sweepRatesMessage")
    assert message.text() and not message.isHidden()
    dialog.run_sweep()  # refused, not started
    assert not dialog.is_running()
    dialog.rates_edit.setText("0.1 1")
    assert dialog.run_button.isEnabled() and message.isHidden()


def test_hidden_range_upside_down_disables_run(dialog):
    dialog.hidden_from.setValue(5)
    dialog.hidden_to.setValue(2)
    assert not dialog.run_button.isEnabled()
    assert dialog.rates_message.text()


def test_heatmap_cells_curves_and_use(qtbot, dialog):
    small_grid(dialog)
    result = run(qtbot, dialog)
    assert result is dialog.sweep_result() and result.completed
    assert dialog.progress.value() == 100
    table = dialog.heatmap
    assert (table.rowCount(), table.columnCount()) == (2, 2)
    for row, h in enumerate((1, 2)):
        for col, lr in enumerate((0.1, 1.0)):
            item = table.item(row, col)
            low = float(np.nanmin(result.history(h, lr)["dev_loss"]))
            assert result.diverged(h, lr) is None
            assert item.data(VALUE_ROLE) == low
            assert item.text() == format_loss(low)
    h_best, lr_best, epoch_best = result.best()
    highlighted = [table.item(r, c) for r in range(2) for c in range(2)
                   if table.item(r, c).data(BEST_ROLE)]
    assert highlighted == [table.cell_item(h_best, lr_best)]
    assert highlighted[0].font().bold()

    # A cell that is not the best: its own curves and best epoch.
    other = next((h, lr) for h in (1, 2) for lr in (0.1, 1.0) if (h, lr) != (h_best, lr_best))
    dialog.select_cell(*other)
    history = result.history(*other)
    _, y = dialog.curves.dev_curve.getData()
    np.testing.assert_array_equal(y, history["dev_loss"])
    assert len(dialog.curves.train_curve.getData()[1]) == len(history["train_loss"])
    assert dialog.curves.best_line.isVisible()
    assert dialog.curves.best_line.value() == int(np.nanargmin(history["dev_loss"]))
    assert "best epoch" in dialog.curves.best_line.label.format
    assert dialog.use_button.isEnabled()

    dialog.select_cell(h_best, lr_best)
    assert dialog.curves.best_line.value() == epoch_best
    with qtbot.waitSignal(dialog.configuration_chosen, timeout=1000) as chosen:
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert tuple(chosen.args) == (h_best, lr_best, epoch_best)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_clicking_a_cell_selects_it(qtbot, dialog):
    small_grid(dialog, epochs=10)
    result = run(qtbot, dialog)
    table = dialog.heatmap
    rect = table.visualItemRect(table.item(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.selected_config() == (2, 0.1)
    np.testing.assert_array_equal(dialog.curves.dev_curve.getData()[1],
                                  result.history(2, 0.1)["dev_loss"])


def test_diverged_cell_is_grey_and_cannot_be_used(qtbot, dialog):
    dialog.rates_edit.setText("0.1, 1000")
    dialog.hidden_from.setValue(2)
    dialog.hidden_to.setValue(2)
    dialog.epochs_spin.setValue(40)
    result = run(qtbot, dialog)
    assert result.diverged(2, 1000.0) is not None
    item = dialog.heatmap.cell_item(2, 1000.0)
    assert item.text() == "×"
    dialog.select_cell(2, 1000.0)
    assert not dialog.use_button.isEnabled()
    dialog.select_cell(2, 0.1)
    assert dialog.use_button.isEnabled()


def test_cancel_is_prompt_and_leaves_no_thread(qtbot, dialog):
    dialog.epochs_spin.setValue(20000)  # all 72 default configurations: far longer than the test
    dialog.run_sweep()
    assert dialog.is_running() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0 or dialog._result is not None,
                    timeout=10000)
    started = time.monotonic()
    with qtbot.waitSignal(dialog.sweep_finished, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert time.monotonic() - started < 2.0
    assert blocker.args[0].completed is False
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=2000)
    assert dialog.run_button.isEnabled()


def test_closing_mid_sweep_stops_and_waits_for_the_thread(qtbot, dialog):
    dialog.epochs_spin.setValue(20000)
    dialog.run_sweep()
    thread = dialog._thread
    assert thread is not None and dialog.is_running()
    started = time.monotonic()
    dialog.close()
    assert time.monotonic() - started < 2.0
    assert not dialog.is_running()
    assert thread.isFinished()
