"""The step explainer's walk: one epoch cut into the lecture's phases, each with its formulas.

:func:`explained_step` traces what the next Step will do — the chosen row (or the mean over the
training rows) for the forward and backward pass, and always the whole training split for the
update, because training takes the mean gradient of every training row. :func:`phases` cuts it
into the walk a student presses through:

forward (hidden layer) → forward (output layer) → loss → backward (output layer: δ(Oₖ) and
∂L/∂v) → backward (hidden layer: δ(Hⱼ) and ∂L/∂w) → update (old value − η · slope = new value).

Formulas are plain data, not sentences: a :class:`Formula` is a row of tokens — symbols in the
lecture's notation (``"z(H2)"``, ``"·"``), numbers (floats, which the window rounds and writes
with its own decimal separator) and :class:`Word` codes for the few words the window translates
(``mean``). :func:`render` joins them with any number format, for tests and the window alike.

>>> import numpy as np
>>> from nnsim.core.network import Network
>>> net = Network((3, 3, 2), "sigmoid", "softmax", seed=0)
>>> step = explained_step(net, np.ones((4, 3)), np.eye(2)[[0, 1, 0, 1]], "cce", 0.5, row=1)
>>> [p.kind for p in phases(step)]
['forward_hidden', 'forward_output', 'loss', 'backward_output', 'backward_hidden', 'update']
>>> render(parameter_formulas(step, "v31")[0], "{:.2f}".format)[:25]
'∂ℓ/∂v31 = δ(O1) · h3 = 0.'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from nnsim.core.explain import StepTrace, explain_step
from nnsim.core.network import Network

__all__ = [
    "PHASE_KINDS",
    "ExplainedStep",
    "Formula",
    "Phase",
    "Word",
    "explained_step",
    "node_formulas",
    "parameter_formulas",
    "phases",
    "render",
]

FORWARD_HIDDEN, FORWARD_OUTPUT, LOSS = "forward_hidden", "forward_output", "loss"
BACKWARD_OUTPUT, BACKWARD_HIDDEN, UPDATE = "backward_output", "backward_hidden", "update"
PHASE_KINDS = (FORWARD_HIDDEN, FORWARD_OUTPUT, LOSS, BACKWARD_OUTPUT, BACKWARD_HIDDEN, UPDATE)

# How the lecture writes each activation function in a formula.
ACTIVATION_SYMBOLS = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "LReLU",
                      "linear": "id", "softmax": "softmax"}


@dataclass(frozen=True)
class Word:
    """A word inside a formula that the window translates (``code``: ``"mean"``), or the sign
    between listed numbers (``"separator"``: "," — but ";" where the decimal point is ",")."""

    code: str


SEPARATOR = Word("separator")


@dataclass(frozen=True)
class Formula:
    """One line of mathematics about ``subject`` (a node ``"H2"``, a parameter ``"v31"`` or
    ``"loss"``): symbols (str), numbers (float) and words (:class:`Word`), in order."""

    subject: str
    tokens: tuple

    @property
    def result(self) -> float:
        """The number the line ends with (its value)."""
        return float(self.tokens[-1])


@dataclass(frozen=True, eq=False)
class ExplainedStep:
    """What the next Step does, traced for the explainer.

    Attributes
    ----------
    trace : the chosen training row (``row``), or the whole training split when ``row`` is None.
    batch : the whole training split: its gradient and step are what training applies.
    row : the training row followed (0-based), or None for the mean.
    rows : the training inputs traced (to tell when the data changed).
    batch_size : mini-batch size (None: full batch); ``steps_per_epoch`` says how many updates
        the next epoch makes — with more than one, the weights after the Step differ from
        ``batch.new_parameters``, the full-batch step the walk shows.
    frozen : parameters that stay fixed (only the selected one is trained).
    """

    trace: StepTrace
    batch: StepTrace
    row: int | None
    rows: object
    batch_size: int | None
    frozen: tuple[str, ...]

    @property
    def n_train(self) -> int:
        return self.batch.n_rows

    @property
    def steps_per_epoch(self) -> int:
        if self.batch_size is None or self.batch_size >= self.n_train:
            return 1
        return -(-self.n_train // self.batch_size)

    def new_value(self, name: str) -> float:
        """The parameter after the (full-batch) update; frozen ones stay."""
        return self.batch.value(name) if name in self.frozen else float(
            self.batch.new_parameters[self.batch.index(name)])

    def new_parameters(self) -> np.ndarray:
        """Every parameter after the full-batch update (what one full-batch Step gives)."""
        out = np.array(self.batch.new_parameters)
        for name in self.frozen:
            out[self.batch.index(name)] = self.batch.value(name)
        return out

    @property
    def finite(self) -> bool:
        """Every number of the step is finite (a diverging run's are not)."""
        t, b = self.trace, self.batch
        return bool(all(np.isfinite(a).all() for a in (
            t.hidden, t.output, t.output_delta, t.hidden_delta, b.gradient, b.new_parameters))
                    and np.isfinite(t.loss))


def explained_step(net: Network, X: ArrayLike, Y: ArrayLike, loss: str, learning_rate: float,
                   row: int | None = None, batch_size: int | None = None,
                   frozen: Sequence[str] = ()) -> ExplainedStep:
    """Trace the next training step on the training rows ``X``, ``Y`` (see
    :class:`ExplainedStep`)."""
    batch = explain_step(net, X, Y, loss, learning_rate)
    trace = batch if row is None else explain_step(net, X, Y, loss, learning_rate, row)
    return ExplainedStep(trace, batch, row, X, batch_size, tuple(frozen))


# ----------------------------------------------------------------------------- the phases
@dataclass(frozen=True)
class Phase:
    """One press of Step in the walk.

    ``layer``: the column computed (``"H"``, ``"O"``, or ``""`` for the update, which touches
    every edge); ``nodes`` and ``parameters``: the units and edges it computes; ``formulas``:
    its lines, numbers filled in.
    """

    kind: str
    layer: str
    nodes: tuple[str, ...]
    parameters: tuple[str, ...]
    formulas: tuple[Formula, ...]


def _units(prefix: str, n: int) -> tuple[str, ...]:
    return tuple(f"{prefix}{i + 1}" for i in range(n))


def _layer_parameters(t: StepTrace, letter: str) -> tuple[str, ...]:
    """The weights of one layer (``"w"`` or ``"v"``) and the biases of the units they feed."""
    n_hidden = t.sizes[1]
    biases = range(1, n_hidden + 1) if letter == "w" else range(n_hidden + 1,
                                                                 n_hidden + t.sizes[2] + 1)
    return tuple(n for n in t.names if n[0] == letter) + tuple(f"b{k}" for k in biases)


def phases(step: ExplainedStep) -> tuple[Phase, ...]:
    """The walk through one epoch, in order (see the module docstring)."""
    t = step.trace
    hidden, outputs = _units("H", t.sizes[1]), _units("O", t.sizes[2])
    v_params, w_params = _layer_parameters(t, "v"), _layer_parameters(t, "w")
    return (
        Phase(FORWARD_HIDDEN, "H", hidden, (),
              tuple(f for n in hidden for f in forward_formulas(t, n))),
        Phase(FORWARD_OUTPUT, "O", outputs, (),
              tuple(f for n in outputs for f in forward_formulas(t, n))),
        Phase(LOSS, "O", outputs, (), loss_formulas(t)),
        Phase(BACKWARD_OUTPUT, "O", outputs, v_params,
              tuple(delta_formula(t, n) for n in outputs)
              + tuple(gradient_formula(t, p) for p in v_params)),
        Phase(BACKWARD_HIDDEN, "H", hidden, w_params,
              tuple(delta_formula(t, n) for n in hidden)
              + tuple(gradient_formula(t, p) for p in w_params)),
        Phase(UPDATE, "", (), tuple(t.names),
              tuple(update_formula(step, p) for p in t.names)),
    )


# ----------------------------------------------------------------------------- formulas
def _mean(values: np.ndarray) -> float:
    return float(np.mean(values))


def _sum_tokens(pairs: Sequence[tuple], bias: object) -> list:
    """``a·b + c·d + … + bias`` as tokens (pairs of symbols or of numbers)."""
    tokens: list = []
    for weight, source in pairs:
        tokens += ([] if not tokens else ["+"]) + [weight, "·", source]
    return tokens + ["+", bias]


def forward_formulas(t: StepTrace, node: str) -> tuple[Formula, ...]:
    """z(node) = Σ weight·input + bias and its activation, for the row (or as means)."""
    f = t.node_inputs(node)
    single = t.n_rows == 1
    mean = [] if single else [Word("mean")]
    sources = [(w.weight, w.source.symbol) for w in f.inputs]
    numbers = [(w.weight_value, w.source.mean) for w in f.inputs]
    # z is linear in the inputs, so the mean z is the formula at the mean inputs: exact.
    z = Formula(node, tuple(mean + [f"z({node})", "="] + _sum_tokens(sources, f.bias) + ["="]
                            + _sum_tokens(numbers, f.bias_value) + ["=", _mean(f.z)]))
    symbol = ACTIVATION_SYMBOLS.get(f.activation, f.activation)
    if f.activation == "softmax":
        k = node[1:]
        inner = ", ".join(f"z(O{i + 1})" for i in range(t.sizes[2]))
        form = [f"softmax({inner})_{k}"]
        filled: list = ["softmax("]
        for i in range(t.sizes[2]):
            filled += ([] if i == 0 else [SEPARATOR]) + [_mean(t.output_pre[:, i])]
        filled += [f")_{k}"]
    else:
        form, filled = [f"{symbol}(z({node}))"], [f"{symbol}(", _mean(f.z), ")"]
    if single:
        a = Formula(node, tuple([f.symbol, "="] + form + ["="] + filled + ["=", _mean(f.output)]))
    else:  # the mean of f(z) is not f(mean z): no numbers to fill in
        a = Formula(node, tuple(mean + [f.symbol, "="] + mean + form + ["=", _mean(f.output)]))
    return (z, a)


def loss_formulas(t: StepTrace) -> tuple[Formula, ...]:
    """Each output next to its target, then the loss ℓ of the row (or L, the mean over rows)."""
    lines = []
    for k in range(t.sizes[2]):
        lines.append(Formula(f"O{k + 1}", (f"ŷ{k + 1}", "=", _mean(t.output[:, k]), SEPARATOR,
                                           f"y{k + 1}", "=", _mean(t.targets[:, k]))))
        if t.n_rows > 1:
            lines[-1] = Formula(lines[-1].subject, (Word("mean"),) + lines[-1].tokens[:3]
                                + (SEPARATOR, Word("mean")) + lines[-1].tokens[4:])
    if t.n_rows > 1:
        lines.append(Formula("loss", ("L", "=", f"(1/{t.n_rows})·Σᵣ ℓᵣ", "=", t.loss)))
        return tuple(lines)
    y, out = t.targets[0], t.output[0]
    K = t.sizes[2]
    name = t.loss_name
    tokens: list = ["ℓ", "="]
    if name == "cce":
        tokens += ["−Σₖ yₖ·log ŷₖ"]
        k = int(np.argmax(y))
        if y[k] == 1 and np.sum(y) == 1:  # one-hot: only the true class's term is left
            tokens += ["=", f"−log ŷ{k + 1}", "=", "−log(", float(out[k]), ")"]
    elif name in ("mse", "mae", "bce"):
        form = {"mse": "(1/K)·Σₖ (ŷₖ − yₖ)²", "mae": "(1/K)·Σₖ |ŷₖ − yₖ|",
                "bce": "−(1/K)·Σₖ [yₖ·log ŷₖ + (1 − yₖ)·log(1 − ŷₖ)]"}[name]
        tokens += [form.replace("K", str(K))]
        if name != "bce":
            tokens += ["=", f"(1/{K})·(" if K > 1 else "("]
            for k in range(K):
                tokens += ([] if k == 0 else ["+"]) + (
                    ["(", float(out[k]), "−", float(y[k]), ")²"] if name == "mse"
                    else ["abs(", float(out[k]), "−", float(y[k]), ")"])
            tokens += [")"]
    lines.append(Formula("loss", tuple(tokens + ["=", t.loss])))
    return tuple(lines)


def _closed_delta(t: StepTrace, k: int) -> tuple[list, list] | None:
    """δ(Oₖ) in closed form for the lecture's pairings (symbols, numbers filled in), else None."""
    K = t.sizes[2]
    y, out = float(t.targets[0, k]), float(t.output[0, k])
    n = k + 1
    pair = (t.loss_name, t.output_activation)
    if pair == ("cce", "softmax") or (pair == ("bce", "sigmoid") and K == 1):
        return [f"ŷ{n} − y{n}"], [out, "−", y]
    if pair == ("bce", "sigmoid"):
        return [f"(ŷ{n} − y{n})/{K}"], ["(", out, "−", y, f")/{K}"]
    if pair == ("mse", "linear"):
        tail = f")/{K}" if K > 1 else ")"
        return [f"2·(ŷ{n} − y{n}{tail}"], ["2·(", out, "−", y, tail]
    return None


def delta_formula(t: StepTrace, node: str) -> Formula:
    """δ(node) = ∂ℓ/∂z(node): for an output in closed form where the lecture has one, for a
    hidden unit f′(z) · Σₖ vⱼₖ·δ(Oₖ)."""
    d = t.delta(node)
    if t.n_rows > 1:
        return Formula(node, (Word("mean"), d.symbol, "=", d.mean))
    if node[0] == "O":
        tokens: list = [d.symbol, "=", f"∂ℓ/∂z({node})"]
        closed = _closed_delta(t, int(node[1:]) - 1)
        if closed is not None:
            tokens += ["="] + closed[0] + ["="] + closed[1]
        return Formula(node, tuple(tokens + ["=", d.mean]))
    h = t.hidden_delta_terms(node)
    j = node[1:]
    symbol = ACTIVATION_SYMBOLS.get(t.hidden_activation, t.hidden_activation)
    tokens = [d.symbol, "=", f"{symbol}′(z({node}))", "·", f"Σₖ v{j}k·δ(Ok)", "=",
              h.slope.mean, "·", "("]
    for i, term in enumerate(h.terms):
        tokens += ([] if i == 0 else ["+"]) + [term.weight_value, "·", term.delta.mean]
    return Formula(node, tuple(tokens + [")", "=", d.mean]))


def gradient_formula(t: StepTrace, name: str) -> Formula:
    """∂ℓ/∂p = δ(target) · source for one row; ∂L/∂p = mean[δ · source] over the rows."""
    rule = t.terms(name)
    delta, source = rule.factors
    if t.n_rows > 1:
        return Formula(name, (f"∂L/∂{name}", "=", Word("mean"), "[", delta.symbol, "·",
                              source.symbol, "]", "=", rule.gradient))
    return Formula(name, (f"∂ℓ/∂{name}", "=", delta.symbol, "·", source.symbol, "=",
                          delta.mean, "·", source.mean, "=", rule.gradient))


def update_formula(step: ExplainedStep, name: str) -> Formula:
    """p ← p − η · ∂L/∂p = new, with the batch-mean slope training uses (frozen: unchanged)."""
    b = step.batch
    old = b.value(name)
    if name in step.frozen:
        return Formula(name, (name, "←", name, "=", old))
    slope = float(b.gradient[b.index(name)])
    return Formula(name, (name, "←", old, "−", b.learning_rate, "·", slope, "=",
                          step.new_value(name)))


def node_formulas(step: ExplainedStep, node: str) -> tuple[Formula, ...]:
    """Everything about one unit: its forward formulas and its δ (inputs: their value)."""
    t = step.trace
    if node[0] in "IB":
        values = t.node_values(node)
        return (Formula(node, ((Word("mean"),) if t.n_rows > 1 else ()) + (
            values.symbol, "=", values.mean)),)
    return forward_formulas(t, node) + (delta_formula(t, node),)


def parameter_formulas(step: ExplainedStep, name: str) -> tuple[Formula, ...]:
    """One parameter's slope for the row (or the mean) and the real, batch-mean update."""
    lines = [gradient_formula(step.trace, name)]
    if step.row is not None:  # the update uses the mean: show the slope it really takes
        lines.append(gradient_formula(step.batch, name))
    return tuple(lines) + (update_formula(step, name),)


def plain_word(code: str) -> str:
    """Words as their codes, the separator as a comma (for tests and logs)."""
    return "," if code == SEPARATOR.code else code


def render(formula: Formula, number: Callable[[float], str],
           word: Callable[[str], str] = plain_word) -> str:
    """The formula as one line of text, numbers written by ``number``, words by ``word``.

    A negative number is put in parentheses where it is a factor or follows + or −
    (``(−0.38) · 0.41``, ``0.65 − 0.5 · (−0.16)``), not where it stands alone (``= −0.57``).
    """
    parts: list[str] = []
    tokens = formula.tokens
    for i, token in enumerate(tokens):
        if isinstance(token, Word):
            parts.append(word(token.code))
        elif isinstance(token, str):
            parts.append(token)
        else:
            text = number(float(token))
            before = tokens[i - 1] if i else "="
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            factor = before in ("·", "+", "−") or after == "·"
            if (token < 0 or token == -np.inf) and factor:
                text = f"({text})"
            parts.append(text)
    return _join(parts)


def _join(parts: list[str]) -> str:
    """Words and numbers apart by one space, none just inside brackets or before a comma."""
    text = " ".join(p.strip() for p in parts if p.strip())
    return re.sub(r" (?=[)\],;]|\)_)|(?<=[(\[]) ", "", text)
