"""Run comparison in the window: the Runs list, pinned overlays, Compare learning rates."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QTableWidget

from nnsim.core import commands as cmd
from nnsim.core.session import Session
from nnsim.ui.landscape_plot import LandscapePanel
from nnsim.ui.loss_plot import TRAIN_COLOR, LossPlot
from nnsim.ui.run_labels import RUN_COLORS, overlay_names, run_difference
from tests.ui.test_main_window import settle, wait_for, window  # noqa: F401 - fixtures


def compared_session(rates=(0.05, 0.5, 5.0), epochs=150) -> Session:
    session = Session()
    session.apply(cmd.CompareLearningRates(rates, epochs))
    return session


# ----------------------------------------------------------------------------- the window
def test_compare_learning_rates_overlays_three_runs(qtbot, window) -> None:  # noqa: F811
    assert window.latest_snapshot.settings.learning_rate == 0.5
    action = window.findChild(QAction, "actionCompareLearningRates")
    assert action in window.findChild(QMenu, "menuTrain").actions()
    action.trigger()
    snap = wait_for(qtbot, window, lambda s: len([r for r in s.runs if r.pinned]) == 3)
    qtbot.waitUntil(lambda: len(window.loss_plot.overlay_names()) == 3, timeout=15_000)
    assert window.loss_plot.overlay_names() == ["η = 0.05", "η = 0.5", "η = 5"]
    legend = [label.text for _, label in window.loss_plot.legend.items]
    assert legend == ["training", "dev", "η = 0.05", "η = 0.5", "η = 5"]
    curves = window.loss_plot.runs_overlay.curves
    assert len(curves) == 3
    for run in snap.runs:
        train, dev = curves[run.id]
        x, y = train.getData()
        np.testing.assert_array_equal(x, run.epochs)
        np.testing.assert_array_equal(y, run.train_loss)
        assert dev.getData()[1].size == run.dev_loss.size
    colors = {train.opts["pen"].color().name() for train, _ in curves.values()}
    assert len(colors) == 3 and TRAIN_COLOR[0] not in colors
    # Three paths of the selected weight on the landscape's slice, in the same colours.
    paths = window.landscape_panel.run_paths
    assert paths.names() == ["η = 0.05", "η = 0.5", "η = 5"]
    assert paths.legend.isVisible() and "η = 0.5" in paths.legend.text()
    assert "off this curve" in paths.legend.toolTip()
    for run in snap.runs:
        line, end = paths.lines[run.id]
        values, losses = run.path(snap.selected)
        np.testing.assert_array_equal(line.getData()[0], values)
        assert line.opts["pen"].color().name() == curves[run.id][0].opts["pen"].color().name()
        assert end.getData()[0].size == 1
    # The current run is still drawn as before, and not trained by the comparison.
    assert snap.epoch == 0 and window.loss_plot.train_curve.getData()[0].size == 1


def test_clear_comparison_removes_every_overlay(qtbot, window) -> None:  # noqa: F811
    window.findChild(QAction, "actionCompareLearningRates").trigger()
    qtbot.waitUntil(lambda: len(window.loss_plot.overlay_names()) == 3, timeout=15_000)
    window.findChild(QAction, "actionClearComparison").trigger()
    qtbot.waitUntil(lambda: window.loss_plot.overlay_names() == [], timeout=15_000)
    assert [label.text for _, label in window.loss_plot.legend.items] == [
        "training loss", "development loss"]
    assert window.landscape_panel.run_paths.names() == []
    assert not window.landscape_panel.run_paths.legend.isVisible()
    table = window.findChild(QTableWidget, "runsList")
    assert table.rowCount() == 3  # the runs stay listed, unticked
    assert all(table.item(r, 0).checkState() == Qt.CheckState.Unchecked for r in range(3))


def test_a_finished_run_is_listed_and_pinned_by_its_tick(qtbot, window) -> None:  # noqa: F811
    assert window.findChild(QDockWidget, "runsDock") is not None
    table = window.findChild(QTableWidget, "runsList")
    for _ in range(5):
        window.action_set.step.trigger()
    wait_for(qtbot, window, lambda s: s.epoch == 5)
    window.control_panel.learning_rate_spin.setValue(0.05)
    wait_for(qtbot, window, lambda s: s.settings.learning_rate == 0.05)
    window.action_set.reset.trigger()
    wait_for(qtbot, window, lambda s: len(s.runs) == 1)
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=15_000)
    assert table.item(0, 1).text() == "1"
    assert table.item(0, 2).text() == "η = 0.5"  # what it did differently from now
    assert table.item(0, 3).text() == "5"
    table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: window.loss_plot.overlay_names() == ["η = 0.5"], timeout=15_000)
    table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: window.loss_plot.overlay_names() == [], timeout=15_000)


def test_the_rates_follow_eta_until_edited_and_bad_ones_are_refused(
        qtbot, window, monkeypatch) -> None:  # noqa: F811
    panel = window.run_actions.panel
    assert [e.text() for e in panel.rate_edits] == ["0.05", "0.5", "5"]
    window.control_panel.learning_rate_spin.setValue(0.1)
    wait_for(qtbot, window, lambda s: s.settings.learning_rate == 0.1)
    qtbot.waitUntil(lambda: panel.rate_edits[0].text() == "0.01", timeout=15_000)
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    panel.rate_edits[2].setText("")
    qtbot.keyClicks(panel.rate_edits[2], "zero")
    window.findChild(QAction, "actionCompareLearningRates").trigger()
    assert errors and "zero" in errors[0]
    panel.rate_edits[2].clear()
    qtbot.keyClicks(panel.rate_edits[2], "2")
    panel.epochs_spin.setValue(30)
    panel.compare_button.click()
    snap = wait_for(qtbot, window, lambda s: len(s.runs) == 3)
    assert [r.settings.learning_rate for r in snap.runs] == [0.01, 0.1, 2.0]
    assert {r.last_epoch for r in snap.runs} == {30}
    panel.defaults_button.click()  # back to η/10, η, 10·η of the current η, following it
    assert [e.text() for e in panel.rate_edits] == ["0.01", "0.1", "1"]


# ----------------------------------------------------------------------------- the plots alone
@pytest.fixture
def loss_plot(qtbot) -> LossPlot:
    widget = LossPlot()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    return widget


def test_a_diverging_run_does_not_stretch_the_loss_axis(loss_plot: LossPlot) -> None:
    session = compared_session((0.5, 1e4), 100)
    snap = session.snapshot()
    loss_plot.show_snapshot(snap)
    loss_plot.show_runs(snap)
    top = loss_plot.getPlotItem().getViewBox().viewRange()[1][1]
    assert top < 10  # a start of about 1.4; the diverged run went far above
    assert max(float(np.nanmax(r.train_loss)) for r in snap.runs) > 100


def test_overlays_follow_the_log_scale_and_the_zoom(loss_plot: LossPlot) -> None:
    snap = compared_session().snapshot()
    loss_plot.show_snapshot(snap)
    loss_plot.show_runs(snap)
    loss_plot.set_log_scale(True)
    train, _ = loss_plot.runs_overlay.curves[snap.runs[0].id]
    assert train.opts["logMode"][1]
    width = train.opts["pen"].widthF()
    loss_plot.set_zoom(2.0)
    assert train.opts["pen"].widthF() == pytest.approx(2 * width)


def test_unpinned_runs_leave_the_plot(loss_plot: LossPlot) -> None:
    session = compared_session()
    loss_plot.show_runs(session.snapshot())
    session.apply(cmd.PinRun(session.runs.runs[1].id, False))
    loss_plot.show_runs(session.snapshot())
    assert loss_plot.overlay_names() == ["η = 0.05", "η = 5"]
    assert len(loss_plot.legend.items) == 4


def test_paths_only_for_the_same_network(qtbot) -> None:
    panel = LandscapePanel()
    qtbot.addWidget(panel)
    panel.resize(600, 380)
    panel.show()
    session = compared_session()
    panel.show_snapshot(session.snapshot())
    assert len(panel.run_paths.names()) == 3
    session.apply(cmd.SetHiddenUnits(4))  # other parameters: no path on this slice
    panel.show_snapshot(session.snapshot())
    assert panel.run_paths.names() == []
    assert not panel.run_paths.legend.isVisible()


def test_paths_on_the_curve_when_only_the_selected_weight_trains(qtbot) -> None:
    panel = LandscapePanel()
    qtbot.addWidget(panel)
    session = Session()
    session.apply(cmd.SetTrainSelectedOnly(True))
    session.apply(cmd.CompareLearningRates((0.05, 0.5), 20))
    panel.show_snapshot(session.snapshot())
    assert "lie on this curve" in panel.run_paths.legend.toolTip()


# ----------------------------------------------------------------------------- names
def test_names_say_what_differs() -> None:
    session = compared_session()
    snap = session.snapshot()
    assert list(overlay_names(snap.runs, snap.settings).values()) == [
        "η = 0.05", "η = 0.5", "η = 5"]
    assert run_difference(snap.runs[1], snap.settings) == "same settings"
    session.apply(cmd.SetHiddenActivation("relu"))
    session.apply(cmd.SetWeightSeed(3))
    assert run_difference(snap.runs[0], session.settings) == "η = 0.05, Sigmoid, seed 0"
    assert len(RUN_COLORS) >= 6


def test_a_run_with_eta_changed_mid_run_says_so() -> None:
    session = Session()
    session.step(2)
    session.apply(cmd.SetLearningRate(0.05))
    session.step(2)
    session.apply(cmd.SetLearningRate(0.5))
    session.apply(cmd.Reset())
    assert run_difference(session.runs.runs[0], session.settings) == (
        "η = 0.05 (η changed during the run)")
