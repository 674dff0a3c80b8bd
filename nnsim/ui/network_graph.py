"""What the network editor shows in its scene: every node, edge, value label, caption,
highlight and the legend of one network, kept in step with its values, its layout, and the
parameter selected and the one under the mouse.

:class:`~nnsim.ui.network_view.NetworkView` owns the widget (input, zoom, fitting, overlays)
and says which words to show; this owns the items, so they are made, arranged and emphasised in
one place.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLineF
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

from nnsim.core.network import Network
from nnsim.ui.network_highlight import HighlightItem
from nnsim.ui.network_items import EdgeItem, EdgeLabelItem, NodeItem
from nnsim.ui.network_layout import Layout
from nnsim.ui.network_legend import LegendEntry, LegendItem
from nnsim.ui.network_palette import HIGHLIGHT_COLOR, HOVER_COLOR, Palette
from nnsim.ui.network_text import pixel_font

Size = tuple[float, float]


class NetworkGraph:
    """The items of the network shown, in ``scene``; empty until :meth:`rebuild`.

    The selected parameter is remembered across rebuilds: it is highlighted again as soon as the
    new network has a parameter of that name.
    """

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self.sizes: tuple[int, ...] = ()
        self.names: tuple[str, ...] = ()
        self.net: Network | None = None
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self.labels: dict[str, EdgeLabelItem] = {}
        self.captions: list[QGraphicsSimpleTextItem] = []
        self.legend: LegendItem | None = None
        self.halo: HighlightItem | None = None
        self.hover_halo: HighlightItem | None = None
        self.edge_ends: dict[str, tuple[str, ...]] = {}  # parameter -> (source, target) node
        self.hidden_labels: set[str] = set()  # labels the layout found no free spot for
        self.selected = ""
        self.hovered = ""

    def rebuild(self, sizes: tuple[int, ...], names: tuple[str, ...], palette: Palette,
                captions: Sequence[str], legend: list[LegendEntry]) -> None:
        """New items for new layer sizes, not yet placed: the next layout arranges them."""
        scene = self._scene
        scene.clear()
        self.hovered = ""
        self.sizes, self.names = sizes, names
        self.net = net = Network(sizes)
        self.edge_ends = {name: tuple(net.describe(name).split(" \u2192 ")) for name in names}
        self.captions = [scene.addSimpleText(text) for text in captions]
        self.nodes = {}
        for name in ([f"I{i + 1}" for i in range(sizes[0])] + ["B1"]
                     + [f"H{j + 1}" for j in range(sizes[1])] + ["B2"]
                     + [f"O{k + 1}" for k in range(sizes[2])]):
            self.nodes[name] = NodeItem(name, palette.nodes[name[0]])
            scene.addItem(self.nodes[name])
        # Selection and hover: a glow along the edge and rings around its two nodes.
        self.halo, self.hover_halo = HighlightItem(HIGHLIGHT_COLOR, 0), HighlightItem(
            HOVER_COLOR, 0.5)
        scene.addItem(self.halo)
        scene.addItem(self.hover_halo)
        self.edges, self.labels = {}, {}
        for name in names:
            self.edges[name], self.labels[name] = EdgeItem(name, QLineF()), EdgeLabelItem(name)
            for item in (self.edges[name], self.labels[name]):
                item.hover_listener = self.on_item_hovered
                scene.addItem(item)
        self.legend = LegendItem(legend)
        scene.addItem(self.legend)

    def show_value(self, name: str, value: float) -> None:
        """Restyle parameter ``name``'s edge and relabel it for ``value``."""
        self.edges[name].set_value(value)
        self.labels[name].set_value(value)

    def size_chrome(self, caption_px: int, legend_px: int, legend_width: float,
                    palette: Palette) -> tuple[tuple[Size, ...], Size]:
        """Set the fonts of the captions and the legend; their sizes (the legend wrapped into
        ``legend_width``), which the layout makes room for."""
        assert self.legend is not None  # made with the captions, before any layout
        caption_font = pixel_font(caption_px, bold=True)
        for item in self.captions:
            item.setFont(caption_font)
            item.setBrush(palette.text)
        self.legend.configure(legend_px, legend_width, palette)
        legend = self.legend.boundingRect()
        return (tuple((c.boundingRect().width(), c.boundingRect().height())
                      for c in self.captions), (legend.width(), legend.height()))

    def apply_layout(self, layout: Layout, palette: Palette) -> None:
        """Move and restyle every item as ``layout`` says, in ``palette``'s colours."""
        for item, centre in zip(self.captions, layout.caption_centers):
            item.setBrush(palette.text)
            rect = item.boundingRect()
            item.setPos(centre.x() - rect.width() / 2, centre.y() - rect.height() / 2)
        for name, node in self.nodes.items():
            node.set_look(layout.node_radius, layout.node_font_px, palette)
            node.setPos(layout.nodes[name])
        self.hidden_labels = set(layout.hidden_labels)
        for name, (src, dst) in self.edge_ends.items():
            line = QLineF(layout.nodes[src], layout.nodes[dst])
            self.edges[name].setLine(line)
            self.edges[name].set_look(layout.line_scale, palette)
            label = self.labels[name]
            label.set_box(layout.label_size, layout.label_font_px, layout.show_values, palette)
            # A label without a free spot waits on its edge, shown only when selected or hovered.
            label.setPos(layout.label_centers.get(name, line.pointAt(0.3)))
            self._show_label_if_placed(name)
        assert self.legend is not None
        self.legend.palette = palette
        self.legend.setPos(layout.legend_center)
        self._scene.setSceneRect(layout.scene_rect)
        # The highlights follow the edges they sit on to their new places.
        self.select(self.selected)
        self._emphasise(self.hover_halo, self.hovered)

    # ----------------------------------------------------------------- selection and hover
    def select(self, name: str) -> None:
        """Highlight parameter ``name`` (edge glow, its nodes ringed, bold label)."""
        old = self.labels.get(self.selected)
        self.selected = name
        if old is not None:
            old.set_selected(False)
            self._show_label_if_placed(old.name)
        label = self.labels.get(name)
        if label is not None:
            label.set_selected(True)
            label.setVisible(True)
        self._emphasise(self.halo, name)

    def on_item_hovered(self, name: str, entered: bool) -> None:
        """The mouse entered or left parameter ``name``'s edge or label."""
        # Qt sends the old item's leave before the new one's enter, so the last word is right.
        old, new = self.hovered, name if entered else ("" if name == self.hovered else name)
        if new == old:
            return
        self.hovered = new
        if old in self.labels:
            self.labels[old].set_hovered(False)
            self._show_label_if_placed(old)
        if new in self.labels:
            self.labels[new].set_hovered(True)
            self.labels[new].setVisible(True)
        self._emphasise(self.hover_halo, new)

    def _emphasise(self, halo: HighlightItem | None, name: str) -> None:
        """Put ``halo`` on ``name``'s edge and its two nodes (hidden for no edge)."""
        edge = self.edges.get(name)
        if halo is not None:
            ends = tuple(self.nodes[n] for n in self.edge_ends[name]) if edge else None
            halo.show_on(edge, ends)  # type: ignore[arg-type]

    def _show_label_if_placed(self, name: str) -> None:
        """A label without a place of its own shows only while selected or hovered."""
        label = self.labels.get(name)
        if label is not None:
            label.setVisible(name not in self.hidden_labels or name == self.selected
                             or name == self.hovered)
