"""Training, development and test splits, and the standardisation of features.

The lecture's rule is followed literally: the three parts are random, disjoint and together hold
every row; the development and test parts stay unseen during training. "Unseen" includes the
standardisation statistics, which come from the training part only.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import ClassVar, Iterator, Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnsim.core.coded_error import QT_TRANSLATE_NOOP, CodedError
from nnsim.core.datasets import CLASSIFICATION, REGRESSION, Dataset

Array = NDArray[np.float64]
IndexArray = NDArray[np.intp]

DEFAULT_RATIOS = (0.7, 0.15, 0.15)
PART_NAMES = ("training", "development", "test")
# Every part needs at least one row, and stratification puts every class into every part, so a
# class needs one row per part.
MIN_ROWS = 3
MIN_ROWS_PER_CLASS = 3
_RATIO_TOLERANCE = 1e-6
# A spread this small relative to the mean is floating-point rounding of a constant column
# (np.std of seven copies of 0.1 is about 1e-17, not 0); dividing by it would blow up.
_CONSTANT_RELATIVE_STD = 1e-12


class SplitError(CodedError):
    """Data too small to split: ``code`` "too_few_rows" (rows, minimum) or "small_classes"
    (minimum, classes: “name”: count, …)."""

    context = "SplitError"
    templates: ClassVar[dict[str, tuple[str, ...]]] = {
        "too_few_rows": (QT_TRANSLATE_NOOP("SplitError", "the data has %1 rows, but at least %2 "
                                                         "are needed: one each for training, "
                                                         "development and test. Add more rows."),
                         "rows", "minimum"),
        "small_classes": (QT_TRANSLATE_NOOP("SplitError", "every class needs at least %1 rows "
                                                          "(one each for training, development "
                                                          "and test), but these have fewer: %2. "
                                                          "Add rows of those classes or remove "
                                                          "them."), "minimum", "classes"),
    }


@dataclass(frozen=True, eq=False)
class Splits:
    """The three parts of a dataset and the standardisation that was applied to them.

    Unpacks as ``train, dev, test = split(dataset)``.

    Attributes
    ----------
    train, dev, test : the parts, features already standardised (if asked for).
    mean, std : (d,) per-feature mean and spread of the *raw training* features; a raw value x
        was turned into ``(x - mean) / std``. Without standardisation ``mean`` is 0 and ``std``
        is 1. ``std`` is 1 for a column that is constant in the training part.
    target_mean, target_std : the same for the targets (k,); 0 and 1 unless regression targets
        were standardised.
    indices : rows of the original dataset in each part, in the order of the part's rows.
    """

    train: Dataset
    dev: Dataset
    test: Dataset
    mean: Array
    std: Array
    target_mean: Array
    target_std: Array
    indices: tuple[IndexArray, IndexArray, IndexArray]

    def __iter__(self) -> Iterator[Dataset]:
        return iter((self.train, self.dev, self.test))

    def standardize_features(self, X_raw: ArrayLike) -> Array:
        """Raw feature values (as in the file) -> what the network sees."""
        return np.subtract(X_raw, self.mean) / self.std

    def raw_features(self, X: ArrayLike) -> Array:
        """What the network sees -> raw feature values, e.g. to label axes in hertz."""
        return np.multiply(X, self.std) + self.mean

    def raw_targets(self, Y: ArrayLike) -> Array:
        """Network outputs in the (possibly standardised) target scale -> the data's own units."""
        return np.multiply(Y, self.target_std) + self.target_mean


def check_ratios(ratios: Sequence[float]) -> Array:
    """Validate (train, dev, test) ratios and return them as an array summing to exactly 1.

    Raises
    ------
    ValueError
        Unless there are three finite, positive ratios summing to 1 (within 1e-6).
    """
    r = np.asarray(ratios, dtype=np.float64)
    if r.shape != (3,):
        raise ValueError(f"give three ratios (training, development, test), got {ratios!r}")
    if not np.all(np.isfinite(r)) or np.any(r <= 0):
        raise ValueError(f"every ratio must be a positive number, got {ratios!r}: each of the "
                         "training, development and test parts needs some data")
    if abs(r.sum() - 1.0) > _RATIO_TOLERANCE:
        raise ValueError(f"the ratios must add up to 1, but {ratios!r} add up to {r.sum():g}")
    return r / r.sum()


def check_splittable(dataset: Dataset) -> None:
    """Raise :class:`SplitError` (a ``ValueError``) with a plain explanation if ``dataset`` is too small to split.

    Every part needs a row; for classification every class needs a row in every part.
    """
    n = dataset.n_samples
    if n < MIN_ROWS:
        raise SplitError("too_few_rows", rows=n, minimum=MIN_ROWS)
    if dataset.task == CLASSIFICATION:
        # A class with no rows at all is simply absent (e.g. in a subset); it is not split. (Classes
        # after the last label present get no count at all; zip stops there.)
        counts = np.bincount(dataset.labels)
        small = [(name, int(c)) for name, c in zip(dataset.target_names, counts)
                 if 0 < c < MIN_ROWS_PER_CLASS]
        if small:
            # Names and numbers only, so the list reads the same in every language.
            listed = ", ".join(f"“{name}”: {c}" for name, c in small)
            raise SplitError("small_classes", minimum=MIN_ROWS_PER_CLASS, classes=listed)


