"""Every demo shows what its caption claims, measured headless on the session it builds."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from nnsim.core import commands as cmd
from nnsim.core import demos
from nnsim.core.activations import ACTIVATIONS
from nnsim.core.demos import DEMOS, Demo, loss_comparison
from nnsim.core.landscape import landscape
from nnsim.core.session import Session
from nnsim.core.settings import SPEEDS
from nnsim.core.snapshot import Snapshot


def _settled_minima(values: np.ndarray, losses: np.ndarray) -> list[tuple[float, float]]:
    """Interior local minima of a sampled curve, as (value, loss)."""
    inner = (losses[1:-1] < losses[:-2]) & (losses[1:-1] <= losses[2:])
    return [(float(values[i + 1]), float(losses[i + 1])) for i in np.flatnonzero(inner)]


def _apart(snap: Snapshot) -> tuple[float, float, float]:
    """Pairwise distances of current value, new value and minimum, as shares of the view."""
    f = snap.figure
    assert f is not None
    width = f.values[-1] - f.values[0]
    c, n, m = f.current_value, f.new_value, f.minimum_value
    return abs(c - n) / width, abs(n - m) / width, abs(c - m) / width


# ----------------------------------------------------------------------------- every demo
def test_the_demos_are_the_lectures_claims_in_order() -> None:
    assert list(DEMOS) == ["activations", "losses", "gradient-step", "lr-too-high", "lr-too-low",
                           "local-minimum", "network", "overfitting", "dev-and-test"]


@pytest.mark.parametrize("demo", DEMOS.values(), ids=list(DEMOS))
def test_every_demo_is_plain_data_that_builds_the_same_start(demo: Demo) -> None:
    assert demo.id and demo.title and demo.try_this
    sentences = [t for t in re.split(r"[.!?](?:\s|$)", demo.caption) if t.strip()]
    assert 2 <= len(sentences) <= 3
    assert "\n" not in demo.try_this
    assert demo.settings.speed in SPEEDS  # the speed control can show it
    for command in demo.commands:
        assert cmd.from_dict(json.loads(json.dumps(cmd.to_dict(command)))) == command
    first, second = demo.build(), demo.build()
    assert np.array_equal(first.net.parameters, second.net.parameters)
    assert first.settings == second.settings
    assert first.settings.selected == demo.settings.selected or not demo.settings.selected
    if demo.settings.landscape_range is not None:  # the fixed view survives the build
        assert first.settings.landscape_range == demo.settings.landscape_range
        snap = first.snapshot()
        assert snap.figure is not None
        lo, hi = demo.settings.landscape_range
        assert lo < snap.start_value < hi and lo < snap.figure.minimum_value < hi


def test_numbers_in_the_texts_match_the_settings() -> None:
    assert f"{demos.STEP_RATE:g}" in DEMOS["gradient-step"].caption
    assert f"{demos.HIGH_RATE:g}" in DEMOS["lr-too-high"].caption
    assert f"{demos.SETTLING_RATE:g}" in DEMOS["lr-too-high"].try_this
    assert f"{demos.LOW_RATE:g}" in DEMOS["lr-too-low"].caption
    assert f"{demos.DEFAULT_RATE:g}" in DEMOS["lr-too-low"].try_this
    assert f"{demos.VALLEY_RATE:g}" in DEMOS["local-minimum"].caption
    assert f"{demos.ESCAPE_RATE:g}" in DEMOS["local-minimum"].try_this
    assert demos.TRIO_WEIGHT in DEMOS["gradient-step"].caption
    for demo_id in ("gradient-step", "lr-too-high", "lr-too-low"):
        s = DEMOS[demo_id].settings
        assert (s.selected, s.train_selected_only) == (demos.TRIO_WEIGHT, True)


# ----------------------------------------------------------------------------- activations
def test_activations_preview_shows_the_slides_examples() -> None:
    session = DEMOS["activations"].build()
    assert session.settings.hidden_activation == "sigmoid"
    assert ACTIVATIONS["sigmoid"](np.array(0.0)) == 0.5
    assert ACTIVATIONS["relu"](np.array(2.0)) == 2.0
    assert ACTIVATIONS["relu"](np.array(-2.0)) == 0.0
    hidden = session.net.forward(session.splits.train.X)[1][1]
    assert ((hidden > 0) & (hidden < 1)).all()  # sigmoid units: always between 0 and 1


# ----------------------------------------------------------------------------- losses
def test_losses_scores_the_same_predictions_with_mse_and_mae() -> None:
    session = DEMOS["losses"].build()
    train = session.splits.train
    scores = loss_comparison(session)
    assert [name for name, _ in scores] == ["mse", "mae"]
    for name, value in scores:
        assert value == pytest.approx(session.net.loss(train.X, train.Y, name), rel=1e-12)
    assert dict(scores)["mse"] == pytest.approx(session.snapshot().train_loss, rel=1e-12)
    assert dict(scores)["mse"] != pytest.approx(dict(scores)["mae"], rel=0.05)


def test_losses_scores_class_predictions_with_cross_entropy_first() -> None:
    session = DEMOS["losses"].build()
    session.apply(cmd.SetBuiltinDataset("vowels"))
    train = session.splits.train
    scores = loss_comparison(session)
    assert [name for name, _ in scores] == ["cce", "mse", "mae"]
    for name, value in scores:
        assert value == pytest.approx(session.net.loss(train.X, train.Y, name), rel=1e-12)
    session.apply(cmd.SetLoss("bce"))  # sigmoid outputs: binary instead of categorical
    assert [name for name, _ in loss_comparison(session)] == ["bce", "mse", "mae"]


# ----------------------------------------------------------------------------- gradient descent
def test_gradient_step_shows_start_slope_step_and_minimum_apart() -> None:
    session = DEMOS["gradient-step"].build()
    before = session.snapshot()
    session.step(1)
    snap = session.snapshot()
    f = snap.figure
    assert f is not None and f.minimum_is_global
    assert min(_apart(snap)) >= 0.08
    width = f.values[-1] - f.values[0]
    assert abs(snap.start_value - f.current_value) >= 0.08 * width
    assert abs(f.slope) > 0.1 and abs(before.figure.slope) > 0.1
    assert f.new_loss < f.current_loss < snap.start_loss
    # Only the selected weight moved, by exactly −η·slope.
    assert f.current_value == pytest.approx(before.figure.new_value, rel=1e-12)
    moved = np.flatnonzero(snap.parameters != before.parameters)
    assert [snap.names[i] for i in moved] == [demos.TRIO_WEIGHT]


def _trail_and_losses(demo_id: str, epochs: int,
                      rate: float | None = None) -> tuple[Session, np.ndarray, np.ndarray, float]:
    session = DEMOS[demo_id].build()
    if rate is not None:
        session.apply(cmd.SetLearningRate(rate))
    figure = session.snapshot().figure
    assert figure is not None
    minimum = figure.minimum_value  # the slice never changes: every other weight is frozen
    session.step(epochs)
    snap = session.snapshot()
    return session, snap.trail_values, snap.history["train_loss"], minimum


def test_lr_too_high_zig_zags_across_the_minimum_and_diverges() -> None:
    session, trail, losses, minimum = _trail_and_losses("lr-too-high", 40)
    sides = np.sign(trail[:8] - minimum)
    assert (sides[1:] == -sides[:-1]).all()  # every step lands on the other side
    distance = np.abs(trail[:8] - minimum)
    assert (np.diff(distance) > 0).all()  # … farther out each time
    assert (np.diff(losses[:8]) > 0).all() and losses[7] > 5 * losses[0]
    assert session.trainer.diverged is not None and session.trainer.diverged.kind == "diverged"


def test_lr_too_high_try_this_still_zig_zags_but_settles() -> None:
    session, trail, losses, minimum = _trail_and_losses("lr-too-high", 100, demos.SETTLING_RATE)
    sides = np.sign(trail[:8] - minimum)
    assert (sides[1:] == -sides[:-1]).all()
    assert (np.diff(losses[:8]) < 0).all()
    assert session.trainer.diverged is None and abs(trail[-1] - minimum) < 0.05


def test_lr_too_low_crawls_where_the_default_rate_gets_there() -> None:
    session, _, losses, _ = _trail_and_losses("lr-too-low", 100)
    assert (losses[0] - losses[-1]) / losses[0] < 0.02 and losses[-1] < losses[0]
    _, _, default, minimum = _trail_and_losses("lr-too-low", 100, demos.DEFAULT_RATE)
    assert (default[0] - default[-1]) / default[0] > 0.25
    figure = session.snapshot().figure
    assert figure is not None
    assert default[-1] == pytest.approx(figure.minimum_loss, rel=1e-3)


# ----------------------------------------------------------------------------- local minimum
def test_local_minimum_has_two_valleys_and_the_small_rate_takes_the_worse() -> None:
    session = DEMOS["local-minimum"].build()
    train = session.splits.train
    values = np.linspace(-6.0, 6.0, 2401)
    curve = landscape(session.net, train.X, train.Y, "mse", "w11", values)
    valleys = _settled_minima(values, curve)
    assert len(valleys) == 2
    (deep_w, deep_loss), (shallow_w, shallow_loss) = sorted(valleys, key=lambda v: v[1])
    assert shallow_loss > 3 * deep_loss  # measured 0.969 and 0.154
    assert deep_w < 0 < shallow_w < session.net["w11"]  # the start lies beyond the shallow one
    assert session.snapshot().dataset_name == session.settings.data_source == "Lopsided V"

    def end(rate: float | None) -> tuple[float, float]:
        s = DEMOS["local-minimum"].build()
        if rate is not None:
            s.apply(cmd.SetLearningRate(rate))
        s.step(500)
        assert s.trainer.diverged is None
        return s.net["w11"], s.snapshot().train_loss

    w, loss = end(None)  # the demo's own small rate
    assert w == pytest.approx(shallow_w, abs=0.02) and loss == pytest.approx(shallow_loss, rel=0.01)
    w, loss = end(demos.ESCAPE_RATE)
    assert w == pytest.approx(deep_w, abs=0.02) and loss == pytest.approx(deep_loss, rel=0.01)
    # The view shows both valleys, with the deeper one as the figure's minimum.
    figure = session.snapshot().figure
    assert figure is not None and figure.minimum_is_global
    assert figure.minimum_value == pytest.approx(deep_w, abs=0.02)


# ----------------------------------------------------------------------------- network
def test_network_has_every_name_of_the_slide() -> None:
    snap = DEMOS["network"].build().snapshot()
    assert snap.sizes == (3, 3, 2)
    assert snap.names == ("w11", "w12", "w13", "w21", "w22", "w23", "w31", "w32", "w33",
                          "v11", "v12", "v21", "v22", "v31", "v32",
                          "b1", "b2", "b3", "b4", "b5")


# ----------------------------------------------------------------------------- data splits
def test_overfitting_dev_loss_turns_around_while_training_loss_falls() -> None:
    session = DEMOS["overfitting"].build()
    assert session.splits.train.n_samples == 20 and session.net.parameters.size == 56
    session.step(5000)
    history = session.trainer.history.as_arrays()
    epochs, train, dev = history["epoch"], history["train_loss"], history["dev_loss"]
    assert epochs[-1] == 5000 and session.trainer.diverged is None
    best = int(np.argmin(dev))
    assert epochs[best] < 1000  # measured: epoch 152
    assert dev[-1] >= 1.1 * dev[best]  # measured: 6 times as high
    assert train[-1] < 0.5 * train[best]
    assert np.mean(np.diff(train[best:]) < 0) > 0.95  # the training loss keeps falling


def test_overfitting_try_this_more_rows_keep_the_dev_loss_down() -> None:
    session = DEMOS["overfitting"].build()
    s = session.settings
    session.apply(cmd.SetBuiltinDataset(s.dataset, 400, s.noise, s.data_seed))
    assert session.splits.train.n_samples == 200 and session.settings.hidden_units == 9
    session.step(5000)
    dev = session.trainer.history.as_arrays()["dev_loss"]
    assert dev[-1] < 1.1 * dev.min()  # measured: 4 % above its lowest value


def test_dev_and_test_keeps_the_test_rows_sealed_until_asked() -> None:
    session = DEMOS["dev-and-test"].build()
    parts = [len(i) for i in session.splits.indices]
    assert sum(parts) == session.dataset.n_samples and parts[0] > parts[1] >= parts[2]
    assert not set(session.splits.indices[2]) & set(np.concatenate(session.splits.indices[:2]))
    session.step(100)
    snap = session.snapshot()
    assert snap.test_result is None
    assert set(snap.history) == {"epoch", "train_loss", "dev_loss", "train_accuracy",
                                 "dev_accuracy"}
    assert np.isfinite(snap.history["dev_loss"]).all() and len(snap.history["dev_loss"]) == 101
    session.apply(cmd.EvaluateTest())
    result = session.snapshot().test_result
    assert result is not None and result.epoch == 100
    assert np.isfinite(result.loss) and result.accuracy is not None and 0.5 < result.accuracy <= 1
