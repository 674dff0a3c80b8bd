"""The step explainer: every number of a traced step against independent references.

References that always run: the network's own gradient and loss, central finite differences of
a hand-written forward pass for the deltas, and one full-batch Trainer step. Where PyTorch is
installed, every number is also checked against autograd (intermediate gradients by retain_grad).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsim.core.activations import HIDDEN_ACTIVATIONS
from nnsim.core.datasets import Dataset
from nnsim.core.explain import StepTrace, explain_step
from nnsim.core.network import Network
from nnsim.core.splits import Splits
from nnsim.core.trainer import Trainer

# Every output activation with every loss that makes sense on it (as in test_network.py).
PAIRINGS = [("linear", "mse"), ("linear", "mae"), ("sigmoid", "mse"), ("sigmoid", "bce"),
            ("tanh", "mse"), ("tanh", "mae"), ("softmax", "cce"), ("softmax", "mse")]
LEARNING_RATE = 0.3


# ----------------------------------------------------------------- an independent forward pass
def ref_activation(name: str, z: np.ndarray) -> np.ndarray:
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "relu":
        return np.where(z > 0, z, 0.0)
    if name == "leaky_relu":
        return np.where(z > 0, z, 0.01 * z)
    if name == "tanh":
        return np.tanh(z)
    if name == "linear":
        return z
    assert name == "softmax"
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def ref_row_losses(loss: str, output_activation: str, z_out: np.ndarray,
                   Y: np.ndarray) -> np.ndarray:
    """Each row's loss from the output layer's weighted sums, textbook formulas."""
    out = ref_activation(output_activation, z_out)
    if loss == "mse":
        return ((out - Y) ** 2).mean(axis=1)
    if loss == "mae":
        return np.abs(out - Y).mean(axis=1)
    if loss == "bce":
        # 1 − σ(z) written as σ(−z): the subtraction would lose the digits finite differences need.
        return -(Y * np.log(out) + (1 - Y) * np.log(ref_activation("sigmoid", -z_out))).mean(axis=1)
    assert loss == "cce"
    return -(Y * np.log(out)).sum(axis=1)


def ref_from_hidden_z(net: Network, z_hidden: np.ndarray, Y: np.ndarray, loss: str) -> np.ndarray:
    h = ref_activation(net.hidden_activation, z_hidden)
    return ref_row_losses(loss, net.output_activation, h @ net.weights[1] + net.biases[1], Y)


def central_difference(f, z: np.ndarray, step: float = 1e-6) -> np.ndarray:
    """∂fᵣ/∂z[r, c] for a row-wise f: a column moved in every row at once (rows don't mix)."""
    grad = np.empty_like(z)
    for c in range(z.shape[1]):
        up, down = z.copy(), z.copy()
        up[:, c] += step
        down[:, c] -= step
        grad[:, c] = (f(up) - f(down)) / (2 * step)
    return grad


# ----------------------------------------------------------------- set-ups
def targets_for(loss: str, rng: np.random.Generator, n: int, k: int) -> np.ndarray:
    if loss == "cce":
        return np.eye(k)[rng.integers(0, k, n)]
    if loss == "bce":
        return rng.integers(0, 2, (n, k)).astype(float)
    return rng.normal(size=(n, k))


def make_case(hidden: str, output: str, loss: str, sizes, n: int, seed: int):
    rng = np.random.default_rng(seed)
    net = Network(sizes=sizes, hidden_activation=hidden, output_activation=output, seed=seed)
    # Nonzero biases, and weights off their initial scale, so every term of a formula shows.
    net.set_vector(net.get_vector() + rng.normal(scale=0.5, size=len(net.names)))
    return net, rng.normal(size=(n, sizes[0])), targets_for(loss, rng, n, sizes[2])


def assert_close(actual, desired, rtol: float = 1e-9, atol: float = 1e-12) -> None:
    np.testing.assert_allclose(np.asarray(actual, dtype=float), np.asarray(desired, dtype=float),
                               rtol=rtol, atol=atol)


cases = st.fixed_dictionaries({
    "hidden": st.sampled_from(HIDDEN_ACTIVATIONS), "pairing": st.sampled_from(PAIRINGS),
    "sizes": st.tuples(st.integers(1, 9), st.integers(1, 9), st.integers(1, 9)),
    "n": st.integers(1, 9), "seed": st.integers(0, 10_000),
    # Reduced modulo n below: any row of the batch, or the whole batch.
    "example": st.one_of(st.none(), st.integers(0, 8)),
})


def run_case(case):
    output, loss = case["pairing"]
    net, X, Y = make_case(case["hidden"], output, loss, case["sizes"], case["n"], case["seed"])
    example = None if case["example"] is None else case["example"] % case["n"]
    rows = slice(None) if example is None else slice(example, example + 1)
    trace = explain_step(net, X, Y, loss, LEARNING_RATE, example=example)
    return net, X[rows], Y[rows], loss, trace


# ----------------------------------------------------------------- the checks
@settings(max_examples=60, deadline=None)
@given(case=cases)
def test_trace_against_independent_references(case) -> None:
    output, loss = case["pairing"]
    net, X, Y, loss, trace = run_case(case)
    n = X.shape[0]
    assert trace.n_rows == n and trace.example == (None if case["example"] is None
                                                   else case["example"] % case["n"])
    # Forward pass, by hand.
    z_hidden = X @ net.weights[0] + net.biases[0]
    h = ref_activation(net.hidden_activation, z_hidden)
    z_out = h @ net.weights[1] + net.biases[1]
    for got, want in ((trace.inputs, X), (trace.targets, Y), (trace.hidden_pre, z_hidden),
                      (trace.hidden, h), (trace.output_pre, z_out),
                      (trace.output, ref_activation(output, z_out))):
        assert got.shape == want.shape
        assert_close(got, want)
    # Losses: the batch's as the network scores it, each row's as the network scores that row.
    assert trace.loss == net.loss(X, Y, loss)
    assert trace.sample_losses.shape == (n,)
    assert_close(trace.sample_losses, [net.loss(X[r:r + 1], Y[r:r + 1], loss) for r in range(n)])
    assert_close(trace.sample_losses.mean(), trace.loss)
    # Deltas: ∂ℓᵣ/∂z by central differences of the hand-written forward pass. Skip rows where
    # the difference would straddle a kink (|ŷ − y| for MAE, z = 0 for (leaky) ReLU).
    smooth = np.abs(ref_activation(output, z_out) - Y).min(axis=1) > 1e-4 if loss == "mae" \
        else np.ones(n, dtype=bool)
    numeric_out = central_difference(lambda z: ref_row_losses(loss, output, z, Y), z_out)
    assert_close(trace.output_delta[smooth], numeric_out[smooth], rtol=1e-5, atol=1e-7)
    if net.hidden_activation in ("relu", "leaky_relu"):
        smooth &= np.abs(z_hidden).min(axis=1) > 1e-4
    numeric_hidden = central_difference(lambda z: ref_from_hidden_z(net, z, Y, loss), z_hidden)
    assert_close(trace.hidden_delta[smooth], numeric_hidden[smooth], rtol=1e-5, atol=1e-7)
    # The gradient is the network's (bit for bit: the same backpropagation), the step −η·g.
    np.testing.assert_array_equal(trace.gradient, net.gradient(X, Y, loss))
    np.testing.assert_array_equal(trace.parameters, net.get_vector())
    np.testing.assert_array_equal(trace.step, -LEARNING_RATE * trace.gradient)
    np.testing.assert_array_equal(trace.new_parameters, net.get_vector() - LEARNING_RATE *
                                  trace.gradient)
    check_formulas(trace)


def check_formulas(trace: StepTrace) -> None:
    """Every chain rule multiplies to its gradient entry; every formula adds up."""
    n_in, n_hidden, n_out = trace.sizes
    for at, name in enumerate(trace.names):
        rule = trace.terms(name)
        assert rule.parameter == name and rule.gradient == trace.gradient[at]
        assert rule.value == trace.parameters[at] and rule.new_value == trace.new_parameters[at]
        delta, source = rule.factors
        assert delta.kind == "delta" and delta.symbol == f"δ({rule.target})"
        assert all(f.values.shape == (trace.n_rows,) for f in rule.factors)
        # The mean over rows of the product is the gradient entry (up to rounding of the sums).
        scale = np.mean(np.abs(rule.products)) + 1e-300
        assert abs(rule.mean_product - rule.gradient) <= 1e-12 * scale
        if name[0] == "w":
            assert (rule.source, rule.target) == (f"I{name[1]}", f"H{name[2]}")
            assert source.symbol == f"x{name[1]}" and source.kind == "input"
        elif name[0] == "v":
            assert (rule.source, rule.target) == (f"H{name[1]}", f"O{name[2]}")
            assert source.symbol == f"h{name[1]}" and source.kind == "hidden"
            assert rule.hidden_delta is None
        else:
            unit = int(name[1:])
            assert rule.source == ("B1" if unit <= n_hidden else "B2")
            assert source.symbol == "1" and np.all(source.values == 1.0)
        if rule.target[0] == "H":
            dh = rule.hidden_delta
            assert dh is not None and dh.node == rule.target
            np.testing.assert_array_equal(dh.values, delta.values)
            np.testing.assert_array_equal(dh.slope.values * dh.backprop.values, dh.values)
            assert [t.weight for t in dh.terms] == [f"v{rule.target[1]}{k}"
                                                    for k in range(1, n_out + 1)]
            assert_close(sum(t.values for t in dh.terms), dh.backprop.values)
    for j in range(1, n_hidden + 1):
        np.testing.assert_array_equal(trace.hidden_delta_terms(j).values,
                                      trace.hidden_delta_terms(f"H{j}").values)
    for layer, size, pre, out in (("H", n_hidden, trace.hidden_pre, trace.hidden),
                                  ("O", n_out, trace.output_pre, trace.output)):
        for unit in range(1, size + 1):
            node = trace.node_inputs(f"{layer}{unit}")
            weighted = sum(term.values for term in node.inputs) + node.bias_value
            assert_close(weighted, pre[:, unit - 1])
            np.testing.assert_array_equal(node.z, pre[:, unit - 1])
            np.testing.assert_array_equal(node.output, out[:, unit - 1])
            assert node.bias_value == trace.value(node.bias)
            assert len(node.inputs) == (n_in if layer == "H" else n_hidden)


@settings(max_examples=30, deadline=None)
@given(case=cases)
def test_explain_step_leaves_the_network_unchanged(case) -> None:
    output, loss = case["pairing"]
    net, X, Y = make_case(case["hidden"], output, loss, case["sizes"], case["n"], case["seed"])
    net.gradient(X, Y, loss)  # fills the reused gradient buffer: the trace must not overwrite it
    before = (net.get_vector(), net._grad.copy(), repr(net), net.names)
    example = None if case["example"] is None else case["example"] % case["n"]
    trace = explain_step(net, X, Y, loss, LEARNING_RATE, example=example)
    after = (net.get_vector(), net._grad.copy(), repr(net), net.names)
    np.testing.assert_array_equal(before[0], after[0])
    np.testing.assert_array_equal(before[1], after[1])
    assert before[2:] == after[2:]
    with pytest.raises(ValueError):
        trace.gradient[0] = 1.0  # read-only: nobody edits a trace under the window


@pytest.mark.parametrize("hidden", HIDDEN_ACTIVATIONS)
@pytest.mark.parametrize("output,loss", PAIRINGS)
def test_new_parameters_are_one_full_batch_trainer_step(hidden: str, output: str,
                                                        loss: str) -> None:
    net, X, Y = make_case(hidden, output, loss, (3, 4, 2), 8, seed=5)
    if loss in ("bce", "cce"):  # the trainer takes cross-entropy on class labels only
        Y = np.eye(2)[np.arange(8) % 2]
    data = Dataset(X, Y, "classification" if loss in ("bce", "cce") else "regression")
    every = np.arange(8)
    splits = Splits(data, data, data, np.zeros(3), np.ones(3), np.zeros(2), np.ones(2),
                    (every, every, every))
    trainer = Trainer(net.copy(), splits, loss, LEARNING_RATE)
    trainer.step()
    trace = explain_step(net, X, Y, loss, LEARNING_RATE)
    np.testing.assert_allclose(trace.new_parameters, trainer.net.get_vector(), rtol=1e-15,
                               atol=1e-15)


def test_the_lecture_network_reads_as_in_the_lecture() -> None:
    net = Network((3, 3, 2), "sigmoid", "linear", seed=0)
    X, Y = np.array([[0.5, -1.0, 2.0], [1.0, 0.0, -1.0]]), np.array([[1.0, 0.0], [0.0, 1.0]])
    trace = explain_step(net, X, Y, "mse", 0.5, example=1)
    assert trace.n_rows == 1 and trace.example == 1
    rule = trace.terms("w12")
    assert [f.symbol for f in rule.factors] == ["δ(H2)", "x1"] and rule.factors[1].mean == 1.0
    assert rule.hidden_delta is not None
    assert rule.hidden_delta.slope.symbol == "f′(z(H2))"
    assert [t.delta.symbol for t in rule.hidden_delta.terms] == ["δ(O1)", "δ(O2)"]
    assert [f.symbol for f in trace.terms("b5").factors] == ["δ(O2)", "1"]
    node = trace.node_inputs("O1")
    assert [(t.weight, t.source.symbol) for t in node.inputs] == [("v11", "h1"), ("v21", "h2"),
                                                                  ("v31", "h3")]
    assert (node.bias, node.bias_node, node.symbol) == ("b4", "B2", "ŷ1")
    assert trace.node_inputs("H2").bias == "b2"
    assert trace.step[trace.index("w12")] == pytest.approx(-0.5 * rule.gradient)


def test_bad_requests_are_refused() -> None:
    net = Network((3, 3, 2), "sigmoid", "linear", seed=0)
    X, Y = np.zeros((4, 3)), np.zeros((4, 2))
    with pytest.raises(IndexError, match="rows 0…3"):
        explain_step(net, X, Y, "mse", 0.1, example=4)
    with pytest.raises(ValueError, match="softmax"):
        explain_step(net, X, Y, "cce", 0.1)
    with pytest.raises(ValueError, match="learning rate"):
        explain_step(net, X, Y, "mse", 0.0)
    with pytest.raises(ValueError, match="shape"):
        explain_step(net, X[:, :2], Y, "mse", 0.1)
    trace = explain_step(net, X, Y, "mse", 0.1, example=np.int64(2))
    assert trace.example == 2
    for bad in ("w44", "x1"):
        with pytest.raises(KeyError):
            trace.terms(bad)
    for bad in ("I1", "B1", "H4", "O3"):
        with pytest.raises(KeyError):
            trace.node_inputs(bad)


# ----------------------------------------------------------------- PyTorch autograd
def torch_step(torch, net: Network, X: np.ndarray, Y: np.ndarray, loss: str, lr: float) -> dict:
    """The same step in PyTorch: values, retained intermediate gradients and an SGD update."""
    F = torch.nn.functional
    hidden_f = {"sigmoid": torch.sigmoid, "relu": torch.relu, "tanh": torch.tanh,
                "linear": lambda z: z, "leaky_relu": lambda z: F.leaky_relu(z, 0.01)}
    output_f = {"linear": lambda z: z, "sigmoid": torch.sigmoid, "tanh": torch.tanh,
                "softmax": lambda z: torch.softmax(z, dim=1)}

    def leaf(a: np.ndarray):
        return torch.tensor(np.array(a), dtype=torch.float64, requires_grad=True)

    W, V, b_hidden, b_out = (leaf(net.weights[0]), leaf(net.weights[1]), leaf(net.biases[0]),
                             leaf(net.biases[1]))
    x, y = torch.tensor(X, dtype=torch.float64), torch.tensor(Y, dtype=torch.float64)
    z1 = x @ W + b_hidden
    z1.retain_grad()
    h = hidden_f[net.hidden_activation](z1)
    h.retain_grad()
    z2 = h @ V + b_out
    z2.retain_grad()
    out = output_f[net.output_activation](z2)
    # PyTorch's default reductions (mean over entries; cross_entropy: mean over rows).
    losses = {"mse": lambda r: F.mse_loss(out, y, reduction=r),
              "mae": lambda r: F.l1_loss(out, y, reduction=r),
              "bce": lambda r: F.binary_cross_entropy_with_logits(z2, y, reduction=r),
              "cce": lambda r: F.cross_entropy(z2, y, reduction=r)}
    total = losses[loss]("mean")
    rows = losses[loss]("none")
    rows = rows if rows.dim() == 1 else rows.mean(dim=1)
    total.backward()
    # f′(z) on its own, as autograd differentiates the hidden activation.
    z_leaf = z1.detach().clone().requires_grad_(True)
    (slope,) = torch.autograd.grad(hidden_f[net.hidden_activation](z_leaf).sum(), z_leaf)
    gradient = torch.cat([W.grad.flatten(), V.grad.flatten(), b_hidden.grad, b_out.grad])
    optimizer = torch.optim.SGD([W, V, b_hidden, b_out], lr=lr)
    optimizer.step()
    new = torch.cat([W.flatten(), V.flatten(), b_hidden, b_out])
    n = X.shape[0]
    as_np = lambda t: t.detach().numpy().copy()  # noqa: E731
    return {"hidden_pre": as_np(z1), "hidden": as_np(h), "output_pre": as_np(z2),
            "output": as_np(out), "loss": float(total.detach()), "sample_losses": as_np(rows),
            # Per-row deltas: the batch loss is the mean of the rows' losses.
            "output_delta": n * as_np(z2.grad), "hidden_delta": n * as_np(z1.grad),
            "backprop": n * as_np(h.grad), "slope": as_np(slope),
            "gradient": as_np(gradient), "new_parameters": as_np(new)}


@pytest.fixture(scope="module")
def torch():
    # Skipped where PyTorch is missing: it is a reference for the tests, never a dependency.
    return pytest.importorskip("torch")


@settings(max_examples=60, deadline=None)
@given(case=cases)
def test_every_number_equals_pytorch_autograd(torch, case) -> None:
    net, X, Y, loss, trace = run_case(case)
    ref = torch_step(torch, net, X, Y, loss, LEARNING_RATE)
    for key in ("hidden_pre", "hidden", "output_pre", "output", "sample_losses",
                "output_delta", "hidden_delta", "gradient", "new_parameters"):
        assert_close(getattr(trace, key), ref[key])
    assert_close(trace.loss, ref["loss"])
    for j in range(trace.sizes[1]):
        dh = trace.hidden_delta_terms(j + 1)
        assert_close(dh.slope.values, ref["slope"][:, j])
        assert_close(dh.backprop.values, ref["backprop"][:, j])
    for at, name in enumerate(trace.names):
        rule = trace.terms(name)
        assert_close(rule.gradient, ref["gradient"][at])
        assert_close(rule.mean_product, ref["gradient"][at], atol=1e-12 * (
            1 + np.mean(np.abs(rule.products))))