def part_sizes(n: int, ratios: Sequence[float]) -> tuple[int, int, int]:
    """Split ``n`` rows into three counts close to ``ratios``, each at least 1 (needs n >= 3).

    Largest-remainder rounding keeps every count within 1 of ``n * ratio`` before the
    at-least-one rule, and within 2 after it.
    """
    if n < MIN_ROWS:
        raise ValueError(f"cannot split {n} rows into three non-empty parts")
    r = check_ratios(ratios)
    exact = n * r
    sizes = np.floor(exact).astype(np.int64)
    # Ties go to the earlier part (training first) so the result does not depend on noise.
    order = np.argsort(-(exact - sizes), kind="stable")
    sizes[order[: n - int(sizes.sum())]] += 1
    for empty in np.flatnonzero(sizes == 0):
        # Take the row from the part that got the most beyond its exact share.
        donors = np.flatnonzero(sizes > 1)
        donor = donors[np.argmax((sizes - exact)[donors])]
        sizes[donor] -= 1
        sizes[empty] = 1
    return int(sizes[0]), int(sizes[1]), int(sizes[2])


def split_indices(dataset: Dataset, ratios: Sequence[float] = DEFAULT_RATIOS,
                  seed: int = 0) -> tuple[IndexArray, IndexArray, IndexArray]:
    """Row indices of the training, development and test parts (random, reproducible).

    Classification is stratified: each class is split on its own in the given ratios, so every
    part sees every class in about the same proportion as the whole dataset.
    """
    check_ratios(ratios)
    check_splittable(dataset)
    rng = np.random.default_rng(seed)
    if dataset.task == CLASSIFICATION:
        labels = dataset.labels
        groups = [np.flatnonzero(labels == c) for c in range(dataset.n_outputs)]
        groups = [g for g in groups if g.size]  # a subset may lack a class altogether
    else:
        groups = [np.arange(dataset.n_samples)]
    parts: list[list[IndexArray]] = [[], [], []]
    for group in groups:
        shuffled = rng.permutation(group)
        n_train, n_dev, _ = part_sizes(group.size, ratios)
        pieces = np.split(shuffled, [n_train, n_train + n_dev])
        for part, piece in zip(parts, pieces):
            part.append(piece)
    # Shuffle across classes too: a trainer that walks a part in order must not meet all of one
    # class first.
    result = tuple(rng.permutation(np.concatenate(p)).astype(np.intp) for p in parts)
    return result  # type: ignore[return-value]


def feature_stats(X: ArrayLike) -> tuple[Array, Array]:
    """Per-column mean and standard deviation, with a spread of 1 for constant columns.

    A constant column carries no information; dividing by its zero spread would produce NaN
    (0/0), so it is only shifted to 0.
    """
    X = np.asarray(X, dtype=np.float64)
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    std = np.where(std <= _CONSTANT_RELATIVE_STD * np.abs(mean), 1.0, std)
    return mean, std


def split(dataset: Dataset, ratios: Sequence[float] = DEFAULT_RATIOS, seed: int = 0,
          standardize: bool = True, *, standardize_targets: bool = False) -> Splits:
    """Split ``dataset`` into training, development and test parts.

    Parameters
    ----------
    dataset : the data to split.
    ratios : fractions for (training, development, test); positive, summing to 1.
    seed : random seed; the same seed gives the same split.
    standardize : shift and scale every feature to mean 0 and spread 1, using the statistics of
        the training part only (so nothing about the development or test rows leaks into
        training). Sigmoid units saturate on raw values such as formants in hertz.
    standardize_targets : regression only (ignored for classification, whose one-hot targets
        must stay 0/1). Off by default so losses and predictions read in the data's own units;
        the built-in regression targets are already of order 1. Turn it on for targets of large
        magnitude (e.g. prices), where the squared error is huge and gradient descent diverges
        at usual learning rates; ``Splits.raw_targets`` converts predictions back.

    Returns
    -------
    Splits
        ``train``, ``dev``, ``test`` (non-empty, disjoint, together every row, in random order)
        plus the ``mean``/``std`` used, so the app can show raw values.

    Raises
    ------
    ValueError
        For invalid ratios, or too few rows (fewer than 3, or a class with fewer than 3).
    """
    indices = split_indices(dataset, ratios, seed)
    train, dev, test = (dataset.subset(i) for i in indices)
    d, k = dataset.n_features, dataset.n_outputs
    mean, std = np.zeros(d), np.ones(d)
    target_mean, target_std = np.zeros(k), np.ones(k)
    if standardize:
        mean, std = feature_stats(train.X)
    if standardize_targets and dataset.task == REGRESSION:
        target_mean, target_std = feature_stats(train.Y)
    # Without standardisation this shifts by 0 and divides by 1: the values stay bit-identical.
    train, dev, test = (
        dataclasses.replace(part, X=(part.X - mean) / std, Y=(part.Y - target_mean) / target_std)
        for part in (train, dev, test))
    for a in (mean, std, target_mean, target_std):
        a.setflags(write=False)
    return Splits(train, dev, test, mean, std, target_mean, target_std, indices)
