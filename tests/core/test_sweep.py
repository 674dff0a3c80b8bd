"""The sweep: every configuration runs as its own Network + Trainer would, the test split stays
sealed, divergence stops one configuration only, and the sweep can be watched and cancelled."""

from __future__ import annotations

import dataclasses
import math
from types import SimpleNamespace

import numpy as np
import pytest

import importlib
from nnsim.core.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS
from nnsim.core.datasets import make_builtin
from nnsim.core.network import Network
from nnsim.core.splits import Splits, split
from nnsim.core.sweep import SweepResult, sweep
from nnsim.core.trainer import Trainer

# The module itself: `nnsim.core.sweep` as an attribute is the function (`from nnsim.core import
# sweep`), so `import nnsim.core.sweep as m` would give the function, not the module.
sweep_module = importlib.import_module("nnsim.core.sweep")

RTOL = 1e-9


@pytest.fixture(scope="module")
def data() -> dict[str, Splits]:
    return {name: split(make_builtin(name)) for name in ("vowels", "xor", "regression")}


def trainer_run(splits: Splits, h: int, lr: float, epochs: int, hidden: str, output: str,
                loss: str, seed: int = 0, batch_size: int | None = None) -> Trainer:
    net = Network((3, h, 2), hidden, output, seed=seed)
    trainer = Trainer(net, splits, loss, lr, batch_size=batch_size, seed=seed)
    trainer.run(epochs)
    return trainer


def assert_same_run(result: SweepResult, trainer: Trainer, h: int, lr: float) -> None:
    """The configuration's history, divergence and last weights are the trainer's."""
    ref, got = trainer.history.as_arrays(), result.history(h, lr)
    expected = set(ref) if trainer.is_classification else {"epoch", "train_loss", "dev_loss"}
    assert set(got) == expected
    assert got["epoch"][0] == 0 and len(got["epoch"]) == len(ref["epoch"]), (h, lr)
    for name in got:
        np.testing.assert_allclose(got[name], ref[name], rtol=RTOL, atol=0, equal_nan=True,
                                   err_msg=f"{name} of h={h}, η={lr}")
    found, expected_found = result.diverged(h, lr), trainer.diverged
    assert (found is None) == (expected_found is None), (h, lr, found, expected_found)
    if found is not None and expected_found is not None:
        assert (found.epoch, found.kind, found.reason, found.learning_rate) == (
            expected_found.epoch, expected_found.kind, expected_found.reason,
            expected_found.learning_rate)
        assert found.start_loss == pytest.approx(expected_found.start_loss, rel=RTOL)
        np.testing.assert_allclose(found.loss, expected_found.loss, rtol=RTOL, equal_nan=True)
    np.testing.assert_allclose(result.network(h, lr).parameters, trainer.net.parameters,
                               rtol=RTOL, atol=1e-12)


@pytest.mark.parametrize("dataset, hidden, output, loss, sizes, rates, epochs", [
    # The lecture's setup, with a hidden layer of 1, some and the most units.
    ("vowels", "sigmoid", "softmax", "cce", (1, 4, 9), (0.1, 1.0, 3.0), 150),
    ("regression", "tanh", "linear", "mse", (2, 5), (0.05, 0.3), 100),
    ("xor", "relu", "sigmoid", "bce", (3, 7), (0.5, 2.0), 100),
    ("vowels", "leaky_relu", "softmax", "mse", (2, 6), (0.5, 3.0), 100),
    ("regression", "linear", "tanh", "mae", (1, 3), (0.1, 0.5), 80),
])
def test_every_configuration_runs_as_its_own_trainer(data, dataset, hidden, output, loss, sizes,
                                                      rates, epochs) -> None:
    result = sweep(data[dataset], rates, sizes, epochs, hidden_activation=hidden,
                   output_activation=output, loss=loss)
    assert result.configs == [(h, lr) for h in sizes for lr in rates]
    assert result.completed and result.epochs_done == epochs
    for h, lr in result.configs:
        assert_same_run(result, trainer_run(data[dataset], h, lr, epochs, hidden, output, loss),
                        h, lr)


