"""Where the landscape figure's parts go: its y range, the step arrow, the tangent, the notes.

Plain arithmetic on a :class:`GradientStepFigure` (no Qt), so it is easy to test and to reason
about after a divergence, when losses reach 1e48 and weights 1e17.
"""

from __future__ import annotations

import math
from typing import Callable, Sequence

import numpy as np

from nnsim.core.landscape import GradientStepFigure

Y_QUANTILE = 0.85  # the curve's top edge may be a 1e6 spike: scale to most of it, not all …
FULL_CURVE_FACTOR = 4.0  # … unless the whole curve fits in this many times that range
POINT_SPAN_CAP = 10.0  # and never more than this many times the marked points' own scale
TANGENT_X_FRACTION = 0.12  # half-length of the tangent, as a share of the x range …
TANGENT_Y_FRACTION = 0.22  # … shortened so it never rises more than this share of the y range
RANGE_TOLERANCE = 0.02  # share of the shown span a range may drift before the view follows
ARROW_MIN_PX = 8  # steps shorter than this on screen get no arrow head


def landscape_y_range(figure: GradientStepFigure,
                      extra: Sequence[tuple[float, float]] = ()) -> tuple[float, float] | None:
    """A loss range that shows the curve's shape and the marked points, ignoring edge spikes.

    Parameters
    ----------
    figure : the figure to show.
    extra : further ``(value, loss)`` points, included only if they do not more than double
        the range (the initial point may sit far above today's curve, since the other weights
        have moved).

    Returns
    -------
    (low, high), padded, or None if the curve has no finite value.

    Only points within the curve's weight range count: after a divergence the new weight may
    lie 1e17 away with a loss of 1e48.
    """
    x_lo, x_hi = float(figure.values[0]), float(figure.values[-1])

    def in_view(value: float, loss: float) -> bool:
        return math.isfinite(loss) and x_lo <= value <= x_hi

    losses = figure.losses[np.isfinite(figure.losses)]
    points = [loss for value, loss in ((figure.current_value, figure.current_loss),
                                       (figure.new_value, figure.new_loss),
                                       (figure.minimum_value, figure.minimum_loss))
              if in_view(value, loss)]
    if losses.size == 0 and not points:
        return None
    curve_low = [float(losses.min())] if losses.size else []
    curve_high = [float(np.quantile(losses, Y_QUANTILE))] if losses.size else []
    low, high = min(curve_low + points), max(curve_high + points)
    if losses.size and float(losses.max()) - low <= FULL_CURVE_FACTOR * max(high - low, 1e-12):
        high = max(high, float(losses.max()))  # no spike: show the whole curve
    if points:
        # After a divergence most of the curve may be astronomically high (1e48): then the
        # quantile is too, and the marked points decide.
        top = max(points)
        high = max(top, min(high, top + POINT_SPAN_CAP * max(abs(top), top - low)))
    for value, loss in extra:
        if in_view(value, loss) and loss - low <= 2.0 * max(high - low, 1e-12):
            low, high = min(low, loss), max(high, loss)
    span = high - low
    if span <= 0:
        span = max(abs(high), 1.0) * 0.1
    return low - 0.08 * span, high + 0.12 * span


def step_end(figure: GradientStepFigure) -> tuple[float, float]:
    """Where the step arrow ends: the new point, or where the step leaves the curve's range.

    An overshooting step (a learning rate far too high) can land 1e17 weight units away; a line
    drawn to there loses all precision, so it is cut at the edge of the view.
    """
    x_lo, x_hi = float(figure.values[0]), float(figure.values[-1])
    cx, cy, nx, ny = figure.current_value, figure.current_loss, figure.new_value, figure.new_loss
    if x_lo <= nx <= x_hi or nx == cx:
        return nx, ny
    edge = x_hi if nx > x_hi else x_lo
    if not math.isfinite(ny):
        return edge, cy
    return edge, cy + (edge - cx) / (nx - cx) * (ny - cy)


def tangent_segment(figure: GradientStepFigure, y_span: float,
                    x_fraction: float = TANGENT_X_FRACTION,
                    y_fraction: float = TANGENT_Y_FRACTION) -> tuple[list[float], list[float]]:
    """The tangent at the current point: long enough to read its tilt, short enough to stay near
    the point (at most ``x_fraction`` of the x range either side, and rising at most
    ``y_fraction`` of ``y_span``)."""
    half = x_fraction * (float(figure.values[-1]) - float(figure.values[0]))
    if figure.slope != 0 and math.isfinite(figure.slope):
        half = min(half, y_fraction * y_span / abs(figure.slope))
    cx, cy, slope = figure.current_value, figure.current_loss, figure.slope
    return [cx - half, cx + half], [cy - slope * half, cy + slope * half]


