"""The network editor in a lecture hall: labels legible and unambiguous, colours that survive a
washed-out projector, presenter zoom and high contrast, and a tooltip on every control."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from nnsim.ui import network_view
from nnsim.ui.network_items import (HIDDEN_COLOR, INPUT_COLOR, NEGATIVE_COLOR, POSITIVE_COLOR,
                                    LegendItem, contrast_ratio)
from nnsim.ui.network_view import NetworkView
from tests.ui.test_network_view import make_snapshot

# The editor pane of the main window on a 1366×768 laptop (905×257 since the plots got half the
# height), and in presenter mode at 1024×768.
LAPTOP_PANES = [(900, 330), (942, 314), (905, 314), (905, 257)]
PRESENTER_PANES = [(1000, 420), (972, 306)]


def shown(qtbot, sizes: tuple[int, int, int], width: int, height: int,
          zoom: float = 1.0, **values: float) -> NetworkView:
    """A view of ``width``×``height`` showing a seeded network, laid out for its size."""
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    view.show_snapshot(make_snapshot(sizes, **values))
    view.set_zoom(zoom)
    qtbot.waitUntil(lambda: not view.relayout_pending())
    assert view.viewport().size().width() == width
    return view


def on_screen_px(view: NetworkView, font_px: int) -> float:
    return font_px * view.transform().m11()


def assert_tidy(view: NetworkView) -> None:
    """Every label shown, none overlapping another or any node's circle, all inside the view."""
    rects = view.edge_label_rects()
    assert set(rects) == set(view.edges())
    items = list(rects.items())
    for i, (a, ra) in enumerate(items):
        for b, rb in items[i + 1:]:
            assert not ra.intersects(rb), f"labels {a} and {b} overlap"
        for name, node in view.nodes().items():
            assert not ra.intersects(node.sceneBoundingRect().adjusted(2, 2, -2, -2)), \
                f"label {a} covers node {name}"
    shown_area = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-1, -1, 1, 1)
    assert all(shown_area.contains(r) for r in rects.values())


# ----------------------------------------------------------------- 1. legible labels
@pytest.mark.parametrize("width, height", LAPTOP_PANES)
@pytest.mark.parametrize("sizes, least", [((3, 3, 2), 12.0), ((3, 9, 2), 9.0)])
def test_edge_labels_are_legible_in_the_laptop_pane(qtbot, sizes, least, width, height):
    view = shown(qtbot, sizes, width, height)
    edge_px, node_px = view.edge_label_pixel_size(), view.node_label_pixel_size()
    assert edge_px >= least
    assert node_px > edge_px  # the names of the units stay the largest text
    # The measure is what a student sees: font size times the view's scale, for every label.
    labels = [label for label in view.labels().values() if label.isVisible()]
    assert len(labels) == len(view.edges())
    assert min(on_screen_px(view, label.font().pixelSize()) for label in labels) \
        == pytest.approx(edge_px)
    assert_tidy(view)


@pytest.mark.parametrize("width, height", LAPTOP_PANES)
def test_the_lecture_network_shows_names_and_values(qtbot, width, height):
    view = shown(qtbot, (3, 3, 2), width, height, w31=0.21)
    assert view.labels()["w31"].text == "w31 = 0.21"
    assert all(label.show_value for label in view.labels().values())


@pytest.mark.parametrize("sizes", [(3, 3, 2), (3, 5, 2), (3, 9, 2), (9, 9, 9), (1, 1, 1)])
@pytest.mark.parametrize("width, height", [(900, 330), (640, 480), (1600, 500), (500, 800)])
def test_node_names_stay_larger_than_edge_labels(qtbot, sizes, width, height):
    view = shown(qtbot, sizes, width, height)
    assert view.node_label_pixel_size() > view.edge_label_pixel_size() > 0
    assert_tidy(view)


