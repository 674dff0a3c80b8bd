"""LandscapePanel: the lecture's gradient-descent figure, the parameter chooser and the range."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnsim.core.session import Session, Settings
from nnsim.core.snapshot import Snapshot
from nnsim.ui.landscape_geometry import landscape_y_range
from nnsim.ui.landscape_plot import TRAIL_SHOWN, LandscapePanel
from nnsim.ui.plot_style import signed

import pyqtgraph as pg  # after PySide6 (via nnsim.ui)


@pytest.fixture(scope="module")
def session() -> Session:
    session = Session()
    session.step(30)
    return session


@pytest.fixture(scope="module")
def snapshot(session: Session) -> Snapshot:
    return session.snapshot()


@pytest.fixture(scope="module")
def lecture() -> Snapshot:
    """The lecture's picture: one weight trains with a large η, the others stay fixed, so the
    run's start lies on the curve shown."""
    session = Session(Settings(learning_rate=8.0, train_selected_only=True))
    session.step(3)
    return session.snapshot()


@pytest.fixture
def panel(qtbot) -> LandscapePanel:
    widget = LandscapePanel()
    qtbot.addWidget(widget)
    widget.resize(700, 450)
    widget.show()
    return widget


def xy(item) -> tuple[np.ndarray, np.ndarray]:
    x, y = item.getData()
    return np.asarray(x), np.asarray(y)


def label_texts(panel: LandscapePanel) -> dict[str, str]:
    """The words next to the figure's parts (the labels that are shown)."""
    return {key: label.toPlainText() for key, label in panel.labels.items() if label.isVisible()}


MINIMUM = ("Theoretical minimum", "minimum")  # the lecture's words, or short where cramped
LOWEST = ("Lowest point in view", "lowest in view")


def settle(panel: LandscapePanel) -> None:
    """Paint once: pyqtgraph places text items and sizes axes when it draws."""
    panel.plot.grab()


def with_figure(snapshot: Snapshot, **changes) -> Snapshot:
    return dataclasses.replace(snapshot, figure=dataclasses.replace(snapshot.figure, **changes))


def test_object_names(panel: LandscapePanel) -> None:
    assert panel.plot.objectName() == "landscapePlot"
    assert panel.param_combo.objectName() == "landscapeParamCombo"
    assert panel.min_spin.objectName() == "landscapeMinSpin"
    assert panel.max_spin.objectName() == "landscapeMaxSpin"
    assert panel.auto_button.objectName() == "landscapeAutoRange"


