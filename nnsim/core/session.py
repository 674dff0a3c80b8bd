"""The whole simulation behind the window: data, network, trainer, selection, landscape.

A Session is changed only through :meth:`Session.apply` with a command from
:mod:`nnsim.core.commands`, and every view is drawn from :meth:`Session.snapshot`. Its choices
live in one place, ``session.settings``; the network, trainer and splits are built from them and
never disagree with them. It is plain Python, owned by one thread at a time (the training
worker), and testable without a display.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import numpy as np

from nnsim.core import commands as cmd
from nnsim.core.command_errors import CommandError
from nnsim.core.commands import Command, Notice
from nnsim.core.csv_loader import load_csv
from nnsim.core.datasets import BUILTIN_DATASETS, CLASSIFICATION, Dataset
from nnsim.core.example_rows import ExampleRowsCache
from nnsim.core.explain_cache import TraceCache
from nnsim.core.losses import (PREFERRED_OUTPUT, check_pairing, check_task, get_loss,
                               loss_for_output, loss_refusal)
from nnsim.core.network import MAX_UNITS, Network
from nnsim.core.session_picture import TRAIL_LENGTH, SessionPicture
from nnsim.core.runs import RunLog
from nnsim.core.session_runs import SessionRuns
from nnsim.core.settings import FILE_DATASET, Settings
from nnsim.core.snapshot import TestResult
from nnsim.core.splits import Splits, split
from nnsim.core.trainer import Trainer

__all__ = ["Applied", "Session", "Settings", "default_loss_for", "MAX_EDIT_MAGNITUDE",
           "TRAIL_LENGTH"]

# Hand edits beyond this magnitude are refused: every unit they reach saturates, and the next
# gradient step throws the other weights out by as much (1e300 makes them 1e298).
MAX_EDIT_MAGNITUDE = 1000.0


@dataclass(frozen=True)
class Applied:
    """What :meth:`Session.apply` did.

    Attributes
    ----------
    command : the command applied.
    inverse : the command that restores what it changed (read from the model just before), or
        None if it is not undoable or changed nothing.
    notices : what the session did on its own, as codes for the window to put into words.
    """

    command: Command
    inverse: Command | None
    notices: tuple[Notice, ...] = ()


def default_loss_for(dataset: Dataset) -> str:
    """The lecture's advice: MSE for regression, categorical cross-entropy for classes."""
    return "cce" if dataset.task == CLASSIFICATION else "mse"


