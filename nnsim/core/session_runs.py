"""The session's runs: kept when a run starts over, pinned for the loss plot, compared by η.

A mixin of :class:`nnsim.core.session.Session` (which provides the state below), kept apart
because remembering runs is one job and changing the model through commands is another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from nnsim.core import commands as cmd
from nnsim.core.command_errors import CommandError
from nnsim.core.commands import Notice
from nnsim.core.compare import compare_learning_rates
from nnsim.core.network import Network
from nnsim.core.runs import RunLog, varying_fields
from nnsim.core.settings import Settings
from nnsim.core.trainer import Trainer


class SessionRuns:
    """Run keeping for a :class:`Session`."""

    settings: Settings
    net: Network
    trainer: Trainer
    runs: RunLog
    # The settings of the run's first and last trained epochs (None: nothing trained yet).
    _run_settings: tuple[Settings, Settings] | None
    _start_vector: np.ndarray
    _between_batches: Callable[[], None] | None

    def _note_trained(self) -> None:
        """An epoch was trained with the current settings."""
        first = self._run_settings[0] if self._run_settings is not None else self.settings
        self._run_settings = (first, self.settings)

    def _end_run(self) -> None:
        """The run is over (the model starts from epoch 0): keep it if it trained at all.

        Called just before the epoch-0 record of the next run replaces its history."""
        trained = self._run_settings
        trainer = getattr(self, "trainer", None)
        if trained is None or trainer is None or trainer.epoch == 0:
            return
        first, last = trained
        # A knob turned mid-run (η, usually): the record says so instead of hiding it.
        self.runs.add(last, trainer.history.as_arrays(), trainer.diverged is not None,
                      changed=varying_fields((first, last)))
        self._run_settings = None

    def _pin_run(self, c: cmd.PinRun) -> None:
        try:
            self.runs.pin(int(c.run_id), bool(c.on))
        except KeyError:  # dropped from the bounded list just as it was clicked
            raise CommandError("no_run", run=int(c.run_id)) from None

    def _clear_comparison(self, c: cmd.ClearComparison) -> None:
        self.runs.unpin_all()

    def _compare_learning_rates(self, c: cmd.CompareLearningRates) -> list[Notice]:
        """Train each η from the current run's initial weights; pin the runs (only them)."""
        start = self.net.copy()
        start.set_vector(self._start_vector)
        s = self.settings
        results = compare_learning_rates(start, self.trainer.splits, self.trainer.loss,
                                         c.learning_rates, c.epochs, s.batch_size,
                                         seed=s.weight_seed, frozen=self.trainer.frozen,
                                         after_epoch=self._between_batches)
        self.runs.unpin_all()
        for result in results:
            # Early stopping is not applied to a comparison: every rate runs its epochs.
            self.runs.add(replace(s, learning_rate=result.learning_rate, early_stopping=None),
                          result.history,
                          result.diverged, pinned=True, compared=True,
                          path=(self.net.names, result.parameters))
        return [Notice("learning_rates_compared",
                       {"learning_rates": tuple(r.learning_rate for r in results),
                        "epochs": int(c.epochs),
                        "diverged": tuple(r.learning_rate for r in results if r.diverged)})]
