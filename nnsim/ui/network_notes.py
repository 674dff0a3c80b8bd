"""The step explainer's marks in the network graph: the numbers under each unit, the band
behind the layer being computed, and the loss beside the outputs.

They draw themselves (no child items) on a light box, above the edges and below the value
labels' highlights, so a student reads "z = 0.87, h = 0.70" under H2 whatever crosses there.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from nnsim.ui.network_text import pixel_font

NOTE_FILL = QColor(255, 255, 255, 230)
NOTE_OUTLINE = QColor("#7f8c8d")
BAND_FILL = QColor(255, 214, 10, 70)  # the layer being computed: a soft yellow, like a marker
BAND_OUTLINE = QColor(230, 170, 0, 200)
ACTIVE_OUTLINE = QColor("#d35400")
NOTE_FONT_PX = 13  # at zoom 1
# The widest lines a note reserves room for (values are written with three significant
# digits), and how many lines: inputs x; hidden z, h, δ; outputs z, ŷ and y, δ; the loss.
NOTE_TEMPLATES = {"I": ("x = −0.000",), "H": ("z = −0.000", "h = −0.000", "δ = −0.000"),
                  "O": ("z = −0.000", "ŷ = 0.000  y = 0.000", "δ = −0.000"),
                  "L": ("L (means, 0000 rows) = 0.000",)}
LOSS_NOTE = "loss"


def note_kind(name: str) -> str:
    return "L" if name == LOSS_NOTE else name[0]


def note_size(name: str, font_px: int) -> tuple[float, float]:
    """The box a note reserves (fixed, like the value labels', so new values never move it)."""
    fm = QFontMetricsF(pixel_font(font_px, bold=True))  # bold while active: must fit too
    lines = NOTE_TEMPLATES[note_kind(name)]
    return (math.ceil(max(fm.horizontalAdvance(line) for line in lines)) + 8,
            math.ceil(fm.height() * len(lines)) + 4)


def note_rect(name: str, centre: QPointF, radius: float, size: tuple[float, float]) -> QRectF:
    """Where the note of unit ``name`` (or the loss, ``centre`` = the lowest output) goes.

    Hidden and output units: left of the unit, where its incoming edges converge (the value
    labels sit near the other, source end of their edges). Inputs: under the unit. The loss:
    under the lowest output, its right edge in line with the unit's.
    """
    width, height = size
    kind = note_kind(name)
    if kind in "HO":
        return QRectF(centre.x() - radius - 3 - width, centre.y() - height / 2, width, height)
    if kind == "L":
        return QRectF(centre.x() + radius - width, centre.y() + radius + 2, width, height)
    return QRectF(centre.x() - width / 2, centre.y() + radius + 1, width, height)


def note_rects(nodes: dict[str, QPointF], radius: float,
               notes: tuple[tuple[str, tuple[float, float]], ...]) -> dict[str, QRectF]:
    """The explainer's note boxes for units at ``nodes`` (the loss: under the lowest output)."""
    rects = {}
    outputs = [p for name, p in nodes.items() if name[0] == "O"]
    for name, size in notes:
        if name == LOSS_NOTE and outputs:
            rects[name] = note_rect(name, max(outputs, key=lambda p: p.y()), radius, size)
        elif name in nodes:
            rects[name] = note_rect(name, nodes[name], radius, size)
    return rects


class NoteItem(QGraphicsItem):
    """A few short lines of numbers in a box of a fixed, reserved size (see :func:`note_size`);
    the box is drawn around the lines there are, from the top of the reserved room."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.lines: list[str] = []
        self.active = False
        self._font = pixel_font(NOTE_FONT_PX)
        self._room = QRectF()
        self.setZValue(5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        if name != LOSS_NOTE:
            self.setData(0, name)  # NAME_ROLE: a click or hover on the note is on its unit

    def place(self, rect: QRectF) -> None:
        """Take the reserved room ``rect`` (scene coordinates)."""
        if self.pos() == rect.topLeft() and self._room.size() == rect.size():
            return  # the common case: a new snapshot, the same layout
        self.prepareGeometryChange()
        self.setPos(rect.topLeft())
        self._room = QRectF(0, 0, rect.width(), rect.height())
        self.update()

    def set_text(self, lines: list[str], font_px: int, active: bool) -> None:
        """New lines (in a ``font_px`` font); ``active`` outlines the box (being computed)."""
        if lines == self.lines and font_px == self._font.pixelSize() and active == self.active:
            return
        self.lines, self.active = list(lines), active
        self._font = pixel_font(font_px, bold=active)
        self.update()

    def text(self) -> str:
        return "\n".join(self.lines)

    def box(self) -> QRectF:
        """The drawn box (item coordinates): the reserved width, as tall as the lines."""
        height = QFontMetricsF(self._font).height() * len(self.lines) + 4
        return QRectF(0, 0, self._room.width(), min(height, self._room.height() or height))

    def boundingRect(self) -> QRectF:
        return self._room.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if not self.lines:
            return
        box = self.box()
        painter.setPen(QPen(ACTIVE_OUTLINE if self.active else NOTE_OUTLINE,
                            2.0 if self.active else 1.0))
        painter.setBrush(NOTE_FILL)
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(QColor("#000000"))
        painter.setFont(self._font)
        text = "\n".join(self.lines)
        # A diverged value can be wider than the reserved box: squeeze it rather than overflow.
        wide = max(QFontMetricsF(self._font).horizontalAdvance(line) for line in self.lines)
        room = box.width() - 6
        if wide > room:
            painter.translate(box.center().x(), 0)
            painter.scale(room / wide, 1.0)
            box = QRectF(-wide / 2, box.top(), wide, box.height())
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


class LayerBand(QGraphicsItem):
    """A soft band behind the column of units the current phase computes."""

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self.layer = ""
        self.setZValue(0.5)
        self.setVisible(False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show_around(self, layer: str, centres: list[QPointF], radius: float) -> None:
        """Cover the units at ``centres`` (one column); hide for no units."""
        self.prepareGeometryChange()
        self.layer = layer if centres else ""
        self.setVisible(bool(centres))
        if centres:
            xs, ys = [p.x() for p in centres], [p.y() for p in centres]
            pad = radius * 1.6
            self._rect = QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad,
                                max(ys) - min(ys) + 2 * pad)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setPen(QPen(BAND_OUTLINE, 2.0, Qt.PenStyle.DashLine))
        painter.setBrush(BAND_FILL)
        painter.drawRoundedRect(self._rect, 12, 12)
