"""The lecture's gradient-descent figure, drawn live for one parameter of the real network.

The x axis is the chosen weight, the y axis the training loss with every other weight fixed. On
the curve: the initial weight + loss, the current weight + loss with the gradient (slope) as a
tangent, the step −η·slope as an arrow to the new weight + loss, the theoretical minimum, and the
run's path so far as arrowed steps (an overshoot zig-zags across the minimum, a crawl is a dense
run of tiny steps). Every part is labelled in words right next to it, not in a boxed legend: the
back row reads "current" where the red dot is, and the plot keeps its height. Notes on the figure
say why the curve moves while all weights train, what mini-batches change, which way the loss
goes lower beyond the view and on how many rows a large data set's curve was computed.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from functools import cache

import numpy as np
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (QVBoxLayout, QWidget)

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

from nnsim.core.landscape import GradientStepFigure
from nnsim.core.losses import LOSSES
from nnsim.core.session import TRAIL_LENGTH
from nnsim.core.snapshot import Snapshot
from nnsim.ui import numbers
from nnsim.ui.landscape_controls import LandscapeControls
from nnsim.ui.landscape_geometry import (MARKER_KEYS, NOTE_KEYS, arrow_on_screen, from_pixels,
                                         landscape_y_range, offview_note, overlay_plan,
                                         polyline_samples, range_moved, run_path, shade_levels,
                                         step_end, tangent_segment, to_pixels, trail_arrows)
from nnsim.ui.plot_style import (MARK_PX, NOTE_PX, LookControls, PlotLook, aim_arrow,
                                 finite_or_nan, fit_note, fit_titles, legible_axes, pad_range,
                                 place_texts, signed, style_axes)
from nnsim.ui.run_paths import RunPaths

# (normal, high contrast): darker and more saturated for a washed-out projector.
COLORS = {"curve": ("#2c3e66", "#001b94"), "initial": ("#f08c00", "#e05a00"),
          "current": ("#d62728", "#e00000"), "new": ("#1a9a3a", "#00870f"),
          "minimum": ("#7b3fb0", "#7000c8"), "note": ("#555555", "#000000"),
          "trail": ("#d62728", "#e00000")}
# Symbol sizes at zoom 1: the new point smaller than the current one (after a small step it sits
# inside the red ring), the hollow initial square and minimum triangle larger (they frame it).
SIZES = {"initial": 26, "current": 22, "new": 12, "minimum": 32}
ARROW_HEAD_PX, TRAIL_HEAD_PX = 18, 13
TRAIL_HEADS = 10  # arrow heads on the newest steps of the path
MARKER_MARGIN_PX = 18  # the view reaches this far past the curve: no marker is cut in half
LABEL_GAP_PX = 6  # between a marker's edge and its label
TITLE_MIN_PLOT_PX = 340  # a lower plot gives its title's row to the curve (see _fit_titles)
TRAIL_SHOWN = TRAIL_LENGTH  # newest positions drawn: as many as the session keeps


@cache  # one list per (length, colour): the trail's length is what varies
def _trail_brushes(n: int, color: str) -> list[QBrush]:
    """Brushes for ``n`` trail dots, oldest faint, newest strong: the eye reads the direction.
    Eight shades, not one per dot: pyqtgraph renders every distinct brush into its symbol
    atlas, and 300 shades made each update re-render hundreds of symbols."""
    rgb = pg.mkColor(color).getRgb()[:3]
    levels = [pg.mkBrush(*rgb, int(a)) for a in np.linspace(40, 210, 8)]
    return [levels[i] for i in shade_levels(n, len(levels))]


class LandscapePanel(LookControls, QWidget):
    """The loss landscape of one parameter, a parameter chooser and a range control.

    Signals
    -------
    parameter_chosen(str) : the user picked a parameter in the combo box.
    range_requested(object) : ``(lo, hi)`` typed by the user, or None for an automatic range.
    range_refused(str) : a typed range was refused; the reason (all three are the row's:
        :class:`nnsim.ui.landscape_controls.LandscapeControls`).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("landscapePanel")
        self._figure: GradientStepFigure | None = None
        self._snapshot: Snapshot | None = None
        self._labelled: tuple[str, str] | None = None  # (parameter, loss) the axes are titled for
        self._look = PlotLook()
        self._data_range: tuple[tuple[float, float], tuple[float, float]] | None = None
        self._shown_range: tuple[tuple[float, float], tuple[float, float]] | None = None
        self._last_epoch: tuple[str, int] | None = None  # (parameter, epoch) last drawn
        self._drawing = False
        self._title_state: tuple | None = None  # what fit_titles set last
        self._note_texts = ("", "")  # the training note's (full, short) words
        self._wanted = {"training": False, "sample": False}  # the large notes to show
        self._words: dict[str, tuple[str, ...]] = {}  # each text's wordings, fullest first
        self._trail_xy: tuple[np.ndarray, np.ndarray] = (np.empty(0), np.empty(0))

        self.controls = LandscapeControls(self)
        # The row's widgets, under the names tests and the window use.
        self.param_combo, self.min_spin, self.max_spin = (
            self.controls.param_combo, self.controls.min_spin, self.controls.max_spin)
        self.auto_button = self.controls.auto_button
        self.parameter_chosen = self.controls.parameter_chosen
        self.range_requested = self.controls.range_requested
        self.range_refused = self.controls.range_refused

        self.plot = pg.PlotWidget(self, background="w", axisItems=legible_axes())
        self.plot.setObjectName("landscapePlot")
        self._build_plot()
        # Compared runs' paths on the same slice, with their legend row under the plot.
        self.run_paths = RunPaths(self.plot.getPlotItem(), self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.run_paths.legend)
        layout.addWidget(self.controls)  # one row under the plot: the height goes to the figure
        self._apply_look()

    # ----------------------------------------------------------------- construction
    def _build_plot(self) -> None:
        item = self.plot.getPlotItem()
        item.hideButtons()
        # The range follows the figure (and the range control), not the mouse: a drag would be
        # undone by the next snapshot a moment later.
        item.setMouseEnabled(x=False, y=False)
        item.setMenuEnabled(False)
        item.disableAutoRange()
        item.setClipToView(False)

        def add(part: pg.GraphicsObject, name: str, z: float, bounds: bool = True):
            if name:  # not an arrow head: a plain path item, no QObject
                part.setObjectName(name)
            part.setZValue(z)
            item.addItem(part, ignoreBounds=not bounds)
            if not bounds:
                part.hide()  # shown where there is something to point at or say
            return part

        def marker(symbol: str, name: str, z: int) -> pg.PlotDataItem:
            return add(pg.PlotDataItem([], [], pen=None, symbol=symbol), name, z)

        self.curve = add(pg.PlotDataItem([], []), "landscapeCurve", 1)
        # The path: a thin line through the past positions, dots fading with age, arrow heads.
        self.trail_line = add(pg.PlotDataItem([], []), "landscapeTrailLine", 4)
        self.trail = add(pg.ScatterPlotItem([], [], pen=None), "landscapeTrail", 5)
        self.trail_heads = [add(pg.ArrowItem(tailLen=0, tipAngle=40), "", 6, bounds=False)
                            for _ in range(TRAIL_HEADS)]
        self.tangent = add(pg.PlotDataItem([], []), "landscapeTangent", 15)
        self.step_line = add(pg.PlotDataItem([], []), "landscapeStep", 16)
        self.step_head = add(pg.ArrowItem(angle=0, tailLen=0, tipAngle=36), "", 17, bounds=False)
        # Hollow square and triangle on top: at epoch 0 the square frames the current point,
        # at convergence the triangle frames the current and new points instead of hiding them.
        self.initial_marker = marker("s", "landscapeInitial", 23)
        self.current_marker = marker("o", "landscapeCurrent", 20)
        self.new_marker = marker("o", "landscapeNew", 21)
        self.minimum_marker = marker("t1", "landscapeMinimum", 24)

        def text(name: str, z: int = 25, tip: str = "") -> pg.TextItem:
            label = add(pg.TextItem(""), name, z, bounds=False)
            label.textItem.document().setDocumentMargin(2)  # Qt's 4 px: a box too big to place
            label.setToolTip(tip)
            return label

        # The words next to each part (the lecture's, shortened; the full words in the tooltip).
        tips = {"initial": self.tr("Initial weight + loss: where the run started"),
                "current": self.tr("Current weight + loss"),
                "new": self.tr("New weight + loss, after one step"),
                "minimum": self.tr("Theoretical minimum of this curve"),
                "slope": self.tr("Gradient (slope) of the loss at the current weight"),
                "step": self.tr("The step: −η·slope, against the gradient"),
                "path": self.tr("The weight and loss after each epoch so far")}
        self.labels = {key: text(f"landscape{key.capitalize()}Label", tip=tip)
                       for key, tip in tips.items()}
        # The run started on a different curve (the other weights have moved since): its loss
        # may lie far above this view, so say where it went instead of squeezing the curve.
        self.initial_offview = text("landscapeInitialOffview", 26)
        self.lower_note = text("landscapeLowerNote", 26)
        self.sample_note = text("landscapeSampleNote", 26)
        # Why the curve moves, what mini-batches change: one wrapped block, so the two never
        # compete for the same free corner.
        self.training_note = text("landscapeTrainingNote", 26)
        self._texts = {**self.labels, "offview": self.initial_offview, "lower": self.lower_note,
                       "training": self.training_note, "sample": self.sample_note}
        # The arrows and labels are placed in pixels: redo them whenever the mapping changes.
        item.getViewBox().sigResized.connect(self._on_view_resized)
        item.getViewBox().sigRangeChanged.connect(self._on_view_changed)

    def _apply_look(self) -> None:
        """Fonts, line widths and colours from the current look (zoom and contrast)."""
        look, item = self._look, self.plot.getPlotItem()
        color = {key: look.color(pair) for key, pair in COLORS.items()}
        style_axes(item, look)
        self.curve.setPen(pg.mkPen(color["curve"], width=look.width(4)))
        trail = pg.mkColor(color["trail"])
        trail.setAlpha(150)
        self.trail_line.setPen(pg.mkPen(trail, width=look.width(1.6)))
        for head in self.trail_heads:
            head.setStyle(headLen=look.px(TRAIL_HEAD_PX), pen=pg.mkPen(color["trail"]),
                          brush=pg.mkBrush(trail))
        self.tangent.setPen(pg.mkPen(color["current"], width=look.width(3),
                                     style=Qt.PenStyle.DashLine))
        self.step_line.setPen(pg.mkPen(color["new"], width=look.width(3)))
        self.step_head.setStyle(pen=pg.mkPen(color["new"]), brush=pg.mkBrush(color["new"]))
        for key, part in (("initial", self.initial_marker), ("current", self.current_marker),
                          ("new", self.new_marker), ("minimum", self.minimum_marker)):
            hollow = key in ("initial", "minimum")
            part.setSymbolSize(look.px(SIZES[key]))
            part.setSymbolBrush(None if hollow else pg.mkBrush(color[key]))
            part.setSymbolPen(pg.mkPen(color[key] if hollow else "#ffffff",
                                       width=look.width(3 if hollow else 2)))
        # Each text in its part's colour; notes smaller, the two about points in bold.
        colors = {"path": "trail", "slope": "current", "step": "new", "offview": "initial",
                  "lower": "minimum", "training": "note", "sample": "note"}
        for key, text in self._texts.items():
            note = key in NOTE_KEYS
            text.setFont(look.font(NOTE_PX if note else MARK_PX,
                                   bold=key not in ("training", "sample")))
            text.setColor(color[colors.get(key, key)])
            text.fill = pg.mkBrush(255, 255, 255, 240 if look.high_contrast else 225)
        self.run_paths.set_look(look)
        self._fit_titles()
        self._apply_range(force=True)
        self._place_overlay()

    def _fit_titles(self) -> None:
        """The title and axis titles for the room there is. A tall plot gets the title over it
        (shortened, else elided; the full words in its tooltip); a low one, a laptop's bottom
        dock, gives the title's row to the curve and says the same on its axes."""
        name, loss = self._labelled or ("", "")
        spec = LOSSES.get(loss)
        short = spec.short_name if spec else loss
        weight = (self.tr("Bias %1") if name.startswith("b")
                  else self.tr("Weight %1")).replace("%1", name)
        full = self.tr("Training loss against %1 (all other weights fixed)").replace("%1", name)
        loss_text = self.tr("Loss (%1)").replace("%1", short)
        if self._labelled is None:
            title, bottom, left = None, ("",), ("",)
        elif self.plot.height() < self._look.px(TITLE_MIN_PLOT_PX):
            title = None
            bottom = (self.tr("%1 (all other weights fixed)").replace("%1", weight),
                      self.tr("%1 (others fixed)").replace("%1", weight), weight)
            left = (self.tr("Training loss (%1)").replace("%1", short), loss_text)
        else:
            title = (full, self.tr("Loss against %1 (others fixed)").replace("%1", name))
            bottom, left = (weight,), (loss_text,)
        self._title_state = fit_titles(self.plot.getPlotItem(), self._look, title, bottom, left,
                                       full if self._labelled else "", self._title_state)

    # ----------------------------------------------------------------- public API
    # set_zoom(factor), set_high_contrast(on), zoom(), high_contrast(), tick_font_pixel_size()
    # come from LookControls.
    def _styled_item(self) -> pg.PlotItem:
        return self.plot.getPlotItem()

    def set_parameter_names(self, names: Sequence[str]) -> None:
        """Offer ``names`` in the combo box, keeping the current choice if it still exists."""
        self.controls.set_parameter_names(names)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Follow ``snapshot.selected`` (without emitting) and draw ``snapshot.figure``."""
        self.controls.set_parameter_names(snapshot.names)
        self.controls.show_selected(snapshot.selected)
        self._drawing = True  # the range change below re-places the labels once, at the end
        try:
            self._draw(snapshot)
        finally:
            self._drawing = False
        self._place_overlay()

    # ----------------------------------------------------------------- drawing
    def _draw(self, snapshot: Snapshot) -> None:
        figure = snapshot.figure
        self._figure, self._snapshot = figure, snapshot
        self.run_paths.show(snapshot)
        moved = (self._last_epoch is not None and self._last_epoch[0] == snapshot.selected
                 and snapshot.epoch > self._last_epoch[1])
        self._last_epoch = (snapshot.selected, snapshot.epoch)
        if figure is None:
            for part in (self.curve, self.tangent, self.step_line, self.initial_marker,
                         self.current_marker, self.new_marker, self.minimum_marker, self.trail,
                         self.trail_line):
                part.setData([], [])
            return
        self._labelled = (figure.name, snapshot.loss)
        self._fit_titles()
        self.curve.setData(figure.values, finite_or_nan(figure.losses))
        x_lo, x_hi = float(figure.values[0]), float(figure.values[-1])
        y_range = landscape_y_range(figure, extra=[(snapshot.start_value, snapshot.start_loss),
                                                   *self.run_paths.ends])
        if y_range is not None:
            self._data_range = ((x_lo, x_hi), y_range)
            self._apply_range()
        y_span = (y_range[1] - y_range[0]) if y_range else 1.0

        # A diverging step lands at an infinite loss (or weight): left out, never an inf point.
        for part, x, y in ((self.initial_marker, snapshot.start_value, snapshot.start_loss),
                           (self.current_marker, figure.current_value, figure.current_loss),
                           (self.new_marker, figure.new_value, figure.new_loss),
                           (self.minimum_marker, figure.minimum_value, figure.minimum_loss)):
            finite = bool(np.isfinite(x) and np.isfinite(y))
            part.setData([x] if finite else [], [y] if finite else [])
        self.tangent.setData(*tangent_segment(figure, y_span))
        end_x, end_y = step_end(figure)
        self.step_line.setData([figure.current_value, end_x], [figure.current_loss, end_y])
        values, losses = run_path(snapshot.trail_values, snapshot.trail_losses,
                                  (snapshot.start_value, snapshot.start_loss), snapshot.epoch,
                                  TRAIL_SHOWN)
        self._trail_xy = (values, losses := finite_or_nan(losses))
        self.trail_line.setData(values, losses)
        self.trail.setData(values, losses, brush=_trail_brushes(values.size, self._look.color(
            COLORS["trail"])), size=self._look.px(8), pen=None)

        # The lecture's words where there is room, short ones where not; "Theoretical minimum"
        # only when nothing lower was found beyond the view.
        honest = figure.minimum_is_global and not figure.minimum_at_edge
        slope, lower = signed(figure.slope), figure.lower_point or (0.0, 0.0)
        self._words = {
            "initial": (self.tr("Initial weight + loss"), self.tr("initial")),
            "current": (self.tr("Current weight + loss"), self.tr("current")),
            "new": (self.tr("New weight + loss"), self.tr("new")),
            "minimum": ((self.tr("Theoretical minimum"), self.tr("minimum")) if honest else
                        (self.tr("Lowest point in view"), self.tr("lowest in view"))),
            "slope": (self.tr("Gradient (slope) = %1").replace("%1", slope),
                      self.tr("slope %1").replace("%1", slope)),
            "step": (self.tr("step −η·slope = %1").replace("%1", signed(figure.step,
                                                                        plus=True)),),
            "path": (self.tr("path of the run"),),
            "lower": ((self.tr("← lower to the left: %1 at %2")
                       if figure.lower_side < 0 else
                       self.tr("lower to the right →: %1 at %2")).replace(
                           "%1", signed(lower[1])).replace("%2", signed(lower[0])),),
            "sample": (self.tr("computed on %1 of %2 training rows").replace(
                "%1", numbers.whole(figure.sample_rows or 0)).replace(
                "%2", numbers.whole(figure.total_rows)),)}
        # (full, short): the short words where the full ones would fill the view.
        notes = []
        if moved and not snapshot.settings.train_selected_only:
            notes.append((self.tr("The curve changes as the other weights change too; tick "
                                  "“Train only the selected parameter” to keep it still."),
                          self.tr("The curve moves: the other weights train too.")))
        if snapshot.settings.batch_size is not None:
            notes.append((self.tr("Mini-batches: each epoch makes several smaller steps; "
                                  "shown is one full-batch step."),
                          self.tr("Mini-batches: shown is one full-batch step.")))
        self._note_texts = ("\n".join(n[0] for n in notes), "\n".join(n[1] for n in notes))
        self.training_note.setToolTip(self._note_texts[0])
        self._wanted = {"training": bool(notes), "sample": figure.sample_rows is not None}
        self.controls.show_range(x_lo, x_hi)

    def _apply_range(self, force: bool = False) -> None:
        """Show the figure's range with room for the markers at its edges. Only when it changed
        visibly: a new range re-lays out both axes, the costliest part of a redraw, and a 1 %
        drift is not worth it 15 times a second."""
        if self._data_range is None:
            return
        rect = self.plot.getPlotItem().getViewBox().sceneBoundingRect()
        margin = self._look.px(MARKER_MARGIN_PX)
        (x_lo, x_hi), (y_lo, y_hi) = self._data_range
        # Under the curve's lowest point, room for a line of words ("minimum", "new").
        below = margin + 1.5 * self._look.px(MARK_PX)
        shown = (pad_range(x_lo, x_hi, rect.width(), margin),
                 pad_range(y_lo, y_hi, rect.height(), below, margin))
        if force or range_moved(self._shown_range, shown):
            self._shown_range = shown
            self.plot.getPlotItem().setRange(xRange=shown[0], yRange=shown[1], padding=0.0)

    # ----------------------------------------------------------------- arrows and labels
    def _place_overlay(self) -> None:
        """Aim the arrow heads and place every label and note where it covers least."""
        figure, snapshot = self._figure, self._snapshot
        rect = self.plot.getPlotItem().getViewBox().sceneBoundingRect()
        if figure is None or snapshot is None or rect.width() < 40 or rect.height() < 40:
            for part in self.trail_heads + [self.step_head, *self._texts.values()]:
                part.hide()
            return
        view = (rect.left(), rect.top(), rect.right(), rect.bottom())
        x_range, y_range = self.plot.getPlotItem().viewRange()

        def pixels(xs, ys) -> np.ndarray:
            return np.column_stack(to_pixels(xs, ys, x_range, y_range, view))

        def data(x: float, y: float) -> tuple[float, float]:
            return from_pixels(x, y, x_range, y_range, view)

        look = self._look
        start, end = pixels([figure.current_value, step_end(figure)[0]],
                            [figure.current_loss, step_end(figure)[1]])
        # No head on a step too short for one: the small green dot inside the red one tells it.
        arrow = arrow_on_screen(tuple(start), tuple(end)) if math.isfinite(
            figure.new_loss) and figure.step != 0 else None
        aim_arrow(self.step_head, step_end(figure) if arrow else None, *(
            (arrow[0], min(look.px(ARROW_HEAD_PX), arrow[1])) if arrow else ()))
        trail = pixels(*self._trail_xy)
        heads = trail_arrows(trail[:, 0], trail[:, 1], TRAIL_HEADS, look.px(18),
                             ahead=0.5 * look.px(TRAIL_HEAD_PX))
        for head, arrow in itertools.zip_longest(self.trail_heads, heads[:TRAIL_HEADS]):
            aim_arrow(head, data(*arrow[:2]) if arrow else None, arrow[2] if arrow else 0.0)

        markers = {}
        for key in MARKER_KEYS:
            x, y = getattr(self, f"{key}_marker").getOriginalDataset()
            if x is not None and len(x):
                markers[key] = (pixels(x, y)[0], 0.5 * look.px(SIZES[key]))
        offview = offview_note(snapshot.start_value, snapshot.start_loss, x_range, y_range)
        if offview is not None:
            # Short, the numbers in the tooltip: the view has little room to spare.
            self.initial_offview.setText(self.tr("%1 initial").replace("%1", offview[0]))
            self.initial_offview.setToolTip(self.tr("Initial weight %1, loss %2").replace(
                "%1", signed(snapshot.start_value)).replace("%2", signed(snapshot.start_loss)))
            offview = (*pixels(*np.transpose([offview[1]]))[0], *offview[2])
        fit_note(self.training_note, self._note_texts, min(0.62 * rect.width(), look.px(340)),
                 0.4 * rect.height())
        lines = np.vstack([polyline_samples(*pixels(*part.getOriginalDataset()).T, view)
                           for part in (self.tangent, self.step_line)])
        obstacles, requests = overlay_plan(
            view, pixels(figure.values, figure.losses),
            np.vstack([lines, pixels(*self.run_paths.points())]), trail, markers,
            pixels(*self.tangent.getOriginalDataset()), np.array([start, end]),
            LABEL_GAP_PX * look.zoom, offview, figure.lower_side if figure.lower_point else 0,
            [key for key in ("training", "sample") if self._wanted[key]])
        # A note is always shown (few, and each one needed), a label only where there is room.
        place_texts(self._texts, requests, view, obstacles, data, self._words, NOTE_KEYS)

    @Slot()
    def _on_view_resized(self, *_args: object) -> None:
        self._fit_titles()
        self._apply_range(force=True)  # the markers' margin is in pixels
        if not self._drawing:  # mid-draw (the paths' legend row appeared): placed at its end
            self._place_overlay()

    @Slot()
    def _on_view_changed(self, *_args: object) -> None:
        if not self._drawing:
            self._place_overlay()

