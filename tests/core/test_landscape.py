"""The 1-D landscape equals brute force and carries the lecture's figure."""

from __future__ import annotations

import numpy as np
import pytest

from nnsim.core.landscape import auto_range, landscape, landscape_figure
from nnsim.core.network import Network

CONFIGS = [("sigmoid", "linear", "mse"), ("relu", "linear", "mae"), ("tanh", "sigmoid", "bce"),
           ("sigmoid", "softmax", "cce"), ("leaky_relu", "softmax", "mse"),
           ("linear", "tanh", "mse")]


def data(loss: str, n: int = 60, k: int = 2, seed: int = 0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 3))
    if loss == "cce":
        Y = np.eye(k)[rng.integers(0, k, n)]
    elif loss == "bce":
        Y = rng.integers(0, 2, (n, k)).astype(float)
    else:
        Y = rng.normal(size=(n, k))
    return X, Y


@pytest.mark.parametrize("hidden,output,loss", CONFIGS)
def test_landscape_equals_brute_force_for_every_parameter(hidden, output, loss) -> None:
    net = Network((3, 3, 2), hidden, output, seed=1)
    X, Y = data(loss)
    before = net.get_vector()
    for name in net.names:
        values = np.linspace(net[name] - 2.5, net[name] + 2.5, 41)
        fast = landscape(net, X, Y, loss, name, values)
        assert np.array_equal(net.get_vector(), before)  # the network is left unchanged
        brute = []
        for v in values:
            net[name] = v
            brute.append(net.loss(X, Y, loss))
        net.set_vector(before)
        np.testing.assert_allclose(fast, brute, rtol=1e-8, atol=1e-12, err_msg=name)


def test_landscape_on_other_sizes() -> None:
    net = Network((2, 5, 3), "sigmoid", "softmax", seed=2)
    X, Y = data("cce", k=3)
    X = X[:, :2]
    before = net.get_vector()
    for name in ("w25", "v53", "b5", "b8"):
        values = np.linspace(-3, 3, 13)
        brute = []
        for v in values:
            net[name] = v
            brute.append(net.loss(X, Y, "cce"))
        net.set_vector(before)
        np.testing.assert_allclose(landscape(net, X, Y, "cce", name, values), brute, rtol=1e-8)


def test_figure_carries_slope_step_and_minimum() -> None:
    net = Network((3, 3, 2), "sigmoid", "linear", seed=0)
    X, Y = data("mse", n=200)
    fig = landscape_figure(net, X, Y, "mse", "v21", learning_rate=0.5)
    grad = net.gradient(X, Y, "mse")[net.index("v21")]
    assert fig.slope == pytest.approx(grad)
    assert fig.step == pytest.approx(-0.5 * grad)
    assert fig.new_value == pytest.approx(net["v21"] - 0.5 * grad)
    assert fig.current_loss == pytest.approx(net.loss(X, Y, "mse"))
    net2 = net.copy()
    net2["v21"] = fig.new_value
    assert fig.new_loss == pytest.approx(net2.loss(X, Y, "mse"))
    # MSE on a linear output is a parabola in an output weight: its exact minimum is known.
    a, b = np.polyfit([-1, 0, 1], landscape(net, X, Y, "mse", "v21", [-1, 0, 1]), 2)[:2]
    assert fig.minimum_value == pytest.approx(-b / (2 * a), abs=1e-4)
    assert not fig.minimum_at_edge
    assert fig.values[0] <= min(fig.current_value, fig.new_value, fig.minimum_value)
    assert fig.values[-1] >= max(fig.current_value, fig.new_value, fig.minimum_value)
    assert fig.minimum_loss <= fig.losses.min() + 1e-12
    lo, hi = auto_range(net, X, Y, "mse", "v21", 0.5)
    assert lo < fig.minimum_value < hi


def test_a_minimum_outside_the_range_is_marked_as_at_the_edge() -> None:
    net = Network((3, 3, 2), "sigmoid", "linear", seed=0)
    X, Y = data("mse", n=200)
    true_min = landscape_figure(net, X, Y, "mse", "v21", 0.5).minimum_value
    fig = landscape_figure(net, X, Y, "mse", "v21", 0.5, value_range=(true_min + 1, true_min + 3))
    assert fig.minimum_at_edge
    assert fig.minimum_value == pytest.approx(true_min + 1)
