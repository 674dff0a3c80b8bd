"""The 1-D loss landscape: the loss against one parameter with all others held fixed.

This is the lecture's gradient-descent figure computed for the real network: the curve, the
current weight and loss, the slope there (the gradient entry), the step −η·slope to the new
weight and loss, and the lowest point along the slice (and whether it goes lower beyond the view).

This module is what callers import: :func:`landscape` for the curve alone, and, re-exported from
:mod:`~nnsim.core.landscape_figure`, the figure (:func:`landscape_figure`, :func:`auto_range`,
:func:`find_minimum`, :class:`GradientStepFigure`, :func:`sample_indices`). The fast evaluation
behind both is :class:`~nnsim.core.landscape_slice.LossSlice`; it lives in its own module, so
that the figure can use it without importing this one, which imports the figure.
"""

from __future__ import annotations

from numpy.typing import ArrayLike

from nnsim.core.landscape_figure import (DEFAULT_MAX_ROWS, LOWER_TOLERANCE, SEARCH_EDGE_POINTS,
                                         SEARCH_POINTS, SEARCH_REACH, SEARCH_WIDTHS,
                                         GradientStepFigure, auto_range, find_minimum,
                                         landscape_figure, sample_indices)
from nnsim.core.landscape_slice import Array, LossSlice
from nnsim.core.network import Network

__all__ = ["DEFAULT_MAX_ROWS", "LOWER_TOLERANCE", "SEARCH_EDGE_POINTS", "SEARCH_POINTS",
           "SEARCH_REACH", "SEARCH_WIDTHS", "Array", "GradientStepFigure", "auto_range",
           "find_minimum", "landscape", "landscape_figure", "sample_indices"]


def landscape(net: Network, X: ArrayLike, Y: ArrayLike, loss: str, name: str,
              values: ArrayLike) -> Array:
    """Loss with parameter ``name`` set to each of ``values``, all other parameters fixed.

    Equal (to rounding) to setting ``net[name] = v`` and calling ``net.loss(X, Y, loss)`` for
    every v, but vectorised. The network is left unchanged.
    """
    return LossSlice(net, X, Y, loss, name)(values)
