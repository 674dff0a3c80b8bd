"""Text in the network editor: fonts sized in pixels, parameter values written in at most five
characters and read back from what a student types, and the room a node name or a value label
needs (which the layout reserves before any value is known).
"""

from __future__ import annotations

import math

from PySide6.QtGui import QFont, QFontMetricsF

from nnsim.ui import numbers

MINUS = "\u2212"  # typographic minus: as wide as the plus, and what the lecture prints


def pixel_font(px: int, bold: bool = False) -> QFont:
    """A font sized in pixels, so scene units and text agree on every screen."""
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


def format_value(value: float) -> str:
    """A parameter value in at most five characters, with a typographic minus.

    Two decimals while ``|value| < 10`` (what training mostly produces), fewer digits beyond,
    so labels keep the width the layout reserved for them.
    """
    if not math.isfinite(value):
        return numbers.fixed(value)
    size = abs(value)
    if size < 9.995:
        return numbers.fixed(value, 2)
    if size < 99.95:
        return numbers.fixed(value, 1)
    if size < 999.5:
        return numbers.fixed(value, 0)
    mantissa, exponent = f"{value:.0e}".split("e")
    return numbers.fixed(float(mantissa), 0) + "e" + str(int(exponent)).replace("-", MINUS)


def parse_number(text: str) -> float | None:
    """The finite number in ``text`` (``.`` or ``,`` as decimal separator), or None."""
    return numbers.parse(text)


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
