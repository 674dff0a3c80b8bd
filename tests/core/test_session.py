"""The Session behind the window: choices, switches, selection and the lecture's picture."""

from __future__ import annotations

import numpy as np
import pytest

from nnsim.core.datasets import make_builtin
from nnsim.core.landscape import landscape
from nnsim.core.session import Session


def test_default_session_is_the_lecture_network_on_vowels() -> None:
    session = Session()
    snap = session.snapshot()
    assert snap.sizes == (3, 3, 2)
    assert snap.is_classification and snap.loss == "cce" and snap.output_activation == "softmax"
    assert snap.selected.startswith("v")  # an output weight: a U-shaped first landscape
    assert snap.epoch == 0 and snap.latest is None and snap.figure is not None
    session.step(100)
    snap = session.snapshot()
    assert snap.epoch == 100 and snap.latest.dev_accuracy > 0.85
    assert snap.train_loss < snap.start_loss


def test_the_start_point_follows_the_loss_function() -> None:
    session = Session()
    session.set_loss("mse")
    snap = session.snapshot()
    assert snap.start_loss == pytest.approx(snap.train_loss)  # epoch 0: start = now, in MSE
    session.set_hidden_activation("tanh")
    snap = session.snapshot()
    assert snap.start_loss == pytest.approx(snap.train_loss)


def test_snapshot_numbers_are_for_the_current_weights() -> None:
    session = Session()
    session.step(1)
    snap = session.snapshot()
    dev_loss, dev_accuracy = session.trainer.evaluate("dev")
    assert snap.dev_loss == dev_loss and snap.dev_accuracy == dev_accuracy
    assert snap.train_loss == pytest.approx(snap.figure.current_loss)
    assert snap.train_accuracy == session.trainer.evaluate("train")[1]


def test_loss_and_output_activation_switch_each_other_and_say_so() -> None:
    session = Session()
    assert session.set_loss("mse") is None  # MSE works on softmax outputs
    message = session.set_loss("bce")
    assert "sigmoid" in message and session.net.output_activation == "sigmoid"
    message = session.set_output_activation("linear")
    assert "Mean squared error" in message and session.trainer.loss == "mse"
    message = session.set_loss("cce")
    assert "softmax" in message and session.net.output_activation == "softmax"


def test_hidden_units_rebuild_the_network_with_the_core_names() -> None:
    session = Session()
    session.step(5)
    session.set_hidden_units(4)
    snap = session.snapshot()
    assert snap.sizes == (3, 4, 2) and "w14" in snap.names and "b6" in snap.names
    assert snap.epoch == 0
    with pytest.raises(ValueError):
        session.set_hidden_units(10)


def test_a_dataset_that_cannot_be_split_changes_nothing() -> None:
    session = Session()
    tiny = make_builtin("vowels", n_samples=20).subset(np.arange(4))
    with pytest.raises(ValueError):
        session.set_dataset(tiny)
    assert session.dataset.n_samples == 400


def test_training_only_the_selected_weight_walks_along_the_curve() -> None:
    session = Session()
    session.select("v21")
    session.set_train_selected_only(True)
    session.step(30)
    snap = session.snapshot()
    train = session.splits.train
    on_curve = landscape(session.net, train.X, train.Y, snap.loss, "v21", snap.trail_values)
    np.testing.assert_allclose(snap.trail_losses, on_curve, rtol=1e-10)
    assert len(snap.trail_values) == 30
    assert snap.start_value == snap.trail_values[0]
    # the start is on the drawn curve too
    assert snap.figure.values[0] <= snap.start_value <= snap.figure.values[-1]
    start_loss = landscape(session.net, train.X, train.Y, snap.loss, "v21", [snap.start_value])
    assert start_loss[0] == pytest.approx(snap.start_loss)


def test_edit_reset_and_test_evaluation() -> None:
    session = Session()
    session.edit_parameter("w12", 0.25)
    assert session.snapshot().value("w12") == 0.25
    with pytest.raises(ValueError):
        session.edit_parameter("w12", float("inf"))
    with pytest.raises(ValueError, match="between"):
        session.edit_parameter("w12", 1e300)
    session.step(10)
    result = session.evaluate_test()
    assert result.epoch == 10 and session.snapshot().test_result == result
    session.reset()
    snap = session.snapshot()
    assert snap.epoch == 0 and snap.test_result is None and snap.value("w12") != 0.25


def test_divergence_reaches_the_snapshot() -> None:
    session = Session()
    session.set_learning_rate(100)
    session.step(100)
    snap = session.snapshot()
    assert snap.divergence is not None and "diverged" in snap.divergence.message
    assert np.isfinite(snap.parameters).all()


def test_an_impossible_builtin_request_changes_nothing() -> None:
    session = Session()
    with pytest.raises(ValueError):
        session.set_builtin_dataset("xor", n_samples=2)
    assert session.settings.dataset == "vowels" and session.dataset.n_samples == 400
