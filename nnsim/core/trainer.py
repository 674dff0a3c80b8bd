"""Gradient descent on the training split, with the training and dev numbers of every epoch.

The trainer owns nothing the user cannot see: the network, the splits, the loss, the learning
rate, the batch size and the set of frozen parameters can all change between epochs without
resetting the weights, which is what lets a student turn the learning-rate knob mid-run.

Every number of an epoch is measured at the same weights, those after the epoch's update, in one
forward pass over the training and dev rows stacked together; the history starts with an epoch-0
record of the initial weights. The test split is evaluated only when asked (:meth:`evaluate`).
"""

from __future__ import annotations

import math
from typing import Callable, Iterable

import numpy as np
from numpy.typing import NDArray

from nnsim.core.divergence import Divergence, DivergenceMonitor
from nnsim.core.history import EpochRecord, History
from nnsim.core.losses import check_pairing, check_task, get_loss, loss_value, sample_losses
from nnsim.core.network import Network
from nnsim.core.splits import Splits

Array = NDArray[np.float64]

__all__ = ["Divergence", "Trainer"]


class Trainer:
    """Gradient descent for a :class:`Network` on :class:`Splits`.

    Parameters
    ----------
    net : the network to train (changed in place).
    splits : train/dev/test data; only ``splits.train`` is used for updates.
    loss : ``mse``, ``mae``, ``bce`` or ``cce`` (must fit the network's output activation and
        the data: cross-entropy only on classification data, ``bce`` only on targets in [0, 1]).
    learning_rate : step size η, > 0.
    batch_size : None for full-batch gradient descent, else shuffled mini-batches of this size.
    seed : seed of the mini-batch shuffling.
    frozen : names of parameters that stay exactly fixed.

    Attributes
    ----------
    history : the epoch records, from epoch 0 (the initial weights) on.
    diverged : set when the run was stopped (see :mod:`nnsim.core.divergence`).
    between_batches : called after every mini-batch update, if set; the training thread uses it
        to let the window draw during long epochs, and may raise from it to abandon the epoch.
    """

    def __init__(self, net: Network, splits: Splits, loss: str = "mse",
                 learning_rate: float = 0.1, batch_size: int | None = None, seed: int = 0,
                 frozen: Iterable[str] = (), early_stopping: int | None = None) -> None:
        self.net = net
        self.splits = splits
        self._check_data(splits)
        # Declared here, set (and checked) by the property setters.
        self._loss: str
        self._learning_rate: float
        self._batch_size: int | None
        self._frozen: frozenset[str]
        self._trainable: NDArray[np.intp] | None
        self.loss = loss
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.seed = seed
        self._rng = np.random.default_rng(seed)
        self.frozen = frozen
        self.between_batches: Callable[[], None] | None = None
        self.history = History()
        self.epoch = 0
        self.diverged: Divergence | None = None
        self._early_stopping: int | None = None
        self.early_stopping = early_stopping
        self.stopped_early = False
        self.best_epoch = 0
        self.best_dev_loss = math.inf
        self._best_record: EpochRecord | None = None
        self._best_parameters = net.get_vector()
        self._monitor = DivergenceMonitor()
        self._needs_baseline: bool
        self._stack(splits)
        self._record_start()  # also asks for a divergence baseline before the first epoch

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
        check_task(name, self.splits.train.task, self.splits.train.Y)
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
    def early_stopping(self) -> int | None:
        """Patience: stop when the dev loss has not improved for this many epochs (None: never)."""
        return self._early_stopping

    @early_stopping.setter
    def early_stopping(self, patience: int | None) -> None:
        if patience is not None and int(patience) < 1:
            raise ValueError(f"the patience must be at least 1 epoch (or None), got {patience}")
        self._early_stopping = None if patience is None else int(patience)
        self.stopped_early = False  # a new patience judges the run afresh

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
        check_task(self._loss, splits.train.task, splits.train.Y)
        self.splits = splits
        self._stack(splits)

    def _check_data(self, splits: Splits) -> None:
        n_in, n_out = self.net.sizes[0], self.net.sizes[-1]
        for part in splits:
            if part.X.shape[1] != n_in or part.Y.shape[1] != n_out:
                raise ValueError(f"the data has {part.X.shape[1]} inputs and {part.Y.shape[1]} "
                                 f"outputs but the network is {'-'.join(map(str, self.net.sizes))}")

    def _stack(self, splits: Splits) -> None:
        """Training and dev rows in one array: an epoch measures both in one forward pass."""
        train, dev = splits.train, splits.dev
        self._n_train = train.X.shape[0]
        self._measured_X = np.ascontiguousarray(np.vstack([train.X, dev.X]))
        self._measured_Y = np.ascontiguousarray(np.vstack([train.Y, dev.Y]))
        self._measured_labels = (np.concatenate([train.Y.argmax(axis=1), dev.Y.argmax(axis=1)])
                                 if self.is_classification else None)
        self._row_index = np.arange(self._measured_X.shape[0])

    # ----------------------------------------------------------------- training
    def reset(self, seed: int | None = None) -> None:
        """New initial weights (from ``seed``, else the network's seed); back to epoch 0."""
        self.net.initialize(seed)
        self._rng = np.random.default_rng(self.seed)
        self.epoch = 0
        self.diverged = None
        self._record_start()

    def mark_start(self) -> None:
        """Start the run from the current weights: epoch 0, a history that begins with them."""
        self.epoch = 0
        self.diverged = None
        self._record_start()

    def _record_start(self) -> None:
        """A fresh history whose first record is the weights the run starts from (epoch 0)."""
        self.history.clear()
        self._needs_baseline = True
        self.stopped_early = False
        self.best_epoch, self.best_dev_loss, self._best_record = 0, math.inf, None
        with np.errstate(all="ignore"):
            record = self.measure()
        self.history.append(record)
        self._note_best(record)

    def _note_best(self, record: EpochRecord) -> None:
        """Remember the weights with the lowest dev loss so far (early stopping restores them)."""
        if math.isfinite(record.dev_loss) and record.dev_loss < self.best_dev_loss:
            self.best_epoch, self.best_dev_loss = record.epoch, record.dev_loss
            self._best_record = record
            self._best_parameters = self.net.get_vector()

    def restore_best(self) -> None:
        """Back to the weights of the epoch with the lowest dev loss (the run continues there).

        The epoch counter and the history go back to that epoch too, so the curve, the status
        bar and the weights describe the same network.
        """
        if self._best_record is None:
            return
        self.net.set_vector(self._best_parameters)
        self.epoch = self.best_epoch
        self.history.truncate(self._best_record)
        self.diverged = None
        self.stopped_early = False
        self._needs_baseline = True

    def restart_divergence_check(self) -> None:
        """Judge divergence from the current weights on (after a hand edit or a new loss)."""
        self._needs_baseline = True

    def step(self) -> EpochRecord | None:
        """One epoch of gradient descent; returns its record (measured after the update).

        After a divergence this does nothing and returns the last record: the run has stopped and
        needs a smaller learning rate (or a reset), never a crash.
        """
        if self.diverged is not None or self.stopped_early:
            return self.history.latest
        # A diverging run overflows on purpose; its warnings would only be noise on the console.
        with np.errstate(all="ignore"):
            if self._needs_baseline:
                self._monitor.start(self.evaluate("train")[0])
                self._needs_baseline = False
            train = self.splits.train
            before = self.net.parameters.copy()
            if self._batch_size is None or self._batch_size >= train.X.shape[0]:
                self._update(train.X, train.Y)
            else:
                self._minibatch_epoch(train.X, train.Y)
            self.epoch += 1
            record = self.measure()
            finite = bool(np.isfinite(self.net.parameters).all())
            self.diverged = self._monitor.observe(self.epoch, record.train_loss, finite,
                                                  self._learning_rate)
            if not (finite and np.isfinite(record.train_loss)):
                # Keep the last weights with a finite loss, so the network, landscape and editor
                # stay readable; the record keeps the jump, so the loss curve shows where it was.
                self.net.parameters[:] = before
        self.history.append(record)
        self._note_best(record)
        patience = self._early_stopping
        if patience is not None and self.epoch - self.best_epoch >= patience:
            self.stopped_early = True
        return record

    def run(self, epochs: int) -> EpochRecord | None:
        """Train up to ``epochs`` epochs (stops early on divergence or early stopping); returns
        the last record."""
        record = self.history.latest
        for _ in range(int(epochs)):
            if self.diverged is not None or self.stopped_early:
                break
            record = self.step()
        return record

    def _update(self, X: Array, Y: Array) -> None:
        _, grad = self.net._loss_and_gradient(X, Y, self._loss, with_loss=False)
        if self._trainable is None:
            grad *= self._learning_rate
            self.net.parameters -= grad
        else:
            idx = self._trainable
            self.net.parameters[idx] -= self._learning_rate * grad[idx]

    def _minibatch_epoch(self, X: Array, Y: Array) -> None:
        # Every mini-batch, the last and smaller one too, takes the mean gradient of its own rows
        # (as PyTorch's DataLoader with drop_last=False does).
        assert self._batch_size is not None
        order = self._rng.permutation(X.shape[0])
        for start in range(0, X.shape[0], self._batch_size):
            idx = order[start:start + self._batch_size]
            self._update(X[idx], Y[idx])
            if self.between_batches is not None:
                self.between_batches()

    def measure(self) -> EpochRecord:
        """Training and dev loss and accuracy of the current weights, from one forward pass."""
        logits, n = self.net.logits(self._measured_X), self._n_train
        labels = self._measured_labels
        if self._loss == "cce" and labels is not None:
            # One-hot rows: the loss of a row is logsumexp(z) − z(its class); no sums over y.
            shifted = logits - logits.max(axis=1, keepdims=True)
            rows = np.log(np.exp(shifted).sum(axis=1))
            rows -= shifted[self._row_index, labels]
        else:
            # Cross-entropies read the logits; only the other losses need the outputs.
            outputs = None if self._loss in ("cce", "bce") else self.net._output_f(logits)
            rows = sample_losses(self._loss, logits, outputs, self._measured_Y)
        train_acc = dev_acc = None
        if labels is not None:
            # Every output activation keeps the order of the logits: the argmax is the same.
            hits = logits.argmax(axis=1) == labels
            train_acc = np.count_nonzero(hits[:n]) / n
            dev_acc = np.count_nonzero(hits[n:]) / (hits.size - n)
        return EpochRecord(self.epoch, float(rows[:n].sum()) / n,
                           float(rows[n:].sum()) / (rows.size - n), train_acc, dev_acc)

    def evaluate(self, part: str = "dev") -> tuple[float, float | None]:
        """Loss and accuracy (None for regression) of the current weights on one split."""
        data = getattr(self.splits, part)
        zs, acts = self.net.forward(data.X)
        loss = float(loss_value(self._loss, zs[-1], acts[-1], data.Y))
        if not self.is_classification:
            return loss, None
        return loss, float(np.mean(acts[-1].argmax(axis=1) == data.Y.argmax(axis=1)))
