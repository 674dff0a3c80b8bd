"""Per-row outputs and losses for the Examples table: their mean is the loss the app reports."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from nnsim.core import commands as cmd
from nnsim.core.datasets import make_builtin
from nnsim.core.example_rows import ExampleRowsCache, example_rows, split_rows
from nnsim.core.network import Network
from nnsim.core.session import Session
from nnsim.core.settings import Settings
from nnsim.core.splits import split
from nnsim.core.trainer import Trainer

# (dataset, output activation, loss): every pairing the app allows.
PAIRINGS = [
    ("regression", "linear", "mse"), ("regression", "linear", "mae"),
    ("regression", "tanh", "mse"), ("regression", "sigmoid", "mae"),
    ("xor", "softmax", "cce"), ("xor", "sigmoid", "bce"), ("xor", "softmax", "mse"),
    ("vowels", "softmax", "cce"), ("vowels", "sigmoid", "mae"),
]


def trained(dataset: str, output: str, loss: str, epochs: int = 15) -> Trainer:
    splits = split(make_builtin(dataset))
    net = Network((splits.train.n_features, 4, splits.train.n_outputs), "tanh", output, seed=2)
    trainer = Trainer(net, splits, loss, 0.3, seed=2)
    trainer.run(epochs)
    return trainer


@pytest.mark.parametrize("dataset,output,loss", PAIRINGS)
def test_row_losses_average_to_the_split_losses_the_trainer_reports(dataset, output, loss):
    trainer = trained(dataset, output, loss)
    rows = example_rows(trainer.net, trainer.splits, loss, trainer.epoch, with_test=True)
    now = trainer.measure()
    assert rows.train.mean_loss == pytest.approx(now.train_loss, rel=1e-12)
    assert rows.dev.mean_loss == pytest.approx(now.dev_loss, rel=1e-12)
    test_loss, test_accuracy = trainer.evaluate("test")
    assert rows.test.mean_loss == pytest.approx(test_loss, rel=1e-12)
    # Outputs are the network's predictions, row for row.
    np.testing.assert_allclose(rows.dev.outputs, trainer.net.predict(trainer.splits.dev.X))
    if trainer.is_classification:
        for part, accuracy in ((rows.train, now.train_accuracy), (rows.dev, now.dev_accuracy),
                               (rows.test, test_accuracy)):
            assert part.n_misclassified == round((1 - accuracy) * part.n_rows)
            np.testing.assert_array_equal(part.predicted, part.outputs.argmax(axis=1))
    else:
        assert rows.train.misclassified is None and rows.train.n_misclassified is None


def test_a_row_loss_is_that_row_alone_through_the_loss_function():
    trainer = trained("vowels", "softmax", "cce")
    train = trainer.splits.train
    rows = split_rows(trainer.net, train, "cce")
    for r in (0, 7, train.n_samples - 1):
        alone = trainer.net.loss(train.X[r:r + 1], train.Y[r:r + 1], "cce")
        assert rows.losses[r] == pytest.approx(alone, rel=1e-12)
        # Cross-entropy of one row: −log of the probability given to its class.
        p = rows.outputs[r, train.labels[r]]
        assert rows.losses[r] == pytest.approx(-np.log(p), rel=1e-9)
        assert rows.misclassified[r] == (rows.outputs[r].argmax() != train.labels[r])


def test_arrays_are_read_only():
    trainer = trained("xor", "softmax", "cce", epochs=1)
    rows = example_rows(trainer.net, trainer.splits, "cce", 1, with_test=False)
    for array in (rows.train.outputs, rows.train.losses, rows.train.predicted,
                  rows.train.misclassified):
        with pytest.raises(ValueError):
            array[0] = 0


def test_a_diverged_network_gives_inf_rows_without_warnings():
    splits = split(make_builtin("regression"))
    net = Network((splits.train.n_features, 3, 1), "relu", "linear", seed=0)
    net.set_vector(np.full(net.get_vector().shape, 1e200))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rows = split_rows(net, splits.train, "mse")
    assert not np.isfinite(rows.losses).all()


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_cache_recomputes_only_for_new_weights_and_at_most_every_interval():
    trainer = trained("xor", "softmax", "cce", epochs=1)
    clock = FakeClock()
    cache = ExampleRowsCache(min_interval=0.25, clock=clock)
    first = cache.rows(trainer.net, trainer.splits, "cce", 1, False)
    assert cache.rows(trainer.net, trainer.splits, "cce", 1, False) is first  # nothing changed
    trainer.step()
    clock.now += 0.1
    assert cache.rows(trainer.net, trainer.splits, "cce", 2, False) is first  # throttled
    assert cache.pending
    clock.now += 0.2
    second = cache.rows(trainer.net, trainer.splits, "cce", 2, False)
    assert second is not first and second.epoch == 2 and not cache.pending
    np.testing.assert_allclose(second.train.mean_loss, trainer.measure().train_loss, rtol=1e-12)
    # Unsealing the test set (or other rows, another loss) is never throttled.
    clock.now += 0.01
    unsealed = cache.rows(trainer.net, trainer.splits, "cce", 2, True)
    assert unsealed.test is not None and unsealed.dev is not second.dev
    other = split(make_builtin("xor"), seed=5)
    assert cache.rows(trainer.net, other, "cce", 2, True).splits is other


def fresh_session(**settings) -> Session:
    session = Session(Settings(**settings))
    session._examples.min_interval = 0.0  # every snapshot fresh (the throttle is tested above)
    return session


@pytest.mark.parametrize("dataset", ["xor", "regression"])
def test_snapshots_carry_the_rows_only_while_the_table_is_shown(dataset):
    session = fresh_session(dataset=dataset)
    session.step(5)
    assert session.snapshot().example_rows is None  # no cost while the table is closed
    session.apply(cmd.SetExamplesTable(True))
    snap = session.snapshot()
    rows = snap.example_rows
    assert rows.epoch == 5 and rows.splits is session.splits
    # The mean of the rows is the loss in the status bar.
    assert rows.train.mean_loss == pytest.approx(snap.train_loss, rel=1e-12)
    assert rows.dev.mean_loss == pytest.approx(snap.dev_loss, rel=1e-12)
    assert rows.test is None  # sealed until the final evaluation
    session.apply(cmd.EvaluateTest())
    snap = session.snapshot()
    assert snap.example_rows.test.mean_loss == pytest.approx(snap.test_result.loss, rel=1e-12)
    session.step(3)
    snap = session.snapshot()
    assert snap.example_rows.epoch == 8
    assert snap.example_rows.train.mean_loss == pytest.approx(snap.train_loss, rel=1e-12)
    session.apply(cmd.SetExamplesTable(False))
    assert session.snapshot().example_rows is None


def test_new_data_gives_rows_of_the_new_data_at_once():
    session = Session(Settings(dataset="xor", examples_table=True))
    before = session.snapshot().example_rows
    session.apply(cmd.SetBuiltinDataset("vowels"))  # at once, throttle or not
    after = session.snapshot().example_rows
    assert after.splits is session.splits and after.splits is not before.splits
    assert after.train.n_rows == session.splits.train.n_samples
    assert session.settings.examples_table  # the table stays open with new data


def test_the_throttled_session_says_a_snapshot_is_still_due():
    session = Session(Settings(dataset="xor", examples_table=True))
    session._examples.min_interval = 3600.0
    first = session.snapshot().example_rows
    session.step(1)
    assert session.snapshot().example_rows is first and session.examples_pending
    session._examples.min_interval = 0.0
    assert session.snapshot().example_rows.epoch == 1 and not session.examples_pending


def test_a_slow_computation_is_repeated_less_often():
    trainer = trained("xor", "softmax", "cce", epochs=1)
    clock = FakeClock()
    ticking = iter([0.0, 0.05])  # the computation itself takes 50 ms

    def slow_clock() -> float:
        return clock.now + next(ticking, 0.05)

    cache = ExampleRowsCache(min_interval=0.25, clock=slow_clock)
    first = cache.rows(trainer.net, trainer.splits, "cce", 1, False)
    trainer.step()
    clock.now += 0.4  # past min_interval, but not 10 × 50 ms after the last computation
    assert cache.rows(trainer.net, trainer.splits, "cce", 2, False) is first and cache.pending
    clock.now += 0.2
    assert cache.rows(trainer.net, trainer.splits, "cce", 2, False).epoch == 2
