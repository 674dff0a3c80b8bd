"""The network editor: the lecture's network graph with live, clickable, editable parameters.

The view only shows and asks. Clicking selects (``parameter_selected``), typing a number asks for
an edit (``parameter_edit_requested``) and the +/− buttons ask for another hidden-layer size
(``hidden_units_change_requested``); the model changes, and the change comes back as the next
snapshot. So undo, training and the other views never disagree with what is drawn here.

This module is the widget: snapshots in, signals out, mouse and keys, zoom and fitting, the
overlays (+/− buttons, value editor) and when to lay out again. The items in its scene are a
:class:`~nnsim.ui.network_graph.NetworkGraph`; where they go is
:func:`~nnsim.ui.network_layout.compute_layout`'s decision.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QTransform
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QLineEdit, QToolTip, QWidget

from nnsim.core.snapshot import Snapshot
from nnsim.ui.network_buttons import HiddenUnitButtons
from nnsim.ui.network_editor import ValueEditor
from nnsim.ui.network_explain import ExplainMarks
from nnsim.ui.network_graph import NetworkGraph
from nnsim.ui.network_highlight import HighlightItem
from nnsim.ui.network_items import CAPTION_FONT_PX, NAME_ROLE, EdgeItem, EdgeLabelItem, NodeItem
from nnsim.ui.network_layout import Chrome, Layout, compute_layout
from nnsim.ui.network_legend import LEGEND_FONT_PX, LegendEntry
from nnsim.ui.network_palette import HIGH_CONTRAST, NORMAL, Palette
from nnsim.ui.network_tooltips import node_tooltip, parameter_tooltip

EDIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)
RELAYOUT_DELAY_MS = 80
IMMEDIATE_LAYOUT_SECONDS = 0.025  # layouts faster than this follow a resize at once
ZOOM_RANGE = (0.5, 4.0)
SIZE_STEP = 4  # view sizes within this many pixels share a layout (scaled up by < 1 %)
LAYOUT_CACHE_SIZE = 32
CHROME_FULL_ZOOM_HEIGHT = 350  # captions and legend zoom fully from this height per unit of zoom


class NetworkView(QGraphicsView):
    """The network graph: nodes, weighted edges, value labels, inline editing, hidden +/−.

    Signals
    -------
    parameter_selected(str) : the user clicked a connection, a bias edge or a label.
    parameter_edit_requested(str, float) : the user typed a valid finite number for a parameter.
    edit_refused(str) : the user typed something that is not a finite number; the message.
    hidden_units_change_requested(int) : the user pressed + or − (the new count, 1–9).
    node_clicked(str) : the user clicked a unit (``"H2"``), for the step explainer.
    """

    parameter_selected = Signal(str)
    parameter_edit_requested = Signal(str, float)
    edit_refused = Signal(str)
    hidden_units_change_requested = Signal(int)
    node_clicked = Signal(str)

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
        self._graph = NetworkGraph(self.scene())
        self.explain_marks = ExplainMarks(self.scene(), self._graph)
        self.explain_marks.enabled_changed = self._relayout
        self._snapshot: Snapshot | None = None
        self._values: np.ndarray | None = None
        self._zoom = 1.0
        self._palette: Palette = NORMAL
        self._layout: Layout | None = None
        self._layout_seconds = 0.0  # how long the last new layout took
        self._editor: ValueEditor | None = None
        self._editing = ""
        self._layout_key: tuple | None = None
        self._layout_cache: dict[tuple, Layout] = {}
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(RELAYOUT_DELAY_MS)
        self._relayout_timer.timeout.connect(self._relayout)
        self._buttons = HiddenUnitButtons(self)
        self._buttons.count_requested.connect(self.hidden_units_change_requested)

    def sizeHint(self) -> QSize:
        return QSize(800, 600)

    # ----------------------------------------------------------------- public API
    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Draw ``snapshot``: rebuild if the layer sizes changed, else restyle what changed.

        Called up to 15 times a second while training, so an unchanged network costs one
        NumPy comparison and touches only the labels whose value moved.
        """
        graph = self._graph
        if tuple(snapshot.sizes) != graph.sizes or tuple(snapshot.names) != graph.names:
            self._rebuild(snapshot)
        values = np.asarray(snapshot.parameters, dtype=float)
        if self._values is None or self._values.shape != values.shape:
            changed = np.arange(values.size)
        else:
            changed = np.flatnonzero(values != self._values)  # nan != nan: recheck, cheap
        marks = self.explain_marks
        for i in changed:
            if not marks.overrides(graph.names[i]):
                graph.show_value(graph.names[i], float(values[i]))
        self._values = values.copy()
        self._snapshot = snapshot
        # The highlight is always the model's selection: one truth, so a click on a network that
        # has since changed (or a choice in the landscape's list) can never leave the two apart.
        if snapshot.selected != graph.selected and not self._editing:
            self.set_selected(snapshot.selected)
        self._buttons.show_count(graph.sizes[1])

    def show_edge_values(self, values: dict[str, float] | None,
                         texts: dict[str, str] | None = None) -> None:
        """Draw ``values`` (e.g. each ∂L/∂w) on their edges instead of the weights, labelled
        ``texts``: colour = sign, width = size relative to the largest. None: the weights."""
        self.explain_marks.set_edge_values(values, texts or {})
        if not values:
            self._values = None  # every edge shows its weight again at the next snapshot
            if self._snapshot is not None:
                self.show_snapshot(self._snapshot)

    def set_selected(self, name: str) -> None:
        """Highlight parameter ``name`` (edge glow, its nodes ringed, bold label), no signal."""
        self._graph.select(name)

    def hovered(self) -> str:
        """The parameter whose edge or label is under the mouse ('' if none)."""
        return self._graph.hovered

    def selected(self) -> str:
        """The highlighted parameter ('' if none)."""
        return self._graph.selected

    def begin_edit(self, name: str) -> QLineEdit:
        """Open the inline editor over ``name``'s label, holding its current value (selected).

        Raises
        ------
        KeyError : if the network shown has no parameter ``name``.
        """
        if name not in self._graph.labels:
            raise KeyError(f"no parameter {name!r} in the network shown")
        self._close_editor()
        self.set_selected(name)
        editor = ValueEditor(name, self._graph.labels[name].value, self)
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
        graph = self._graph
        return {name: label.sceneBoundingRect() for name, label in graph.labels.items()
                if name not in graph.hidden_labels}

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
        sizes = [label.font_px for label in self._graph.labels.values() if label.isVisible()]
        return min(sizes) * self.transform().m11() if sizes else 0.0

    def node_label_pixel_size(self) -> float:
        """The smallest font size of the node names, in pixels on screen (0 if none)."""
        sizes = [node.font.pixelSize() for node in self._graph.nodes.values()]
        return min(sizes) * self.transform().m11() if sizes else 0.0

    # Read-only access for tests and scripts.
    def nodes(self) -> dict[str, NodeItem]:
        return dict(self._graph.nodes)

    def edges(self) -> dict[str, EdgeItem]:
        return dict(self._graph.edges)

    def labels(self) -> dict[str, EdgeLabelItem]:
        return dict(self._graph.labels)

    def explain_notes(self) -> dict[str, str]:
        """The step explainer's notes shown (unit or "loss" -> its lines), for tests and scripts."""
        return self.explain_marks.texts()

    def captions(self) -> list[str]:
        return [c.text() for c in self._graph.captions]

    def selection_highlight(self) -> HighlightItem | None:
        return self._graph.halo

    def hover_highlight(self) -> HighlightItem | None:
        return self._graph.hover_halo

    def tooltip_text(self, name: str) -> str:
        """What hovering parameter or node ``name`` shows."""
        snap, net = self._snapshot, self._graph.net
        if snap is None or net is None:
            return ""
        if name in self._graph.nodes:
            return node_tooltip(name, snap)
        return parameter_tooltip(name, net, snap)

    # ----------------------------------------------------------------- building
    def _rebuild(self, snapshot: Snapshot) -> None:
        """New items for new layer sizes, then a layout for the current view size."""
        self._close_editor()
        self._graph.rebuild(
            tuple(snapshot.sizes), tuple(snapshot.names), self._palette,
            (self.tr("Input Layer"), self.tr("Hidden Layer"), self.tr("Output Layer")),
            [LegendEntry(self.tr("positive"), +1),
             LegendEntry(self.tr("negative"), -1),
             LegendEntry(self.tr("thicker = larger |value|")),
             LegendEntry(self.tr("B = bias node (always 1)")),
             LegendEntry(self.tr("double-click a value to change it"))])
        self.explain_marks.rebuilt()
        self._values = None
        self._layout_key = self._layout = None
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
        captions, legend = self._graph.size_chrome(
            max(11, round(CAPTION_FONT_PX * zoom)), max(10, round(LEGEND_FONT_PX * zoom)),
            width - 8, self._palette)
        notes, note_font = self.explain_marks.reserved(self._zoom)
        return Chrome(captions, legend, self._buttons.resize_for(zoom), notes, note_font)

    def _relayout(self) -> None:
        """Arrange the items for the view's current size and zoom (cached)."""
        sizes = self._graph.sizes
        if not sizes:
            return
        width, height = self._view_size()
        key = (sizes, width, height, self._zoom, self.explain_marks.enabled)
        if key != self._layout_key:
            chrome = self._chrome(width, height)
            layout = self._layout_cache.pop(key, None)
            if layout is None:
                start = time.perf_counter()
                layout = compute_layout(sizes, self._graph.edge_ends,  # type: ignore[arg-type]
                                        chrome, (width, height), self._zoom)
                self._layout_seconds = time.perf_counter() - start
            self._layout_cache[key] = layout  # most recently used last
            while len(self._layout_cache) > LAYOUT_CACHE_SIZE:
                del self._layout_cache[next(iter(self._layout_cache))]
            self._layout_key = key
            self._apply_layout(layout)
        self._fit()

    def _apply_layout(self, layout: Layout) -> None:
        self._layout = layout
        self._graph.apply_layout(layout, self._palette)
        self.explain_marks.laid_out(layout)

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
        captions = self._graph.captions
        if len(captions) < 2:
            return
        self._buttons.place_beside(self._to_view(captions[1].sceneBoundingRect()))

    def _place_editor(self) -> None:
        if self._editor is None or self._editing not in self._graph.labels:
            return
        rect = self._to_view(self._graph.labels[self._editing].sceneBoundingRect())
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
        return name if name in self._graph.edges else ""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._close_editor()
        name = self._parameter_at(event.position().toPoint())
        if name and event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.parameter_selected.emit(name)  # highlighted when the model has selected it
            event.accept()
            return
        node = self._item_name_at(event.position().toPoint())
        if node in self._graph.nodes and event.button() == Qt.MouseButton.LeftButton:
            self.node_clicked.emit(node)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        name = self._parameter_at(event.position().toPoint())
        if name and event.button() == Qt.MouseButton.LeftButton:
            self.begin_edit(name)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in EDIT_KEYS and self.selected() in self._graph.labels:
            self.begin_edit(self.selected())
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
