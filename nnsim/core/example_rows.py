"""The network's verdict on every row: its output, its loss and, for classes, whether it is wrong.

For the Examples table. The loss the status bar shows is the mean of these per-row losses (the
lecture: the loss of a batch is the average over its examples), so a student can sort the rows
by loss and see which examples the network gets most wrong. Everything is one vectorised forward
pass per split: 200,000 rows take a few milliseconds.

The test rows stay sealed until the test set has been evaluated: until then their numbers are
not even computed (``ExampleRows.test`` is None).

>>> import numpy as np
>>> from nnsim.core.datasets import make_builtin
>>> from nnsim.core.network import Network
>>> from nnsim.core.splits import split
>>> splits = split(make_builtin("xor"))
>>> net = Network((3, 3, 2), "sigmoid", "softmax", seed=0)
>>> rows = example_rows(net, splits, "cce", epoch=0, with_test=False)
>>> rows.test is None
True
>>> bool(np.isclose(rows.train.losses.mean(), net.loss(splits.train.X, splits.train.Y, "cce")))
True
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from nnsim.core.datasets import CLASSIFICATION, Dataset
from nnsim.core.frozen import read_only
from nnsim.core.losses import sample_losses
from nnsim.core.network import Network
from nnsim.core.splits import Splits

Array = NDArray[np.float64]

# Seconds between two computations while the weights keep changing: a table that changes more
# often than a few times a second cannot be read.
MIN_INTERVAL = 0.25
# ...and at least this many times as long as the last computation took: 200,000 rows cost the
# worker ~30 ms, so the table takes at most a tenth of the training thread's time.
COST_FACTOR = 10.0


def _fresh(values: np.ndarray) -> np.ndarray:
    """Read-only without a copy (the arrays are made here): they go to the window's thread."""
    return read_only(values, dtype=None, copy=False)


@dataclass(frozen=True, eq=False)
class SplitRows:
    """Per-row numbers of one split, in the split's row order.

    Attributes
    ----------
    outputs : (n, k) the network's outputs ŷ (after the output activation).
    losses : (n,) each row's loss; their mean is the split's loss.
    predicted : (n,) the class with the largest output (classification), else None.
    misclassified : (n,) the predicted class is not the target's (classification), else None.
    """

    outputs: Array
    losses: Array
    predicted: NDArray[np.intp] | None = None
    misclassified: NDArray[np.bool_] | None = None

    @property
    def n_rows(self) -> int:
        return int(self.losses.shape[0])

    @property
    def mean_loss(self) -> float:
        """The split's loss: the mean of the rows' losses."""
        return float(self.losses.mean()) if self.n_rows else float("nan")

    @property
    def n_misclassified(self) -> int | None:
        """How many rows are misclassified (None for regression)."""
        return None if self.misclassified is None else int(np.count_nonzero(self.misclassified))


def split_rows(net: Network, data: Dataset, loss: str) -> SplitRows:
    """The outputs, per-row losses and (for classification) mistakes of ``net`` on ``data``.

    The per-row losses are :func:`nnsim.core.losses.sample_losses`, whose mean is the loss the
    trainer reports for the split.
    """
    with np.errstate(all="ignore"):  # a diverged network gives inf/nan rows, not warnings
        zs, acts = net.forward(data.X)
        logits, outputs = zs[-1], acts[-1]
        losses = sample_losses(loss, logits, outputs, data.Y)
    predicted = misclassified = None
    if data.task == CLASSIFICATION:
        # Every output activation keeps the order of the logits, so the argmax is the same.
        predicted = _fresh(logits.argmax(axis=1))
        misclassified = _fresh(predicted != data.Y.argmax(axis=1))
    return SplitRows(_fresh(np.ascontiguousarray(outputs)),
                     _fresh(np.ascontiguousarray(losses, dtype=np.float64)),
                     predicted, misclassified)


@dataclass(frozen=True, eq=False)
class ExampleRows:
    """Every row's numbers, with the rows they belong to.

    Attributes
    ----------
    splits : the rows themselves (read-only; the same object as long as the data and the split
        stay), so a view never pairs numbers with other rows than they were computed for.
    epoch : the epoch of the weights the numbers were computed with.
    loss : the loss function (registry name).
    train, dev : the training and development rows' numbers.
    test : the test rows' numbers, or None while the test set is sealed (not yet evaluated).
    """

    splits: Splits
    epoch: int
    loss: str
    train: SplitRows
    dev: SplitRows
    test: SplitRows | None

    def part(self, name: str) -> SplitRows | None:
        """``"train"``, ``"dev"`` or ``"test"``."""
        return {"train": self.train, "dev": self.dev, "test": self.test}[name]


def example_rows(net: Network, splits: Splits, loss: str, epoch: int,
                 with_test: bool) -> ExampleRows:
    """Every split's numbers for the current weights; the test split's only ``with_test``."""
    return ExampleRows(splits, int(epoch), loss, split_rows(net, splits.train, loss),
                       split_rows(net, splits.dev, loss),
                       split_rows(net, splits.test, loss) if with_test else None)


class ExampleRowsCache:
    """Computes :func:`example_rows` only when the weights changed, at most every
    ``min_interval`` seconds (or ``COST_FACTOR`` times the last computation's time, if longer)
    while they keep changing; ``min_interval=0`` computes whenever they changed.

    Other rows, another loss or activation, or the test set being unsealed are never throttled:
    the old numbers would belong to something else. ``pending`` says that the weights changed
    but the returned numbers are older (ask again after ``min_interval``).
    """

    def __init__(self, min_interval: float = MIN_INTERVAL,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.min_interval = min_interval
        self._clock = clock
        self._rows: ExampleRows | None = None
        self._key: tuple | None = None
        self._parameters: np.ndarray | None = None
        self._computed_at = -np.inf
        self._cost = 0.0
        self.pending = False

    def clear(self) -> None:
        """Forget the numbers (the table is closed)."""
        self._rows = self._key = self._parameters = None
        self._computed_at = -np.inf
        self.pending = False

    def rows(self, net: Network, splits: Splits, loss: str, epoch: int,
             with_test: bool) -> ExampleRows:
        key = (splits, loss, net.sizes, net.hidden_activation,
               net.output_activation, with_test)
        now = self._clock()
        if self._rows is not None and key == self._key:
            unchanged = (self._parameters is not None
                         and np.array_equal(self._parameters, net.parameters))
            interval = self.min_interval and max(self.min_interval, COST_FACTOR * self._cost)
            if unchanged or now - self._computed_at < interval:
                self.pending = not unchanged
                return self._rows
        self._rows = example_rows(net, splits, loss, epoch, with_test)
        self._key, self._parameters = key, net.get_vector()
        self._computed_at = self._clock()
        self._cost = self._computed_at - now
        self.pending = False
        return self._rows
