"""The lecture's gradient-descent figure for one parameter of the real network.

The curve over a range of values (chosen automatically if not given), the current weight and
loss, the slope there (the gradient entry), the step −η·slope to the new weight and loss, the
lowest point in view, and whether the loss goes lower beyond the view. Large data are sampled
to a fixed number of evenly spaced rows, which bounds the cost of a figure.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnsim.core.landscape_slice import LossSlice
from nnsim.core.network import Network

Array = NDArray[np.float64]

# Rows the figure is computed on by default: with 4000 rows a whole figure (range search, curve,
# minimum, search beyond the view) costs about 20–40 ms on a 2-core laptop, whatever the data size.
DEFAULT_MAX_ROWS = 4000
# The search for lower loss outside the view: out to ±max(50, 10 × view width) around the
# current value, on a coarse grid plus a few points just beyond each edge, then refined.
SEARCH_REACH, SEARCH_WIDTHS, SEARCH_POINTS, SEARCH_EDGE_POINTS = 50.0, 10.0, 201, 8
# "Lower" means lower by more than this share of the in-view minimum (rounding is ~1e-15).
LOWER_TOLERANCE = 1e-9


def sample_indices(total_rows: int, max_rows: int | None) -> NDArray[np.intp] | None:
    """The rows the figure is computed on: ``max_rows`` evenly spaced ones, or None for all.

    Deterministic (the same rows for the same data size), so the curve does not flicker from one
    snapshot to the next; evenly spaced rather than the first ones, as data may be sorted.
    """
    if max_rows is None or total_rows <= max_rows:
        return None
    if max_rows < 1:
        raise ValueError(f"max_rows must be at least 1 or None, got {max_rows}")
    return (np.arange(max_rows) * total_rows) // max_rows


def _sampled(net: Network, X: ArrayLike, Y: ArrayLike,
             max_rows: int | None) -> tuple[Array, Array, int | None, int]:
    """(X, Y) checked and sampled, the number of rows sampled (None: all) and of all rows."""
    X = net._check_inputs(X)
    Y = net._check_targets(X, Y)
    rows = sample_indices(X.shape[0], max_rows)
    if rows is None:
        return X, Y, None, X.shape[0]
    return X[rows], Y[rows], rows.size, X.shape[0]


@dataclass(frozen=True)
class GradientStepFigure:
    """Everything the lecture's gradient-descent figure shows, for one parameter.

    ``slope`` is ∂L/∂param at the current value (the gradient entry), ``step`` is −η·slope and
    ``new_value`` = current + step with the loss ``new_loss`` there. ``minimum_value`` is the lowest
    point along the slice within ``values``' range, refined beyond the grid;
    ``minimum_at_edge`` says the curve still falls at the edge of the range.
    ``minimum_is_global`` is False when a search far beyond the view (±max(50, 10 × view width)
    around the current value, coarse grid then refined) found a loss lower than ``minimum_loss``
    by more than a relative 1e-9: ``lower_point`` = ``(value, loss)`` is the lowest it found, on
    ``lower_side`` −1 (left) or +1 (right); 0 when the minimum is global.
    ``sample_rows``: the number of rows everything was computed on, when the data had more than
    ``max_rows`` (None: all ``total_rows`` rows).
    """

    name: str
    values: Array
    losses: Array
    current_value: float
    current_loss: float
    slope: float
    learning_rate: float
    step: float
    new_value: float
    new_loss: float
    minimum_value: float
    minimum_loss: float
    minimum_at_edge: bool
    minimum_is_global: bool = True
    lower_side: int = 0
    lower_point: tuple[float, float] | None = None
    sample_rows: int | None = None
    total_rows: int = 0


def _lowest(losses: Array) -> tuple[int, float]:
    """Index and value of the lowest loss; non-finite losses count as +inf."""
    finite = np.where(np.isfinite(losses), losses, np.inf)
    i = int(np.argmin(finite))
    return i, float(finite[i])


def _refine(evaluate, values: Array, losses: Array, rounds: int = 3,
            bounds: tuple[float, float] = (-np.inf, np.inf)) -> tuple[float, float, int]:
    """Grid minimum refined by repeated finer grids around it: ``(value, loss, grid index)``."""
    i, best_l = _lowest(losses)
    best_v = float(values[i])
    lo, hi = values[max(i - 1, 0)], values[min(i + 1, values.size - 1)]
    for _ in range(rounds):
        lo, hi = max(lo, bounds[0]), min(hi, bounds[1])
        if not hi > lo:
            break
        grid = np.linspace(lo, hi, 33)
        j, fine_l = _lowest(evaluate(grid))
        if fine_l <= best_l:
            best_v, best_l = float(grid[j]), fine_l
        lo, hi = grid[max(j - 1, 0)], grid[min(j + 1, grid.size - 1)]
    return best_v, best_l, i


def find_minimum(net: Network, X: ArrayLike, Y: ArrayLike, loss: str, name: str,
                 values: Array, losses: Array, rounds: int = 3) -> tuple[float, float, bool]:
    """The lowest point of the slice, ``(value, loss, at_edge)``: the grid minimum refined by
    repeated finer grids around it."""
    value, best, i = _refine(LossSlice(net, X, Y, loss, name), np.asarray(values), losses, rounds)
    return value, best, i in (0, len(values) - 1)


def _lower_outside(evaluate, values: Array, current: float,
                   minimum_loss: float) -> tuple[int, tuple[float, float] | None]:
    """(side, point) of the lowest loss found outside the view, if lower than ``minimum_loss``.

    A coarse grid out to ±max(50, 10 × width) around ``current``, plus a few points just beyond
    each edge (where a curve that still falls at the edge goes lower first), then refined.
    """
    lo, hi = float(values[0]), float(values[-1])
    width = hi - lo
    reach = max(SEARCH_REACH, SEARCH_WIDTHS * width)
    grid = np.concatenate([np.linspace(lo - width, lo, SEARCH_EDGE_POINTS + 1)[:-1],
                           np.linspace(min(current - reach, lo), max(current + reach, hi),
                                       SEARCH_POINTS),
                           np.linspace(hi, hi + width, SEARCH_EDGE_POINTS + 1)[1:]])
    grid = np.unique(grid[(grid < lo) | (grid > hi)])
    losses = evaluate(grid)
    if not np.isfinite(losses).any():  # nothing out there (or nothing finite)
        return 0, None
    bounds = (-np.inf, lo) if grid[_lowest(losses)[0]] < lo else (hi, np.inf)
    value, best, _ = _refine(evaluate, grid, losses, rounds=2, bounds=bounds)
    # False for a non-finite minimum_loss too: a view with no finite loss has nothing to beat.
    if not best < minimum_loss - LOWER_TOLERANCE * abs(minimum_loss):
        return 0, None
    return (-1 if value < lo else 1), (value, best)


def _auto_range(evaluate, current: float, slope: float, learning_rate: float,
                limit: float) -> tuple[float, float]:
    new_value = current - learning_rate * slope
    half = min(max(1.0, 0.5 * abs(current), 1.5 * abs(new_value - current)), limit)
    lo, hi = current - half, current + half
    for _ in range(8):
        grid = np.linspace(lo, hi, 81)
        i, _ = _lowest(evaluate(grid))
        if 0 < i < grid.size - 1:
            break
        width = hi - lo
        if i == 0 and lo > current - limit:
            lo = max(lo - width, current - limit)
        elif i == grid.size - 1 and hi < current + limit:
            hi = min(hi + width, current + limit)
        else:
            break
    points = [current, new_value, grid[i]]
    lo2, hi2 = min(points), max(points)
    margin = max(0.25 * (hi2 - lo2), 0.5)
    return (max(lo2 - margin, current - limit - 1), min(hi2 + margin, current + limit + 1))


def auto_range(net: Network, X: ArrayLike, Y: ArrayLike, loss: str, name: str,
               learning_rate: float, limit: float = 8.0,
               max_rows: int | None = DEFAULT_MAX_ROWS) -> tuple[float, float]:
    """A range that shows the current value, the step's landing point and the minimum.

    Starts around the current value and widens towards lower loss until the slice has an
    interior minimum (or reaches ±``limit``, as on a sigmoid plateau that falls forever).
    Computed on the same rows as :func:`landscape_figure` with the same ``max_rows``.
    """
    X, Y, _, _ = _sampled(net, X, Y, max_rows)
    slope = float(net.gradient(X, Y, loss)[net.index(name)])
    return _auto_range(LossSlice(net, X, Y, loss, name), net[name], slope, learning_rate, limit)


def landscape_figure(net: Network, X: ArrayLike, Y: ArrayLike, loss: str, name: str,
                     learning_rate: float, value_range: tuple[float, float] | None = None,
                     n_points: int = 401,
                     loss_and_gradient: tuple[float, Array] | None = None,
                     max_rows: int | None = DEFAULT_MAX_ROWS) -> GradientStepFigure:
    """The lecture's gradient-descent figure for parameter ``name`` of ``net`` on ``(X, Y)``.

    Parameters
    ----------
    value_range : the weights shown, or None for :func:`auto_range`.
    loss_and_gradient : ``net.loss_and_gradient(X, Y, loss)`` if the caller has it already (it
        is then not computed twice). Ignored when the data are sampled (see ``max_rows``): the
        current loss and the slope then come from the sample itself, so that the current point
        lies on the drawn curve and the tangent touches it.
    max_rows : with more rows than this, everything (range, curve, current point, slope, step,
        minimum) is computed on ``max_rows`` evenly spaced rows (:func:`sample_indices`), which
        bounds the cost whatever the data size. None uses every row.
    """
    X, Y, sample_rows, total_rows = _sampled(net, X, Y, max_rows)
    if loss_and_gradient is None or sample_rows is not None:
        loss_and_gradient = net.loss_and_gradient(X, Y, loss)
    evaluate = LossSlice(net, X, Y, loss, name)
    current = net[name]
    current_loss, grad = loss_and_gradient
    slope = float(grad[net.index(name)])
    lo, hi = value_range or _auto_range(evaluate, current, slope, learning_rate, 8.0)
    values = np.linspace(lo, hi, n_points)
    losses = evaluate(values)
    step = -learning_rate * slope
    new_value = current + step
    new_loss = float(evaluate([new_value])[0])
    min_v, min_l, i = _refine(evaluate, values, losses)
    side, lower = _lower_outside(evaluate, values, current, min_l)
    return GradientStepFigure(name, values, losses, current, float(current_loss), slope,
                              learning_rate, step, new_value, new_loss, min_v, min_l,
                              i in (0, values.size - 1), side == 0, side, lower, sample_rows,
                              total_rows)
