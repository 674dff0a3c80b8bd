"""The step explainer's trace as the worker keeps it: recomputed only when it must be.

A trace is recomputed when what it traces changes (the row, the data, the loss, η, the batch size,
the frozen parameters, the activations: at once) or when only the weights changed (while
training runs). On a large training split a trace costs a few tenths of a second, so while the
weights keep changing it is refreshed at most once per ``BUDGET`` times its own cost: training
keeps most of the time, and the numbers under the units still follow it. Such a trace is stale
(:func:`is_current` says so, and ``TraceCache.pending`` is set, so the worker sends another
snapshot soon and a paused run is never left with old numbers); :meth:`TraceCache.refresh` asks
for a fresh one at the next snapshot, which is what the window does before it walks through a
step.
"""

from __future__ import annotations

import time

import numpy as np
from numpy.typing import NDArray

from nnsim.core.explain_walk import ExplainedStep, explained_step
from nnsim.core.network import Network
from nnsim.core.trainer import Trainer

BUDGET = 4.0  # while the weights change, a trace every BUDGET × its cost at most
CHEAP = 0.02  # seconds: traces cheaper than this always follow the weights


def is_current(step: ExplainedStep, parameters: NDArray[np.float64]) -> bool:
    """``step`` traces these very parameters (not an older state of a training run)."""
    return bool(np.array_equal(step.batch.parameters, parameters))


class TraceCache:
    """The last trace, when it was made and what it cost."""

    def __init__(self, clock=time.perf_counter) -> None:
        self._clock = clock
        self.step: ExplainedStep | None = None
        self._made_at = 0.0
        self._cost = 0.0
        self._fresh_wanted = False
        self.pending = False  # the last trace handed out was stale: a fresh one is due soon

    def clear(self) -> None:
        self.step = None
        self.pending = False

    def refresh(self) -> None:
        """The next :meth:`get` returns a trace of the current weights, whatever it costs."""
        self._fresh_wanted = True

    def get(self, net: Network, trainer: Trainer, row: int | None) -> ExplainedStep:
        """The trace of the next step of ``trainer`` (training ``net``) for training row
        ``row`` (None: the mean), reused or recomputed as the module docstring says."""
        train = trainer.splits.train
        frozen = tuple(sorted(trainer.frozen))
        old = self.step
        same_network = old is not None and old.batch.parameters.shape == net.parameters.shape
        same_setup = same_network and old is not None and (
            old.row, old.batch_size, old.frozen, old.batch.loss_name, old.batch.learning_rate,
            old.batch.hidden_activation, old.batch.output_activation,
        ) == (row, trainer.batch_size, frozen, trainer.loss, trainer.learning_rate,
              net.hidden_activation, net.output_activation) and old.rows is train.X
        if old is not None and same_setup:
            if is_current(old, net.parameters):
                self.pending = False
                return old
            now = self._clock()
            if (not self._fresh_wanted and self._cost >= CHEAP
                    and now - self._made_at < BUDGET * self._cost):
                self.pending = True
                return old  # stale for now: the weights are moving on anyway
        start = self._clock()
        with np.errstate(all="ignore"):
            self.step = explained_step(net, train.X, train.Y, trainer.loss,
                                       trainer.learning_rate, row, trainer.batch_size, frozen)
        self._made_at = self._clock()
        self._cost = self._made_at - start
        self._fresh_wanted = False
        self.pending = False
        return self.step
