"""The network: the lecture's names, parameter access, exact backprop, stability."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsim.core.activations import HIDDEN_ACTIVATIONS
from nnsim.core.network import Network

LECTURE_NAMES = ("w11 w12 w13 w21 w22 w23 w31 w32 w33 v11 v12 v21 v22 v31 v32 "
                 "b1 b2 b3 b4 b5").split()
# Every output activation with every loss that makes sense on it.
PAIRINGS = [("linear", "mse"), ("linear", "mae"), ("sigmoid", "mse"), ("sigmoid", "bce"),
            ("tanh", "mse"), ("tanh", "mae"), ("softmax", "cce"), ("softmax", "mse")]


def targets_for(loss: str, rng: np.random.Generator, n: int, k: int) -> np.ndarray:
    if loss == "cce":
        return np.eye(k)[rng.integers(0, k, n)]
    if loss == "bce":
        return rng.integers(0, 2, (n, k)).astype(float)
    return rng.normal(size=(n, k))


def numeric_gradient(net: Network, X, Y, loss: str, h: float = 1e-6) -> np.ndarray:
    v = net.get_vector()
    grad = np.empty_like(v)
    for i in range(v.size):
        e = np.zeros_like(v)
        e[i] = h
        net.set_vector(v + e)
        up = net.loss(X, Y, loss)
        net.set_vector(v - e)
        down = net.loss(X, Y, loss)
        grad[i] = (up - down) / (2 * h)
    net.set_vector(v)
    return grad


def test_lecture_names_and_access() -> None:
    net = Network(sizes=(3, 3, 2), hidden_activation="sigmoid", output_activation="linear", seed=0)
    assert net.names == tuple(LECTURE_NAMES)
    net["w12"] = 0.4
    assert net["w12"] == 0.4
    assert net.weights[0][0, 1] == 0.4  # w12: input 1 -> hidden 2
    net["v31"] = -2.0
    assert net.weights[1][2, 0] == -2.0  # v31: hidden 3 -> output 1
    net["b4"] = 1.5
    assert net.biases[1][0] == 1.5  # b4 is the first output bias
    v = net.get_vector()
    assert v[net.index("w12")] == 0.4
    v[0] = 9.0
    assert net["w11"] != 9.0  # get_vector is a copy
    net.set_vector(v)
    assert net["w11"] == 9.0
    assert net.describe("w12") == "I1 → H2" and net.describe("b5") == "B2 → O2"


def test_four_hidden_units_follow_the_scheme() -> None:
    net = Network(sizes=(3, 4, 2))
    assert {"w14", "v41", "b1", "b4", "b5", "b6"} <= set(net.names)
    assert net.describe("b4") == "B1 → H4" and net.describe("b5") == "B2 → O1"


def test_bad_input_is_refused() -> None:
    net = Network()
    with pytest.raises(ValueError, match="finite"):
        net["w11"] = float("nan")
    with pytest.raises(KeyError, match="w44"):
        net["w44"]
    with pytest.raises(ValueError):
        Network(sizes=(3, 10, 2))
    with pytest.raises(ValueError):
        Network(hidden_activation="softmax")
    with pytest.raises(ValueError, match="softmax"):
        Network(output_activation="linear").loss(np.zeros((2, 3)), np.zeros((2, 2)), "cce")
    with pytest.raises(ValueError, match="shape"):
        Network().predict(np.zeros((4, 2)))


def test_seeded_initialisation() -> None:
    assert np.array_equal(Network(seed=3).get_vector(), Network(seed=3).get_vector())
    assert not np.array_equal(Network(seed=3).get_vector(), Network(seed=4).get_vector())
    relu = Network(hidden_activation="relu", seed=3)
    # He scale for ReLU units is wider than Glorot for sigmoid units.
    assert np.abs(relu.weights[0]).max() > np.abs(Network(seed=3).weights[0]).max()


def test_predict_matches_a_hand_forward_pass() -> None:
    net = Network(sizes=(3, 3, 2), output_activation="softmax", seed=1)
    X = np.array([[0.5, -1.0, 2.0]])
    h = 1 / (1 + np.exp(-(X @ net.weights[0] + net.biases[0])))
    z = h @ net.weights[1] + net.biases[1]
    expected = np.exp(z) / np.exp(z).sum()
    np.testing.assert_allclose(net.predict(X), expected)


@settings(max_examples=25, deadline=None)
@given(hidden=st.sampled_from(HIDDEN_ACTIVATIONS), pairing=st.sampled_from(PAIRINGS),
       sizes=st.tuples(st.integers(1, 4), st.integers(1, 5), st.integers(2, 3)),
       seed=st.integers(0, 10_000))
def test_backprop_equals_finite_differences(hidden, pairing, sizes, seed) -> None:
    output, loss = pairing
    rng = np.random.default_rng(seed)
    net = Network(sizes=sizes, hidden_activation=hidden, output_activation=output, seed=seed)
    net.set_vector(net.get_vector() + rng.normal(scale=0.3, size=len(net.names)))
    X = rng.normal(size=(7, sizes[0]))
    Y = targets_for(loss, rng, 7, sizes[2])
    analytic = net.gradient(X, Y, loss)
    numeric = numeric_gradient(net, X, Y, loss)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("output,loss", PAIRINGS)
def test_saturated_outputs_give_finite_loss_and_gradient(output: str, loss: str) -> None:
    net = Network(sizes=(3, 3, 2), output_activation=output, seed=0)
    net.biases[1][:] = [1000.0, -1000.0]  # logits around ±1000
    X = np.random.default_rng(0).normal(size=(5, 3))
    Y = targets_for(loss, np.random.default_rng(1), 5, 2)
    value, grad = net.loss_and_gradient(X, Y, loss)
    assert np.isfinite(value) and np.isfinite(grad).all()


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), scale=st.floats(0.1, 3.0))
def test_categorical_cross_entropy_gradient_is_right_for_any_target_rows(seed: int,
                                                                         scale: float) -> None:
    # Soft or unnormalised rows (as in regression data): the derivative is (Σₖ yₖ)·softmax − y.
    rng = np.random.default_rng(seed)
    net = Network((3, 3, 2), "tanh", "softmax", seed=seed)
    X = rng.normal(size=(12, 3))
    Y = scale * rng.normal(size=(12, 2))
    np.testing.assert_allclose(net.gradient(X, Y, "cce"), numeric_gradient(net, X, Y, "cce"),
                               rtol=1e-5, atol=1e-7)


def test_the_regression_slope_of_v21_under_cross_entropy_has_the_autograd_sign() -> None:
    # The case the audit found: +0.036 from the old formula against −0.020 from autograd.
    from nnsim.core.datasets import make_builtin
    from nnsim.core.splits import split
    train = split(make_builtin("regression")).train
    net = Network((3, 3, train.Y.shape[1]), "sigmoid", "softmax", seed=0)
    analytic = net.gradient(train.X, train.Y, "cce")
    numeric = numeric_gradient(net, train.X, train.Y, "cce")
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8)
