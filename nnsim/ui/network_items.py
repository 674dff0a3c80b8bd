"""Items of the network editor: nodes, edges, value labels, highlights, legend, value editor.

The items draw themselves (no child items), so a training run that relabels 200 edges 15 times
a second touches only 200 cheap objects. Colours come from a :class:`Palette`: the normal one,
or high contrast for a washed-out projector. Edges and labels report the mouse entering and
leaving them, so the view can show which edge a label belongs to.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QFocusEvent, QFont, QFontMetricsF, QKeyEvent,
                           QPainter, QPainterPath, QPainterPathStroker, QPen)
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsLineItem, QGraphicsSceneHoverEvent,
                               QLineEdit, QStyleOptionGraphicsItem, QToolTip, QWidget)

from nnsim.core.session import MAX_EDIT_MAGNITUDE

# The lecture's node colours (its classDef lines) and its dark node outline.
INPUT_COLOR = QColor("#3498db")
HIDDEN_COLOR = QColor("#e74c3c")
OUTPUT_COLOR = QColor("#2ecc71")
BIAS_COLOR = QColor("#f39c12")
NODE_OUTLINE = QColor("#333333")
# Edge sign colours, chosen to survive a washed-out projector and colour-blind eyes: a dark navy
# (clearly darker than the blue input nodes) and purple, a hue no node has, so a negative edge
# never reads as "belonging" to the red hidden units (the old dark red did). Negative edges are
# dashed as well, so the sign survives greyscale too.
POSITIVE_COLOR = QColor("#173f6e")
NEGATIVE_COLOR = QColor("#a020f0")
UNDEFINED_COLOR = QColor("#888888")  # nan after a diverged run
HIGHLIGHT_COLOR = QColor(255, 200, 0, 170)  # the selected parameter: edge glow, node rings
HOVER_COLOR = QColor(0, 190, 255, 130)  # the parameter under the mouse
TEXT_DARK = QColor("#111111")
TEXT_LIGHT = QColor("#ffffff")

# Sizes in pixels at zoom 1 (the layout makes one scene unit one pixel on screen): what the
# layout starts from; labels shrink only as far as a crowded network needs.
NODE_RADIUS = 20.0
NODE_FONT_PX = 20
CAPTION_FONT_PX = 15
LABEL_FONT_PX = 15
LEGEND_FONT_PX = 12
MAX_PEN = 8.0

LABEL_MARGIN = 2.0  # room around a label box for its (selected: thick) outline
NAME_ROLE = 0  # QGraphicsItem.data key holding the parameter name of edges and labels
MINUS = "\u2212"

HoverListener = Callable[[str, bool], None]  # (parameter name, entered)


@dataclass(frozen=True)
class Palette:
    """Every colour and outline the network editor draws with."""

    nodes: dict[str, QColor]  # by the node name's first letter: I, H, O, B
    outline: QColor
    outline_width: float
    positive: QColor
    negative: QColor
    text: QColor
    background: QColor
    label_fill: QColor
    label_outline_width: float
    line_factor: float  # edges are this much thicker

    def sign_color(self, value: float) -> QColor:
        """Colour of an edge: positive for ≥ 0, negative for < 0, grey when undefined."""
        if math.isnan(value):
            return UNDEFINED_COLOR
        return self.positive if value >= 0 else self.negative


NORMAL = Palette(
    nodes={"I": INPUT_COLOR, "H": HIDDEN_COLOR, "O": OUTPUT_COLOR, "B": BIAS_COLOR},
    outline=NODE_OUTLINE, outline_width=2.0, positive=POSITIVE_COLOR, negative=NEGATIVE_COLOR,
    text=TEXT_DARK, background=QColor("#ffffff"), label_fill=QColor(255, 255, 255, 215),
    label_outline_width=1.0, line_factor=1.0)
# A washed-out projector eats pale colours and thin lines: saturated fills, black text and
# outlines, opaque label boxes, thicker everything.
HIGH_CONTRAST = Palette(
    nodes={"I": QColor("#0a6fd6"), "H": QColor("#e8200c"), "O": QColor("#00b548"),
           "B": QColor("#ff9500")},
    outline=QColor("#000000"), outline_width=3.5, positive=QColor("#002f87"),
    negative=QColor("#a000ff"), text=QColor("#000000"), background=QColor("#ffffff"),
    label_fill=QColor("#ffffff"), label_outline_width=2.0, line_factor=1.5)


def format_value(value: float) -> str:
    """A parameter value in at most five characters, with a typographic minus.

    Two decimals while ``|value| < 10`` (what training mostly produces), fewer digits beyond,
    so labels keep the width the layout reserved for them.
    """
    if not math.isfinite(value):
        return "nan" if math.isnan(value) else ("\u221e" if value > 0 else MINUS + "\u221e")
    size = abs(value)
    if size < 9.995:
        text = f"{value:.2f}"
    elif size < 99.95:
        text = f"{value:.1f}"
    elif size < 999.5:
        text = f"{value:.0f}"
    else:
        mantissa, exponent = f"{value:.0e}".split("e")
        text = f"{mantissa}e{int(exponent)}"
    if text.startswith("-") and float(text.split("e")[0]) == 0:
        text = text[1:]  # "−0.00" would puzzle a student: it reads as zero anyway
    return text.replace("-", MINUS)


def pen_width(value: float) -> float:
    """Line width for a parameter: grows with ``|value|``, clamped, in quarter steps."""
    if not math.isfinite(value):
        return 1.0 if math.isnan(value) else MAX_PEN
    return min(MAX_PEN, round((1.0 + 2.5 * abs(value)) * 4) / 4)


def relative_luminance(color: QColor) -> float:
    """WCAG relative luminance of an sRGB colour."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio (1–21) of two colours."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_color_for(fill: QColor) -> QColor:
    """White or near-black, whichever reads better on ``fill``."""
    return max((TEXT_DARK, TEXT_LIGHT), key=lambda c: contrast_ratio(c, fill))


