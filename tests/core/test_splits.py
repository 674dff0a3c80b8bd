"""Tests of the training/development/test split and the standardisation (plain NumPy, no Qt)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsim.core.datasets import Dataset, make_regression, make_vowels, make_xor
from nnsim.core.splits import (MIN_ROWS_PER_CLASS, Splits, check_ratios, feature_stats,
                               part_sizes, split)


def classification_data(counts: list[int], d: int = 2, seed: int = 0) -> Dataset:
    rng = np.random.default_rng(seed)
    labels = np.repeat(np.arange(len(counts)), counts)
    rng.shuffle(labels)
    return Dataset(rng.normal(size=(labels.size, d)), np.eye(len(counts))[labels],
                   "classification")


ratio_triples = st.tuples(st.floats(0.05, 1.0), st.floats(0.05, 1.0), st.floats(0.05, 1.0)).map(
    lambda r: tuple(x / sum(r) for x in r))


def assert_partition(s: Splits, n: int) -> None:
    sizes = [len(i) for i in s.indices]
    assert all(size > 0 for size in sizes)
    everything = np.concatenate(s.indices)
    assert everything.size == n and np.unique(everything).size == n  # disjoint and covering
    assert [s.train.n_samples, s.dev.n_samples, s.test.n_samples] == sizes


# --- partition properties ----------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(counts=st.lists(st.integers(MIN_ROWS_PER_CLASS, 60), min_size=2, max_size=9),
       ratios=ratio_triples, seed=st.integers(0, 2**32 - 1))
def test_classification_split_is_a_stratified_partition(counts: list[int], ratios,
                                                        seed: int) -> None:
    ds = classification_data(counts, seed=seed % 1000)
    s = split(ds, ratios, seed=seed, standardize=False)
    assert_partition(s, ds.n_samples)
    for part, ratio, idx in zip(s, ratios, s.indices):
        np.testing.assert_array_equal(part.X, ds.X[idx])  # rows travel with their targets
        np.testing.assert_array_equal(part.Y, ds.Y[idx])
        per_class = np.bincount(part.labels, minlength=len(counts))
        # Every class is in every part, in its share of the class (rounding + one-row minimum).
        assert np.all(per_class >= 1)
        assert np.all(np.abs(per_class - ratio * np.array(counts)) < 2)


@settings(max_examples=60, deadline=None)
@given(n=st.integers(3, 500), ratios=ratio_triples, seed=st.integers(0, 2**32 - 1))
def test_regression_split_is_a_partition(n: int, ratios, seed: int) -> None:
    ds = make_regression(n, seed=seed % 1000)
    s = split(ds, ratios, seed=seed, standardize=False)
    assert_partition(s, n)
    for part, ratio in zip(s, ratios):
        assert abs(part.n_samples - ratio * n) < 2


def test_default_split_sizes_and_metadata() -> None:
    ds = make_vowels(400)
    train, dev, test = split(ds)  # unpacks like a tuple of the three parts
    assert (train.n_samples, dev.n_samples, test.n_samples) == (280, 60, 60)
    for part in (train, dev, test):
        assert part.feature_names == ds.feature_names and part.target_names == ds.target_names
        assert part.task == ds.task and part.name == ds.name
        assert np.bincount(part.labels).tolist() == [part.n_samples // 2] * 2


def test_split_is_reproducible_from_the_seed() -> None:
    ds = make_xor(200)
    a, b, c = split(ds, seed=5), split(ds, seed=5), split(ds, seed=6)
    for i, j in zip(a.indices, b.indices):
        np.testing.assert_array_equal(i, j)
    np.testing.assert_array_equal(a.train.X, b.train.X)
    assert not np.array_equal(a.indices[0], c.indices[0])


def test_parts_are_shuffled_across_classes() -> None:
    # A file sorted by class must not give a training part sorted by class.
    labels = np.repeat([0, 1], 50)
    ds = Dataset(np.arange(100.0).reshape(-1, 1), np.eye(2)[labels], "classification")
    train = split(ds, standardize=False).train
    assert np.any(np.diff(train.labels) < 0)


@pytest.mark.parametrize("n, ratios, expected", [
    (3, (0.7, 0.15, 0.15), (1, 1, 1)),
    (4, (0.7, 0.15, 0.15), (2, 1, 1)),
    (10, (0.7, 0.15, 0.15), (7, 2, 1)),
    (100, (0.7, 0.15, 0.15), (70, 15, 15)),
    (5, (0.98, 0.01, 0.01), (3, 1, 1)),
    (7, (1 / 3, 1 / 3, 1 / 3), (3, 2, 2)),
])
def test_part_sizes(n: int, ratios, expected) -> None:
    assert part_sizes(n, ratios) == expected


def test_an_empty_part_takes_its_row_from_the_part_most_above_its_share() -> None:
    # 10 rows at (0.5, 0.49, 0.01): exact shares 5, 4.9 and 0.1, rounded to (5, 5, 0). The test
    # part needs a row; the development part got 0.1 more than its share, training none.
    assert part_sizes(10, (0.5, 0.49, 0.01)) == (5, 4, 1)
    assert part_sizes(10, (0.49, 0.5, 0.01)) == (4, 5, 1)
    with pytest.raises(ValueError):
        part_sizes(2, (0.7, 0.15, 0.15))


# --- standardisation -----------------------------------------------------------------------------

def test_standardisation_uses_training_statistics_only() -> None:
    ds = make_vowels(400, seed=2)
    s = split(ds, seed=1)
    raw_train = ds.X[s.indices[0]]
    np.testing.assert_allclose(s.mean, raw_train.mean(axis=0))
    np.testing.assert_allclose(s.std, raw_train.std(axis=0))
    np.testing.assert_allclose(s.train.X.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(s.train.X.std(axis=0), 1, atol=1e-12)
    # dev/test use the training statistics, so their own mean is not exactly 0 ...
    np.testing.assert_allclose(s.dev.X, (ds.X[s.indices[1]] - s.mean) / s.std)
    assert np.all(np.abs(s.dev.X.mean(axis=0)) > 1e-9)
    # ... and changing a test row does not change what training sees (no leakage).
    X = ds.X.copy()
    X[s.indices[2]] *= 10
    leaky = split(Dataset(X, ds.Y, ds.task), seed=1)
    np.testing.assert_array_equal(leaky.train.X, s.train.X)
    np.testing.assert_array_equal(leaky.mean, s.mean)


def test_raw_values_round_trip() -> None:
    ds = make_vowels(100)
    s = split(ds)
    np.testing.assert_allclose(s.raw_features(s.test.X), ds.X[s.indices[2]])
    np.testing.assert_allclose(s.standardize_features(ds.X[s.indices[2]]), s.test.X)
    np.testing.assert_array_equal(s.raw_targets(s.test.Y), s.test.Y)  # targets untouched


@pytest.mark.parametrize("value", [0.0, 0.1, 1e6])
def test_constant_column_gives_no_nan(value: float) -> None:
    # np.std of copies of 0.1 is ~1e-17, not 0: that must count as constant too.
    ds = make_vowels(60)
    X = ds.X.copy()
    X[:, 1] = value
    s = split(Dataset(X, ds.Y, ds.task))
    assert s.std[1] == 1.0
    for part in s:
        assert np.all(np.isfinite(part.X))
        np.testing.assert_allclose(part.X[:, 1], 0.0, atol=1e-9)


def test_column_constant_only_in_training_stays_finite() -> None:
    ds = classification_data([3, 3])
    s0 = split(ds, standardize=False)
    X = np.zeros_like(ds.X)
    X[s0.indices[1], 0] = 5.0  # varies only in the development rows
    s = split(Dataset(X, ds.Y, ds.task))
    assert np.all(np.isfinite(s.dev.X)) and s.std[0] == 1.0


def test_feature_stats_are_finite() -> None:
    mean, std = feature_stats(np.array([[1.0, 2.0], [1.0, 4.0]]))
    np.testing.assert_array_equal(mean, [1.0, 3.0])
    np.testing.assert_array_equal(std, [1.0, 1.0])


def test_feature_stats_are_computed_in_double_precision() -> None:
    X = (1e4 + np.random.default_rng(0).normal(size=(1000, 2))).astype(np.float32)
    mean, std = feature_stats(X)
    assert mean.dtype == std.dtype == np.float64
    exact_mean, exact_std = feature_stats(X.astype(np.float64))
    np.testing.assert_array_equal(mean, exact_mean)
    np.testing.assert_array_equal(std, exact_std)


def test_a_feature_of_small_magnitude_is_not_mistaken_for_a_constant() -> None:
    # Values around 1e-3 that vary by 1e-9 (a real, if tiny, spread: 1e-6 of the mean) are
    # standardised like any other feature; only rounding-level spreads count as constant.
    x = 1e-3 + 1e-9 * np.random.default_rng(1).normal(size=(50, 1))
    mean, std = feature_stats(x)
    assert std[0] == pytest.approx(x.std(), rel=1e-6)
    np.testing.assert_allclose(((x - mean) / std).std(), 1.0)


def test_without_standardisation_values_are_unchanged() -> None:
    ds = make_vowels(50)
    s = split(ds, standardize=False)
    np.testing.assert_array_equal(s.train.X, ds.X[s.indices[0]])
    np.testing.assert_array_equal(s.mean, 0.0)
    np.testing.assert_array_equal(s.std, 1.0)


def test_the_statistics_of_a_split_are_read_only() -> None:
    s = split(make_regression(40), standardize_targets=True)
    for stats in (s.mean, s.std, s.target_mean, s.target_std):
        with pytest.raises(ValueError):
            stats[0] = 0.0


def test_regression_targets_are_kept_unless_asked() -> None:
    ds = make_regression(100)
    s = split(ds)
    np.testing.assert_array_equal(s.train.Y, ds.Y[s.indices[0]])
    big = Dataset(ds.X, ds.Y * 1e5 + 3e5, ds.task)
    t = split(big, standardize_targets=True)
    np.testing.assert_allclose(t.train.Y.mean(axis=0), 0, atol=1e-9)
    np.testing.assert_allclose(t.raw_targets(t.dev.Y), big.Y[t.indices[1]])
    # One-hot class targets are never rescaled.
    c = split(make_vowels(30), standardize_targets=True)
    assert set(np.unique(c.train.Y)) == {0.0, 1.0}


# --- invalid input -----------------------------------------------------------------------------

@pytest.mark.parametrize("ratios, message", [
    ((0.7, 0.3), "three ratios"),
    ((0.8, 0.2, 0.0), "positive"),
    ((0.9, 0.2, -0.1), "positive"),
    ((0.7, 0.15, float("nan")), "positive"),
    ((0.7, 0.2, 0.2), "add up to 1"),
])
def test_invalid_ratios(ratios, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        split(make_vowels(30), ratios)


def test_ratios_tolerate_rounding() -> None:
    np.testing.assert_allclose(check_ratios((0.7, 0.15, 0.1500000001)).sum(), 1.0)
    # Within the tolerance, the ratios are rescaled to add up to 1 exactly (to rounding).
    r = check_ratios((0.7, 0.15, 0.1500005))
    assert abs(r.sum() - 1.0) < 1e-12
    np.testing.assert_allclose(r, np.array([0.7, 0.15, 0.1500005]) / 1.0000005, rtol=1e-12)


def test_exact_fractions_are_ratios_too() -> None:
    thirds = (Fraction(1, 3),) * 3
    np.testing.assert_allclose(check_ratios(thirds), [1 / 3] * 3)
    assert part_sizes(9, thirds) == (3, 3, 3)
    ds = make_vowels(60)
    s = split(ds, (Fraction(7, 10), Fraction(3, 20), Fraction(3, 20)))
    for exact, rounded in zip(s.indices, split(ds, (0.7, 0.15, 0.15)).indices):
        np.testing.assert_array_equal(exact, rounded)


# The CSV loader shows these two messages to the student as they are: they must say what is
# wrong and what to do.
@pytest.mark.parametrize("n", [1, 2])
def test_too_few_rows(n: int) -> None:
    with pytest.raises(ValueError) as error:
        split(make_regression(n))
    assert str(error.value) == (f"the data has {n} rows, but at least 3 are needed: one each for "
                                "training, development and test. Add more rows.")
    assert error.value.code == "too_few_rows" and error.value.params == {"rows": n, "minimum": 3}


def test_too_few_rows_of_a_class() -> None:
    ds = classification_data([10, 2])
    with pytest.raises(ValueError, match="every class needs at least 3 rows.*“y2”: 2"):
        split(ds)
    with pytest.raises(ValueError) as error:
        split(classification_data([1, 10, 2, 5]))
    assert str(error.value) == ("every class needs at least 3 rows (one each for training, "
                                "development and test), but these have fewer: “y1”: 1, “y3”: 2. "
                                "Add rows of those classes or remove them.")
    assert error.value.code == "small_classes"
    assert error.value.params == {"minimum": 3, "classes": "“y1”: 1, “y3”: 2"}


def test_absent_class_is_not_an_error() -> None:
    ds = make_vowels(20)
    s = split(ds.subset(ds.labels == 0))
    assert_partition(s, 10)
    # Nor is a class missing between two present ones.
    ds = classification_data([5, 4, 6])
    s = split(ds.subset(ds.labels != 1))
    assert_partition(s, 11)
