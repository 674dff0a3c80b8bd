"""The 1-D landscape equals brute force and carries the lecture's figure."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsim.core.activations import HIDDEN_ACTIVATIONS
from nnsim.core.datasets import make_regression
from nnsim.core.landscape import (DEFAULT_MAX_ROWS, auto_range, find_minimum, landscape,
                                  landscape_figure, sample_indices)
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


# ----------------------------------------------------------------- more setups, against brute force
@pytest.mark.parametrize("hidden", HIDDEN_ACTIVATIONS)
@pytest.mark.parametrize("output, loss, soft", [
    ("linear", "mse", False), ("linear", "mae", False), ("tanh", "mse", False),
    ("tanh", "mae", False), ("sigmoid", "mse", False), ("sigmoid", "bce", False),
    ("sigmoid", "bce", True), ("softmax", "cce", False), ("softmax", "cce", True),
    ("softmax", "mse", False), ("softmax", "mae", False)])
def test_every_pairing_and_kind_of_target_equals_brute_force(hidden, output, loss, soft) -> None:
    # Soft targets (label smoothing, probabilities) take other code paths than 0/1 targets.
    rng = np.random.default_rng(7)
    net = Network((3, 3, 2), hidden, output, seed=5)
    X = rng.normal(size=(30, 3))
    Y = targets(loss, rng, 30, 2, soft)
    for name in net.names:
        values = net[name] + np.linspace(-3, 3, 13)
        np.testing.assert_allclose(landscape(net, X, Y, loss, name, values),
                                   brute_force(net, X, Y, loss, name, values),
                                   rtol=1e-10, atol=1e-14, err_msg=name)


@pytest.mark.parametrize("hidden,output,loss", CONFIGS)
def test_a_single_sample_equals_brute_force(hidden, output, loss) -> None:
    net = Network((3, 3, 2), hidden, output, seed=3)
    X, Y = data(loss, n=1, seed=3)
    for name in net.names:
        values = net[name] + np.linspace(-2, 2, 9)
        np.testing.assert_allclose(landscape(net, X, Y, loss, name, values),
                                   brute_force(net, X, Y, loss, name, values),
                                   rtol=1e-10, atol=1e-14, err_msg=name)


@pytest.mark.parametrize("hidden", ["relu", "sigmoid"])
@pytest.mark.parametrize("loss", ["mse", "mae"])
def test_hidden_units_with_zero_or_unit_outgoing_weights(hidden, loss) -> None:
    # Hidden unit 1 reaches output 1 through a weight of exactly 0 (only output 2 moves with it)
    # and output 2 with a unit step (1, or 2 for a sigmoid unit: σ = ½ + ½·tanh(z/2)); hidden
    # unit 2 reaches neither output: its slices are flat.
    net = Network((3, 3, 2), hidden, "linear", seed=4)
    net["v11"], net["v12"] = 0.0, (2.0 if hidden == "sigmoid" else 1.0)
    net["v21"] = net["v22"] = 0.0
    X, Y = data(loss, n=40, seed=4)
    for name in ("w11", "w21", "w31", "b1", "w12", "w22", "w32", "b2"):
        values = net[name] + np.linspace(-2, 2, 9)
        np.testing.assert_allclose(landscape(net, X, Y, loss, name, values),
                                   brute_force(net, X, Y, loss, name, values),
                                   rtol=1e-10, atol=1e-14, err_msg=name)
    flat = landscape(net, X, Y, loss, "w12", net["w12"] + np.linspace(-2, 2, 9))
    assert np.ptp(flat) == 0


def exact_cross_entropy(net: Network, X, Y, name: str, values) -> np.ndarray:
    """Categorical cross-entropy of one-hot targets as log1p(Σ_{j≠c} exp(z_j − z_c)): exact
    even where the loss is far below the rounding of the logits."""
    before = net.get_vector()
    classes = Y.argmax(axis=1)
    out = []
    try:
        for v in values:
            net[name] = v
            z = net.forward(X)[0][-1]
            gaps = z - z[np.arange(len(z)), classes][:, None]
            gaps[np.arange(len(z)), classes] = -np.inf
            out.append(np.mean(np.log1p(np.exp(gaps).sum(axis=1))))
        return np.array(out)
    finally:
        net.set_vector(before)


@pytest.mark.parametrize("name", ["b4", "v11", "w11"])
def test_a_confident_right_answer_keeps_its_tiny_loss(name: str) -> None:
    # Every sample is class 1 and its logit leads by about 40: the loss, about e^−40 ≈ 4e-18,
    # is below the rounding of the logits, so lse − z (and brute force) gives 0. The landscape
    # computes log1p(exp(−margin)) and keeps it.
    net = Network((3, 3, 2), "sigmoid", "softmax", seed=1)
    net["b4"] = 40.0
    X = np.random.default_rng(1).normal(size=(30, 3))
    Y = np.tile([1.0, 0.0], (30, 1))
    values = net[name] + np.linspace(-3, 3, 7)
    exact = exact_cross_entropy(net, X, Y, name, values)
    assert np.all((exact > 1e-20) & (exact < 1e-14))
    np.testing.assert_allclose(landscape(net, X, Y, "cce", name, values), exact, rtol=1e-9)


@pytest.mark.parametrize("n", [1, 20])
@pytest.mark.parametrize("name", ["b4", "v11", "b1", "w11"])
def test_the_curve_stays_exact_near_a_far_minimum(name: str, n: int) -> None:
    # Targets of large magnitude (prices in their own units, say) put the minimum 1e6 away
    # from the current weight, where the loss is tiny. Expanding the square around the current
    # weight would cancel terms of 1e12; the quadratic is centred on its minimum instead.
    net = Network((3, 3, 1), "linear", "linear", seed=2)
    rng = np.random.default_rng(n)
    X = rng.normal(size=(n, 3))
    far = net.copy()
    far[name] = net[name] + 1e6
    Y = far.predict(X) + 1e-3 * rng.normal(size=(n, 1))
    values = far[name] + np.linspace(-1e-3, 1e-3, 9)
    brute = brute_force(net, X, Y, "mse", name, values)
    assert brute.max() < 1e-3
    np.testing.assert_allclose(landscape(net, X, Y, "mse", name, values), brute, rtol=1e-5,
                               atol=1e-12, err_msg=name)


@pytest.mark.parametrize("hidden, output, loss, name", [
    ("sigmoid", "linear", "mse", "w11"), ("relu", "softmax", "cce", "v21"),
    ("tanh", "sigmoid", "bce", "w32"), ("leaky_relu", "tanh", "mae", "b2")])
def test_many_rows_are_computed_in_chunks_of_values(hidden, output, loss, name) -> None:
    # 3000 rows: the values go through in chunks of 10 (cache-sized blocks); 57 values make
    # five full chunks and a partial one.
    net = Network((3, 3, 2), hidden, output, seed=8)
    X, Y = data(loss, n=3000, seed=8)
    values = net[name] + np.linspace(-2, 2, 57)
    np.testing.assert_allclose(landscape(net, X, Y, loss, name, values),
                               brute_force(net, X, Y, loss, name, values), rtol=1e-10)


def test_overflowing_logits_print_no_warnings() -> None:
    rng = np.random.default_rng(3)
    X = 1e3 * rng.normal(size=(40, 3))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for output, loss in (("softmax", "cce"), ("sigmoid", "bce"), ("sigmoid", "mse"),
                             ("softmax", "mae")):
            net = Network((3, 3, 2), "relu", output, seed=3)
            Y = targets(loss, rng, 40, 2, soft=False)
            for name in ("w11", "v21"):
                values = net[name] + np.array([-20.0, 0.0, 20.0])
                assert np.isfinite(landscape(net, X, Y, loss, name, values)).all()


# ----------------------------------------------------------------- minimum, range and search
def parabola(minimum: float, n: int = 40) -> tuple[Network, np.ndarray, np.ndarray, str]:
    """A slice that is exactly (v − minimum)²/2: MSE on a linear output along the bias b5 (now 0)
    of the second of two outputs, the targets being the network's outputs at b5 = minimum."""
    net = Network((3, 3, 2), "sigmoid", "linear", seed=0)
    assert net["b5"] == 0.0
    X = np.random.default_rng(0).normal(size=(n, 3))
    target = net.copy()
    target["b5"] = minimum
    return net, X, target.predict(X), "b5"


