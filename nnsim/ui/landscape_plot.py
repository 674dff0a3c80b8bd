"""The lecture's gradient-descent figure, drawn live for one parameter of the real network.

The x axis is the chosen weight, the y axis the training loss with every other weight fixed. On
the curve: the initial weight + loss, the current weight + loss with the gradient (slope) as a
tangent, the step −η·slope as an arrow to the new weight + loss, and the theoretical minimum,
with the lecture's own words in the legend ("theoretical" only if nothing lower lies beyond the
view; else a note says which way the loss goes lower), and on large data the rows it used.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Sequence

import numpy as np
from numpy.typing import ArrayLike
from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QFont, QFontMetricsF
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QToolButton,
                               QVBoxLayout, QWidget)

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

from nnsim.core.landscape import GradientStepFigure
from nnsim.core.losses import LOSSES
from nnsim.core.session import TRAIL_LENGTH
from nnsim.core.snapshot import Snapshot
from nnsim.ui.landscape_geometry import (arrow_on_screen, corner, landscape_y_range,
                                         legend_layout, offview_note, range_moved, shade_levels,
                                         step_end, tangent_segment)
from nnsim.ui.plot_style import (LEGEND_FONT_PT, TEXT_COLOR, apply_plot_style, finite_or_nan,
                                 set_axis_label, signed)

CURVE_COLOR = "#2c3e66"
INITIAL_COLOR = "#f08c00"
CURRENT_COLOR = "#d62728"
NEW_COLOR = "#1a9a3a"
MINIMUM_COLOR = "#7b3fb0"
NOTE_COLOR = "#555555"
TRAIL_RGB = (214, 39, 40)

# Legend layouts from most to least readable, the first that fits the width is used.
LEGEND_LAYOUTS = ((LEGEND_FONT_PT, 2), (LEGEND_FONT_PT - 2, 2), (LEGEND_FONT_PT - 4, 2),
                  (LEGEND_FONT_PT - 2, 1), (LEGEND_FONT_PT - 4, 1))
LEGEND_MAX_HEIGHT = 0.38  # share of the plot's height the legend may take: the curve needs room
LEGEND_ENTRIES = 6
ARROW_HEAD_PX = 18
# Newest positions drawn: as many as the session keeps (one home for the number).
TRAIL_SHOWN = TRAIL_LENGTH


_TRAIL_LEVELS = [pg.mkBrush(*TRAIL_RGB, int(a)) for a in np.linspace(40, 210, 8)]


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


def _note(item: pg.PlotItem, color: str, bold: bool, name: str) -> pg.TextItem:
    """A text in the view on a half-transparent background, hidden until there is something
    to say (it says where things lie, so it is not part of the axes' range)."""
    note = pg.TextItem("", color=color, anchor=(0.5, 0.0), fill=pg.mkBrush(255, 255, 255, 200))
    note.setFont(_font(LEGEND_FONT_PT - 1, bold))
    note.setZValue(22)
    note.setObjectName(name)
    note.hide()
    item.addItem(note, ignoreBounds=True)
    return note


def _put(note: pg.TextItem, text: str,
         where: tuple[tuple[float, float], tuple[float, float]] | None) -> None:
    """Show ``text`` at ``where`` = ``(position, anchor)``, or hide the note if None."""
    if where is not None:
        note.setText(text)
        note.setAnchor(where[1])
        note.setPos(*where[0])
    note.setVisible(where is not None)


@lru_cache(maxsize=None)  # at most TRAIL_SHOWN lists: the trail's length is all that varies
def _trail_brushes(n: int) -> list[QBrush]:
    """Brushes for ``n`` trail dots, oldest faint, newest strong: the eye reads the direction.

    Eight shades, not one per dot: pyqtgraph renders every distinct brush into its symbol atlas,
    and 300 shades made each update re-render hundreds of symbols.
    """
    return [_TRAIL_LEVELS[i] for i in shade_levels(n, len(_TRAIL_LEVELS))]


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

        self.param_combo = QComboBox(self, objectName="landscapeParamCombo",
                                     toolTip=self.tr("The weight whose loss curve is shown"))
        self.param_combo.currentIndexChanged.connect(self._on_param_combo_index_changed)

        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setObjectName("landscapePlot")
        self._build_plot()
        self.plot.installEventFilter(self)

        self.min_spin = self._make_spin("landscapeMinSpin", self.tr("Lowest weight shown"))
        self.max_spin = self._make_spin("landscapeMaxSpin", self.tr("Highest weight shown"))
        self.auto_button = QToolButton(
            self, objectName="landscapeAutoRange", text=self.tr("Auto"), checkable=True,
            checked=True, toolTip=self.tr("Choose the range around the current weight, the "
                                          "step and the minimum automatically"))
        self.auto_button.toggled.connect(self._on_auto_button_toggled)
        self.range_error = QLabel(self.tr("The range must go from low to high."), self,
                                  objectName="landscapeRangeError", styleSheet="color: #c0102a;")
        self.range_error.hide()

        # One row of controls under the plot: every pixel of height goes to the figure.
        bottom = QHBoxLayout()
        for widget in (QLabel(self.tr("Parameter"), self), self.param_combo, 12,
                       QLabel(self.tr("Range"), self), self.min_spin, QLabel("–", self),
                       self.max_spin, self.auto_button, self.range_error):
            bottom.addSpacing(widget) if isinstance(widget, int) else bottom.addWidget(widget)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.plot, 1)
        layout.addLayout(bottom)

    # ----------------------------------------------------------------- construction
    def _make_spin(self, name: str, tip: str) -> QDoubleSpinBox:
        # Emits on Enter, focus loss or arrow clicks, not on every keystroke of "-12.5".
        spin = QDoubleSpinBox(self, objectName=name, decimals=3, singleStep=0.5, toolTip=tip,
                              keyboardTracking=False)
        spin.setRange(-1e6, 1e6)  # a diverged run leaves weights in the hundreds of thousands
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

        def scatter(color: str, symbol: str, size: int, z: int, name: str,
                    hollow: bool = False) -> pg.PlotDataItem:
            marker = pg.PlotDataItem([], [], pen=None, symbol=symbol, symbolSize=size,
                                     symbolBrush=None if hollow else pg.mkBrush(color),
                                     symbolPen=pg.mkPen(color if hollow else "#ffffff",
                                                        width=3 if hollow else 2))
            marker.setZValue(z)
            marker.setObjectName(name)
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
        self.initial_marker = scatter(INITIAL_COLOR, "s", 26, 23, "landscapeInitial", hollow=True)
        # The run started on a different curve (the other weights have moved since): its loss
        # may lie far above this view, so say where it went instead of squeezing the curve.
        self.initial_offview = _note(item, INITIAL_COLOR, True, "landscapeInitialOffview")
        self.lower_note = _note(item, MINIMUM_COLOR, True, "landscapeLowerNote")
        self.sample_note = _note(item, NOTE_COLOR, False, "landscapeSampleNote")
        # The new point smaller and on top: after a small step it sits inside the current
        # point's ring. The minimum is a hollow triangle above both: at convergence it frames
        # them instead of hiding under them.
        self.current_marker = scatter(CURRENT_COLOR, "o", 22, 20, "landscapeCurrent")
        self.new_marker = scatter(NEW_COLOR, "o", 12, 21, "landscapeNew")
        self.minimum_marker = scatter(MINIMUM_COLOR, "t1", 32, 24, "landscapeMinimum",
                                      hollow=True)
        for part, name in ((self.curve, "landscapeCurve"), (self.trail, "landscapeTrail"),
                           (self.tangent, "landscapeTangent"), (self.step_line, "landscapeStep")):
            part.setObjectName(name)
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
        columns_text = ((self.tr("Gradient (slope) = {slope}").format(slope="−0.0888"),
                         self.tr("Initial weight + loss")),
                        (self.tr("step = −η·slope = {step}").format(step="−0.0888"),
                         self.tr("Current weight + loss")))

        def measure(points: int) -> tuple[list[float], float]:
            metrics = QFontMetricsF(_font(points))
            return ([max(metrics.horizontalAdvance(t) for t in texts) + 35  # + the sample
                     for texts in columns_text], metrics.height())

        points, columns = legend_layout(LEGEND_LAYOUTS, LEGEND_ENTRIES, available,
                                        LEGEND_MAX_HEIGHT * self.plot.height(), measure)
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
                         self.current_marker, self.new_marker, self.minimum_marker, self.trail):
                part.setData([], [])
            for part in (self.step_head, self.initial_offview, self.lower_note, self.sample_note,
                         self.legend):
                part.hide()
            return
        self.legend.show()
        self._label_axes(figure.name, snapshot.loss)

        self.curve.setData(figure.values, finite_or_nan(figure.losses))
        x_lo, x_hi = float(figure.values[0]), float(figure.values[-1])
        y_range = landscape_y_range(figure, extra=[(snapshot.start_value, snapshot.start_loss)])
        if y_range is not None:
            self._set_range((x_lo, x_hi), y_range)
        y_span = (y_range[1] - y_range[0]) if y_range else 1.0

        # A diverging step lands at an infinite loss (or weight): left out, never an inf point.
        for marker, x, y in ((self.initial_marker, snapshot.start_value, snapshot.start_loss),
                             (self.current_marker, figure.current_value, figure.current_loss),
                             (self.new_marker, figure.new_value, figure.new_loss),
                             (self.minimum_marker, figure.minimum_value, figure.minimum_loss)):
            finite = bool(np.isfinite(x) and np.isfinite(y))
            marker.setData([x] if finite else [], [y] if finite else [])

        self.tangent.setData(*tangent_segment(figure, y_span))
        end_x, end_y = step_end(figure)
        self.step_line.setData([figure.current_value, end_x], [figure.current_loss, end_y])
        self._place_arrow_head()
        self._draw_trail(snapshot.trail_values, snapshot.trail_losses)
        self._place_notes(figure, (snapshot.start_value, snapshot.start_loss))

        # "Theoretical minimum" only when nothing lower was found beyond the view.
        honest = figure.minimum_is_global and not figure.minimum_at_edge
        minimum_text = (self.tr("Theoretical minimum") if honest
                        else self.tr("Lowest point in view"))
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
        if not range_moved(self._shown_range, (x_range, y_range)):
            return
        self._shown_range = (x_range, y_range)
        self.plot.getPlotItem().setRange(xRange=x_range, yRange=y_range, padding=0.02)

    def _label_axes(self, name: str, loss: str) -> None:
        # Setting a label re-lays out the plot: do it when the text changes, not 15 times a second.
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

    def _place_notes(self, figure: GradientStepFigure, start: tuple[float, float]) -> None:
        """Where the run's start went if it is off the view; which way the slice goes lower
        beyond the view (in the top corner on that side, above the curve as it falls that way);
        the rows it was computed on (under those, or top middle, over a U-shaped curve's dip)."""
        x_range, y_range = self.plot.getPlotItem().viewRange()
        offview = offview_note(*start, x_range, y_range)
        _put(self.initial_offview, self.tr("{arrows} initial ({value}, {loss})").format(
            arrows=offview[0] if offview else "", value=signed(start[0]), loss=signed(start[1])),
             offview[1:] if offview else None)
        side, lower = (figure.lower_side, figure.lower_point) if figure.lower_point else (0, None)
        text = (self.tr("← lower to the left: {loss} at {value}") if side < 0
                else self.tr("lower to the right →: {loss} at {value}"))
        _put(self.lower_note, text.format(loss=signed(lower[1]), value=signed(lower[0]))
             if lower else "", corner(x_range, y_range, side) if side else None)
        row = (side != 0) + (offview is not None and offview[2][1] == 0.0)  # texts at the top
        _put(self.sample_note, self.tr("computed on {sample} of {total} training rows").format(
            sample=f"{figure.sample_rows or 0:,}", total=f"{figure.total_rows:,}"),
             None if figure.sample_rows is None else corner(x_range, y_range, side, row))

    def _draw_trail(self, values: ArrayLike, losses: ArrayLike) -> None:
        values = np.asarray(values, dtype=np.float64)[-TRAIL_SHOWN:]
        losses = finite_or_nan(np.asarray(losses, dtype=np.float64)[-TRAIL_SHOWN:])
        self.trail.setData(values, losses, brush=_trail_brushes(values.size), size=8, pen=None)

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
        arrow = (None if start is None or end is None
                 else arrow_on_screen((start.x(), start.y()), (end.x(), end.y())))
        if arrow is None:  # too short: the small green dot inside the red one tells the story
            self.step_head.hide()
            return
        # ArrowItem's angle 0 points left (the tip at the item's position, the tail to the right).
        self.step_head.setStyle(angle=arrow[0] + 180.0, headLen=min(ARROW_HEAD_PX, arrow[1]))
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