def pixel_font(px: int, bold: bool = False) -> QFont:
    """A font sized in pixels, so scene units and text agree on every screen."""
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


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


def label_box(font_px: int, show_value: bool) -> tuple[float, float]:
    """Size reserved for a value label: room for the widest name and a five-character value."""
    fm = QFontMetricsF(pixel_font(font_px, bold=True))  # bold when selected: must fit too
    text = f"w99 = {MINUS}9.99" if show_value else "w99"
    # Little padding: every pixel of it is a pixel less of text in a crowded network.
    return math.ceil(fm.horizontalAdvance(text)) + 6, math.ceil(fm.height()) + 2


def node_text_radius(font_px: int) -> float:
    """The smallest circle radius that holds a node name ("H9") in bold ``font_px`` pixels."""
    fm = QFontMetricsF(pixel_font(font_px, bold=True))
    return max(fm.horizontalAdvance("H9"), fm.height() * 0.8) / 2 + 1.5


def parse_number(text: str) -> float | None:
    """The finite number in ``text`` (``.`` or ``,`` as decimal separator), or None."""
    text = text.strip().replace(",", ".").replace(MINUS, "-")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class ValueEditor(QLineEdit):
    """The inline editor over a label: Enter commits a finite number; Escape or leaving cancels.

    Anything else is refused with a message saying what to type, and the editor stays open with
    the text selected, so the next keystroke replaces it.
    """

    value_committed = Signal(float)
    refused = Signal(str)
    cancelled = Signal()

    def __init__(self, name: str, value: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName("weightEditor")
        self.setAccessibleName(self.tr("New value of {name}").format(name=name))
        self.setFont(pixel_font(16))
        self.setToolTip(self.tr("New value of {name}: type a number and press Enter; Esc "
                                "cancels").format(name=name))
        self.setText(f"{value:.6g}" if math.isfinite(value) else "")
        self.selectAll()
        self.textEdited.connect(self._on_text_edited)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._commit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Switching windows or opening a menu is not leaving the editor; clicking elsewhere is.
        if event.reason() not in (Qt.FocusReason.ActiveWindowFocusReason,
                                  Qt.FocusReason.PopupFocusReason):
            self.cancelled.emit()

    def _commit(self) -> None:
        text = self.text().strip()
        value = parse_number(text)
        if value is not None and abs(value) <= MAX_EDIT_MAGNITUDE:
            self.value_committed.emit(value)
            return
        if value is not None:
            message = self.tr("{name} = {text} is too large to teach anything: every unit it "
                              "reaches saturates. Type a value between −{limit} and {limit}."
                              ).format(name=self.name, text=text, limit=f"{MAX_EDIT_MAGNITUDE:g}")
        elif not text:
            message = self.tr("{name} needs a number, like 0.5 or -1.2; the field is "
                              "empty.").format(name=self.name)
        else:
            message = self.tr("{name} needs a finite number, like 0.5 or -1.2; \u201c{text}\u201d "
                              "is not one.").format(name=self.name, text=text)
        self.setStyleSheet(f"QLineEdit {{ border: 2px solid {NEGATIVE_COLOR.name()}; }}")
        self.selectAll()
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message, self)
        self.refused.emit(message)

    def _on_text_edited(self, _text: str) -> None:
        self.setStyleSheet("")
