"""The plots at lecture-hall sizes: room for the data, words off the curves, zoom and contrast.

The sizes are what the main window gives the plots on a 1366×768 laptop (the landscape about
510×330) and at 1024×768 (about 480×300 side by side, or the full width as tabs).
"""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox

from nnsim.core.session import Session, Settings
from nnsim.core.snapshot import Snapshot
from nnsim.ui.landscape_plot import LandscapePanel
from nnsim.ui.loss_plot import LossPlot
from nnsim.ui.plot_style import log_ticks, nice_ticks

import pyqtgraph as pg  # after PySide6

SIZES = [(510, 330), (480, 300), (1000, 300)]


@pytest.fixture(scope="module")
def snapshots() -> dict[str, Snapshot]:
    """A run of all weights (two snapshots, so the curve moved), the lecture's one-weight run
    with a large η, and a mini-batch run."""
    out = {}
    session = Session()
    session.step(30)
    out["before"] = session.snapshot()
    session.step(1)
    out["all"] = session.snapshot()
    session = Session(Settings(learning_rate=8.0, train_selected_only=True))
    session.step(3)
    out["lecture"] = session.snapshot()
    session = Session(Settings(batch_size=32))
    session.step(20)
    out["batches"] = session.snapshot()
    return out


def make_panel(qtbot, size: tuple[int, int]) -> LandscapePanel:
    panel = LandscapePanel()
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    return panel


def settle(widget: pg.PlotWidget) -> None:
    """Paint once: pyqtgraph places text items, sizes axes and autoranges when it draws."""
    widget.grab()
    widget.grab()


def view_rect(plot: pg.PlotWidget) -> QRectF:
    return plot.getPlotItem().getViewBox().sceneBoundingRect()


def curve_points(panel: LandscapePanel) -> list[QPointF]:
    """The curve, sampled finely, in scene pixels."""
    f = panel._figure
    values = np.linspace(f.values[0], f.values[-1], 1000)
    losses = np.interp(values, f.values, f.losses)
    view = panel.plot.getPlotItem().getViewBox()
    return [view.mapViewToScene(QPointF(x, y)) for x, y in zip(values, losses)]


def shown_texts(panel: LandscapePanel) -> dict[str, QRectF]:
    items = {**panel.labels, "offview": panel.initial_offview, "lower": panel.lower_note,
             "sample": panel.sample_note, "training": panel.training_note}
    return {name: item.sceneBoundingRect() for name, item in items.items() if item.isVisible()}


