"""The network editor: the lecture's network graph with live, clickable, editable parameters.

The view only shows and asks. Clicking selects (``parameter_selected``), typing a number asks for
an edit (``parameter_edit_requested``) and the +/− buttons ask for another hidden-layer size
(``hidden_units_change_requested``); the model changes, and the change comes back as the next
snapshot. So undo, training and the other views never disagree with what is drawn here.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QTransform
from PySide6.QtWidgets import (QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView, QLineEdit,
                               QToolButton, QToolTip, QWidget)

from nnsim.core.network import MAX_UNITS, Network
from nnsim.core.snapshot import Snapshot
from nnsim.ui.network_items import (CAPTION_FONT_PX, HIGH_CONTRAST, HIGHLIGHT_COLOR, HOVER_COLOR,
                                    LEGEND_FONT_PX, NAME_ROLE, NORMAL, EdgeItem, EdgeLabelItem,
                                    HighlightItem, LegendEntry, LegendItem, NodeItem, Palette,
                                    ValueEditor, pixel_font)
from nnsim.ui.network_layout import Chrome, Layout, compute_layout

EDIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)
RELAYOUT_DELAY_MS = 80
IMMEDIATE_LAYOUT_SECONDS = 0.025  # layouts faster than this follow a resize at once
ZOOM_RANGE = (0.5, 4.0)
SIZE_STEP = 4  # view sizes within this many pixels share a layout (scaled up by < 1 %)
LAYOUT_CACHE_SIZE = 32
BUTTON_PX = 24  # the +/− buttons at zoom 1
CHROME_FULL_ZOOM_HEIGHT = 350  # captions and legend zoom fully from this height per unit of zoom


class NetworkView(QGraphicsView):
    """The network graph: nodes, weighted edges, value labels, inline editing, hidden +/−.

    Signals
    -------
    parameter_selected(str) : the user clicked a connection, a bias edge or a label.
    parameter_edit_requested(str, float) : the user typed a valid finite number for a parameter.
    edit_refused(str) : the user typed something that is not a finite number; the message.
    hidden_units_change_requested(int) : the user pressed + or − (the new count, 1–9).
    """

    parameter_selected = Signal(str)
    parameter_edit_requested = Signal(str, float)
    edit_refused = Signal(str)
    hidden_units_change_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkView")
        self.setScene(QGraphicsScene(self))
        # A figure on white, like the lecture slide, whatever the desktop theme.
        self.setBackgroundBrush(NORMAL.background)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Network editor"))
        self._sizes: tuple[int, ...] = ()
        self._names: tuple[str, ...] = ()
        self._snapshot: Snapshot | None = None
        self._net: Network | None = None
        self._values: np.ndarray | None = None
        self._nodes: dict[str, NodeItem] = {}
        self._edges: dict[str, EdgeItem] = {}
        self._labels: dict[str, EdgeLabelItem] = {}
        self._captions: list[QGraphicsSimpleTextItem] = []
        self._hidden_labels: set[str] = set()
        self._halo: HighlightItem | None = None
        self._hover_halo: HighlightItem | None = None
        self._hovered = ""
        self._zoom = 1.0
        self._palette: Palette = NORMAL
        self._layout: Layout | None = None
        self._layout_seconds = 0.0  # how long the last new layout took
        self._selected = ""
        self._editor: ValueEditor | None = None
        self._editing = ""
        self._edge_ends: dict[str, tuple[str, ...]] = {}
        self._legend: LegendItem | None = None
        self._layout_key: tuple | None = None
        self._layout_cache: dict[tuple, Layout] = {}
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(RELAYOUT_DELAY_MS)
        self._relayout_timer.timeout.connect(self._relayout)
        self._remove_button = self._make_button("removeHiddenUnitButton", "\u2212",
                                                self.tr("Remove a hidden unit"), -1)
        self._add_button = self._make_button("addHiddenUnitButton", "+",
                                             self.tr("Add a hidden unit (at most 9)"), +1)

    def _make_button(self, object_name: str, text: str, tip: str, step: int) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(object_name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFont(pixel_font(18, bold=True))
        button.setFixedSize(BUTTON_PX, BUTTON_PX)
        button.setEnabled(False)
        button.clicked.connect(lambda: self._on_hidden_button_clicked(step))
        return button

    def sizeHint(self) -> QSize:
        return QSize(800, 600)

    # ----------------------------------------------------------------- public API
    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Draw ``snapshot``: rebuild if the layer sizes changed, else restyle what changed.

        Called up to 15 times a second while training, so an unchanged network costs one
        NumPy comparison and touches only the labels whose value moved.
        """
        if tuple(snapshot.sizes) != self._sizes or tuple(snapshot.names) != self._names:
            self._rebuild(snapshot)
        values = np.asarray(snapshot.parameters, dtype=float)
        if self._values is None or self._values.shape != values.shape:
            changed = np.arange(values.size)
        else:
            changed = np.flatnonzero(values != self._values)  # nan != nan: recheck, cheap
        for i in changed:
            name, value = self._names[i], float(values[i])
            self._edges[name].set_value(value)
            self._labels[name].set_value(value)
        self._values = values.copy()
        self._snapshot = snapshot
        # The highlight is always the model's selection: one truth, so a click on a network that
        # has since changed (or a choice in the landscape's list) can never leave the two apart.
        if snapshot.selected != self._selected and not self._editing:
            self.set_selected(snapshot.selected)
        hidden = self._sizes[1]
        self._remove_button.setEnabled(hidden > 1)
        self._add_button.setEnabled(hidden < MAX_UNITS)

    def set_selected(self, name: str) -> None:
        """Highlight parameter ``name`` (edge glow, its nodes ringed, bold label), no signal."""
        old = self._labels.get(self._selected)
        self._selected = name
        if old is not None:
            old.set_selected(False)
            self._show_label_if_placed(old.name)
        label = self._labels.get(name)
        if label is not None:
            label.set_selected(True)
            label.setVisible(True)
        self._emphasise(self._halo, name)

    def _emphasise(self, halo: HighlightItem | None, name: str) -> None:
        """Put ``halo`` on ``name``'s edge and its two nodes (hidden for no edge)."""
        edge = self._edges.get(name)
        if halo is not None:
            ends = tuple(self._nodes[n] for n in self._edge_ends[name]) if edge else None
            halo.show_on(edge, ends)  # type: ignore[arg-type]

    def _show_label_if_placed(self, name: str) -> None:
        """A label without a place of its own shows only while selected or hovered."""
        label = self._labels.get(name)
        if label is not None:
            label.setVisible(name not in self._hidden_labels or name == self._selected
                             or name == self.hovered())

    def hovered(self) -> str:
        """The parameter whose edge or label is under the mouse ('' if none)."""
        return self._hovered

    def _on_item_hovered(self, name: str, entered: bool) -> None:
        # Qt sends the old item's leave before the new one's enter, so the last word is right.
        old, new = self._hovered, name if entered else ("" if name == self._hovered else name)
        if new == old:
            return
        self._hovered = new
        if old in self._labels:
            self._labels[old].set_hovered(False)
            self._show_label_if_placed(old)
        if new in self._labels:
            self._labels[new].set_hovered(True)
            self._labels[new].setVisible(True)
        self._emphasise(self._hover_halo, new)

    def selected(self) -> str:
        """The highlighted parameter ('' if none)."""
        return self._selected

    def begin_edit(self, name: str) -> QLineEdit:
        """Open the inline editor over ``name``'s label, holding its current value (selected).

        Raises
        ------
        KeyError : if the network shown has no parameter ``name``.
        """
        if name not in self._labels:
            raise KeyError(f"no parameter {name!r} in the network shown")
        self._close_editor()
        self.set_selected(name)
        editor = ValueEditor(name, self._labels[name].value, self)
        editor.value_committed.connect(self._on_value_committed)
        editor.refused.connect(self.edit_refused)
        editor.cancelled.connect(self._on_editor_cancelled)
        self._editor, self._editing = editor, name
        self._place_editor()
        editor.show()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return editor

    def edge_label_rects(self) -> dict[str, QRectF]:
        """Scene rectangles of the laid-out value labels (names of hidden ones left out)."""
        return {name: label.sceneBoundingRect() for name, label in self._labels.items()
                if name not in self._hidden_labels}

    def relayout_pending(self) -> bool:
        """A resize is waiting to re-arrange the graph for the view's new shape."""
        return self._relayout_timer.isActive()

    def set_zoom(self, factor: float) -> None:
        """Scale node names, edge labels, captions and edge widths by ``factor`` (1.0: normal).

        The graph is re-arranged for the larger text at once (layouts are cached per size and
        zoom, so toggling presenter mode is cheap); labels still never overlap.
        """
        factor = min(max(float(factor), ZOOM_RANGE[0]), ZOOM_RANGE[1])
        if factor != self._zoom:
            self._zoom = factor
            self._relayout_timer.stop()
            self._relayout()

    def zoom(self) -> float:
        """The zoom factor in use (1.0 = normal)."""
        return self._zoom

    def set_high_contrast(self, on: bool) -> None:
        """White background, black text, thicker outlines and lines, saturated colours."""
        palette = HIGH_CONTRAST if on else NORMAL
        if palette is not self._palette:
            self._palette = palette
            self.setBackgroundBrush(palette.background)
            if self._layout is not None:
                self._apply_layout(self._layout)

    def high_contrast(self) -> bool:
        """True in high-contrast mode."""
        return self._palette is HIGH_CONTRAST

    def edge_label_pixel_size(self) -> float:
        """The smallest font size of the visible edge labels, in pixels on screen (0 if none)."""
        sizes = [label.font_px for label in self._labels.values() if label.isVisible()]
        return min(sizes) * self.transform().m11() if sizes else 0.0

    def node_label_pixel_size(self) -> float:
        """The smallest font size of the node names, in pixels on screen (0 if none)."""
        sizes = [node.font.pixelSize() for node in self._nodes.values()]
        return min(sizes) * self.transform().m11() if sizes else 0.0

    # Read-only access for tests and scripts.
    def nodes(self) -> dict[str, NodeItem]:
        return dict(self._nodes)

    def edges(self) -> dict[str, EdgeItem]:
        return dict(self._edges)

    def labels(self) -> dict[str, EdgeLabelItem]:
        return dict(self._labels)

    def captions(self) -> list[str]:
        return [c.text() for c in self._captions]

    def selection_highlight(self) -> HighlightItem | None:
        return self._halo

    def hover_highlight(self) -> HighlightItem | None:
        return self._hover_halo

    def tooltip_text(self, name: str) -> str:
        """What hovering parameter or node ``name`` shows."""
        snap, net = self._snapshot, self._net
        if snap is None or net is None:
            return ""
        if name in self._nodes:
            return self._node_tooltip(name, snap)
        value, grad = snap.value(name), snap.gradient_of(name)
        return self.tr("{name}: {link}\nvalue = {value:.4g}\n\u2202L/\u2202{name} = {grad:.4g}\n"
                       "Click to select, double-click to change.").format(
            name=name, link=net.describe(name), value=value, grad=grad)

    # ----------------------------------------------------------------- building
    def _rebuild(self, snapshot: Snapshot) -> None:
        """New items for new layer sizes, then a layout for the current view size."""
        self._close_editor()
        scene = self.scene()
        scene.clear()
        self._hovered = ""
        self._sizes, self._names = tuple(snapshot.sizes), tuple(snapshot.names)
        self._net = net = Network(self._sizes)
        self._values = None
        self._layout_key = self._layout = None
        self._edge_ends = {name: tuple(net.describe(name).split(" \u2192 "))
                           for name in self._names}
        self._captions = []
        for text in (self.tr("Input Layer"), self.tr("Hidden Layer"), self.tr("Output Layer")):
            self._captions.append(scene.addSimpleText(text))
        self._nodes = {}
        for name in ([f"I{i + 1}" for i in range(self._sizes[0])] + ["B1"]
                     + [f"H{j + 1}" for j in range(self._sizes[1])] + ["B2"]
                     + [f"O{k + 1}" for k in range(self._sizes[2])]):
            self._nodes[name] = NodeItem(name, self._palette.nodes[name[0]])
            scene.addItem(self._nodes[name])
        # Selection and hover: a glow along the edge and rings around its two nodes.
        self._halo, self._hover_halo = HighlightItem(HIGHLIGHT_COLOR, 0), HighlightItem(
            HOVER_COLOR, 0.5)
        scene.addItem(self._halo)
        scene.addItem(self._hover_halo)
        self._edges, self._labels = {}, {}
        for name in self._names:
            self._edges[name], self._labels[name] = EdgeItem(name, QLineF()), EdgeLabelItem(name)
            for item in (self._edges[name], self._labels[name]):
                item.hover_listener = self._on_item_hovered
                scene.addItem(item)
        self._legend = LegendItem([
            LegendEntry(self.tr("positive"), +1),
            LegendEntry(self.tr("negative"), -1),
            LegendEntry(self.tr("thicker = larger |value|")),
            LegendEntry(self.tr("B = bias node (always 1)")),
            LegendEntry(self.tr("double-click a value to change it")),
        ])
        scene.addItem(self._legend)
        self._relayout()

    def _view_size(self) -> tuple[int, int]:
        size = self.viewport().size()
        if size.width() < 50 or size.height() < 50:  # not laid out yet: assume the default
            size = self.sizeHint()
        # Floored to a step: the layout is a shade smaller than the view, never larger.
        return size.width() // SIZE_STEP * SIZE_STEP, size.height() // SIZE_STEP * SIZE_STEP

    def _chrome(self, width: float, height: float) -> Chrome:
        """Fonts of the captions, legend and +/− buttons for the zoom; their sizes in pixels."""
        # In a short pane the captions and legend grow less than the nodes and labels: every
        # pixel of height they take is one less for the network itself.
        zoom = min(self._zoom, max(1.0, height / CHROME_FULL_ZOOM_HEIGHT))
        assert self._legend is not None  # made with the captions, before any layout
        caption_font = pixel_font(max(11, round(CAPTION_FONT_PX * zoom)), bold=True)
        for item in self._captions:
            item.setFont(caption_font)
            item.setBrush(self._palette.text)
        self._legend.configure(max(10, round(LEGEND_FONT_PX * zoom)), width - 8, self._palette)
        button = round(min(max(BUTTON_PX * zoom, 22), 36))
        for b in (self._remove_button, self._add_button):
            b.setFixedSize(button, button)
            b.setFont(pixel_font(round(0.7 * button), bold=True))
        legend = self._legend.boundingRect()
        return Chrome(tuple((c.boundingRect().width(), c.boundingRect().height())
                            for c in self._captions), (legend.width(), legend.height()), button)

    def _relayout(self) -> None:
        """Arrange the items for the view's current size and zoom (cached)."""
        if not self._sizes:
            return
        width, height = self._view_size()
        key = (self._sizes, width, height, self._zoom)
        if key != self._layout_key:
            chrome = self._chrome(width, height)
            layout = self._layout_cache.pop(key, None)
            if layout is None:
                start = time.perf_counter()
                layout = compute_layout(self._sizes, self._edge_ends,  # type: ignore[arg-type]
                                        chrome, (width, height), self._zoom)
                self._layout_seconds = time.perf_counter() - start
            self._layout_cache[key] = layout  # most recently used last
            while len(self._layout_cache) > LAYOUT_CACHE_SIZE:
                del self._layout_cache[next(iter(self._layout_cache))]
            self._layout_key = key
            self._apply_layout(layout)
        self._fit()

    def _apply_layout(self, layout: Layout) -> None:
        self._layout, palette = layout, self._palette
        for item, centre in zip(self._captions, layout.caption_centers):
            item.setBrush(palette.text)
            rect = item.boundingRect()
            item.setPos(centre.x() - rect.width() / 2, centre.y() - rect.height() / 2)
        for name, node in self._nodes.items():
            node.set_look(layout.node_radius, layout.node_font_px, palette)
            node.setPos(layout.nodes[name])
        self._hidden_labels = set(layout.hidden_labels)
        for name, (src, dst) in self._edge_ends.items():
            line = QLineF(layout.nodes[src], layout.nodes[dst])
            self._edges[name].setLine(line)
            self._edges[name].set_look(layout.line_scale, palette)
            label = self._labels[name]
            label.set_box(layout.label_size, layout.label_font_px, layout.show_values, palette)
            # A label without a free spot waits on its edge, shown only when selected or hovered.
            label.setPos(layout.label_centers.get(name, line.pointAt(0.3)))
            self._show_label_if_placed(name)
        assert self._legend is not None
        self._legend.palette = palette
        self._legend.setPos(layout.legend_center)
        self.scene().setSceneRect(layout.scene_rect)
        self.set_selected(self._selected)
        self._emphasise(self._hover_halo, self._hovered)

    # ----------------------------------------------------------------- geometry
    def _fit(self) -> None:
        """Scale the whole graph into the view (aspect kept) and re-place the overlays.

        Not ``fitInView``: its 2-pixel margin would shrink every font by a fraction of a
        pixel, and the layout already leaves its own margin.
        """
        rect = self.scene().sceneRect()
        size = self.viewport().size()
        if not rect.isEmpty() and size.width() > 0 and size.height() > 0:
            scale = min(size.width() / rect.width(), size.height() / rect.height())
            self.setTransform(QTransform.fromScale(scale, scale))
            self.centerOn(rect.center())
        self._place_buttons()
        self._place_editor()

    def _to_view(self, rect: QRectF) -> QRect:
        """A scene rectangle in this widget's coordinates (where the overlays live)."""
        polygon = self.mapFromScene(rect)
        return polygon.boundingRect().translated(self.viewport().pos())

    def _place_buttons(self) -> None:
        if len(self._captions) < 2:
            return
        caption = self._to_view(self._captions[1].sceneBoundingRect())
        size = self._add_button.width()
        y = caption.center().y() - size // 2
        self._remove_button.move(caption.left() - size - 6, y)
        self._add_button.move(caption.right() + 6, y)
        self._remove_button.raise_()
        self._add_button.raise_()

    def _place_editor(self) -> None:
        if self._editor is None or self._editing not in self._labels:
            return
        rect = self._to_view(self._labels[self._editing].sceneBoundingRect())
        height = max(rect.height(), self._editor.sizeHint().height())
        width = max(rect.width(), 120)
        self._editor.setGeometry(rect.center().x() - width // 2, rect.center().y() - height // 2,
                                 width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._layout_seconds < IMMEDIATE_LAYOUT_SECONDS:
            self._relayout()  # a small network: re-arranged at once, never shown scaled
        else:
            # A large one is re-arranged once a drag of the window edge pauses.
            self._fit()
            self._relayout_timer.start()

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        self._fit()

    # ----------------------------------------------------------------- mouse, keys, tooltips
    def _item_name_at(self, pos: QPoint) -> str:
        """The parameter or node under viewport position ``pos`` ('' if none)."""
        for item in self.items(pos):
            if not item.isVisible():
                continue
            if isinstance(item, NodeItem):
                return item.name
            name = item.data(NAME_ROLE)
            if name:
                return str(name)
        return ""

    def _parameter_at(self, pos: QPoint) -> str:
        name = self._item_name_at(pos)
        return name if name in self._edges else ""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._close_editor()
        name = self._parameter_at(event.position().toPoint())
        if name and event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.parameter_selected.emit(name)  # highlighted when the model has selected it
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        name = self._parameter_at(event.position().toPoint())
        if name and event.button() == Qt.MouseButton.LeftButton:
            self.begin_edit(name)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in EDIT_KEYS and self._selected in self._labels:
            self.begin_edit(self._selected)
            event.accept()
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        # Tooltips are written when asked for: a value changing 30×/s never rebuilds them.
        if event.type() == QEvent.Type.ToolTip:
            name = self._item_name_at(event.pos())
            text = self.tooltip_text(name) if name else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _node_tooltip(self, name: str, snap: Snapshot) -> str:
        if name in ("B1", "B2"):
            return (self.tr("B1: bias node, always 1; its edges are the hidden units' biases")
                    if name == "B1" else
                    self.tr("B2: bias node, always 1; its edges are the outputs' biases"))
        i = int(name[1:]) - 1
        names = {"I": snap.feature_names, "O": snap.target_names}.get(name[0], ())
        text = {"I": self.tr("{name}: input {n}"),
                "H": self.tr("{name}: hidden unit {n}, activation {act}"),
                "O": self.tr("{name}: output {n}, activation {out}")}[name[0]].format(
            name=name, n=i + 1, act=snap.hidden_activation, out=snap.output_activation)
        return text + (f" (\u201c{names[i]}\u201d)" if i < len(names) else "")

    # ----------------------------------------------------------------- editing
    def _on_value_committed(self, value: float) -> None:
        name = self._editing
        self._on_editor_cancelled()
        # The model changes the value (as an undoable edit); the next snapshot shows it.
        self.parameter_edit_requested.emit(name, value)

    def _on_editor_cancelled(self) -> None:
        self._close_editor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _close_editor(self) -> None:
        if self._editor is not None:
            editor, self._editor, self._editing = self._editor, None, ""
            QToolTip.hideText()
            editor.blockSignals(True)  # hiding it moves the focus: not a second cancel
            editor.hide()
            editor.deleteLater()

    def _on_hidden_button_clicked(self, step: int) -> None:
        if not self._sizes:
            return
        count = self._sizes[1] + step
        if 1 <= count <= MAX_UNITS:
            self.hidden_units_change_requested.emit(count)
