"""Which choices define the model (for the test-once rule) and which only change the view."""

from dataclasses import fields, replace

import pytest

from nnsim.core.settings import VIEW_FIELDS, Settings, same_model


def test_view_fields_are_fields_of_settings() -> None:
    assert VIEW_FIELDS <= {f.name for f in fields(Settings)}


@pytest.mark.parametrize("change", [
    {"speed": 5.0}, {"landscape_range": (-1.0, 1.0)}, {"data_view_axes": (0, 2)},
    {"examples_table": True}, {"explaining": True, "explain_row": 3}, {"selected": "w12"},
])
def test_looking_differently_is_the_same_model(change) -> None:
    assert same_model(Settings(), replace(Settings(), **change))


@pytest.mark.parametrize("change", [
    {"learning_rate": 0.1}, {"hidden_units": 2}, {"loss": "mse"}, {"weight_seed": 1},
    {"batch_size": 8}, {"ratios": (0.6, 0.2, 0.2)}, {"train_selected_only": True},
    {"early_stopping": 10},
])
def test_training_differently_is_another_model(change) -> None:
    assert not same_model(Settings(), replace(Settings(), **change))


def test_the_selected_parameter_counts_while_only_it_trains() -> None:
    only = replace(Settings(), train_selected_only=True, selected="v31")
    assert not same_model(only, replace(only, selected="w12"))
    assert same_model(only, replace(only, speed=None))