def test_the_landscape_gets_its_room_on_a_laptop(qtbot, snapshots) -> None:
    panel = make_panel(qtbot, (510, 330))
    panel.show_snapshot(snapshots["all"])
    settle(panel.plot)
    rect = view_rect(panel.plot)
    assert rect.width() >= 350 and rect.height() >= 220
    # No boxed legend takes the plot's height.
    assert not [i for i in panel.plot.scene().items() if isinstance(i, pg.LegendItem)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("case", ["all", "lecture", "batches"])
def test_landscape_words_stay_off_the_curve_and_each_other(qtbot, snapshots, size,
                                                           case) -> None:
    panel = make_panel(qtbot, size)
    panel.show_snapshot(snapshots["before"] if case == "all" else snapshots[case])
    panel.show_snapshot(snapshots[case])
    settle(panel.plot)
    view = view_rect(panel.plot)
    texts = shown_texts(panel)
    assert {"current", "minimum"} <= set(texts)
    curve = curve_points(panel)
    names = sorted(texts)
    for i, name in enumerate(names):
        rect = texts[name]
        assert view.adjusted(-1, -1, 1, 1).contains(rect), name  # never cut off
        for other in names[i + 1:]:
            assert not rect.adjusted(1, 1, -1, -1).intersects(texts[other]), (name, other)
        if name in panel.labels:  # a label never sits on the curve
            inside = sum(rect.adjusted(2, 2, -2, -2).contains(p) for p in curve)
            assert inside == 0, name


@pytest.mark.parametrize("size", SIZES)
def test_landscape_axes_title_and_markers_fit(qtbot, snapshots, size) -> None:
    panel = make_panel(qtbot, size)
    panel.show_snapshot(snapshots["lecture"])
    settle(panel.plot)
    item = panel.plot.getPlotItem()
    # The title is never clipped: shortened or elided, the full words in its tooltip; on a low
    # plot its row goes to the curve and the axes say it.
    full = "Training loss against v31 (all other weights fixed)"
    if item.titleLabel.isVisible():
        assert item.titleLabel.item.boundingRect().width() <= panel.plot.width() - 40
        assert item.titleLabel.toolTip() == full
    else:
        assert size[1] < 340
        assert item.getAxis("bottom").labelText.startswith("Weight v31 (")
        assert item.getAxis("bottom").label.toolTip() == full
        assert item.getAxis("left").labelText.startswith("Training loss")
    for name in ("bottom", "left"):
        label = item.getAxis(name).label
        length = view_rect(panel.plot).width() if name == "bottom" else view_rect(
            panel.plot).height()
        assert label.boundingRect().width() <= length
    assert item.sceneBoundingRect().width() <= panel.plot.width() + 1
    # The y tick labels never print over each other: fewer ticks when the plot is short.
    axis = item.getAxis("left")
    (y0, y1) = item.viewRange()[1]
    height = QFontMetricsF(axis.style["tickFont"]).height()
    spacing, _ = axis.tickValues(y0, y1, axis.height())[0]
    assert spacing * axis.height() / (y1 - y0) >= height
    # The initial point (on this curve) is drawn whole, inside the view with a margin.
    view = view_rect(panel.plot)
    x, y = panel.initial_marker.getData()
    centre = item.getViewBox().mapViewToScene(QPointF(x[0], y[0]))
    half = panel.initial_marker.opts["symbolSize"] / 2
    assert view.adjusted(half, half, -half, -half).contains(centre)


@pytest.mark.parametrize("size", SIZES)
def test_the_loss_legend_stays_off_the_curves(qtbot, snapshots, size) -> None:
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(*size)
    plot.show()
    plot.show_snapshot(snapshots["all"])
    settle(plot)
    view = view_rect(plot)
    legend = plot.legend.sceneBoundingRect()
    assert not legend.intersects(view)
    assert legend.bottom() <= view.top()
    assert view.height() >= size[1] - 120 and view.width() >= size[0] - 100
    # Nothing wider than the widget: the newest epoch stays on screen.
    assert plot.getPlotItem().sceneBoundingRect().width() <= plot.width() + 1
    x, y = plot.train_curve.getData()
    box = plot.getPlotItem().getViewBox()
    for p in (QPointF(x[0], y[0]), QPointF(x[-1], y[-1])):
        assert view.adjusted(-1, -1, 1, 1).contains(box.mapViewToScene(p))


def test_nice_ticks() -> None:
    assert nice_ticks(0.0, 1.0, 300, 30)[0] == (0.1, 0.0)
    assert nice_ticks(0.0, 1.0, 60, 30)[0] == (0.5, 0.0)  # short: fewer ticks
    assert nice_ticks(0.0, 1.0, 1000, 60, integer=True) == [(1.0, 0.0)]  # never 0.2
    major, minor = nice_ticks(0.0, 400.0, 400, 60, integer=True)
    assert major == (100.0, 0.0) and minor == (20.0, 0.0)
    assert nice_ticks(1.0, 1.0, 100, 30) == []


def test_log_ticks() -> None:
    # A loss from 0.09 to 1.4 over 200 px: 0.1, 0.2, 0.5, 1 labelled, the other digits grid only.
    labelled, grid = log_ticks(np.log10(0.09), np.log10(1.4), 200, 36)
    assert np.round(10 ** np.array(labelled[1]), 6).tolist() == [0.1, 0.2, 0.5, 1.0]
    assert 0.3 in np.round(10 ** np.array(grid[1]), 6)
    # Short: the decades only; very short: every other decade.
    assert np.round(10 ** np.array(log_ticks(-1.0, 0.1, 60, 36)[0][1]), 6).tolist() == [0.1, 1.0]
    assert len(log_ticks(-6.0, 0.0, 60, 36)[0][1]) <= 3


@pytest.mark.parametrize("zoom", [1.0, 1.6])
def test_log_scale_labels_stay_apart(qtbot, snapshots, zoom) -> None:
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(480, 300)
    plot.show()
    plot.show_snapshot(snapshots["all"])
    plot.set_log_scale(True)
    plot.set_zoom(zoom)
    settle(plot)
    axis = plot.getPlotItem().getAxis("left")
    y0, y1 = plot.getPlotItem().viewRange()[1]
    labelled = axis.tickValues(y0, y1, axis.height())[0][1]
    gaps = np.diff(sorted(labelled)) * axis.height() / (y1 - y0)
    assert len(labelled) >= 2 and gaps.min() >= QFontMetricsF(axis.style["tickFont"]).height()


@pytest.mark.parametrize("widget", ["landscape", "loss"])
def test_presenter_zoom(qtbot, snapshots, widget) -> None:
    if widget == "landscape":
        target = make_panel(qtbot, (1000, 330))
        plot = target.plot
    else:
        target = plot = LossPlot()
        qtbot.addWidget(plot)
        plot.resize(1000, 330)
        plot.show()
    target.show_snapshot(snapshots["all"])
    base = target.tick_font_pixel_size()
    curve = target.curve if widget == "landscape" else target.train_curve
    width = curve.opts["pen"].widthF()
    target.set_zoom(1.6)
    assert target.zoom() == 1.6
    assert target.tick_font_pixel_size() >= 16
    assert target.tick_font_pixel_size() == round(1.6 * base)
    axis = plot.getPlotItem().getAxis("bottom")
    assert f"{round(1.6 * 18)}px" in axis.labelString()
    assert curve.opts["pen"].widthF() == pytest.approx(1.6 * width)
    if widget == "landscape":
        assert target.labels["current"].textItem.font().pixelSize() == round(1.6 * 16)
        assert target.current_marker.opts["symbolSize"] == round(1.6 * 22)
        target.resize(1000, 700)  # high enough for a title
        settle(target.plot)
        assert target.plot.getPlotItem().titleLabel.isVisible()
        assert target.plot.getPlotItem().titleLabel.opts["size"] == f"{round(1.6 * 17)}px"
    else:
        assert target.legend.opts["labelTextSize"] == f"{round(1.6 * 16)}px"
        assert target.legend.sceneBoundingRect().bottom() <= view_rect(plot).top()
    # Cheap to call again: nothing is restyled for the same factor.
    calls = []
    target._apply_look = lambda: calls.append(1)
    target.set_zoom(1.6)
    assert not calls
    del target._apply_look
    target.set_zoom(1.0)
    assert target.tick_font_pixel_size() == base


@pytest.mark.parametrize("widget", ["landscape", "loss"])
def test_high_contrast(qtbot, snapshots, widget) -> None:
    if widget == "landscape":
        target = make_panel(qtbot, (700, 400))
        plot, curve = target.plot, target.curve
    else:
        target = plot = LossPlot()
        qtbot.addWidget(plot)
        plot.show()
        curve = plot.train_curve
    target.show_snapshot(snapshots["all"])
    color, width = curve.opts["pen"].color().name(), curve.opts["pen"].widthF()
    axis = plot.getPlotItem().getAxis("left")
    target.set_high_contrast(True)
    assert target.high_contrast()
    assert axis.textPen().color().name() == "#000000"
    assert axis.pen().color().name() == "#000000"
    assert curve.opts["pen"].widthF() > width
    assert curve.opts["pen"].color().name() != color
    assert plot.backgroundBrush().color().name() == "#ffffff"
    target.set_high_contrast(False)
    assert curve.opts["pen"].color().name() == color and curve.opts["pen"].widthF() == width


def test_every_control_has_a_tooltip(qtbot) -> None:
    panel = make_panel(qtbot, (700, 400))
    controls = [w for kind in (QComboBox, QAbstractSpinBox, QAbstractButton)
                for w in panel.findChildren(kind)]
    assert len(controls) >= 4
    for control in controls:
        assert control.toolTip(), control.objectName()


def parabola(snapshot: Snapshot, trail: np.ndarray, eta: float = 0.9) -> Snapshot:
    """``snapshot`` on the lecture's U-shaped curve L = w² + 0.5, with ``trail`` (oldest first,
    ending at the current weight) and one step of −η·slope from there."""
    values = np.linspace(-2.0, 2.0, 201)
    current = float(trail[-1])
    slope = 2.0 * current
    new = current - eta * slope
    figure = dataclasses.replace(
        snapshot.figure, values=values, losses=values ** 2 + 0.5, current_value=current,
        current_loss=current ** 2 + 0.5, slope=slope, learning_rate=eta, step=new - current,
        new_value=new, new_loss=new ** 2 + 0.5, minimum_value=0.0, minimum_loss=0.5,
        minimum_at_edge=False, minimum_is_global=True, lower_side=0, lower_point=None)
    return dataclasses.replace(snapshot, figure=figure, trail_values=trail,
                               trail_losses=trail ** 2 + 0.5, start_value=float(trail[0]),
                               start_loss=float(trail[0]) ** 2 + 0.5, epoch=trail.size)


def test_an_overshoot_zig_zags_with_arrows(qtbot, snapshots) -> None:
    panel = make_panel(qtbot, (510, 330))
    # η = 0.9 on w²: every step jumps across the minimum, to 0.8 times the distance.
    trail = -1.8 * (-0.8) ** np.arange(9)
    panel.show_snapshot(parabola(snapshots["lecture"], trail))
    heads = [head for head in panel.trail_heads if head.isVisible()]
    assert len(heads) >= 6  # one per step (the newest ones)
    # Pointing left, right, left …: across the minimum each time.
    directions = [np.cos(np.radians(head.opts["angle"] - 180)) for head in heads]
    assert all(a * b < 0 for a, b in itertools.pairwise(directions))
    assert panel.labels["path"].isVisible()
    shown = {key for key, label in panel.labels.items() if label.isVisible()}
    assert {"initial", "current", "new", "minimum"} <= shown


def test_a_crawl_is_a_dense_run_of_small_steps(qtbot, snapshots) -> None:
    panel = make_panel(qtbot, (510, 330))
    f = snapshots["lecture"].figure
    values = np.linspace(f.values[0], f.minimum_value, 200) + 0.05 * (f.values[-1] - f.values[0])
    losses = np.interp(values, f.values, f.losses)
    panel.show_snapshot(dataclasses.replace(snapshots["lecture"], trail_values=values,
                                            trail_losses=losses, epoch=1000))
    assert panel.trail.getData()[0].size == 200  # every step a dot
    heads = [head for head in panel.trail_heads if head.isVisible()]
    assert 0 < len(heads) <= len(panel.trail_heads)  # a few heads, not one per tiny step


def test_notes_on_the_figure(qtbot, snapshots) -> None:
    panel = make_panel(qtbot, (510, 330))
    note = panel.training_note
    panel.show_snapshot(snapshots["before"])
    assert not note.isVisible()  # nothing has moved yet
    panel.show_snapshot(snapshots["all"])  # an epoch later, with all weights training
    assert note.isVisible()
    assert "other weights" in note.toPlainText()
    assert "Train only the selected parameter" in note.toolTip()
    panel.show_snapshot(snapshots["all"])  # paused: the same epoch again
    assert not note.isVisible()
    lecture = snapshots["lecture"]
    panel.show_snapshot(dataclasses.replace(lecture, epoch=lecture.epoch - 1))
    panel.show_snapshot(lecture)  # training, but only this weight: the curve stays
    assert not note.isVisible()
    panel.show_snapshot(snapshots["batches"])
    assert note.isVisible() and "Mini-batches" in note.toPlainText()
    assert "one full-batch step" in note.toPlainText()
    settle(panel.plot)
    assert view_rect(panel.plot).adjusted(-1, -1, 1, 1).contains(note.sceneBoundingRect())
