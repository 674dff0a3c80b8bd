"""The loss along one parameter, all others fixed, computed fast for many values at once.

Why it is fast: one parameter changes only one hidden unit (``w``/hidden ``b``) or one output
(``v``/output ``b``). One forward pass prepares, per sample, everything that stays fixed; each
value then costs a few array passes over the samples, in cache-sized chunks. Mean squared error
on a linear output is a quadratic, centred on its minimum so that no large terms cancel; the
cross-entropies become ``log1p(Σ exp(E + G·t))`` per sample (two vectorised passes, where
``np.logaddexp`` is a scalar loop ~20 times slower); other losses recompute the changed outputs.
"""

from __future__ import annotations

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


class LossSlice:
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