class Session(SessionRuns, SessionPicture):
    """Data, network and trainer, plus what the landscape and the run's start need.

    Parameters
    ----------
    settings : initial choices; the dataset is generated from them unless ``dataset`` is given.
        A loss that does not fit the data (cross-entropy on regression) is replaced by the
        data's default loss.
    dataset : use this data instead of the built-in named in ``settings``.
    """

    def __init__(self, settings: Settings | None = None, dataset: Dataset | None = None) -> None:
        settings = settings or Settings()
        if dataset is None:
            settings = _resolve_recipe(settings)
            dataset = _make_builtin(settings)
        elif settings.dataset in BUILTIN_DATASETS and dataset.name:
            settings = replace(settings, dataset=FILE_DATASET, data_source=dataset.name,
                               n_samples=None, noise=None)
        if loss_refusal(settings.loss, dataset.task, dataset.Y) is not None:
            loss = default_loss_for(dataset)
            settings = replace(settings, loss=loss, output_activation=PREFERRED_OUTPUT[loss])
        self.settings = settings
        self.dataset = dataset
        self.test_result: TestResult | None = None
        self._auto_range: tuple[float, float] | None = None
        self._trail: deque[tuple[float, float]] = deque(maxlen=TRAIL_LENGTH)
        self._between_batches: Callable[[], None] | None = None
        self._grid = None  # the Data view's last background (see SessionPicture._data_grid)
        self.runs = RunLog()  # every run of the session (see SessionRuns)
        self._run_settings: tuple[Settings, Settings] | None = None
        self._explained = TraceCache()  # the step explainer's (SessionPicture._step_trace)
        self._examples = ExampleRowsCache()  # the Examples table's numbers, while it is shown
        self._build(split(dataset, settings.ratios, settings.split_seed))
        self._handlers: dict[type, Callable[..., list[Notice] | None]] = {
            cmd.SetBuiltinDataset: self._set_builtin_dataset, cmd.SetData: self._set_data,
            cmd.LoadCsv: self._load_csv, cmd.SetSplit: self._set_split,
            cmd.SetHiddenUnits: self._set_hidden_units,
            cmd.SetHiddenActivation: self._set_hidden_activation,
            cmd.SetOutputActivation: self._set_output_activation, cmd.SetLoss: self._set_loss,
            cmd.SetOutputAndLoss: self._set_output_and_loss,
            cmd.SetWeightSeed: self._set_weight_seed,
            cmd.SetLearningRate: self._set_learning_rate, cmd.SetBatchSize: self._set_batch_size,
            cmd.SetSpeed: self._set_speed, cmd.Reset: lambda c: self.reset(),
            cmd.Step: lambda c: self.step(c.epochs),
            cmd.EvaluateTest: lambda c: self._evaluate(),
            cmd.EditParameter: self._edit_parameter, cmd.SelectParameter: self._select,
            cmd.SetTrainSelectedOnly: self._set_train_selected_only,
            cmd.SetLandscapeRange: self._set_landscape_range, cmd.Restore: self._restore,
            cmd.SetEarlyStopping: self._set_early_stopping, cmd.RestoreBest: self._restore_best,
            cmd.PinRun: self._pin_run, cmd.ClearComparison: self._clear_comparison,
            cmd.CompareLearningRates: self._compare_learning_rates,
            cmd.SetDataViewAxes: self._set_data_view_axes, cmd.SetExplain: self._set_explain,
            cmd.SetExamplesTable: self._set_examples_table,
        }

    # ----------------------------------------------------------------- what is derived
    @property
    def splits(self) -> Splits:
        """The train/dev/test split the trainer trains on (it has the only copy)."""
        return self.trainer.splits

    @property
    def selected(self) -> str:
        return self.settings.selected

    @property
    def train_selected_only(self) -> bool:
        return self.settings.train_selected_only

    @property
    def landscape_range(self) -> tuple[float, float] | None:
        return self.settings.landscape_range

    @property
    def between_batches(self) -> Callable[[], None] | None:
        """Called after every mini-batch of every trainer this session builds (see Trainer)."""
        return self._between_batches

    @between_batches.setter
    def between_batches(self, hook: Callable[[], None] | None) -> None:
        self._between_batches = hook
        self.trainer.between_batches = hook

    # ----------------------------------------------------------------- the one way in
    def apply(self, command: Command) -> Applied:
        """Carry out a user's command.

        Returns what was done (with the command that undoes it). A command the session refuses
        raises ValueError (or KeyError for an unknown parameter name, DatasetError for a file
        that cannot be read) and changes nothing; anything that is not a command raises
        TypeError.
        """
        handler = self._handlers.get(type(command))
        if handler is None:
            raise TypeError(f"not a session command: {command!r}")
        inverse = self._inverse(command)
        notices = handler(command) or []
        return Applied(command, inverse, tuple(notices))

    def _inverse(self, command: Command) -> Command | None:
        """The command that puts back what ``command`` is about to change."""
        s = self.settings
        if isinstance(command, (cmd.SetBuiltinDataset, cmd.SetData, cmd.LoadCsv)):
            if s.dataset in BUILTIN_DATASETS:
                return cmd.SetBuiltinDataset(s.dataset, s.n_samples, s.noise, s.data_seed)
            return cmd.SetData(self.dataset, s.data_source)
        if isinstance(command, cmd.Restore):
            return cmd.Restore(s, None if s.dataset in BUILTIN_DATASETS else self.dataset)
        if isinstance(command, (cmd.SetLoss, cmd.SetOutputActivation, cmd.SetOutputAndLoss)):
            return cmd.SetOutputAndLoss(s.output_activation, s.loss)
        if isinstance(command, cmd.EditParameter):
            return cmd.EditParameter(command.name, self.net[command.name])
        simple: dict[type, Callable[[], Command]] = {
            cmd.SetSplit: lambda: cmd.SetSplit(s.ratios, s.split_seed),
            cmd.SetHiddenUnits: lambda: cmd.SetHiddenUnits(s.hidden_units),
            cmd.SetHiddenActivation: lambda: cmd.SetHiddenActivation(s.hidden_activation),
            cmd.SetWeightSeed: lambda: cmd.SetWeightSeed(s.weight_seed),
            cmd.SetLearningRate: lambda: cmd.SetLearningRate(s.learning_rate),
            cmd.SetBatchSize: lambda: cmd.SetBatchSize(s.batch_size),
            cmd.SetEarlyStopping: lambda: cmd.SetEarlyStopping(s.early_stopping),
            cmd.SetTrainSelectedOnly: lambda: cmd.SetTrainSelectedOnly(s.train_selected_only),
        }
        make = simple.get(type(command))
        if make is None:
            return None
        inverse = make()
        return None if inverse == command else inverse

    # ----------------------------------------------------------------- construction
    def _build(self, splits: Splits) -> None:
        """A fresh network and trainer for the current settings (weights from the seed)."""
        self._end_run()  # the old network's run is over
        s = self.settings
        self.net = Network((self.dataset.n_features, s.hidden_units, self.dataset.n_outputs),
                           s.hidden_activation, s.output_activation, s.weight_seed)
        self.trainer = Trainer(self.net, splits, s.loss, s.learning_rate, s.batch_size,
                               seed=s.weight_seed, early_stopping=s.early_stopping)
        self.trainer.between_batches = self._between_batches
        if s.selected not in self.net.names:
            self.settings = replace(s, selected=self.steepest_output_weight(),
                                    landscape_range=None)
        self._apply_frozen()
        self.test_result = None
        self._mark_run_start()

    def _mark_run_start(self) -> None:
        """Remember where the run starts (the landscape's "Initial weight + loss")."""
        self._start_vector = self.net.get_vector()
        self._test_looks = 0  # a new run has not seen the test set yet
        self._run_settings = None  # nothing trained yet (see SessionRuns._end_run)
        self._trail.clear()
        self._auto_range = None

    def _change(self, **changes: object) -> Settings:
        """Replace some settings; returns the old ones (to put back if building fails)."""
        old = self.settings
        self.settings = replace(old, **changes)  # type: ignore[arg-type]
        return old

    def _rebuild(self, splits: Splits | None = None, **changes: object) -> None:
        """New settings that need a new network; on any error nothing has changed."""
        old, old_net, old_trainer = self._change(**changes), self.net, self.trainer
        try:
            self._build(splits if splits is not None else self.trainer.splits)
        except Exception:
            self.settings, self.net, self.trainer = old, old_net, old_trainer
            raise

    # ----------------------------------------------------------------- data
    def _restore(self, c: cmd.Restore) -> None:
        # A whole new session, built (and validated) before anything here changes.
        fresh = Session(c.settings, c.dataset)
        self._end_run()
        kept = {"_handlers": self._handlers, "_between_batches": self._between_batches,
                "runs": self.runs}
        self.__dict__.update({k: v for k, v in fresh.__dict__.items() if k not in kept})
        self.trainer.between_batches = self._between_batches

    def _set_builtin_dataset(self, c: cmd.SetBuiltinDataset) -> None:
        if c.dataset not in BUILTIN_DATASETS:
            raise CommandError("unknown_dataset", dataset=c.dataset)
        recipe = _resolve_recipe(replace(
            self.settings, dataset=c.dataset, n_samples=c.n_samples, noise=c.noise,
            data_seed=self.settings.data_seed if c.seed is None else int(c.seed)))
        self._use_dataset(_make_builtin(recipe), dataset=c.dataset,
                          n_samples=recipe.n_samples, noise=recipe.noise,
                          data_seed=recipe.data_seed, data_source="")

    def _set_data(self, c: cmd.SetData) -> list[Notice]:
        self._use_dataset(c.dataset, dataset=FILE_DATASET, n_samples=None, noise=None,
                          data_source=c.source or c.dataset.name)
        return [Notice("data_loaded", {"source": self.settings.data_source,
                                       "rows": c.dataset.n_samples})]

    def _load_csv(self, c: cmd.LoadCsv) -> list[Notice]:
        dataset = load_csv(c.path)  # DatasetError (a ValueError) names the file and the line
        return self._set_data(cmd.SetData(dataset, Path(c.path).name))

    def _use_dataset(self, data: Dataset, **changes: object) -> None:
        """Train on ``dataset`` from now on: new splits, a new network, epoch 0, the loss that
        fits its task. The split is made first, so data that cannot be split changes nothing."""
        splits = split(data, self.settings.ratios, self.settings.split_seed)
        loss = default_loss_for(data)
        axes = self.settings.data_view_axes
        if axes is not None and max(axes) >= data.n_features:
            changes["data_view_axes"] = (0, 1) if data.n_features > 1 else None
        changes["explain_row"] = None  # a row of other data: the explainer follows the mean
        old_dataset = self.dataset
        self.dataset = data
        try:
            self._rebuild(splits, loss=loss, output_activation=PREFERRED_OUTPUT[loss],
                          **changes)
        except Exception:
            self.dataset = old_dataset
            raise

    def _set_split(self, c: cmd.SetSplit) -> None:
        ratios = tuple(float(r) for r in c.ratios)
        splits = split(self.dataset, ratios, int(c.seed))  # ValueError before anything changes
        self.trainer.set_splits(splits)
        row = self.settings.explain_row
        if row is not None and row >= splits.train.n_samples:
            row = None  # the explainer's row is gone from the new training split
        self._change(ratios=ratios, split_seed=int(c.seed), explain_row=row)
        self.reset()

    # ----------------------------------------------------------------- model choices
    def _set_hidden_units(self, c: cmd.SetHiddenUnits) -> None:
        if not 1 <= int(c.count) <= MAX_UNITS:
            raise CommandError("hidden_units", maximum=MAX_UNITS, count=c.count)
        self._rebuild(hidden_units=int(c.count))

    def _set_hidden_activation(self, c: cmd.SetHiddenActivation) -> None:
        self.net.hidden_activation = c.name  # raises for an unknown name
        self._change(hidden_activation=c.name)
        self._loss_function_changed()

    def _set_output_activation(self, c: cmd.SetOutputActivation) -> list[Notice]:
        loss = self.settings.loss
        required = get_loss(loss).required_output
        notices = []
        if required not in (None, c.name):
            loss = loss_for_output(c.name, self.dataset.task)
            notices.append(Notice("loss_switched", {"output_activation": c.name, "loss": loss,
                                                    "previous_loss": self.settings.loss}))
        self._set_output_and_loss(cmd.SetOutputAndLoss(c.name, loss))
        return notices

    def _set_loss(self, c: cmd.SetLoss) -> list[Notice]:
        required = get_loss(c.name).required_output
        output = self.settings.output_activation
        notices = []
        if required is not None and required != output:
            output = required
            notices.append(Notice("output_activation_switched",
                                  {"loss": c.name, "output_activation": required}))
        self._set_output_and_loss(cmd.SetOutputAndLoss(output, c.name))
        return notices

    def _set_output_and_loss(self, c: cmd.SetOutputAndLoss) -> None:
        # Validate the pair first: a refused pair leaves network, trainer and settings alone.
        check_pairing(c.loss, c.output_activation)
        check_task(c.loss, self.dataset.task, self.dataset.Y)
        self.net.output_activation = c.output_activation
        self.trainer.loss = c.loss
        self._change(output_activation=c.output_activation, loss=c.loss)
        self._loss_function_changed()

    def _loss_function_changed(self) -> None:
        """The curve means something else now: old trail points and ranges no longer fit it."""
        self.trainer.restart_divergence_check()
        self._trail.clear()
        self._auto_range = None

    def _set_weight_seed(self, c: cmd.SetWeightSeed) -> None:
        self._change(weight_seed=int(c.seed))

    def _set_learning_rate(self, c: cmd.SetLearningRate) -> None:
        self.trainer.learning_rate = c.value  # validates
        self._change(learning_rate=self.trainer.learning_rate)

    def _set_batch_size(self, c: cmd.SetBatchSize) -> None:
        self.trainer.batch_size = c.size  # validates
        self._change(batch_size=self.trainer.batch_size)

    def _set_early_stopping(self, c: cmd.SetEarlyStopping) -> None:
        self.trainer.early_stopping = c.patience  # validates
        self._change(early_stopping=self.trainer.early_stopping)

    def _restore_best(self, c: cmd.RestoreBest) -> None:
        self.trainer.restore_best()
        self.test_result = None
        self._trail.clear()
        self._auto_range = None

    def _set_data_view_axes(self, c: cmd.SetDataViewAxes) -> None:
        axes = None if c.axes is None else (int(c.axes[0]), int(c.axes[1]))
        n = self.dataset.n_features
        if axes is not None and (axes[0] == axes[1] or not all(0 <= a < n for a in axes)):
            raise CommandError("data_view_axes", inputs=n)
        self._change(data_view_axes=axes)

    def _set_explain(self, c: cmd.SetExplain) -> None:
        row = c.row
        if row is not None:
            n = self.trainer.splits.train.n_samples
            if isinstance(row, bool) or not 0 <= int(row) < n:
                raise CommandError("explain_row", rows=n, row=row + 1)  # numbered from 1
            row = int(row)
        self._change(explaining=bool(c.on), explain_row=row)
        self._explained.refresh()  # asked for now: the trace of these very weights

    def _set_examples_table(self, c: cmd.SetExamplesTable) -> None:
        self._change(examples_table=bool(c.on))

    def _set_speed(self, c: cmd.SetSpeed) -> None:
        speed = c.epochs_per_second
        if speed is not None and not (np.isfinite(speed) and speed > 0):
            raise CommandError("speed")
        self._change(speed=None if speed is None else float(speed))

    # ----------------------------------------------------------------- selection and landscape
    def _select(self, c: cmd.SelectParameter) -> None:
        if c.name not in self.net.names:
            return  # a click on a network the user has already changed: nothing to show
        if c.name != self.settings.selected:
            self._change(selected=c.name, landscape_range=None)
            self._trail.clear()
            self._auto_range = None
            self._apply_frozen()

    def steepest_output_weight(self) -> str:
        """The hidden→output weight with the steepest slope: the clearest first picture.

        With softmax + cross-entropy (and with a linear output + MSE) the loss is convex in an
        output weight, so its slice is the lecture's U-shaped curve.
        """
        train = self.trainer.splits.train
        with np.errstate(all="ignore"):
            gradient = np.abs(self.net.gradient(train.X, train.Y, self.trainer.loss))
        candidates = [i for i, n in enumerate(self.net.names) if n.startswith("v")]
        return self.net.names[max(candidates, key=lambda i: gradient[i])]

    def _set_train_selected_only(self, c: cmd.SetTrainSelectedOnly) -> None:
        self._change(train_selected_only=bool(c.on))
        self._apply_frozen()
        self._auto_range = None

    def _apply_frozen(self) -> None:
        selected = self.settings.selected
        self.trainer.frozen = ([n for n in self.net.names if n != selected]
                               if self.settings.train_selected_only else ())

    def _set_landscape_range(self, c: cmd.SetLandscapeRange) -> None:
        value_range = c.value_range
        if value_range is not None:
            lo, hi = map(float, value_range)
            if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
                raise CommandError("landscape_range")
            value_range = (lo, hi)
        self._change(landscape_range=value_range)
        self._auto_range = None

    # ----------------------------------------------------------------- editing and running
    def _edit_parameter(self, c: cmd.EditParameter) -> None:
        value = float(c.value)
        if not abs(value) <= MAX_EDIT_MAGNITUDE:  # also refuses nan
            raise CommandError("edit_magnitude", name=c.name, limit=MAX_EDIT_MAGNITUDE)
        self.net[c.name] = value
        self.trainer.restart_divergence_check()
        self.test_result = None
        if self.trainer.epoch == 0:
            # Before any training, a typed weight is where the run starts (a lesson's hand-set
            # starting point): the initial point and the curve's first record move with it.
            self.trainer.mark_start()
            self._mark_run_start()

    def reset(self) -> None:
        """New initial weights from the seed, epoch 0, fresh history."""
        self._end_run()
        self.trainer.seed = self.settings.weight_seed
        self.trainer.reset(self.settings.weight_seed)
        self.test_result = None
        self._mark_run_start()

    def step(self, epochs: int = 1) -> None:
        """Train ``epochs`` epochs (fewer if the run diverges), recording the selected weight."""
        index = self.net.index(self.settings.selected)
        for _ in range(int(epochs)):
            if self.trainer.diverged is not None:
                break
            record = self.trainer.step()
            self._note_trained()  # what this run trained with (SessionRuns)
            if record is not None and self.trainer.diverged is None:
                # The record is measured after the update, at the weight's new value.
                self._trail.append((float(self.net.parameters[index]), record.train_loss))

    def _evaluate(self) -> None:
        self.evaluate_test()

    def evaluate_test(self) -> TestResult:
        """The final evaluation on the test split, for the current weights."""
        loss, accuracy = self.trainer.evaluate("test")
        self._test_looks += 1
        self.test_result = TestResult(self.trainer.epoch, loss, accuracy, self.settings,
                                      self._test_looks)
        return self.test_result


def _resolve_recipe(settings: Settings) -> Settings:
    """Fill in the built-in dataset's own defaults where the settings leave them open."""
    entry = BUILTIN_DATASETS.get(settings.dataset)
    if entry is None:
        raise CommandError("unknown_dataset", dataset=settings.dataset)
    return replace(settings,
                   n_samples=entry.default_n_samples if settings.n_samples is None
                   else int(settings.n_samples),
                   noise=entry.default_noise if settings.noise is None else float(settings.noise))


def _make_builtin(settings: Settings) -> Dataset:
    entry = BUILTIN_DATASETS[settings.dataset]
    return entry.make(settings.n_samples, settings.noise, settings.data_seed)