# ----------------------------------------------------------------- 2. which edge a label is for
def _fraction_along(line: QLineF, point: QPointF) -> tuple[float, float]:
    """Fraction along ``line`` of the foot of ``point``, and the point's distance from it."""
    d = line.p2() - line.p1()
    v = point - line.p1()
    length2 = d.x() ** 2 + d.y() ** 2
    t = (v.x() * d.x() + v.y() * d.y()) / length2
    return t, abs(v.x() * d.y() - v.y() * d.x()) / math.sqrt(length2)


def _crossings(lines: dict[str, QLineF], name: str) -> list[QPointF]:
    points = []
    for other, line in lines.items():
        if other == name:
            continue
        kind, point = lines[name].intersects(line)
        if kind == QLineF.IntersectionType.BoundedIntersection \
                and all((point - p).manhattanLength() > 1 for p in (line.p1(), line.p2())):
            points.append(point)
    return points


@pytest.mark.parametrize("sizes", [(3, 3, 2), (3, 9, 2)])
def test_each_label_sits_on_its_own_edge_nearer_the_source(qtbot, sizes):
    view = shown(qtbot, sizes, 905, 314)
    lines = {name: edge.line() for name, edge in view.edges().items()}
    fractions = []
    for name, rect in view.edge_label_rects().items():
        t, distance = _fraction_along(lines[name], rect.center())
        assert distance < 0.5, f"{name} is off its edge"
        assert 0.0 < t < 1.0
        fractions.append(t)
    assert np.mean(fractions) < 0.5  # where a unit's edges fan out, not where they converge


@pytest.mark.parametrize("width, height, zoom", [(905, 314, 1.0), (900, 330, 1.0),
                                                 (905, 257, 1.0), (1000, 420, 1.6)])
def test_no_label_of_the_lecture_network_is_centred_on_a_crossing(qtbot, width, height, zoom):
    view = shown(qtbot, (3, 3, 2), width, height, zoom)
    lines = {name: edge.line() for name, edge in view.edges().items()}
    for name, rect in view.edge_label_rects().items():
        for point in _crossings(lines, name):
            away = point - rect.center()
            assert abs(away.x()) > rect.width() / 4 or abs(away.y()) > rect.height() / 2, \
                f"label {name} hides the crossing at {point}"


def hover(qtbot, view: NetworkView, scene_point: QPointF) -> None:
    qtbot.mouseMove(view.viewport(), view.mapFromScene(scene_point))
    qtbot.wait(20)


def bare_point(view: NetworkView, name: str) -> QPointF:
    """A point of edge ``name`` with nothing else (label, node, other edge) under the mouse."""
    line = view.edges()[name].line()
    for t in np.linspace(0.1, 0.9, 81):
        point = line.pointAt(float(t))
        items = view.items(view.mapFromScene(point))
        if items and items[0] is view.edges()[name] and len(
                [i for i in items if i in view.edges().values()]) == 1:
            return point
    pytest.fail(f"no bare point on edge {name}")


def test_hovering_a_label_highlights_its_edge_and_both_nodes(qtbot):
    view = shown(qtbot, (3, 3, 2), 905, 314)
    label = view.labels()["w31"]
    glow = view.hover_highlight()
    assert not glow.isVisible()
    hover(qtbot, view, view.edge_label_rects()["w31"].center())
    assert view.hovered() == "w31" and label.hovered
    assert glow.isVisible() and glow.edge == "w31" and glow.ends == ("I3", "H1")
    # The glow is drawn along the edge and around the nodes, under the labels.
    edge = view.edges()["w31"].sceneBoundingRect()
    assert glow.sceneBoundingRect().contains(edge)
    for node in ("I3", "H1"):
        assert glow.sceneBoundingRect().contains(view.nodes()[node].sceneBoundingRect())
    assert label.font().bold()
    # Leaving restores everything.
    hover(qtbot, view, QPointF(view.sceneRect().left() + 2, view.sceneRect().top() + 2))
    assert view.hovered() == "" and not label.hovered and not glow.isVisible()
    assert not label.font().bold()


