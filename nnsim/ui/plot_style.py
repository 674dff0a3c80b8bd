"""The look every nnsim plot shares: large dark text for a lecture hall, and safe data.

Shared by the loss plot, the landscape and the activation preview. The loss plot and the
landscape also take a :class:`PlotLook` (presenter zoom, high contrast for a washed-out
projector; :class:`LookControls` gives both the same ``set_zoom``/``set_high_contrast``), a
:class:`LegibleAxis`, whose ticks never come closer than their labels need, titles fitted to the
room there is (:func:`fit_titles`) and words placed where they cover least (:func:`place_texts`).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

from nnsim.ui import numbers, plot_numbers
from nnsim.ui.landscape_geometry import (DROP_COST, FULL_WORDS_COST, LabelRequest, best_place,
                                         candidate_rect)

Array = NDArray[np.float64]

# Sizes for a projector: tick labels and axis titles must be legible from the back of a hall.
TICK_FONT_PT = 13
LABEL_FONT_PT = 15
LEGEND_FONT_PT = 14
TEXT_COLOR = "#222222"
HIGH_CONTRAST_TEXT = "#000000"

# The same sizes in pixels at zoom 1 for the plots that zoom (a pixel size is what a projector
# shows, whatever the screen's DPI setting): 16 px ≈ 12 pt at 96 DPI.
TICK_PX = 16
LABEL_PX = 18
TITLE_PX = 17
LEGEND_PX = 16
MARK_PX = 16  # direct labels next to the landscape's markers
NOTE_PX = 13
ZOOM_RANGE = (0.5, 4.0)
HIGH_CONTRAST_WIDTH = 1.4  # lines get this much thicker on a washed-out projector
NICE_MANTISSAS = (1.0, 2.0, 5.0)

plot_numbers.install()  # every plot's axis ticks in the interface's number format


@dataclass(frozen=True)
class PlotLook:
    """Presenter zoom and contrast: every font size, line width and colour comes from here.

    Attributes
    ----------
    zoom : 1.0 is the default size; fonts, line widths and markers scale with it.
    high_contrast : black text and axes, saturated colours and thicker lines.
    """

    zoom: float = 1.0
    high_contrast: bool = False

    def px(self, base: float) -> int:
        """A size in pixels for ``base`` pixels at zoom 1."""
        return max(1, round(base * self.zoom))

    def width(self, base: float) -> float:
        """A line width for ``base`` at zoom 1 (thicker in high contrast)."""
        return base * self.zoom * (HIGH_CONTRAST_WIDTH if self.high_contrast else 1.0)

    def color(self, pair: tuple[str, str]) -> str:
        """``pair`` = (normal, high contrast) colour: the one in use."""
        return pair[1] if self.high_contrast else pair[0]

    @property
    def text(self) -> str:
        """The colour of text and axes."""
        return HIGH_CONTRAST_TEXT if self.high_contrast else TEXT_COLOR

    def font(self, base_px: float, bold: bool = False) -> QFont:
        """A font of ``base_px`` pixels at zoom 1."""
        font = QFont()
        font.setPixelSize(self.px(base_px))
        font.setBold(bold)
        return font


def clamp_zoom(factor: float) -> float:
    """``factor`` limited to :data:`ZOOM_RANGE` (1.0 if it is not a finite number)."""
    factor = float(factor)
    return min(max(factor, ZOOM_RANGE[0]), ZOOM_RANGE[1]) if math.isfinite(factor) else 1.0


def pad_range(lo: float, hi: float, size_px: float, margin_px: float,
              high_margin_px: float | None = None) -> tuple[float, float]:
    """``(lo, hi)`` widened so that ``lo`` lies ``margin_px`` and ``hi`` ``high_margin_px``
    (the same if None) inside an axis of ``size_px``: a marker at the edge of the curve is
    drawn whole, not cut in half by the view's border."""
    high = margin_px if high_margin_px is None else high_margin_px
    room = size_px - margin_px - high
    if not (room > 1.0 and hi > lo):
        return lo, hi
    unit = (hi - lo) / room
    return lo - margin_px * unit, hi + high * unit


