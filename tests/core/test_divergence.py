"""The divergence rule: non-finite stops at once, overshoots that recover run on, stuck runs and
blow-ups are found, and start() and a new learning rate restart the judgement."""

from __future__ import annotations

import math
from typing import Iterable

import numpy as np
import pytest

from nnsim.core.datasets import make_builtin
from nnsim.core.divergence import (BLOWUP_EPOCHS, BLOWUP_FACTOR, DIVERGED, LOSS_EXPLODED,
                                   NONFINITE_LOSS, NONFINITE_WEIGHTS, NOT_CONVERGING, PATIENCE,
                                   STUCK_ABOVE_START, Divergence, DivergenceMonitor)
from nnsim.core.network import Network
from nnsim.core.splits import split


def replay(start: float, losses: Iterable[float], learning_rate: float = 1.0,
           monitor: DivergenceMonitor | None = None) -> Divergence | None:
    """The first finding over epochs 1, 2, ... with these post-update losses."""
    monitor = monitor or DivergenceMonitor()
    monitor.start(start)
    for epoch, loss in enumerate(losses, start=1):
        found = monitor.observe(epoch, loss, True, learning_rate)
        if found is not None:
            return found
    return None


def real_losses(dataset: str, hidden: str, output: str, loss: str, learning_rate: float,
                epochs: int, seed: int = 0) -> tuple[float, list[float]]:
    """Start loss and post-update training losses of plain full-batch gradient descent."""
    train = split(make_builtin(dataset)).train
    net = Network((3, 3, 2), hidden, output, seed)
    start = net.loss(train.X, train.Y, loss)
    losses = []
    with np.errstate(all="ignore"):
        for _ in range(epochs):
            _, grad = net._loss_and_gradient(train.X, train.Y, loss)
            net.parameters -= learning_rate * grad
            losses.append(net.loss(train.X, train.Y, loss))
    return start, losses


# ----------------------------------------------------------------- non-finite: at once
@pytest.mark.parametrize("bad", [math.inf, math.nan, -math.inf])
def test_nonfinite_loss_is_diverged_at_once(bad: float) -> None:
    monitor = DivergenceMonitor()
    monitor.start(0.7)
    assert monitor.observe(1, 0.6, True, 3.0) is None
    found = monitor.observe(2, bad, True, 3.0)
    assert found is not None
    assert (found.epoch, found.kind, found.reason) == (2, DIVERGED, NONFINITE_LOSS)
    assert found.learning_rate == 3.0 and found.start_loss == 0.7
    assert monitor.divergence is found


def test_nonfinite_weights_are_diverged_even_with_a_finite_loss() -> None:
    # A saturated sigmoid output can keep the loss finite while a weight is already inf.
    monitor = DivergenceMonitor()
    monitor.start(0.7)
    found = monitor.observe(1, 0.69, False, 3.0)
    assert found is not None and (found.kind, found.reason) == (DIVERGED, NONFINITE_WEIGHTS)


# ----------------------------------------------------------------- recovering runs are not flagged
def test_a_run_that_rises_then_recovers_is_not_flagged() -> None:
    # The shape of the vowels at η = 30: 14× its start in epoch 1, above it for 11 epochs, then
    # well below for good.
    start = 1.36
    ratios = [13.8, 6.8, 6.5, 3.7, 6.5, 2.2, 1.6, 5.3, 1.9, 2.8, 1.35] + [0.3] * 500
    assert replay(start, [start * r for r in ratios]) is None


def test_a_dip_below_the_start_restarts_the_count() -> None:
    start = 1.0
    losses = ([1.5] * (PATIENCE - 1) + [0.9]) * 5
    assert replay(start, losses) is None


def test_a_spike_far_above_the_start_must_last() -> None:
    start = 1.0
    spikes = [BLOWUP_FACTOR * 5, 0.5] * 100  # far above every other epoch, never in a row
    assert replay(start, spikes) is None
    short = [BLOWUP_FACTOR * 5] * (BLOWUP_EPOCHS - 1) + [0.5] * 100
    assert replay(start, short) is None


def test_the_default_setup_at_eta_30_is_not_flagged() -> None:
    start, losses = real_losses("vowels", "sigmoid", "softmax", "cce", 30.0, 500)
    assert max(losses) > 10 * start  # it does overshoot...
    assert replay(start, losses, 30.0) is None
    assert losses[-1] < 0.5 * start  # ...and then learns


# ----------------------------------------------------------------- stuck and blown-up runs
def test_a_run_stuck_above_its_start_is_not_converging() -> None:
    start = 0.8
    found = replay(start, [2.0 * start] * 200, learning_rate=10.0)
    assert found is not None
    assert (found.kind, found.reason) == (NOT_CONVERGING, STUCK_ABOVE_START)
    assert found.epoch == PATIENCE and found.epochs_above == PATIENCE
    assert found.loss == 1.6 and found.limit == start


def test_a_bounded_mse_run_stuck_near_its_start_is_flagged() -> None:
    # Sigmoid/softmax outputs with MSE cannot rise 10-fold; 5 % above the start for good is
    # still not learning.
    start = 0.384
    found = replay(start, [1.05 * start] * 100)
    assert found is not None and found.reason == STUCK_ABOVE_START


