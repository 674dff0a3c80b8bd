"""Activations and losses: the lecture's examples, hand-computed values, stability."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnsim.core.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, sigmoid
from nnsim.core.losses import (LOSSES, NEEDS_CLASSIFICATION, NEEDS_UNIT_TARGETS, check_pairing,
                               check_task, loss_for_output, loss_refusal, loss_value,
                               output_delta, sample_losses)


def test_lecture_examples() -> None:
    assert ACTIVATIONS["sigmoid"](0.0) == 0.5
    assert ACTIVATIONS["relu"](2.0) == 2.0
    assert ACTIVATIONS["sigmoid"].example == (0.0, 0.5)
    assert ACTIVATIONS["relu"].example == (2.0, 2.0)


def test_activation_values_and_ranges() -> None:
    x = np.array([-3.0, -0.5, 0.0, 0.5, 3.0])
    np.testing.assert_allclose(ACTIVATIONS["sigmoid"](x), 1 / (1 + np.exp(-x)))
    np.testing.assert_array_equal(ACTIVATIONS["relu"](x), [0, 0, 0, 0.5, 3])
    np.testing.assert_allclose(ACTIVATIONS["leaky_relu"](x), [-0.03, -0.005, 0, 0.5, 3])
    np.testing.assert_allclose(ACTIVATIONS["tanh"](x), np.tanh(x))
    np.testing.assert_array_equal(ACTIVATIONS["linear"](x), x)
    big = np.array([-1000.0, 1000.0])
    with np.errstate(all="raise"):  # no overflow warning may escape
        assert list(sigmoid(big)) == [0.0, 1.0]


@pytest.mark.parametrize("name", HIDDEN_ACTIVATIONS + ("sigmoid",))
def test_derivatives_match_finite_differences(name: str) -> None:
    act = ACTIVATIONS[name]
    x = np.array([-2.3, -0.7, 0.4, 1.9])  # away from the kink of ReLU at 0
    h = 1e-6
    numeric = (act(x + h) - act(x - h)) / (2 * h)
    np.testing.assert_allclose(act.grad(x), numeric, rtol=1e-6, atol=1e-9)


def test_registries_carry_display_text() -> None:
    assert ACTIVATIONS["sigmoid"].formula == "σ(x) = 1 / (1 + e^(−x))"
    assert LOSSES["mse"].formula == "MSE = 1/n Σ (ŷ − y)²"
    for a in ACTIVATIONS.values():
        assert a.display_name and a.formula and a.derivative_formula
    for l in LOSSES.values():
        assert l.display_name and l.formula and l.derivative_formula
    assert set(OUTPUT_ACTIVATIONS) == {"linear", "sigmoid", "tanh", "softmax"}


def test_losses_on_hand_computed_values() -> None:
    y_hat = np.array([[0.5, 2.0], [1.0, -1.0]])
    y = np.array([[1.0, 1.0], [1.0, 1.0]])
    # errors: -0.5, 1, 0, -2 -> squares .25 1 0 4 (mean over all 4 entries, as PyTorch)
    assert loss_value("mse", y_hat, y_hat, y) == pytest.approx(5.25 / 4)
    assert loss_value("mae", y_hat, y_hat, y) == pytest.approx(3.5 / 4)
    z = np.array([[0.0, 2.0]])
    t = np.array([[1.0, 0.0]])
    p = 1 / (1 + np.exp(-z))
    bce = -(math.log(p[0, 0]) + math.log(1 - p[0, 1])) / 2
    assert loss_value("bce", z, p, t) == pytest.approx(bce)
    logits = np.array([[1.0, 2.0], [3.0, 0.0]])
    onehot = np.array([[0.0, 1.0], [1.0, 0.0]])
    soft = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    cce = -(math.log(soft[0, 1]) + math.log(soft[1, 0])) / 2  # mean over samples
    assert loss_value("cce", logits, soft, onehot) == pytest.approx(cce)


def test_cross_entropies_stay_finite_at_extreme_logits() -> None:
    z = np.array([[1000.0, -1000.0], [-1000.0, 1000.0]])
    t = np.array([[0.0, 1.0], [0.0, 1.0]])  # first row is confidently wrong
    assert loss_value("bce", z, sigmoid(z), t) == pytest.approx((2000 + 0 + 0 + 0) / 4)
    assert loss_value("cce", z, None, t) == pytest.approx(2000 / 2)


def test_nonsense_pairings_say_what_to_use() -> None:
    with pytest.raises(ValueError, match="softmax"):
        check_pairing("cce", "sigmoid")
    with pytest.raises(ValueError, match="sigmoid"):
        check_pairing("bce", "linear")
    check_pairing("mse", "softmax")
    with pytest.raises(ValueError, match="unknown loss"):
        check_pairing("hinge", "linear")


@pytest.mark.parametrize("output, classification_loss", [
    ("linear", "mse"), ("tanh", "mse"), ("sigmoid", "bce"), ("softmax", "cce")])
def test_the_loss_that_goes_with_a_new_output_activation(output: str,
                                                         classification_loss: str) -> None:
    assert loss_for_output(output, "classification") == classification_loss
    # Regression data has no cross-entropy: every output activation falls back to MSE.
    assert loss_for_output(output, "regression") == "mse"


def test_cross_entropy_is_refused_where_it_means_nothing() -> None:
    unit = np.array([[0.0, 1.0], [0.25, 0.75]])
    for loss in ("bce", "cce"):
        assert loss_refusal(loss, "regression") == NEEDS_CLASSIFICATION
        assert loss_refusal(loss, "classification", unit) is None
    for loss in ("mse", "mae"):
        assert loss_refusal(loss, "regression", 5 * unit - 3) is None
        assert loss_refusal(loss, "classification", unit) is None
    # Binary cross-entropy needs targets in [0, 1]; a value on either side is refused ...
    for bad in (np.array([[0.0, 1.5]]), np.array([[-0.5, 1.0]]), np.array([[2.0, 3.0]])):
        assert loss_refusal("bce", "classification", bad) == NEEDS_UNIT_TARGETS
        with pytest.raises(ValueError, match="needs targets between 0 and 1"):
            check_task("bce", "classification", bad)
    # ... the bounds themselves are fine, and so are unnormalised rows for categorical CE.
    assert loss_refusal("bce", "classification", np.array([[0.0, 1.0]])) is None
    assert loss_refusal("cce", "classification", np.array([[0.0, 2.0]])) is None
    assert loss_refusal("bce", "classification", np.zeros((0, 2))) is None
    check_task("bce", "classification", unit)
    with pytest.raises(ValueError, match="regression task: use MSE or MAE"):
        check_task("cce", "regression")


def test_losses_reduce_over_the_last_two_axes_of_stacked_passes() -> None:
    # loss_value takes (..., n, k) arrays, e.g. several forward passes at once, and reduces
    # each (n, k) pass on its own; a single pass gives a float.
    rng = np.random.default_rng(4)
    logits = rng.normal(size=(3, 5, 2))
    targets = np.eye(2)[rng.integers(0, 2, 5)]
    outputs = {"mse": logits, "mae": logits, "bce": sigmoid(logits),
               "cce": np.exp(logits) / np.exp(logits).sum(axis=-1, keepdims=True)}
    for loss, out in outputs.items():
        stacked = loss_value(loss, logits, out, targets)
        assert isinstance(stacked, np.ndarray) and stacked.shape == (3,), loss
        single = [loss_value(loss, logits[i], out[i], targets) for i in range(3)]
        assert all(isinstance(v, float) for v in single), loss
        np.testing.assert_allclose(stacked, single, rtol=1e-13, err_msg=loss)


def test_an_unknown_loss_is_named_in_the_error() -> None:
    z = np.zeros((2, 2))
    with pytest.raises(ValueError, match="unknown loss 'hinge'"):
        loss_value("hinge", z, z, z)
    with pytest.raises(ValueError, match="unknown loss 'hinge'"):
        output_delta("hinge", "linear", z, z, z)
    with pytest.raises(ValueError, match="unknown loss 'hinge'"):
        sample_losses("hinge", z, z, z)


@pytest.mark.parametrize("loss", ["mse", "mae", "bce", "cce"])
def test_the_loss_of_each_row_averages_to_the_loss(loss: str) -> None:
    # 5 rows, 3 outputs; soft, unnormalised target rows for the cross-entropies.
    rng = np.random.default_rng(2)
    logits = 4 * rng.normal(size=(5, 3))
    targets = rng.uniform(0, 1, (5, 3)) * (2 if loss == "cce" else 1)
    outputs = {"mse": logits, "mae": np.tanh(logits), "bce": None, "cce": None}[loss]
    full = {"bce": sigmoid(logits),
            "cce": np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)}.get(loss, outputs)
    rows = sample_losses(loss, logits, outputs, targets)
    assert rows.shape == (5,)
    expected = [loss_value(loss, logits[i:i + 1], full[i:i + 1], targets[i:i + 1])
                for i in range(5)]
    np.testing.assert_allclose(rows, expected, rtol=1e-12)
    assert rows.mean() == pytest.approx(loss_value(loss, logits, full, targets), rel=1e-12)


def test_the_loss_of_each_row_stays_finite_for_huge_logits() -> None:
    logits = np.array([[3000.0, -3000.0], [0.0, 1.0], [-2000.0, -1990.0]])
    onehot = np.array([[0.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    rows = sample_losses("cce", logits, None, onehot)
    np.testing.assert_allclose(rows, [6000.0, 1 + np.log1p(np.exp(-1.0)),
                                      np.log1p(np.exp(-10.0))], rtol=1e-12, atol=1e-12)