def nice_ticks(lo: float, hi: float, size_px: float, min_px: float,
               integer: bool = False) -> list[tuple[float, float]]:
    """``[(major, 0), (minor, 0)]`` tick spacings: majors at least ``min_px`` apart on screen.

    Parameters
    ----------
    lo, hi : the axis range.
    size_px : the axis length in pixels.
    min_px : the least distance between two labelled (major) ticks, from the label's size.
    integer : only whole-number spacings (epochs): never a tick at 0.2.

    Returns
    -------
    The major spacing is 1, 2 or 5 × 10^k; the minor one divides it (left out when it would be
    closer than 6 px or, for ``integer``, not a whole number). Empty for an empty range.
    """
    span = abs(hi - lo)
    if not (span > 0 and math.isfinite(span) and size_px > 0):
        return []
    least = span * min_px / size_px  # the smallest spacing that keeps the labels apart
    if integer:
        least = max(least, 1.0)
    power = 10.0 ** math.floor(math.log10(least))
    major = next((m * power for m in NICE_MANTISSAS + (10.0,) if m * power >= least * 0.999999),
                 10.0 * power)
    minor = major / (4.0 if round(major / power) == 2 else 5.0)
    if integer:
        minor = max(minor, 1.0)
    levels = [(major, 0.0)]
    if minor < major and minor * size_px / span >= 6.0 and (not integer or minor == int(minor)):
        levels.append((minor, 0.0))
    return levels


LOG_MANTISSAS = ((1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 3, 5), (1, 2, 5), (1,))  # densest first


def log_ticks(lo: float, hi: float, size_px: float,
              min_px: float) -> list[tuple[None, list[float]]]:
    """Ticks of a log10 axis showing ``lo`` … ``hi`` (in decades): ``[(None, labelled), (None,
    grid only)]``. Labelled: every digit, else 1-2-3-5, 1-2-5, the decades, or every n-th
    decade, the densest whose labels stay ``min_px`` apart; the rest of the digits only draw
    grid lines (pyqtgraph labels all of 0.2 … 0.9 and prints them over each other)."""
    if not (hi > lo and size_px > 0 and math.isfinite(hi - lo)):
        return []
    per_decade = size_px / (hi - lo)
    decades = range(math.floor(lo), math.ceil(hi) + 1)

    def values(mantissas: tuple[int, ...], every: int = 1) -> list[float]:
        return [v for k in decades if k % every == 0 for m in mantissas
                if lo <= (v := k + math.log10(m)) <= hi]

    labelled = []
    for mantissas in LOG_MANTISSAS:
        labelled = values(mantissas)
        if len(labelled) < 2 or np.diff(labelled).min() * per_decade >= min_px:
            break
    else:
        labelled = values((1,), math.ceil(min_px / per_decade))
    grid = [v for v in values(LOG_MANTISSAS[0]) if v not in labelled]
    return [(None, labelled), (None, grid)]


