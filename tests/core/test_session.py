"""The Session behind the window: choices, switches, selection and the lecture's picture."""

from __future__ import annotations

import numpy as np
import pytest

from nnsim.core.datasets import make_builtin
from nnsim.core.landscape import landscape
from nnsim.core import commands as cmd
from nnsim.core.session import Session
from nnsim.core.settings import Settings


def test_default_session_is_the_lecture_network_on_vowels() -> None:
    session = Session()
    snap = session.snapshot()
    assert snap.sizes == (3, 3, 2)
    assert snap.is_classification and snap.loss == "cce" and snap.output_activation == "softmax"
    assert snap.selected.startswith("v")  # an output weight: a U-shaped first landscape
    assert snap.epoch == 0 and snap.latest.epoch == 0 and snap.figure is not None
    assert snap.settings == session.settings and snap.settings.n_samples == 400
    session.step(100)
    snap = session.snapshot()
    assert snap.epoch == 100 and snap.latest.dev_accuracy > 0.85
    assert snap.train_loss < snap.start_loss


def test_the_start_point_follows_the_loss_function() -> None:
    session = Session()
    session.apply(cmd.SetLoss("mse"))
    snap = session.snapshot()
    assert snap.start_loss == pytest.approx(snap.train_loss)  # epoch 0: start = now, in MSE
    session.apply(cmd.SetHiddenActivation("tanh"))
    snap = session.snapshot()
    assert snap.start_loss == pytest.approx(snap.train_loss)


def test_snapshot_numbers_are_for_the_current_weights() -> None:
    session = Session()
    session.step(3)
    snap = session.snapshot()
    dev_loss, dev_accuracy = session.trainer.evaluate("dev")
    assert snap.dev_loss == pytest.approx(dev_loss, rel=1e-12)
    assert snap.dev_accuracy == dev_accuracy
    assert snap.train_loss == pytest.approx(snap.figure.current_loss)
    assert snap.train_accuracy == session.trainer.evaluate("train")[1]
    # The loss plot's last point is what the status bar shows.
    assert snap.history["train_loss"][-1] == pytest.approx(snap.train_loss, rel=1e-12)
    assert snap.history["dev_loss"][-1] == pytest.approx(snap.dev_loss, rel=1e-12)
    assert snap.history["epoch"][0] == 0


def test_loss_and_output_activation_switch_each_other_with_notices() -> None:
    session = Session()
    assert session.apply(cmd.SetLoss("mse")).notices == ()  # MSE works on softmax outputs
    applied = session.apply(cmd.SetLoss("bce"))
    assert applied.notices == (cmd.Notice("output_activation_switched",
                                          {"loss": "bce", "output_activation": "sigmoid"}),)
    assert session.net.output_activation == "sigmoid"
    assert applied.inverse == cmd.SetOutputAndLoss("softmax", "mse")
    applied = session.apply(cmd.SetOutputActivation("linear"))
    assert applied.notices[0].code == "loss_switched" and session.trainer.loss == "mse"
    session.apply(cmd.SetLoss("cce"))
    assert session.net.output_activation == "softmax"
    assert session.settings.output_activation == "softmax" and session.settings.loss == "cce"


def test_hidden_units_rebuild_the_network_with_the_core_names() -> None:
    session = Session()
    session.step(5)
    session.apply(cmd.SetHiddenUnits(4))
    snap = session.snapshot()
    assert snap.sizes == (3, 4, 2) and "w14" in snap.names and "b6" in snap.names
    assert snap.epoch == 0 and snap.settings.hidden_units == 4
    with pytest.raises(ValueError):
        session.apply(cmd.SetHiddenUnits(10))
    assert session.settings.hidden_units == 4 and session.net.sizes == (3, 4, 2)


def test_a_dataset_that_cannot_be_split_changes_nothing() -> None:
    session = Session()
    tiny = make_builtin("vowels", n_samples=20).subset(np.arange(4))
    with pytest.raises(ValueError):
        session.apply(cmd.SetData(tiny, "tiny.csv"))
    assert session.dataset.n_samples == 400 and session.settings.dataset == "vowels"


def test_training_only_the_selected_weight_walks_along_the_curve() -> None:
    session = Session()
    session.apply(cmd.SelectParameter("v21"))
    session.apply(cmd.SetTrainSelectedOnly(True))
    session.step(30)
    snap = session.snapshot()
    train = session.splits.train
    on_curve = landscape(session.net, train.X, train.Y, snap.loss, "v21", snap.trail_values)
    np.testing.assert_allclose(snap.trail_losses, on_curve, rtol=1e-10)
    assert len(snap.trail_values) == 30
    assert snap.trail_values[-1] == snap.value("v21")  # the trail ends at the current point
    # the start is on the drawn curve too
    assert snap.figure.values[0] <= snap.start_value <= snap.figure.values[-1]
    start_loss = landscape(session.net, train.X, train.Y, snap.loss, "v21", [snap.start_value])
    assert start_loss[0] == pytest.approx(snap.start_loss)


