"""The 1-D loss landscape: the loss against one parameter with all others held fixed.

This is the lecture's gradient-descent figure computed for the real network: the curve, the
current weight and loss, the slope there (the gradient entry), the step −η·slope to the new
weight and loss, and the lowest point along the slice (and whether it goes lower beyond the view).

Why it is fast: one parameter changes only one hidden unit (``w``/hidden ``b``) or one output
(``v``/output ``b``). One forward pass prepares, per sample, everything that stays fixed; each
value then costs a few array passes over the samples, in cache-sized chunks. Mean squared error
on a linear output is a quadratic, centred on its minimum so that no large terms cancel; the
cross-entropies become ``log1p(Σ exp(E + G·t))`` per sample (two vectorised passes, where
``np.logaddexp`` is a scalar loop ~20 times slower); other losses recompute the changed outputs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnsim.core.activations import LEAKY_SLOPE
from nnsim.core.losses import check_pairing, entry_losses, logsumexp
from nnsim.core.network import WEIGHT_LETTERS, Network

Array = NDArray[np.float64]

# Elements per intermediate (values × samples) array: three of them (256 KB each) stay in a
# 1 MB L2 cache. Measured with 1000 samples: 2^15–2^16 are fastest; 2^13 costs 20–30 % more in
# per-chunk overhead, 2^19 (out of cache) 2–3 times as much.
_CHUNK_ELEMENTS = 1 << 15
_EXP_FLOOR = -700.0  # exp's arguments are kept above its underflow (−708), where it is 10× slower
# Rows the figure is computed on by default: with 4000 rows a whole figure (range search, curve,
# minimum, search beyond the view) costs about 20–40 ms on a 2-core laptop, whatever the data size.
DEFAULT_MAX_ROWS = 4000
# The search for lower loss outside the view: out to ±max(50, 10 × view width) around the
# current value, on a coarse grid plus a few points just beyond each edge, then refined.
SEARCH_REACH, SEARCH_WIDTHS, SEARCH_POINTS, SEARCH_EDGE_POINTS = 50.0, 10.0, 201, 8
# "Lower" means lower by more than this share of the in-view minimum (rounding is ~1e-15).
LOWER_TOLERANCE = 1e-9


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


class _Slice:
    """The loss along one parameter, prepared by one forward pass for any number of values.

    Output column k is ``p[:, k] + q[:, k]·t``: for an output parameter t is the shift of the
    parameter (one number per value), for a hidden one t is the hidden unit's new activation
    (one number per value and sample; tanh(z/2) for a sigmoid unit, see ``_unit``).
    """

    def __init__(self, net: Network, X: ArrayLike, Y: ArrayLike, loss: str, name: str) -> None:
        X = net._check_inputs(X)
        Y = net._check_targets(X, Y)
        check_pairing(loss, net.output_activation)
        layer, source, target = _locate(net, name)
        self.current = net[name]
        zs, acts = net.forward(X)
        n, k = Y.shape
        self.n, self.loss, self.output = n, loss, net.output_activation
        self.scale = 1.0 / n if loss == "cce" else 1.0 / (n * k)
        src = np.ones(n) if source is None else acts[layer][:, source]
        self.hidden = layer < len(net.weights) - 1
        if self.hidden:
            self.activation, self.hidden_f = net.hidden_activation, net._hidden_f
            # σ(z) = ½ + ½·tanh(z/2): one vectorised pass instead of four, and no slow paths
            # where exp over- or underflows. t is then tanh(z/2) and a = ½ + ½·t.
            half = 0.5 if self.activation == "sigmoid" else 1.0
            self.src, self.z_unit = half * src, half * zs[layer][:, target]
            w = net.weights[layer + 1][target].copy()
            base = 0.5 if self.activation == "sigmoid" else 0.0
            p = zs[-1] - np.outer(acts[layer + 1][:, target] - base, w)
            q = np.broadcast_to(half * w, (n, k))
        else:
            p, q = zs[-1], np.zeros((n, k))
            q[:, target] = src
        varying = q[0] != 0 if self.hidden else np.arange(k) == target
        self.const = 0.0
        if self.output != "softmax":  # entrywise: the fixed output columns add a constant
            fixed = ~varying
            self.const = float(np.sum(entry_losses(loss, p[:, fixed], net._output_f(p[:, fixed]),
                                                   Y[:, fixed])))
            p, q, Y, varying = p[:, varying], q[:, varying], Y[:, varying], varying[varying]
        self.closed: tuple[float, float, float, float] | None = None
        self.quadratic: tuple[Array, float, Array] | None = None
        self.groups: list[tuple[Array, Array, Array]] = []
        self.columns: tuple[Array, Array, Array, Array] | None = None
        one_class = loss == "cce" and k > 1 and (np.count_nonzero(Y, axis=1) <= 1).all()
        if loss == "mse" and self.output == "linear":
            self._prepare_quadratic(p - Y, q)
        elif one_class:
            classes = np.argmax(Y != 0, axis=1)
            self._prepare_softmax(p, q, classes, Y[np.arange(n), classes], target)
        elif loss == "bce":
            for c in range(p.shape[1]):
                self._prepare_bce_column(p[:, c], q[:, c], Y[:, c])
        else:
            self.columns = (p.T.copy(), q.T.copy(), Y.T.copy(), varying)

    # ----------------------------------------------------------------- preparation per loss
    def _prepare_quadratic(self, r: Array, q: Array) -> None:
        """Σₖ (rₖ + qₖ·t)², centred on its minimum t* so that no large terms cancel."""
        if not self.hidden:  # one t for all samples: a quadratic in the shift, in closed form
            r, src = r[:, 0], q[:, 0]
            c = float(src @ src)
            star = -float(r @ src) / c if c > 0 else 0.0
            e = r + star * src
            self.closed = (star, float(e @ e), float(e @ src), c)
            return
        w = q[0]
        c = float(w @ w)  # per sample: m + c·(t − t*)² + 2(t − t*)·b, b ≈ 0 (rounding)
        stars = -(r @ w) / c if c > 0 else np.zeros(self.n)
        e = r + np.outer(stars, w)
        self.const += float(np.sum(e * e))
        self.quadratic = (stars, c, 2.0 * (e @ w))

    def _prepare_softmax(self, p: Array, q: Array, classes: Array, weight: Array,
                         target: int) -> None:
        """Cross-entropy with one class c per sample: log Σⱼ exp(zⱼ − z_c) = log1p(Σ_{j≠c} …)."""
        n, k = p.shape
        rows = np.arange(n)
        if not self.hidden:
            # Only z_t moves: fold the fixed columns into lse = log Σ_{j≠t} exp(zⱼ). Samples of
            # class t lose softplus(lse − z_t); others lose (lse − z_c) + softplus(z_t − lse).
            lse = logsumexp(np.delete(p, target, axis=1))[:, 0]
            other = classes != target
            sign = np.where(other, 1.0, -1.0)
            self.const = float(np.sum(np.where(other, weight * (lse - p[rows, classes]), 0.0)))
            self.groups.append(((sign * (p[:, target] - lse))[None], (sign * q[:, target])[None],
                                weight))
            return
        others = np.array([[j for j in range(k) if j != c] for c in range(k)])[classes]
        e = np.take_along_axis(p, others, axis=1) - p[rows, classes][:, None]
        g = np.take_along_axis(q, others, axis=1) - q[rows, classes][:, None]
        self.groups.append((e.T.copy(), g.T.copy(), weight))

    def _prepare_bce_column(self, z: Array, q: Array, y: Array) -> None:
        """(1 − y)·softplus(z) + y·softplus(−z): one softplus for 0/1 targets, two otherwise."""
        if np.all((y == 0) | (y == 1)):
            sign = 1.0 - 2.0 * y
            self.groups.append(((sign * z)[None], (sign * q)[None], np.ones(self.n)))
            return
        for side, weight in ((1.0, 1.0 - y), (-1.0, y)):
            self.groups.append(((side * z)[None], (side * q)[None], weight))

    # ----------------------------------------------------------------- evaluation
    def __call__(self, values: ArrayLike) -> Array:
        shift = np.atleast_1d(np.subtract(values, self.current))
        if self.closed is not None:
            star, a, b, c = self.closed
            d = shift - star
            return (self.const + a + 2.0 * d * b + d * d * c) * self.scale
        result = np.empty(shift.size)
        n = self.n
        chunk = max(1, _CHUNK_ELEMENTS // n)
        rows = min(chunk, shift.size)
        # Preallocated: a fresh 256 KB array per operation can cost more in page faults than
        # the arithmetic (freed memory goes back to the system and is faulted in again).
        work = 2 if self.columns is None else len(self.columns[0]) + 2
        buffers = [np.empty((rows, n)) for _ in range(work + self.hidden)]
        with np.errstate(all="ignore"):
            for start in range(0, shift.size, chunk):
                s = shift[start:start + chunk]
                views = [b[:s.size] for b in buffers]
                t = self._unit(s, views.pop()) if self.hidden else s[:, None]
                result[start:start + s.size] = self._sums(t, views)
        return (result + self.const) * self.scale

    def _unit(self, shift: Array, out: Array) -> Array:
        """t for every (value, sample), written into ``out``: the hidden unit's activation, or
        for a sigmoid unit tanh(z/2) (σ(z) = ½ + ½·tanh(z/2) is folded into p and q)."""
        act = self.activation
        np.multiply(shift[:, None], self.src, out=out)
        out += self.z_unit
        if act in ("sigmoid", "tanh"):
            return np.tanh(out, out=out)
        if act == "relu":  # = np.maximum(z, 0); clip is 2× faster
            return np.clip(out, 0.0, np.inf, out=out)
        if act == "leaky_relu":  # equals np.where(z > 0, z, 0.01·z), without its slow select
            return np.maximum(out, LEAKY_SLOPE * out, out=out)
        out[...] = self.hidden_f(out)  # linear (or any other): the network's own function
        return out

    def _sums(self, t: Array, buffers: list[Array]) -> Array:
        """Unscaled loss sums (without ``const``) for a chunk of values."""
        if self.quadratic is not None:
            star, c, b2 = self.quadratic
            d = np.subtract(t, star, out=t)
            return c * np.einsum("ij,ij->i", d, d) + d @ b2
        if self.columns is not None:
            return self._column_sums(t, buffers)
        x, acc = buffers
        total: Array | float = 0.0
        for e, g, weight in self.groups:
            np.multiply(t, g[0], out=x)
            x += e[0]
            # Below −700 a term is < 1e-304 and exp would be 10× slower; overflow is caught below.
            np.exp(np.clip(x, _EXP_FLOOR, np.inf, out=x), out=x)
            for j in range(1, e.shape[0]):
                np.multiply(t, g[j], out=acc)
                acc += e[j]
                x += np.exp(np.clip(acc, _EXP_FLOOR, np.inf, out=acc), out=acc)
            sums = np.log1p(x, out=x) @ weight
            bad = ~np.isfinite(sums)
            if bad.any():  # exp overflowed (|z| > 709): redo those values the stable way
                z = t[bad][:, :, None] * g.T + e.T
                z = np.concatenate([np.zeros(z.shape[:2] + (1,)), z], axis=2)
                sums[bad] = logsumexp(z)[:, :, 0] @ weight
            total = total + sums
        return np.asarray(total)

    def _column_sums(self, t: Array, buffers: list[Array]) -> Array:
        """Any other loss: the output columns, then the loss as the network computes it."""
        assert self.columns is not None
        p, q, y, varying = self.columns
        z, (peak, norm) = buffers[:-2], buffers[-2:]
        for c, zc in enumerate(z):
            if varying[c]:
                np.add(np.multiply(t, q[c], out=zc), p[c], out=zc)
            else:
                zc[...] = p[c]
        if self.output == "softmax":
            peak[...] = z[0]
            for zc in z[1:]:
                np.maximum(peak, zc, out=peak)
            if self.loss == "cce":  # Σ yₖ·(lse − zₖ), with lse = peak + log Σ exp(zₖ − peak)
                linear = sum(zc @ yc for zc, yc in zip(z, y))
            norm[...] = 0.0
            for zc in z:  # exp(zₖ − peak), kept above exp's slow underflow (< 1e-304 anyway)
                norm += np.exp(np.clip(np.subtract(zc, peak, out=zc), _EXP_FLOOR, 0.0, out=zc),
                               out=zc)
            if self.loss == "cce":
                return (np.log(norm, out=norm) + peak) @ y.sum(axis=0) - linear
            outs = [np.divide(zc, norm, out=zc) for zc in z]
        elif self.output == "sigmoid":  # 1 / (1 + exp(−z)), in place
            outs = [np.divide(1.0, np.add(np.exp(np.clip(np.negative(zc, out=zc), -700.0, 700.0,
                                                        out=zc), out=zc), 1.0, out=zc), out=zc)
                    for zc in z]
        else:
            outs = [np.tanh(zc, out=zc) if self.output == "tanh" else zc for zc in z]
        total: Array | float = 0.0
        for out, yc in zip(outs, y):
            d = np.subtract(out, yc, out=out)
            total = total + (np.einsum("ij,ij->i", d, d) if self.loss == "mse"
                             else np.abs(d, out=d) @ np.ones(d.shape[1]))
        return np.asarray(total)


def landscape(net: Network, X: ArrayLike, Y: ArrayLike, loss: str, name: str,
              values: ArrayLike) -> Array:
    """Loss with parameter ``name`` set to each of ``values``, all other parameters fixed.

    Equal (to rounding) to setting ``net[name] = v`` and calling ``net.loss(X, Y, loss)`` for
    every v, but vectorised. The network is left unchanged.
    """
    return _Slice(net, X, Y, loss, name)(values)


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
    value, best, i = _refine(_Slice(net, X, Y, loss, name), np.asarray(values), losses, rounds)
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
    return _auto_range(_Slice(net, X, Y, loss, name), net[name], slope, learning_rate, limit)


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
    evaluate = _Slice(net, X, Y, loss, name)
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
