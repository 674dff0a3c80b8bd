"""Compare learning rates: the same network trained from the same initial weights with each η.

The lecture's picture of η too low (a crawl), good, and too high (an overshoot): each run is an
ordinary :class:`~nnsim.core.trainer.Trainer` run on a copy of the start, so it equals, number
for number, what a student gets by setting that η, resetting and training the same epochs. The
weights after every epoch are kept too, so the landscape can draw each run's path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from nnsim.core.command_errors import CommandError
from nnsim.core.network import Network
from nnsim.core.splits import Splits
from nnsim.core.trainer import Trainer

Array = NDArray[np.float64]

MAX_COMPARE_EPOCHS = 10_000  # a comparison is a picture, not a sweep: bounded
DEFAULT_COMPARE_EPOCHS = 200
# η/10, η and 10·η of the current rate: too low / good / too high, one decade apart.
DEFAULT_FACTORS = (0.1, 1.0, 10.0)


@dataclass(frozen=True)
class ComparedRun:
    """One learning rate's run: its history columns (from epoch 0), the weights after every
    epoch (row 0: the start), and whether it diverged."""

    learning_rate: float
    history: dict[str, Array]
    parameters: Array
    diverged: bool


def default_rates(learning_rate: float) -> tuple[float, float, float]:
    """The rates compared by default: η/10, η and 10·η."""
    return tuple(float(f * learning_rate) for f in DEFAULT_FACTORS)  # type: ignore[return-value]


def check_comparison(learning_rates: Sequence[float], epochs: int) -> None:
    """ValueError unless the rates are positive and finite and the epochs in 1…10,000."""
    if not learning_rates:
        raise CommandError("no_rates")
    for rate in learning_rates:
        if not (np.isfinite(rate) and rate > 0):
            raise CommandError("compare_rate", rate=rate)
    if not 1 <= int(epochs) <= MAX_COMPARE_EPOCHS:
        raise CommandError("compare_epochs", maximum=MAX_COMPARE_EPOCHS, epochs=epochs)


def compare_learning_rates(start: Network, splits: Splits, loss: str,
                           learning_rates: Sequence[float], epochs: int,
                           batch_size: int | None = None, seed: int = 0,
                           frozen: Iterable[str] = (),
                           after_epoch: Callable[[], None] | None = None) -> list[ComparedRun]:
    """Train a copy of ``start`` for ``epochs`` epochs with each learning rate.

    Parameters
    ----------
    start : the initial weights (not changed).
    splits, loss, batch_size, seed, frozen : as for :class:`Trainer` (``seed`` orders the
        mini-batches, the same for every rate).
    after_epoch : called after every epoch (and mini-batch): the training thread lets the window
        draw, and may raise from it to abandon the comparison when the window closes.

    A run that diverges stops there, as the trainer stops it; its weights stay the last finite.
    """
    check_comparison(learning_rates, epochs)
    frozen = tuple(frozen)
    results = []
    for rate in learning_rates:
        net = start.copy()
        trainer = Trainer(net, splits, loss, float(rate), batch_size, seed=seed, frozen=frozen)
        trainer.between_batches = after_epoch
        parameters = [net.get_vector()]
        for _ in range(int(epochs)):
            if trainer.diverged is not None:
                break
            trainer.step()
            parameters.append(net.get_vector())
            if after_epoch is not None:
                after_epoch()
        results.append(ComparedRun(float(rate), trainer.history.as_arrays(),
                                   np.array(parameters), trainer.diverged is not None))
    return results
