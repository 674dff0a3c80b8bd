"""Loss functions: the loss score of a forward pass and its gradient.

Reductions follow PyTorch's defaults so results can be checked against it:
``mse``/``mae``/``bce`` average over every entry, ``cce`` averages over samples.

The cross-entropies are computed from the output layer's weighted sums (logits) rather than from
the probabilities: a saturated sigmoid or softmax (σ(1000) rounds to exactly 1.0) would otherwise
give log(0) = −inf, while the logit form stays finite at any finite weight.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray

from nnsim.core.coded_error import QT_TRANSLATE_NOOP, CodedError

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Loss:
    """One loss function as the app shows it.

    Attributes
    ----------
    name : registry key (``"mse"``, ``"mae"``, ``"bce"``, ``"cce"``).
    display_name : e.g. ``"Mean squared error (MSE)"``.
    short_name : e.g. ``"MSE"``.
    formula : the formula as plain text.
    derivative_formula : ∂L/∂ŷ as plain text.
    task : ``"regression"`` or ``"classification"``, the lecture's advice on when to use it.
    required_output : the output activation this loss needs, or None if any will do.
    """

    name: str
    display_name: str
    short_name: str
    formula: str
    derivative_formula: str
    task: str
    required_output: str | None


LOSSES: dict[str, Loss] = {
    l.name: l
    for l in (
        Loss("mse", "Mean squared error (MSE)", "MSE", "MSE = 1/n Σ (ŷ − y)²",
             "∂MSE/∂ŷ = 2/n (ŷ − y)", "regression", None),
        Loss("mae", "Mean absolute error (MAE)", "MAE", "MAE = 1/n Σ |ŷ − y|",
             "∂MAE/∂ŷ = 1/n sign(ŷ − y)", "regression", None),
        Loss("bce", "Cross-entropy (binary)", "CE",
             "CE = −1/n Σ [y·log ŷ + (1 − y)·log(1 − ŷ)]",
             "∂CE/∂z = 1/n (ŷ − y)  (with ŷ = σ(z))", "classification", "sigmoid"),
        Loss("cce", "Categorical cross-entropy", "CCE", "CCE = −1/N Σᵢ Σₖ yᵢₖ·log ŷᵢₖ",
             "∂CCE/∂zₖ = 1/N (ŷₖ − yₖ)  (with ŷ = softmax(z))", "classification", "softmax"),
    )
}

# The one home of "which output activation goes with which loss", both ways round.
# Loss -> output: what a newly chosen loss switches the output activation to.
PREFERRED_OUTPUT: dict[str, str] = {name: spec.required_output or "linear"
                                    for name, spec in LOSSES.items()}
# Output -> loss: what a newly chosen output activation switches an unfitting loss to on
# classification data. On regression data every output takes MSE: it has no cross-entropy to go
# with, and MSE is the one regression loss listed here.
_LOSS_FOR_OUTPUT = {"linear": "mse", "tanh": "mse", "sigmoid": "bce", "softmax": "cce"}

# Why a loss may be refused for a dataset (codes; the window turns them into sentences).
NEEDS_CLASSIFICATION = "needs_classification"
NEEDS_UNIT_TARGETS = "needs_targets_in_0_1"


class LossError(CodedError):
    """A loss refused for the data or the output layer; ``params["loss"]`` is the loss's key
    (the window shows its translated name), ``output`` an output activation's key."""

    context = "LossError"
    templates: ClassVar[dict[str, tuple[str, ...]]] = {
        NEEDS_CLASSIFICATION: (QT_TRANSLATE_NOOP("LossError", "%1 is a loss for classification, "
                                                              "but this data is a regression "
                                                              "task: use MSE or MAE"), "loss"),
        NEEDS_UNIT_TARGETS: (QT_TRANSLATE_NOOP("LossError", "%1 needs targets between 0 and 1: "
                                                            "use MSE or MAE, or categorical "
                                                            "cross-entropy for class labels"),
                             "loss"),
        "needs_output": (QT_TRANSLATE_NOOP("LossError", "%1 needs the %2 output activation (got "
                                                        "%3)"), "loss", "required", "output"),
    }

    def english_value(self, name: str, value: object) -> str:
        if name == "loss" and isinstance(value, str) and value in LOSSES:
            return LOSSES[value].display_name
        return super().english_value(name, value)


def get_loss(name: str) -> Loss:
    """Look up a loss by name, with a message listing the valid names."""
    try:
        return LOSSES[name]
    except KeyError:
        raise ValueError(f"unknown loss {name!r}; choose one of {', '.join(LOSSES)}") from None


def check_pairing(loss: str, output_activation: str) -> None:
    """Raise :class:`LossError` if ``loss`` makes no sense on ``output_activation``, saying
    what to use."""
    spec = get_loss(loss)
    if spec.required_output is not None and output_activation != spec.required_output:
        raise LossError("needs_output", loss=loss, required=spec.required_output,
                        output=output_activation)


def loss_for_output(output_activation: str, task: str) -> str:
    """The loss to switch to when ``output_activation`` is chosen and the loss no longer fits."""
    loss = _LOSS_FOR_OUTPUT[output_activation]
    return loss if task == "classification" else "mse"


def loss_refusal(loss: str, task: str, targets: Array | None = None) -> str | None:
    """Why ``loss`` makes no sense for data of this ``task`` (a code), or None if it does.

    Cross-entropy compares predicted probabilities with class labels: on regression targets
    (any real number) its value and gradient mean nothing, and binary cross-entropy needs
    targets in [0, 1] even on classification data.
    """
    spec = get_loss(loss)
    if spec.task == "classification" and task != "classification":
        return NEEDS_CLASSIFICATION
    if loss == "bce" and targets is not None and targets.size and (
            float(np.min(targets)) < 0.0 or float(np.max(targets)) > 1.0):
        return NEEDS_UNIT_TARGETS
    return None


