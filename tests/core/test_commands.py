"""Commands are plain data: every one round-trips through JSON."""

from __future__ import annotations

import json

import pytest

from nnsim.core import commands as cmd
from nnsim.core.datasets import make_builtin
from nnsim.core.settings import Settings

EXAMPLES: list[cmd.Command] = [
    cmd.SetBuiltinDataset("xor", 200, 0.3, 4), cmd.SetBuiltinDataset("vowels"),
    cmd.SetData(make_builtin("regression", n_samples=40), "mine.csv"),
    cmd.LoadCsv("/tmp/data.csv"), cmd.SetSplit((0.6, 0.2, 0.2), 3), cmd.SetHiddenUnits(4),
    cmd.SetHiddenActivation("relu"), cmd.SetOutputActivation("softmax"), cmd.SetLoss("mae"),
    cmd.SetOutputAndLoss("sigmoid", "bce"), cmd.SetWeightSeed(7), cmd.SetLearningRate(0.05),
    cmd.SetBatchSize(None), cmd.SetBatchSize(16), cmd.SetSpeed(None), cmd.SetSpeed(30.0),
    cmd.Reset(), cmd.Step(5), cmd.EvaluateTest(), cmd.EditParameter("w12", -0.25),
    cmd.SelectParameter("v31"), cmd.SetTrainSelectedOnly(True),
    cmd.SetLandscapeRange((-2.0, 3.0)), cmd.SetLandscapeRange(None),
    cmd.Restore(Settings(dataset="xor", hidden_units=5, batch_size=8, speed=None,
                         landscape_range=(-1.0, 2.0), ratios=(0.6, 0.2, 0.2))),
    cmd.Restore(Settings(learning_rate=0.1), make_builtin("vowels", n_samples=40)),
    cmd.SetEarlyStopping(50), cmd.SetEarlyStopping(None), cmd.RestoreBest(),
    cmd.SetDataViewAxes((0, 2)), cmd.SetDataViewAxes(None),
    cmd.PinRun(3), cmd.PinRun(4, False), cmd.ClearComparison(),
    cmd.CompareLearningRates((0.05, 0.5, 5.0), 200),
    cmd.SetExplain(True, 3), cmd.SetExplain(False),
    cmd.SetExamplesTable(True), cmd.SetExamplesTable(False),
]


def test_every_command_kind_has_an_example() -> None:
    assert {type(c).__name__ for c in EXAMPLES} == set(cmd.COMMANDS)


@pytest.mark.parametrize("command", EXAMPLES, ids=lambda c: type(c).__name__)
def test_round_trip_through_json(command: cmd.Command) -> None:
    text = json.dumps(cmd.to_dict(command))
    again = cmd.from_dict(json.loads(text))
    assert again == command and type(again) is type(command)


def test_loaded_rows_come_back_bit_for_bit() -> None:
    original = cmd.SetData(make_builtin("vowels", n_samples=60), "v.csv")
    again = cmd.from_dict(json.loads(json.dumps(cmd.to_dict(original))))
    assert (again.dataset.X == original.dataset.X).all()
    assert (again.dataset.Y == original.dataset.Y).all()
    assert again.dataset.task == "classification"
    assert again != cmd.SetData(make_builtin("vowels", n_samples=61), "v.csv")


@pytest.mark.parametrize("data", [{"command": "Explode"}, {"value": 1}, [],
                                  {"command": "SetLearningRate", "value": 1, "extra": 2}])
def test_anything_else_is_refused(data) -> None:
    with pytest.raises(ValueError):
        cmd.from_dict(data)
