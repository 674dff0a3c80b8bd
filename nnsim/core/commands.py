"""The vocabulary of user intentions: one frozen dataclass per thing a user can ask of a session.

The window never changes the model by calling methods or sending closures: it builds one of these
commands and the training thread hands it to :meth:`nnsim.core.session.Session.apply`. Because a
command is plain data it can be logged, replayed, saved in a lesson file, run headless (demos,
sweeps) and undone generically: ``Session.apply`` returns the command that restores the previous
state, read from the model at the moment it applied the command.

Every command round-trips through JSON: ``from_dict(json.loads(json.dumps(to_dict(c)))) == c``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnsim.core.datasets import Dataset
from nnsim.core.settings import Settings


@dataclass(frozen=True)
class Command:
    """Base class: a user intention, applied by :meth:`Session.apply`."""


# ----------------------------------------------------------------------------- data
@dataclass(frozen=True)
class SetBuiltinDataset(Command):
    """Switch to a built-in dataset; None for samples or noise means the dataset's default."""

    dataset: str
    n_samples: int | None = None
    noise: float | None = None
    seed: int | None = None


@dataclass(frozen=True, eq=False)
class SetData(Command):
    """Train on these rows (an imported file, or the data restored by undo or a lesson)."""

    dataset: Dataset
    source: str = ""  # the file it came from, for the window's title of the data

    def __eq__(self, other: object) -> bool:
        # Datasets compare by identity (they may hold 200,000 rows); commands by content.
        return isinstance(other, SetData) and to_dict(self) == to_dict(other)

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class LoadCsv(Command):
    """Read a CSV file in the training thread and train on it (errors: DatasetError)."""

    path: str


@dataclass(frozen=True)
class SetSplit(Command):
    """New train/dev/test ratios (they sum to 1) and split seed."""

    ratios: tuple[float, float, float]
    seed: int


# ----------------------------------------------------------------------------- the network
@dataclass(frozen=True)
class SetHiddenUnits(Command):
    count: int


@dataclass(frozen=True)
class SetHiddenActivation(Command):
    name: str


@dataclass(frozen=True)
class SetOutputActivation(Command):
    """Choose the output activation; a loss that no longer fits is switched (a notice says so)."""

    name: str


@dataclass(frozen=True)
class SetLoss(Command):
    """Choose the loss; an output activation it cannot work with is switched (with a notice)."""

    name: str


@dataclass(frozen=True)
class SetOutputAndLoss(Command):
    """Both at once, as a pair that fits (what undoing a switch of either restores)."""

    output_activation: str
    loss: str


@dataclass(frozen=True)
class SetWeightSeed(Command):
    """The seed of the initial weights, used from the next Reset on."""

    seed: int


# ----------------------------------------------------------------------------- training
@dataclass(frozen=True)
class SetLearningRate(Command):
    value: float


@dataclass(frozen=True)
class SetBatchSize(Command):
    """Rows per gradient step; None = the whole training set (full batch)."""

    size: int | None


@dataclass(frozen=True)
class SetEarlyStopping(Command):
    """Stop when the dev loss has not improved for ``patience`` epochs; None = never."""

    patience: int | None


@dataclass(frozen=True)
class RestoreBest(Command):
    """Back to the weights (and epoch) with the lowest dev loss of the run."""


@dataclass(frozen=True)
class SetSpeed(Command):
    """Epochs per second while training runs; None = as fast as the machine goes."""

    epochs_per_second: float | None


@dataclass(frozen=True)
class Reset(Command):
    """New initial weights from the weight seed, epoch 0, a fresh history."""


@dataclass(frozen=True)
class Step(Command):
    """Train this many epochs now (the Step button is ``Step(1)``)."""

    epochs: int = 1


@dataclass(frozen=True)
class EvaluateTest(Command):
    """The final evaluation of the current weights on the test split."""


# ----------------------------------------------------------------------------- parameters
@dataclass(frozen=True)
class EditParameter(Command):
    """Set one weight or bias by hand (e.g. ``EditParameter("v31", -0.5)``)."""

    name: str
    value: float


@dataclass(frozen=True)
class SelectParameter(Command):
    """Show this parameter in the landscape (a name the network no longer has is ignored)."""

    name: str


@dataclass(frozen=True)
class SetTrainSelectedOnly(Command):
    on: bool


@dataclass(frozen=True)
class SetLandscapeRange(Command):
    """Fix the landscape's weight range; None = automatic."""

    value_range: tuple[float, float] | None


