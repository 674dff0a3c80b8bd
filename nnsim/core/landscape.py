"""The 1-D loss landscape: the loss against one parameter with all others held fixed.

This is the lecture's gradient-descent figure computed for the real network: the curve, the
current weight and loss, the slope there (the gradient entry), the step −η·slope to the new
weight and loss, and the lowest point along the slice.

Why it is fast: one parameter changes only one hidden unit (``w``/hidden ``b``) or one output
(``v``/output ``b``). Everything upstream of it is computed once; only the affected column is
recomputed for all values at once, in chunks small enough to stay in the CPU cache.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnsim.core.losses import ENTRYWISE_LOSSES, check_pairing, entry_losses, logsumexp
from nnsim.core.network import WEIGHT_LETTERS, Network

Array = NDArray[np.float64]

_CHUNK_ELEMENTS = 1 << 15  # ~256 KB of float64 per intermediate array: fits in L2


def _locate(net: Network, name: str) -> tuple[int, int | None, int]:
    """(layer, source unit or None for a bias, target unit) of a parameter, 0-based."""
    net.index(name)
    if name[0] == "b":
        k = int(name[1:]) - 1
        for layer, size in enumerate(net.sizes[1:]):
            if k < size:
                return layer, None, k
            k -= size
    return WEIGHT_LETTERS.index(name[0]), int(name[1]) - 1, int(name[2]) - 1


def landscape(net: Network, X: ArrayLike, Y: ArrayLike, loss: str, name: str,
              values: ArrayLike) -> Array:
    """Loss with parameter ``name`` set to each of ``values``, all other parameters fixed.

    Equal (to rounding) to setting ``net[name] = v`` and calling ``net.loss(X, Y, loss)`` for
    every v, but vectorised. The network is left unchanged.
    """
    X = net._check_inputs(X)
    Y = net._check_targets(X, Y)
    check_pairing(loss, net.output_activation)
    values = np.atleast_1d(np.asarray(values, dtype=np.float64))
    layer, source, target = _locate(net, name)
    zs, acts = net.forward(X)
    shift = values - net[name]
    # What the parameter multiplies: the source unit's activation, or 1 for a bias.
    src = np.ones(X.shape[0]) if source is None else acts[layer][:, source]
    last = len(net.weights) - 1
    out_f = net._output_f
    result = np.empty(values.size)
    n, n_out = Y.shape
    chunk = max(1, _CHUNK_ELEMENTS // n)

    if layer == last and loss in ENTRYWISE_LOSSES and net.output_activation != "softmax":
        # Only output column `target` changes; the other columns add a constant.
        others = np.delete(np.arange(n_out), target)
        z_out = zs[-1]
        base = (np.sum(entry_losses(loss, z_out[:, others], acts[-1][:, others], Y[:, others]))
                if others.size else 0.0)
        y = Y[:, target]
        for start in range(0, values.size, chunk):
            s = shift[start:start + chunk, None]
            z = z_out[:, target] + s * src
            out = None if loss == "bce" else out_f(z)
            result[start:start + s.shape[0]] = _row_sums(loss, z, out, y)
        return (result + base) / (n * n_out)

    if layer == last and loss == "cce":
        # Softmax couples the outputs, but only through log Σ e^z: fold the fixed columns into one.
        z_out = zs[-1]
        others = np.delete(np.arange(n_out), target)
        lse_others = logsumexp(z_out[:, others])[:, 0] if others.size else np.full(n, -np.inf)
        fixed_part = np.sum(Y[:, others] * z_out[:, others], axis=1)
        y_sum, y_t = Y.sum(axis=1), Y[:, target]
        for start in range(0, values.size, chunk):
            s = shift[start:start + chunk, None]
            z = z_out[:, target] + s * src
            lse = np.logaddexp(lse_others, z)
            result[start:start + s.shape[0]] = np.mean(lse * y_sum - fixed_part - y_t * z, axis=1)
        return result

    # A hidden parameter changes one hidden unit, whose change reaches every output (and with
    # softmax, one output moves them all). Work output column by output column: arrays of shape
    # (values, samples) keep NumPy's inner loop long, where (values, samples, outputs) would
    # loop over just a few outputs at a time.
    hidden = layer < last
    z_cols = [np.ascontiguousarray(zs[-1][:, k]) for k in range(n_out)]
    y_cols = [np.ascontiguousarray(Y[:, k]) for k in range(n_out)]
    if hidden:
        z_unit = np.ascontiguousarray(zs[layer][:, target])
        a_unit = np.ascontiguousarray(acts[layer + 1][:, target])
        w_out = net.weights[layer + 1][target].copy()
    for start in range(0, values.size, chunk):
        s = shift[start:start + chunk, None]
        moved = s * src
        if hidden:
            moved += z_unit
            a_change = net._hidden_f(moved)
            a_change -= a_unit
            columns = [a_change * w_out[k] + z_cols[k] for k in range(n_out)]
        else:
            columns = [moved + z_cols[k] if k == target else z_cols[k][None, :]
                       for k in range(n_out)]
        result[start:start + s.shape[0]] = _loss_by_columns(loss, net.output_activation,
                                                            out_f, columns, y_cols)
    return result


def _row_sums(loss: str, z: Array, out: Array | None, y: Array) -> Array:
    """Per-row sums of an entrywise loss (mse with one fused multiply-add pass)."""
    if loss == "mse":
        d = out - y
        return np.einsum("ij,ij->i", d, d)
    return np.sum(entry_losses(loss, z, out, y), axis=1)


def _loss_by_columns(loss: str, output_activation: str, out_f, columns: list[Array],
                     y_cols: list[Array]) -> Array:
    """The loss for a stack of forward passes given as one (passes, samples) array per output."""
    n, n_out = y_cols[0].size, len(y_cols)
    if output_activation != "softmax":
        # Binary cross-entropy works on the logits alone: skip the sigmoid it would discard.
        total = sum(_row_sums(loss, z, None if loss == "bce" else out_f(z), y)
                    for z, y in zip(columns, y_cols))
        return total / (n * n_out)
    peak = np.maximum.reduce(np.broadcast_arrays(*columns))
    exps = [np.exp(z - peak) for z in columns]
    norm = sum(exps)
    if loss == "cce":
        lse = peak + np.log(norm)
        return sum(np.sum(y * (lse - z), axis=1) for z, y in zip(columns, y_cols)) / n
    total = sum(_row_sums(loss, z, e / norm, y) for z, e, y in zip(columns, exps, y_cols))
    return total / (n * n_out)


@dataclass(frozen=True)
class GradientStepFigure:
    """Everything the lecture's gradient-descent figure shows, for one parameter.

    ``slope`` is ∂L/∂param at the current value (the gradient entry), ``step`` is −η·slope and
    ``new_value`` = current + step with the loss ``new_loss`` there. ``minimum_value`` is the lowest
    point along the slice within ``values``' range, refined beyond the grid;
    ``minimum_at_edge`` says the curve still falls at the edge (the true minimum lies outside).
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


