"""Tests of the Dataset container and the built-in datasets (plain NumPy, no Qt)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsim.core.datasets import (BUILTIN_DATASETS, DEFAULT_DATASET, VOWEL_FORMANTS_HZ,
                                 BuiltinDataset, Dataset, make_builtin, make_regression,
                                 make_vowels, make_xor)


def standardized(X: np.ndarray) -> np.ndarray:
    return (X - X.mean(axis=0)) / X.std(axis=0)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def train_mlp(X: np.ndarray, Y: np.ndarray, task: str, epochs: int, lr: float,
              seed: int) -> tuple[np.ndarray, list[float]]:
    """A throw-away 3-H-k network (sigmoid hidden units, Glorot-uniform weights, full batch).

    Softmax + categorical cross-entropy for classification, linear output + MSE for regression,
    as in the lecture. Independent of nnsim.core.network on purpose: these tests are about the
    data being learnable, not about the app's network. Returns the final outputs and the
    training accuracy (classification) or MSE (regression) per epoch.
    """
    rng = np.random.default_rng(seed)
    n, d = X.shape
    h, k = 3, Y.shape[1]
    lim1, lim2 = np.sqrt(6 / (d + h)), np.sqrt(6 / (h + k))
    W1, b1 = rng.uniform(-lim1, lim1, (d, h)), np.zeros(h)
    W2, b2 = rng.uniform(-lim2, lim2, (h, k)), np.zeros(k)
    history: list[float] = []
    for _ in range(epochs):
        H = sigmoid(X @ W1 + b1)
        Z = H @ W2 + b2
        if task == "classification":
            P = np.exp(Z - Z.max(axis=1, keepdims=True))
            P /= P.sum(axis=1, keepdims=True)
            history.append(float(np.mean(P.argmax(axis=1) == Y.argmax(axis=1))))
            dZ = (P - Y) / n
        else:
            P = Z
            history.append(float(np.mean((P - Y) ** 2)))
            dZ = 2 * (P - Y) / (n * k)
        dH = dZ @ W2.T * H * (1 - H)
        W2 -= lr * H.T @ dZ
        b2 -= lr * dZ.sum(axis=0)
        W1 -= lr * X.T @ dH
        b1 -= lr * dH.sum(axis=0)
    return P, history


def best_linear_accuracy(X: np.ndarray, labels: np.ndarray) -> float:
    """Training accuracy of logistic regression fitted by gradient descent (an upper bound for
    what any linear classifier reaches on these points, up to optimisation slack)."""
    Xb = np.column_stack([standardized(X), np.ones(len(X))])
    w = np.zeros(Xb.shape[1])
    for _ in range(3000):
        p = sigmoid(Xb @ w)
        w -= 1.0 * Xb.T @ (p - labels) / len(X)
    logistic = np.mean((Xb @ w > 0) == labels)
    # Least squares on ±1 targets, the other classic linear classifier.
    coef, *_ = np.linalg.lstsq(Xb, 2.0 * labels - 1.0, rcond=None)
    least_squares = np.mean((Xb @ coef > 0) == labels)
    return float(max(logistic, least_squares))


# --- Dataset ---------------------------------------------------------------------------------

def test_dataset_defaults_and_properties() -> None:
    ds = Dataset(np.zeros((4, 3)), np.eye(2)[[0, 1, 1, 0]], "classification")
    assert (ds.n_samples, ds.n_features, ds.n_outputs) == (4, 3, 2)
    assert ds.feature_names == ("x1", "x2", "x3")
    assert ds.target_names == ("y1", "y2")
    assert ds.name == ""
    assert ds.X.dtype == np.float64 and ds.Y.dtype == np.float64
    np.testing.assert_array_equal(ds.labels, [0, 1, 1, 0])
    assert "n_samples=4" in repr(ds)


def test_dataset_copies_and_freezes_its_arrays() -> None:
    X = np.ones((3, 2))
    ds = Dataset(X, [1.0, 2.0, 3.0], "regression")
    X[0, 0] = 99.0
    assert ds.X[0, 0] == 1.0
    assert ds.Y.shape == (3, 1)  # 1-D regression targets become one column
    with pytest.raises(ValueError):
        ds.X[0, 0] = 5.0
    with pytest.raises(AttributeError):
        ds.task = "classification"  # type: ignore[misc]


@pytest.mark.parametrize("kwargs, message", [
    (dict(X=np.zeros((3, 2)), Y=np.zeros((3, 1)), task="clustering"), "task"),
    (dict(X=np.zeros(3), Y=np.zeros((3, 1)), task="regression"), "X must be a 2-D"),
    (dict(X=np.zeros((3, 0)), Y=np.zeros((3, 1)), task="regression"), "X must be a 2-D"),
    (dict(X=np.zeros((3, 2)), Y=np.zeros((4, 1)), task="regression"), "3 samples but Y has 4"),
    (dict(X=np.full((3, 2), np.nan), Y=np.zeros((3, 1)), task="regression"), "NaN"),
    (dict(X=np.zeros((3, 2)), Y=np.zeros((3, 1)), task="regression",
          feature_names=["a"]), "feature_names has 1 names for 2"),
    (dict(X=np.zeros((3, 2)), Y=np.zeros((3, 1)), task="regression",
          target_names="y"), "not one string"),
    (dict(X=np.zeros((2, 2)), Y=np.array([[1.0, 0.0], [0.5, 0.5]]), task="classification"),
     "one-hot"),
    (dict(X=np.zeros((2, 2)), Y=np.ones((2, 1)), task="classification"), "at least 2 classes"),
    (dict(X=np.zeros((2, 2)), Y=np.array([0, 1]), task="classification"), "Y must be a 2-D"),
])
def test_dataset_rejects_invalid_input(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Dataset(**kwargs)


def test_labels_of_regression_dataset_is_an_error() -> None:
    with pytest.raises(ValueError, match="no class labels"):
        make_regression(10).labels


def test_subset_keeps_metadata() -> None:
    ds = make_vowels(20, seed=1)
    part = ds.subset([3, 1, 4])
    assert part.n_samples == 3
    np.testing.assert_array_equal(part.X, ds.X[[3, 1, 4]])
    assert (part.task, part.feature_names, part.target_names, part.name) == (
        ds.task, ds.feature_names, ds.target_names, ds.name)
    by_mask = ds.subset(ds.labels == 1)
    assert np.all(by_mask.labels == 1) and by_mask.n_outputs == 2


# --- built-in generators -----------------------------------------------------------------------

GENERATORS = [make_xor, make_regression, make_vowels]


@pytest.mark.parametrize("make", GENERATORS)
def test_generators_are_reproducible_from_the_seed(make) -> None:
    a, b, c = make(seed=7), make(seed=7), make(seed=8)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.Y, b.Y)
    assert not np.array_equal(a.X, c.X)


@pytest.mark.parametrize("make", GENERATORS)
def test_generators_fit_the_lectures_3_3_2_network(make) -> None:
    ds = make()
    assert (ds.n_features, ds.n_outputs) == (3, 2)
    assert len(ds.feature_names) == 3 and len(ds.target_names) == 2
    assert ds.name


@settings(max_examples=30, deadline=None)
@given(make=st.sampled_from(GENERATORS), n=st.integers(1, 300),
       noise=st.floats(0.0, 3.0), seed=st.integers(0, 2**32 - 1))
def test_generators_any_arguments(make, n: int, noise: float, seed: int) -> None:
    ds = make(n_samples=n, noise=noise, seed=seed)
    assert ds.X.shape == (n, 3) and ds.Y.shape == (n, 2)
    assert np.all(np.isfinite(ds.X)) and np.all(np.isfinite(ds.Y))
    if ds.task == "classification":
        counts = np.bincount(ds.labels, minlength=2)
        assert abs(counts[0] - counts[1]) <= 1  # balanced: chance level is 50 %


@pytest.mark.parametrize("make", GENERATORS)
@pytest.mark.parametrize("n, noise", [(0, 0.1), (2.5, 0.1), (10, -0.1), (10, float("nan"))])
def test_generators_reject_bad_arguments(make, n, noise) -> None:
    with pytest.raises(ValueError):
        make(n_samples=n, noise=noise)


def test_vowel_means_match_peterson_and_barney() -> None:
    ds = make_vowels(n_samples=4000, seed=0)
    assert ds.feature_names == ("F1 (Hz)", "F2 (Hz)", "F3 (Hz)")
    assert ds.target_names == ("/ɪ/ (hid)", "/ɛ/ (head)")
    np.testing.assert_array_equal(VOWEL_FORMANTS_HZ, [[390, 1990, 2550], [530, 1840, 2480]])
    for c, expected in enumerate(VOWEL_FORMANTS_HZ):
        tokens = ds.X[ds.labels == c]
        np.testing.assert_allclose(tokens.mean(axis=0), expected, rtol=0.02)
        relative_spread = tokens.std(axis=0) / tokens.mean(axis=0)
        assert np.all((relative_spread > 0.07) & (relative_spread < 0.13))
    np.testing.assert_array_equal(ds.X, np.round(ds.X))  # whole hertz, like measured values


def test_vowel_noise_scales_the_spread() -> None:
    exact = make_vowels(100, noise=0.0)
    np.testing.assert_array_equal(exact.X, VOWEL_FORMANTS_HZ[exact.labels])
    narrow, wide = make_vowels(2000, noise=0.5), make_vowels(2000, noise=2.0)
    spread = [d.X[d.labels == 0, 0].std() for d in (narrow, wide)]
    assert 3.0 < spread[1] / spread[0] < 5.0


def test_xor_is_not_linearly_separable() -> None:
    ds = make_xor()
    assert best_linear_accuracy(ds.X, ds.labels) < 0.65


@pytest.mark.parametrize("init_seed", range(3))
def test_xor_is_learned_by_a_3_3_2_sigmoid_network(init_seed: int) -> None:
    ds = make_xor(seed=init_seed)
    _, accuracy = train_mlp(standardized(ds.X), ds.Y, ds.task, epochs=2000, lr=0.5,
                            seed=init_seed)
    assert accuracy[-1] > 0.9


def test_regression_targets_are_learnable_but_not_linear() -> None:
    ds = make_regression()
    assert np.all(np.abs(ds.Y) < 2.5)  # of order 1: MSE training needs no target scaling
    X = standardized(ds.X)
    P, mse = train_mlp(X, ds.Y, ds.task, epochs=3000, lr=0.5, seed=0)
    r2_net = 1 - np.mean((P - ds.Y) ** 2, axis=0) / ds.Y.var(axis=0)
    Xb = np.column_stack([X, np.ones(len(X))])
    coef, *_ = np.linalg.lstsq(Xb, ds.Y, rcond=None)
    r2_linear = 1 - np.mean((Xb @ coef - ds.Y) ** 2, axis=0) / ds.Y.var(axis=0)
    assert np.all(r2_net > 0.95)
    assert mse[-1] < 0.5 * np.mean((Xb @ coef - ds.Y) ** 2)  # the hidden layer pays off
    assert r2_linear[1] < 0.95


@pytest.mark.parametrize("init_seed", range(5))
def test_default_dataset_learns_within_a_few_hundred_epochs(init_seed: int) -> None:
    ds = make_builtin(DEFAULT_DATASET, seed=init_seed)
    _, accuracy = train_mlp(standardized(ds.X), ds.Y, ds.task, epochs=200, lr=0.5,
                            seed=init_seed)
    assert accuracy[-1] > 0.9


# --- registry ----------------------------------------------------------------------------------

def test_registry_entries_are_consistent() -> None:
    assert DEFAULT_DATASET in BUILTIN_DATASETS
    assert {"vowels", "xor", "regression"} <= set(BUILTIN_DATASETS)
    for key, entry in BUILTIN_DATASETS.items():
        assert isinstance(entry, BuiltinDataset) and entry.id == key
        assert entry.display_name and entry.description.endswith(".")
        ds = make_builtin(key)
        assert ds.task == entry.task
        assert ds.n_samples == entry.default_n_samples
        np.testing.assert_array_equal(ds.X, entry.generator(entry.default_n_samples,
                                                            entry.default_noise, 0).X)


def test_make_builtin_overrides_and_unknown_id() -> None:
    ds = make_builtin("xor", n_samples=10, noise=0.0, seed=3)
    assert ds.n_samples == 10
    np.testing.assert_array_equal(np.abs(ds.X[:, :2]), 1.0)
    with pytest.raises(ValueError, match="choose one of: .*vowels"):
        make_builtin("iris")


def test_xor_defeats_a_linear_model_trained_by_gradient_descent() -> None:
    from nnsim.core.network import Network
    from nnsim.core.splits import split
    from nnsim.core.trainer import Trainer

    data = split(make_builtin("xor"))
    linear = Trainer(Network((3, 3, 2), "linear", "softmax", seed=0), data, "cce", 0.5)
    hidden = Trainer(Network((3, 3, 2), "sigmoid", "softmax", seed=0), data, "cce", 0.5)
    assert linear.run(500).dev_accuracy < 0.6  # near chance
    assert hidden.run(500).dev_accuracy > 0.85