def test_hovering_an_edge_highlights_its_label(qtbot):
    view = shown(qtbot, (3, 3, 2), 905, 314)
    hover(qtbot, view, bare_point(view, "w13"))
    assert view.hovered() == "w13"
    assert view.labels()["w13"].hovered and view.labels()["w13"].zValue() > max(
        label.zValue() for name, label in view.labels().items() if name != "w13")
    assert view.hover_highlight().ends == ("I1", "H3")
    hover(qtbot, view, view.edge_label_rects()["v22"].center())
    assert view.hovered() == "v22" and not view.labels()["w13"].hovered


def test_hover_does_not_select(qtbot):
    view = shown(qtbot, (3, 3, 2), 905, 314)
    with qtbot.assertNotEmitted(view.parameter_selected):
        hover(qtbot, view, view.edge_label_rects()["w22"].center())
    assert view.selected() == "w11"  # the model's choice (make_snapshot selects the first)


def test_the_selection_highlights_its_edge_and_both_nodes(qtbot):
    view = shown(qtbot, (3, 3, 2), 905, 314)
    view.show_snapshot(make_snapshot(selected="v21"))
    glow = view.selection_highlight()
    assert glow.isVisible() and glow.edge == "v21" and glow.ends == ("H2", "O1")
    assert view.labels()["v21"].selected


# ----------------------------------------------------------------- 3. projector colours
def _lab(color: QColor) -> np.ndarray:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    rgb = np.array([linear(color.redF()), linear(color.greenF()), linear(color.blueF())])
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                    [0.0193, 0.1192, 0.9505]]) @ rgb / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def washed_out(color: QColor) -> QColor:
    """A colour as a bright, washed-out projector shows it: half of it mixed with pale grey."""
    return QColor.fromRgbF(*(0.55 * c + 0.45 * g for c, g in
                             zip((color.redF(), color.greenF(), color.blueF()),
                                 (0.92, 0.92, 0.88))))


def distance(a: QColor, b: QColor) -> float:
    return float(np.linalg.norm(_lab(washed_out(a)) - _lab(washed_out(b))))


def test_negative_edges_cannot_be_taken_for_the_red_hidden_units():
    # ΔE on a washed-out projector: the old dark red (#b2182b) was 14 from the hidden units.
    assert distance(NEGATIVE_COLOR, HIDDEN_COLOR) > 40
    assert distance(NEGATIVE_COLOR, POSITIVE_COLOR) > 40
    hue_gap = abs(NEGATIVE_COLOR.hueF() - HIDDEN_COLOR.hueF()) * 360
    assert min(hue_gap, 360 - hue_gap) > 60
    # Positive stays blue, but darker than the input nodes so a line never reads as a node.
    assert 200 <= POSITIVE_COLOR.hue() <= 230
    assert contrast_ratio(POSITIVE_COLOR, INPUT_COLOR) > 2.5


def test_edges_and_legend_use_the_projector_colours(qtbot):
    view = shown(qtbot, (3, 3, 2), 905, 314, w12=-0.5, w11=0.5)
    negative, positive = view.edges()["w12"].pen(), view.edges()["w11"].pen()
    assert negative.color() == NEGATIVE_COLOR and negative.style() == Qt.PenStyle.DashLine
    assert positive.color() == POSITIVE_COLOR and positive.style() == Qt.PenStyle.SolidLine
    legend = next(i for i in view.scene().items() if isinstance(i, LegendItem))
    samples = {e.text: legend.palette.sign_color(e.sign) for e in legend.entries if e.sign}
    assert samples == {"positive": POSITIVE_COLOR, "negative": NEGATIVE_COLOR}


# ----------------------------------------------------------------- 4. presenter hooks
@pytest.mark.parametrize("width, height", PRESENTER_PANES)
def test_presenter_zoom_makes_text_large_enough_for_the_back_row(qtbot, width, height):
    view = shown(qtbot, (3, 3, 2), width, height, zoom=1.6)
    assert view.zoom() == 1.6
    assert view.node_label_pixel_size() >= 24
    assert view.edge_label_pixel_size() >= 16
    assert_tidy(view)


