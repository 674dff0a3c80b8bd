"""The step explainer: one gradient-descent step with every number of the chain rule on show.

:func:`explain_step` runs the forward pass, backpropagation and the update of one step on a copy
of what it needs and returns a :class:`StepTrace`: the activations and weighted sums of every
layer, the deltas δ = ∂L/∂z of every unit, the gradient, the step and the new parameters. Its
methods lay out the lecture's formulas as structured data (symbols, values per row), so the window
can typeset and translate them itself:

* :meth:`StepTrace.terms` — ∂L/∂w12 = δ(H2) · x1, ∂L/∂v31 = δ(O1) · h3, ∂L/∂b2 = δ(H2) · 1;
* :meth:`StepTrace.hidden_delta_terms` — δ(H2) = f′(z(H2)) · Σₖ v2k · δ(Ok);
* :meth:`StepTrace.node_inputs` — z(H2) = w12·x1 + w22·x2 + w32·x3 + b2 and h2 = f(z(H2)).

Deltas are per row: row r holds ∂ℓᵣ/∂z for that row's own loss ℓᵣ (its entry of
``sample_losses``). The batch loss is the mean of the ℓᵣ, so the mean over rows of
"delta · input" is the batch gradient, which is how the lecture reads the formulas: one example
gives one number, the batch gives the mean of those numbers.

>>> import numpy as np
>>> from nnsim.core.network import Network
>>> net = Network((3, 3, 2), "sigmoid", "linear", seed=0)
>>> trace = explain_step(net, np.ones((4, 3)), np.zeros((4, 2)), "mse", 0.5, example=1)
>>> rule = trace.terms("v31")
>>> [f.symbol for f in rule.factors]
['δ(O1)', 'h3']
>>> bool(np.isclose(rule.mean_product, rule.gradient))
True
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnsim.core.activations import ACTIVATIONS
from nnsim.core.frozen import read_only
from nnsim.core.losses import check_pairing, output_delta, sample_losses
from nnsim.core.network import Network

Array = NDArray[np.float64]

__all__ = ["BackpropTerm", "ChainRule", "Factor", "HiddenDelta", "NodeFormula", "StepTrace",
           "WeightedInput", "explain_step"]

# What a factor of a formula stands for, so the window can style and translate it by role.
DELTA = "delta"          # δ of a unit: ∂ℓ/∂z
INPUT = "input"          # an input value xᵢ
HIDDEN = "hidden"        # a hidden activation hⱼ
BIAS = "bias"            # the constant 1 a bias multiplies
SLOPE = "slope"          # the hidden activation's slope f′(z)
BACKPROP = "backprop"    # Σₖ vⱼₖ · δ(Oₖ), the error sent back to a hidden unit
OUTPUT = "output"        # a network output ŷₖ


def _frozen(values: ArrayLike) -> Array:
    """A read-only float copy: a trace must not change under the window that shows it."""
    return read_only(values)


@dataclass(frozen=True, eq=False)
class Factor:
    """One factor of a product in a formula, with its value in every traced row.

    Attributes
    ----------
    symbol : the lecture's notation, e.g. ``"δ(O1)"``, ``"h3"``, ``"x1"``, ``"1"``.
    values : (n,) its value per row.
    kind : its role: ``"delta"``, ``"input"``, ``"hidden"``, ``"output"``, ``"bias"``,
        ``"slope"`` or ``"backprop"``.
    node : the unit it belongs to (``"O1"``, ``"H3"``, ``"I1"``, ``"B1"``).
    """

    symbol: str
    values: Array
    kind: str
    node: str

    @property
    def mean(self) -> float:
        """The mean over the rows (the one value for a single example)."""
        return float(np.mean(self.values))


@dataclass(frozen=True, eq=False)
class BackpropTerm:
    """One term vⱼₖ · δ(Oₖ) of the error sent back to hidden unit j."""

    weight: str
    weight_value: float
    delta: Factor

    @property
    def values(self) -> Array:
        """(n,) the term per row."""
        return self.weight_value * self.delta.values


@dataclass(frozen=True, eq=False)
class HiddenDelta:
    """δ(Hj) = f′(z(Hj)) · Σₖ vⱼₖ · δ(Oₖ), per row.

    Attributes
    ----------
    node : ``"H2"``.
    slope : f′(z(Hj)) per row (kind ``"slope"``).
    backprop : Σₖ vⱼₖ · δ(Oₖ) per row (kind ``"backprop"``); the sum of ``terms``.
    terms : the summands vⱼₖ · δ(Oₖ), one per output unit.
    values : δ(Hj) per row, the trace's ``hidden_delta`` column: ``slope · backprop``.
    """

    node: str
    slope: Factor
    backprop: Factor
    terms: tuple[BackpropTerm, ...]
    values: Array


@dataclass(frozen=True, eq=False)
class ChainRule:
    """∂L/∂(parameter) = mean over rows of the product of ``factors``.

    Attributes
    ----------
    parameter : e.g. ``"w12"``.
    source, target : the units the parameter connects (``"I1"``, ``"H2"``; ``"B1"`` for a bias).
    factors : δ(target) and the source's value (``xᵢ``, ``hⱼ`` or ``1``), each per row.
    hidden_delta : how δ(target) comes about when the target is a hidden unit, else None.
    gradient : ∂L/∂(parameter), the trace's gradient entry.
    value, new_value : the parameter before and after the step.
    """

    parameter: str
    source: str
    target: str
    factors: tuple[Factor, ...]
    hidden_delta: HiddenDelta | None
    gradient: float
    value: float
    new_value: float

    @property
    def products(self) -> Array:
        """(n,) the product of the factors in each row."""
        return np.prod(np.stack([f.values for f in self.factors]), axis=0)

    @property
    def mean_product(self) -> float:
        """The mean of :attr:`products`: the gradient entry, up to rounding."""
        return float(np.mean(self.products))

    @property
    def step(self) -> float:
        """−η · ∂L/∂(parameter): what the update adds."""
        return self.new_value - self.value


@dataclass(frozen=True, eq=False)
class WeightedInput:
    """One summand ``weight · input`` of a unit's weighted sum z."""

    weight: str
    weight_value: float
    source: Factor

    @property
    def values(self) -> Array:
        """(n,) the summand per row."""
        return self.weight_value * self.source.values