@dataclass(frozen=True, eq=False)
class Restore(Command):
    """Start over from these settings (and these rows, or the built-in recipe in the settings):
    what a lecture demo or a lesson file sets up in one step."""

    settings: Settings
    dataset: Dataset | None = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Restore) and to_dict(self) == to_dict(other)

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class SetDataViewAxes(Command):
    """Plot the data over these two inputs (0-based); None = the Data view is closed."""

    axes: tuple[int, int] | None


@dataclass(frozen=True)
class SetExplain(Command):
    """Step explainer on or off, following training row ``row`` (0-based) or, with None, the
    mean over every training row."""

    on: bool
    row: int | None = None


@dataclass(frozen=True)
class SetExamplesTable(Command):
    """Compute every row's output and loss for the Examples table; False = it is closed."""

    on: bool


# ----------------------------------------------------------------------------- runs
@dataclass(frozen=True)
class PinRun(Command):
    """Overlay a kept run's curves on the loss plot (or stop): ``run_id`` from ``snapshot.runs``."""

    run_id: int
    on: bool = True


@dataclass(frozen=True)
class ClearComparison(Command):
    """Unpin every run: the loss plot and the landscape show the current run only."""


@dataclass(frozen=True)
class CompareLearningRates(Command):
    """Train the current run's initial weights ``epochs`` epochs with each η, kept as pinned
    runs (the current run goes on unchanged)."""

    learning_rates: tuple[float, ...]
    epochs: int


COMMANDS: dict[str, type[Command]] = {
    cls.__name__: cls for cls in (
        SetBuiltinDataset, SetData, LoadCsv, SetSplit, SetHiddenUnits, SetHiddenActivation,
        SetOutputActivation, SetLoss, SetOutputAndLoss, SetWeightSeed, SetLearningRate,
        SetBatchSize, SetSpeed, Reset, Step, EvaluateTest, EditParameter, SelectParameter,
        SetTrainSelectedOnly, SetLandscapeRange, Restore, SetEarlyStopping, RestoreBest,
        SetDataViewAxes, PinRun, ClearComparison, CompareLearningRates, SetExplain,
        SetExamplesTable)
}


@dataclass(frozen=True)
class Notice:
    """Something the session did on its own that the user should hear about, as a code.

    The window turns ``code`` and ``params`` into a translated sentence; the core builds none.
    Codes: ``output_activation_switched`` (loss, output_activation), ``loss_switched``
    (output_activation, loss), ``diverged`` (the Divergence's fields), ``data_loaded`` (source,
    rows).
    """

    code: str
    params: dict[str, Any] = field(default_factory=dict)


# ----------------------------------------------------------------------------- JSON
def to_dict(command: Command) -> dict[str, Any]:
    """A command as JSON-ready data: ``{"command": "SetLearningRate", "value": 0.1}``."""
    data: dict[str, Any] = {"command": type(command).__name__}
    for f in dataclasses.fields(command):
        data[f.name] = _to_json(getattr(command, f.name))
    return data


def from_dict(data: dict[str, Any]) -> Command:
    """The command that :func:`to_dict` wrote (ValueError for anything else)."""
    if not isinstance(data, dict) or data.get("command") not in COMMANDS:
        raise ValueError(f"not a command: {data!r:.200}")
    cls = COMMANDS[data["command"]]
    names = {f.name: f for f in dataclasses.fields(cls)}
    unknown = set(data) - set(names) - {"command"}
    if unknown:
        raise ValueError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")
    kwargs = {name: _from_json(cls, name, data[name]) for name in names if name in data}
    return cls(**kwargs)


def _to_json(value: Any) -> Any:
    if isinstance(value, Settings):
        return {f.name: _to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Dataset):
        return {"name": value.name, "task": value.task, "X": value.X.tolist(),
                "Y": value.Y.tolist(), "feature_names": list(value.feature_names),
                "target_names": list(value.target_names)}
    if isinstance(value, tuple):
        return [_to_json(v) for v in value]
    if isinstance(value, (np.floating, np.integer)):
        return value.item()
    return value


def _from_json(cls: type[Command], name: str, value: Any) -> Any:
    if cls is Restore and name == "settings":
        known = {f.name for f in dataclasses.fields(Settings)}
        # Unknown keys (from a newer nnsim) are ignored; lists are tuples (ratios, ranges).
        fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v
                                  for k, v in value.items() if k in known}
        return Settings(**fields)
    if value is None:
        return None
    if name == "dataset" and cls in (SetData, Restore):
        return Dataset(X=np.asarray(value["X"], dtype=np.float64),
                       Y=np.asarray(value["Y"], dtype=np.float64), task=value["task"],
                       feature_names=tuple(value["feature_names"]),
                       target_names=tuple(value["target_names"]), name=value["name"])
    if isinstance(value, list):  # tuples (ratios, ranges) travel as JSON lists
        return tuple(value)
    return value
