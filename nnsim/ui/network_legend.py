"""The legend under the network graph: what the edge colours and widths mean and how to edit,
wrapped into as many centred rows as the view's width needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from nnsim.ui.network_palette import NORMAL, Palette
from nnsim.ui.network_text import pixel_font

LEGEND_FONT_PX = 12  # at zoom 1; the view scales it with the zoom


@dataclass
class LegendEntry:
    """One explanation, after a sample edge of sign ``sign`` (+1, −1; 0: no sample)."""

    text: str
    sign: int = 0


class LegendItem(QGraphicsItem):
    """What the edge colours and widths mean and how to edit, under the graph, in rows."""

    def __init__(self, entries: list[LegendEntry]) -> None:
        super().__init__()
        self.entries = entries
        self.palette = NORMAL
        self._rows: list[list[tuple[LegendEntry, float]]] = []
        self.configure(LEGEND_FONT_PX, 10_000.0)

    def configure(self, font_px: int, max_width: float, palette: Palette | None = None) -> None:
        """Use ``font_px`` and wrap into as many rows as ``max_width`` needs."""
        self.prepareGeometryChange()
        self.palette = palette or self.palette
        self._font = pixel_font(font_px)
        fm = QFontMetricsF(self._font)
        self._sample, self._space = 2.3 * font_px, 1.6 * font_px
        self._line_height = fm.height() + 2
        self._rows = [[]]
        row_width = 0.0
        for entry in self.entries:
            w = fm.horizontalAdvance(entry.text) + (self._sample + 6 if entry.sign else 0)
            if self._rows[-1] and row_width + self._space + w > max_width:
                self._rows.append([])
                row_width = 0.0
            row_width += (self._space if self._rows[-1] else 0) + w
            self._rows[-1].append((entry, w))
        self._width = max(sum(w for _, w in row) + self._space * (len(row) - 1)
                          for row in self._rows)
        self._height = self._line_height * len(self._rows)
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(-self._width / 2, -self._height / 2, self._width, self._height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setFont(self._font)
        y = -self._height / 2
        for row in self._rows:
            x = -(sum(w for _, w in row) + self._space * (len(row) - 1)) / 2
            middle = y + self._line_height / 2
            for entry, w in row:
                start = x
                if entry.sign:
                    pen = QPen(self.palette.sign_color(entry.sign), 3 * self.palette.line_factor)
                    if entry.sign < 0:
                        pen.setStyle(Qt.PenStyle.DashLine)
                    painter.setPen(pen)
                    painter.drawLine(QPointF(x, middle), QPointF(x + self._sample, middle))
                    x += self._sample + 6
                painter.setPen(self.palette.text)
                painter.drawText(QRectF(x, y, start + w - x + 2, self._line_height),
                                 Qt.AlignmentFlag.AlignVCenter, entry.text)
                x = start + w + self._space
            y += self._line_height