@dataclass(frozen=True, eq=False)
class NodeFormula:
    """z(node) = Σ weight · input + bias and the node's activation f(z), numbers filled in.

    Attributes
    ----------
    node : ``"H2"`` or ``"O1"``.
    inputs : the weighted inputs, in the order of the units they come from.
    bias, bias_value, bias_node : e.g. ``"b2"``, its value and ``"B1"``.
    z : (n,) the weighted sum per row.
    activation : the activation's registry name (``"sigmoid"``, ``"softmax"`` …).
    output : (n,) the node's output per row (softmax outputs depend on the whole row of z).
    symbol : the output's symbol, ``"h2"`` or ``"ŷ1"``.
    """

    node: str
    inputs: tuple[WeightedInput, ...]
    bias: str
    bias_value: float
    bias_node: str
    z: Array
    activation: str
    output: Array
    symbol: str


@dataclass(frozen=True, eq=False)
class StepTrace:
    """Everything of one traced gradient-descent step; arrays are read-only.

    Attributes
    ----------
    names, sizes : the network's parameter names and layer sizes.
    hidden_activation, output_activation, loss_name, learning_rate : the settings of the step.
    example : the traced row, or None for the whole batch.
    inputs : (n, I) x.   hidden_pre : (n, H) z = x·W + b.   hidden : (n, H) h = f(z).
    output_pre : (n, O) z = h·V + b.   output : (n, O) ŷ.   targets : (n, O) y.
    loss : the loss of the traced rows, the mean of ``sample_losses`` (n,).
    output_delta : (n, O) ∂ℓᵣ/∂z of the output units, row by row.
    hidden_delta : (n, H) ∂ℓᵣ/∂z of the hidden units, row by row.
    parameters : the parameters before the step, in ``names`` order.
    gradient : ∂L/∂parameters (as ``Network.gradient`` computes it); the mean over rows of
        the per-row products :meth:`terms` lists.
    step : −η · gradient.   new_parameters : parameters + step.
    """

    names: tuple[str, ...]
    sizes: tuple[int, ...]
    hidden_activation: str
    output_activation: str
    loss_name: str
    learning_rate: float
    example: int | None
    inputs: Array
    hidden_pre: Array
    hidden: Array
    output_pre: Array
    output: Array
    targets: Array
    loss: float
    sample_losses: Array
    output_delta: Array
    hidden_delta: Array
    parameters: Array
    gradient: Array
    step: Array
    new_parameters: Array

    # ----------------------------------------------------------------- lookups
    @property
    def n_rows(self) -> int:
        """How many rows were traced (1 for a single example)."""
        return int(self.inputs.shape[0])

    def index(self, name: str) -> int:
        """Position of parameter ``name`` in ``names``."""
        try:
            return self.names.index(name)
        except ValueError:
            raise KeyError(f"no parameter {name!r} (names run {self.names[0]}…"
                           f"{self.names[-1]})") from None

    def value(self, name: str) -> float:
        """A parameter's value before the step."""
        return float(self.parameters[self.index(name)])

    def _unit(self, node: str, layer: str) -> int:
        """Zero-based index of unit ``node`` (e.g. ``"H2"`` -> 1) of a layer ("I", "H", "O")."""
        size = self.sizes["IHO".index(layer)]
        if len(node) == 2 and node[0] == layer and node[1].isdigit() and 1 <= int(node[1]) <= size:
            return int(node[1]) - 1
        raise KeyError(f"no unit {node!r} here: this layer's units are {layer}1…{layer}{size}")

    def node_values(self, node: str) -> Factor:
        """What unit ``node`` sends on, per row: x for ``I``, h for ``H``, ŷ for ``O``, 1 for
        the bias units ``B1``/``B2``."""
        if node in ("B1", "B2"):
            return Factor("1", _frozen(np.ones(self.n_rows)), BIAS, node)
        layer = node[:1]
        if layer == "I":
            i = self._unit(node, "I")
            return Factor(f"x{i + 1}", self.inputs[:, i], INPUT, node)
        if layer == "H":
            j = self._unit(node, "H")
            return Factor(f"h{j + 1}", self.hidden[:, j], HIDDEN, node)
        k = self._unit(node, "O")
        return Factor(f"ŷ{k + 1}", self.output[:, k], OUTPUT, node)

    def delta(self, node: str) -> Factor:
        """δ(node) = ∂ℓᵣ/∂z(node) per row, for a hidden or output unit."""
        if node[:1] == "H":
            j = self._unit(node, "H")
            return Factor(f"δ({node})", self.hidden_delta[:, j], DELTA, node)
        k = self._unit(node, "O")
        return Factor(f"δ({node})", self.output_delta[:, k], DELTA, node)

    # ----------------------------------------------------------------- formulas
    def hidden_delta_terms(self, node: str | int) -> HiddenDelta:
        """δ(Hj) = f′(z(Hj)) · Σₖ vⱼₖ · δ(Oₖ); ``node`` is ``"H2"`` or the number 2."""
        name = f"H{node}" if isinstance(node, int) else node
        j = self._unit(name, "H")
        n = j + 1
        act = ACTIVATIONS[self.hidden_activation]
        assert act.derivative is not None  # hidden activations are elementwise
        slope = act.derivative(self.hidden_pre[:, j], self.hidden[:, j])
        terms = tuple(BackpropTerm(f"v{n}{k + 1}", self.value(f"v{n}{k + 1}"),
                                   self.delta(f"O{k + 1}")) for k in range(self.sizes[2]))
        # The very product backpropagation forms (δ_O · Vᵀ), so slope · sum is hidden_delta to
        # the last bit (a matrix-vector product may round differently).
        sent_back = (self.output_delta @ self._weights(1).T)[:, j]
        return HiddenDelta(name, Factor(f"f′(z({name}))", _frozen(slope), SLOPE, name),
                           Factor(f"Σₖ v{n}k·δ(Ok)", _frozen(sent_back), BACKPROP, name),
                           terms, self.hidden_delta[:, j])

    def terms(self, name: str) -> ChainRule:
        """The chain rule of one parameter: ∂L/∂(name) = mean over rows of δ(target) · source.

        ``w{i}{j}``: δ(Hj) · xᵢ;  ``v{j}{k}``: δ(Oₖ) · hⱼ;  a bias: δ(its unit) · 1.
        """
        at = self.index(name)
        n_hidden = self.sizes[1]
        if name[0] == "b":
            unit = int(name[1:])
            source, target = ("B1", f"H{unit}") if unit <= n_hidden else \
                ("B2", f"O{unit - n_hidden}")
        else:
            source = ("I" if name[0] == "w" else "H") + name[1]
            target = ("H" if name[0] == "w" else "O") + name[2]
        factors = (self.delta(target), self.node_values(source))
        hidden = self.hidden_delta_terms(target) if target[0] == "H" else None
        return ChainRule(name, source, target, factors, hidden, float(self.gradient[at]),
                         float(self.parameters[at]), float(self.new_parameters[at]))

    def node_inputs(self, node: str) -> NodeFormula:
        """The forward formula of a hidden or output unit with its numbers filled in."""
        if node[:1] not in ("H", "O"):
            raise KeyError(f"{node!r} has no weighted sum: only hidden (H…) and output (O…) "
                           "units compute one")
        hidden = node[0] == "H"
        unit = self._unit(node, node[0])
        weights = self._weights(0 if hidden else 1)
        letter, sources = ("w", "I") if hidden else ("v", "H")
        inputs = tuple(WeightedInput(f"{letter}{i + 1}{unit + 1}", float(weights[i, unit]),
                                     self.node_values(f"{sources}{i + 1}"))
                       for i in range(weights.shape[0]))
        bias = f"b{unit + 1 + (0 if hidden else self.sizes[1])}"
        if hidden:
            return NodeFormula(node, inputs, bias, self.value(bias), "B1",
                               self.hidden_pre[:, unit], self.hidden_activation,
                               self.hidden[:, unit], f"h{unit + 1}")
        return NodeFormula(node, inputs, bias, self.value(bias), "B2", self.output_pre[:, unit],
                           self.output_activation, self.output[:, unit], f"ŷ{unit + 1}")

    def _weights(self, layer: int) -> Array:
        """The weight matrix of a layer (0: W, inputs × hidden; 1: V, hidden × outputs)."""
        start = 0 if layer == 0 else self.sizes[0] * self.sizes[1]
        rows, cols = self.sizes[layer], self.sizes[layer + 1]
        return self.parameters[start:start + rows * cols].reshape(rows, cols)