def offview_note(value: float, loss: float, x_range: tuple[float, float],
                 y_range: tuple[float, float] | None
                 ) -> tuple[str, tuple[float, float], tuple[float, float]] | None:
    """Where to say that a point lies outside the view: ``(arrows, position, anchor)``.

    The arrows point where the point went (e.g. ``"←↑"``); the position is the point pulled
    into the view; the anchor puts the text on the side facing into the view, so it is never
    cut off. None if the point is inside the view (or not finite).
    """
    if y_range is None or not (math.isfinite(loss) and math.isfinite(value)):
        return None
    (x_lo, x_hi), (y_lo, y_hi) = x_range, y_range
    arrows = ("←" if value < x_lo else "→" if value > x_hi else "") + (
        "↑" if loss > y_hi else "↓" if loss < y_lo else "")
    if not arrows:
        return None
    x, y = min(max(value, x_lo), x_hi), min(max(loss, y_lo), y_hi)
    where = (x - x_lo) / max(x_hi - x_lo, 1e-300)
    anchor_x = 0.0 if where < 0.25 else 1.0 if where > 0.75 else 0.5
    anchor_y = 0.0 if loss > y_hi else 1.0 if loss < y_lo else 0.5
    return arrows, (x, y), (anchor_x, anchor_y)


def corner(x_range: tuple[float, float], y_range: tuple[float, float], side: int,
           row: int = 0) -> tuple[tuple[float, float], tuple[float, float]]:
    """``(position, anchor)`` of a text at the top of the view (side −1 left, +1 right, 0 the
    middle), anchored so that it lies inside the view; ``row`` 1 puts it one text height lower,
    under another text of the same height."""
    x_lo, x_hi = x_range
    x = x_lo if side < 0 else x_hi if side > 0 else 0.5 * (x_lo + x_hi)
    return (x, y_range[1]), ((1 + side) / 2, -float(row))


def range_moved(shown: tuple[tuple[float, float], ...] | None,
                new: tuple[tuple[float, float], ...], tolerance: float = RANGE_TOLERANCE) -> bool:
    """Whether ``new`` (x and y ranges) differs visibly from ``shown``: by more than
    ``tolerance`` of the shown span at either end of either axis."""
    if shown is None:
        return True
    return any(abs(n - o) > tolerance * (old[1] - old[0])
               for old, pair in zip(shown, new) for o, n in zip(old, pair))


def arrow_on_screen(start: tuple[float, float], end: tuple[float, float],
                    min_length: float = ARROW_MIN_PX) -> tuple[float, float] | None:
    """``(angle in degrees, length)`` of an arrow from ``start`` to ``end`` in pixels, or None
    if it is shorter than ``min_length``: a head longer than the step would stick out behind
    the current point, pointing the wrong way at a glance."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    if length < min_length:
        return None
    return math.degrees(math.atan2(dy, dx)), length


def legend_layout(layouts: Sequence[tuple[int, int]], entries: int, width: float, height: float,
                  measure: Callable[[int], tuple[Sequence[float], float]]) -> tuple[int, int]:
    """The most readable ``(points, columns)`` legend layout that fits ``width`` × ``height``.

    ``layouts`` go from most to least readable; ``measure(points)`` gives the widths of the two
    columns' longest texts and the height of a line at that size. A layout that fits the width
    but not the height is a fallback: the first of those, or else the last layout.
    """
    fitting_width = []
    for points, columns in layouts:
        widths, line = measure(points)
        if (sum(widths) if columns == 2 else max(widths)) > width:
            continue
        fitting_width.append((points, columns))
        if -(-entries // columns) * line * 1.35 <= height:
            return points, columns
    return fitting_width[0] if fitting_width else layouts[-1]


def shade_levels(n: int, shades: int) -> list[int]:
    """Which of ``shades`` shades (faint to strong) each of ``n`` trail dots gets, oldest first;
    a lone dot gets the strongest."""
    if n <= 1:
        return [shades - 1] * n
    return np.linspace(0, shades - 1, n).round().astype(int).tolist()
