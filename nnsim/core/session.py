"""The whole simulation behind the window: data, network, trainer, selection, landscape.

A Session is what the control panel changes and what every view is drawn from (through
:meth:`Session.snapshot`). It is plain Python, owned by exactly one thread at a time (the
training worker), and testable without a display.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace

import numpy as np

from nnsim.core.datasets import BUILTIN_DATASETS, CLASSIFICATION, DEFAULT_DATASET, Dataset
from nnsim.core.landscape import auto_range, landscape_figure
from nnsim.core.losses import LOSSES, PREFERRED_OUTPUT, get_loss
from nnsim.core.network import Network
from nnsim.core.snapshot import Snapshot, TestResult
from nnsim.core.splits import DEFAULT_RATIOS, Splits, split
from nnsim.core.trainer import Trainer

TRAIL_LENGTH = 300  # past positions drawn in the landscape
# Hand edits beyond this magnitude are refused: every unit they reach saturates, and the next
# gradient step throws the other weights out by as much (1e300 makes them 1e298).
MAX_EDIT_MAGNITUDE = 1000.0
# The loss to fall back to when a new output activation no longer fits the current loss.
LOSS_FOR_OUTPUT = {"linear": "mse", "tanh": "mse", "sigmoid": "bce", "softmax": "cce"}


@dataclass(frozen=True)
class Settings:
    """The choices a user makes in the control panel (defaults = the app's first window)."""

    dataset: str = DEFAULT_DATASET
    n_samples: int | None = None
    noise: float | None = None
    data_seed: int = 0
    ratios: tuple[float, float, float] = DEFAULT_RATIOS
    split_seed: int = 0
    hidden_units: int = 3
    hidden_activation: str = "sigmoid"
    output_activation: str = "softmax"
    loss: str = "cce"
    learning_rate: float = 0.5
    batch_size: int | None = None
    weight_seed: int = 0


def default_loss_for(dataset: Dataset) -> str:
    """The lecture's advice: MSE for regression, categorical cross-entropy for classes."""
    return "cce" if dataset.task == CLASSIFICATION else "mse"


class Session:
    """Data, network and trainer, plus what the landscape and the run's start need.

    Parameters
    ----------
    settings : initial choices; the dataset is generated from them unless ``dataset`` is given.
    dataset : use this data instead of the built-in named in ``settings``.
    """

    def __init__(self, settings: Settings | None = None, dataset: Dataset | None = None) -> None:
        self.settings = settings or Settings()
        self.dataset = dataset if dataset is not None else self._make_builtin(self.settings)
        self.splits = self._split(self.dataset)
        self.selected = ""
        self.train_selected_only = False
        self.landscape_range: tuple[float, float] | None = None  # None = automatic
        self._auto_range: tuple[float, float] | None = None
        self.test_result: TestResult | None = None
        self._trail: deque[tuple[float, float]] = deque(maxlen=TRAIL_LENGTH)
        self._rebuild_network()

    # ----------------------------------------------------------------- construction helpers
    @staticmethod
    def _make_builtin(settings: Settings) -> Dataset:
        entry = BUILTIN_DATASETS[settings.dataset]
        return entry.make(settings.n_samples, settings.noise, settings.data_seed)

    def _split(self, dataset: Dataset) -> Splits:
        return split(dataset, self.settings.ratios, self.settings.split_seed)

    def _mark_run_start(self) -> None:
        """Remember where the run starts (the landscape's "Initial weight + loss")."""
        self._start_vector = self.net.get_vector()
        self._trail.clear()
        self._auto_range = None

    def _rebuild_network(self) -> None:
        """A fresh network for new layer sizes (weights from the seed), keeping every setting."""
        s = self.settings
        self.net = Network((self.dataset.n_features, s.hidden_units, self.dataset.n_outputs),
                           s.hidden_activation, s.output_activation, s.weight_seed)
        self.trainer = Trainer(self.net, self.splits, s.loss, s.learning_rate, s.batch_size,
                               seed=s.weight_seed)
        if self.selected not in self.net.names:
            self.selected = self.steepest_output_weight()
        self._apply_frozen()
        self.test_result = None
        self._mark_run_start()

    # ----------------------------------------------------------------- data
    def set_builtin_dataset(self, dataset_id: str, n_samples: int | None = None,
                            noise: float | None = None, seed: int | None = None) -> None:
        """Switch to a built-in dataset (a new run: the loss follows the task)."""
        if dataset_id not in BUILTIN_DATASETS:
            raise ValueError(f"unknown dataset {dataset_id!r}")
        old = self.settings
        self.settings = replace(old, dataset=dataset_id, n_samples=n_samples, noise=noise,
                                data_seed=old.data_seed if seed is None else seed)
        try:
            self.set_dataset(self._make_builtin(self.settings))
        except ValueError:
            self.settings = old  # nothing changed
            raise

    def set_dataset(self, dataset: Dataset) -> None:
        """Train on ``dataset`` from now on: new splits, a new network, epoch 0.

        The split is made first, so a dataset that cannot be split raises before anything changes.
        """
        splits = self._split(dataset)
        loss = default_loss_for(dataset)
        self.dataset, self.splits = dataset, splits
        self.settings = replace(self.settings, loss=loss,
                                output_activation=PREFERRED_OUTPUT[loss])
        self._rebuild_network()

    def set_split(self, ratios: tuple[float, float, float], seed: int) -> None:
        """New train/dev/test ratios or split seed (validated before anything changes)."""
        old = self.settings
        self.settings = replace(old, ratios=tuple(ratios), split_seed=int(seed))
        try:
            self.splits = self._split(self.dataset)
        except ValueError:
            self.settings = old
            raise
        self.trainer.set_splits(self.splits)
        self.reset()

    # ----------------------------------------------------------------- model choices
    def set_hidden_units(self, n: int) -> None:
        """1–9 hidden units: a new network (new names, new initial weights), epoch 0."""
        if not 1 <= int(n) <= 9:
            raise ValueError(f"the hidden layer holds 1 to 9 units, got {n}")
        self.settings = replace(self.settings, hidden_units=int(n))
        self._rebuild_network()

    def set_hidden_activation(self, name: str) -> None:
        """Change the hidden units' activation; the weights stay as they are."""
        self.net.hidden_activation = name
        self.settings = replace(self.settings, hidden_activation=name)
        self._loss_function_changed()

    def set_output_activation(self, name: str) -> str | None:
        """Change the output activation; if the loss no longer fits, switch the loss.

        Returns a sentence saying what was switched, or None.
        """
        self.net.output_activation = name
        self.settings = replace(self.settings, output_activation=name)
        message = None
        current = get_loss(self.trainer.loss)
        if current.required_output not in (None, name):
            fitting = LOSS_FOR_OUTPUT[name]
            self.trainer.loss = fitting
            self.settings = replace(self.settings, loss=fitting)
            message = (f"{current.display_name} needs the {current.required_output} output "
                       f"activation, so the loss is now {LOSSES[fitting].display_name}.")
        self._loss_function_changed()
        return message

    def set_loss(self, name: str) -> str | None:
        """Change the loss; if it needs another output activation, switch to it.

        Returns a sentence saying what was switched, or None.
        """
        spec = get_loss(name)
        message = None
        if spec.required_output is not None and spec.required_output != self.net.output_activation:
            self.net.output_activation = spec.required_output
            self.settings = replace(self.settings, output_activation=spec.required_output)
            message = (f"{spec.display_name} needs the {spec.required_output} output activation: "
                       f"switched the output activation to {spec.required_output}.")
        self.trainer.loss = name
        self.settings = replace(self.settings, loss=name)
        self._loss_function_changed()
        return message

    def _loss_function_changed(self) -> None:
        """The curve means something else now: old trail points and ranges no longer fit it."""
        self.trainer.restart_divergence_check()
        self._trail.clear()
        self._auto_range = None

    def set_learning_rate(self, value: float) -> None:
        self.trainer.learning_rate = value
        self.settings = replace(self.settings, learning_rate=float(value))

    def set_batch_size(self, value: int | None) -> None:
        self.trainer.batch_size = value
        self.settings = replace(self.settings, batch_size=value)

    def set_weight_seed(self, seed: int) -> None:
        self.settings = replace(self.settings, weight_seed=int(seed))

    # ----------------------------------------------------------------- selection and landscape
    def select(self, name: str) -> None:
        """Show ``name`` in the landscape (and train only it, if that option is on)."""
        self.net.index(name)
        if name != self.selected:
            self.selected = name
            self._trail.clear()
            self._auto_range = None
            self.landscape_range = None
            self._apply_frozen()

    def steepest_output_weight(self) -> str:
        """The hidden→output weight with the steepest slope: the clearest first picture.

        With softmax + cross-entropy (and with a linear output + MSE) the loss is convex in an
        output weight, so its slice is the lecture's U-shaped curve.
        """
        train = self.splits.train
        with np.errstate(all="ignore"):
            gradient = np.abs(self.net.gradient(train.X, train.Y, self.trainer.loss))
        candidates = [i for i, n in enumerate(self.net.names) if n.startswith("v")]
        return self.net.names[max(candidates, key=lambda i: gradient[i])]

    def set_train_selected_only(self, on: bool) -> None:
        self.train_selected_only = bool(on)
        self._apply_frozen()
        self._auto_range = None

    def _apply_frozen(self) -> None:
        self.trainer.frozen = ([n for n in self.net.names if n != self.selected]
                               if self.train_selected_only else ())

    def set_landscape_range(self, value_range: tuple[float, float] | None) -> None:
        """Fix the landscape's weight range, or None for automatic."""
        if value_range is not None:
            lo, hi = map(float, value_range)
            if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
                raise ValueError("the range needs two finite numbers, the first below the second")
            value_range = (lo, hi)
        self.landscape_range = value_range
        self._auto_range = None

    # ----------------------------------------------------------------- editing and running
    def edit_parameter(self, name: str, value: float) -> None:
        """Set one parameter by hand (finite numbers within ±MAX_EDIT_MAGNITUDE)."""
        if abs(value) > MAX_EDIT_MAGNITUDE:
            raise ValueError(f"{name} must lie between -{MAX_EDIT_MAGNITUDE:g} and "
                             f"{MAX_EDIT_MAGNITUDE:g}, got {value:g}")
        self.net[name] = value
        self.trainer.restart_divergence_check()
        self.test_result = None

    def reset(self) -> None:
        """New initial weights from the seed, epoch 0, fresh history."""
        self.trainer.seed = self.settings.weight_seed
        self.trainer.reset(self.settings.weight_seed)
        self.test_result = None
        self._mark_run_start()

    def step(self, epochs: int = 1) -> None:
        """Train ``epochs`` epochs (fewer if the run diverges), recording the selected weight."""
        index = self.net.index(self.selected)
        for _ in range(epochs):
            if self.trainer.diverged is not None:
                break
            value = float(self.net.parameters[index])
            record = self.trainer.step()
            if record is not None and self.trainer.diverged is None:
                # train_loss is measured before the epoch's update, i.e. at `value`.
                self._trail.append((value, record.train_loss))

    def evaluate_test(self) -> TestResult:
        """The final evaluation on the test split, for the current weights."""
        loss, accuracy = self.trainer.evaluate("test")
        self.test_result = TestResult(self.trainer.epoch, loss, accuracy)
        return self.test_result

    # ----------------------------------------------------------------- the picture
    def _figure_range(self, learning_rate: float) -> tuple[float, float]:
        if self.landscape_range is not None:
            return self.landscape_range
        current = self.net[self.selected]
        if self._auto_range is not None:
            lo, hi = self._auto_range
            margin = 0.05 * (hi - lo)
            if lo + margin <= current <= hi - margin:
                return self._auto_range  # keep the view still while the point stays inside
        train = self.splits.train
        lo, hi = auto_range(self.net, train.X, train.Y, self.trainer.loss, self.selected,
                            learning_rate)
        if self.train_selected_only:
            # Every other weight is frozen, so the run's start lies on this very curve: show it.
            start = float(self._start_vector[self.net.index(self.selected)])
            pad = 0.1 * (hi - lo)
            lo, hi = min(lo, start - pad), max(hi, start + pad)
        self._auto_range = (lo, hi)
        return self._auto_range

    def snapshot(self) -> Snapshot:
        """A frozen copy of everything the views show."""
        train = self.splits.train
        lr = self.trainer.learning_rate
        with np.errstate(all="ignore"):
            train_loss, gradient = self.net.loss_and_gradient(train.X, train.Y, self.trainer.loss)
            figure = None
            if np.isfinite(self.net.parameters).all():
                figure = landscape_figure(self.net, train.X, train.Y, self.trainer.loss,
                                          self.selected, lr, self._figure_range(lr),
                                          loss_and_gradient=(train_loss, gradient))
            _, train_accuracy = self.trainer.evaluate("train")
            dev_loss, dev_accuracy = self.trainer.evaluate("dev")
            start_loss = self._start_loss()
        trail = np.array(self._trail, dtype=float).reshape(-1, 2)
        start_value = float(self._start_vector[self.net.index(self.selected)])
        return Snapshot(
            epoch=self.trainer.epoch, sizes=self.net.sizes, names=self.net.names,
            parameters=self.net.get_vector(), gradient=gradient.copy(), train_loss=train_loss,
            hidden_activation=self.net.hidden_activation,
            output_activation=self.net.output_activation, loss=self.trainer.loss,
            learning_rate=lr, is_classification=self.dataset.task == CLASSIFICATION,
            history=self.trainer.history.as_arrays(), latest=self.trainer.history.latest,
            selected=self.selected, figure=figure, trail_values=trail[:, 0].copy(),
            trail_losses=trail[:, 1].copy(), start_value=start_value,
            start_loss=start_loss, divergence=self.trainer.diverged,
            test_result=self.test_result, train_selected_only=self.train_selected_only,
            dataset_name=self.dataset_name, feature_names=tuple(self.dataset.feature_names),
            target_names=tuple(self.dataset.target_names), dev_loss=dev_loss,
            train_accuracy=train_accuracy, dev_accuracy=dev_accuracy)

    def _start_loss(self) -> float:
        """The training loss at the run's starting weights, with today's loss and activations
        (so the "initial" point is in the same units as the curve it is drawn with)."""
        start = self.net.copy()
        start.set_vector(self._start_vector)
        train = self.splits.train
        return start.loss(train.X, train.Y, self.trainer.loss)

    @property
    def dataset_name(self) -> str:
        if self.dataset.name:
            return self.dataset.name
        entry = BUILTIN_DATASETS.get(self.settings.dataset)
        return entry.display_name if entry else ""

