"""Where the landscape figure's parts go: its y range and the end of the step arrow.

Plain arithmetic on a :class:`GradientStepFigure` (no Qt), so it is easy to test and to reason
about after a divergence, when losses reach 1e48 and weights 1e17.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from nnsim.core.landscape import GradientStepFigure

Y_QUANTILE = 0.85  # the curve's top edge may be a 1e6 spike: scale to most of it, not all …
FULL_CURVE_FACTOR = 4.0  # … unless the whole curve fits in this many times that range
POINT_SPAN_CAP = 10.0  # and never more than this many times the marked points' own scale


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