def test_edit_reset_and_test_evaluation() -> None:
    session = Session()
    old = session.net["w12"]
    applied = session.apply(cmd.EditParameter("w12", 0.25))
    assert applied.inverse == cmd.EditParameter("w12", old)
    assert session.snapshot().value("w12") == 0.25
    with pytest.raises(ValueError):
        session.apply(cmd.EditParameter("w12", float("inf")))
    with pytest.raises(ValueError, match="between"):
        session.apply(cmd.EditParameter("w12", 1e300))
    with pytest.raises(KeyError):
        session.apply(cmd.EditParameter("w99", 1.0))
    session.apply(cmd.Step(10))
    session.apply(cmd.EvaluateTest())
    result = session.snapshot().test_result
    assert result.epoch == 10 and result.loss == session.trainer.evaluate("test")[0]
    session.apply(cmd.Reset())
    snap = session.snapshot()
    assert snap.epoch == 0 and snap.test_result is None and snap.value("w12") != 0.25


def test_divergence_reaches_the_snapshot() -> None:
    session = Session()
    session.apply(cmd.SetLearningRate(100))
    session.step(100)
    snap = session.snapshot()
    assert snap.divergence is not None and snap.divergence.kind == "diverged"
    assert np.isfinite(snap.parameters).all()


def test_an_impossible_builtin_request_changes_nothing() -> None:
    session = Session()
    with pytest.raises(ValueError):
        session.apply(cmd.SetBuiltinDataset("xor", n_samples=2))
    assert session.settings.dataset == "vowels" and session.dataset.n_samples == 400
    with pytest.raises(ValueError):
        session.apply(cmd.SetBuiltinDataset("no-such-data"))


def test_a_new_dataset_comes_with_its_own_defaults() -> None:
    session = Session()
    session.apply(cmd.SetBuiltinDataset("vowels", n_samples=400, noise=1.0))
    session.apply(cmd.SetBuiltinDataset("regression"))
    assert session.settings.n_samples == 300 and session.settings.noise == 0.05
    assert session.dataset.n_samples == 300
    assert session.settings.loss in ("mse", "mae")  # regression: a regression loss


def test_a_session_for_regression_data_starts_with_a_regression_loss() -> None:
    session = Session(Settings(dataset="regression"))
    assert session.settings.loss == "mse" and session.net.output_activation == "linear"
    snap = session.snapshot()
    assert snap.loss_refusals["cce"] == "needs_classification"
    assert snap.loss_refusals["mse"] is None
    with pytest.raises(ValueError, match="classification"):
        session.apply(cmd.SetLoss("cce"))
    assert session.settings.loss == "mse" and session.net.output_activation == "linear"


def test_a_new_split_reaches_the_trainer() -> None:
    session = Session()
    before = session.trainer.splits.indices[0].copy()
    session.apply(cmd.SetSplit((0.6, 0.2, 0.2), 7))
    assert session.settings.ratios == (0.6, 0.2, 0.2) and session.settings.split_seed == 7
    assert session.trainer.splits is session.splits
    assert not np.array_equal(session.trainer.splits.indices[0], before)
    assert session.trainer.splits.train.n_samples == 240
    with pytest.raises(ValueError):
        session.apply(cmd.SetSplit((0.9, 0.1, 0.0), 7))
    assert session.settings.ratios == (0.6, 0.2, 0.2)


def test_a_stale_selection_is_dropped_quietly() -> None:
    session = Session()
    session.apply(cmd.SetHiddenUnits(1))
    selected = session.settings.selected
    assert session.apply(cmd.SelectParameter("v31")).notices == ()
    assert session.settings.selected == selected


def test_every_inverse_restores_the_settings() -> None:
    session = Session()
    gestures = [cmd.SetLearningRate(0.1), cmd.SetLoss("mse"), cmd.SetOutputActivation("tanh"),
                cmd.SetHiddenActivation("relu"), cmd.SetHiddenUnits(5), cmd.SetBatchSize(16),
                cmd.SetSplit((0.5, 0.25, 0.25), 3), cmd.SetWeightSeed(9),
                cmd.SetTrainSelectedOnly(True), cmd.SetEarlyStopping(30),
                cmd.SetBuiltinDataset("xor", noise=0.5),
                cmd.SetBuiltinDataset("regression")]
    for command in gestures:
        before = session.settings
        applied = session.apply(command)
        assert applied.inverse is not None, command
        assert session.settings != before, command
        session.apply(applied.inverse)
        restored = session.settings
        assert restored == before or (
            # Switching data back also restores its default loss; the rest is as it was.
            isinstance(command, cmd.SetBuiltinDataset) and restored.dataset == before.dataset
            and restored.n_samples == before.n_samples and restored.noise == before.noise), command
        session.apply(command)
    assert session.apply(cmd.SetLearningRate(session.settings.learning_rate)).inverse is None
    assert session.apply(cmd.Step(1)).inverse is None


