"""Points of a loss curve: its lowest finite point, and a reduced copy cheap to place labels by.

Helpers of :mod:`nnsim.ui.loss_plot` (plain NumPy, no Qt).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


def lowest_finite(epochs: Array, values: Array) -> tuple[int, float] | None:
    """``(epoch, value)`` of the lowest finite value (the earliest of equal ones), ignoring NaN
    and ±inf; None if there is none."""
    n = min(epochs.size, values.size)
    ok = np.isfinite(values[:n]) & np.isfinite(epochs[:n])
    if not ok.any():
        return None
    index = np.flatnonzero(ok)[np.argmin(values[:n][ok])]
    return int(round(float(epochs[index]))), float(values[index])


def peak_reduce(x: Array, y: Array, bins: int) -> tuple[Array, Array]:
    """At most about ``2 * bins`` points: each run of points as its lowest and highest value
    (NaN ignored) at its first x. Enough of a curve to keep a label off it, and cheap."""
    n = min(x.size, y.size)
    if n <= 2 * bins:
        return x[:n], y[:n]
    k = math.ceil(n / max(bins, 1))
    m = n // k * k
    chunks = y[:m].reshape(-1, k)
    pairs = np.column_stack([np.fmin.reduce(chunks, axis=1), np.fmax.reduce(chunks, axis=1)])
    return (np.concatenate([np.repeat(x[:m:k], 2), x[m:n]]),
            np.concatenate([pairs.ravel(), y[m:n]]))
