"""The look every nnsim plot shares: large dark text for a lecture hall, and safe data.

Shared by the loss plot, the landscape and the activation preview.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PySide6.QtGui import QFont

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

Array = NDArray[np.float64]

# Sizes for a projector: tick labels and axis titles must be legible from the back of a hall.
TICK_FONT_PT = 13
LABEL_FONT_PT = 15
LEGEND_FONT_PT = 14
TEXT_COLOR = "#222222"



def apply_plot_style(plot: pg.PlotItem, tick_pt: int = TICK_FONT_PT) -> None:
    """Dark text on white, large tick labels: the look every nnsim plot shares.

    Parameters
    ----------
    plot : the plot item to style.
    tick_pt : tick label size in points.
    """
    font = QFont()
    font.setPointSize(tick_pt)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTickFont(font)
        axis.setTextPen(pg.mkPen(TEXT_COLOR))
        axis.setPen(pg.mkPen(TEXT_COLOR, width=1))
        # Major and minor grid lines only: the third level is noise on a projector and its
        # hundreds of lines dominated the repaint cost at 30 updates a second.
        axis.setStyle(maxTickLevel=1)
        # No "(x0.001)" rescaling: a student would read a loss of 0.6 as 600.
        axis.enableAutoSIPrefix(False)
    plot.showGrid(x=True, y=True, alpha=0.25)


def set_axis_label(plot: pg.PlotItem, axis: str, text: str, size_pt: int = LABEL_FONT_PT) -> None:
    """Give ``axis`` a large dark title."""
    plot.setLabel(axis, text, **{"font-size": f"{size_pt}pt", "color": TEXT_COLOR})


def finite_or_nan(values: Array, positive: bool = False) -> Array:
    """A float copy with inf (and, for a log axis, values ≤ 0) replaced by NaN.

    pyqtgraph skips NaN but lets inf stretch the autorange to nothing, and log10 of zero or a
    negative number has no place on a log axis; a diverged run must still leave a readable plot.
    """
    out = np.array(values, dtype=np.float64, copy=True)
    bad = ~np.isfinite(out)
    if positive:
        with np.errstate(invalid="ignore"):
            bad |= out <= 0
    out[bad] = np.nan
    return out


def signed(value: float, digits: int = 3) -> str:
    """``value`` to ``digits`` significant digits with a real minus sign (−, not -)."""
    return f"{value + 0.0:.{digits}g}".replace("-", "−")  # + 0.0 turns −0.0 into 0