def test_anything_but_a_command_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        Session().apply("set learning rate 0.1")  # type: ignore[arg-type]


def test_a_large_training_set_draws_the_landscape_from_a_sample() -> None:
    big = make_builtin("regression", n_samples=200_000)
    session = Session(Settings(dataset="regression", learning_rate=0.1), dataset=big)
    session.apply(cmd.SetTrainSelectedOnly(True))
    session.step(3)
    snap = session.snapshot()
    figure = snap.figure
    assert figure.sample_rows == 4000 and figure.total_rows == snap.n_rows * 0.7
    # The start, the trail and the current point all lie on the drawn (sampled) curve.
    on_curve = np.interp([snap.start_value, *snap.trail_values], figure.values, figure.losses)
    np.testing.assert_allclose(on_curve, [snap.start_loss, *snap.trail_losses], rtol=1e-3)
    assert np.interp(figure.current_value, figure.values, figure.losses) == pytest.approx(
        figure.current_loss, rel=1e-3)


def test_restore_starts_over_from_settings_and_undoes_to_the_old_run() -> None:
    session = Session()
    session.step(5)
    before = session.settings
    hook_calls = []
    session.between_batches = lambda: hook_calls.append(1)
    applied = session.apply(cmd.Restore(Settings(dataset="xor", hidden_units=4,
                                                 learning_rate=2.0, batch_size=64)))
    assert session.settings.dataset == "xor" and session.net.sizes == (3, 4, 2)
    assert session.trainer.learning_rate == 2.0 and session.trainer.epoch == 0
    session.step(1)
    assert hook_calls  # the training thread's hook survives the new trainer
    session.apply(applied.inverse)
    assert session.settings == before
    with pytest.raises(ValueError):
        session.apply(cmd.Restore(Settings(hidden_units=42)))
    assert session.settings == before


def test_a_typed_weight_before_training_is_where_the_run_starts() -> None:
    session = Session()
    session.apply(cmd.SelectParameter("v31"))
    session.apply(cmd.EditParameter("v31", 2.0))
    snap = session.snapshot()
    assert snap.start_value == 2.0 and snap.history["epoch"].tolist() == [0]
    assert snap.start_loss == pytest.approx(snap.train_loss)
    assert snap.history["train_loss"][0] == pytest.approx(snap.train_loss)
    session.step(3)
    session.apply(cmd.EditParameter("v31", 1.0))  # during a run: the start stays
    assert session.snapshot().start_value == 2.0


def test_every_snapshot_scores_the_predictions_with_every_fitting_loss() -> None:
    session = Session(Settings(dataset="regression"))
    scores = dict(session.snapshot().loss_scores)
    assert set(scores) == {"mse", "mae"}
    assert scores["mse"] == pytest.approx(session.snapshot().train_loss)
    session = Session()
    names = [name for name, _ in session.snapshot().loss_scores]
    assert names[0] == "cce" and set(names) == {"cce", "mse", "mae"}


def test_early_stopping_through_commands_and_back_to_the_best_epoch() -> None:
    session = Session(Settings(dataset="regression", n_samples=40, noise=0.5,
                               ratios=(0.5, 0.25, 0.25), hidden_units=9))
    session.apply(cmd.SetEarlyStopping(50))
    session.step(3000)
    snap = session.snapshot()
    assert snap.stopped_early and snap.epoch == snap.best_epoch + 50
    assert snap.settings.early_stopping == 50
    session.apply(cmd.RestoreBest())
    snap = session.snapshot()
    assert snap.epoch == snap.best_epoch and not snap.stopped_early
    assert snap.dev_loss == pytest.approx(snap.best_dev_loss, rel=1e-12)
    assert session.apply(cmd.SetEarlyStopping(None)).inverse == cmd.SetEarlyStopping(50)


def test_the_data_view_grid_follows_the_weights_and_the_chosen_inputs() -> None:
    session = Session()
    assert session.snapshot().data_grid is None  # closed: nothing computed
    session.apply(cmd.SetDataViewAxes((0, 2)))
    first = session.snapshot().data_grid
    assert first.axes == (0, 2) and first.outputs.shape == (100, 100, 2)
    assert session.snapshot().data_grid is first  # still weights: reused
    session.step(5)
    moved = session.snapshot().data_grid
    assert moved is not first and not np.array_equal(moved.outputs, first.outputs)
    with pytest.raises(ValueError):
        session.apply(cmd.SetDataViewAxes((1, 1)))
    session.apply(cmd.SetDataViewAxes(None))
    assert session.snapshot().data_grid is None
