"""Graphics items and geometry of the network editor: nodes, edges, value labels, legend.

The picture is the lecture's single-layer network: inputs on the left, hidden units in the
middle, outputs on the right, and the bias nodes B1 (feeding the hidden layer) and B2 (feeding
the output layer) below the column they sit in, as the lecture's flowchart ranks them.

The items draw themselves (no child items), so a training run that relabels 200 edges 30 times
a second touches only 200 cheap objects.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath,
                           QPainterPathStroker, QPen)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QStyleOptionGraphicsItem, QWidget

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
COLUMN_GAP = 340.0
MAX_SPACING = 130.0  # vertical distance of neighbouring units in a short column
MAX_SPAN = 500.0  # a 9-unit column is squeezed into this height (62.5 apart)
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

    def __init__(self, name: str, size: tuple[float, float], font_px: int,
                 show_value: bool) -> None:
        super().__init__()
        self.name = name
        self.show_value = show_value
        self.text = name
        self.value = 0.0
        self.color = POSITIVE_COLOR
        self.selected = False
        self._rect = QRectF(-size[0] / 2, -size[1] / 2, size[0], size[1])
        self._font = pixel_font(font_px)
        self._bold = pixel_font(font_px, bold=True)
        self._measured: tuple[tuple[str, bool], float] = (("", False), 0.0)
        self.setData(NAME_ROLE, name)
        self.setZValue(4)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

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


@dataclass
class Layout:
    """Where everything goes, in scene coordinates."""

    nodes: dict[str, QPointF]
    edges: dict[str, tuple[str, str]]
    label_centers: dict[str, QPointF] = field(default_factory=dict)
    label_size: tuple[float, float] = (0.0, 0.0)
    label_font_px: int = LABEL_FONT_PX
    show_values: bool = True
    hidden_labels: set[str] = field(default_factory=set)
    caption_centers: list[QPointF] = field(default_factory=list)
    bottom: float = 0.0


def node_positions(sizes: tuple[int, int, int], gap: float = COLUMN_GAP) -> dict[str, QPointF]:
    """Centres of I1…, H1…, O1… and of the bias nodes B1, B2 for layer ``sizes``.

    Columns are ``gap`` apart; the tallest column spans at most ``MAX_SPAN`` and shorter columns
    spread out (up to 1.5× the usual spacing) so their edges fan out rather than bunch.
    """
    span = min((max(sizes) - 1) * MAX_SPACING, MAX_SPAN)
    nodes: dict[str, QPointF] = {}
    bottom = 0.0
    for column, (prefix, n) in enumerate(zip("IHO", sizes)):
        spacing = min(span / (n - 1), 1.5 * MAX_SPACING) if n > 1 else 0.0
        for unit in range(n):
            y = (unit - (n - 1) / 2) * spacing
            nodes[f"{prefix}{unit + 1}"] = QPointF(column * gap, y)
        bottom = max(bottom, (n - 1) / 2 * spacing)
    # One bias row under the tallest column, like a last unit of the input and hidden columns.
    bias_y = bottom + max(MAX_SPACING * 0.9, 2.6 * NODE_RADIUS)
    nodes["B1"] = QPointF(0.0, bias_y)
    nodes["B2"] = QPointF(gap, bias_y)
    return nodes


def _fraction(unit: str, counts: dict[str, int]) -> float:
    """Preferred place along an edge for a label, staggered by ``unit``'s index in its layer."""
    n = counts[unit[0]]
    if unit[0] == "B" or n == 1:
        return 0.5
    return 0.2 + 0.6 * (int(unit[1:]) - 1) / (n - 1)


