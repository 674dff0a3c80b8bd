"""The loss per epoch: training and development curves, and the one-off test result.

The test columns of the history are never drawn. The lecture keeps the test set sealed until the
end, so the only test point shown is the one the user asked for with "Evaluate on test set"
(:meth:`LossPlot.show_test_result`).

The legend sits in a row above the plot, never over the curves (which may rise again: a dev loss
that overfits, a run that diverges), and the x axis starts at epoch 0 with whole epochs only.
A dashed line marks the epoch with the lowest development loss so far: where a run that overfits
should have stopped (the development set's job is to show that, and to tune hyperparameters).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QWidget

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

from nnsim.core.losses import LOSSES
from nnsim.core.snapshot import Snapshot, TestResult
from nnsim.ui import numbers
from nnsim.ui.landscape_geometry import from_pixels, point_obstacles, polyline_samples, to_pixels
from nnsim.ui.plot_style import (LEGEND_PX, MARK_PX, NOTE_PX, LookControls, PlotLook,
                                 finite_or_nan, legible_axes, pad_range, place_texts,
                                 set_axis_label, style_axes)
from nnsim.ui.curve_points import lowest_finite, peak_reduce  # noqa: F401 - re-exported
from nnsim.ui.run_overlay import LossRunOverlay

Array = NDArray[np.float64]

# (normal, high contrast): darker and more saturated for a washed-out projector.
TRAIN_COLOR = ("#1f4e9c", "#0026b3")
DEV_COLOR = ("#e07b00", "#d45500")
TEST_COLOR = ("#c0102a", "#e00000")
TEST_SIZE = 26  # the star, in pixels at zoom 1
EDGE_MARGIN_PX = 16  # the newest epoch's star is drawn whole, not cut by the right edge
BEST_GAP_PX = 6  # between the lowest-dev-loss line and its label
BEST_INSET_PX = 4  # between that label and the view's border
CURVE_WEIGHT = 30.0  # what covering a bit of a curve costs the label (a marker: 300)


class LossPlot(LookControls, pg.PlotWidget):
    """Training and development loss per epoch, with an optional test-set marker.

    Items are created once and refreshed with ``setData`` (up to 15 times a second during a run).
    The x axis follows the run (from epoch 0 to the newest) until the user pans or zooms; Reset
    (:meth:`clear_run`) makes it follow again.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w", axisItems=legible_axes(integer_x=True))
        self.setObjectName("lossPlot")
        self._log = False
        self._epochs: Array = np.empty(0)
        self._train: Array = np.empty(0)
        self._dev: Array = np.empty(0)
        self._test_result: TestResult | None = None
        self._loss_name = ""
        self._dots = False
        self._look = PlotLook()
        self._follow = True  # the x range follows the run until the user moves the view
        self._x_shown: tuple[float, float] | None = None
        self._legend_fit: tuple[int, int] | None = None  # (columns, row height) in use
        self._best: tuple[int, float] | None = None  # (epoch, dev loss) of the lowest dev loss
        self._best_words: tuple[str, ...] = ("",)

        item = self.getPlotItem()
        set_axis_label(item, "bottom", self.tr("Epoch"))
        set_axis_label(item, "left", self.tr("Loss"))
        # A million-epoch run keeps thousands of points: draw only what is visible, peak-reduced.
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        item.hideButtons()
        item.disableAutoRange(axis="x")
        item.enableAutoRange(axis="y")
        # An invisible point at loss 0 keeps 0 in the linear axis: a loss that barely moves
        # (η too low) looks flat, as it is, instead of a steep fall over a stretched axis.
        # (A scatter point of no size: pyqtgraph counts its bounds, a pen-less curve has none.)
        self.zero_anchor = pg.ScatterPlotItem([0.0], [0.0], size=0, pen=None, brush=None)
        self.zero_anchor.setObjectName("lossZeroAnchor")
        item.addItem(self.zero_anchor)
        item.getViewBox().sigRangeChangedManually.connect(self._on_range_changed_manually)
        item.getViewBox().sigResized.connect(self._on_view_resized)

        # The legend takes the title's row: above the curves, never over them. The plot's name
        # is in the dock's title already.
        item.layout.removeItem(item.titleLabel)
        item.titleLabel.hide()
        self.legend = pg.LegendItem(offset=None, verSpacing=-4, horSpacing=6)
        self.legend.layout.setContentsMargins(4, 0, 4, 0)  # pyqtgraph's 9 px: height lost
        self.legend.setObjectName("lossLegend")
        # pyqtgraph legends ignore transformations; in the layout that would only make a 2×
        # PNG export keep them small.
        self.legend.setFlag(self.legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
        item.layout.addItem(self.legend, 0, 1)
        item.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignCenter)
        item.legend = self.legend  # where pyqtgraph's own addLegend would keep it

        self.train_curve = item.plot([], [])
        self.train_curve.setObjectName("lossTrainCurve")
        self.dev_curve = item.plot([], [])
        self.dev_curve.setObjectName("lossDevCurve")
        # Full words alone; short ones beside pinned runs, so the legend stays a row or two.
        self._current_words = ((self.tr("training loss"), self.tr("training")),
                               (self.tr("development loss"), self.tr("dev")))
        self.legend.addItem(self.train_curve, self._current_words[0][0])
        self.legend.addItem(self.dev_curve, self._current_words[1][0])
        self.legend.setToolTip(self._legend_tip(False))
        # The test marker is labelled right beside it, not in the legend: the legend stays one row.
        self.test_marker = pg.PlotDataItem([], [], pen=None, symbol="star")
        self.test_marker.setObjectName("lossTestMarker")
        self.test_marker.setZValue(10)
        item.addItem(self.test_marker)
        # Above and left of the star: it usually sits at the newest epoch (the right edge), where
        # the falling curves are lowest.
        self.test_label = pg.TextItem(self.tr("test loss"), anchor=(0.9, 1.15),
                                      fill=pg.mkBrush(255, 255, 255, 200))
        self.test_label.setObjectName("lossTestLabel")
        self.test_label.setZValue(10)
        self.test_label.hide()
        item.addItem(self.test_label, ignoreBounds=True)
        # The lowest development loss so far: a line at its epoch, labelled where it covers least.
        self.best_line = pg.InfiniteLine(angle=90, movable=False)
        self.best_line.setObjectName("lossBestDevLine")
        self.best_line.setZValue(-1)  # under the curves: it never hides their lowest point
        self.best_line.hide()
        item.addItem(self.best_line, ignoreBounds=True)
        self.best_label = pg.TextItem("", fill=pg.mkBrush(255, 255, 255, 210))
        self.best_label.setObjectName("lossBestDevLabel")
        self.best_label.setZValue(9)
        self.best_label.hide()
        item.addItem(self.best_label, ignoreBounds=True)
        # The label is placed in pixels: again whenever the view's range changes (autorange).
        item.getViewBox().sigRangeChanged.connect(self._place_best_label)
        # Pinned runs (the Runs list, Compare learning rates): their own colours and entries.
        self.runs_overlay = LossRunOverlay(item, self.legend)
        self._apply_look()
        self._follow_run()

    # ----------------------------------------------------------------- look
    def _apply_look(self) -> None:
        """Fonts, line widths and colours from the current look (zoom and contrast)."""
        look, item = self._look, self.getPlotItem()
        style_axes(item, look)
        self.train_curve.setPen(pg.mkPen(look.color(TRAIN_COLOR), width=look.width(3)))
        self.dev_curve.setPen(pg.mkPen(look.color(DEV_COLOR), width=look.width(3),
                                       style=Qt.PenStyle.DashLine))
        self._set_dots(self._dots, force=True)  # their colour and size
        test = look.color(TEST_COLOR)
        self.test_marker.setSymbolSize(look.px(TEST_SIZE))
        self.test_marker.setSymbolBrush(pg.mkBrush(test))
        self.test_marker.setSymbolPen(pg.mkPen("#ffffff", width=look.width(1)))
        self.test_label.setFont(look.font(MARK_PX, bold=True))
        self.test_label.setColor(test)
        dev = look.color(DEV_COLOR)
        self.best_line.setPen(pg.mkPen(dev, width=look.width(1.5), style=Qt.PenStyle.DashLine))
        self.best_label.setFont(look.font(NOTE_PX))
        self.best_label.setColor(dev)
        self.runs_overlay.set_look(look)
        self.legend.setLabelTextSize(f"{look.px(LEGEND_PX)}px")
        self.legend.setLabelTextColor(look.text)
        for _, label in self.legend.items:
            label.setText(label.text)  # a new size takes effect on the next setText
        self._legend_fit = None
        self._fit_legend()
        self._x_shown = None
        self._follow_run()
        self._place_best_label()

    def _fit_legend(self) -> None:
        """As many legend columns as fit the width (all entries in one row if they can), and a
        legend row exactly as high as its lines: a legend wider than the widget would push the
        plot's right end off-screen."""
        spacing = self.legend.layout.horizontalSpacing()
        # Each entry: its line sample, its text as drawn (margins included), the gaps between.
        widths = [20 + label.item.boundingRect().width() + 2 * spacing
                  for _, label in self.legend.items]
        available = self.width() - self.getPlotItem().getAxis("left").width() - 24
        columns = max(1, len(widths))
        # Row-major: column j holds entries j, j + columns, …; it is as wide as its widest.
        while columns > 1 and sum(max(widths[j::columns]) for j in range(columns)) > available:
            columns -= 1
        heights = [label.item.boundingRect().height() for _, label in self.legend.items]
        row = math.ceil(max(heights + [20.0]))
        if (columns, row) == self._legend_fit:
            return
        self._legend_fit = (columns, row)
        self.legend.setColumnCount(columns)
        rows = math.ceil(len(widths) / columns) if widths else 1
        # pyqtgraph would give the title row a fixed 30 px: fit it to the legend's lines.
        self.getPlotItem().layout.setRowFixedHeight(0, rows * row + 2)
        # The plot was laid out for the old legend, perhaps wider than the widget (a one-row
        # legend's minimum, e.g. the longer German names): lay it out again for the widget.
        self.getPlotItem().setGeometry(self.range)

    # ----------------------------------------------------------------- public API
    # set_zoom(factor), set_high_contrast(on), zoom(), high_contrast(), tick_font_pixel_size()
    # come from LookControls.
    def _styled_item(self) -> pg.PlotItem:
        return self.getPlotItem()

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
            set_axis_label(self.getPlotItem(), "left",
                           self.tr("Loss (%1)").replace("%1", short), self._look)
        self._redraw()

    def show_runs(self, snapshot: Snapshot) -> None:
        """Overlay the pinned runs of ``snapshot.runs``, named by what differs among them and
        the current settings; unpinned runs disappear."""
        if self.runs_overlay.show(snapshot.runs, snapshot.settings):
            short = bool(self.runs_overlay.curves)
            for (_, label), words in zip(self.legend.items[:2], self._current_words):
                label.setText(words[1] if short else words[0])
            self.legend.setToolTip(self._legend_tip(short))
            self._apply_look()  # the new legend entries' font; the legend's columns; the range

    def _legend_tip(self, runs_pinned: bool) -> str:
        tip = self.tr("Training loss: what gradient descent lowers. Development loss: the same "
                      "on data it never trains on.")
        if runs_pinned:
            tip += "\n" + self.tr("Blue and orange: the current run. Each other colour: a "
                                  "pinned run, named by what it did differently; its training "
                                  "loss solid, its development loss dashed.")
        return tip

    def overlay_names(self) -> list[str]:
        """The legend names of the pinned runs shown (e.g. ``["η = 0.05", "η = 0.5"]``)."""
        return self.runs_overlay.names()

    def set_log_scale(self, on: bool) -> None:
        """Show the loss axis logarithmically (useful once the loss falls by decades)."""
        on = bool(on)
        if on == self._log:
            return
        self._log = on
        # Clean the data for the new mode first: pyqtgraph takes log10 of whatever it holds.
        self.zero_anchor.setData([], []) if on else self.zero_anchor.setData([0.0], [0.0])
        self.runs_overlay.set_log(on)
        self._redraw()
        self.getPlotItem().setLogMode(x=False, y=on)
        self._place_test_label()
        self._place_best_label()

    def log_scale(self) -> bool:
        """True if the loss axis is logarithmic."""
        return self._log

    def best_dev_epoch(self) -> int | None:
        """The epoch marked as the lowest development loss so far (None: no marker)."""
        return self._best[0] if self._best is not None else None

    def show_test_result(self, result: TestResult | None) -> None:
        """Mark the test loss at its epoch with a labelled star; ``None`` removes the marker."""
        self._test_result = result
        if result is None:
            self.test_marker.setData([], [])
            self.test_label.hide()
        else:
            loss = finite_or_nan(np.array([result.loss]), positive=self._log)
            self.test_marker.setData([float(result.epoch)], loss)
            self.test_label.setToolTip(self.tr("Test loss %1 at epoch %2").replace(
                "%1", numbers.significant(result.loss)).replace("%2", str(result.epoch)))
            self._place_test_label()
        self._follow_run()
        self._place_best_label()  # the test label is in its way

    def clear_run(self) -> None:
        """Forget the run (after Reset): empty curves, no test marker, and the axes follow the
        new run from epoch 0 again (the old run's range is forgotten)."""
        self._epochs = self._train = self._dev = np.empty(0)
        self._follow = True
        self._x_shown = None
        self._redraw()
        self.show_test_result(None)
        self.getPlotItem().enableAutoRange(axis="y")

    # ----------------------------------------------------------------- drawing
    def _set_dots(self, dots: bool, force: bool = False) -> None:
        # A single epoch is a line of length zero: show it as dots until the line has a length.
        if dots == self._dots and not force:
            return
        self._dots = dots
        for curve, color in ((self.train_curve, TRAIN_COLOR), (self.dev_curve, DEV_COLOR)):
            curve.setSymbol("o" if dots else None)
            curve.setSymbolSize(self._look.px(9))
            curve.setSymbolBrush(pg.mkBrush(self._look.color(color)))
            curve.setSymbolPen(None)

    def _redraw(self) -> None:
        self._set_dots(self._epochs.size == 1)
        self.train_curve.setData(self._epochs, finite_or_nan(self._train, positive=self._log))
        self.dev_curve.setData(self._epochs, finite_or_nan(self._dev, positive=self._log))
        if self._test_result is not None:
            loss = finite_or_nan(np.array([self._test_result.loss]), positive=self._log)
            self.test_marker.setData([float(self._test_result.epoch)], loss)
        self._update_best()
        self._follow_run()

    def _follow_run(self) -> None:
        """Epoch 0 to the newest epoch (at least 1: never ticks at 0.2 on a one-point plot),
        with room for the markers at both ends; left alone once the user moved the view."""
        if not self._follow:
            return
        last = float(np.nanmax(self._epochs)) if self._epochs.size else 0.0
        last = max(last, self.runs_overlay.last_epoch())
        if self._test_result is not None:
            last = max(last, float(self._test_result.epoch))
        width = self.getPlotItem().getViewBox().width()
        shown = pad_range(0.0, max(last, 1.0), width, self._look.px(EDGE_MARGIN_PX))
        if shown != self._x_shown:
            self._x_shown = shown
            self.getPlotItem().setXRange(*shown, padding=0.0)

    def _place_test_label(self) -> None:
        result = self._test_result
        if result is None or not np.isfinite(result.loss) or (self._log and result.loss <= 0):
            self.test_label.hide()
            return
        # A TextItem is not log-mapped by the plot: give it the axis coordinate itself.
        y = np.log10(result.loss) if self._log else result.loss
        self.test_label.setPos(float(result.epoch), float(y))
        self.test_label.show()

    def _update_best(self) -> None:
        """Move the lowest-dev-loss line to the history's argmin (hidden without one)."""
        best = lowest_finite(self._epochs, self._dev)
        if best != self._best:
            self._best = best
            self.best_line.setVisible(best is not None)
            if best is not None:
                epoch, loss = best
                value = numbers.significant(loss, 3)
                self._best_words = (
                    self.tr("lowest dev loss %1 (epoch %2)").replace("%1", value).replace(
                        "%2", str(epoch)),
                    self.tr("lowest dev loss %1").replace("%1", value),
                    self.tr("min dev %1").replace("%1", value))
                self.best_line.setPos(float(epoch))
                tip = self.tr("%1\nThe epoch with the lowest development loss so far. If "
                              "the development loss rises after it while the training loss "
                              "still falls, the network is overfitting: these weights "
                              "generalise best.").replace("%1", self._best_words[0])
                self.best_line.setToolTip(tip)
                self.best_label.setToolTip(tip)
        self._place_best_label()

    def _shown_y(self, values: Array) -> Array:
        """Loss values as the axis holds them (log10 on a log scale; NaN where not drawn)."""
        y = finite_or_nan(values, positive=self._log)
        return np.log10(y) if self._log else y

    def _place_best_label(self, *_args: object) -> None:
        """Put the label beside the line where it covers the least of the curves and the test
        marker, wholly inside the view (against the far border if neither side has room)."""
        view_box = self.getPlotItem().getViewBox()
        rect = (0.0, 0.0, float(view_box.width()), float(view_box.height()))
        if self._best is None or min(rect[2:]) < 2:
            self.best_label.hide()
            return
        x_range, y_range = view_box.viewRange()

        def pixels(xs: Array, ys: Array) -> Array:
            return np.column_stack(to_pixels(xs, ys, x_range, y_range, rect))

        look, (epoch, loss) = self._look, self._best
        bins = max(int(rect[2]), 1)  # about one run of points per pixel column
        curves = [polyline_samples(*pixels(*peak_reduce(self._epochs, self._shown_y(v),
                                                        bins)).T, rect)
                  for v in (self._train, self._dev)]
        curves += [polyline_samples(*pixels(*peak_reduce(x, self._shown_y(y), bins)).T, rect)
                   for x, y in self.runs_overlay.drawn()]  # the pinned runs' curves too
        obstacles = [point_obstacles(c, 2.0, CURVE_WEIGHT) for c in curves]
        # The lowest point itself, and the test star and its label, must stay readable.
        obstacles.append(point_obstacles(pixels([epoch], self._shown_y(np.array([loss]))),
                                         look.px(10), 300.0))
        if self.test_label.isVisible():
            box = view_box.mapFromScene(self.test_label.sceneBoundingRect()).boundingRect()
            obstacles.append([[box.left(), box.top(), box.right(), box.bottom(), 300.0]])
            x, y = self.test_marker.getData()
            if x is not None and len(x):
                obstacles.append(point_obstacles(pixels(x, y), look.px(TEST_SIZE) / 2, 300.0))
        line_x = float(pixels([epoch], [y_range[0]])[0, 0])
        gap, inset = look.px(BEST_GAP_PX), look.px(BEST_INSET_PX)
        left, top, right, bottom = rect
        rows = [(top + inset, 0.0)] + [(top + f * (bottom - top), 0.5) for f in (0.3, 0.5, 0.7)]
        rows.append((bottom - inset, 1.0))
        candidates = [c for y, ay in rows for c in ((line_x + gap, y, 0.0, ay),
                                                    (line_x - gap, y, 1.0, ay))]
        # Against a border: may cover the line, but never cut off by the view's edge.
        candidates += [c for y, ay in rows for c in ((left + inset, y, 0.0, ay, 10.0),
                                                     (right - inset, y, 1.0, ay, 10.0))]
        place_texts({"best": self.best_label}, [("best", candidates)], rect,
                    np.vstack(obstacles), lambda x, y: from_pixels(x, y, x_range, y_range, rect),
                    {"best": self._best_words}, always=("best",))

    @Slot(object)
    def _on_view_resized(self, *_args: object) -> None:
        self._fit_legend()  # the widget's width changed (the view's follows it)
        self._x_shown = None  # the margin for the markers is in pixels
        self._follow_run()
        self._place_best_label()

    @Slot(object)
    def _on_range_changed_manually(self, *_args: object) -> None:
        self._follow = False  # the user looks at a part of the run: do not pull the view away
