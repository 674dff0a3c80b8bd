"""Gradient descent on the training split, with dev and test losses measured every epoch.

The trainer owns nothing the user cannot see: the network, the splits, the loss, the learning
rate, the batch size and the set of frozen parameters can all change between epochs without
resetting the weights, which is what lets a student turn the learning-rate knob mid-run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import numpy as np
from numpy.typing import NDArray

from nnsim.core.history import EpochRecord, History
from nnsim.core.losses import check_pairing, get_loss, loss_value
from nnsim.core.network import Network
from nnsim.core.splits import Splits

Array = NDArray[np.float64]

# Gradient descent with a workable learning rate never climbs far above where it started. A
# training loss RISE_FACTOR times its starting value (taken as at least RISE_FLOOR, so a start near
# zero does not make every wobble count) means the steps overshoot: the lecture's divergence.
# Cross-entropy losses rarely become infinite (their gradients are bounded), so this, not just
# inf/nan, is what catches a too-high learning rate there.
RISE_FACTOR = 10.0
RISE_FLOOR = 0.1


@dataclass(frozen=True)
class Divergence:
    """Why and when a run diverged."""

    epoch: int
    reason: str
    learning_rate: float

    @property
    def message(self) -> str:
        return (f"Training diverged at epoch {self.epoch}: {self.reason}. "
                f"The learning rate {self.learning_rate:g} is too high; try a smaller one "
                f"(e.g. {self.learning_rate / 10:g}) and press Reset.")


class Trainer:
    """Gradient descent for a :class:`Network` on :class:`Splits`.

    Parameters
    ----------
    net : the network to train (changed in place).
    splits : train/dev/test data; only ``splits.train`` is used for updates.
    loss : ``mse``, ``mae``, ``bce`` or ``cce`` (must fit the network's output activation).
    learning_rate : step size η, > 0.
    batch_size : None for full-batch gradient descent, else shuffled mini-batches of this size.
    seed : seed of the mini-batch shuffling.
    frozen : names of parameters that stay exactly fixed.
    """

    def __init__(self, net: Network, splits: Splits, loss: str = "mse",
                 learning_rate: float = 0.1, batch_size: int | None = None, seed: int = 0,
                 frozen: Iterable[str] = ()) -> None:
        self.net = net
        self.splits = splits
        self._check_data(splits)
        self._loss = ""
        self.loss = loss
        self._learning_rate = 0.0
        self.learning_rate = learning_rate
        self._batch_size: int | None = None
        self.batch_size = batch_size
        self.seed = seed
        self._rng = np.random.default_rng(seed)
        self._frozen: frozenset[str] = frozenset()
        self._trainable: NDArray[np.intp] | None = None
        self.frozen = frozen
        self.history = History()
        self.epoch = 0
        self.diverged: Divergence | None = None
        self._start_loss: float | None = None
        self._labels = {name: (part.Y.argmax(axis=1) if self.is_classification else None)
                        for name, part in zip(("train", "dev", "test"), splits)}

    # ----------------------------------------------------------------- settings
    @property
    def is_classification(self) -> bool:
        return self.splits.train.task == "classification"

    @property
    def loss(self) -> str:
        return self._loss

    @loss.setter
    def loss(self, name: str) -> None:
        get_loss(name)
        check_pairing(name, self.net.output_activation)
        self._loss = name

    @property
    def learning_rate(self) -> float:
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        value = float(value)
        if not (np.isfinite(value) and value > 0):
            raise ValueError(f"the learning rate must be a positive number, got {value}")
        self._learning_rate = value

    @property
    def batch_size(self) -> int | None:
        return self._batch_size

    @batch_size.setter
    def batch_size(self, value: int | None) -> None:
        if value is not None and int(value) < 1:
            raise ValueError(f"the batch size must be at least 1 (or None), got {value}")
        self._batch_size = None if value is None else int(value)

    @property
    def frozen(self) -> frozenset[str]:
        return self._frozen

    @frozen.setter
    def frozen(self, names: Iterable[str]) -> None:
        names = frozenset(names)
        frozen_idx = {self.net.index(n) for n in names}  # raises on unknown names
        self._frozen = names
        # Updating by index leaves a frozen value bit-identical, even if its gradient is inf/nan
        # (a multiplicative 0/1 mask would turn 0 · inf into nan).
        self._trainable = (None if not frozen_idx else
                           np.array([i for i in range(self.net.parameters.size)
                                     if i not in frozen_idx], dtype=np.intp))

    def set_splits(self, splits: Splits) -> None:
        """Train on other data from now on (same input/output counts)."""
        self._check_data(splits)
        self.splits = splits
        self._labels = {name: (part.Y.argmax(axis=1) if self.is_classification else None)
                        for name, part in zip(("train", "dev", "test"), splits)}

    def _check_data(self, splits: Splits) -> None:
        n_in, n_out = self.net.sizes[0], self.net.sizes[-1]
        for part in splits:
            if part.X.shape[1] != n_in or part.Y.shape[1] != n_out:
                raise ValueError(f"the data has {part.X.shape[1]} inputs and {part.Y.shape[1]} "
                                 f"outputs but the network is {'-'.join(map(str, self.net.sizes))}")

    # ----------------------------------------------------------------- training
    def reset(self, seed: int | None = None) -> None:
        """New initial weights (from ``seed``, else the network's seed); back to epoch 0."""
        self.net.initialize(seed)
        self._rng = np.random.default_rng(self.seed)
        self.history.clear()
        self.epoch = 0
        self.diverged = None
        self._start_loss = None

    def restart_divergence_check(self) -> None:
        """Measure the divergence threshold from the current weights (after a hand edit)."""
        self._start_loss = None

    def step(self) -> EpochRecord | None:
        """One epoch of gradient descent; returns its record.

        After a divergence this does nothing and returns the last record: the run has stopped and
        needs a smaller learning rate (or a reset), never a crash.
        """
        if self.diverged is not None:
            return self.history.latest
        # A diverging run overflows on purpose; its warnings would only be noise on the console.
        with np.errstate(all="ignore"):
            train = self.splits.train
            if self._start_loss is None:
                self._start_loss = self.evaluate("train")[0]
            before = self.net.parameters.copy()
            if self._batch_size is None or self._batch_size >= train.X.shape[0]:
                train_loss = self._update(train.X, train.Y)
            else:
                train_loss = self._minibatch_epoch(train.X, train.Y)
            self.epoch += 1
            # The diverging epoch is recorded too: the loss curve should show the jump.
            self._check_divergence(train_loss, before)
            record = self._measure(train_loss)
        self.history.append(record)
        return record

    def run(self, epochs: int) -> EpochRecord | None:
        """Train up to ``epochs`` epochs (stops early on divergence); returns the last record."""
        record = self.history.latest
        for _ in range(int(epochs)):
            if self.diverged is not None:
                break
            record = self.step()
        return record

    def _update(self, X: Array, Y: Array) -> float:
        loss, grad = self.net._loss_and_gradient(X, Y, self._loss)
        if self._trainable is None:
            grad *= self._learning_rate
            self.net.parameters -= grad
        else:
            idx = self._trainable
            self.net.parameters[idx] -= self._learning_rate * grad[idx]
        return loss

    def _minibatch_epoch(self, X: Array, Y: Array) -> float:
        order = self._rng.permutation(X.shape[0])
        total, n = 0.0, X.shape[0]
        for start in range(0, n, self._batch_size):
            idx = order[start:start + self._batch_size]
            total += self._update(X[idx], Y[idx]) * idx.size
        return total / n

    def _check_divergence(self, train_loss: float, before: Array) -> bool:
        params_finite = bool(np.isfinite(self.net.parameters).all())
        limit = RISE_FACTOR * max(self._start_loss or 0.0, RISE_FLOOR)
        reason = ""
        if not np.isfinite(train_loss):
            reason = "the training loss became infinite or undefined"
        elif not params_finite:
            reason = "the weights became infinite or undefined"
        elif train_loss > limit:
            reason = (f"the training loss rose to {train_loss:.3g}, more than "
                      f"{RISE_FACTOR:g} times its starting value {self._start_loss:.3g}")
        if not reason:
            return False
        if not params_finite:
            # Keep the last finite weights so the network, landscape and editor stay readable.
            self.net.parameters[:] = before
        self.diverged = Divergence(self.epoch, reason, self._learning_rate)
        return True

    def _measure(self, train_loss: float) -> EpochRecord:
        train_acc = dev_acc = test_acc = None
        dev_loss, dev_acc = self.evaluate("dev")
        test_loss, test_acc = self.evaluate("test")
        if self.is_classification:
            # The train accuracy of the pass just made would need its outputs; one cheap extra
            # forward pass keeps the gradient code free of bookkeeping.
            _, train_acc = self.evaluate("train")
        return EpochRecord(self.epoch, float(train_loss), dev_loss, test_loss,
                           train_acc, dev_acc, test_acc)

    def evaluate(self, part: str = "dev") -> tuple[float, float | None]:
        """Loss and accuracy (None for regression) of the current weights on one split."""
        data = getattr(self.splits, part)
        zs, acts = self.net.forward(data.X)
        loss = loss_value(self._loss, zs[-1], acts[-1], data.Y)
        labels = self._labels[part]
        if labels is None:
            return loss, None
        return loss, float(np.mean(acts[-1].argmax(axis=1) == labels))
