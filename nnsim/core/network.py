"""The feed-forward network of the lecture: inputs, one hidden layer, outputs, with named parameters.

Parameter names follow the lecture's 3-3-2 picture: ``w{i}{j}`` connects input i to hidden unit j,
``v{j}{k}`` hidden unit j to output k, ``b1…bH`` are the hidden biases and ``b(H+1)…b(H+O)`` the
output biases. All parameters live in one flat vector in ``names`` order; the per-layer weight
matrices are views into it, so the trainer updates every parameter with one NumPy operation.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnsim.core.activations import (ACTIVATIONS, HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS,
                                    get_activation)
from nnsim.core.losses import check_pairing, loss_value, output_delta

Array = NDArray[np.float64]

MAX_UNITS = 9  # names such as w12 stay the lecture's two-digit form
# Letters of the weight names per layer: w (input→hidden), v (hidden→output); more for deeper nets.
WEIGHT_LETTERS = "wvuts"


def parameter_names(sizes: Sequence[int]) -> tuple[str, ...]:
    """Names of all parameters of a network with these layer sizes, in vector order."""
    names: list[str] = []
    for layer, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        letter = WEIGHT_LETTERS[layer]
        names += [f"{letter}{i}{j}" for i in range(1, n_in + 1) for j in range(1, n_out + 1)]
    n_biases = sum(sizes[1:])
    names += [f"b{k}" for k in range(1, n_biases + 1)]
    return tuple(names)


class Network:
    """A fully connected network with one hidden layer and named parameters.

    Parameters
    ----------
    sizes : units per layer, ``(inputs, hidden, outputs)``, each 1–9.
    hidden_activation : one of ``sigmoid``, ``relu``, ``tanh``, ``linear``, ``leaky_relu``.
    output_activation : one of ``linear``, ``sigmoid``, ``tanh``, ``softmax``.
    seed : seed of the initial weights (same seed, same network).

    Examples
    --------
    >>> net = Network(sizes=(3, 3, 2), hidden_activation="sigmoid", seed=0)
    >>> net["w12"] = 0.4
    >>> net["w12"]
    0.4
    """

    def __init__(self, sizes: Sequence[int] = (3, 3, 2), hidden_activation: str = "sigmoid",
                 output_activation: str = "linear", seed: int = 0) -> None:
        sizes = tuple(int(s) for s in sizes)
        if len(sizes) != 3:
            raise ValueError("a network has an input, one hidden and an output layer: "
                             f"sizes needs 3 numbers, got {len(sizes)}")
        for s in sizes:
            if not 1 <= s <= MAX_UNITS:
                raise ValueError(f"each layer holds 1 to {MAX_UNITS} units, got {sizes}")
        self.sizes: tuple[int, ...] = sizes
        self.names: tuple[str, ...] = parameter_names(sizes)
        self._index = {name: i for i, name in enumerate(self.names)}
        self.parameters: Array = np.zeros(len(self.names))
        self.weights, self.biases = self._layer_views(self.parameters)
        # Backprop writes into one reused buffer through fixed per-layer views (no allocation).
        self._grad = np.zeros_like(self.parameters)
        self._grad_weights, self._grad_biases = self._layer_views(self._grad)
        self._hidden_activation = ""
        self._output_activation = ""
        self.hidden_activation = hidden_activation
        self.output_activation = output_activation
        self.seed = seed
        self.initialize(seed)

    # ----------------------------------------------------------------- structure
    def _layer_views(self, flat: Array) -> tuple[list[Array], list[Array]]:
        """Per-layer weight matrices and bias vectors as views into a flat vector."""
        weights, biases, start = [], [], 0
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            weights.append(flat[start:start + n_in * n_out].reshape(n_in, n_out))
            start += n_in * n_out
        for n_out in self.sizes[1:]:
            biases.append(flat[start:start + n_out])
            start += n_out
        return weights, biases

    @property
    def hidden_activation(self) -> str:
        return self._hidden_activation

    @hidden_activation.setter
    def hidden_activation(self, name: str) -> None:
        if name not in HIDDEN_ACTIVATIONS:
            raise ValueError(f"hidden activation must be one of {', '.join(HIDDEN_ACTIVATIONS)}, "
                             f"got {name!r}")
        self._hidden_activation = name
        act = ACTIVATIONS[name]
        assert act.derivative is not None  # every hidden activation is elementwise
        self._hidden_f, self._hidden_df = act.function, act.derivative

    @property
    def output_activation(self) -> str:
        return self._output_activation

    @output_activation.setter
    def output_activation(self, name: str) -> None:
        if name not in OUTPUT_ACTIVATIONS:
            raise ValueError(f"output activation must be one of {', '.join(OUTPUT_ACTIVATIONS)}, "
                             f"got {name!r}")
        self._output_activation = name
        self._output_f = get_activation(name).function

    def initialize(self, seed: int | None = None) -> None:
        """Draw new initial weights from ``seed`` (biases start at 0).

        Glorot-uniform for sigmoid/tanh/linear units, He-uniform for (leaky) ReLU units: the scale
        keeps the first forward pass away from saturation, so training starts visibly.
        """
        if seed is not None:
            self.seed = seed
        rng = np.random.default_rng(self.seed)
        n_layers = len(self.weights)
        for layer, w in enumerate(self.weights):
            n_in, n_out = w.shape
            hidden = layer < n_layers - 1
            if hidden and self._hidden_activation in ("relu", "leaky_relu"):
                limit = np.sqrt(6.0 / n_in)
            else:
                limit = np.sqrt(6.0 / (n_in + n_out))
            w[...] = rng.uniform(-limit, limit, size=w.shape)
        for b in self.biases:
            b[...] = 0.0

    def copy(self) -> Network:
        """An independent network with the same structure and parameters."""
        other = Network(self.sizes, self._hidden_activation, self._output_activation, self.seed)
        other.parameters[:] = self.parameters
        return other

    # ----------------------------------------------------------------- parameters by name
    def index(self, name: str) -> int:
        """Position of parameter ``name`` in the vector."""
        try:
            return self._index[name]
        except KeyError:
            raise KeyError(f"no parameter {name!r} in a {'-'.join(map(str, self.sizes))} "
                           f"network (names run {self.names[0]}…{self.names[-1]})") from None

    def __getitem__(self, name: str) -> float:
        return float(self.parameters[self.index(name)])

    def __setitem__(self, name: str, value: float) -> None:
        value = float(value)
        if not np.isfinite(value):
            raise ValueError(f"{name} must be a finite number, got {value}")
        self.parameters[self.index(name)] = value

    def get_vector(self) -> Array:
        """A copy of all parameters, in ``names`` order."""
        return self.parameters.copy()

    def set_vector(self, vector: ArrayLike) -> None:
        """Set all parameters from a vector in ``names`` order."""
        vector = np.asarray(vector, dtype=np.float64)
        if vector.shape != self.parameters.shape:
            raise ValueError(f"expected {self.parameters.size} values, got shape {vector.shape}")
        self.parameters[:] = vector

    def describe(self, name: str) -> str:
        """What a parameter connects, in the lecture's node names, e.g. ``"I1 → H2"``."""
        self.index(name)
        n_hidden = self.sizes[1]
        if name[0] == "b":
            k = int(name[1:])
            return f"B1 → H{k}" if k <= n_hidden else f"B2 → O{k - n_hidden}"
        layer = WEIGHT_LETTERS.index(name[0])
        src, dst = ("I", "H") if layer == 0 else ("H", "O")
        return f"{src}{name[1]} → {dst}{name[2]}"

    # ----------------------------------------------------------------- forward and backward
    def forward(self, X: Array) -> tuple[list[Array], list[Array]]:
        """Weighted sums ``z`` and activations ``a`` of every layer (``a[0]`` is X itself)."""
        zs: list[Array] = []
        acts: list[Array] = [X]
        last = len(self.weights) - 1
        for layer, (w, b) in enumerate(zip(self.weights, self.biases)):
            z = acts[-1] @ w + b
            zs.append(z)
            acts.append(self._output_f(z) if layer == last else self._hidden_f(z))
        return zs, acts

    def predict(self, X: ArrayLike) -> Array:
        """Network outputs (after the output activation), shape ``(n, n_outputs)``."""
        X = self._check_inputs(X)
        return self.forward(X)[1][-1]

    def loss(self, X: ArrayLike, Y: ArrayLike, loss: str = "mse") -> float:
        """The loss score of a forward pass over ``X`` against targets ``Y``."""
        X, Y = self._check_inputs(X), self._check_targets(X, Y)
        check_pairing(loss, self._output_activation)
        zs, acts = self.forward(X)
        return float(loss_value(loss, zs[-1], acts[-1], Y))

    def gradient(self, X: ArrayLike, Y: ArrayLike, loss: str = "mse") -> Array:
        """Exact gradient of the loss by backpropagation, a flat array in ``names`` order."""
        return self.loss_and_gradient(X, Y, loss)[1]

    def loss_and_gradient(self, X: ArrayLike, Y: ArrayLike,
                          loss: str = "mse") -> tuple[float, Array]:
        """The loss and its gradient (a new array) from one forward and one backward pass."""
        X, Y = self._check_inputs(X), self._check_targets(X, Y)
        check_pairing(loss, self._output_activation)
        value, grad = self._loss_and_gradient(X, Y, loss)
        return value, grad.copy()

    def logits(self, X: Array) -> Array:
        """The output layer's weighted sums z (before the output activation), unchecked."""
        hidden = self._hidden_f(X @ self.weights[0] + self.biases[0])
        return hidden @ self.weights[1] + self.biases[1]

    def _loss_and_gradient(self, X: Array, Y: Array, loss: str,
                           with_loss: bool = True) -> tuple[float, Array]:
        """Unchecked fast path for the trainer; the gradient is an internal buffer that the next
        call overwrites. ``with_loss=False`` skips the loss (returned as nan)."""
        zs, acts = self.forward(X)
        g_weights, g_biases = self._grad_weights, self._grad_biases
        delta = output_delta(loss, self._output_activation, zs[-1], acts[-1], Y)
        for layer in range(len(self.weights) - 1, -1, -1):
            np.matmul(acts[layer].T, delta, out=g_weights[layer])
            np.sum(delta, axis=0, out=g_biases[layer])
            if layer > 0:
                delta = (delta @ self.weights[layer].T) * self._hidden_df(zs[layer - 1],
                                                                          acts[layer])
        if not with_loss:
            return float("nan"), self._grad
        return float(loss_value(loss, zs[-1], acts[-1], Y)), self._grad

    def _check_inputs(self, X: ArrayLike) -> Array:
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ValueError(f"inputs must have shape (n, {self.sizes[0]}), got {X.shape}")
        return X

    def _check_targets(self, X: Array, Y: ArrayLike) -> Array:
        Y = np.asarray(Y, dtype=np.float64)
        if Y.shape != (np.shape(X)[0], self.sizes[-1]):
            raise ValueError(f"targets must have shape ({np.shape(X)[0]}, {self.sizes[-1]}), "
                             f"got {Y.shape}")
        return Y

    def __repr__(self) -> str:
        return (f"Network(sizes={self.sizes}, hidden_activation={self._hidden_activation!r}, "
                f"output_activation={self._output_activation!r}, seed={self.seed})")
