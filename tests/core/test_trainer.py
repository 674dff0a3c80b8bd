"""The trainer: it learns, it reports divergence, frozen parameters stay put, history is bounded."""

from __future__ import annotations

import numpy as np
import pytest

from nnsim.core.datasets import BUILTIN_DATASETS, make_builtin
from nnsim.core.history import EpochRecord, History
from nnsim.core.network import Network
from nnsim.core.session import default_loss_for
from nnsim.core.losses import PREFERRED_OUTPUT
from nnsim.core.splits import split
from nnsim.core.trainer import Trainer


def make_trainer(dataset_id: str, learning_rate: float = 0.5, **kwargs) -> Trainer:
    dataset = make_builtin(dataset_id)
    loss = default_loss_for(dataset)
    net = Network((3, 3, 2), "sigmoid", PREFERRED_OUTPUT[loss], seed=0)
    return Trainer(net, split(dataset), loss, learning_rate, **kwargs)


@pytest.mark.parametrize("dataset_id", list(BUILTIN_DATASETS))
def test_default_settings_lower_the_loss_on_every_builtin(dataset_id: str) -> None:
    trainer = make_trainer(dataset_id)
    first = trainer.step()
    last = trainer.run(300)
    assert trainer.diverged is None
    assert last.epoch == 301
    assert last.train_loss < 0.5 * first.train_loss
    assert last.dev_loss < first.dev_loss
    if trainer.is_classification:
        assert last.dev_accuracy > 0.8


@pytest.mark.parametrize("dataset_id", list(BUILTIN_DATASETS))
def test_learning_rate_100_is_reported_as_divergence(dataset_id: str) -> None:
    trainer = make_trainer(dataset_id, learning_rate=100)
    trainer.run(200)  # never raises
    assert trainer.diverged is not None
    assert trainer.epoch == trainer.diverged.epoch < 200
    assert "diverged" in trainer.diverged.message and "learning rate" in trainer.diverged.message
    assert np.isfinite(trainer.net.parameters).all()  # the last finite weights are kept
    assert trainer.history.latest.epoch == trainer.diverged.epoch  # the jump is on the curve
    assert not trainer.history.latest.train_loss < 10 * trainer.history.column("train_loss")[0]
    before = trainer.net.get_vector()
    trainer.step()  # stopped runs stay stopped
    assert np.array_equal(before, trainer.net.get_vector())
    trainer.learning_rate = 0.5
    trainer.reset()
    assert trainer.diverged is None and trainer.epoch == 0
    trainer.run(50)
    assert trainer.diverged is None


def test_frozen_parameters_stay_bit_identical() -> None:
    trainer = make_trainer("vowels", frozen=["w12", "v21", "b4"])
    before = {n: trainer.net[n] for n in ("w12", "v21", "b4")}
    trainer.run(50)
    for name, value in before.items():
        assert trainer.net[name] == value
    assert trainer.net["w11"] != make_trainer("vowels").net["w11"]


def test_training_one_weight_alone_moves_only_that_weight() -> None:
    trainer = make_trainer("regression")
    trainer.frozen = [n for n in trainer.net.names if n != "v11"]
    before = trainer.net.get_vector()
    trainer.run(20)
    changed = np.flatnonzero(trainer.net.get_vector() != before)
    assert [trainer.net.names[i] for i in changed] == ["v11"]


def test_one_step_is_one_gradient_descent_update() -> None:
    trainer = make_trainer("regression", learning_rate=0.3)
    train = trainer.splits.train
    expected = trainer.net.get_vector() - 0.3 * trainer.net.gradient(train.X, train.Y, "mse")
    record = trainer.step()
    np.testing.assert_allclose(trainer.net.get_vector(), expected)
    assert record.epoch == 1
    assert record.test_loss == pytest.approx(trainer.evaluate("test")[0])


def test_settings_change_between_epochs_without_reset() -> None:
    trainer = make_trainer("regression")
    trainer.run(10)
    weights = trainer.net.get_vector()
    trainer.learning_rate = 0.05
    trainer.loss = "mae"
    assert np.array_equal(weights, trainer.net.get_vector())
    record = trainer.step()
    assert record.epoch == 11
    with pytest.raises(ValueError):
        trainer.learning_rate = -1
    with pytest.raises(ValueError, match="softmax"):
        trainer.loss = "cce"


def test_minibatches_are_reproducible_and_learn() -> None:
    a = make_trainer("vowels", batch_size=16, seed=3)
    b = make_trainer("vowels", batch_size=16, seed=3)
    first = a.step()
    b.step()
    a.run(30)
    b.run(30)
    assert np.array_equal(a.net.get_vector(), b.net.get_vector())
    assert a.history.latest.train_loss < first.train_loss


def test_history_stays_bounded_and_evenly_spaced() -> None:
    history = History(capacity=64)
    for epoch in range(1, 100_001):
        history.append(EpochRecord(epoch, 1.0 / epoch, 2.0, 3.0))
    assert len(history) <= 64
    epochs = history.column("epoch")
    assert epochs[0] <= 4096 and epochs[-1] > 90_000
    assert len(set(np.diff(epochs))) == 1  # even spacing
    assert history.latest.epoch == 100_000


def test_a_million_epochs_of_history_fit_in_the_default_buffer() -> None:
    history = History()
    record = EpochRecord(1, 0.5, 0.5, 0.5)
    for epoch in range(1, 1_000_001, 7):
        history.append(EpochRecord(epoch, 0.5, 0.5, 0.5))
    assert len(history) <= history.capacity
    assert history._data.nbytes == 7 * history.capacity * 8
    assert record.train_accuracy is None