def check_task(loss: str, task: str, targets: Array | None = None) -> None:
    """Raise :class:`LossError` (a ValueError) if ``loss`` does not fit the data: its code is
    the refusal's (``NEEDS_CLASSIFICATION``, ``NEEDS_UNIT_TARGETS``), its message names the loss
    and what to use."""
    reason = loss_refusal(loss, task, targets)
    if reason is not None:
        raise LossError(reason, loss=loss)


def _softplus(z: Array) -> Array:
    """log(1 + e^z) without overflow (one ufunc pass)."""
    return np.logaddexp(0.0, z)


def logsumexp(z: Array) -> Array:
    """log Σₖ e^(zₖ) over the last axis (kept), shifted by the maximum so it never overflows."""
    m = np.max(z, axis=-1, keepdims=True)
    return m + np.log(np.sum(np.exp(z - m), axis=-1, keepdims=True))


# Losses that are a mean over independent entries (one sample, one output): the landscape uses
# this to recompute only the one output column a parameter touches.
ENTRYWISE_LOSSES = ("mse", "mae", "bce")


def entry_losses(loss: str, logits: Array, outputs: Array | None, targets: Array) -> Array:
    """Per-entry loss terms of an entrywise loss (``mse``, ``mae``, ``bce``), unreduced.

    ``bce`` reads only the logits (``outputs`` may be None), the others only the outputs.
    """
    if loss == "bce":
        return _softplus(logits) - targets * logits
    assert outputs is not None, f"{loss} needs the outputs"
    if loss == "mse":
        d = outputs - targets
        return d * d
    if loss == "mae":
        return np.abs(outputs - targets)
    raise ValueError(f"{loss!r} is not an entrywise loss")


def loss_value(loss: str, logits: Array, outputs: Array, targets: Array) -> Array | float:
    """The loss score of a forward pass.

    Parameters
    ----------
    loss : loss name.
    logits : output-layer weighted sums z, shape ``(..., n, k)``.
    outputs : predictions ŷ = f(z), same shape.
    targets : true values y, shape ``(n, k)`` (broadcast against leading axes).

    Returns
    -------
    The reduced loss: a float for 2-D input, an array over the leading axes otherwise.
    """
    if loss == "mse" and outputs.ndim == 2:  # the trainer's hot path: one fused dot product
        d = (outputs - targets).ravel()
        return float(d @ d) / d.size
    if loss in ENTRYWISE_LOSSES:
        value = np.mean(entry_losses(loss, logits, outputs, targets), axis=(-2, -1))
    elif loss == "cce":
        value = np.mean(np.sum(targets * (logsumexp(logits) - logits), axis=-1), axis=-1)
    else:
        get_loss(loss)  # raises the helpful message
        raise AssertionError  # unreachable: every registered loss is handled above
    return float(value) if np.ndim(value) == 0 else value


def sample_losses(loss: str, logits: Array, outputs: Array | None, targets: Array) -> Array:
    """The loss of each row (shape ``(n,)``): their mean is :func:`loss_value`.

    For the entrywise losses a row's loss is the mean over its outputs; ``outputs`` may be None
    for the cross-entropies, which read the logits only.
    """
    if loss == "cce":
        # Σₖ yₖ·(logsumexp(z) − zₖ), from the logits: finite however confident the network.
        peak = logits.max(axis=1)
        lse = peak + np.log(np.exp(logits - peak[:, None]).sum(axis=1))
        return lse * targets.sum(axis=1) - (targets * logits).sum(axis=1)
    if loss in ENTRYWISE_LOSSES:
        return entry_losses(loss, logits, outputs, targets).mean(axis=1)
    get_loss(loss)  # raises the helpful message
    raise AssertionError  # unreachable: every registered loss is handled above


def output_delta(loss: str, output_activation: str, logits: Array, outputs: Array,
                 targets: Array) -> Array:
    """∂loss/∂z for the output layer's weighted sums z (the start of backpropagation).

    All arrays are ``(n, k)``, one row per sample (every current loss reads the outputs ŷ; the
    logits are part of the signature for symmetry with :func:`loss_value`).
    """
    n_entries = targets.size
    if loss == "bce":  # sigmoid + cross-entropy: the derivative simplifies to ŷ − y
        return (outputs - targets) / n_entries
    if loss == "cce":
        # softmax + categorical cross-entropy: (Σₖ yₖ)·ŷ − y, which is ŷ − y for one-hot rows.
        # Soft or unnormalised target rows need the sum (as PyTorch computes it).
        row_sums = np.sum(targets, axis=1, keepdims=True)
        return (outputs * row_sums - targets) / targets.shape[0]
    if loss == "mse":
        d_out = (2.0 / n_entries) * (outputs - targets)
    elif loss == "mae":
        d_out = np.sign(outputs - targets) / n_entries
    else:
        get_loss(loss)
        raise AssertionError  # unreachable: every registered loss is handled above
    return _through_output_activation(output_activation, d_out, outputs)


def _through_output_activation(name: str, d_out: Array, outputs: Array) -> Array:
    """d_out (∂loss/∂ŷ, one row per sample) times the output activation's derivative."""
    if name == "linear":
        return d_out
    if name == "sigmoid":
        return d_out * outputs * (1.0 - outputs)
    if name == "tanh":
        return d_out * (1.0 - outputs * outputs)
    if name == "softmax":  # Jacobian-vector product of softmax, row by row
        return outputs * (d_out - np.sum(d_out * outputs, axis=1, keepdims=True))
    raise ValueError(f"{name!r} is not an output activation")