def test_curve_is_the_figure(panel: LandscapePanel, snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    figure = snapshot.figure
    x, y = panel.curve.getOriginalDataset()
    np.testing.assert_array_equal(x, figure.values)
    np.testing.assert_array_equal(y, figure.losses)
    assert panel.curve.opts["pen"].width() >= 3


def test_markers_sit_where_the_figure_says(panel: LandscapePanel, snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    f = snapshot.figure
    expected = {
        panel.initial_marker: (snapshot.start_value, snapshot.start_loss),
        panel.current_marker: (f.current_value, f.current_loss),
        panel.new_marker: (f.new_value, f.new_loss),
        panel.minimum_marker: (f.minimum_value, f.minimum_loss),
    }
    for marker, (value, loss) in expected.items():
        x, y = xy(marker)
        assert (x[0], y[0]) == pytest.approx((value, loss)), marker.objectName()


def test_tangent_has_the_gradient_as_slope(panel: LandscapePanel, snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    f = snapshot.figure
    x, y = xy(panel.tangent)
    assert len(x) == 2
    assert (y[1] - y[0]) / (x[1] - x[0]) == pytest.approx(f.slope)
    # Through the current point, which is its middle.
    assert x.mean() == pytest.approx(f.current_value)
    assert y.mean() == pytest.approx(f.current_loss)
    # Short: well inside the view.
    assert x[1] - x[0] < 0.5 * (f.values[-1] - f.values[0])


def test_step_arrow_goes_from_current_to_new(panel: LandscapePanel, snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    f = snapshot.figure
    x, y = xy(panel.step_line)
    assert x.tolist() == pytest.approx([f.current_value, f.new_value])
    assert y.tolist() == pytest.approx([f.current_loss, f.new_loss])
    assert f.new_value - f.current_value == pytest.approx(-f.learning_rate * f.slope)


def test_arrow_head_points_at_the_new_point(panel: LandscapePanel, snapshot: Snapshot) -> None:
    f = snapshot.figure
    width = f.values[-1] - f.values[0]
    big = with_figure(snapshot, step=0.3 * width, new_value=f.current_value + 0.3 * width,
                      new_loss=f.current_loss)
    panel.show_snapshot(big)
    assert panel.step_head.isVisible()
    assert (panel.step_head.pos().x(), panel.step_head.pos().y()) == pytest.approx(
        (big.figure.new_value, f.current_loss))
    assert panel.step_head.opts["angle"] % 360 == pytest.approx(180)  # points right
    tiny = with_figure(snapshot, step=1e-6 * width, new_value=f.current_value + 1e-6 * width)
    panel.show_snapshot(tiny)
    assert not panel.step_head.isVisible()  # shorter than its own head: left out


def test_parts_are_labelled_with_the_lecture_words(panel: LandscapePanel,
                                                   lecture: Snapshot) -> None:
    snapshot = lecture
    panel.show_snapshot(snapshot)
    f = snapshot.figure
    texts = label_texts(panel)
    # With room (700×450), the lecture's own words.
    assert texts["initial"] == "Initial weight + loss"
    assert texts["current"] == "Current weight + loss"
    assert texts["new"] in ("New weight + loss", "new")
    assert texts["minimum"] in MINIMUM
    assert texts["path"] == "path of the run"
    assert texts["slope"] in (f"Gradient (slope) = {signed(f.slope)}", f"slope {signed(f.slope)}")
    assert texts["step"] == f"step −η·slope = {signed(f.step, plus=True)}"
    assert signed(-0.123) == "−0.123" and signed(0.5, plus=True) == "+0.5"
    # The lecture's full words are in the tooltips.
    assert panel.labels["initial"].toolTip().startswith("Initial weight + loss")
    assert panel.labels["minimum"].toolTip().startswith("Theoretical minimum")
    assert panel.labels["slope"].toolTip().startswith("Gradient (slope)")
    # Each label is next to its marker.
    for key, marker in (("current", panel.current_marker), ("minimum", panel.minimum_marker)):
        x, y = xy(marker)
        centre = panel.plot.getPlotItem().getViewBox().mapViewToScene(pg.Point(x[0], y[0]))
        settle(panel)
        rect = panel.labels[key].sceneBoundingRect()
        gap = max(rect.left() - centre.x(), centre.x() - rect.right(),
                  rect.top() - centre.y(), centre.y() - rect.bottom())
        assert gap < 60, key


def test_minimum_at_the_edge_is_called_so(panel: LandscapePanel, snapshot: Snapshot) -> None:
    panel.show_snapshot(with_figure(snapshot, minimum_at_edge=True))
    assert label_texts(panel)["minimum"] in LOWEST
    panel.show_snapshot(snapshot)
    assert label_texts(panel)["minimum"] in MINIMUM


@pytest.mark.parametrize("side, words", [(-1, "← lower to the left"),
                                         (1, "lower to the right →")])
def test_a_lower_point_beyond_the_view_is_pointed_at(panel: LandscapePanel, snapshot: Snapshot,
                                                     side: int, words: str) -> None:
    f = snapshot.figure
    width = f.values[-1] - f.values[0]
    far = f.values[0] - 3 * width if side < 0 else f.values[-1] + 3 * width
    panel.show_snapshot(with_figure(snapshot, minimum_is_global=False, lower_side=side,
                                    lower_point=(far, 0.5 * f.minimum_loss)))
    assert label_texts(panel)["minimum"] in LOWEST
    note = panel.lower_note
    assert note.isVisible()
    assert note.toPlainText().startswith(words)
    assert signed(far) in note.toPlainText() and signed(0.5 * f.minimum_loss) in note.toPlainText()
    # Inside the view, on that side.
    settle(panel)
    view_rect = panel.plot.getPlotItem().getViewBox().sceneBoundingRect()
    rect = note.sceneBoundingRect()
    assert view_rect.adjusted(-1, -1, 1, 1).contains(rect)
    if side < 0:
        assert rect.left() - view_rect.left() < 10
    else:
        assert view_rect.right() - rect.right() < 10
    panel.show_snapshot(snapshot)  # a global minimum again: no note
    assert not panel.lower_note.isVisible()
    assert label_texts(panel)["minimum"] in MINIMUM


def test_a_real_slice_that_goes_lower_beyond_the_view(panel: LandscapePanel) -> None:
    session = Session(Settings(dataset="regression", hidden_activation="relu",
                               output_activation="tanh", loss="mse", weight_seed=67,
                               selected="w31"))
    snapshot = session.snapshot()
    assert not snapshot.figure.minimum_is_global and snapshot.figure.lower_side == -1
    panel.show_snapshot(snapshot)
    assert label_texts(panel)["minimum"] in LOWEST
    assert panel.lower_note.isVisible()
    assert panel.lower_note.toPlainText().startswith("← lower to the left")


def test_the_minimum_stays_visible_on_the_current_point(panel: LandscapePanel,
                                                        snapshot: Snapshot) -> None:
    f = snapshot.figure
    panel.show_snapshot(with_figure(snapshot, minimum_value=f.current_value,
                                    minimum_loss=f.current_loss, new_value=f.current_value,
                                    new_loss=f.current_loss, step=0.0))
    # The minimum is a hollow triangle drawn over both points and larger than them: it frames
    # the red ring and the green dot, and all three show.
    current, minimum, new = panel.current_marker, panel.minimum_marker, panel.new_marker
    assert current.zValue() < new.zValue() < minimum.zValue()
    assert minimum.opts["symbolSize"] > current.opts["symbolSize"] > new.opts["symbolSize"]
    assert pg.mkBrush(minimum.opts["symbolBrush"]).style() == Qt.BrushStyle.NoBrush
    assert minimum.isVisible()
    assert xy(minimum)[0][0] == pytest.approx(xy(current)[0][0])
    # Drawn as an outline: the red and green points show through it.
    assert minimum.opts["symbolPen"].width() >= 3
    assert panel.labels["minimum"].isVisible() and panel.labels["current"].isVisible()


def test_sampled_figures_say_on_how_many_rows(panel: LandscapePanel, snapshot: Snapshot) -> None:
    assert snapshot.figure.sample_rows is None
    panel.show_snapshot(snapshot)
    assert not panel.sample_note.isVisible()
    panel.show_snapshot(with_figure(snapshot, sample_rows=4000, total_rows=200_000))
    assert panel.sample_note.isVisible()
    assert panel.sample_note.toPlainText() == "computed on 4,000 of 200,000 training rows"
    settle(panel)
    view_rect = panel.plot.getPlotItem().getViewBox().sceneBoundingRect()
    assert view_rect.adjusted(-1, -1, 1, 1).contains(panel.sample_note.sceneBoundingRect())
    # With a note on which way the loss goes lower, the two stack without overlapping.
    f = snapshot.figure
    panel.show_snapshot(with_figure(snapshot, sample_rows=4000, total_rows=200_000,
                                    minimum_is_global=False, lower_side=1,
                                    lower_point=(f.values[-1] + 5, 0.5 * f.minimum_loss)))
    settle(panel)
    lower, sample = (note.sceneBoundingRect() for note in (panel.lower_note, panel.sample_note))
    assert panel.lower_note.isVisible() and panel.sample_note.isVisible()
    assert not lower.intersects(sample.adjusted(1, 1, -1, -1))
    assert view_rect.adjusted(-1, -1, 1, 1).contains(sample)
    panel.show_snapshot(dataclasses.replace(snapshot, figure=None))
    assert not panel.sample_note.isVisible()


def test_titles_and_axis_labels(panel: LandscapePanel, snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    item = panel.plot.getPlotItem()
    name = snapshot.selected
    assert item.titleLabel.text == f"Training loss against {name} (all other weights fixed)"
    assert item.titleLabel.toolTip() == item.titleLabel.text
    assert item.getAxis("bottom").labelText == f"Weight {name}"
    assert item.getAxis("left").labelText.startswith("Loss")


def test_bias_axis_says_bias(panel: LandscapePanel) -> None:
    panel.show_snapshot(Session(Settings(selected="b1")).snapshot())
    assert panel.plot.getPlotItem().getAxis("bottom").labelText == "Bias b1"


def test_view_shows_the_curve_and_the_points(panel: LandscapePanel, snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    f = snapshot.figure
    (x0, x1), (y0, y1) = panel.plot.getPlotItem().viewRange()
    assert x0 <= f.values[0] and x1 >= f.values[-1]
    assert x1 - x0 < 1.1 * (f.values[-1] - f.values[0])
    for loss in (f.current_loss, f.new_loss, f.minimum_loss):
        assert y0 <= loss <= y1


def test_y_range_ignores_a_spike_at_the_edges(panel: LandscapePanel, snapshot: Snapshot) -> None:
    f = snapshot.figure
    losses = f.losses.copy()
    losses[:5] = 1e6
    losses[-3:] = np.inf
    spiky = with_figure(snapshot, losses=losses)
    panel.show_snapshot(spiky)
    _, (y0, y1) = panel.plot.getPlotItem().viewRange()
    assert y1 < 10 * max(f.losses.max(), f.current_loss)
    assert y0 <= f.minimum_loss and f.current_loss <= y1
    assert not np.isinf(panel.curve.getOriginalDataset()[1]).any()


def test_y_range_of_a_plain_curve_shows_all_of_it(snapshot: Snapshot) -> None:
    f = snapshot.figure
    low, high = landscape_y_range(f)
    assert low <= f.losses.min() and high >= f.losses.max()


def test_trail_newest_brightest(panel: LandscapePanel, snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    x, y = panel.trail.getData()
    assert snapshot.trail_values.size == snapshot.epoch < TRAIL_SHOWN
    # The whole run: from the start, oldest first, to the current point.
    np.testing.assert_array_equal(x, [snapshot.start_value, *snapshot.trail_values])
    np.testing.assert_array_equal(y, [snapshot.start_loss, *snapshot.trail_losses])
    assert x[-1] == pytest.approx(snapshot.figure.current_value)
    alphas = [brush.color().alpha() for brush in panel.trail.data["brush"]]
    assert alphas[0] < alphas[-1]
    assert alphas == sorted(alphas)
    # Connected: a line through the same points.
    np.testing.assert_array_equal(panel.trail_line.getOriginalDataset()[0], x)


def test_a_long_trail_keeps_the_newest_points(panel: LandscapePanel, snapshot: Snapshot) -> None:
    values = np.linspace(0.0, 1.0, TRAIL_SHOWN + 50)
    long = dataclasses.replace(snapshot, epoch=values.size, trail_values=values,
                               trail_losses=np.full(values.size, snapshot.figure.current_loss))
    panel.show_snapshot(long)
    np.testing.assert_array_equal(panel.trail.getData()[0], values[-TRAIL_SHOWN:])


def test_no_figure_empties_the_plot(panel: LandscapePanel, snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    panel.show_snapshot(dataclasses.replace(snapshot, figure=None))
    x, _ = panel.curve.getData()
    assert x is None or len(x) == 0
    assert not panel.step_head.isVisible()
    panel.show_snapshot(snapshot)
    assert len(panel.curve.getData()[0]) == snapshot.figure.values.size


def test_updates_reuse_the_same_items(panel: LandscapePanel, snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    before = list(panel.plot.getPlotItem().items)
    for _ in range(20):
        panel.show_snapshot(snapshot)
    assert panel.plot.getPlotItem().items == before


def test_combo_lists_names_and_follows_selection_silently(
        qtbot, panel: LandscapePanel, snapshot: Snapshot) -> None:
    with qtbot.assertNotEmitted(panel.parameter_chosen):
        panel.show_snapshot(snapshot)
        combo = panel.param_combo
        assert [combo.itemText(i) for i in range(combo.count())] == list(snapshot.names)
        assert combo.currentText() == snapshot.selected
        panel.show_snapshot(dataclasses.replace(snapshot, selected="w12"))
        assert combo.currentText() == "w12"


def test_combo_is_rebuilt_only_when_names_change(panel: LandscapePanel,
                                                 snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    inserted: list[int] = []
    panel.param_combo.model().rowsInserted.connect(lambda *args: inserted.append(1))
    panel.show_snapshot(snapshot)
    assert not inserted
    panel.set_parameter_names(("w11", "b1"))
    assert inserted
    assert panel.param_combo.count() == 2


def test_user_choice_emits_parameter_chosen(qtbot, panel: LandscapePanel,
                                            snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    index = snapshot.names.index(snapshot.selected)
    with qtbot.waitSignal(panel.parameter_chosen, timeout=1000) as blocker:
        qtbot.keyClick(panel.param_combo, Qt.Key.Key_Down)
    assert blocker.args == [snapshot.names[index + 1]]


def test_spins_show_the_figure_range_in_auto(panel: LandscapePanel, snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    assert panel.auto_button.isChecked()
    assert panel.min_spin.value() == pytest.approx(snapshot.figure.values[0], abs=1e-3)
    assert panel.max_spin.value() == pytest.approx(snapshot.figure.values[-1], abs=1e-3)


def test_spins_request_a_range(qtbot, panel: LandscapePanel, snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    hi = panel.max_spin.value()
    with qtbot.waitSignal(panel.range_requested, timeout=1000) as blocker:
        panel.min_spin.setValue(-3.0)
    assert blocker.args == [(-3.0, hi)]
    assert not panel.auto_button.isChecked()
    with qtbot.waitSignal(panel.range_requested, timeout=1000) as blocker:
        panel.max_spin.setValue(4.0)
    assert blocker.args == [(-3.0, 4.0)]
    # A user range is kept while snapshots keep arriving.
    panel.show_snapshot(snapshot)
    assert (panel.min_spin.value(), panel.max_spin.value()) == (-3.0, 4.0)


def test_an_inverted_range_is_refused(qtbot, panel: LandscapePanel, snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    width = panel.minimumSizeHint().width()
    with qtbot.assertNotEmitted(panel.range_requested):
        with qtbot.waitSignal(panel.range_refused, timeout=1000) as refused:
            panel.min_spin.setValue(panel.max_spin.value() + 1.0)
    assert "low to high" in refused.args[0]
    assert not panel.controls.range_is_valid()
    # The refusal never widens the panel (and so its dock) for good.
    assert panel.minimumSizeHint().width() <= width
    with qtbot.waitSignal(panel.range_requested, timeout=1000):
        panel.min_spin.setValue(panel.max_spin.value() - 1.0)
    assert panel.controls.range_is_valid()


def test_auto_requests_none(qtbot, panel: LandscapePanel, snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    panel.min_spin.setValue(-2.0)
    assert not panel.auto_button.isChecked()
    with qtbot.waitSignal(panel.range_requested, timeout=1000) as blocker:
        qtbot.mouseClick(panel.auto_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [None]
    assert panel.auto_button.isChecked()


def test_narrow_panels_keep_the_plot_on_screen(qtbot, panel: LandscapePanel,
                                               snapshot: Snapshot) -> None:
    panel.show_snapshot(snapshot)
    item = panel.plot.getPlotItem()
    full = f"Training loss against {snapshot.selected} (all other weights fixed)"
    assert item.titleLabel.text == full
    panel.resize(panel.minimumSizeHint().width(), 450)
    # A shorter title, then an elided one: never wider than the plot.
    qtbot.waitUntil(lambda: item.titleLabel.text != full, timeout=2000)
    assert item.titleLabel.toolTip() == full
    settle(panel)
    assert item.sceneBoundingRect().width() <= panel.plot.width() + 1
    assert item.titleLabel.item.boundingRect().width() <= panel.plot.width()
    panel.resize(900, 450)
    qtbot.waitUntil(lambda: item.titleLabel.text == full, timeout=2000)


def test_an_overshooting_step_is_cut_at_the_view(panel: LandscapePanel,
                                                 snapshot: Snapshot) -> None:
    f = snapshot.figure
    far = with_figure(snapshot, new_value=f.current_value + 1e17, new_loss=1e48, step=1e17)
    panel.show_snapshot(far)
    x, y = panel.step_line.getOriginalDataset()  # getData is limited to near the view
    assert x[0] == pytest.approx(f.current_value)
    assert x[1] == pytest.approx(f.values[-1])  # the right edge, not 1e17
    # Still on the straight line to the new point.
    assert (y[1] - y[0]) / (x[1] - x[0]) == pytest.approx((1e48 - f.current_loss) / 1e17)
    # The view follows the curve, not the far-away new point.
    _, (_, y1) = panel.plot.getPlotItem().viewRange()
    assert y1 < 1e3


def test_an_initial_point_off_the_view_is_pointed_at(panel: LandscapePanel,
                                                     snapshot: Snapshot) -> None:
    f = snapshot.figure
    panel.show_snapshot(dataclasses.replace(snapshot, start_value=f.values[0] - 5.0,
                                            start_loss=1e6))
    note = panel.initial_offview
    assert note.isVisible() and note.toPlainText().startswith("←↑ initial")
    assert "1e+06" in note.toolTip()  # the numbers, for who asks
    assert not panel.labels["initial"].isVisible()  # its marker is not in the view
    settle(panel)
    view_rect = panel.plot.getPlotItem().getViewBox().sceneBoundingRect()
    assert view_rect.adjusted(-1, -1, 1, 1).contains(note.sceneBoundingRect())
    panel.show_snapshot(dataclasses.replace(snapshot, start_value=f.current_value,
                                            start_loss=f.current_loss))
    assert not panel.initial_offview.isVisible()


def test_geometry_helpers() -> None:
    from nnsim.ui.landscape_geometry import (around, arrow_on_screen, offview_note, range_moved,
                                             shade_levels, view_corners)
    assert offview_note(5.0, 1.0, (0.0, 1.0), (0.0, 2.0)) == ("→", (1.0, 1.0), (1.0, 0.5))
    assert offview_note(0.5, 1.0, (0.0, 1.0), (0.0, 2.0)) is None
    assert view_corners((0.0, 0.0, 100.0, 50.0), 3.0, -1) == [(3.0, 3.0, 0.0, 0.0),
                                                              (3.0, 47.0, 0.0, 1.0)]
    assert len(view_corners((0.0, 0.0, 100.0, 50.0), 3.0)) == 6
    assert around(10.0, 10.0, 5.0)[:2] == [(15.0, 10.0, 0.0, 0.5, 0.0), (5.0, 10.0, 1.0, 0.5, 0.0)]
    assert around(10.0, 10.0, 5.0)[8][4] > 0  # farther out costs more
    assert not range_moved(((0.0, 10.0), (0.0, 1.0)), ((0.1, 10.1), (0.0, 1.01)))
    assert range_moved(((0.0, 10.0), (0.0, 1.0)), ((0.0, 10.0), (0.0, 1.5)))
    assert range_moved(None, ((0.0, 1.0), (0.0, 1.0)))
    assert arrow_on_screen((0.0, 0.0), (3.0, 0.0)) is None  # too short for a head
    assert arrow_on_screen((0.0, 0.0), (0.0, 20.0)) == pytest.approx((90.0, 20.0))
    assert shade_levels(1, 8) == [7] and shade_levels(0, 8) == []
    assert shade_levels(5, 8)[0] == 0 and shade_levels(5, 8)[-1] == 7
