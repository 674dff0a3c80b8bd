"""The network editor: the lecture's picture, live labels, selection, inline edits, +/−."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QLineEdit, QToolButton, QToolTip, QVBoxLayout, QWidget

from nnsim.core.network import Network
from nnsim.core.snapshot import Snapshot
from nnsim.ui.network_items import (NEGATIVE_COLOR, POSITIVE_COLOR, contrast_ratio,
                                    format_value, pen_width)
from nnsim.ui.network_items import parse_number
from nnsim.ui.names import activation_name
from nnsim.ui.network_view import NetworkView


def make_snapshot(sizes: tuple[int, int, int] = (3, 3, 2), selected: str = "",
                  **values: float) -> Snapshot:
    """A snapshot of a seeded network; keyword arguments set single parameters."""
    net = Network(sizes, seed=1)
    for name, value in values.items():
        net[name] = value
    n = len(net.names)
    return Snapshot(
        epoch=0, sizes=net.sizes, names=net.names, parameters=net.get_vector(),
        gradient=np.linspace(-0.0123456, 0.987654, n), train_loss=0.5,
        hidden_activation="sigmoid", output_activation="linear", loss="mse",
        learning_rate=0.1, is_classification=False, history={}, latest=None,
        selected=selected or net.names[0], figure=None, trail_values=np.empty(0),
        trail_losses=np.empty(0), start_value=0.0, start_loss=0.5)


@pytest.fixture
def view(qtbot):
    widget = NetworkView()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def label_pos(view: NetworkView, name: str) -> QPoint:
    return view.mapFromScene(view.edge_label_rects()[name].center())


def editor_of(view: NetworkView) -> QLineEdit | None:
    editors = [e for e in view.findChildren(QLineEdit, "weightEditor") if e.isVisible()]
    return editors[0] if editors else None


# ----------------------------------------------------------------- the lecture's picture
def test_nodes_have_the_lecture_names_and_colours(view):
    view.show_snapshot(make_snapshot((3, 3, 2)))
    nodes = view.nodes()
    assert set(nodes) == {"I1", "I2", "I3", "H1", "H2", "H3", "O1", "O2", "B1", "B2"}
    colours = {"I": "#3498db", "H": "#e74c3c", "O": "#2ecc71", "B": "#f39c12"}
    for name, node in nodes.items():
        assert node.fill == QColor(colours[name[0]]), name
        assert contrast_ratio(node.text_color, node.fill) >= 4.5, name
        assert node.font.bold()
    # Inputs left, hidden middle, outputs right; each bias node under the column it sits in.
    x = {name: node.pos().x() for name, node in nodes.items()}
    y = {name: node.pos().y() for name, node in nodes.items()}
    assert x["I1"] == x["B1"] < x["H1"] == x["B2"] < x["O1"]
    assert y["B1"] > y["I3"] and y["B2"] > y["H3"]
    assert view.captions() == ["Input Layer", "Hidden Layer", "Output Layer"]


def test_four_hidden_units_follow_the_core_names(view):
    view.show_snapshot(make_snapshot((3, 4, 2)))
    nodes, edges = view.nodes(), view.edges()
    assert "H4" in nodes and nodes["H4"].fill == QColor("#e74c3c")
    assert {"w14", "w34", "v41", "v42", "b1", "b4", "b5", "b6"} <= set(edges)
    assert "b7" not in edges

    def ends(name: str) -> tuple[QPointF, QPointF]:
        line = edges[name].line()
        return line.p1(), line.p2()
    assert ends("w14") == (nodes["I1"].pos(), nodes["H4"].pos())
    assert ends("v41") == (nodes["H4"].pos(), nodes["O1"].pos())
    assert ends("b4") == (nodes["B1"].pos(), nodes["H4"].pos())
    assert ends("b5") == (nodes["B2"].pos(), nodes["O1"].pos())
    assert ends("b6") == (nodes["B2"].pos(), nodes["O2"].pos())


def test_text_is_legible_at_the_default_size(view):
    view.show_snapshot(make_snapshot((3, 3, 2)))
    scale = view.transform().m11()
    assert view.nodes()["H1"].font.pixelSize() * scale >= 14
    assert view.labels()["w12"].font().pixelSize() * scale >= 12


def test_redraws_for_other_sizes(view):
    view.show_snapshot(make_snapshot((3, 3, 2)))
    view.show_snapshot(make_snapshot((2, 5, 1)))
    assert set(view.nodes()) == {"I1", "I2", "H1", "H2", "H3", "H4", "H5", "O1", "B1", "B2"}
    assert set(view.edges()) == set(Network((2, 5, 1)).names)
    assert view.labels()["v51"].text.startswith("v51 = ")


# ----------------------------------------------------------------- live values
def test_labels_and_edges_show_live_values(view):
    view.show_snapshot(make_snapshot(w12=0.43))
    assert view.labels()["w12"].text == "w12 = 0.43"
    edge = view.edges()["w12"]
    assert edge.pen().color() == POSITIVE_COLOR
    view.show_snapshot(make_snapshot(w12=-1.5))
    assert view.labels()["w12"].text == "w12 = \u22121.50"
    assert edge.pen().color() == NEGATIVE_COLOR
    assert edge.pen().style() == Qt.PenStyle.DashLine
    assert edge.pen().widthF() == pen_width(-1.5) > pen_width(0.43)


def test_same_sizes_update_in_place_and_only_what_changed(view, monkeypatch):
    view.show_snapshot(make_snapshot(w12=0.43))
    labels, edges, nodes = view.labels(), view.edges(), view.nodes()
    repaints: list[str] = []
    for name, label in labels.items():
        monkeypatch.setattr(label, "update", lambda n=name: repaints.append(n))
    view.show_snapshot(make_snapshot(w12=0.43))
    assert repaints == []
    view.show_snapshot(make_snapshot(w12=0.9))
    assert repaints == ["w12"]
    assert view.labels() == labels and view.edges() == edges and view.nodes() == nodes


def test_real_session_snapshot(view):
    from nnsim.core.session import Session
    snapshot = Session().snapshot()
    view.show_snapshot(snapshot)
    assert set(view.labels()) == set(snapshot.names)
    assert view.selected() == snapshot.selected
    assert snapshot.feature_names[0] in view.tooltip_text("I1")
    assert activation_name(snapshot.hidden_activation) in view.tooltip_text("H2")  # "Sigmoid"


def test_tooltip_names_connection_value_and_gradient(view):
    snapshot = make_snapshot(w12=0.123456)
    view.show_snapshot(snapshot)
    text = view.tooltip_text("w12")
    assert "I1 \u2192 H2" in text and "0.1235" in text
    assert f"\u2202L/\u2202w12 = {snapshot.gradient_of('w12'):.4g}" in text
    pos = label_pos(view, "w12")
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    view.viewportEvent(event)
    assert "I1 \u2192 H2" in QToolTip.text()
    assert "bias" in view.tooltip_text("B2")


# ----------------------------------------------------------------- selection
def test_clicking_a_label_selects_its_parameter(view, qtbot):
    view.show_snapshot(make_snapshot())
    with qtbot.waitSignal(view.parameter_selected) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=label_pos(view, "w12"))
    assert blocker.args == ["w12"]
    # The highlight follows the model: it appears with the snapshot that has w12 selected.
    assert view.selected() != "w12"
    view.show_snapshot(make_snapshot(selected="w12"))
    assert view.selected() == "w12" and view.labels()["w12"].selected


def test_clicking_a_bias_edge_selects_it(view, qtbot):
    view.show_snapshot(make_snapshot())
    line = view.edges()["b1"].line()
    # A point of the bare line, clear of labels and nodes.
    for t in np.linspace(0.1, 0.9, 33):
        pos = view.mapFromScene(line.pointAt(float(t)))
        top = view.items(pos)[0] if view.items(pos) else None
        if top is view.edges()["b1"]:
            break
    else:
        pytest.fail("no bare point on edge b1")
    with qtbot.waitSignal(view.parameter_selected) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == ["b1"]


def test_clicking_empty_space_selects_nothing(view, qtbot):
    view.show_snapshot(make_snapshot())
    with qtbot.assertNotEmitted(view.parameter_selected):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))


def test_set_selected_highlights_without_signal(view, qtbot):
    view.show_snapshot(make_snapshot(selected="w11"))
    with qtbot.assertNotEmitted(view.parameter_selected):
        view.set_selected("v21")
    labels = view.labels()
    assert view.selected() == "v21"
    assert labels["v21"].selected and labels["v21"].font().bold()
    assert not labels["w11"].selected and not labels["w11"].font().bold()


def test_follows_the_models_selection(view):
    view.show_snapshot(make_snapshot(selected="v11"))
    assert view.selected() == "v11"
    view.show_snapshot(make_snapshot(selected="b2"))
    assert view.selected() == "b2"


# ----------------------------------------------------------------- inline editing
def test_double_click_opens_the_editor_with_the_value(view, qtbot):
    view.show_snapshot(make_snapshot(w12=0.43))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=label_pos(view, "w12"))
    editor = editor_of(view)
    assert editor is not None and editor.text() == "0.43"
    assert editor.selectedText() == "0.43"
    assert view.selected() == "w12"


def test_f2_and_enter_edit_the_selected_parameter(view, qtbot):
    view.show_snapshot(make_snapshot())
    for key in (Qt.Key.Key_F2, Qt.Key.Key_Return):
        view.set_selected("v11")
        view.setFocus()
        qtbot.keyClick(view, key)
        editor = editor_of(view)
        assert editor is not None and editor.objectName() == "weightEditor"
        qtbot.keyClick(editor, Qt.Key.Key_Escape)


@pytest.mark.parametrize("text, value", [("0.25", 0.25), ("0,5", 0.5), (" -1.2 ", -1.2),
                                         ("\u22123", -3.0), ("1e3", 1000.0)])
def test_enter_requests_the_edit(view, qtbot, text, value):
    view.show_snapshot(make_snapshot(w12=0.43))
    editor = view.begin_edit("w12")
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:
        editor.insert(text)  # QTest cannot type "−" (it aborts on non-Latin-1 keys)
    with qtbot.waitSignal(view.parameter_edit_requested) as blocker, \
            qtbot.assertNotEmitted(view.edit_refused):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert blocker.args == ["w12", value]
    assert editor_of(view) is None
    # The view does not change the value itself: the model's next snapshot does.
    assert view.labels()["w12"].text == "w12 = 0.43"


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "-inf", "1e999", ""])
def test_invalid_input_is_refused_and_the_editor_stays(view, qtbot, text):
    view.show_snapshot(make_snapshot())
    editor = view.begin_edit("w12")
    editor.clear()
    qtbot.keyClicks(editor, text)
    with qtbot.waitSignal(view.edit_refused) as blocker, \
            qtbot.assertNotEmitted(view.parameter_edit_requested):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    message = blocker.args[0]
    assert message.startswith("w12 needs a") and "0.5" in message
    if text:
        assert f"\u201c{text}\u201d" in message
    assert editor_of(view) is editor and editor.selectedText() == text


def test_escape_cancels_the_edit(view, qtbot):
    view.show_snapshot(make_snapshot())
    editor = view.begin_edit("v21")
    qtbot.keyClicks(editor, "7")
    with qtbot.assertNotEmitted(view.parameter_edit_requested), \
            qtbot.assertNotEmitted(view.edit_refused):
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor_of(view) is None


def test_leaving_the_editor_cancels_the_edit(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    view, other = NetworkView(window), QLineEdit(window)
    QVBoxLayout(window).addWidget(view)
    window.layout().addWidget(other)
    window.resize(800, 650)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    view.show_snapshot(make_snapshot())
    editor = view.begin_edit("w12")
    qtbot.waitUntil(editor.hasFocus)
    with qtbot.assertNotEmitted(view.parameter_edit_requested):
        other.setFocus(Qt.FocusReason.MouseFocusReason)
        qtbot.waitUntil(lambda: editor_of(view) is None)


def test_begin_edit_of_unknown_name_raises(view):
    view.show_snapshot(make_snapshot())
    with pytest.raises(KeyError):
        view.begin_edit("w99")


def test_new_sizes_close_the_editor(view):
    view.show_snapshot(make_snapshot())
    view.begin_edit("w12")
    view.show_snapshot(make_snapshot((3, 4, 2)))
    assert editor_of(view) is None


# ----------------------------------------------------------------- hidden layer +/−
def test_hidden_unit_buttons(view, qtbot):
    add = view.findChild(QToolButton, "addHiddenUnitButton")
    remove = view.findChild(QToolButton, "removeHiddenUnitButton")
    assert not add.isEnabled() and not remove.isEnabled()  # nothing shown yet
    view.show_snapshot(make_snapshot((3, 3, 2)))
    with qtbot.waitSignal(view.hidden_units_change_requested) as blocker:
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert blocker.args == [4]
    with qtbot.waitSignal(view.hidden_units_change_requested) as blocker:
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert blocker.args == [2]
    view.show_snapshot(make_snapshot((3, 9, 2)))
    assert not add.isEnabled() and remove.isEnabled()
    with qtbot.assertNotEmitted(view.hidden_units_change_requested):
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    view.show_snapshot(make_snapshot((3, 1, 2)))
    assert add.isEnabled() and not remove.isEnabled()


# ----------------------------------------------------------------- layout
def _assert_no_overlap(view: NetworkView) -> None:
    rects = view.edge_label_rects()
    items = list(rects.items())
    for i, (a, ra) in enumerate(items):
        for b, rb in items[i + 1:]:
            assert not ra.intersects(rb), f"labels {a} and {b} overlap"
        for node, item in view.nodes().items():
            assert not ra.intersects(item.sceneBoundingRect().adjusted(2, 2, -2, -2)), \
                f"label {a} covers node {node}"


@pytest.mark.parametrize("sizes, with_values",
                         [((3, 3, 2), True), ((3, 4, 2), True), ((3, 9, 2), True),
                          ((3, 1, 2), True), ((2, 2, 1), True), ((9, 9, 9), False)])
def test_labels_do_not_overlap(view, qtbot, sizes, with_values):
    view.show_snapshot(make_snapshot(sizes))
    # Every edge keeps a label; 9-9-9 (171 edges) only fits with names (values in tooltips).
    assert set(view.edge_label_rects()) == set(Network(sizes).names)
    assert all(label.show_value == with_values for label in view.labels().values())
    _assert_no_overlap(view)
    for width, height in ((500, 360), (1200, 400), (600, 900)):
        view.resize(width, height)
        qtbot.waitUntil(lambda: not view.relayout_pending())
        assert set(view.edge_label_rects()) == set(Network(sizes).names)
        _assert_no_overlap(view)
        to_view = view.viewportTransform()
        mapped = [to_view.mapRect(r) for r in view.edge_label_rects().values()]
        for i, a in enumerate(mapped):
            assert not any(a.intersects(b) for b in mapped[i + 1:])


@pytest.mark.parametrize("width, height", [(500, 360), (1100, 500), (600, 900)])
def test_resize_keeps_the_whole_graph_in_view(view, qtbot, width, height):
    view.show_snapshot(make_snapshot())
    view.resize(width, height)
    qtbot.waitUntil(lambda: not view.relayout_pending())
    shown = view.mapFromScene(view.sceneRect()).boundingRect()
    area = view.viewport().rect().adjusted(-2, -2, 2, 2)
    assert area.contains(shown)
    # Fitted: the graph fills the width or the height.
    assert shown.width() >= 0.95 * width or shown.height() >= 0.95 * height
    # The +/- buttons follow the hidden layer's caption.
    add = view.findChild(QToolButton, "addHiddenUnitButton")
    hidden_x = view.mapFromScene(view.nodes()["H1"].pos()).x()
    assert hidden_x < add.geometry().left() < hidden_x + 150


# ----------------------------------------------------------------- helpers
@pytest.mark.parametrize("value, text", [(0.43, "0.43"), (-1.5, "\u22121.50"), (-0.001, "0.00"),
                                         (12.34, "12.3"), (-123.4, "\u2212123"),
                                         (12345.0, "1e4"), (math.nan, "nan"),
                                         (math.inf, "\u221e")])
def test_format_value(value, text):
    assert format_value(value) == text


@pytest.mark.parametrize("text, value", [("0,5", 0.5), ("  2 ", 2.0), ("abc", None),
                                         ("nan", None), ("inf", None), ("1e999", None),
                                         ("", None), ("1.2.3", None)])
def test_parse_number(text, value):
    assert parse_number(text) == value