def place_labels(nodes: dict[str, QPointF], edges: dict[str, tuple[str, str]],
                 size: tuple[float, float], obstacles: list[QRectF], stagger_by: int = 1
                 ) -> tuple[dict[str, QPointF], set[str]]:
    """Greedy label placement: each label slides along its own edge until it hits nothing.

    Labels start at a fraction of the edge that depends on the target unit (``stagger_by=1``:
    edges into H1 near their sources, edges into H3 near their target) or on the source unit
    (``stagger_by=0``), which spreads the nine labels between three inputs and three hidden
    units into a grid; a label that would overlap an earlier one, a node or a caption moves
    along its edge to the nearest free spot.

    Returns
    -------
    centres : label centre per placed edge.
    failed : edges for which no free spot was found.
    """
    w, h = size
    placed = np.array([[r.left(), r.top(), r.right(), r.bottom()] for r in obstacles],
                      dtype=float).reshape(-1, 4)
    counts: dict[str, int] = {}
    for name in nodes:
        counts[name[0]] = counts.get(name[0], 0) + 1
    fractions = np.arange(0.08, 0.9201, 0.01)
    centres: dict[str, QPointF] = {}
    failed: set[str] = set()
    for name, ends in edges.items():
        preferred = _fraction(ends[stagger_by], counts)
        ts = fractions[np.argsort(np.abs(fractions - preferred), kind="stable")]
        p0, p1 = nodes[ends[0]], nodes[ends[1]]
        cx = p0.x() + ts * (p1.x() - p0.x())
        cy = p0.y() + ts * (p1.y() - p0.y())
        # Air on each side beyond the item's pen margin, so neighbouring boxes never touch.
        a = LABEL_MARGIN + 1.5
        cand = np.stack([cx - w / 2 - a, cy - h / 2 - a, cx + w / 2 + a, cy + h / 2 + a], axis=1)
        hit = ((cand[:, None, 0] < placed[None, :, 2]) & (cand[:, None, 2] > placed[None, :, 0])
               & (cand[:, None, 1] < placed[None, :, 3]) & (cand[:, None, 3] > placed[None, :, 1]))
        free = np.flatnonzero(~hit.any(axis=1))
        if free.size == 0:
            failed.add(name)
            continue
        k = free[0]
        centres[name] = QPointF(float(cx[k]), float(cy[k]))
        placed = np.vstack([placed, cand[k]])
    return centres, failed


def label_box(font_px: int, show_value: bool) -> tuple[float, float]:
    """Size reserved for a value label: room for the widest name and a five-character value."""
    fm = QFontMetricsF(pixel_font(font_px, bold=True))  # bold when selected: must fit too
    text = f"w99 = {MINUS}9.99" if show_value else "w99"
    return fm.horizontalAdvance(text) + 8, fm.height() + 4


# Tried in turn until every label finds a free spot: (column gap, label font px, show values).
# Wider gaps first (a tall network leaves room at the sides of a 4:3 view), then smaller
# fonts, then names only (values in the tooltip and the editor). A 9-9-9 network (171 edges)
# does not fit even then: its labels that find no spot are hidden (their edges still show a
# tooltip, and the selected one is drawn on top).
LABEL_LEVELS = ((COLUMN_GAP, LABEL_FONT_PX, True), (400.0, LABEL_FONT_PX, True),
                (460.0, LABEL_FONT_PX, True), (460.0, SMALL_LABEL_FONT_PX, True),
                (520.0, SMALL_LABEL_FONT_PX, True), (400.0, SMALL_LABEL_FONT_PX, False),
                (460.0, SMALL_LABEL_FONT_PX, False))


def compute_layout(sizes: tuple[int, int, int], edges: dict[str, tuple[str, str]],
                   caption_sizes: list[tuple[float, float]]) -> Layout:
    """Positions of nodes, captions and labels for a network of ``sizes``.

    Parameters
    ----------
    sizes : units per layer.
    edges : parameter name → (source node, target node), e.g. ``"w12": ("I1", "H2")``.
    caption_sizes : width and height of the three layer captions, left to right.
    """
    best: Layout | None = None
    for gap, font_px, show_values in LABEL_LEVELS:
        layout = _layout_at(sizes, edges, caption_sizes, gap, font_px, show_values)
        if not layout.hidden_labels:
            return layout
        if best is None or len(layout.hidden_labels) < len(best.hidden_labels):
            best = layout
    assert best is not None
    return best


def _layout_at(sizes: tuple[int, int, int], edges: dict[str, tuple[str, str]],
               caption_sizes: list[tuple[float, float]], gap: float, font_px: int,
               show_values: bool) -> Layout:
    nodes = node_positions(sizes, gap)
    r = NODE_RADIUS
    top = min(p.y() for p in nodes.values()) - r
    captions = [QPointF(i * gap, top - 12 - caption_sizes[i][1] / 2) for i in range(3)]
    obstacles = [QRectF(p.x() - r - 3, p.y() - r - 3, 2 * r + 6, 2 * r + 6)
                 for p in nodes.values()]
    obstacles += [QRectF(c.x() - w / 2, c.y() - h / 2, w, h)
                  for c, (w, h) in zip(captions, caption_sizes)]
    size = label_box(font_px, show_values)
    tries = [place_labels(nodes, edges, size, obstacles, stagger_by) for stagger_by in (1, 0)]
    centres, failed = min(tries, key=lambda t: len(t[1]))
    return Layout(nodes=nodes, edges=edges, label_centers=centres, label_size=size,
                  label_font_px=font_px, show_values=show_values, hidden_labels=failed,
                  caption_centers=captions, bottom=max(p.y() for p in nodes.values()) + r)