def find_minimum(net: Network, X: ArrayLike, Y: ArrayLike, loss: str, name: str,
                 values: Array, losses: Array, rounds: int = 3) -> tuple[float, float, bool]:
    """The lowest point of the slice: grid minimum refined by repeated finer grids around it.

    Returns ``(value, loss, at_edge)``.
    """
    finite = np.where(np.isfinite(losses), losses, np.inf)
    i = int(np.argmin(finite))
    at_edge = i in (0, values.size - 1)
    best_v, best_l = float(values[i]), float(finite[i])
    lo, hi = values[max(i - 1, 0)], values[min(i + 1, values.size - 1)]
    for _ in range(rounds):
        if hi <= lo:
            break
        grid = np.linspace(lo, hi, 33)
        fine = landscape(net, X, Y, loss, name, grid)
        fine = np.where(np.isfinite(fine), fine, np.inf)
        j = int(np.argmin(fine))
        if fine[j] <= best_l:
            best_v, best_l = float(grid[j]), float(fine[j])
        lo, hi = grid[max(j - 1, 0)], grid[min(j + 1, grid.size - 1)]
    return best_v, best_l, at_edge


def auto_range(net: Network, X: ArrayLike, Y: ArrayLike, loss: str, name: str,
               learning_rate: float, limit: float = 8.0) -> tuple[float, float]:
    """A range that shows the current value, the step's landing point and the minimum.

    Starts around the current value and widens towards lower loss until the slice has an
    interior minimum (or reaches ±``limit``, as on a sigmoid plateau that falls forever).
    """
    current = net[name]
    slope = float(net.gradient(X, Y, loss)[net.index(name)])
    new_value = current - learning_rate * slope
    half = max(1.0, 0.5 * abs(current), 1.5 * abs(new_value - current))
    half = min(half, limit)
    lo, hi = current - half, current + half
    for _ in range(8):
        grid = np.linspace(lo, hi, 81)
        losses = landscape(net, X, Y, loss, name, grid)
        i = int(np.argmin(np.where(np.isfinite(losses), losses, np.inf)))
        if 0 < i < grid.size - 1:
            break
        width = hi - lo
        if i == 0 and lo > current - limit:
            lo = max(lo - width, current - limit)
        elif i == grid.size - 1 and hi < current + limit:
            hi = min(hi + width, current + limit)
        else:
            break
    minimum = grid[i]
    points = [current, new_value, minimum]
    lo2, hi2 = min(points), max(points)
    margin = max(0.25 * (hi2 - lo2), 0.5)
    return (max(lo2 - margin, current - limit - 1), min(hi2 + margin, current + limit + 1))


def landscape_figure(net: Network, X: ArrayLike, Y: ArrayLike, loss: str, name: str,
                     learning_rate: float, value_range: tuple[float, float] | None = None,
                     n_points: int = 401,
                     loss_and_gradient: tuple[float, Array] | None = None,
                     ) -> GradientStepFigure:
    """The lecture's gradient-descent figure for parameter ``name`` of ``net`` on ``(X, Y)``.

    ``loss_and_gradient`` may pass in ``net.loss_and_gradient(X, Y, loss)`` if the caller has it
    already (it is then not computed twice).
    """
    X = net._check_inputs(X)
    Y = net._check_targets(X, Y)
    lo, hi = value_range or auto_range(net, X, Y, loss, name, learning_rate)
    values = np.linspace(lo, hi, n_points)
    losses = landscape(net, X, Y, loss, name, values)
    current = net[name]
    current_loss, grad = loss_and_gradient or net.loss_and_gradient(X, Y, loss)
    slope = float(grad[net.index(name)])
    step = -learning_rate * slope
    new_value = current + step
    new_loss = float(landscape(net, X, Y, loss, name, [new_value])[0])
    min_v, min_l, at_edge = find_minimum(net, X, Y, loss, name, values, losses)
    return GradientStepFigure(name, values, losses, current, current_loss, slope, learning_rate,
                              step, new_value, new_loss, min_v, min_l, at_edge)
