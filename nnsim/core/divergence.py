"""When has a run diverged? The rule the trainer applies once per epoch.

The rule, in the one sentence a student gets:

    Training has *diverged* when the loss or a weight becomes infinite or undefined, or when the
    training loss stays above ten times its starting value for 5 epochs in a row; it is *not
    converging* when the training loss stays above its starting value for 50 epochs in a row.

"Starting value" is the training loss when the run (or the count) started: at Reset, after a
hand edit of a weight, after a change of the loss function. Changing the learning rate restarts
the two "in a row" counts but keeps the starting value: the new step size gets its own chance,
yet "better than at the start" still means the same thing.

Why this rule and not "the loss rose 10-fold once": a high learning rate often overshoots for a
few epochs and then settles (the vowels at η = 30 jump to 14 times their start in epoch 1 and
reach 90 % dev accuracy by epoch 500), so a single bad epoch proves nothing; what a student calls
divergence is a loss that goes up and *stays* up. Bounded losses (sigmoid, tanh or softmax outputs
with MSE or MAE) can never rise 10-fold, and MAE runs often get stuck at a few times their start;
the 50-epoch count catches both. On the grid of ``benchmarks/divergence.py`` (3 datasets × every
activation/loss pairing × η from 0.1 to 100 × 2 seeds, 500 epochs) this flags 0.5 % of the runs
that end below half their starting loss and 98 % of those that end above it or overflow. What it
misses are runs that bounce between two losses, one below the start and one above it, forever:
every dip restarts the count.

The module builds no sentence for the window: a :class:`Divergence` carries codes and numbers
(``kind``, ``reason``, the losses, the limit and how many epochs the loss stayed above it), so
the UI can phrase and translate it; ``message`` is the English text for logs and tests.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# kind: what the trainer should do. "diverged" = stop now, the weights are lost or exploding;
# "not_converging" = the run is stuck above its start, worth stopping and advising a smaller η.
DIVERGED = "diverged"
NOT_CONVERGING = "not_converging"
KINDS = (DIVERGED, NOT_CONVERGING)

# reason: a code for which part of the rule fired.
NONFINITE_LOSS = "nonfinite_loss"
NONFINITE_WEIGHTS = "nonfinite_weights"
LOSS_EXPLODED = "loss_exploded"
STUCK_ABOVE_START = "stuck_above_start"
REASONS = (NONFINITE_LOSS, NONFINITE_WEIGHTS, LOSS_EXPLODED, STUCK_ABOVE_START)

# Measured on the benchmark grid: the worst run that still converged stayed above its start for
# 166 epochs in a row, but only 5 of 1166 converging runs stayed up for 50; runs that really got
# stuck sit above their start from epoch 1 on, so 50 costs little delay and few false alarms.
PATIENCE = 50
# Overshooting runs that recover rarely stay above 10× their start for more than 2 epochs in a row
# (of 1166 converging runs one did for 4, one for 14); the lecture's η = 100 on the vowels stays
# above it for 9 epochs from the first, so 5 flags it at epoch 5, while η = 30 (one epoch above
# 10×) runs on.
BLOWUP_FACTOR = 10.0
BLOWUP_EPOCHS = 5
# A starting loss of (almost) exactly 0 is a perfect fit; measured against 0, every rounding
# wobble would count as "above the start". 1e-9 is far above such wobbles (about 1e-16 times the
# targets' scale) and far below any loss a student reads off the plot.
START_FLOOR = 1e-9


@dataclass(frozen=True)
class Divergence:
    """A run that diverged or is not converging: what the rule found, and when.

    Attributes
    ----------
    epoch : the epoch whose (post-update) training loss triggered the finding.
    kind : ``"diverged"`` (non-finite or blown up: stop at once) or ``"not_converging"`` (stays
        above its start).
    reason : ``"nonfinite_loss"``, ``"nonfinite_weights"``, ``"loss_exploded"`` or
        ``"stuck_above_start"``.
    learning_rate : η at that epoch.
    loss : the training loss that triggered it (may be inf or nan).
    start_loss : the starting value the loss was compared with.
    limit : the loss level it stayed above (start, or 10 × start; nan for non-finite reasons).
    epochs_above : how many epochs in a row it stayed above ``limit`` (0 for non-finite reasons).
    """

    epoch: int
    kind: str
    reason: str
    learning_rate: float
    loss: float
    start_loss: float
    limit: float = math.nan
    epochs_above: int = 0

    @property
    def message(self) -> str:
        """English explanation with advice, for logs and tests (the UI builds its own text)."""
        smaller = f"{self.learning_rate / 10:g}"
        if self.reason == NONFINITE_LOSS:
            what = "the training loss became infinite or undefined"
        elif self.reason == NONFINITE_WEIGHTS:
            what = "the weights became infinite or undefined"
        elif self.reason == LOSS_EXPLODED:
            factor = self.limit / max(self.start_loss, START_FLOOR)
            what = (f"the training loss stayed above {self.limit:.3g} "
                    f"({factor:g} times its starting value "
                    f"{self.start_loss:.3g}) for {self.epochs_above} epochs in a row, "
                    f"now {self.loss:.3g}")
        else:
            what = (f"the training loss stayed above its starting value {self.start_loss:.3g} "
                    f"for {self.epochs_above} epochs in a row, now {self.loss:.3g}")
        if self.kind == DIVERGED:
            return (f"Training diverged at epoch {self.epoch}: {what}. The learning rate "
                    f"{self.learning_rate:g} is too high: press Reset and try a smaller one "
                    f"(e.g. {smaller}).")
        return (f"Training is not converging at epoch {self.epoch}: {what}. The learning rate "
                f"{self.learning_rate:g} is probably too high: press Reset and try a smaller one "
                f"(e.g. {smaller}).")


class DivergenceMonitor:
    """Applies the module's rule to one training loss per epoch, in O(1) memory.

    Parameters
    ----------
    patience : epochs in a row above the starting loss that make a run "not converging".
    blowup_factor, blowup_epochs : a loss above ``blowup_factor`` × start for ``blowup_epochs``
        epochs in a row makes it "diverged".

    Examples
    --------
    >>> monitor = DivergenceMonitor()
    >>> monitor.start(0.7)
    >>> monitor.observe(1, 0.65, True, 0.5) is None
    True
    >>> monitor.observe(2, float("nan"), True, 0.5).reason
    'nonfinite_loss'
    """

    def __init__(self, patience: int = PATIENCE, blowup_factor: float = BLOWUP_FACTOR,
                 blowup_epochs: int = BLOWUP_EPOCHS) -> None:
        if patience < 1 or blowup_epochs < 1:
            raise ValueError("patience and blowup_epochs must be at least 1 epoch")
        if not blowup_factor > 1.0:
            raise ValueError(f"blowup_factor must be above 1, got {blowup_factor}")
        self.patience = int(patience)
        self.blowup_factor = float(blowup_factor)
        self.blowup_epochs = int(blowup_epochs)
        self.start_loss: float | None = None
        self.divergence: Divergence | None = None
        self._above = 0          # epochs in a row above the start
        self._far_above = 0      # epochs in a row above blowup_factor × start
        self._learning_rate: float | None = None

    def start(self, loss: float) -> None:
        """Take ``loss`` (the training loss at the current weights) as the new starting value.

        Call it at the start of a run, after a hand edit of the weights and after a change of
        the loss function; it also forgets any earlier finding.
        """
        self.start_loss = float(loss)
        self.divergence = None
        self._restart_counts()

    def observe(self, epoch: int, loss: float, weights_finite: bool,
                learning_rate: float) -> Divergence | None:
        """Judge one epoch; returns a :class:`Divergence` on the epoch the rule fires, else None.

        Parameters
        ----------
        epoch : the epoch just finished (for the report).
        loss : the training loss at the weights *after* this epoch's update.
        weights_finite : whether every weight is still a finite number.
        learning_rate : η used for this epoch.

        After a finding the counts start again, so a run that is allowed to go on is judged
        afresh (a "not_converging" run can still be found "diverged" later). ``divergence``
        holds the latest finding since :meth:`start`.
        """
        if self.start_loss is None:
            raise RuntimeError("call start() with the starting training loss before observe()")
        loss = float(loss)
        learning_rate = float(learning_rate)
        if learning_rate != self._learning_rate:
            # A new step size deserves its own chance: a student who lowers η after an overshoot
            # should not be told "stuck" because of epochs spent at the old η.
            self._restart_counts()
            self._learning_rate = learning_rate
        start = self.start_loss
        if not math.isfinite(loss):
            return self._report(epoch, DIVERGED, NONFINITE_LOSS, learning_rate, loss)
        if not weights_finite:
            return self._report(epoch, DIVERGED, NONFINITE_WEIGHTS, learning_rate, loss)
        # NaN or infinite starts compare False here: only non-finite values can then be found.
        baseline = max(start, START_FLOOR) if not math.isnan(start) else start
        far = self.blowup_factor * baseline
        self._above = self._above + 1 if loss > baseline else 0
        self._far_above = self._far_above + 1 if loss > far else 0
        if self._far_above >= self.blowup_epochs:
            return self._report(epoch, DIVERGED, LOSS_EXPLODED, learning_rate, loss,
                                far, self._far_above)
        if self._above >= self.patience:
            return self._report(epoch, NOT_CONVERGING, STUCK_ABOVE_START, learning_rate, loss,
                                baseline, self._above)
        return None

    def _report(self, epoch: int, kind: str, reason: str, learning_rate: float, loss: float,
                limit: float = math.nan, epochs_above: int = 0) -> Divergence:
        assert self.start_loss is not None
        self.divergence = Divergence(int(epoch), kind, reason, learning_rate, loss,
                                     self.start_loss, limit, epochs_above)
        self._restart_counts()
        return self.divergence

    def _restart_counts(self) -> None:
        self._above = 0
        self._far_above = 0