@pytest.mark.parametrize("batch_size", [32, 100_000])
def test_mini_batches_follow_the_trainers_shuffling(data, batch_size) -> None:
    # 280 training rows: eight batches of 32 and a last one of 24; 100,000 means full batch.
    result = sweep(data["vowels"], (0.3, 1.0), (2, 5), 40, output_activation="softmax",
                   loss="cce", seed=3, batch_size=batch_size)
    for h, lr in result.configs:
        trainer = trainer_run(data["vowels"], h, lr, 40, "sigmoid", "softmax", "cce", seed=3,
                              batch_size=batch_size)
        assert_same_run(result, trainer, h, lr)


@pytest.mark.parametrize("dataset, hidden, output, loss, rate, reason", [
    ("vowels", "sigmoid", "softmax", "cce", 100.0, "loss_exploded"),
    ("regression", "relu", "linear", "mse", 50.0, "nonfinite_loss"),  # weights rolled back
    ("regression", "sigmoid", "linear", "mae", 30.0, "stuck_above_start"),
])
def test_a_diverging_configuration_stops_alone(data, dataset, hidden, output, loss, rate,
                                               reason) -> None:
    sizes, rates, epochs = (2, 4), (0.1, rate), 120
    result = sweep(data[dataset], rates, sizes, epochs, hidden_activation=hidden,
                   output_activation=output, loss=loss)
    for h, lr in result.configs:
        trainer = trainer_run(data[dataset], h, lr, epochs, hidden, output, loss)
        assert_same_run(result, trainer, h, lr)
        found = result.diverged(h, lr)
        if lr == rate:
            assert found is not None and found.reason == reason
            assert result.history(h, lr)["epoch"][-1] == found.epoch < epochs
            assert np.isfinite(result.network(h, lr).parameters).all()
        else:  # the others ran to the end, undisturbed
            assert found is None and len(result.history(h, lr)["epoch"]) == epochs + 1
    # A configuration computes the same numbers whichever others share the stack.
    alone = sweep(data[dataset], (0.1,), (2,), epochs, hidden_activation=hidden,
                  output_activation=output, loss=loss)
    for name, values in alone.history(2, 0.1).items():
        np.testing.assert_allclose(result.history(2, 0.1)[name], values, rtol=1e-12)


class _Sealed:
    """Stands in for the test split: any look at it fails the test."""

    def __getattr__(self, name: str) -> None:
        raise AssertionError(f"the sweep read the test split (.{name})")


def test_the_test_split_is_never_read(data) -> None:
    sealed = dataclasses.replace(data["vowels"], test=_Sealed())
    result = sweep(sealed, (0.5, 100.0), (3,), 30, output_activation="softmax", loss="cce")
    assert result.best()[0] == 3 and result.diverged(3, 100.0) is not None
    assert np.isfinite(result.network(3, 0.5).parameters).all()
    reference = sweep(data["vowels"], (0.5, 100.0), (3,), 30, output_activation="softmax",
                      loss="cce")
    np.testing.assert_array_equal(result.history(3, 0.5)["dev_loss"],
                                  reference.history(3, 0.5)["dev_loss"])


def test_best_is_the_lowest_finite_dev_loss(data) -> None:
    # η = 50 overflows: its last dev loss is not finite and must not count.
    result = sweep(data["regression"], (0.03, 0.3, 50.0), (1, 4), 60,
                   hidden_activation="relu", loss="mse")
    assert not np.isfinite(result.history(4, 50.0)["dev_loss"][-1])
    candidates = [(float(dev), h, lr, epoch) for h, lr in result.configs
                  for epoch, dev in enumerate(result.history(h, lr)["dev_loss"])
                  if math.isfinite(dev)]
    _, h, lr, epoch = min(candidates)
    assert result.best() == (h, lr, epoch)
    assert result.history(h, lr)["epoch"][epoch] == epoch


