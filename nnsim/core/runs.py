"""Every run of a session, kept for comparison: its settings and its loss curves.

A run is what trains between two starts from epoch 0 (Reset, new data, split, network, a demo).
When the session starts over, the run that trained is kept here as a frozen :class:`RunRecord`;
the user pins runs to overlay their curves on the loss plot. ``Compare learning rates`` adds
three pinned runs at once, with the path of every weight, so the landscape can draw them too.

Memory is bounded: curves are thinned evenly to ``CURVE_POINTS`` points, paths to
``PATH_POINTS``, and only the newest ``RUN_CAPACITY`` unpinned runs are kept (pinned ones are
never dropped). :func:`differences` and :func:`varying_fields` name what differs between runs as
codes (a field and its value); the window puts them into words ("η = 0.01").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from nnsim.core.frozen import read_only
from nnsim.core.settings import Settings

Array = NDArray[np.float64]

RUN_CAPACITY = 50  # unpinned runs kept; older ones are dropped first
CURVE_POINTS = 2000  # points per kept loss curve (a million-epoch run is thinned evenly)
PATH_POINTS = 300  # positions per kept weight path, as many as the landscape's trail

# What makes one run's curve differ from another's, in the order the differences are named.
# Speed, the selected parameter, the landscape's range and the Data view change nothing trained;
# early stopping only ends a curve sooner.
COMPARED_FIELDS = ("learning_rate", "hidden_units", "hidden_activation", "output_activation",
                   "loss", "batch_size", "weight_seed", "dataset", "n_samples", "noise",
                   "data_seed", "ratios", "split_seed", "train_selected_only")


def _data_key(s: Settings) -> str:
    return s.data_source if s.dataset == "file" else s.dataset


@dataclass(frozen=True)
class Difference:
    """One way a run differs: a settings field and this run's value of it (a code, not text).

    ``field`` is a :class:`Settings` field name, except ``dataset``, whose value is the built-in
    dataset's id or the file's name, and ``train_selected_only``, whose value is the trained
    parameter's name when only it trained (else "").
    """

    field: str
    value: Any


def _value(s: Settings, name: str) -> Any:
    if name == "dataset":
        return _data_key(s)
    if name == "train_selected_only":
        return s.selected if s.train_selected_only else ""
    return getattr(s, name)


def varying_fields(settings: Iterable[Settings]) -> tuple[str, ...]:
    """The compared fields (in naming order) that do not have one value across ``settings``.

    The recipe of the data (samples, noise, seed) only counts between runs on the same data.
    """
    group = list(settings)
    varying = tuple(name for name in COMPARED_FIELDS
                    if len({_key(_value(s, name)) for s in group}) > 1)
    if "dataset" in varying:
        varying = tuple(n for n in varying if n not in ("n_samples", "noise", "data_seed"))
    return varying


def _key(value: Any) -> Any:
    # Learning rates typed and computed (0.05 vs 0.5 / 10) are the same rate.
    return round(value, 12) if isinstance(value, float) else value


def describe(settings: Settings, fields: Sequence[str]) -> tuple[Difference, ...]:
    """``settings``' values of ``fields`` (e.g. from :func:`varying_fields`)."""
    return tuple(Difference(name, _value(settings, name)) for name in fields)


def differences(run: Settings, other: Settings) -> tuple[Difference, ...]:
    """What ``run`` has that ``other`` does not: ``(Difference("learning_rate", 0.01),)`` for
    two runs that differ only in η; empty for equal choices."""
    return describe(run, varying_fields((run, other)))


def thin(n: int, limit: int) -> NDArray[np.intp]:
    """At most ``limit`` evenly spread indices into ``n`` items, the first and last included."""
    if n <= limit:
        return np.arange(n)
    return np.unique(np.round(np.linspace(0, n - 1, limit)).astype(np.intp))


