"""The step explainer in the real window: walk one epoch phase by phase, with its numbers."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from nnsim.core import commands as cmd
from nnsim.core.explain_walk import PHASE_KINDS, phases
from nnsim.core.session import Session
from nnsim.ui import explain_text
from tests.ui.test_main_window import settle, wait_for, window  # noqa: F401 - fixtures

TIMEOUT = 15_000


def explain_on(qtbot, window, row=None):
    window.choose_explained_example(row)
    return wait_for(qtbot, window, lambda s: s.step_trace is not None and s.step_trace.row == row)


def press_step(qtbot, window):
    """One press of Step (F10) in explain mode; waits until the walk has moved on."""
    explainer = window.explainer
    before = (explainer.position, explainer._done)
    qtbot.waitUntil(lambda: explainer._waiting_for is None, timeout=TIMEOUT)
    window.action_set.step.trigger()
    qtbot.waitUntil(lambda: (explainer.position, explainer._done) != before, timeout=TIMEOUT)
    return explainer.phase()


def walk_one_epoch(qtbot, window):
    kinds = [press_step(qtbot, window).kind for _ in PHASE_KINDS]
    assert tuple(kinds) == PHASE_KINDS
    return wait_for(qtbot, window, lambda s: s.epoch == 1)


def test_dock_and_actions(window) -> None:
    dock = window.findChild(QDockWidget, "stepExplainer")
    assert dock is not None and not dock.isVisible()  # hidden until used
    explain = window.findChild(QAction, "actionExplainStep")
    gradients = window.findChild(QAction, "actionShowGradients")
    assert explain.isCheckable() and gradients.isCheckable()
    assert explain.toolTip() and gradients.toolTip()
    assert explain in window.findChild(QMenu, "menuTrain").actions()
    assert gradients in window.findChild(QMenu, "menuView").actions()
    shortcuts = [s.toString() for a in window.findChildren(QAction) for s in a.shortcuts()
                 if not s.isEmpty()]
    for action in (explain, gradients):
        key = action.shortcut().toString()
        assert key and shortcuts.count(key) == 1, key
    step_text = window.action_set.step.text()
    explain.trigger()
    assert dock.isVisible()
    assert "next phase" in window.action_set.step.text()  # Step now walks one phase
    explain.trigger()
    assert not dock.isVisible() and window.action_set.step.text() == step_text


@pytest.mark.parametrize("row", [None, 5])
def test_a_walk_through_one_epoch_equals_one_ordinary_step(qtbot, window, row) -> None:
    start = explain_on(qtbot, window, row)
    twin = Session(start.settings)  # the same data and initial weights, no window
    assert np.array_equal(twin.net.parameters, start.parameters)
    twin.apply(cmd.Step(1))
    epochs = []
    for kind in PHASE_KINDS:
        phase = press_step(qtbot, window)
        assert phase.kind == kind
        assert window.explainer.panel.formula_lines(), kind
        epochs.append(window.latest_snapshot.epoch)
    assert epochs[:-1] == [0] * 5  # nothing is trained before the update phase
    after = wait_for(qtbot, window, lambda s: s.epoch == 1)
    assert np.array_equal(after.parameters, twin.net.parameters)
    notice = window.explainer.panel.notice_label.text()
    assert ("mean slope" in notice) == (row is not None)  # a row's slope is not the step
    # The update phase showed exactly those new values.
    update = window.explainer.panel.formula_lines()
    assert len(update) == len(after.names)
    v31 = next(line for line in update if line.startswith("v31 ←"))
    assert v31.endswith("= " + explain_text.number(after.value("v31")))


def test_mini_batches_keep_the_promise_and_say_so(qtbot, window) -> None:
    window.submit(cmd.SetBatchSize(16))
    explain_on(qtbot, window)
    start = wait_for(qtbot, window, lambda s: s.step_trace.batch_size == 16)
    twin = Session(start.settings)
    twin.apply(cmd.Step(1))
    for _ in range(len(PHASE_KINDS)):
        press_step(qtbot, window)
    notice = window.explainer.panel.notice_label.text()
    assert "Mini-batches of 16" in notice and window.explainer.panel.notice_label.isVisible()
    after = wait_for(qtbot, window, lambda s: s.epoch == 1)
    assert np.array_equal(after.parameters, twin.net.parameters)
    qtbot.waitUntil(lambda: "mini-batches, as Step" in window.explainer.panel.notice_label.text(),
                    timeout=TIMEOUT)
    assert "exactly as Step" not in window.explainer.panel.notice_label.text()  # not both


def test_the_chosen_row_is_shown_with_its_numbers(qtbot, window) -> None:
    snap = explain_on(qtbot, window, 3)
    panel = window.explainer.panel
    assert window.action_set.explain_step.isChecked()
    assert window.findChild(QDockWidget, "stepExplainer").isVisible()
    assert snap.settings.explain_row == 3 and panel.row_spin.value() == 4
    trace = snap.step_trace.trace
    notes = window.network_view.explain_marks.texts()
    assert notes["I1"] == "x = " + explain_text.number(trace.inputs[0, 0])
    assert notes["H2"].split("\n") == ["z = " + explain_text.number(trace.hidden_pre[0, 1]),
                                       "h = " + explain_text.number(trace.hidden[0, 1])]
    assert ("y = " + explain_text.number(trace.targets[0, 0])) in notes["O1"]
    assert explain_text.number(trace.loss) in notes["loss"]
    assert "Row 4" in panel.row_label.text()
    assert f"x1 ({snap.feature_names[0]}) = " in panel.row_label.toolTip()
    assert window.network_view.explain_notes() == notes
    panel.example_combo.setCurrentIndex(0)  # back to the mean
    wait_for(qtbot, window, lambda s: s.step_trace.row is None)
    assert "L (means" in window.network_view.explain_marks.texts()["loss"]


def test_the_graph_marks_the_layer_being_computed(qtbot, window) -> None:
    explain_on(qtbot, window)
    marks = window.network_view.explain_marks
    layers = []
    for _ in range(5):
        press_step(qtbot, window)
        layers.append(marks.band_layer())
    assert layers == ["H", "O", "", "O", "H"]
    assert "δ = " in marks.texts()["H1"] and "δ = " in marks.texts()["O1"]
    # The backward pass writes each slope on its edge.
    label = window.network_view.labels()["w11"]
    assert label.text.startswith("∂w11")


def test_train_or_a_change_mid_walk_starts_the_walk_again(qtbot, window) -> None:
    explain_on(qtbot, window)
    press_step(qtbot, window)
    press_step(qtbot, window)
    window.submit(cmd.SetLearningRate(0.1))
    qtbot.waitUntil(lambda: window.explainer.position == -1, timeout=TIMEOUT)
    press_step(qtbot, window)
    window.action_set.train.setChecked(True)
    assert window.explainer.position == -1
    wait_for(qtbot, window, lambda s: s.epoch > 3)
    window.action_set.step.trigger()  # Step while training: pauses first
    qtbot.waitUntil(lambda: not window.action_set.train.isChecked(), timeout=TIMEOUT)
    settle(qtbot, window)
    assert press_step(qtbot, window).kind == PHASE_KINDS[0]


def test_clicking_a_unit_or_an_edge_shows_its_formula(qtbot, window) -> None:
    explain_on(qtbot, window, 0)
    press_step(qtbot, window)
    view = window.network_view
    centre = view.mapFromScene(view.nodes()["H2"].scenePos())
    from PySide6.QtCore import Qt
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    lines = window.explainer.panel.item_lines()
    assert lines[0].startswith("z(H2) = w12 · x1 + w22 · x2") and lines[2].startswith("δ(H2)")
    window.explainer.item_clicked("w12")
    assert window.explainer.panel.item_lines()[0].startswith("∂ℓ/∂w12 = δ(H2) · x1 = ")


def test_the_selected_parameters_formula_is_the_landscapes(qtbot, window) -> None:
    snap = explain_on(qtbot, window, 2)
    figure = snap.figure
    text = window.explainer.panel.selected_label.text()
    assert f"Selected in the landscape: {snap.selected}" in text
    n = explain_text.number
    assert f"∂L/∂{snap.selected} = " in text and text.count(n(figure.slope)) >= 1
    assert f"= {n(figure.new_value)}" in text
    assert f"{n(figure.current_value)} − {n(figure.learning_rate)} · " in text


def gradient_text(label, value):
    return f"∂{label.name} = {explain_text.gradient_label(value)}" if label.show_value \
        else f"∂{label.name}"


def test_show_gradients_draws_each_slope_from_the_worker(qtbot, window) -> None:
    window.resize(1366, 768)
    window.action_set.show_gradients.setChecked(True)
    snap = window.latest_snapshot
    labels = window.network_view.labels()
    assert labels["w12"].text == gradient_text(labels["w12"], snap.gradient_of("w12"))
    edges = window.network_view.edges()
    steepest = max(snap.names, key=lambda n: abs(snap.gradient_of(n)))
    assert edges[steepest].pen().widthF() >= edges["w12"].pen().widthF()
    window.action_set.train.setChecked(True)  # during training too
    later = wait_for(qtbot, window, lambda s: s.epoch > 5)
    window.action_set.train.setChecked(False)
    later = settle(qtbot, window)
    assert labels["w12"].text == gradient_text(labels["w12"], later.gradient_of("w12"))
    window.action_set.show_gradients.setChecked(False)
    assert labels["w12"].text.startswith("w12") and "∂" not in labels["w12"].text


def test_a_diverged_run_is_not_walked(qtbot, window) -> None:
    window.submit(cmd.SetLearningRate(100.0))
    window.action_set.train.setChecked(True)
    wait_for(qtbot, window, lambda s: s.divergence is not None)
    explain_on(qtbot, window)
    window.action_set.step.trigger()
    assert window.explainer.position == -1


def test_presenter_mode_keeps_the_explainer_readable(qtbot, window) -> None:
    explain_on(qtbot, window)
    panel = window.explainer.panel
    window.action_set.presenter_mode.setChecked(True)
    try:
        assert panel._zoom > 1.5
        assert window.findChild(QDockWidget, "stepExplainer").isVisible()
    finally:
        window.action_set.presenter_mode.setChecked(False)
    assert panel._zoom == pytest.approx(window.presentation.zoom)


def test_the_session_settings_are_the_one_truth(qtbot, window) -> None:
    snap = explain_on(qtbot, window, 1)
    dock = window.findChild(QDockWidget, "stepExplainer")
    dock.close()  # closing the dock ends explain mode
    wait_for(qtbot, window, lambda s: not s.settings.explaining)
    assert not window.action_set.explain_step.isChecked()
    assert window.network_view.explain_marks.texts() == {}
    # A lesson or demo that starts with the explainer on turns it on in the window.
    window.submit(cmd.Restore(dataclasses.replace(snap.settings, explain_row=2)))
    wait_for(qtbot, window, lambda s: s.step_trace is not None and s.step_trace.row == 2)
    qtbot.waitUntil(window.action_set.explain_step.isChecked, timeout=TIMEOUT)
    assert dock.isVisible() and window.explainer.panel.row_spin.value() == 3


def test_play_walks_on_by_itself_until_paused(qtbot, window) -> None:
    explain_on(qtbot, window)
    panel = window.explainer.panel
    panel.play_button.click()
    assert panel.play_button.isChecked() and window.explainer.position == 0
    qtbot.waitUntil(lambda: window.explainer.position >= 1, timeout=TIMEOUT)
    panel.play_button.click()
    assert not panel.play_button.isChecked() and not window.explainer._timer.isActive()


def test_a_trace_left_behind_by_training_is_renewed_before_the_walk(qtbot, window,
                                                                      monkeypatch) -> None:
    from nnsim.core import explain_cache
    from nnsim.core.explain_cache import is_current
    # As with 200,000 rows: while training runs, the trace lags behind the weights.
    monkeypatch.setattr(explain_cache, "CHEAP", 0.0)
    monkeypatch.setattr(explain_cache, "BUDGET", 1e9)
    explain_on(qtbot, window)
    window.action_set.train.setChecked(True)
    wait_for(qtbot, window, lambda s: s.epoch > 5)
    window.action_set.train.setChecked(False)
    snap = settle(qtbot, window)
    assert not is_current(snap.step_trace, snap.parameters)
    window.action_set.step.trigger()
    qtbot.waitUntil(lambda: window.explainer.position == 0, timeout=TIMEOUT)
    snap = window.latest_snapshot
    assert window.explainer._walked is snap.step_trace and is_current(snap.step_trace,
                                                                       snap.parameters)


def test_a_decimal_comma_turns_list_commas_into_semicolons(qtbot, window) -> None:
    from nnsim.ui import numbers
    snap = explain_on(qtbot, window, 0)
    numbers.set_decimal_point(",")
    try:
        text = explain_text.row_description(snap.step_trace)
        assert "; " in text and "." not in text.split("→")[0]
        lines = [explain_text.formula_text(f) for f in phases(snap.step_trace)[2].formulas]
        assert ";" in lines[0] and "." not in lines[0]  # "ŷ1 = 0,199; y1 = 0"
    finally:
        numbers.set_decimal_point(".")


def test_clicking_a_note_is_clicking_its_unit(qtbot, window) -> None:
    from PySide6.QtCore import Qt
    explain_on(qtbot, window, 0)
    view = window.network_view
    note = view.explain_marks.notes["H3"]
    centre = view.mapFromScene(note.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.explainer.panel.item_lines()[0].startswith("z(H3) = ")


def test_presses_that_come_before_the_trace_are_not_lost(qtbot, window) -> None:
    start = window.latest_snapshot
    twin = Session(start.settings)
    twin.apply(cmd.Step(1))
    window.action_set.explain_step.setChecked(True)
    for _ in PHASE_KINDS:  # at once, before the worker has traced anything
        window.action_set.step.trigger()
    after = wait_for(qtbot, window, lambda s: s.epoch == 1)
    assert window.explainer.phase().kind == PHASE_KINDS[-1]
    assert np.array_equal(after.parameters, twin.net.parameters)


def test_an_early_stopped_run_is_not_walked_and_the_walk_does_not_hang(qtbot, window) -> None:
    window.submit(cmd.SetEarlyStopping(1))
    window.submit(cmd.SetLearningRate(100.0))  # the dev loss jumps at once: stops early
    window.action_set.train.setChecked(True)
    wait_for(qtbot, window, lambda s: s.stopped_early)
    qtbot.waitUntil(lambda: not window.action_set.train.isChecked(), timeout=TIMEOUT)
    explain_on(qtbot, window)
    window.action_set.step.trigger()
    assert window.explainer.position == -1 and window.explainer._waiting_for is None
    assert "Early stopping" in window.statusBar().currentMessage()
    window.submit(cmd.SetEarlyStopping(None))  # unticked: the walk goes on as usual
    wait_for(qtbot, window, lambda s: not s.stopped_early)
    assert press_step(qtbot, window).kind == PHASE_KINDS[0]


def test_a_parameter_clicked_after_the_network_grew_shows_its_formulas(qtbot, window) -> None:
    explain_on(qtbot, window)
    walk_one_epoch(qtbot, window)
    window.submit(cmd.SetHiddenUnits(4))
    wait_for(qtbot, window, lambda s: s.step_trace is not None and "v41" in s.step_trace.batch.names)
    window.explainer.item_clicked("v41")  # the walked trace has no v41: the current one has
    assert window.explainer.panel._item_lines and "v41" in window.explainer.panel._item_html


def test_a_followed_row_beyond_new_data_falls_back_to_the_mean(qtbot, window) -> None:
    explain_on(qtbot, window, 150)
    window.action_set.explain_step.setChecked(False)
    window.submit(cmd.SetBuiltinDataset("xor", n_samples=100))
    wait_for(qtbot, window, lambda s: s.n_train == 70)
    window.action_set.explain_step.setChecked(True)
    snap = wait_for(qtbot, window, lambda s: s.step_trace is not None)
    assert snap.step_trace.row is None and snap.settings.explaining


def test_explain_mode_first_follows_one_row_whose_numbers_can_be_checked(qtbot, window) -> None:
    window.action_set.explain_step.setChecked(True)
    snap = wait_for(qtbot, window, lambda s: s.step_trace is not None)
    assert snap.step_trace.row == 0 and window.explainer.panel.row_spin.value() == 1
    assert window.explainer.panel.row_spin.isEnabled()


def test_an_edge_shows_its_slope_rounded_as_the_formula_in_the_dock(qtbot, window) -> None:
    window.resize(1366, 768)
    explain_on(qtbot, window, 0)
    for _ in range(4):  # forward hidden, forward output, loss, backward output
        press_step(qtbot, window)
    edge = window.network_view.explain_marks.edge_texts["v31"]  # "∂v31 = −0.683"
    value = edge.split(" = ")[1]
    lines = [line for line in window.explainer.panel.formula_lines() if line.startswith("∂ℓ/∂v31")]
    assert lines and lines[0].endswith("= " + value)
