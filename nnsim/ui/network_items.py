"""Items of the network editor: nodes, edges, value labels, legend, and the value editor.

The items draw themselves (no child items), so a training run that relabels 200 edges 15 times
a second touches only 200 cheap objects.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QFocusEvent, QFont, QFontMetricsF, QKeyEvent,
                           QPainter, QPainterPath, QPainterPathStroker, QPen)
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsLineItem, QLineEdit,
                               QStyleOptionGraphicsItem, QToolTip, QWidget)

from nnsim.core.session import MAX_EDIT_MAGNITUDE

# The lecture's node colours (its classDef lines) and its dark node outline.
INPUT_COLOR = QColor("#3498db")
HIDDEN_COLOR = QColor("#e74c3c")
OUTPUT_COLOR = QColor("#2ecc71")
BIAS_COLOR = QColor("#f39c12")
NODE_OUTLINE = QColor("#333333")
# Edge sign colours: the dark ends of ColorBrewer's RdBu, which colour-blind readers can tell
# apart; darker than the blue and red nodes so a line never reads as a node. Negative edges are
# dashed as well, so the sign survives greyscale projectors.
POSITIVE_COLOR = QColor("#2166ac")
NEGATIVE_COLOR = QColor("#b2182b")
UNDEFINED_COLOR = QColor("#888888")  # nan after a diverged run
HIGHLIGHT_COLOR = QColor(255, 200, 0, 170)
TEXT_DARK = QColor("#111111")
TEXT_LIGHT = QColor("#ffffff")

# Scene units are pixels at the default 800×600 view (scale ≈ 1), so these are the sizes a
# student sees; the view never shrinks below them unless the window does.
NODE_RADIUS = 26.0
NODE_FONT_PX = 20
CAPTION_FONT_PX = 17
LABEL_FONT_PX = 14
SMALL_LABEL_FONT_PX = 12
LEGEND_FONT_PX = 13
MAX_PEN = 8.0

LABEL_MARGIN = 2.0  # room around a label box for its (selected: thick) outline
NAME_ROLE = 0  # QGraphicsItem.data key holding the parameter name of edges and labels
MINUS = "\u2212"


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


def sign_color(value: float) -> QColor:
    """Colour of an edge: blue for ≥ 0, red for < 0, grey when undefined."""
    if math.isnan(value):
        return UNDEFINED_COLOR
    return POSITIVE_COLOR if value >= 0 else NEGATIVE_COLOR


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
        self.fill = QColor(fill)
        self.text_color = text_color_for(self.fill)
        self.font = pixel_font(NODE_FONT_PX, bold=True)
        self.radius = radius
        self.setZValue(3)

    def boundingRect(self) -> QRectF:
        r = self.radius + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        r = self.radius
        painter.setPen(QPen(NODE_OUTLINE, 2))
        painter.setBrush(QBrush(self.fill))
        painter.drawEllipse(QPointF(0, 0), r, r)
        painter.setPen(self.text_color)
        painter.setFont(self.font)
        painter.drawText(QRectF(-r, -r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, self.name)


class EdgeItem(QGraphicsLineItem):
    """A connection; its colour gives the sign and its width the size of the parameter."""

    HIT_WIDTH = 12.0  # thin edges are hard to hit with a mouse

    def __init__(self, name: str, line: QLineF) -> None:
        super().__init__(line)
        self.name = name
        self.value = 0.0
        self.setData(NAME_ROLE, name)
        self.setZValue(1)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.set_value(0.0, force=True)

    def set_value(self, value: float, force: bool = False) -> None:
        """Restyle for a new value; the pen is only replaced if it looks different."""
        old = self.value
        self.value = value
        if (not force and pen_width(old) == pen_width(value)
                and sign_color(old) == sign_color(value)):
            return
        pen = QPen(sign_color(value), pen_width(value))
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


class EdgeLabelItem(QGraphicsItem):
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
        self.selected = False
        self._rect = QRectF()
        self._font = self._bold = QFont()
        self._measured: tuple[tuple[str, bool], float] = (("", False), 0.0)
        self.setData(NAME_ROLE, name)
        self.setZValue(4)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.set_box(label_box(LABEL_FONT_PX, True), LABEL_FONT_PX, True)

    def set_box(self, size: tuple[float, float], font_px: int, show_value: bool) -> None:
        """Take the box size, font and style (value or name only) the layout chose."""
        self.prepareGeometryChange()
        self._rect = QRectF(-size[0] / 2, -size[1] / 2, size[0], size[1])
        self._font, self._bold = pixel_font(font_px), pixel_font(font_px, bold=True)
        self._measured = (("", False), 0.0)
        self.show_value = show_value
        self.text = ""
        self.set_value(self.value)

    def set_value(self, value: float) -> bool:
        """Show a new value; returns whether the text changed (and a repaint was asked for)."""
        self.value = value
        text = f"{self.name} = {format_value(value)}" if self.show_value else self.name
        color = sign_color(value)
        if text == self.text and color == self.color:
            return False
        self.text, self.color = text, color
        self.update()
        return True

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.setZValue(6 if selected else 4)
            self.update()

    def font(self) -> QFont:
        return self._bold if self.selected else self._font

    def boundingRect(self) -> QRectF:
        m = LABEL_MARGIN
        return self._rect.adjusted(-m, -m, m, m)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.selected:
            painter.setPen(QPen(QColor("#000000"), 2.5))
            painter.setBrush(QColor(255, 236, 140, 245))
        else:
            painter.setPen(QPen(self.color, 1))
            painter.setBrush(QColor(255, 255, 255, 215))
        painter.drawRoundedRect(self._rect, 4, 4)
        painter.setPen(TEXT_DARK)
        font = self.font()
        painter.setFont(font)
        # A diverged value can be wider than the reserved box: squeeze it rather than overflow.
        if self._measured[0] != (self.text, self.selected):
            self._measured = ((self.text, self.selected),
                              QFontMetricsF(font).horizontalAdvance(self.text))
        width = self._measured[1]
        room = self._rect.width() - 4
        if width > room:
            painter.scale(room / width, 1.0)
            r = QRectF(-width / 2, self._rect.top(), width, self._rect.height())
        else:
            r = self._rect
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, self.text)


@dataclass
class LegendEntry:
    """One sample line (or none) and its explanation."""

    text: str
    color: QColor | None = None
    dashed: bool = False


class LegendItem(QGraphicsItem):
    """One row explaining the edge colours, widths and how to edit, under the graph."""

    SAMPLE = 30.0
    SPACE = 22.0

    def __init__(self, entries: list[LegendEntry]) -> None:
        super().__init__()
        self.entries = entries
        self._font = pixel_font(LEGEND_FONT_PX)
        fm = QFontMetricsF(self._font)
        self._height = fm.height() + 4
        self._width = sum(fm.horizontalAdvance(e.text) + (self.SAMPLE + 6 if e.color else 0)
                          for e in entries) + self.SPACE * (len(entries) - 1)

    def boundingRect(self) -> QRectF:
        return QRectF(-self._width / 2, -self._height / 2, self._width, self._height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        fm = QFontMetricsF(self._font)
        painter.setFont(self._font)
        x = -self._width / 2
        for entry in self.entries:
            if entry.color is not None:
                pen = QPen(entry.color, 3)
                if entry.dashed:
                    pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawLine(QPointF(x, 0), QPointF(x + self.SAMPLE, 0))
                x += self.SAMPLE + 6
            painter.setPen(TEXT_DARK)
            w = fm.horizontalAdvance(entry.text)
            painter.drawText(QRectF(x, -self._height / 2, w + 2, self._height),
                             Qt.AlignmentFlag.AlignVCenter, entry.text)
            x += w + self.SPACE


def label_box(font_px: int, show_value: bool) -> tuple[float, float]:
    """Size reserved for a value label: room for the widest name and a five-character value."""
    fm = QFontMetricsF(pixel_font(font_px, bold=True))  # bold when selected: must fit too
    text = f"w99 = {MINUS}9.99" if show_value else "w99"
    return fm.horizontalAdvance(text) + 8, fm.height() + 4


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
