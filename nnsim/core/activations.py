"""Activation functions with their display names, formulas and derivatives.

Every activation the GUI offers lives in one registry, so the control panel, the activation
preview and the network all read the same formula text and the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]

LEAKY_SLOPE = 0.01


def sigmoid(x: Array) -> Array:
    """σ(x) = 1 / (1 + e^(−x)), computed as ½ + ½·tanh(x/2), the same function.

    The tanh form never overflows (e^(−x) does below x ≈ −709), so it needs no floating-point
    error state switched around it, which cost as much as the arithmetic on the lecture's small
    arrays; it reaches exactly 0 and 1 in the limits.
    """
    out = np.tanh(np.multiply(x, 0.5))
    if isinstance(out, np.ndarray):  # in place: no further temporaries
        out *= 0.5
        out += 0.5
        return out
    return 0.5 + 0.5 * out


def relu(x: Array) -> Array:
    """ReLU(x) = max(0, x)."""
    return np.maximum(x, 0.0)


def leaky_relu(x: Array) -> Array:
    """Leaky ReLU: x for x > 0, 0.01·x otherwise (a dead unit still gets a gradient)."""
    return np.where(x > 0, x, LEAKY_SLOPE * x)


def tanh(x: Array) -> Array:
    """tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x))."""
    return np.tanh(x)


def linear(x: Array) -> Array:
    """Identity: the output is the weighted sum itself."""
    return x


def softmax(x: Array) -> Array:
    """Softmax over the last axis, shifted by the row maximum so exp never overflows."""
    shifted = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


# Derivatives are written in terms of the input x and the output y = f(x): for sigmoid and tanh the
# output form is both cheaper and exactly what backpropagation already has at hand.
def _d_sigmoid(x: Array, y: Array) -> Array:
    return y * (1.0 - y)


def _d_relu(x: Array, y: Array) -> Array:
    return (x > 0).astype(np.float64)


def _d_leaky_relu(x: Array, y: Array) -> Array:
    return np.where(x > 0, 1.0, LEAKY_SLOPE)


def _d_tanh(x: Array, y: Array) -> Array:
    return 1.0 - y * y


def _d_linear(x: Array, y: Array) -> Array:
    return np.ones_like(x)


@dataclass(frozen=True)
class Activation:
    """One activation function as the app shows it.

    Attributes
    ----------
    name : registry key, e.g. ``"sigmoid"``.
    display_name : what the GUI shows, e.g. ``"Sigmoid"``.
    formula : the formula as plain text.
    derivative_formula : its derivative as plain text.
    function : elementwise (or, for softmax, row-wise) function.
    derivative : ``derivative(x, y)`` with ``y = function(x)``; None for softmax, whose Jacobian
        is not elementwise (the network handles it row by row).
    output_range : text such as ``"(0, 1)"`` for tooltips.
    example : the lecture's worked example ``(x, f(x))`` if it has one.
    """

    name: str
    display_name: str
    formula: str
    derivative_formula: str
    function: Callable[[Array], Array]
    derivative: Callable[[Array, Array], Array] | None
    output_range: str
    example: tuple[float, float] | None = None

    def __call__(self, x: Array) -> Array:
        return self.function(np.asarray(x, dtype=np.float64))

    def grad(self, x: Array) -> Array:
        """The derivative f′(x) (elementwise activations only)."""
        if self.derivative is None:
            raise ValueError(f"{self.display_name} has no elementwise derivative")
        x = np.asarray(x, dtype=np.float64)
        return self.derivative(x, self.function(x))


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("sigmoid", "Sigmoid", "σ(x) = 1 / (1 + e^(−x))", "σ′(x) = σ(x) · (1 − σ(x))",
                   sigmoid, _d_sigmoid, "(0, 1)", (0.0, 0.5)),
        Activation("relu", "ReLU", "ReLU(x) = max(0, x)", "ReLU′(x) = 1 if x > 0 else 0",
                   relu, _d_relu, "[0, ∞)", (2.0, 2.0)),
        Activation("tanh", "Tanh", "tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x))",
                   "tanh′(x) = 1 − tanh(x)²", tanh, _d_tanh, "(−1, 1)", (0.0, 0.0)),
        Activation("linear", "Linear", "f(x) = x", "f′(x) = 1", linear, _d_linear, "(−∞, ∞)"),
        Activation("leaky_relu", "Leaky ReLU", "f(x) = x if x > 0 else 0.01·x",
                   "f′(x) = 1 if x > 0 else 0.01", leaky_relu, _d_leaky_relu, "(−∞, ∞)"),
        Activation("softmax", "Softmax", "softmax(x)ₖ = e^(xₖ) / Σⱼ e^(xⱼ)",
                   "∂softmaxₖ/∂xⱼ = softmaxₖ · (δₖⱼ − softmaxⱼ)", softmax, None,
                   "(0, 1), sums to 1"),
    )
}

HIDDEN_ACTIVATIONS: tuple[str, ...] = ("sigmoid", "relu", "tanh", "linear", "leaky_relu")
OUTPUT_ACTIVATIONS: tuple[str, ...] = ("linear", "sigmoid", "tanh", "softmax")


def get_activation(name: str) -> Activation:
    """Look up an activation by name, with a message listing the valid names."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(
            f"unknown activation {name!r}; choose one of {', '.join(ACTIVATIONS)}"
        ) from None
