"""The window's boundary: typed commands, undo from the model, errors that never stop the worker."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from nnsim.core import commands as cmd
from tests.ui.test_main_window import TIMEOUT, settle, wait_for, window  # noqa: F401 - fixture


def test_an_unexpected_error_is_shown_and_the_worker_keeps_serving(qtbot, window,
                                                                  monkeypatch) -> None:
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    window.worker.submit(object())  # not a command: the session raises TypeError
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert "TypeError" in errors[0]
    assert "TypeError" in window.statusBar().currentMessage()
    before = window.latest_snapshot.epoch
    window.action_set.step.trigger()  # Step still works ...
    wait_for(qtbot, window, lambda s: s.epoch == before + 1)  # ... and snapshots keep coming
    window.action_set.train.setChecked(True)
    wait_for(qtbot, window, lambda s: s.epoch > before + 5)
    window.action_set.train.setChecked(False)


def test_an_error_while_training_pauses_and_is_reported(qtbot, window, monkeypatch) -> None:
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)

    def broken(self, epochs: int = 1) -> None:
        raise RuntimeError("boom")

    from nnsim.core.session import Session
    monkeypatch.setattr(Session, "step", broken)  # a bug inside training
    window.action_set.train.setChecked(True)
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert "boom" in errors[0]
    qtbot.waitUntil(lambda: not window.action_set.train.isChecked(), timeout=TIMEOUT)
    assert settle(qtbot, window) is not None  # still serving


def test_no_key_sequence_is_bound_twice(window) -> None:
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            keys = sequence.toString(QKeySequence.PortableText)
            assert keys not in seen, f"{keys} is bound to {seen[keys]} and {action.objectName()}"
            seen[keys] = action.objectName() or action.text()
    assert seen["Ctrl+Z"] == "actionUndo"
    assert seen["Ctrl+Shift+Z"] == seen["Ctrl+Y"] == "actionRedo"


def test_settings_are_undoable_one_step_per_gesture(qtbot, window) -> None:
    panel = window.control_panel
    panel.learning_rate_spin.setValue(0.1)
    wait_for(qtbot, window, lambda s: s.learning_rate == 0.1)
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=TIMEOUT)
    assert window.action_set.undo.text() == "&Undo learning rate 0.1"
    combo = panel.loss_combo
    combo.setCurrentIndex(combo.findData("bce"))
    combo.activated.emit(combo.currentIndex())
    wait_for(qtbot, window, lambda s: s.loss == "bce" and s.output_activation == "sigmoid")
    qtbot.waitUntil(lambda: window.undo_stack.count() == 2, timeout=TIMEOUT)
    window.action_set.undo.trigger()  # the loss and the activation it switched, together
    wait_for(qtbot, window, lambda s: s.loss == "cce" and s.output_activation == "softmax")
    assert panel.loss_combo.currentData() == "cce"
    window.action_set.undo.trigger()
    wait_for(qtbot, window, lambda s: s.learning_rate == 0.5)
    assert panel.learning_rate_spin.value() == 0.5
    window.action_set.redo.trigger()
    wait_for(qtbot, window, lambda s: s.learning_rate == 0.1)
    assert window.undo_stack.count() == 2  # undo/redo themselves add no steps


def test_a_refused_edit_never_reaches_the_undo_stack(qtbot, window, monkeypatch) -> None:
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    old = window.latest_snapshot.value("w12")
    window.network_view.parameter_edit_requested.emit("w12", 5000.0)
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert "between" in errors[0]
    assert settle(qtbot, window).value("w12") == old
    assert window.undo_stack.count() == 0


def test_undo_restores_the_value_the_model_had(qtbot, window) -> None:
    window.action_set.step.trigger()
    wait_for(qtbot, window, lambda s: s.epoch == 1)
    before_edit = settle(qtbot, window).value("v11")
    window.network_view.parameter_edit_requested.emit("v11", 0.75)
    wait_for(qtbot, window, lambda s: s.value("v11") == 0.75)
    window.action_set.undo.trigger()
    wait_for(qtbot, window, lambda s: s.value("v11") == before_edit)


def test_a_new_dataset_shows_its_own_defaults(qtbot, window) -> None:
    panel = window.control_panel
    assert (panel.samples_spin.value(), panel.noise_spin.value()) == (400, 1.0)
    combo = panel.dataset_combo
    combo.setCurrentIndex(combo.findData("regression"))
    combo.activated.emit(combo.currentIndex())
    snap = wait_for(qtbot, window, lambda s: s.settings.dataset == "regression")
    assert (snap.settings.n_samples, snap.settings.noise) == (300, 0.05) and snap.n_rows == 300
    assert (panel.samples_spin.value(), panel.noise_spin.value()) == (300, 0.05)
    # Cross-entropy makes no sense on regression targets: offered, but disabled, with a reason.
    model = panel.loss_combo.model()
    for name in ("cce", "bce"):
        item = model.item(panel.loss_combo.findData(name))
        assert not item.isEnabled() and "regression" in item.toolTip()
    assert model.item(panel.loss_combo.findData("mae")).isEnabled()
    window.action_set.undo.trigger()
    snap = wait_for(qtbot, window, lambda s: s.settings.dataset == "vowels")
    assert snap.n_rows == 400 and panel.noise_spin.value() == 1.0


def test_a_click_on_a_stale_weight_is_dropped_quietly(qtbot, window, monkeypatch) -> None:
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    window.control_panel.hidden_units_spin.setValue(1)
    window.network_view.parameter_selected.emit("v31")  # before the editor has redrawn
    snap = settle(qtbot, window)
    assert snap.sizes == (3, 1, 2) and not errors
    assert window.network_view.selected() == snap.selected
    assert window.landscape_panel.param_combo.currentText() == snap.selected


def test_a_file_too_large_for_the_loader_is_read_in_the_worker(qtbot, window, tmp_path,
                                                               monkeypatch) -> None:
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    fifo = tmp_path / "pipe.csv"
    import os
    os.mkfifo(fifo)
    monkeypatch.setattr(window, "ask_open_path", lambda *a: str(fifo))
    assert window.import_csv()  # returns at once: nothing blocks the GUI thread
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert "pipe.csv" in errors[0]
    assert settle(qtbot, window).settings.dataset == "vowels"


def test_the_loss_plot_ends_where_the_status_bar_is(qtbot, window) -> None:
    for _ in range(3):
        window.action_set.step.trigger()
    snap = wait_for(qtbot, window, lambda s: s.epoch == 3)
    assert snap.history["epoch"][0] == 0 and snap.history["epoch"][-1] == 3
    assert snap.history["train_loss"][-1] == pytest.approx(snap.train_loss, rel=1e-12)
    assert f"{snap.train_loss:.4g}" in window.metrics_label.text()
    assert np.isfinite(snap.history["dev_loss"]).all()


def test_closing_inside_a_long_epoch_stops_the_thread(qtbot, tmp_path) -> None:
    from nnsim.core.datasets import make_builtin
    from nnsim.core.session import Session
    from nnsim.core.settings import Settings
    from nnsim.ui.main_window import MainWindow
    from nnsim.worker import WorkerThread

    # Mini-batches of one row over 70,000 rows: one epoch takes seconds.
    big = make_builtin("regression", n_samples=100_000)
    win = MainWindow(Session(Settings(dataset="regression", batch_size=1, speed=None),
                             dataset=big))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.latest_snapshot is not None, timeout=TIMEOUT)
    win.action_set.train.setChecked(True)
    qtbot.wait(300)  # inside the first epoch
    win.close()
    assert not win.worker_thread.thread.isRunning()  # abandoned at the next mini-batch
    assert WorkerThread.running() == []


@pytest.mark.parametrize("seed", [*range(6), 7])
def test_random_gestures_never_leave_the_views_apart_from_the_model(qtbot, window, monkeypatch,
                                                                    seed: int) -> None:
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    rng = np.random.default_rng(seed)
    panel = window.control_panel

    def pick(combo, data=None):
        index = combo.findData(data) if data is not None else int(rng.integers(combo.count()))
        combo.setCurrentIndex(index)
        combo.activated.emit(index)

    gestures = [
        lambda: panel.hidden_units_spin.setValue(int(rng.integers(1, 10))),
        lambda: pick(panel.hidden_activation_combo),
        lambda: pick(panel.output_activation_combo),
        lambda: pick(panel.loss_combo),
        lambda: pick(panel.dataset_combo),
        lambda: pick(panel.batch_combo),
        lambda: panel.learning_rate_spin.setValue(float(rng.choice([0.01, 0.5, 5.0, 100.0]))),
        lambda: window.network_view.parameter_selected.emit(
            str(rng.choice(["w11", "v31", "b5", "w93", "v12"]))),
        lambda: window.network_view.parameter_edit_requested.emit(
            str(rng.choice(["w11", "v21"])), float(rng.normal())),
        lambda: window.action_set.step.trigger(),
        lambda: window.action_set.undo.trigger(),
        lambda: window.action_set.redo.trigger(),
        lambda: window.action_set.reset.trigger(),
        lambda: panel.train_selected_check.toggle(),
        lambda: window.action_set.train.toggle(),
    ]
    for _ in range(60):
        gestures[int(rng.integers(len(gestures)))]()
        if rng.random() < 0.3:
            qtbot.wait(int(rng.integers(1, 40)))
    window.action_set.train.setChecked(False)
    snap = settle(qtbot, window)
    snap = settle(qtbot, window)
    # Refusals (a loss that does not fit the data, an edit of a weight the network lost) may be
    # shown; nothing else may go wrong.
    assert not [e for e in errors if "went wrong" in e], errors
    assert window.network_view.selected() == snap.selected
    assert window.landscape_panel.param_combo.currentText() == snap.selected
    s = snap.settings
    assert panel.hidden_units_spin.value() == s.hidden_units == snap.sizes[1]
    assert panel.loss_combo.currentData() == s.loss == snap.loss
    assert panel.output_activation_combo.currentData() == s.output_activation
    assert panel.hidden_activation_combo.currentData() == s.hidden_activation
    assert window.activation_preview.activation() == s.hidden_activation
    assert panel.learning_rate_spin.value() == pytest.approx(s.learning_rate)
    assert (panel.batch_combo.currentData() or None) == s.batch_size
    assert panel.train_selected_check.isChecked() == s.train_selected_only


def test_the_worker_restores_the_gil_switch_interval(qtbot) -> None:
    import sys

    from nnsim.ui.main_window import MainWindow
    from nnsim.ui.settings import AppSettings

    before = sys.getswitchinterval()
    win = MainWindow(settings=AppSettings.in_memory())
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.latest_snapshot is not None, timeout=TIMEOUT)
    assert sys.getswitchinterval() < before  # short while training runs beside the GUI
    win.close()
    assert sys.getswitchinterval() == before
