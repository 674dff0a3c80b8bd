"""The glow that marks one parameter in the network graph: along its edge and in rings around
the edge's two nodes. The view keeps two, one for the selection and one for the mouse's hover.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

if TYPE_CHECKING:  # for annotations only: network_items re-exports this module's class
    from nnsim.ui.network_items import EdgeItem, NodeItem


class HighlightItem(QGraphicsItem):
    """A glow along one edge and rings around its two nodes: the selection or the hover."""

    def __init__(self, color: QColor, z: float) -> None:
        super().__init__()
        self.color = color
        self.edge, self.ends = "", ("", "")  # what is highlighted (for tests and scripts)
        self._line, self._width, self._radii, self._ring = QLineF(), 0.0, (0.0, 0.0), 0.0
        self.setZValue(z)
        self.setVisible(False)

    def show_on(self, edge: EdgeItem | None, ends: tuple[NodeItem, NodeItem] | None) -> None:
        """Glow along ``edge`` and ring its two end nodes ``ends``; hide if ``edge`` is None."""
        self.prepareGeometryChange()
        self.setVisible(edge is not None and ends is not None)
        self.edge, self.ends = "", ("", "")
        if edge is not None and ends is not None:
            self.edge, self.ends = edge.name, (ends[0].name, ends[1].name)
            self._line = edge.line()
            self._width = edge.width_for(edge.value) + 12 * edge.line_scale
            self._ring = 6 * edge.line_scale
            self._radii = (ends[0].radius + 1 + self._ring / 2, ends[1].radius + 1 + self._ring / 2)
        self.update()

    def boundingRect(self) -> QRectF:
        m = max(self._width / 2, max(self._radii) + self._ring) + 1 if self.isVisible() else 0
        return QRectF(self._line.p1(), self._line.p2()).normalized().adjusted(-m, -m, m, m)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setPen(QPen(self.color, self._width, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap))
        painter.drawLine(self._line)
        painter.setPen(QPen(self.color, self._ring))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for centre, r in zip((self._line.p1(), self._line.p2()), self._radii):
            painter.drawEllipse(centre, r, r)
