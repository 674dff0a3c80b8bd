"""The plots' axis ticks follow the interface's number format."""

from __future__ import annotations

import pyqtgraph as pg

from nnsim.ui import numbers
from nnsim.ui.loss_plot import LossPlot  # noqa: F401 - importing the plots installs the format


def test_axis_ticks_use_the_decimal_comma_in_german(qapp) -> None:
    axis = pg.AxisItem("left")
    try:
        numbers.set_decimal_point(",")
        assert axis.tickStrings([0.5, -1.5, 2.0], 1.0, 0.5) == ["0,5", "\u22121,5", "2,0"]
    finally:
        numbers.set_decimal_point(".")
    assert axis.tickStrings([0.5, -1.5], 1.0, 0.5) == ["0.5", "\u22121.5"]