def explain_step(net: Network, X: ArrayLike, Y: ArrayLike, loss: str, learning_rate: float,
                 example: int | None = None) -> StepTrace:
    """Trace one full-batch gradient-descent step of ``net`` without changing it.

    Parameters
    ----------
    net : the network (left exactly as it is).
    X : (n, I) inputs.   Y : (n, O) targets.
    loss : ``mse``, ``mae``, ``bce`` or ``cce``; must fit the network's output activation.
    learning_rate : η > 0.
    example : None traces the batch (the gradient is the mean over its rows, as training takes
        it); a row number k traces that row alone (``X[k:k+1]``, ``Y[k:k+1]``).

    Returns
    -------
    StepTrace
    """
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64)
    n_in, n_hidden, n_out = net.sizes
    if X.ndim != 2 or X.shape[1] != n_in or X.shape[0] < 1:
        raise ValueError(f"inputs must have shape (n, {n_in}) with n ≥ 1, got {X.shape}")
    if Y.shape != (X.shape[0], n_out):
        raise ValueError(f"targets must have shape ({X.shape[0]}, {n_out}), got {Y.shape}")
    check_pairing(loss, net.output_activation)
    learning_rate = float(learning_rate)
    if not (np.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"the learning rate must be a positive number, got {learning_rate}")
    if example is not None:
        if isinstance(example, bool):
            raise TypeError("example must be a row number or None, not a bool")
        example = operator.index(example)
        if not 0 <= example < X.shape[0]:
            raise IndexError(f"example {example} is not a row: there are rows 0…{X.shape[0] - 1}")
        X, Y = X[example:example + 1], Y[example:example + 1]

    # The gradient comes from the network's own backpropagation, on a copy: the trace then agrees
    # with training bit for bit, and the original's reused gradient buffer stays untouched.
    value, gradient = net.copy().loss_and_gradient(X, Y, loss)
    zs, acts = net.forward(X)  # pure: reads the parameters, writes nothing
    hidden_pre, output_pre = zs
    _, hidden, output = acts
    # The batch loss is the mean of the rows' losses, so ∂ℓᵣ/∂zᵣ = n · ∂L/∂zᵣ whatever the
    # loss's reduction (mse/mae/bce divide by every entry, cce by the rows).
    n = X.shape[0]
    d_out = n * output_delta(loss, net.output_activation, output_pre, output, Y)
    act = ACTIVATIONS[net.hidden_activation]
    assert act.derivative is not None  # hidden activations are elementwise
    d_hidden = (d_out @ net.weights[1].T) * act.derivative(hidden_pre, hidden)
    parameters = net.get_vector()
    step = -learning_rate * gradient
    return StepTrace(
        names=tuple(net.names), sizes=tuple(net.sizes),
        hidden_activation=net.hidden_activation, output_activation=net.output_activation,
        loss_name=loss, learning_rate=learning_rate, example=example,
        inputs=_frozen(X), hidden_pre=_frozen(hidden_pre), hidden=_frozen(hidden),
        output_pre=_frozen(output_pre), output=_frozen(output), targets=_frozen(Y),
        loss=float(value), sample_losses=_frozen(sample_losses(loss, output_pre, output, Y)),
        output_delta=_frozen(d_out), hidden_delta=_frozen(d_hidden),
        parameters=_frozen(parameters), gradient=_frozen(gradient), step=_frozen(step),
        new_parameters=_frozen(parameters + step))