def test_zoom_scales_fonts_and_edge_widths_and_goes_back(qtbot):
    view = shown(qtbot, (3, 3, 2), 1400, 700, w11=1.0)
    normal = (view.node_label_pixel_size(), view.edge_label_pixel_size(),
              view.edges()["w11"].pen().widthF())
    view.set_zoom(1.6)
    zoomed = (view.node_label_pixel_size(), view.edge_label_pixel_size(),
              view.edges()["w11"].pen().widthF())
    assert all(z >= 1.5 * n for z, n in zip(zoomed, normal))
    assert_tidy(view)
    view.set_zoom(1.0)
    assert (view.node_label_pixel_size(), view.edge_label_pixel_size(),
            view.edges()["w11"].pen().widthF()) == normal


def test_zoom_is_cheap_to_toggle(qtbot, monkeypatch):
    view = shown(qtbot, (3, 3, 2), 1000, 420)
    view.set_zoom(1.6)
    view.set_zoom(1.0)
    calls = []
    real = network_view.compute_layout
    monkeypatch.setattr(network_view, "compute_layout", lambda *a: calls.append(a) or real(*a))
    for _ in range(3):  # presenter mode on and off: both layouts are remembered
        view.set_zoom(1.6)
        view.set_zoom(1.0)
    assert calls == []


def test_high_contrast_is_black_on_white_with_thicker_lines(qtbot):
    view = shown(qtbot, (3, 3, 2), 1000, 420, w11=1.0)
    node, edge, label = view.nodes()["H1"], view.edges()["w11"], view.labels()["w11"]
    before = (node.fill.hsvSaturationF(), node.palette.outline_width, edge.pen().widthF())
    view.set_high_contrast(True)
    assert view.high_contrast()
    assert view.backgroundBrush().color() == QColor("#ffffff")
    assert label.palette.text == QColor("#000000") and label.palette.label_fill.alpha() == 255
    assert node.palette.outline == QColor("#000000")
    assert node.fill.hsvSaturationF() > before[0]
    assert node.palette.outline_width > before[1] and edge.pen().widthF() > before[2]
    assert contrast_ratio(node.text_color, node.fill) >= 4.5 or node.name[0] == "H"
    assert_tidy(view)
    view.set_high_contrast(False)
    assert (node.fill.hsvSaturationF(), node.palette.outline_width,
            edge.pen().widthF()) == before


# ----------------------------------------------------------------- 5. tooltips
def test_every_control_in_the_view_has_a_tooltip(qtbot):
    view = shown(qtbot, (3, 3, 2), 905, 314)
    view.begin_edit("w12")
    controls = view.findChildren(QAbstractButton) + view.findChildren(QLineEdit)
    assert len(controls) >= 3
    for control in controls:
        assert control.toolTip().strip(), control.objectName()
        assert control.objectName()


def test_a_label_without_a_spot_shows_while_its_edge_is_hovered(qtbot, monkeypatch):
    # When no arrangement fits every label (a huge network in a tiny view), the labels without a
    # spot wait hidden on their edge; hovering the edge shows which one it is.
    real = network_view.compute_layout

    def crowded(*args):
        layout = real(*args)
        layout.label_centers.pop("w13")
        layout.hidden_labels.add("w13")
        return layout
    monkeypatch.setattr(network_view, "compute_layout", crowded)
    view = shown(qtbot, (3, 3, 2), 905, 314)
    label = view.labels()["w13"]
    assert "w13" not in view.edge_label_rects() and not label.isVisible()
    hover(qtbot, view, bare_point(view, "w13"))
    assert view.hovered() == "w13" and label.isVisible() and label.hovered
    hover(qtbot, view, QPointF(view.sceneRect().left() + 2, view.sceneRect().top() + 2))
    assert not label.isVisible()


def test_high_contrast_reaches_the_legend(qtbot):
    view = shown(qtbot, (3, 3, 2), 905, 314)
    legend = next(i for i in view.scene().items() if isinstance(i, LegendItem))
    view.set_high_contrast(True)
    assert legend.palette.text == QColor("#000000")
    assert legend.palette.sign_color(-1) != NEGATIVE_COLOR  # the saturated purple
    view.set_high_contrast(False)
    assert legend.palette.sign_color(-1) == NEGATIVE_COLOR
