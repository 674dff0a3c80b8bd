"""The data seen from the network: its output over the plane of two chosen inputs.

For the Data view: the rows drawn over two inputs (the others held at their training mean), with
the network's output as a background — for classification the predicted class and its
probability, so the decision boundary shows; for regression the first output's value.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from nnsim.core.network import Network

Array = NDArray[np.float64]

GRID_SIZE = 100  # points per axis: a smooth boundary, 10,000 rows through the network (~1 ms)


@dataclass(frozen=True, eq=False)
class OutputGrid:
    """The network's output on a grid over inputs ``axes`` (0-based), others at ``fixed``.

    Attributes
    ----------
    axes : the two input indices (x, y).
    xs, ys : the grid coordinates (GRID_SIZE each), in the network's (standardised) inputs.
    fixed : the value of every input (those on the axes are ignored).
    outputs : (len(ys), len(xs), k) network outputs after the output activation.
    predicted : (len(ys), len(xs)) the class with the largest output (classification).
    rows : the rows the grid's box was fitted to.
    """

    axes: tuple[int, int]
    xs: Array
    ys: Array
    fixed: Array
    outputs: Array
    predicted: NDArray[np.intp]
    rows: Array


def output_grid(net: Network, X: Array, axes: tuple[int, int],
                size: int = GRID_SIZE, margin: float = 0.1) -> OutputGrid:
    """The network's outputs over the box that holds the rows ``X`` on ``axes`` (plus a margin);
    the other inputs are held at the mean of ``X`` (the training rows)."""
    i, j = axes
    if i == j or not (0 <= i < X.shape[1] and 0 <= j < X.shape[1]):
        raise ValueError(f"two different inputs are needed, got {axes}")
    fixed = X.mean(axis=0)

    def span(column: Array) -> Array:
        lo, hi = float(column.min()), float(column.max())
        pad = margin * (hi - lo) or 1.0
        return np.linspace(lo - pad, hi + pad, size)

    xs, ys = span(X[:, i]), span(X[:, j])
    grid = np.tile(fixed, (size * size, 1))
    gx, gy = np.meshgrid(xs, ys)
    grid[:, i], grid[:, j] = gx.ravel(), gy.ravel()
    with np.errstate(all="ignore"):
        outputs = net.predict(grid).reshape(size, size, -1)
    return OutputGrid((i, j), xs, ys, fixed, outputs, outputs.argmax(axis=2), X)
