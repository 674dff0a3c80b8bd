"""Activations and losses: the lecture's examples, hand-computed values, stability."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnsim.core.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, sigmoid
from nnsim.core.losses import LOSSES, check_pairing, loss_value


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
