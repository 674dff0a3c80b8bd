"""Colours of the network editor: the lecture's node colours, the edge sign colours, the normal
and high-contrast palettes, and the WCAG contrast arithmetic that picks readable text.

A washed-out projector eats pale colours and thin lines, so the editor draws with a
:class:`Palette` it can swap at once (:data:`NORMAL` or :data:`HIGH_CONTRAST`) rather than with
colours spread over the items.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import QColor

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