@dataclass(frozen=True, eq=False)
class RunRecord:
    """One finished (or compared) run.

    Attributes
    ----------
    id : its number in the session, from 1 on.
    settings : the choices it trained with (those of its last epoch).
    epochs, train_loss, dev_loss : its loss curves from epoch 0 on (thinned, read-only).
    last_epoch : epochs it trained.
    final_train_loss, final_dev_loss : its numbers at ``last_epoch``.
    diverged : it was stopped by the divergence check.
    pinned : its curves are overlaid on the loss plot.
    compared : one of the runs of a "Compare learning rates".
    changed : the compared settings fields that changed while it trained (``settings`` holds
        their last values), e.g. ``("learning_rate",)`` after turning η mid-run.
    parameter_names : the names of ``path_parameters``' columns (compared runs only).
    path_epochs, path_parameters, path_losses : every parameter's value and the training loss
        after each epoch from epoch 0 on (thinned to ``PATH_POINTS``; compared runs only).
    """

    id: int
    settings: Settings
    epochs: Array
    train_loss: Array
    dev_loss: Array
    last_epoch: int
    final_train_loss: float
    final_dev_loss: float
    diverged: bool = False
    pinned: bool = False
    compared: bool = False
    changed: tuple[str, ...] = ()
    parameter_names: tuple[str, ...] = ()
    path_epochs: Array | None = None
    path_parameters: Array | None = None
    path_losses: Array | None = None

    def path(self, name: str) -> tuple[Array, Array] | None:
        """``(values of parameter name, training losses)`` after each kept epoch, or None."""
        if self.path_parameters is None or self.path_losses is None:
            return None
        if name not in self.parameter_names:
            return None
        return (self.path_parameters[:, self.parameter_names.index(name)], self.path_losses)


def make_record(run_id: int, settings: Settings, history: dict[str, Array], diverged: bool,
                pinned: bool = False, compared: bool = False,
                path: tuple[tuple[str, ...], Array] | None = None,
                changed: tuple[str, ...] = ()) -> RunRecord:
    """A :class:`RunRecord` from a history's columns (``epoch``, ``train_loss``, ``dev_loss``)
    and, optionally, ``(parameter names, parameters per epoch)`` from epoch 0 on."""
    epochs = np.asarray(history["epoch"], dtype=np.float64)
    train = np.asarray(history["train_loss"], dtype=np.float64)
    dev = np.asarray(history["dev_loss"], dtype=np.float64)
    keep = thin(epochs.size, CURVE_POINTS)
    last = int(epochs[-1]) if epochs.size else 0
    final = (float(train[-1]), float(dev[-1])) if epochs.size else (np.nan, np.nan)
    names: tuple[str, ...] = ()
    path_epochs = path_parameters = path_losses = None
    if path is not None:
        names, parameters = path
        # Row e of ``parameters`` is epoch e; a long history keeps only some epochs.
        index = epochs.astype(np.intp)
        known = np.flatnonzero(index < parameters.shape[0])
        rows = known[thin(known.size, PATH_POINTS)]
        path_epochs = read_only(epochs[rows])
        path_parameters = read_only(parameters[index[rows]])
        path_losses = read_only(train[rows])
    return RunRecord(run_id, settings, read_only(epochs[keep]), read_only(train[keep]),
                     read_only(dev[keep]), last, final[0], final[1], bool(diverged),
                     pinned, compared, tuple(changed), tuple(names), path_epochs,
                     path_parameters, path_losses)


class RunLog:
    """The session's runs, oldest first, bounded (pinned runs are never dropped).

    ``runs`` is an immutable tuple, replaced (not changed) whenever the log changes, so a
    snapshot can hand it to the window as it is and a view can tell by identity that nothing
    changed.
    """

    def __init__(self, capacity: int = RUN_CAPACITY) -> None:
        self.capacity = capacity
        self.runs: tuple[RunRecord, ...] = ()
        self._next_id = 1

    def add(self, settings: Settings, history: dict[str, Array], diverged: bool = False,
            **options: Any) -> RunRecord:
        """Keep a run (see :func:`make_record` for ``options``); returns its record."""
        record = make_record(self._next_id, settings, history, diverged, **options)
        self._next_id += 1
        self.runs = self._trimmed(self.runs + (record,))
        return record

    def pin(self, run_id: int, on: bool = True) -> None:
        """Overlay run ``run_id``'s curves (or stop); KeyError for a run that is not kept."""
        if run_id not in {r.id for r in self.runs}:
            raise KeyError(f"no run {run_id} in this session")
        self.runs = self._trimmed(tuple(replace(r, pinned=bool(on)) if r.id == run_id else r
                                        for r in self.runs))

    def unpin_all(self) -> None:
        """No overlays any more (the runs stay in the list)."""
        if any(r.pinned for r in self.runs):
            self.runs = self._trimmed(tuple(replace(r, pinned=False) if r.pinned else r
                                            for r in self.runs))

    def pinned(self) -> tuple[RunRecord, ...]:
        return tuple(r for r in self.runs if r.pinned)

    def _trimmed(self, runs: tuple[RunRecord, ...]) -> tuple[RunRecord, ...]:
        unpinned = [r.id for r in runs if not r.pinned]
        dropped = set(unpinned[:max(0, len(unpinned) - self.capacity)])
        return tuple(r for r in runs if r.id not in dropped)
