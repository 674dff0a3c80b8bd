"""The lecture's gradient-descent figure, drawn live for one parameter of the real network.

The x axis is the chosen weight, the y axis the training loss with every other weight fixed. On
the curve: the initial weight + loss, the current weight + loss with the gradient (slope) as a
tangent, the step −η·slope as an arrow to the new weight + loss, and the theoretical minimum,
with the lecture's own words in the legend.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Sequence

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QFont, QFontMetricsF
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QToolButton,
                               QVBoxLayout, QWidget)

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

from nnsim.core.landscape import GradientStepFigure
from nnsim.core.losses import LOSSES
from nnsim.core.snapshot import Snapshot
from nnsim.ui.landscape_geometry import landscape_y_range, step_end
from nnsim.ui.plot_style import (LEGEND_FONT_PT, TEXT_COLOR, apply_plot_style, finite_or_nan,
                                 set_axis_label, signed)

Array = NDArray[np.float64]

CURVE_COLOR = "#2c3e66"
INITIAL_COLOR = "#f08c00"
CURRENT_COLOR = "#d62728"
NEW_COLOR = "#1a9a3a"
MINIMUM_COLOR = "#7b3fb0"
TRAIL_RGB = (214, 39, 40)

# Legend layouts from most to least readable, the first that fits the width is used.
LEGEND_LAYOUTS = ((LEGEND_FONT_PT, 2), (LEGEND_FONT_PT - 2, 2), (LEGEND_FONT_PT - 4, 2),
                  (LEGEND_FONT_PT - 2, 1), (LEGEND_FONT_PT - 4, 1))
LEGEND_MAX_HEIGHT = 0.38  # share of the plot's height the legend may take: the curve needs room
LEGEND_ENTRIES = 6
RANGE_TOLERANCE = 0.02  # share of the shown span a range may drift before the view follows
ARROW_HEAD_PX = 18
ARROW_MIN_PX = 8  # steps shorter than this on screen get no arrow head
TRAIL_SHOWN = 300  # newest positions drawn (the session keeps about as many)
TANGENT_X_FRACTION = 0.12  # half-length of the tangent, as a share of the x range …
TANGENT_Y_FRACTION = 0.22  # … shortened so it never rises more than this share of the y range


_TRAIL_LEVELS = [pg.mkBrush(*TRAIL_RGB, int(a)) for a in np.linspace(40, 210, 8)]


def _font(points: int) -> QFont:
    font = QFont()
    font.setPointSize(points)
    return font


@lru_cache(maxsize=None)  # at most TRAIL_SHOWN lists: the trail's length is all that varies
def _trail_brushes(n: int) -> list[QBrush]:
    """Brushes for ``n`` trail dots, oldest faint, newest strong: the eye reads the direction.

    Eight shades, not one per dot: pyqtgraph renders every distinct brush into its symbol atlas,
    and 300 shades made each update re-render hundreds of symbols.
    """
    levels = np.linspace(0, len(_TRAIL_LEVELS) - 1, n).round().astype(int) if n > 1 else [-1]
    return [_TRAIL_LEVELS[i] for i in levels]


class LandscapePanel(QWidget):
    """The loss landscape of one parameter, a parameter chooser and a range control.

    Signals
    -------
    parameter_chosen(str) : the user picked a parameter in the combo box.
    range_requested(object) : ``(lo, hi)`` typed by the user, or None for an automatic range.
    """

    parameter_chosen = Signal(str)
    range_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("landscapePanel")
        self._names: tuple[str, ...] = ()
        self._figure: GradientStepFigure | None = None
        self._labelled: tuple[str, str] | None = None  # (parameter, loss) the axes are titled for

        self.param_combo = QComboBox(self)
        self.param_combo.setObjectName("landscapeParamCombo")
        self.param_combo.setToolTip(self.tr("The weight whose loss curve is shown"))
        self.param_combo.currentIndexChanged.connect(self._on_param_combo_index_changed)

        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setObjectName("landscapePlot")
        self._build_plot()
        self.plot.installEventFilter(self)

        self.min_spin = self._make_spin("landscapeMinSpin", self.tr("Lowest weight shown"))
        self.max_spin = self._make_spin("landscapeMaxSpin", self.tr("Highest weight shown"))
        self.auto_button = QToolButton(self)
        self.auto_button.setObjectName("landscapeAutoRange")
        self.auto_button.setText(self.tr("Auto"))
        self.auto_button.setCheckable(True)
        self.auto_button.setChecked(True)
        self.auto_button.setToolTip(self.tr("Choose the range around the current weight, the "
                                            "step and the minimum automatically"))
        self.auto_button.toggled.connect(self._on_auto_button_toggled)
        self.range_error = QLabel(self.tr("The range must go from low to high."), self)
        self.range_error.setObjectName("landscapeRangeError")
        self.range_error.setStyleSheet("color: #c0102a;")
        self.range_error.hide()

        # One row of controls under the plot: every pixel of height goes to the figure.
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Parameter"), self))
        bottom.addWidget(self.param_combo)
        bottom.addSpacing(12)
        bottom.addWidget(QLabel(self.tr("Range"), self))
        bottom.addWidget(self.min_spin)
        bottom.addWidget(QLabel("–", self))
        bottom.addWidget(self.max_spin)
        bottom.addWidget(self.auto_button)
        bottom.addWidget(self.range_error)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.plot, 1)
        layout.addLayout(bottom)

    # ----------------------------------------------------------------- construction
    def _make_spin(self, name: str, tip: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(-1e6, 1e6)  # a diverged run leaves weights in the hundreds of thousands
        spin.setDecimals(3)
        spin.setSingleStep(0.5)
        spin.setToolTip(tip)
        # Emit on Enter, focus loss or arrow clicks, not on every keystroke of "-12.5".
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(self._on_spin_value_changed)
        return spin

    def _build_plot(self) -> None:
        item = self.plot.getPlotItem()
        apply_plot_style(item)
        item.hideButtons()
        # The range follows the figure (and the range control), not the mouse: a drag would be
        # undone by the next snapshot a moment later.
        item.setMouseEnabled(x=False, y=False)
        item.setMenuEnabled(False)
        item.disableAutoRange()
        item.setClipToView(False)
        # The legend sits below the x axis, inside the plot item (so exports include it): inside
        # the view it would hide the very points it explains.
        self.legend = pg.LegendItem(offset=None, labelTextSize=f"{LEGEND_FONT_PT}pt",
                                    labelTextColor=TEXT_COLOR, colCount=2, verSpacing=-6)
        # pyqtgraph legends ignore transformations (a fixed size over a zoomable view); in the
        # layout that only makes it miss the scaling of a high-resolution export.
        self.legend.setFlag(self.legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
        item.layout.addItem(self.legend, 4, 0, 1, 3)
        item.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignHCenter)
        self._legend_fit: tuple[int, int] = (LEGEND_FONT_PT, 2)  # (points, columns) in use
        self._shown_range: tuple[tuple[float, float], tuple[float, float]] | None = None
        self._short_title = False

        def scatter(color: str, symbol: str = "o", size: int = 17) -> pg.PlotDataItem:
            marker = pg.PlotDataItem([], [], pen=None, symbol=symbol, symbolSize=size,
                                     symbolBrush=pg.mkBrush(color),
                                     symbolPen=pg.mkPen("#ffffff", width=2))
            marker.setZValue(20)
            item.addItem(marker)
            return marker

        self.curve = item.plot([], [], pen=pg.mkPen(CURVE_COLOR, width=4))
        self.trail = pg.ScatterPlotItem([], [], size=8, pen=None)
        self.trail.setZValue(5)
        item.addItem(self.trail)
        self.tangent = item.plot([], [], pen=pg.mkPen(CURRENT_COLOR, width=3,
                                                      style=Qt.PenStyle.DashLine))
        self.tangent.setZValue(15)
        self.step_line = item.plot([], [], pen=pg.mkPen(NEW_COLOR, width=3))
        self.step_line.setZValue(16)
        self.step_head = pg.ArrowItem(angle=0, headLen=ARROW_HEAD_PX, tipAngle=36, tailLen=0,
                                      pen=pg.mkPen(NEW_COLOR), brush=pg.mkBrush(NEW_COLOR))
        self.step_head.setZValue(17)
        self.step_head.hide()
        item.addItem(self.step_head, ignoreBounds=True)
        # A hollow square on top of everything: at epoch 0 it frames the current point instead
        # of hiding under it.
        self.initial_marker = pg.PlotDataItem([], [], pen=None, symbol="s", symbolSize=26,
                                              symbolBrush=None,
                                              symbolPen=pg.mkPen(INITIAL_COLOR, width=3))
        self.initial_marker.setZValue(23)
        item.addItem(self.initial_marker)
        # The run started on a different curve (the other weights have moved since): its loss
        # may lie far above this view, so say where it went instead of squeezing the curve.
        self.initial_offview = pg.TextItem("", color=INITIAL_COLOR, anchor=(0.5, 0.0),
                                           fill=pg.mkBrush(255, 255, 255, 200))
        font = _font(LEGEND_FONT_PT - 1)
        font.setBold(True)
        self.initial_offview.setFont(font)
        self.initial_offview.setZValue(22)
        self.initial_offview.hide()
        item.addItem(self.initial_offview, ignoreBounds=True)
        self.minimum_marker = scatter(MINIMUM_COLOR, "t1", 19)
        # The new point is drawn smaller and on top: after a small step it sits inside the
        # current point's ring instead of vanishing behind it.
        self.current_marker = scatter(CURRENT_COLOR, "o", 22)
        self.new_marker = scatter(NEW_COLOR, "o", 12)
        self.new_marker.setZValue(21)
        self.curve.setObjectName("landscapeCurve")
        self.trail.setObjectName("landscapeTrail")
        self.tangent.setObjectName("landscapeTangent")
        self.step_line.setObjectName("landscapeStep")
        self.initial_marker.setObjectName("landscapeInitial")
        self.current_marker.setObjectName("landscapeCurrent")
        self.new_marker.setObjectName("landscapeNew")
        self.minimum_marker.setObjectName("landscapeMinimum")
        for part in (self.initial_marker, self.current_marker, self.tangent, self.step_line,
                     self.new_marker, self.minimum_marker):
            self.legend.addItem(part, "")
        self.legend.hide()  # until there is a figure to explain
        # The arrow head is drawn in pixels: re-aim it whenever the data-to-pixel mapping changes.
        item.getViewBox().sigResized.connect(self._on_view_changed)
        item.getViewBox().sigRangeChanged.connect(self._on_view_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The plot's own resize, not the panel's: the panel's layout sizes the plot afterwards.
        if watched is self.plot and event.type() == QEvent.Type.Resize:
            self._fit_to_width()
        return super().eventFilter(watched, event)

    def _fit_to_width(self) -> None:
        """The most readable legend layout and title that fit: pyqtgraph never shrinks text, and
        a text wider than the plot pushes the plot's right edge off-screen.

        Widths are measured on the longest texts the numbers usually produce, so the layout does
        not flip back and forth while the slope changes during a run.
        """
        available = self.plot.width() - 20
        available_height = LEGEND_MAX_HEIGHT * self.plot.height()
        columns_text = ((self.tr("Gradient (slope) = {slope}").format(slope="−0.0888"),
                         self.tr("Initial weight + loss")),
                        (self.tr("step = −η·slope = {step}").format(step="−0.0888"),
                         self.tr("Current weight + loss")))
        fitting_width = []
        for points, columns in LEGEND_LAYOUTS:
            metrics = QFontMetricsF(_font(points))
            widths = [max(metrics.horizontalAdvance(t) for t in texts) + 35  # + the sample
                      for texts in columns_text]
            if (sum(widths) if columns == 2 else max(widths)) > available:
                continue
            fitting_width.append((points, columns))
            rows = -(-LEGEND_ENTRIES // columns)
            if rows * metrics.height() * 1.35 <= available_height:
                break
        else:
            # Nothing fits both ways: the widest-fitting readable layout, or the smallest one.
            points, columns = fitting_width[0] if fitting_width else LEGEND_LAYOUTS[-1]
        if (points, columns) != self._legend_fit:
            self._legend_fit = (points, columns)
            self.legend.setLabelTextSize(f"{points}pt")
            for _, label in self.legend.items:
                label.setText(label.text)  # a new size takes effect on the next setText
            self.legend.setColumnCount(columns)
        title = self._title_text(self._labelled[0] if self._labelled else "w12", short=False)
        short = QFontMetricsF(_font(LEGEND_FONT_PT)).horizontalAdvance(title) > available - 20
        if short != self._short_title:
            self._short_title = short
            if self._labelled is not None:
                labelled, self._labelled = self._labelled, None
                self._label_axes(*labelled)

    def _title_text(self, name: str, short: bool) -> str:
        if short:
            return self.tr("Loss against {name} (others fixed)").format(name=name)
        return self.tr("Training loss against {name} (all other weights fixed)").format(name=name)

    # ----------------------------------------------------------------- public API
    def set_parameter_names(self, names: Sequence[str]) -> None:
        """Offer ``names`` in the combo box, keeping the current choice if it still exists."""
        names = tuple(names)
        if names == self._names:
            return
        self._names = names
        current = self.param_combo.currentText()
        with QSignalBlocker(self.param_combo):
            self.param_combo.clear()
            self.param_combo.addItems(list(names))
            if current in names:
                self.param_combo.setCurrentIndex(names.index(current))

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Follow ``snapshot.selected`` (without emitting) and draw ``snapshot.figure``."""
        self.set_parameter_names(snapshot.names)
        if snapshot.selected in self._names:
            with QSignalBlocker(self.param_combo):
                self.param_combo.setCurrentIndex(self._names.index(snapshot.selected))
        self._draw(snapshot)

    # ----------------------------------------------------------------- drawing
    def _draw(self, snapshot: Snapshot) -> None:
        figure = snapshot.figure
        self._figure = figure
        if figure is None:
            for part in (self.curve, self.tangent, self.step_line, self.initial_marker,
                         self.current_marker, self.new_marker, self.minimum_marker):
                part.setData([], [])
            self.trail.setData([], [])
            self.step_head.hide()
            self.initial_offview.hide()
            self.legend.hide()
            return
        self.legend.show()
        self._label_axes(figure.name, snapshot.loss)

        self.curve.setData(figure.values, finite_or_nan(figure.losses))
        x_lo, x_hi = float(figure.values[0]), float(figure.values[-1])
        y_range = landscape_y_range(figure, extra=[(snapshot.start_value, snapshot.start_loss)])
        if y_range is not None:
            self._set_range((x_lo, x_hi), y_range)
        y_span = (y_range[1] - y_range[0]) if y_range else 1.0

        self.initial_marker.setData([snapshot.start_value], [snapshot.start_loss])
        self._place_initial_offview(snapshot.start_value, snapshot.start_loss, (x_lo, x_hi),
                                    y_range)
        self.current_marker.setData([figure.current_value], [figure.current_loss])
        self.new_marker.setData([figure.new_value], [figure.new_loss])
        self.minimum_marker.setData([figure.minimum_value], [figure.minimum_loss])

        # A tangent long enough to read its tilt, short enough to stay near the point.
        half = TANGENT_X_FRACTION * (x_hi - x_lo)
        if figure.slope != 0 and math.isfinite(figure.slope):
            half = min(half, TANGENT_Y_FRACTION * y_span / abs(figure.slope))
        cx, cy = figure.current_value, figure.current_loss
        self.tangent.setData([cx - half, cx + half],
                             [cy - figure.slope * half, cy + figure.slope * half])
        end_x, end_y = step_end(figure)
        self.step_line.setData([cx, end_x], [cy, end_y])
        self._place_arrow_head()
        self._draw_trail(snapshot.trail_values, snapshot.trail_losses)

        at_edge = figure.minimum_at_edge
        minimum_text = (self.tr("Lowest point in view") if at_edge
                        else self.tr("Theoretical minimum"))
        labels = {
            self.initial_marker: self.tr("Initial weight + loss"),
            self.current_marker: self.tr("Current weight + loss"),
            self.tangent: self.tr("Gradient (slope) = {slope}").format(
                slope=signed(figure.slope)),
            self.step_line: self.tr("step = −η·slope = {step}").format(step=signed(figure.step)),
            self.new_marker: self.tr("New weight + loss"),
            self.minimum_marker: minimum_text,
        }
        for sample, label in self.legend.items:
            text = labels.get(sample.item)
            if text is not None and label.text != text:
                label.setText(text)
        if self.auto_button.isChecked():
            self._show_range_in_spins(x_lo, x_hi)

    def _set_range(self, x_range: tuple[float, float], y_range: tuple[float, float]) -> None:
        """Move the view only when the range changed visibly: a new range re-lays out both axes,
        the costliest part of a redraw, and a 1 % drift is not worth it 15 times a second."""
        shown = self._shown_range
        if shown is not None and all(
                abs(new - old) <= RANGE_TOLERANCE * (old_hi - old_lo)
                for (old_lo, old_hi), pair in zip(shown, (x_range, y_range))
                for old, new in zip((old_lo, old_hi), pair)):
            return
        self._shown_range = (x_range, y_range)
        self.plot.getPlotItem().setRange(xRange=x_range, yRange=y_range, padding=0.02)

    def _label_axes(self, name: str, loss: str) -> None:
        # Setting a label re-lays out the plot: do it when the text changes, not 30 times a second.
        if (name, loss) == self._labelled:
            return
        self._labelled = (name, loss)
        item = self.plot.getPlotItem()
        kind = self.tr("Bias") if name.startswith("b") else self.tr("Weight")
        item.setTitle(self._title_text(name, self._short_title), size=f"{LEGEND_FONT_PT}pt",
                      color=TEXT_COLOR)
        set_axis_label(item, "bottom", f"{kind} {name}")
        spec = LOSSES.get(loss)
        set_axis_label(item, "left", self.tr("Loss ({name})").format(
            name=spec.short_name if spec else loss))

    def _place_initial_offview(self, value: float, loss: float, x_range: tuple[float, float],
                               y_range: tuple[float, float] | None) -> None:
        if y_range is None or not (math.isfinite(loss) and math.isfinite(value)):
            self.initial_offview.hide()
            return
        (x_lo, x_hi), (y_lo, y_hi) = x_range, y_range
        arrows = ("←" if value < x_lo else "→" if value > x_hi else "") + (
            "↑" if loss > y_hi else "↓" if loss < y_lo else "")
        if not arrows:
            self.initial_offview.hide()
            return
        self.initial_offview.setText(self.tr("{arrows} initial ({value}, {loss})").format(
            arrows=arrows, value=signed(value), loss=signed(loss)))
        x, y = min(max(value, x_lo), x_hi), min(max(loss, y_lo), y_hi)
        # Anchor the text on the side facing into the view, so it is never cut off.
        where = (x - x_lo) / max(x_hi - x_lo, 1e-300)
        anchor_x = 0.0 if where < 0.25 else 1.0 if where > 0.75 else 0.5
        anchor_y = 0.0 if loss > y_hi else 1.0 if loss < y_lo else 0.5
        self.initial_offview.setAnchor((anchor_x, anchor_y))
        self.initial_offview.setPos(x, y)
        self.initial_offview.show()

    def _draw_trail(self, values: Array, losses: Array) -> None:
        values = np.asarray(values, dtype=np.float64)[-TRAIL_SHOWN:]
        losses = finite_or_nan(np.asarray(losses, dtype=np.float64)[-TRAIL_SHOWN:])
        n = values.size
        if n == 0:
            self.trail.setData([], [])
            return
        self.trail.setData(values, losses, brush=_trail_brushes(n), size=8, pen=None)

    def _place_arrow_head(self) -> None:
        """Point the arrow head along the step as it appears on screen (axes scale differently)."""
        figure = self._figure
        if figure is None or figure.step == 0 or not math.isfinite(figure.new_loss):
            self.step_head.hide()
            return
        view = self.plot.getPlotItem().getViewBox()
        start = view.mapViewToDevice(pg.Point(figure.current_value, figure.current_loss))
        end_x, end_y = step_end(figure)
        end = view.mapViewToDevice(pg.Point(end_x, end_y))
        if start is None or end is None:
            self.step_head.hide()
            return
        dx, dy = end.x() - start.x(), end.y() - start.y()
        length = math.hypot(dx, dy)
        if length < ARROW_MIN_PX:
            # A head longer than the step would stick out behind the current point, pointing the
            # wrong way at a glance; the small green dot inside the red one tells the story.
            self.step_head.hide()
            return
        # ArrowItem's angle 0 points left (the tip at the item's position, the tail to the right).
        self.step_head.setStyle(angle=math.degrees(math.atan2(dy, dx)) + 180.0,
                                headLen=min(ARROW_HEAD_PX, length))
        self.step_head.setPos(end_x, end_y)
        self.step_head.show()

    @Slot()
    def _on_view_changed(self, *_args: object) -> None:
        self._place_arrow_head()

    # ----------------------------------------------------------------- range control
    def _show_range_in_spins(self, lo: float, hi: float) -> None:
        for spin, value in ((self.min_spin, lo), (self.max_spin, hi)):
            if spin.value() != round(value, spin.decimals()) and not spin.hasFocus():
                with QSignalBlocker(spin):
                    spin.setValue(value)

    @Slot(int)
    def _on_param_combo_index_changed(self, index: int) -> None:
        if 0 <= index < len(self._names):
            self.parameter_chosen.emit(self._names[index])

    @Slot(float)
    def _on_spin_value_changed(self, _value: float) -> None:
        lo, hi = self.min_spin.value(), self.max_spin.value()
        if not lo < hi:
            self.range_error.show()
            return
        self.range_error.hide()
        with QSignalBlocker(self.auto_button):
            self.auto_button.setChecked(False)
        self.range_requested.emit((lo, hi))

    @Slot(bool)
    def _on_auto_button_toggled(self, on: bool) -> None:
        if on:
            self.range_error.hide()
            self.range_requested.emit(None)
            return
        # Leaving Auto freezes the range currently shown, so the curve stops moving under the eye.
        lo, hi = self.min_spin.value(), self.max_spin.value()
        if lo < hi:
            self.range_requested.emit((lo, hi))
