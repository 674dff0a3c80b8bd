"""The trainer: it learns, it reports divergence, frozen parameters stay put, history is bounded."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from nnsim.core.datasets import BUILTIN_DATASETS, Dataset, make_builtin
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
    # Every number of the record is measured at the weights after the update.
    assert record.train_loss == pytest.approx(trainer.evaluate("train")[0], rel=1e-12)
    assert record.dev_loss == pytest.approx(trainer.evaluate("dev")[0], rel=1e-12)


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
        history.append(EpochRecord(epoch, 1.0 / epoch, 2.0))
    assert len(history) <= 64
    epochs = history.column("epoch")
    assert epochs[0] <= 4096 and epochs[-1] > 90_000
    assert len(set(np.diff(epochs))) == 1  # even spacing
    assert history.latest.epoch == 100_000


def test_a_million_epochs_of_history_fit_in_the_default_buffer() -> None:
    history = History()
    record = EpochRecord(1, 0.5, 0.5)
    for epoch in range(1, 1_000_001, 7):
        history.append(EpochRecord(epoch, 0.5, 0.5))
    assert len(history) <= history.capacity
    assert history._data.nbytes == 5 * history.capacity * 8
    assert record.train_accuracy is None


def test_history_starts_at_epoch_0_with_the_initial_weights() -> None:
    trainer = make_trainer("vowels")
    assert len(trainer.history) == 1 and trainer.history.latest.epoch == 0
    assert trainer.history.latest.train_loss == trainer.evaluate("train")[0]
    trainer.run(3)
    assert list(trainer.history.column("epoch")) == [0, 1, 2, 3]
    trainer.reset()
    assert list(trainer.history.column("epoch")) == [0]


@pytest.mark.parametrize("dataset_id", list(BUILTIN_DATASETS))
def test_every_number_of_an_epoch_is_measured_at_its_new_weights(dataset_id: str) -> None:
    trainer = make_trainer(dataset_id, batch_size=32)
    for _ in range(3):
        record = trainer.step()
        net, (train, dev, _) = trainer.net, trainer.splits
        assert record.train_loss == pytest.approx(net.loss(train.X, train.Y, trainer.loss),
                                                  rel=1e-12)
        # The dev numbers come from the dev rows, not the training rows.
        assert record.dev_loss == pytest.approx(net.loss(dev.X, dev.Y, trainer.loss), rel=1e-12)
        assert record.dev_loss != pytest.approx(record.train_loss, rel=1e-9)
        if trainer.is_classification:
            hits = net.predict(dev.X).argmax(axis=1) == dev.Y.argmax(axis=1)
            assert record.dev_accuracy == hits.mean()
            hits = net.predict(train.X).argmax(axis=1) == train.Y.argmax(axis=1)
            assert record.train_accuracy == hits.mean()
    assert "test_loss" not in trainer.history.as_arrays()  # the test set stays sealed


def test_the_last_smaller_minibatch_takes_the_mean_of_its_own_rows() -> None:
    trainer = make_trainer("regression", learning_rate=0.2, batch_size=64, seed=5)
    train = trainer.splits.train
    n = train.X.shape[0]
    assert n % 64, "the check needs a smaller last batch"
    expected = trainer.net.copy()
    order = np.random.default_rng(5).permutation(n)
    for start in range(0, n, 64):
        idx = order[start:start + 64]
        grad = expected.gradient(train.X[idx], train.Y[idx], "mse")
        expected.set_vector(expected.get_vector() - 0.2 * grad)
    trainer.step()
    np.testing.assert_allclose(trainer.net.get_vector(), expected.get_vector(), rtol=1e-12)


def test_reset_restarts_the_minibatch_shuffle() -> None:
    trainer = make_trainer("vowels", batch_size=8, seed=2)
    trainer.run(3)
    first_run = trainer.net.get_vector()
    trainer.reset()
    trainer.run(3)
    np.testing.assert_array_equal(trainer.net.get_vector(), first_run)


def test_a_non_finite_step_rolls_the_weights_back() -> None:
    trainer = make_trainer("regression", learning_rate=1e200)
    before = trainer.net.get_vector()
    trainer.step()
    assert trainer.diverged is not None and trainer.diverged.kind == "diverged"
    np.testing.assert_array_equal(trainer.net.get_vector(), before)


def test_a_hand_edit_restarts_the_divergence_baseline() -> None:
    edited, unaware = make_trainer("regression", 0.001), make_trainer("regression", 0.001)
    for trainer in (edited, unaware):
        trainer.step()  # the baseline: the loss of the initial weights
        trainer.net["v11"] = 40.0  # far higher: the student's own new starting point
    edited.restart_divergence_check()
    edited.run(200)
    unaware.run(200)
    assert edited.diverged is None
    # Judged against the old, low start, the same slow descent looks like a failure.
    assert unaware.diverged is not None


@pytest.mark.parametrize("loss", ["cce", "bce"])
def test_cross_entropy_is_refused_on_regression_data(loss: str) -> None:
    dataset = make_builtin("regression")
    net = Network((3, 3, dataset.n_outputs), "sigmoid", PREFERRED_OUTPUT[loss], seed=0)
    with pytest.raises(ValueError, match="regression.*MSE or MAE"):
        Trainer(net, split(dataset), loss)


def test_frozen_parameters_leave_the_others_a_plain_gradient_step() -> None:
    trainer = make_trainer("vowels", learning_rate=0.4, frozen=["w12", "b4"])
    train = trainer.splits.train
    before = trainer.net.get_vector()
    expected = before - 0.4 * trainer.net.gradient(train.X, train.Y, trainer.loss)
    frozen = [trainer.net.index(n) for n in ("w12", "b4")]
    expected[frozen] = before[frozen]
    trainer.step()
    np.testing.assert_allclose(trainer.net.get_vector(), expected, rtol=1e-12)


def test_a_batch_as_large_as_the_training_part_is_full_batch_descent() -> None:
    full = make_trainer("vowels")
    whole = make_trainer("vowels", batch_size=full.splits.train.n_samples)
    full.run(3)
    whole.run(3)
    # The very same run: no shuffling (which would reorder the sums), bit for bit.
    np.testing.assert_array_equal(whole.net.get_vector(), full.net.get_vector())


def test_data_that_does_not_fit_the_network_is_refused() -> None:
    net = Network((3, 3, 2), "sigmoid", "linear", seed=0)
    regression = make_builtin("regression")
    for X, Y in ((regression.X[:, :2], regression.Y), (regression.X, regression.Y[:, :1])):
        splits = split(Dataset(X, Y, "regression"))
        with pytest.raises(ValueError, match=rf"has {X.shape[1]} inputs and {Y.shape[1]} "
                                             "outputs but the network is 3-3-2"):
            Trainer(net, splits)
        trainer = Trainer(net, split(regression))
        with pytest.raises(ValueError, match="network is 3-3-2"):
            trainer.set_splits(splits)


def test_regression_records_have_no_accuracy() -> None:
    trainer = make_trainer("regression")
    for record in (trainer.history.latest, trainer.step()):
        assert record.train_accuracy is None and record.dev_accuracy is None
    assert trainer.evaluate("dev")[1] is None


def test_reset_with_a_seed_draws_that_seed_s_weights() -> None:
    trainer = make_trainer("vowels")
    trainer.run(5)
    trainer.reset(seed=7)
    fresh = Network((3, 3, 2), "sigmoid", trainer.net.output_activation, seed=7)
    np.testing.assert_array_equal(trainer.net.get_vector(), fresh.get_vector())
    assert trainer.history.latest.epoch == 0


def test_run_returns_the_latest_record_even_without_training() -> None:
    trainer = make_trainer("regression")
    assert trainer.run(0) is trainer.history.latest
    trainer.learning_rate = 1e200
    last = trainer.run(10)
    assert trainer.diverged is not None and last is trainer.history.latest
    assert trainer.run(5) is last  # a stopped run stays stopped and says where it stopped


def test_overflowing_runs_print_no_warnings() -> None:
    # A diverging run overflows on purpose; numpy's warnings would only be noise on the console.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trainer = make_trainer("regression", learning_rate=1e200)
        trainer.run(3)
        assert trainer.diverged is not None
        net = Network((3, 3, 2), "sigmoid", "linear", seed=0)
        net.set_vector(np.full(net.parameters.size, 1e300))  # e.g. loaded from a file
        start = Trainer(net, split(make_builtin("regression"))).history.latest
        assert not np.isfinite(start.train_loss)


@pytest.mark.parametrize("dataset_id, output, loss", [
    ("vowels", "softmax", "cce"), ("vowels", "sigmoid", "bce"), ("vowels", "softmax", "mse"),
    ("vowels", "tanh", "mae"), ("regression", "linear", "mse"), ("regression", "sigmoid", "mae")])
def test_every_fitting_loss_is_measured_as_the_network_computes_it(dataset_id: str, output: str,
                                                                     loss: str) -> None:
    dataset = make_builtin(dataset_id)
    net = Network((3, 3, 2), "relu", output, seed=2)
    trainer = Trainer(net, split(dataset), loss, 0.3, batch_size=50)
    for epoch in range(2):
        record = trainer.history.latest if epoch == 0 else trainer.step()
        for part, measured in (("train", record.train_loss), ("dev", record.dev_loss)):
            data = getattr(trainer.splits, part)
            assert measured == pytest.approx(net.loss(data.X, data.Y, loss), rel=1e-12), part


def test_confident_networks_with_huge_logits_are_measured_finitely() -> None:
    # Raw formants in hertz through ReLU units: logits in the thousands, their largest value
    # differing by thousands from row to row. Each row's cross-entropy is still exact.
    net = Network((3, 3, 2), "relu", "softmax", seed=0)
    trainer = Trainer(net, split(make_builtin("vowels"), standardize=False), "cce")
    record = trainer.history.latest
    train, dev = trainer.splits.train, trainer.splits.dev
    assert np.isfinite(record.train_loss) and record.train_loss > 100
    assert record.train_loss == pytest.approx(net.loss(train.X, train.Y, "cce"), rel=1e-12)
    assert record.dev_loss == pytest.approx(net.loss(dev.X, dev.Y, "cce"), rel=1e-12)


def overfitting_trainer(**kwargs) -> Trainer:
    data = split(make_builtin("regression", n_samples=40, noise=0.5), (0.5, 0.25, 0.25))
    net = Network((3, 9, 2), "sigmoid", "linear", seed=0)
    return Trainer(net, data, "mse", 0.5, **kwargs)


def test_the_best_epoch_is_the_lowest_dev_loss_so_far() -> None:
    trainer = overfitting_trainer()
    trainer.run(2000)
    dev = trainer.history.column("dev_loss")
    epochs = trainer.history.column("epoch")
    assert trainer.best_epoch == int(epochs[np.argmin(dev)]) and 0 < trainer.best_epoch < 2000
    assert trainer.best_dev_loss == pytest.approx(float(np.min(dev)))
    assert dev[-1] > 1.1 * trainer.best_dev_loss  # it overfits afterwards


def test_early_stopping_stops_after_patience_and_restores_the_best_weights() -> None:
    free = overfitting_trainer()
    free.run(3000)
    stopped = overfitting_trainer(early_stopping=50)
    stopped.run(3000)
    assert stopped.stopped_early and stopped.best_epoch == free.best_epoch
    assert stopped.epoch == stopped.best_epoch + 50
    before = stopped.net.get_vector()
    stopped.step()  # a stopped run stays stopped
    np.testing.assert_array_equal(stopped.net.get_vector(), before)
    stopped.restore_best()
    assert stopped.epoch == stopped.best_epoch and not stopped.stopped_early
    assert stopped.history.latest.epoch == stopped.best_epoch
    assert stopped.evaluate("dev")[0] == pytest.approx(stopped.best_dev_loss, rel=1e-12)
    assert stopped.history.column("epoch")[-1] <= stopped.best_epoch
    with pytest.raises(ValueError):
        stopped.early_stopping = 0
    stopped.early_stopping = None
    stopped.run(10)
    assert stopped.epoch == stopped.best_epoch + 10  # without patience it trains on