class LegibleAxis(pg.AxisItem):
    """An axis whose labelled ticks never overlap: fewer ticks when the axis is short.

    pyqtgraph always labels its major ticks, at least two and a quarter intervals of them, and
    at 40 px of height three 17 px labels printed over each other. Here the spacing follows the
    tick font; ``integer`` axes (epochs) never tick between whole numbers.
    """

    def __init__(self, orientation: str, integer: bool = False, **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.integer = integer

    def min_label_distance(self) -> float:
        """Pixels between two labelled ticks: a line and a half vertically, the widest usual
        label and a gap horizontally."""
        metrics = QFontMetricsF(self.style.get("tickFont") or QFont())
        if self.orientation in ("left", "right"):
            return max(1.6 * metrics.height(), 36.0)
        return max(metrics.horizontalAdvance("−0.000") + metrics.height(), 60.0)

    def tickSpacing(self, minVal: float, maxVal: float, size: float):  # noqa: N802 - override
        if self.logMode:  # replaced by logTickValues
            return super().tickSpacing(minVal, maxVal, size)
        return nice_ticks(minVal, maxVal, size, self.min_label_distance(), self.integer)

    def logTickValues(self, minVal: float, maxVal: float, size: float,  # noqa: N802
                      stdTicks: list) -> list:  # noqa: N803 - pyqtgraph's override
        return log_ticks(minVal, maxVal, size, self.min_label_distance())


class LookControls:
    """Presenter zoom and high contrast for a plot widget, the calls the main window's menu
    makes. The widget keeps its look in ``_look``, restyles everything in ``_apply_look()`` and
    names the plot item whose ticks count in ``_styled_item()``."""

    _look: PlotLook

    def set_zoom(self, factor: float) -> None:
        """Scale every font, line and marker by ``factor`` (1.0 = default; presenter mode).
        Cheap to call again with the same factor: nothing is restyled."""
        factor = clamp_zoom(factor)
        if factor != self._look.zoom:
            self._look = dataclasses.replace(self._look, zoom=factor)
            self._apply_look()

    def set_high_contrast(self, on: bool) -> None:
        """Black text and axes, saturated colours, thicker lines (for a washed-out projector)."""
        if bool(on) != self._look.high_contrast:
            self._look = dataclasses.replace(self._look, high_contrast=bool(on))
            self._apply_look()

    def zoom(self) -> float:
        """The zoom factor in use."""
        return self._look.zoom

    def high_contrast(self) -> bool:
        """True in high-contrast mode."""
        return self._look.high_contrast

    def tick_font_pixel_size(self) -> int:
        """The tick labels' font size in pixels."""
        return self._styled_item().getAxis("left").style["tickFont"].pixelSize()

    def _apply_look(self) -> None:
        raise NotImplementedError

    def _styled_item(self) -> pg.PlotItem:
        raise NotImplementedError


def fit_titles(plot: pg.PlotItem, look: PlotLook, title: tuple[str, ...] | None,
               bottom: tuple[str, ...], left: tuple[str, ...], tooltip: str,
               shown: tuple | None = None) -> tuple:
    """Set the title and the axis titles to the first of each choice (longest first) that fits,
    else the last one elided; ``title`` None leaves out the title's row altogether.

    The width is the widget's less the left axis (not the view's: a too-long title widens the
    view beyond the widget); pyqtgraph fixes the title row at 30 px whatever the font, here it
    is as high as the text. Returns what was set: pass it back as ``shown`` and nothing is set
    again while it stays the same (a new title re-lays out the whole plot).
    """
    view = plot.getViewBox()
    width = plot.width() - plot.getAxis("left").width() - 16
    title_font = look.font(TITLE_PX)
    state = (None if title is None else fit_text(title, title_font, width),
             fit_text(bottom, look.font(LABEL_PX), width),
             fit_text(left, look.font(LABEL_PX), view.height()), tooltip, look)
    if state == shown:
        return state
    set_axis_label(plot, "bottom", state[1], look)
    set_axis_label(plot, "left", state[2], look)
    plot.getAxis("bottom").label.setToolTip(tooltip)
    if title is None:
        plot.setTitle(None)
        return state
    height = round(1.5 * title_font.pixelSize())
    plot.setTitle(state[0], size=f"{title_font.pixelSize()}px", color=look.text)
    plot.layout.setRowFixedHeight(0, height)
    plot.titleLabel.setMaximumHeight(height)
    plot.titleLabel.setMinimumWidth(0)  # the text is fitted: it must not widen the plot
    plot.titleLabel.setToolTip(tooltip)
    return state


def aim_arrow(head: pg.ArrowItem, tip: tuple[float, float] | None, angle: float = 0.0,
              length: float | None = None) -> None:
    """Show ``head`` with its tip at ``tip`` (plot coordinates), pointing at ``angle`` degrees
    on screen (0 = right, 90 = down), ``length`` pixels long if given; None hides it."""
    if tip is not None:
        # ArrowItem's angle 0 points left (the tip at the item's position, the tail right).
        head.setStyle(angle=angle + 180.0, **({"headLen": length} if length else {}))
        head.setPos(*tip)
    head.setVisible(tip is not None)


def fit_note(note: pg.TextItem, texts: Sequence[str], width: float, height: float) -> None:
    """Wrap ``note`` at ``width`` pixels and give it the first of ``texts`` (fullest first) that
    is at most ``height`` pixels high, else the last: a note must never fill the view."""
    if note.textItem.textWidth() != width:
        note.setTextWidth(width)
    for text in texts:
        if note.toPlainText() != text:
            note.setText(text)
        if note.textItem.boundingRect().height() <= height:
            return


def place_texts(texts: dict[str, pg.TextItem], requests: list[tuple[str, list]],
                view: tuple[float, float, float, float], obstacles: Array,
                to_data: Callable[[float, float], tuple[float, float]],
                words: dict[str, Sequence[str]] | None = None,
                always: Sequence[str] = ()) -> None:
    """Put each requested text where it covers least (:func:`best_place`) and show it.

    ``requests`` are ``(key, candidates)`` in pixels, most important first; ``to_data`` maps a
    pixel position to the plot's coordinates; ``words`` gives a text's wordings, fullest first:
    a fuller one is used where it fits well (:data:`FULL_WORDS_COST`), near what it names. A text whose best place would still cover too much
    (:data:`DROP_COST`) is left out rather than cut off or printed over another, unless its
    key is in ``always``; texts not requested are hidden. Each placed text is an obstacle for
    the ones after it.
    """
    blocks, placed = np.asarray(obstacles, float).reshape(-1, 5), set()
    for key, candidates in requests:
        text = texts[key]
        wordings = (words or {}).get(key, (None,))
        for i, wording in enumerate(wordings):
            if wording is not None and text.toPlainText() != wording:
                text.setText(wording)
            size = text.textItem.boundingRect()
            request = LabelRequest(size.width(), size.height(), candidates)
            index, cost = best_place(request, view, blocks)
            if cost < (DROP_COST if i == len(wordings) - 1 else FULL_WORDS_COST):
                break
        x, y, anchor_x, anchor_y = candidates[index][:4]
        text.setAnchor((anchor_x, anchor_y))
        text.setPos(*to_data(x, y))
        if key in always or cost < DROP_COST:
            placed.add(key)
            rect = candidate_rect(candidates[index], size.width(), size.height())
            blocks = np.vstack([blocks, [*rect, request.weight]])
    for key, item in texts.items():
        item.setVisible(key in placed)


def legible_axes(integer_x: bool = False) -> dict[str, LegibleAxis]:
    """Axis items for ``pg.PlotWidget(axisItems=...)``: left and bottom legible axes."""
    return {"left": LegibleAxis("left"), "bottom": LegibleAxis("bottom", integer=integer_x)}


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
        # No "(x0.001)" rescaling: a student would read a loss of 0.6 as 600. pyqtgraph 0.14
        # still rescales once when the prefix is switched off on a range below 1 (a restyle
        # during a run showed "250" for 0.25): no range enables a prefix either.
        axis.setSIPrefixEnableRanges(())
        axis.enableAutoSIPrefix(False)
    plot.showGrid(x=True, y=True, alpha=0.25)


def style_axes(plot: pg.PlotItem, look: PlotLook) -> None:
    """Apply ``look`` to the left and bottom axes: tick and title fonts, colours, pen widths.

    Labels only on major ticks (:class:`LegibleAxis` keeps those apart); axis titles keep their
    text and take the look's size and colour.
    """
    apply_plot_style(plot)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTickFont(look.font(TICK_PX))
        axis.setTextPen(pg.mkPen(look.text))
        axis.setPen(pg.mkPen(look.text, width=look.width(1.0)))
        axis.setStyle(maxTextLevel=0, tickTextOffset=look.px(4))
        if axis.labelText:
            set_axis_label(plot, name, axis.labelText, look)
    plot.showGrid(x=True, y=True, alpha=0.32 if look.high_contrast else 0.25)


def set_axis_label(plot: pg.PlotItem, axis: str, text: str,
                   look: PlotLook | None = None) -> None:
    """Give ``axis`` a large dark title (``look``'s size and colour; the default look if None)."""
    look = look or PlotLook()
    plot.setLabel(axis, text, **{"font-size": f"{look.px(LABEL_PX)}px", "color": look.text})


def fit_text(texts: tuple[str, ...], font: QFont, width: float) -> str:
    """The first of ``texts`` (longest first) that fits ``width`` pixels in ``font``, else the
    last one elided with "…": a title must never run past the plot's edge."""
    metrics = QFontMetricsF(font)
    for text in texts:
        if metrics.horizontalAdvance(text) <= width:
            return text
    return metrics.elidedText(texts[-1], Qt.TextElideMode.ElideRight, max(width, 0.0))


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


def signed(value: float, digits: int = 3, plus: bool = False) -> str:
    """``value`` to ``digits`` significant digits with a real minus sign (−, not -), and with
    ``plus`` a "+" before a positive value (a step's direction is its point)."""
    text = numbers.significant(value + 0.0, digits)  # the language's separator; no "−0"
    return "+" + text if plus and value > 0 else text
