"""The 1-D landscape equals brute force and carries the lecture's figure."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsim.core.activations import HIDDEN_ACTIVATIONS
from nnsim.core.datasets import make_regression
from nnsim.core.landscape import (DEFAULT_MAX_ROWS, auto_range, landscape, landscape_figure,
                                  sample_indices)
from nnsim.core.network import Network
from nnsim.core.session import Session, Settings

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


# ----------------------------------------------------------------- equality with brute force
PAIRINGS = [("linear", "mse"), ("linear", "mae"), ("tanh", "mse"), ("sigmoid", "mse"),
            ("sigmoid", "bce"), ("softmax", "cce"), ("softmax", "mse"), ("softmax", "mae")]


def brute_force(net: Network, X, Y, loss: str, name: str, values,
                largest_logit: list[float] | None = None) -> np.ndarray:
    """The loss at each value the slow way, and optionally the largest |logit| on the way."""
    before = net.get_vector()
    try:
        out = []
        for v in values:
            net[name] = v
            out.append(net.loss(X, Y, loss))
            if largest_logit is not None:
                largest_logit.append(float(np.abs(net.forward(X)[0][-1]).max()))
        return np.array(out)
    finally:
        net.set_vector(before)


def targets(loss: str, rng: np.random.Generator, n: int, k: int, soft: bool) -> np.ndarray:
    if loss == "cce":
        if soft:  # label smoothing, or unnormalised rows as in regression data
            return rng.uniform(0, 1, (n, k))
        Y = np.eye(k)[rng.integers(0, k, n)]
        Y[rng.random(n) < 0.1] = 0.0  # rows of zeros lose nothing
        return Y
    if loss == "bce":
        return rng.uniform(0, 1, (n, k)) if soft else rng.integers(0, 2, (n, k)).astype(float)
    return rng.normal(size=(n, k))


@settings(max_examples=200, deadline=None)
@given(hidden=st.sampled_from(HIDDEN_ACTIVATIONS), pairing=st.sampled_from(PAIRINGS),
       sizes=st.tuples(st.integers(1, 4), st.integers(1, 4), st.integers(1, 4)),
       seed=st.integers(0, 10_000), scale=st.sampled_from([0.1, 1.0, 5.0, 300.0]),
       soft=st.booleans(), span=st.sampled_from([0.5, 3.0, 40.0]), data=st.data())
def test_landscape_equals_brute_force_to_1e12(hidden, pairing, sizes, seed, scale, soft, span,
                                              data) -> None:
    output, loss = pairing
    rng = np.random.default_rng(seed)
    net = Network(sizes, hidden, output, seed=seed)
    net.set_vector(net.get_vector() + 0.3 * rng.normal(size=net.parameters.size))
    n = 50
    X = scale * rng.normal(size=(n, sizes[0]))  # scale 300: raw, unstandardised features
    Y = targets(loss, rng, n, sizes[2], soft)
    name = data.draw(st.sampled_from(net.names))
    values = net[name] + np.linspace(-span, span, 23)
    fast = landscape(net, X, Y, loss, name, values)
    logits: list[float] = []
    brute = brute_force(net, X, Y, loss, name, values, logits)
    # Where a sample's loss is a difference of large logits (a confident, right answer on raw
    # features) brute force itself loses digits: allow that rounding, relative to the logits.
    np.testing.assert_allclose(fast, brute, rtol=1e-12, atol=1e-15 * max(max(logits), 1.0),
                               err_msg=name)


def test_overflowing_logits_stay_exact() -> None:
    # Logits of ±1e4: exp overflows, and the landscape must fall back to the stable form.
    rng = np.random.default_rng(3)
    X = 1e3 * rng.normal(size=(40, 3))
    for output, loss in (("softmax", "cce"), ("sigmoid", "bce")):
        net = Network((3, 3, 2), "relu", output, seed=3)
        Y = targets(loss, rng, 40, 2, soft=False)
        for name in ("w11", "v21", "b4"):
            values = net[name] + np.linspace(-20, 20, 9)
            fast = landscape(net, X, Y, loss, name, values)
            assert np.isfinite(fast).all()
            np.testing.assert_allclose(fast, brute_force(net, X, Y, loss, name, values),
                                       rtol=1e-12, err_msg=name)


# ----------------------------------------------------------------- an honest minimum
def test_a_lower_point_beyond_the_view_is_found() -> None:
    # ReLU hidden, tanh output: within the automatic range the slice of w31 bottoms out near
    # −9.3 (0.8292), but far to the left, near −25.1, it reaches 0.8275.
    session = Session(Settings(dataset="regression", hidden_activation="relu",
                               output_activation="tanh", loss="mse", weight_seed=67))
    net, train = session.net, session.splits.train
    lo, hi = auto_range(net, train.X, train.Y, "mse", "w31", 0.5)
    fig = landscape_figure(net, train.X, train.Y, "mse", "w31", 0.5, (lo, hi))
    assert lo <= fig.minimum_value <= hi
    assert not fig.minimum_is_global
    assert fig.lower_side == -1
    value, loss = fig.lower_point
    assert value < lo and loss < fig.minimum_loss
    # The reported point is on the slice, and close to the slice's true minimum.
    assert loss == pytest.approx(landscape(net, train.X, train.Y, "mse", "w31", [value])[0])
    dense = np.linspace(-60, 60, 12001)
    true = landscape(net, train.X, train.Y, "mse", "w31", dense)
    assert value == pytest.approx(dense[np.argmin(true)], abs=0.05)
    assert loss <= true.min() + 1e-9
    assert (fig.minimum_value, fig.minimum_loss) == pytest.approx((-9.316, 0.82920), abs=1e-3)
    assert (value, loss) == pytest.approx((-25.10, 0.82746), abs=1e-2)


def test_a_convex_slice_has_a_global_minimum() -> None:
    net = Network((3, 3, 2), "sigmoid", "linear", seed=0)
    X, Y = data("mse", n=200)
    fig = landscape_figure(net, X, Y, "mse", "v21", 0.5)
    assert fig.minimum_is_global and fig.lower_side == 0 and fig.lower_point is None
    # Seen through a window to the right of the minimum, the slice is lower to the left.
    fig = landscape_figure(net, X, Y, "mse", "v21", 0.5,
                           value_range=(fig.minimum_value + 1, fig.minimum_value + 3))
    assert fig.minimum_at_edge and not fig.minimum_is_global
    assert fig.lower_side == -1


def test_a_flat_slice_is_its_own_minimum() -> None:
    # A dead ReLU unit: its outgoing weight changes nothing.
    net = Network((3, 3, 2), "relu", "linear", seed=0)
    net.biases[0][0] = -1e3
    X, Y = data("mse", n=100)
    fig = landscape_figure(net, X, Y, "mse", "v11", 0.5, value_range=(-1.0, 1.0))
    assert np.ptp(fig.losses) == 0
    assert fig.minimum_is_global and fig.lower_side == 0


# ----------------------------------------------------------------- bounded cost on large data
@pytest.fixture(scope="module")
def large() -> tuple[Network, np.ndarray, np.ndarray]:
    dataset = make_regression(n_samples=200_000, seed=1)
    return Network((3, 3, 2), "sigmoid", "linear", seed=0), dataset.X, dataset.Y


def test_large_data_is_sampled_the_same_way_every_time(large) -> None:
    net, X, Y = large
    rows = sample_indices(X.shape[0], DEFAULT_MAX_ROWS)
    assert rows.size == DEFAULT_MAX_ROWS == 4000
    assert np.array_equal(rows, sample_indices(X.shape[0], DEFAULT_MAX_ROWS))
    assert rows[0] == 0 and rows[-1] > 0.99 * X.shape[0]  # spread over all the data
    assert np.all(np.diff(rows) > 0)
    assert sample_indices(4000, 4000) is None and sample_indices(10, None) is None


def test_a_figure_on_large_data_is_computed_on_the_sample(large) -> None:
    net, X, Y = large
    full_loss, full_grad = net.loss_and_gradient(X, Y, "mse")
    fig = landscape_figure(net, X, Y, "mse", "w12", 0.5, loss_and_gradient=(full_loss, full_grad))
    assert fig.sample_rows == DEFAULT_MAX_ROWS and fig.total_rows == 200_000
    rows = sample_indices(X.shape[0], DEFAULT_MAX_ROWS)
    Xs, Ys = X[rows], Y[rows]
    # Everything is the sample's own: the curve, the current point, the slope, the new point.
    np.testing.assert_allclose(fig.losses, landscape(net, Xs, Ys, "mse", "w12", fig.values),
                               rtol=1e-14)
    sample_loss, sample_grad = net.loss_and_gradient(Xs, Ys, "mse")
    assert fig.current_loss == pytest.approx(sample_loss, rel=1e-14)
    assert fig.slope == pytest.approx(sample_grad[net.index("w12")], rel=1e-14)
    assert fig.current_loss != pytest.approx(full_loss, rel=1e-9)  # not the full data's
    assert fig.new_loss == pytest.approx(
        landscape(net, Xs, Ys, "mse", "w12", [fig.new_value])[0], rel=1e-14)
    # The current point lies on the drawn curve.
    on_curve = np.interp(fig.current_value, fig.values, fig.losses)
    assert fig.current_loss == pytest.approx(on_curve, rel=1e-3)
    # The automatic range comes from the same sample.
    assert auto_range(net, X, Y, "mse", "w12", 0.5) == auto_range(net, Xs, Ys, "mse", "w12", 0.5)
    assert (fig.values[0], fig.values[-1]) == pytest.approx(auto_range(net, X, Y, "mse", "w12",
                                                                       0.5))


def test_small_data_and_max_rows_none_use_every_row(large) -> None:
    net, X, Y = large
    fig = landscape_figure(net, X[:500], Y[:500], "mse", "v11", 0.5)
    assert fig.sample_rows is None and fig.total_rows == 500
    fig = landscape_figure(net, X[:5000], Y[:5000], "mse", "v11", 0.5, value_range=(-1, 1),
                           max_rows=None)
    assert fig.sample_rows is None and fig.total_rows == 5000
    assert fig.current_loss == pytest.approx(net.loss(X[:5000], Y[:5000], "mse"))