def test_zero_epochs_record_the_initial_weights(data) -> None:
    result = sweep(data["vowels"], (1.0,), (3, 9), 0, output_activation="softmax", loss="cce")
    for h, lr in result.configs:
        assert_same_run(result, trainer_run(data["vowels"], h, lr, 0, "sigmoid", "softmax",
                                            "cce"), h, lr)
    assert result.best()[2] == 0


def test_cancelling_keeps_what_was_done(data) -> None:
    polls = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) == 5  # polled before every epoch: epochs 1-4 run, then it stops

    result = sweep(data["vowels"], (0.5, 2.0), (2, 3), 1000, output_activation="softmax",
                   loss="cce", cancelled=cancelled)
    assert not result.completed and result.epochs_done == 4 and len(polls) == 5
    for h, lr in result.configs:
        assert_same_run(result, trainer_run(data["vowels"], h, lr, 4, "sigmoid", "softmax",
                                            "cce"), h, lr)


def test_progress_is_reported_at_most_every_50_ms(data, monkeypatch) -> None:
    clock = [0.0]

    def monotonic() -> float:  # a clock that moves 20 ms per reading, about one per epoch
        clock[0] += 0.02
        return clock[0]

    monkeypatch.setattr(sweep_module, "time", SimpleNamespace(monotonic=monotonic))
    calls: list[tuple[int, int, float]] = []
    sweep(data["vowels"], (0.5,), (2,), 100, output_activation="softmax", loss="cce",
          progress=lambda done, total: calls.append((done, total, clock[0])))
    assert calls[-1][:2] == (100, 100)
    assert 10 <= len(calls) <= 100 * 0.02 / 0.05 + 1
    assert all(total == 100 for _, total, _ in calls)
    assert [done for done, _, _ in calls] == sorted({done for done, _, _ in calls})
    gaps = np.diff([t for _, _, t in calls[:-1]])
    assert (gaps >= 0.05 - 1e-9).all()


@pytest.mark.parametrize("name", HIDDEN_ACTIVATIONS)
def test_buffered_activations_are_bit_identical_to_the_registry(name) -> None:
    x = np.random.default_rng(1).normal(0, 5, size=(3, 4, 50))
    x[0, 0, :6] = [0.0, -0.0, 1e-300, -1e-300, 800.0, -800.0]
    act = ACTIVATIONS[name]
    a = np.empty_like(x)
    sweep_module._activate(name, x, a)
    np.testing.assert_array_equal(a, act.function(x), strict=True)
    back = np.random.default_rng(2).normal(size=x.shape)
    expected = back * act.derivative(x, a)
    sweep_module._times_derivative(name, back, x, a, np.empty_like(x))
    np.testing.assert_array_equal(back, expected, strict=True)


@pytest.mark.parametrize("kwargs, message", [
    (dict(learning_rates=()), "at least one"),
    (dict(learning_rates=(0.1, 0.0)), "positive"),
    (dict(learning_rates=(0.1, float("nan"))), "positive"),
    (dict(hidden_units=(0, 3)), "1 to 9"),
    (dict(hidden_units=(3, 10)), "1 to 9"),
    (dict(hidden_units=(3, 3)), "repeat"),
    (dict(epochs=-1), "negative"),
    (dict(batch_size=0), "batch size"),
    (dict(loss="cce", output_activation="sigmoid"), "softmax"),
    (dict(loss="bce", output_activation="sigmoid", dataset="regression"), "classification"),
])
def test_invalid_grids_and_setups_are_refused(data, kwargs, message) -> None:
    args = dict(learning_rates=(0.1,), hidden_units=(3,), epochs=5,
                output_activation="softmax", loss="cce")
    args.update(kwargs)
    splits = data[args.pop("dataset", "vowels")]
    with pytest.raises(ValueError, match=message):
        sweep(splits, **args)


def test_unknown_configurations_raise_key_error(data) -> None:
    result = sweep(data["vowels"], (0.5,), (2,), 3, output_activation="softmax", loss="cce")
    assert result.index(2, 0.5) == 0
    with pytest.raises(KeyError, match="3 hidden units"):
        result.history(3, 0.5)