def test_the_parabola_helper_is_what_it_says() -> None:
    net, X, Y, name = parabola(3.0)
    values = np.linspace(-2, 8, 11)
    np.testing.assert_allclose(brute_force(net, X, Y, "mse", name, values),
                               (values - 3.0) ** 2 / 2, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("side", [-1, 1])
def test_a_range_on_one_side_of_the_minimum_is_marked_as_at_the_edge(side: int) -> None:
    # side +1: the whole range is left of the minimum (at 3), so the curve still falls at its
    # right edge and the lower point lies to the right; side −1 is the mirror image.
    net, X, Y, name = parabola(3.0)
    lo, hi = (-3.0, -1.0) if side == 1 else (7.0, 9.0)
    fig = landscape_figure(net, X, Y, "mse", name, 0.5, value_range=(lo, hi))
    assert fig.minimum_at_edge
    assert fig.minimum_value == pytest.approx(hi if side == 1 else lo)
    assert fig.minimum_loss == pytest.approx(8.0)
    assert not fig.minimum_is_global and fig.lower_side == side
    value, loss = fig.lower_point
    assert value == pytest.approx(3.0, abs=1e-3) and loss == pytest.approx(0.0, abs=1e-6)


@pytest.mark.parametrize("side", [-1, 1])
def test_a_minimum_just_beyond_the_edge_is_found(side: int) -> None:
    # The minimum lies 0.01 beyond an edge of a range 0.08 wide, midway between two points of
    # the coarse search grid (current ± 50, every 0.5), where the curve is higher than in view:
    # only the points just beyond the edge find it.
    m = 3.25
    net, X, Y, name = parabola(m)
    view = (m - 0.09, m - 0.01) if side == 1 else (m + 0.01, m + 0.09)
    fig = landscape_figure(net, X, Y, "mse", name, 0.5, value_range=view)
    assert fig.minimum_at_edge and fig.lower_side == side
    assert fig.lower_point[0] == pytest.approx(m, abs=1e-4)


def test_the_search_beyond_a_wide_view_reaches_ten_view_widths() -> None:
    # A view 20 wide is searched out to ±200 around the current value (0), not just ±50.
    net, X, Y, name = parabola(150.25)
    fig = landscape_figure(net, X, Y, "mse", name, 0.5, value_range=(-10.0, 10.0))
    assert fig.lower_side == 1
    assert fig.lower_point == pytest.approx((150.25, 0.0), abs=1e-3)


def test_a_tiny_but_real_improvement_beyond_the_view_is_reported() -> None:
    # Near a perfect fit the in-view minimum is 5e-9; beyond the edge the loss reaches 0. That is
    # far more than a relative 1e-9 lower, so it is reported.
    net, X, Y, name = parabola(3.0)
    fig = landscape_figure(net, X, Y, "mse", name, 0.5, value_range=(3.0001, 3.5))
    assert fig.minimum_loss == pytest.approx(5e-9, rel=1e-3)
    assert fig.lower_side == -1 and fig.lower_point[0] == pytest.approx(3.0, abs=1e-5)


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")
def test_losses_too_large_for_floating_point_are_passed_over() -> None:
    # Only the middle of this absurdly wide range has a finite loss; beyond it nothing is finite.
    net, X, Y, name = parabola(3.0)
    fig = landscape_figure(net, X, Y, "mse", name, 0.5, value_range=(3 - 1e160, 3 + 1e160))
    assert np.isinf(fig.losses).sum() == fig.losses.size - 1
    assert np.isfinite(fig.minimum_loss) and not fig.minimum_at_edge
    assert fig.minimum_loss == fig.losses[200] and fig.minimum_value == fig.values[200]
    assert fig.minimum_is_global and fig.lower_point is None


def test_a_range_of_a_single_value_is_its_own_minimum() -> None:
    net, X, Y, name = parabola(2.0)
    fig = landscape_figure(net, X, Y, "mse", name, 0.5, value_range=(1.0, 1.0))
    assert (fig.minimum_value, fig.minimum_loss) == (1.0, pytest.approx(0.5))
    assert fig.lower_side == 1 and fig.lower_point == pytest.approx((2.0, 0.0), abs=1e-6)


def test_the_minimum_is_refined_inside_the_first_and_last_grid_cells() -> None:
    net, X, Y, name = parabola(2.0)
    for view in ((1.97, 3.97), (0.03, 2.03)):  # 21 points: the minimum 0.03 into an end cell
        fig = landscape_figure(net, X, Y, "mse", name, 0.5, value_range=view, n_points=21)
        assert fig.minimum_value == pytest.approx(2.0, abs=1e-4)


def test_find_minimum_refines_the_grid_minimum_and_flags_the_edges() -> None:
    net, X, Y, name = parabola(2.0)
    for values, expected, at_edge in ((np.linspace(-1, 5, 61), 2.0, False),
                                      (np.linspace(3, 5, 21), 3.0, True),
                                      (np.linspace(-1, 1, 21), 1.0, True)):
        losses = landscape(net, X, Y, "mse", name, values)
        value, loss, edge = find_minimum(net, X, Y, "mse", name, list(values), losses)
        assert value == pytest.approx(expected, abs=1e-9)
        assert loss == pytest.approx((expected - 2.0) ** 2 / 2, abs=1e-12)
        assert edge is at_edge
    values = np.linspace(-1, 5.05, 31)  # 2 falls between grid points
    losses = landscape(net, X, Y, "mse", name, values)
    grid_value, _, _ = find_minimum(net, X, Y, "mse", name, values, losses, rounds=0)
    assert grid_value == values[np.argmin(losses)] != pytest.approx(2.0, abs=1e-3)
    refined, _, _ = find_minimum(net, X, Y, "mse", name, values, losses)
    assert refined == pytest.approx(2.0, abs=1e-4)
    # It reads the loss it is given: the same as the figure's for another loss.
    net, X, Y = Network((3, 3, 2), "sigmoid", "softmax", seed=0), *data("cce")
    fig = landscape_figure(net, X, Y, "cce", "v21", 0.5)
    assert find_minimum(net, X, Y, "cce", "v21", fig.values, fig.losses) == (
        fig.minimum_value, fig.minimum_loss, fig.minimum_at_edge)


@pytest.mark.parametrize("minimum, learning_rate, expected", [
    (5.0, 1e-6, (-1.25, 6.25)),   # to the right: widened until the minimum is inside
    (-5.0, 1e-6, (-6.25, 1.25)),  # to the left
    (0.0, 0.5, (-0.5, 0.5)),      # at the current value: the least margin, 0.5 each side
    (2.0, 1.5, (-0.75, 3.75)),    # the step overshoots the minimum, landing at 3
    (20.0, 1e-3, (-2.0, 9.0)),    # beyond the limit of 8: the range stops at 8, plus 1
    (-20.0, 1e-3, (-9.0, 2.0)),
])
def test_the_automatic_range_frames_the_weight_the_step_and_the_minimum(minimum, learning_rate,
                                                                       expected) -> None:
    # The current value is 0; the range runs from the lowest to the highest of the current
    # value, the new value and the minimum, plus a quarter of that span (at least 0.5) each side.
    net, X, Y, name = parabola(minimum)
    lo, hi = auto_range(net, X, Y, "mse", name, learning_rate)
    assert (lo, hi) == pytest.approx(expected, abs=0.02)
    fig = landscape_figure(net, X, Y, "mse", name, learning_rate)
    assert (fig.values[0], fig.values[-1]) == (lo, hi)
    assert fig.values.size == 401


def test_the_automatic_range_obeys_its_limit() -> None:
    net, X, Y, name = parabola(20.0)
    assert auto_range(net, X, Y, "mse", name, 1e-3, limit=4.0) == pytest.approx((-1.0, 5.0),
                                                                                  abs=0.02)


@pytest.mark.parametrize("output, loss", [("sigmoid", "bce"), ("softmax", "cce"),
                                          ("tanh", "mae")])
def test_figures_of_other_losses_measure_that_loss(output: str, loss: str) -> None:
    net = Network((3, 3, 2), "relu", output, seed=6)
    X, Y = data(loss, n=80, seed=6)
    fig = landscape_figure(net, X, Y, loss, "v21", 20.0)  # a long step
    assert fig.current_loss == pytest.approx(net.loss(X, Y, loss), rel=1e-12)
    assert fig.slope == pytest.approx(net.gradient(X, Y, loss)[net.index("v21")], rel=1e-12)
    assert fig.values[0] <= fig.new_value <= fig.values[-1]
    assert auto_range(net, X, Y, loss, "v21", 20.0) == (fig.values[0], fig.values[-1])


def test_the_figure_names_its_parameter_and_step_size() -> None:
    net, X, Y, name = parabola(1.0)
    fig = landscape_figure(net, X, Y, "mse", name, 0.25, value_range=(-1.0, 1.0), n_points=51)
    assert fig.name == "b5" and fig.learning_rate == 0.25
    assert fig.values.size == fig.losses.size == 51


def test_sample_indices_edge_cases() -> None:
    np.testing.assert_array_equal(sample_indices(10, 1), [0])
    np.testing.assert_array_equal(sample_indices(10, 3), [0, 3, 6])
    with pytest.raises(ValueError):
        sample_indices(10, 0)
