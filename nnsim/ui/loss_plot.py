"""The loss per epoch: training and development curves, and the one-off test result.

The test columns of the history are never drawn. The lecture keeps the test set sealed until the
end, so the only test point shown is the one the user asked for with "Evaluate on test set"
(:meth:`LossPlot.show_test_result`).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

from nnsim.core.losses import LOSSES
from nnsim.core.snapshot import Snapshot, TestResult
from nnsim.ui.plot_style import (LABEL_FONT_PT, LEGEND_FONT_PT, TEXT_COLOR, apply_plot_style,
                                 finite_or_nan, set_axis_label)

Array = NDArray[np.float64]

TRAIN_COLOR = "#1f4e9c"
DEV_COLOR = "#e07b00"
TEST_COLOR = "#c0102a"


class LossPlot(pg.PlotWidget):
    """Training and development loss per epoch, with an optional test-set marker.

    Items are created once and refreshed with ``setData`` (up to 15 times a second during a run).
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("lossPlot")
        self._log = False
        self._epochs: Array = np.empty(0)
        self._train: Array = np.empty(0)
        self._dev: Array = np.empty(0)
        self._test_result: TestResult | None = None
        self._loss_name = ""
        self._dots = False

        item = self.getPlotItem()
        apply_plot_style(item)
        item.setTitle(self.tr("Loss per epoch"), size=f"{LABEL_FONT_PT}pt", color=TEXT_COLOR)
        set_axis_label(item, "bottom", self.tr("Epoch"))
        set_axis_label(item, "left", self.tr("Loss"))
        # A million-epoch run keeps thousands of points: draw only what is visible, peak-reduced.
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        item.hideButtons()

        self.legend = item.addLegend(offset=(-10, 10), labelTextSize=f"{LEGEND_FONT_PT}pt",
                                     labelTextColor=TEXT_COLOR, brush=pg.mkBrush(255, 255, 255, 210),
                                     pen=pg.mkPen("#999999"))
        # pyqtgraph legends ignore transformations, so a 2× PNG export would keep them small;
        # parented to the view box (not its zoomed child group) they need no such protection.
        self.legend.setFlag(self.legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
        self.train_curve = item.plot(
            [], [], name=self.tr("training loss"), pen=pg.mkPen(TRAIN_COLOR, width=3))
        self.train_curve.setObjectName("lossTrainCurve")
        self.dev_curve = item.plot(
            [], [], name=self.tr("development loss"),
            pen=pg.mkPen(DEV_COLOR, width=3, style=Qt.PenStyle.DashLine))
        self.dev_curve.setObjectName("lossDevCurve")
        # The test marker joins the legend only while there is a test result.
        self.test_marker = pg.PlotDataItem(
            [], [], pen=None, symbol="star", symbolSize=26, symbolBrush=pg.mkBrush(TEST_COLOR),
            symbolPen=pg.mkPen("#ffffff", width=1))
        self.test_marker.setObjectName("lossTestMarker")
        self.test_marker.setZValue(10)
        item.addItem(self.test_marker)
        # Left of the star: a test result usually sits at the newest epoch, the right edge.
        self.test_label = pg.TextItem(self.tr("test"), color=TEST_COLOR, anchor=(1.15, 0.5),
                                      fill=pg.mkBrush(255, 255, 255, 200))
        label_font = QFont()
        label_font.setPointSize(LEGEND_FONT_PT)
        label_font.setBold(True)
        self.test_label.setFont(label_font)
        self.test_label.setZValue(10)
        self.test_label.hide()
        item.addItem(self.test_label, ignoreBounds=True)

    # ----------------------------------------------------------------- public API
    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Draw the training and development loss of ``snapshot.history``."""
        history = snapshot.history
        self._epochs = np.asarray(history.get("epoch", np.empty(0)), dtype=np.float64)
        self._train = np.asarray(history.get("train_loss", np.empty(0)), dtype=np.float64)
        self._dev = np.asarray(history.get("dev_loss", np.empty(0)), dtype=np.float64)
        if snapshot.loss != self._loss_name:
            # Relabelling re-lays out the plot: only when the loss function changes.
            self._loss_name = snapshot.loss
            spec = LOSSES.get(snapshot.loss)
            short = spec.short_name if spec is not None else snapshot.loss
            set_axis_label(self.getPlotItem(), "left", self.tr("Loss ({name})").format(name=short))
        self._redraw()

    def set_log_scale(self, on: bool) -> None:
        """Show the loss axis logarithmically (useful once the loss falls by decades)."""
        on = bool(on)
        if on == self._log:
            return
        self._log = on
        # Clean the data for the new mode first: pyqtgraph takes log10 of whatever it holds.
        self._redraw()
        self.getPlotItem().setLogMode(x=False, y=on)
        self._place_test_label()

    def log_scale(self) -> bool:
        """True if the loss axis is logarithmic."""
        return self._log

    def show_test_result(self, result: TestResult | None) -> None:
        """Mark the test loss at its epoch with a labelled star; ``None`` removes the marker."""
        self._test_result = result
        in_legend = any(sample.item is self.test_marker for sample, _ in self.legend.items)
        if result is None:
            self.test_marker.setData([], [])
            self.test_label.hide()
            if in_legend:
                self.legend.removeItem(self.test_marker)
            return
        loss = finite_or_nan(np.array([result.loss]), positive=self._log)
        self.test_marker.setData([float(result.epoch)], loss)
        if in_legend:
            self.legend.removeItem(self.test_marker)
        self.legend.addItem(self.test_marker, self.tr("test loss (epoch {epoch})").format(
            epoch=result.epoch))
        self._place_test_label()

    def clear_run(self) -> None:
        """Forget the run (after Reset): empty curves, no test marker."""
        self._epochs = self._train = self._dev = np.empty(0)
        self._redraw()
        self.show_test_result(None)
        self.getPlotItem().enableAutoRange()

    # ----------------------------------------------------------------- drawing
    def _redraw(self) -> None:
        # A single epoch is a line of length zero: show it as dots until the line has a length.
        dots = self._epochs.size == 1
        if dots != self._dots:
            self._dots = dots
            for curve, color in ((self.train_curve, TRAIN_COLOR), (self.dev_curve, DEV_COLOR)):
                curve.setSymbol("o" if dots else None)
                curve.setSymbolSize(9)
                curve.setSymbolBrush(pg.mkBrush(color))
                curve.setSymbolPen(None)
        self.train_curve.setData(self._epochs, finite_or_nan(self._train, positive=self._log))
        self.dev_curve.setData(self._epochs, finite_or_nan(self._dev, positive=self._log))
        if self._test_result is not None:
            loss = finite_or_nan(np.array([self._test_result.loss]), positive=self._log)
            self.test_marker.setData([float(self._test_result.epoch)], loss)

    def _place_test_label(self) -> None:
        result = self._test_result
        if result is None or not np.isfinite(result.loss) or (self._log and result.loss <= 0):
            self.test_label.hide()
            return
        # A TextItem is not log-mapped by the plot: give it the axis coordinate itself.
        y = np.log10(result.loss) if self._log else result.loss
        self.test_label.setPos(float(result.epoch), float(y))
        self.test_label.show()
