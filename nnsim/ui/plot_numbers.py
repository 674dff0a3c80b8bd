"""The plots' axis numbers in the interface's format: a decimal comma in German.

pyqtgraph writes its tick labels itself, with a decimal point. Every plot of nnsim is a
pyqtgraph plot, so its axis class is taught once, here, to write ticks as
:mod:`nnsim.ui.numbers` writes every other number (the separator is read at each redraw, so a
language switch needs nothing more).
"""

from __future__ import annotations

from PySide6.QtCore import Qt  # noqa: F401 - PySide6 first, so pyqtgraph binds to it

import pyqtgraph as pg

from nnsim.ui import numbers

_plain_tick_strings = pg.AxisItem.tickStrings


def _tick_strings(self: pg.AxisItem, values, scale, spacing) -> list[str]:
    strings = _plain_tick_strings(self, values, scale, spacing)
    point = numbers.decimal_point()
    return [text.replace(".", point).replace("-", numbers.MINUS) for text in strings]


def install() -> None:
    """Axis ticks follow the interface's number format from now on (idempotent)."""
    pg.AxisItem.tickStrings = _tick_strings
