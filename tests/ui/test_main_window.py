"""The main window driven like a user would: real widgets, real worker thread, real core."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnsim.core import commands as cmd
from nnsim.ui.main_window import MainWindow
from nnsim.worker import WorkerThread

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 15_000


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.latest_snapshot is not None, timeout=TIMEOUT)
    yield win
    win.close()


def wait_for(qtbot, window, predicate):
    """Wait until the newest snapshot satisfies ``predicate``; return it."""
    qtbot.waitUntil(lambda: window.latest_snapshot is not None
                    and bool(predicate(window.latest_snapshot)), timeout=TIMEOUT)
    return window.latest_snapshot


def settle(qtbot, window):
    """Wait until the worker has applied every queued command and a snapshot of it arrived.

    The marker is a selection of a name no network has: the session ignores it, but the worker
    reports it as applied and sends a fresh snapshot after it.
    """
    marker = cmd.SelectParameter("settle")
    seen = []  # the snapshot shown when the marker was applied (the next one comes after it)
    window.worker.command_applied.connect(
        lambda applied, _: seen.append(window.latest_snapshot) if applied.command is marker
        else None)
    window.worker.submit(marker)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: window.latest_snapshot is not seen[0], timeout=TIMEOUT)
    return window.latest_snapshot


def test_default_window_shows_the_lecture_network(window) -> None:
    snap = window.latest_snapshot
    assert snap.sizes == (3, 3, 2) and snap.epoch == 0
    assert window.findChild(object, "networkView") is window.network_view
    for name in ("lossPlot", "landscapePlot", "landscapeParamCombo", "hiddenUnitsSpin",
                 "hiddenActivationCombo", "outputActivationCombo", "lossCombo",
                 "learningRateSpin", "speedControl", "datasetCombo", "epochLabel"):
        assert window.findChild(object, name) is not None, name
    assert window.epoch_label.text() == "Epoch 0"
    assert window.windowTitle().startswith("nnsim")


def test_step_is_exactly_one_epoch_of_gradient_descent(qtbot, window) -> None:
    before = window.latest_snapshot
    window.action_set.step.trigger()
    after = wait_for(qtbot, window, lambda s: s.epoch == 1)
    expected = before.parameters - before.learning_rate * before.gradient
    np.testing.assert_allclose(after.parameters, expected, rtol=1e-12, atol=1e-15)
    window.action_set.step.trigger()
    wait_for(qtbot, window, lambda s: s.epoch == 2)
    assert window.epoch_label.text() == "Epoch 2"


def test_train_and_pause(qtbot, window) -> None:
    window.action_set.train.setChecked(True)
    wait_for(qtbot, window, lambda s: s.epoch > 20)
    window.action_set.train.setChecked(False)
    qtbot.waitUntil(lambda: window.action_set.train.text() == "&Train", timeout=TIMEOUT)
    first = settle(qtbot, window).epoch
    assert settle(qtbot, window).epoch == first  # paused means paused
    assert window.latest_snapshot.latest.dev_loss < 1.0


def test_space_toggles_training(qtbot, window) -> None:
    window.activateWindow()
    assert window.action_set.train.shortcut().toString() == "Space"
    window.action_set.train.trigger()
    assert window.action_set.train.isChecked()
    window.action_set.train.trigger()
    assert not window.action_set.train.isChecked()


def test_every_control_changes_the_model(qtbot, window) -> None:
    panel = window.control_panel
    panel.hidden_units_spin.setValue(4)
    snap = wait_for(qtbot, window, lambda s: s.sizes == (3, 4, 2))
    assert "w14" in snap.names and "b6" in snap.names
    combo = panel.hidden_activation_combo
    combo.setCurrentIndex(combo.findData("relu"))
    combo.activated.emit(combo.currentIndex())
    wait_for(qtbot, window, lambda s: s.hidden_activation == "relu")
    combo = panel.loss_combo
    combo.setCurrentIndex(combo.findData("bce"))
    combo.activated.emit(combo.currentIndex())
    wait_for(qtbot, window, lambda s: s.loss == "bce" and s.output_activation == "sigmoid")
    assert "Sigmoid" in window.statusBar().currentMessage()
    assert panel.output_activation_combo.currentData() == "sigmoid"
    combo = panel.output_activation_combo
    combo.setCurrentIndex(combo.findData("linear"))
    combo.activated.emit(combo.currentIndex())
    wait_for(qtbot, window, lambda s: s.output_activation == "linear" and s.loss == "mse")
    panel.learning_rate_spin.setValue(0.05)
    wait_for(qtbot, window, lambda s: s.learning_rate == 0.05)
    combo = panel.batch_combo
    combo.setCurrentIndex(combo.findData(16))
    combo.activated.emit(combo.currentIndex())
    assert settle(qtbot, window).settings.batch_size == 16
    panel.train_selected_check.setChecked(True)
    wait_for(qtbot, window, lambda s: s.train_selected_only)
    panel.speed_control.setValue(0)
    assert settle(qtbot, window).settings.speed == 1.0
    panel.speed_control.setValue(panel.speed_control.maximum())
    assert settle(qtbot, window).settings.speed is None
    panel.dev_ratio_spin.setValue(20)
    assert settle(qtbot, window).settings.ratios == pytest.approx((0.7, 0.2, 0.1))
    combo = panel.dataset_combo
    combo.setCurrentIndex(combo.findData("regression"))
    combo.activated.emit(combo.currentIndex())
    snap = wait_for(qtbot, window, lambda s: not s.is_classification)
    assert snap.loss == "mse" and snap.epoch == 0


def test_learning_rate_spin_range_and_steps(window) -> None:
    spin = window.control_panel.learning_rate_spin
    assert spin.minimum() == pytest.approx(1e-5) and spin.maximum() == 100
    spin.setValue(0.01)
    spin.stepUp()
    assert 0.01 < spin.value() <= 0.02  # steps follow the decade, not a fixed 0.01
    spin.setValue(10)
    spin.stepUp()
    assert 10 < spin.value() <= 12


def test_landscape_follows_the_selection_both_ways(qtbot, window) -> None:
    window.network_view.parameter_selected.emit("w12")
    snap = wait_for(qtbot, window, lambda s: s.selected == "w12")
    assert snap.figure.name == "w12"
    assert window.landscape_panel.param_combo.currentText() == "w12"
    assert window.network_view.selected() == "w12"
    combo = window.landscape_panel.param_combo
    combo.setCurrentIndex(combo.findText("v21"))
    combo.activated.emit(combo.currentIndex())
    wait_for(qtbot, window, lambda s: s.selected == "v21")
    assert window.network_view.selected() == "v21"


def test_typed_weight_edit_and_undo(qtbot, window) -> None:
    old = window.latest_snapshot.value("w12")
    window.network_view.parameter_edit_requested.emit("w12", 0.25)
    wait_for(qtbot, window, lambda s: s.value("w12") == 0.25)
    window.action_set.undo.trigger()
    wait_for(qtbot, window, lambda s: s.value("w12") == old)
    window.action_set.redo.trigger()
    wait_for(qtbot, window, lambda s: s.value("w12") == 0.25)
    assert window.undo_stack.count() == 1
    window.control_panel.hidden_units_spin.setValue(2)
    wait_for(qtbot, window, lambda s: s.sizes == (3, 2, 2))
    assert window.undo_stack.count() == 2
    assert window.action_set.undo.text() == "&Undo 2 hidden units"
    window.action_set.undo.trigger()  # one step back: three hidden units again
    snap = wait_for(qtbot, window, lambda s: s.sizes == (3, 3, 2))
    assert window.control_panel.hidden_units_spin.value() == 3


def test_invalid_edit_is_refused_with_a_message(qtbot, window) -> None:
    old = window.latest_snapshot.value("w12")
    editor = window.network_view.begin_edit("w12")
    editor.setText("abc")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert "abc" in window.statusBar().currentMessage()
    assert settle(qtbot, window).value("w12") == old
    assert window.undo_stack.count() == 0


def test_divergence_pauses_and_reset_recovers(qtbot, window) -> None:
    window.control_panel.learning_rate_spin.setValue(100)
    wait_for(qtbot, window, lambda s: s.learning_rate == 100)
    window.action_set.train.setChecked(True)
    snap = wait_for(qtbot, window, lambda s: s.divergence is not None)
    qtbot.waitUntil(lambda: not window.action_set.train.isChecked(), timeout=TIMEOUT)
    assert window.divergence_banner.isVisible()
    assert "diverged" in window.divergence_banner.text()
    assert "smaller" in window.divergence_banner.text()
    assert np.isfinite(snap.parameters).all()
    window.action_set.train.setChecked(True)  # a diverged run refuses to go on ...
    qtbot.waitUntil(lambda: not window.action_set.train.isChecked(), timeout=TIMEOUT)
    assert window.action_set.train.text() == "&Train"  # ... and the button says so
    window.control_panel.learning_rate_spin.setValue(0.5)
    window.action_set.reset.trigger()
    wait_for(qtbot, window, lambda s: s.divergence is None and s.epoch == 0)
    assert not window.divergence_banner.isVisible()
    window.action_set.train.setChecked(True)  # one click trains again after Reset
    wait_for(qtbot, window, lambda s: s.epoch > 5)
    window.action_set.train.setChecked(False)


def test_csv_error_keeps_the_current_data(qtbot, window, tmp_path, monkeypatch) -> None:
    bad = tmp_path / "broken.csv"
    bad.write_text("a,b,label\n1,2,x\n3,oops,y\n", encoding="utf-8")
    errors = []
    monkeypatch.setattr(window, "ask_open_path", lambda *a: str(bad))
    monkeypatch.setattr(window, "show_error", errors.append)
    window.import_csv()  # read in the training thread
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert "broken.csv" in errors[0] and "line 3" in errors[0]
    assert window.undo_stack.count() == 0 and not window.busy_indicator.isVisible()
    snap = settle(qtbot, window)
    assert snap.dataset_name == window.latest_snapshot.dataset_name
    assert snap.sizes == (3, 3, 2) and snap.feature_names[0].startswith("F1")


def test_csv_import_of_the_sample_file(qtbot, window, monkeypatch) -> None:
    sample = ROOT / "resources" / "data" / "vowels.csv"
    monkeypatch.setattr(window, "ask_open_path", lambda *a: str(sample))
    assert window.import_csv() is True
    snap = wait_for(qtbot, window, lambda s: s.settings.data_source == "vowels.csv")
    assert "vowels.csv" in window.control_panel.dataset_combo.currentText()
    assert snap.is_classification


def test_evaluate_on_test_set_only_when_asked(qtbot, window) -> None:
    window.action_set.step.trigger()
    wait_for(qtbot, window, lambda s: s.epoch == 1)
    assert window.latest_snapshot.test_result is None
    window.action_set.evaluate_test.trigger()
    snap = wait_for(qtbot, window, lambda s: s.test_result is not None)
    assert snap.test_result.epoch == 1
    assert "Test set" in window.statusBar().currentMessage()
    assert "test loss" in window.metrics_label.text()


def test_export_weights_and_plots(qtbot, window, tmp_path, monkeypatch) -> None:
    target = tmp_path / "weights.csv"
    monkeypatch.setattr(window, "ask_save_path", lambda *a: (str(target), ""))
    assert window.export_weights()
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0] == ["name", "value", "gradient"] and len(rows) == 21
    assert float(rows[1][1]) == window.latest_snapshot.value(rows[1][0])
    png = tmp_path / "loss.png"
    monkeypatch.setattr(window, "ask_save_path", lambda *a: (str(png), ""))
    assert window.export_plot_to(window.loss_plot)
    assert png.stat().st_size > 1000


def test_log_scale_action(window) -> None:
    window.action_set.log_scale.setChecked(True)
    assert window.loss_plot.log_scale()
    window.action_set.log_scale.setChecked(False)
    assert not window.loss_plot.log_scale()


def test_closing_while_training_stops_the_thread(qtbot) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.latest_snapshot is not None, timeout=TIMEOUT)
    win.control_panel.speed_control.setValue(win.control_panel.speed_control.maximum())
    win.action_set.train.setChecked(True)
    qtbot.waitUntil(lambda: win.latest_snapshot.epoch > 50, timeout=TIMEOUT)
    win.close()
    assert not win.worker_thread.thread.isRunning()
    assert WorkerThread.running() == []


def test_layout_is_remembered(qtbot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    dock = first.findChild(object, "lossDock")
    dock.hide()
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert not second.findChild(object, "lossDock").isVisible()
    second.close()


def test_data_and_seed_controls_change_the_model(qtbot, window, monkeypatch) -> None:
    panel = window.control_panel
    panel.samples_spin.setValue(200)
    assert settle(qtbot, window).n_rows == 200
    panel.noise_spin.setValue(2.0)
    assert settle(qtbot, window).settings.noise == 2.0
    before = settle(qtbot, window).dev_loss
    panel.split_seed_spin.setValue(7)
    snap = settle(qtbot, window)
    assert snap.settings.split_seed == 7
    assert snap.dev_loss != before  # other rows in the dev set
    weights = window.latest_snapshot.parameters
    panel.seed_spin.setValue(5)
    window.action_set.reset.trigger()
    snap = wait_for(qtbot, window, lambda s: not np.array_equal(s.parameters, weights))
    assert snap.epoch == 0
    asked = []
    monkeypatch.setattr(window, "ask_open_path", lambda *a: asked.append(a) or "")
    panel.import_button.click()
    assert asked  # the button opens the file dialog


def test_hidden_units_from_the_editor_follow_the_panel(qtbot, window) -> None:
    add = window.network_view.findChild(object, "addHiddenUnitButton")
    qtbot.mouseClick(add, Qt.LeftButton)
    snap = wait_for(qtbot, window, lambda s: s.sizes == (3, 4, 2))
    assert window.control_panel.hidden_units_spin.value() == 4
    assert "w14" in snap.names and "v41" in snap.names
    remove = window.network_view.findChild(object, "removeHiddenUnitButton")
    qtbot.mouseClick(remove, Qt.LeftButton)
    wait_for(qtbot, window, lambda s: s.sizes == (3, 3, 2))
    assert window.control_panel.hidden_units_spin.value() == 3


def test_a_csv_with_other_counts_redraws_the_network(qtbot, window, tmp_path, monkeypatch) -> None:
    rng = np.random.default_rng(0)
    path = tmp_path / "two_features.csv"
    rows = ["a,b,kind"] + [f"{x:.3f},{y:.3f},{'abc'[i % 3]}"
                           for i, (x, y) in enumerate(rng.normal(size=(60, 2)))]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(window, "ask_open_path", lambda *a: str(path))
    assert window.import_csv()
    snap = wait_for(qtbot, window, lambda s: s.sizes == (2, 3, 3))
    assert "w23" in snap.names and "v33" in snap.names and "b6" in snap.names
    assert "w31" not in snap.names
    labels = window.network_view.edge_label_rects()
    assert set(labels) == set(snap.names)


def test_slow_motion_keeps_its_pace_while_settings_change(qtbot, window) -> None:
    import time

    window.control_panel.speed_control.setValue(0)  # 1 epoch per second
    window.action_set.train.setChecked(True)
    start = time.monotonic()
    for i in range(30):  # e.g. a student scrubbing the learning rate during slow motion
        window.control_panel.learning_rate_spin.setValue(0.5 + 0.01 * (i + 1))
        wait_for(qtbot, window, lambda s: s.learning_rate == pytest.approx(0.5 + 0.01 * (i + 1)))
    elapsed = time.monotonic() - start
    window.action_set.train.setChecked(False)
    epoch = settle(qtbot, window).epoch
    # Paced by the clock, not by the commands: at most one epoch per second (plus the first).
    assert epoch <= 2 + elapsed


def test_an_absurdly_large_weight_is_refused(qtbot, window) -> None:
    old = window.latest_snapshot.value("v31")
    editor = window.network_view.begin_edit("v31")
    editor.setText("1e300")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert "too large" in window.statusBar().currentMessage()
    assert settle(qtbot, window).value("v31") == old
    assert window.undo_stack.count() == 0


def test_shortcuts_do_not_fire_while_typing_in_a_control(qtbot, window) -> None:
    for action in (window.action_set.step, window.action_set.reset, window.action_set.log_scale):
        keys = action.shortcut().toString()
        assert keys and (len(keys) > 1), f"{action.objectName()} has a single-key shortcut"
    combo = window.control_panel.hidden_activation_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key_S)  # picks "Sigmoid" in the combo, must not step
    assert settle(qtbot, window).epoch == 0


def test_an_impossible_split_says_why_and_changes_nothing(qtbot, window) -> None:
    panel = window.control_panel
    panel.train_ratio_spin.setValue(90)
    panel.dev_ratio_spin.setValue(45)
    assert "at least 5 %" in panel.test_ratio_label.toolTip()
    assert "−" in panel.test_ratio_label.text()
    assert settle(qtbot, window).settings.ratios == pytest.approx((0.7, 0.15, 0.15))


def test_weights_export_adds_the_csv_suffix(qtbot, window, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(window, "ask_save_path", lambda *a: (str(tmp_path / "weights"), ""))
    assert window.export_weights()
    assert (tmp_path / "weights.csv").is_file()


def test_a_small_screen_shows_the_plots_as_tabs(window) -> None:
    # The offscreen test screen is 800 px wide: too narrow for the plots side by side.
    loss_dock = window.findChild(object, "lossDock")
    landscape_dock = window.findChild(object, "landscapeDock")
    assert landscape_dock in window.tabifiedDockWidgets(loss_dock)


def test_activation_choices_show_their_formulas(window) -> None:
    combo = window.control_panel.output_activation_combo
    index = combo.findData("softmax")
    assert "softmax(x)" in combo.itemData(index, Qt.ToolTipRole)


def test_saving_into_a_missing_folder_says_why(window, tmp_path, monkeypatch) -> None:
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    target = tmp_path / "no such folder" / "weights.csv"
    monkeypatch.setattr(window, "ask_save_path", lambda *a: (str(target), ""))
    assert not window.export_weights()
    assert "No such file or directory" in errors[0] and "[Errno" not in errors[0]