def test_a_real_saturated_mse_run_is_flagged() -> None:
    # XOR with softmax outputs and MSE at η = 100: the outputs saturate at 0.5 MSE, above the
    # start of 0.38, and never come back.
    start, losses = real_losses("xor", "sigmoid", "softmax", "mse", 100.0, 200)
    assert max(losses) < 2 * start
    found = replay(start, losses, 100.0)
    assert found is not None and found.kind == NOT_CONVERGING and found.epoch <= 60


def test_a_run_far_above_its_start_for_a_few_epochs_is_diverged() -> None:
    start = 0.5
    losses = [0.4, 20.0, 30.0, 25.0, 40.0, 60.0]
    found = replay(start, losses)
    assert found is not None
    assert (found.kind, found.reason, found.epoch) == (DIVERGED, LOSS_EXPLODED, 6)
    assert found.epochs_above == BLOWUP_EPOCHS and found.limit == BLOWUP_FACTOR * start


def test_the_default_setup_at_eta_100_is_diverged_within_20_epochs() -> None:
    start, losses = real_losses("vowels", "sigmoid", "softmax", "cce", 100.0, 20)
    found = replay(start, losses, 100.0)
    assert found is not None and found.kind == DIVERGED and found.epoch <= 20


# ----------------------------------------------------------------- restarting the judgement
def test_start_resets_the_baseline_and_the_counts() -> None:
    monitor = DivergenceMonitor()
    monitor.start(1.0)
    for epoch in range(1, PATIENCE):
        assert monitor.observe(epoch, 1.5, True, 1.0) is None
    # A hand edit: the new weights score 2.0, so 1.5 is now an improvement.
    monitor.start(2.0)
    assert monitor.start_loss == 2.0
    for epoch in range(PATIENCE, 3 * PATIENCE):
        assert monitor.observe(epoch, 1.5, True, 1.0) is None
    # And the old count did not carry over: 49 epochs above the new start are not yet enough.
    for epoch in range(3 * PATIENCE, 4 * PATIENCE - 1):
        assert monitor.observe(epoch, 2.5, True, 1.0) is None
    found = monitor.observe(4 * PATIENCE - 1, 2.5, True, 1.0)
    assert found is not None and found.start_loss == 2.0


def test_start_forgets_an_earlier_finding() -> None:
    monitor = DivergenceMonitor()
    monitor.start(1.0)
    assert monitor.observe(1, math.nan, True, 100.0) is not None
    monitor.start(1.0)
    assert monitor.divergence is None
    assert monitor.observe(1, 0.9, True, 10.0) is None


def test_a_new_learning_rate_restarts_the_count_but_keeps_the_start() -> None:
    monitor = DivergenceMonitor()
    monitor.start(1.0)
    for epoch in range(1, PATIENCE):
        assert monitor.observe(epoch, 3.0, True, 30.0) is None
    # The student lowers η; the loss comes down slowly but is still above the start.
    for epoch in range(PATIENCE, 2 * PATIENCE - 1):
        assert monitor.observe(epoch, 2.0, True, 3.0) is None
    found = monitor.observe(2 * PATIENCE - 1, 2.0, True, 3.0)
    assert found is not None and found.learning_rate == 3.0 and found.start_loss == 1.0


def test_a_run_allowed_to_go_on_is_judged_afresh() -> None:
    monitor = DivergenceMonitor()
    monitor.start(1.0)
    found = [monitor.observe(e, 2.0, True, 1.0) for e in range(1, 2 * PATIENCE + 1)]
    assert [f.epoch for f in found if f is not None] == [PATIENCE, 2 * PATIENCE]
    later = monitor.observe(2 * PATIENCE + 1, math.inf, True, 1.0)
    assert later is not None and later.kind == DIVERGED and monitor.divergence is later


def test_a_zero_start_does_not_flag_rounding_noise() -> None:
    assert replay(0.0, [1e-30, 3e-31] * 100) is None


def test_observe_before_start_is_an_error() -> None:
    with pytest.raises(RuntimeError, match="start"):
        DivergenceMonitor().observe(1, 0.5, True, 1.0)


@pytest.mark.parametrize("kwargs", [{"patience": 0}, {"blowup_epochs": 0},
                                    {"blowup_factor": 1.0}])
def test_invalid_settings_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        DivergenceMonitor(**kwargs)  # type: ignore[arg-type]


def test_custom_settings_are_used() -> None:
    found = replay(1.0, [1.1] * 10, monitor=DivergenceMonitor(patience=10))
    assert found is not None and found.epoch == 10


# ----------------------------------------------------------------- the report
def test_messages_say_what_happened_and_what_to_do() -> None:
    diverged = replay(0.5, [10.0] * BLOWUP_EPOCHS, learning_rate=100.0)
    stuck = replay(0.5, [0.6] * PATIENCE, learning_rate=30.0)
    nonfinite = replay(0.5, [math.nan], learning_rate=100.0)
    assert diverged is not None and stuck is not None and nonfinite is not None
    assert "diverged" in diverged.message and "10 times" in diverged.message
    assert "not converging" in stuck.message and f"{PATIENCE} epochs" in stuck.message
    assert "infinite or undefined" in nonfinite.message
    for found, rate in ((diverged, "100"), (stuck, "30"), (nonfinite, "100")):
        assert rate in found.message and "smaller" in found.message and "Reset" in found.message


def test_a_divergence_is_an_immutable_value() -> None:
    found = replay(0.5, [math.inf])
    assert found == Divergence(1, DIVERGED, NONFINITE_LOSS, 1.0, math.inf, 0.5)
    with pytest.raises(AttributeError):
        found.epoch = 2  # type: ignore[misc]
