"""The items that draw the network graph: nodes, edges and the value labels on the edges.

The items draw themselves (no child items), so a training run that relabels 200 edges 15 times
a second touches only 200 cheap objects. Colours come from a :class:`Palette`: the normal one,
or high contrast for a washed-out projector. Edges and labels report the mouse entering and
leaving them, so the view can show which edge a label belongs to.

The palette, the text helpers, the legend, the highlight and the value editor live in their own
``network_*`` modules; their names are re-exported here, where callers have always found them.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath,
                           QPainterPathStroker, QPen)
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsLineItem, QGraphicsSceneHoverEvent,
                               QStyleOptionGraphicsItem, QWidget)

from nnsim.ui.network_editor import ValueEditor
from nnsim.ui.network_highlight import HighlightItem
from nnsim.ui.network_legend import LEGEND_FONT_PX, LegendEntry, LegendItem
from nnsim.ui.network_palette import (BIAS_COLOR, HIDDEN_COLOR, HIGH_CONTRAST, HIGHLIGHT_COLOR,
                                      HOVER_COLOR, INPUT_COLOR, NEGATIVE_COLOR, NODE_OUTLINE,
                                      NORMAL, OUTPUT_COLOR, POSITIVE_COLOR, TEXT_DARK, TEXT_LIGHT,
                                      UNDEFINED_COLOR, Palette, contrast_ratio,
                                      relative_luminance, text_color_for)
from nnsim.ui.network_text import (MINUS, format_value, label_box, node_text_radius,
                                   parse_number, pixel_font)

__all__ = [
    # defined here
    "CAPTION_FONT_PX", "LABEL_FONT_PX", "LABEL_MARGIN", "MAX_PEN", "NAME_ROLE", "NODE_FONT_PX",
    "NODE_RADIUS", "EdgeItem", "EdgeLabelItem", "HoverListener", "NodeItem", "pen_width",
    # re-exported from the modules split off this one
    "BIAS_COLOR", "HIDDEN_COLOR", "HIGH_CONTRAST", "HIGHLIGHT_COLOR", "HOVER_COLOR",
    "INPUT_COLOR", "LEGEND_FONT_PX", "MINUS", "NEGATIVE_COLOR", "NODE_OUTLINE", "NORMAL",
    "OUTPUT_COLOR", "POSITIVE_COLOR", "TEXT_DARK", "TEXT_LIGHT", "UNDEFINED_COLOR",
    "HighlightItem", "LegendEntry", "LegendItem", "Palette", "ValueEditor", "contrast_ratio",
    "format_value", "label_box", "node_text_radius", "parse_number", "pixel_font",
    "relative_luminance", "text_color_for",
]

# Sizes in pixels at zoom 1 (the layout makes one scene unit one pixel on screen): what the
# layout starts from; labels shrink only as far as a crowded network needs.
NODE_RADIUS = 20.0
NODE_FONT_PX = 20
CAPTION_FONT_PX = 15
LABEL_FONT_PX = 15
MAX_PEN = 8.0

LABEL_MARGIN = 2.0  # room around a label box for its (selected: thick) outline
NAME_ROLE = 0  # QGraphicsItem.data key holding the parameter name of edges and labels

HoverListener = Callable[[str, bool], None]  # (parameter name, entered)


def pen_width(value: float) -> float:
    """Line width for a parameter: grows with ``|value|``, clamped, in quarter steps."""
    if not math.isfinite(value):
        return 1.0 if math.isnan(value) else MAX_PEN
    return min(MAX_PEN, round((1.0 + 2.5 * abs(value)) * 4) / 4)


class NodeItem(QGraphicsItem):
    """A unit: a filled circle with its name (I1, H2, O1, B1) inside."""

    def __init__(self, name: str, fill: QColor, radius: float = NODE_RADIUS) -> None:
        super().__init__()
        self.name = name
        self.palette = NORMAL
        self.fill = QColor(fill)
        self.text_color = text_color_for(self.fill)
        self.font = pixel_font(NODE_FONT_PX, bold=True)
        self.radius = radius
        self.setZValue(3)

    def set_look(self, radius: float, font_px: int, palette: Palette) -> None:
        """Take the size the layout chose and the palette's fill and outline."""
        self.prepareGeometryChange()
        self.radius, self.palette = radius, palette
        self.font = pixel_font(font_px, bold=True)
        self.fill = QColor(palette.nodes[self.name[0]])
        self.text_color = text_color_for(self.fill)
        self.update()

    def boundingRect(self) -> QRectF:
        r = self.radius + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        r = self.radius
        painter.setPen(QPen(self.palette.outline, min(self.palette.outline_width, 0.2 * r)))
        painter.setBrush(QBrush(self.fill))
        painter.drawEllipse(QPointF(0, 0), r, r)
        painter.setPen(self.text_color)
        painter.setFont(self.font)
        painter.drawText(QRectF(-r, -r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, self.name)


class _Hoverable:
    """Reports the mouse entering and leaving a parameter's edge or label to the view."""

    name: str
    hover_listener: HoverListener | None = None

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        if self.hover_listener is not None:
            self.hover_listener(self.name, True)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        if self.hover_listener is not None:
            self.hover_listener(self.name, False)


class EdgeItem(_Hoverable, QGraphicsLineItem):
    """A connection; its colour gives the sign and its width the size of the parameter."""

    HIT_WIDTH = 12.0  # thin edges are hard to hit with a mouse

    def __init__(self, name: str, line: QLineF) -> None:
        super().__init__(line)
        self.name = name
        self.value = 0.0
        self.palette = NORMAL
        self.line_scale = 1.0
        self.setData(NAME_ROLE, name)
        self.setZValue(1)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.set_value(0.0, force=True)

    def set_look(self, line_scale: float, palette: Palette) -> None:
        """Widths times ``line_scale`` (zoom, crowding), colours from ``palette``."""
        self.line_scale, self.palette = line_scale, palette
        self.set_value(self.value, force=True)

    def width_for(self, value: float) -> float:
        """The pen width this edge draws ``value`` with."""
        return pen_width(value) * self.line_scale * self.palette.line_factor

    def set_value(self, value: float, force: bool = False) -> None:
        """Restyle for a new value; the pen is only replaced if it looks different."""
        old = self.value
        self.value = value
        if (not force and pen_width(old) == pen_width(value)
                and self.palette.sign_color(old) == self.palette.sign_color(value)):
            return
        pen = QPen(self.palette.sign_color(value), self.width_for(value))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if value < 0:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)

    def shape(self) -> QPainterPath:
        path = QPainterPath(self.line().p1())
        path.lineTo(self.line().p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(max(self.HIT_WIDTH, self.pen().widthF()))
        return stroker.createStroke(path)

    def boundingRect(self) -> QRectF:
        return self.shape().boundingRect()


class EdgeLabelItem(_Hoverable, QGraphicsItem):
    """The name and value of one connection, on a semi-opaque box placed on its edge.

    The box has a fixed size chosen by the layout (wide enough for ``w99 = −9.99``), so new
    values never move or grow a label and never make it overlap a neighbour.
    """

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.show_value = True
        self.text = name
        self.value = 0.0
        self.color = POSITIVE_COLOR
        self.palette = NORMAL
        self.selected = False
        self.hovered = False
        self.font_px = LABEL_FONT_PX
        self._rect = QRectF()
        self._font = self._bold = QFont()
        self._measured: tuple[tuple[str, bool], float] = (("", False), 0.0)
        self.setData(NAME_ROLE, name)
        self.setZValue(4)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.set_box(label_box(LABEL_FONT_PX, True), LABEL_FONT_PX, True)

    def set_box(self, size: tuple[float, float], font_px: int, show_value: bool,
                palette: Palette | None = None) -> None:
        """Take the box size, font and style (value or name only) the layout chose."""
        self.prepareGeometryChange()
        self._rect = QRectF(-size[0] / 2, -size[1] / 2, size[0], size[1])
        self.font_px = font_px
        self._font, self._bold = pixel_font(font_px), pixel_font(font_px, bold=True)
        self._measured = (("", False), 0.0)
        self.show_value = show_value
        self.palette = palette or self.palette
        self.text = ""
        self.set_value(self.value)

    def set_value(self, value: float) -> bool:
        """Show a new value; returns whether the text changed (and a repaint was asked for)."""
        self.value = value
        text = f"{self.name} = {format_value(value)}" if self.show_value else self.name
        color = self.palette.sign_color(value)
        if text == self.text and color == self.color:
            return False
        self.text, self.color = text, color
        self.update()
        return True

    def show_text(self, text: str, value: float) -> None:
        """Show ``text`` instead of the parameter's value (e.g. its slope in the gradient view),
        outlined in the colour of ``value``'s sign; the next :meth:`set_value` takes over again."""
        color = self.palette.sign_color(value)
        if text != self.text or color != self.color:
            self.text, self.color = text, color
            self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self._restack()

    def set_hovered(self, hovered: bool) -> None:
        """Stand out while the mouse is over this label or its edge."""
        if hovered != self.hovered:
            self.hovered = hovered
            self._restack()

    def _restack(self) -> None:
        self.setZValue(7 if self.hovered else 6 if self.selected else 4)
        self.update()

    def font(self) -> QFont:
        return self._bold if self.selected or self.hovered else self._font

    def boundingRect(self) -> QRectF:
        m = LABEL_MARGIN
        return self._rect.adjusted(-m, -m, m, m)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.hovered:
            painter.setPen(QPen(self.palette.text, 2.5))
            painter.setBrush(QColor(215, 244, 255, 250))
        elif self.selected:
            painter.setPen(QPen(self.palette.text, 2.5))
            painter.setBrush(QColor(255, 236, 140, 245))
        else:
            painter.setPen(QPen(self.color, self.palette.label_outline_width))
            painter.setBrush(self.palette.label_fill)
        painter.drawRoundedRect(self._rect, 3, 3)
        painter.setPen(self.palette.text)
        font = self.font()
        painter.setFont(font)
        # A diverged value can be wider than the reserved box: squeeze it rather than overflow.
        key = (self.text, font.bold())
        if self._measured[0] != key:
            self._measured = (key, QFontMetricsF(font).horizontalAdvance(self.text))
        width = self._measured[1]
        room = self._rect.width() - 4
        if width > room:
            painter.scale(room / width, 1.0)
            r = QRectF(-width / 2, self._rect.top(), width, self._rect.height())
        else:
            r = self._rect
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, self.text)
