"""Runs of a session: kept when the model starts over, bounded, pinned, compared by η."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from nnsim.core.command_errors import CommandError

from nnsim.core import commands as cmd
from nnsim.core.compare import compare_learning_rates, default_rates
from nnsim.core.network import Network
from nnsim.core.runs import (
    CURVE_POINTS,
    PATH_POINTS,
    Difference,
    RunLog,
    differences,
    make_record,
    thin,
    varying_fields,
)
from nnsim.core.session import Session
from nnsim.core.settings import Settings
from nnsim.core.trainer import Trainer


def history(n: int) -> dict[str, np.ndarray]:
    epochs = np.arange(n, dtype=float)
    return {"epoch": epochs, "train_loss": 1 / (1 + epochs), "dev_loss": 2 / (1 + epochs)}


# ----------------------------------------------------------------------------- what differs
def test_differences_name_the_changed_choice() -> None:
    base = Settings()
    assert differences(replace(base, learning_rate=0.01), base) == (
        Difference("learning_rate", 0.01),)
    assert differences(replace(base, hidden_units=2), base) == (Difference("hidden_units", 2),)
    assert differences(replace(base, hidden_activation="relu"), base) == (
        Difference("hidden_activation", "relu"),)
    assert differences(replace(base, weight_seed=3), base) == (Difference("weight_seed", 3),)
    assert differences(base, base) == ()


def test_what_does_not_change_a_curve_is_not_a_difference() -> None:
    base = Settings()
    assert differences(replace(base, speed=None, selected="w11", landscape_range=(0, 1),
                               data_view_axes=(0, 1), early_stopping=5), base) == ()


def test_several_differences_in_a_fixed_order() -> None:
    base = Settings()
    run = replace(base, weight_seed=2, learning_rate=0.1, hidden_units=5)
    assert [d.field for d in differences(run, base)] == ["learning_rate", "hidden_units",
                                                         "weight_seed"]


def test_other_data_is_one_difference_not_its_recipe() -> None:
    a, b = Settings(dataset="xor", n_samples=200), Settings(dataset="vowels", n_samples=400)
    assert varying_fields([a, b]) == ("dataset",)
    assert varying_fields([a, replace(a, noise=0.5)]) == ("noise",)


def test_a_computed_rate_equals_the_typed_one() -> None:
    assert varying_fields([Settings(learning_rate=0.5 / 10), Settings(learning_rate=0.05)]) == ()


def test_only_the_selected_parameter_trained_names_it() -> None:
    run = Settings(train_selected_only=True, selected="v31")
    assert differences(run, Settings(selected="v31")) == (
        Difference("train_selected_only", "v31"),)


# ----------------------------------------------------------------------------- records
def test_thin_keeps_first_and_last_and_bounds() -> None:
    assert thin(5, 10).tolist() == [0, 1, 2, 3, 4]
    kept = thin(100_001, 300)
    assert kept[0] == 0 and kept[-1] == 100_000 and kept.size <= 300


def test_records_are_bounded_and_read_only() -> None:
    record = make_record(1, Settings(), history(10_001), diverged=False)
    assert record.epochs.size <= CURVE_POINTS
    assert record.last_epoch == 10_000 and record.epochs[-1] == 10_000
    assert record.final_train_loss == pytest.approx(1 / 10_001)
    with pytest.raises(ValueError):
        record.train_loss[0] = 5.0


def test_path_follows_every_parameter_by_epoch() -> None:
    parameters = np.arange(1001 * 2, dtype=float).reshape(1001, 2)
    record = make_record(1, Settings(), history(1001), False, path=(("a", "b"), parameters))
    values, losses = record.path("b")
    assert values.size == losses.size <= PATH_POINTS
    epochs = record.path_epochs.astype(int)
    np.testing.assert_array_equal(values, parameters[epochs, 1])
    np.testing.assert_array_equal(losses, 1 / (1 + epochs))
    assert record.path("zz") is None
    assert make_record(2, Settings(), history(3), False).path("a") is None


def test_log_keeps_the_newest_unpinned_and_every_pinned_run() -> None:
    log = RunLog(capacity=3)
    first = log.add(Settings(), history(5))
    log.pin(first.id)
    for _ in range(6):
        log.add(Settings(), history(5))
    ids = [r.id for r in log.runs]
    assert ids == [1, 5, 6, 7]
    assert log.pinned()[0].id == 1
    log.unpin_all()
    assert not log.pinned()
    with pytest.raises(KeyError):
        log.pin(2)


def test_the_log_is_replaced_not_changed() -> None:
    log = RunLog()
    log.add(Settings(), history(5))
    before = log.runs
    log.pin(1)
    assert before[0].pinned is False and log.runs[0].pinned is True


# ----------------------------------------------------------------------------- the session
def test_a_run_is_kept_when_the_model_starts_over() -> None:
    session = Session()
    session.step(20)
    session.apply(cmd.SetLearningRate(0.05))  # the knob turned after training: not yet used
    session.apply(cmd.Reset())
    runs = session.snapshot().runs
    assert len(runs) == 1
    assert runs[0].last_epoch == 20 and runs[0].settings.learning_rate == 0.5
    assert runs[0].epochs[0] == 0 and runs[0].epochs[-1] == 20


@pytest.mark.parametrize("start_over", [
    cmd.Reset(), cmd.SetHiddenUnits(4), cmd.SetBuiltinDataset("xor"),
    cmd.SetSplit((0.6, 0.2, 0.2), 1), cmd.Restore(Settings(learning_rate=0.1))])
def test_every_start_over_keeps_the_run(start_over: cmd.Command) -> None:
    session = Session()
    session.step(3)
    session.apply(start_over)
    assert [r.last_epoch for r in session.runs.runs] == [3]
    session.apply(cmd.Reset())  # nothing trained since: nothing more to keep
    assert len(session.runs.runs) == 1


def test_an_untrained_run_is_not_kept() -> None:
    session = Session()
    session.apply(cmd.EditParameter("w11", 0.3))
    session.apply(cmd.Reset())
    assert session.runs.runs == ()


def test_pin_and_clear_through_commands() -> None:
    session = Session()
    session.step(2)
    session.apply(cmd.Reset())
    run_id = session.runs.runs[0].id
    session.apply(cmd.PinRun(run_id))
    assert session.snapshot().runs[0].pinned
    session.apply(cmd.ClearComparison())
    assert not session.snapshot().runs[0].pinned
    with pytest.raises(CommandError) as refused:  # a run no longer kept: a coded refusal
        session.apply(cmd.PinRun(999))
    assert refused.value.code == "no_run" and refused.value.params == {"run": 999}


# ----------------------------------------------------------------------------- comparison
def test_default_rates_are_a_decade_either_side() -> None:
    assert default_rates(0.5) == pytest.approx((0.05, 0.5, 5.0))


@pytest.mark.parametrize("settings", [Settings(), Settings(batch_size=32, weight_seed=4),
                                      Settings(train_selected_only=True, selected="v11")])
def test_each_compared_run_equals_a_sequential_run(settings: Settings) -> None:
    session = Session(settings)
    session.step(7)  # the comparison starts from the run's initial weights, not today's
    start = session.net.copy()
    start.set_vector(session._start_vector)
    session.apply(cmd.CompareLearningRates((0.05, 0.5, 5.0), 60))
    compared = [r for r in session.runs.runs if r.compared]
    assert [r.settings.learning_rate for r in compared] == [0.05, 0.5, 5.0]
    assert all(r.pinned for r in compared)
    for record in compared:
        net = start.copy()
        trainer = Trainer(net, session.splits, session.trainer.loss, record.settings.learning_rate,
                          settings.batch_size, seed=settings.weight_seed,
                          frozen=session.trainer.frozen)
        trainer.run(60)
        expected = trainer.history.as_arrays()
        np.testing.assert_allclose(record.train_loss, expected["train_loss"], rtol=0, atol=1e-12)
        np.testing.assert_allclose(record.dev_loss, expected["dev_loss"], rtol=0, atol=1e-12)
        assert record.last_epoch == 60
        path = np.array([record.path(n)[0][-1] for n in net.names])
        np.testing.assert_allclose(path, net.parameters, rtol=0, atol=1e-12)
    assert session.trainer.epoch == 7  # the current run goes on as it was


def test_a_new_comparison_replaces_the_pins() -> None:
    session = Session()
    session.apply(cmd.CompareLearningRates((0.1, 1.0), 5))
    session.apply(cmd.CompareLearningRates((0.2, 2.0, 3.0), 5))
    assert [r.settings.learning_rate for r in session.runs.pinned()] == [0.2, 2.0, 3.0]


def test_a_diverging_rate_stops_alone() -> None:
    session = Session()
    applied = session.apply(cmd.CompareLearningRates((0.5, 1e4), 100))
    good, bad = session.runs.pinned()
    assert not good.diverged and good.last_epoch == 100
    assert bad.diverged and bad.last_epoch < 100
    assert applied.notices[0].params["diverged"] == (1e4,)
    assert np.isfinite(bad.path_parameters).all()  # the last finite weights, as the trainer


@pytest.mark.parametrize("rates, epochs", [((), 10), ((0.1, -1.0), 10), ((0.1, float("nan")), 10),
                                           ((0.1,), 0), ((0.1,), 10**7)])
def test_a_bad_comparison_is_refused_and_changes_nothing(rates, epochs) -> None:
    session = Session()
    with pytest.raises(ValueError):
        session.apply(cmd.CompareLearningRates(rates, epochs))
    assert session.runs.runs == ()


def test_compare_leaves_the_start_alone() -> None:
    net = Network((3, 3, 2), "sigmoid", "softmax", 0)
    before = net.get_vector()
    session = Session()
    compare_learning_rates(net, session.splits, "cce", (0.5,), 5)
    np.testing.assert_array_equal(net.get_vector(), before)


def test_a_knob_turned_mid_run_is_recorded() -> None:
    session = Session()
    session.step(3)
    session.apply(cmd.SetLearningRate(0.05))
    session.step(3)
    session.apply(cmd.Reset())
    run = session.runs.runs[0]
    assert run.settings.learning_rate == 0.05 and run.changed == ("learning_rate",)
    session.step(2)
    session.apply(cmd.Reset())
    assert session.runs.runs[1].changed == ()
