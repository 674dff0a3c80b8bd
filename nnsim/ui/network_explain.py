"""What the network editor adds for the step explainer and the gradient view.

* The numbers of the explained example under each unit (x; z and h; z, ŷ and the target y; δ
  once the backward pass has reached the unit), the loss beside the outputs, and a band behind
  the layer being computed.
* Edges that show something else than the weight: each ∂L/∂w (colour = sign, width = size
  relative to the largest, label = value) for View → Show gradients and the backward pass.

The view owns one :class:`ExplainMarks` and tells it when the graph was rebuilt (the scene's
items are new) or laid out again (the units moved).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtWidgets import QGraphicsScene

from nnsim.ui.network_graph import NetworkGraph
from nnsim.ui.network_layout import Layout
from nnsim.ui.network_notes import (LOSS_NOTE, NOTE_FONT_PX, LayerBand, NoteItem, note_rects,
                                   note_size)

# Width of the steepest edge in the gradient view, in the value units pen_width() takes.
GRADIENT_WIDTH_VALUE = 2.0


class ExplainMarks:
    """The explainer's notes, band and edge overrides in one network graph's scene."""

    def __init__(self, scene: QGraphicsScene, graph: NetworkGraph) -> None:
        self._scene = scene
        self._graph = graph
        self.notes: dict[str, NoteItem] = {}
        self.band: LayerBand | None = None
        self._lines: dict[str, list[str]] = {}
        self._active: set[str] = set()
        self._band_layer = ""
        self._loss = ""
        self.edge_texts: dict[str, str] = {}  # parameter -> label text shown instead
        self._edge_values: dict[str, float] = {}
        self._layout: Layout | None = None
        self.enabled = False  # notes shown: the layout keeps room for them
        self.enabled_changed: Callable[[], None] | None = None  # the view lays out again

    # ----------------------------------------------------------------- the explained example
    def show(self, lines: dict[str, list[str]], active: set[str], band_layer: str,
             loss: str) -> None:
        """Notes under the units (``lines``), ``active`` ones outlined, a band behind the
        column ``band_layer`` ("I", "H", "O" or "") and the ``loss`` line beside the outputs."""
        self._lines, self._active, self._band_layer, self._loss = lines, active, band_layer, loss
        enabled = bool(lines)
        if enabled != self.enabled:
            self.enabled = enabled
            if self.enabled_changed is not None:
                self.enabled_changed()  # a layout with room for the notes (or without)
        self._refresh()

    def clear(self) -> None:
        self.show({}, set(), "", "")

    def texts(self) -> dict[str, str]:
        """What each note says (node name or ``"loss"`` -> its lines), for tests and scripts."""
        return {name: item.text() for name, item in self.notes.items() if item.isVisible()}

    def band_layer(self) -> str:
        return self.band.layer if self.band is not None and self.band.isVisible() else ""

    def rebuilt(self) -> None:
        """The scene was cleared: the old items are gone."""
        self.notes, self.band = {}, None
        self._refresh()

    def reserved(self, zoom: float) -> tuple[tuple[tuple[str, tuple[float, float]], ...], int]:
        """What the layout keeps free for the notes at ``zoom``: (unit, size) pairs and the
        font; nothing while no notes are shown."""
        if not self.enabled:
            return (), 0
        font = max(9, round(NOTE_FONT_PX * zoom))
        names = [n for n in self._graph.nodes if n[0] in "IHO"] + [LOSS_NOTE]
        return tuple((name, note_size(name, font)) for name in names), font

    def laid_out(self, layout: Layout) -> None:
        """The units moved or the fonts changed: follow them."""
        self._layout = layout
        self._refresh()
        self.apply_edges()  # a new layout relabelled every edge with its weight

    def _note(self, name: str) -> NoteItem:
        item = self.notes.get(name)
        if item is None:
            item = self.notes[name] = NoteItem(name)
            self._scene.addItem(item)
        return item

    def _rects(self) -> tuple[dict, int]:
        """The notes' boxes and font: the layout's, or (before it has made room) their own."""
        layout = self._layout
        if layout is not None and layout.note_rects:
            return layout.note_rects, layout.note_font_px
        graph = self._graph
        radius = next(iter(graph.nodes.values())).radius
        names = list(graph.nodes) + [LOSS_NOTE]
        positions = {name: node.pos() for name, node in graph.nodes.items()}
        return note_rects(positions, radius, tuple(
            (name, note_size(name, NOTE_FONT_PX)) for name in names
            if name[0] in "IHO" or name == LOSS_NOTE)), NOTE_FONT_PX

    def _refresh(self) -> None:
        graph = self._graph
        if not graph.nodes:
            return
        shown = dict(self._lines)
        if self._loss:
            shown[LOSS_NOTE] = [self._loss]
        for name, item in self.notes.items():
            if name not in shown:
                item.setVisible(False)
        rects, font = self._rects() if shown else ({}, NOTE_FONT_PX)
        for name, lines in shown.items():
            item = self._note(name)
            rect = rects.get(name)
            if rect is None or not lines:  # no room reserved (inputs in a tight layout)
                item.setVisible(False)
                continue
            item.set_text(lines, font, name in self._active)
            item.place(rect)
            item.setVisible(True)
        if self.band is None:
            self.band = LayerBand()
            self._scene.addItem(self.band)
        layer = self._band_layer
        centres = [n.pos() for name, n in graph.nodes.items() if layer and name[0] == layer]
        radius = next(iter(graph.nodes.values())).radius
        self.band.show_around(layer, centres, radius)

    # ----------------------------------------------------------------- edges
    def set_edge_values(self, values: dict[str, float] | None, texts: dict[str, str]) -> None:
        """Show ``values`` (e.g. slopes) on these edges instead of the weights, labelled with
        ``texts``; None goes back to the weights (the caller then redraws them)."""
        self._edge_values = dict(values or {})
        self.edge_texts = dict(texts) if values else {}
        self.apply_edges()

    def overrides(self, name: str) -> bool:
        return name in self._edge_values

    def apply_edges(self) -> None:
        """Restyle the overridden edges: width relative to the largest |value| shown."""
        graph = self._graph
        finite = [abs(v) for v in self._edge_values.values() if math.isfinite(v)]
        largest = max(finite, default=0.0) or 1.0
        for name, value in self._edge_values.items():
            if name not in graph.edges:
                continue
            scaled = value / largest * GRADIENT_WIDTH_VALUE if math.isfinite(value) else value
            graph.edges[name].set_value(scaled)
            label = graph.labels[name]
            # A crowded layout shows names only: then "∂w12" (the value is in the dock).
            label.show_text(self.edge_texts.get(name, "") if label.show_value else f"∂{name}",
                            value)
