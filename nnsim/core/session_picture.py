"""What a session shows: the snapshot, with the lecture's gradient-descent figure.

A mixin of :class:`nnsim.core.session.Session`, kept apart because drawing the picture (the
landscape's range, the run's start and trail on the sampled curve, the loss scores) is one job
and changing the session through commands is another.
"""

from __future__ import annotations

from collections import deque

import numpy as np

from nnsim.core.data_view import OutputGrid, output_grid
from nnsim.core.datasets import BUILTIN_DATASETS, CLASSIFICATION, Dataset
from nnsim.core.example_rows import ExampleRows, ExampleRowsCache
from nnsim.core.explain_cache import TraceCache
from nnsim.core.explain_walk import ExplainedStep
from nnsim.core.landscape import (DEFAULT_MAX_ROWS, auto_range, landscape, landscape_figure,
                                  sample_indices)
from nnsim.core.losses import LOSSES, loss_refusal, loss_value
from nnsim.core.network import Network
from nnsim.core.runs import RunLog
from nnsim.core.settings import Settings
from nnsim.core.snapshot import Snapshot, TestResult
from nnsim.core.trainer import Trainer

TRAIL_LENGTH = 300  # past positions drawn in the landscape


class SessionPicture:
    """The snapshot and the figure of a :class:`Session` (which provides the state below)."""

    settings: Settings
    dataset: Dataset
    net: Network
    trainer: Trainer
    test_result: TestResult | None
    _auto_range: tuple[float, float] | None
    _trail: deque[tuple[float, float]]
    _start_vector: np.ndarray
    _grid: OutputGrid | None
    runs: RunLog
    _grid_parameters: np.ndarray
    _explained: TraceCache
    _examples: ExampleRowsCache

    @property
    def dataset_name(self) -> str:
        if self.dataset.name:
            return self.dataset.name
        entry = BUILTIN_DATASETS.get(self.settings.dataset)
        return entry.display_name if entry else self.settings.data_source

    def _figure_range(self, learning_rate: float) -> tuple[float, float]:
        if self.settings.landscape_range is not None:
            return self.settings.landscape_range
        selected = self.settings.selected
        current = self.net[selected]
        if self._auto_range is not None:
            lo, hi = self._auto_range
            margin = 0.05 * (hi - lo)
            if lo + margin <= current <= hi - margin:
                return self._auto_range  # keep the view still while the point stays inside
        train = self.trainer.splits.train
        lo, hi = auto_range(self.net, train.X, train.Y, self.trainer.loss, selected,
                            learning_rate)
        if self.settings.train_selected_only:
            # Every other weight is frozen, so the run's start lies on this very curve: show it.
            start = float(self._start_vector[self.net.index(selected)])
            pad = 0.1 * (hi - lo)
            lo, hi = min(lo, start - pad), max(hi, start + pad)
        self._auto_range = (lo, hi)
        return self._auto_range

    def snapshot(self) -> Snapshot:
        """A frozen copy of everything the views show."""
        train = self.trainer.splits.train
        s = self.settings
        lr = self.trainer.learning_rate
        with np.errstate(all="ignore"):
            train_loss, gradient = self.net.loss_and_gradient(train.X, train.Y, self.trainer.loss)
            figure = None
            if np.isfinite(self.net.parameters).all():
                figure = landscape_figure(self.net, train.X, train.Y, self.trainer.loss,
                                          s.selected, lr, self._figure_range(lr),
                                          loss_and_gradient=(train_loss, gradient))
            now = self.trainer.measure()
            start_loss = self._start_loss()
            trail = np.array(self._trail, dtype=float).reshape(-1, 2)
            if s.train_selected_only and self._figure_rows() is not None and len(trail):
                # Only the selected weight moves, so its past positions lie on this curve; the
                # curve is drawn from a sample of the rows, so are they.
                X, Y = self._figure_data()
                trail[:, 1] = landscape(self.net, X, Y, self.trainer.loss, s.selected,
                                        trail[:, 0])
        start_value = float(self._start_vector[self.net.index(s.selected)])
        refusals = {name: loss_refusal(name, self.dataset.task, self.dataset.Y)
                    for name in LOSSES}
        return Snapshot(
            epoch=self.trainer.epoch, sizes=self.net.sizes, names=self.net.names,
            parameters=self.net.get_vector(), gradient=gradient.copy(), train_loss=train_loss,
            hidden_activation=s.hidden_activation, output_activation=s.output_activation,
            loss=s.loss, learning_rate=lr, is_classification=self.dataset.task == CLASSIFICATION,
            history=self.trainer.history.as_arrays(), latest=self.trainer.history.latest,
            selected=s.selected, figure=figure, trail_values=trail[:, 0].copy(),
            trail_losses=trail[:, 1].copy(), start_value=start_value,
            start_loss=start_loss, divergence=self.trainer.diverged,
            test_result=self.test_result, train_selected_only=s.train_selected_only,
            dataset_name=self.dataset_name, feature_names=tuple(self.dataset.feature_names),
            target_names=tuple(self.dataset.target_names), dev_loss=now.dev_loss,
            train_accuracy=now.train_accuracy, dev_accuracy=now.dev_accuracy, settings=s,
            loss_refusals=refusals, n_rows=self.dataset.n_samples,
            n_train=self.trainer.splits.train.n_samples,
            loss_scores=tuple(self.loss_scores()), best_epoch=self.trainer.best_epoch,
            best_dev_loss=self.trainer.best_dev_loss, stopped_early=self.trainer.stopped_early,
            data_grid=self._data_grid(), step_trace=self._step_trace(),
            example_rows=self._example_rows(), runs=self.runs.runs)

    @property
    def examples_pending(self) -> bool:
        """The weights changed since the Examples table's numbers were computed (they are
        throttled to a few times a second): the next snapshot should come soon."""
        return self._examples.pending

    @property
    def views_pending(self) -> bool:
        """A throttled view (the Examples table, the step explainer's trace) lags the weights:
        the next snapshot should come soon."""
        return self.examples_pending or self._explained.pending

    def _example_rows(self) -> ExampleRows | None:
        """Every row's output and loss while the Examples table is shown; the test rows' only
        once the test set has been evaluated."""
        if not self.settings.examples_table:
            self._examples.clear()
            return None
        return self._examples.rows(self.net, self.trainer.splits, self.trainer.loss,
                                   self.trainer.epoch, self.test_result is not None)

    def _step_trace(self) -> ExplainedStep | None:
        """The step explainer's trace, while it is on (see :mod:`nnsim.core.explain_cache`)."""
        s = self.settings
        if not s.explaining:
            self._explained.clear()
            return None
        n_train = self.trainer.splits.train.n_samples
        row = s.explain_row if s.explain_row is not None and s.explain_row < n_train else None
        return self._explained.get(self.net, self.trainer, row)

    def _data_grid(self) -> OutputGrid | None:
        """The Data view's background for the current weights (reused while they stand still).

        About 1 ms for 100×100 points, so it follows every snapshot (at most 15 a second)."""
        axes = self.settings.data_view_axes
        if axes is None or self.dataset.n_features < 2:
            self._grid = None
            return None
        grid = self._grid
        if (grid is None or grid.axes != axes or grid.rows is not self.trainer.splits.train.X
                or not np.array_equal(self._grid_parameters, self.net.parameters)):
            grid = output_grid(self.net, self.trainer.splits.train.X, axes)
            self._grid, self._grid_parameters = grid, self.net.get_vector()
        return grid

    def loss_scores(self) -> list[tuple[str, float]]:
        """The current predictions on the training rows, scored by every loss that fits them.

        ``(loss name, value)`` pairs, the losses the lecture advises for the data's task first
        (MSE and MAE for regression; cross-entropy for classes, then MSE and MAE of the
        probabilities for comparison). A loss fits when the data allow it and it works with the
        current output activation. The session's own loss scores ``snapshot.train_loss``.
        """
        net, train = self.net, self.trainer.splits.train
        names = [name for name, spec in LOSSES.items()
                 if loss_refusal(name, train.task, self.dataset.Y) is None
                 and spec.required_output in (None, net.output_activation)]
        names.sort(key=lambda name: LOSSES[name].task != train.task)  # stable within a task
        with np.errstate(all="ignore"):  # a diverged network scores inf, not a warning
            zs, acts = net.forward(train.X)  # one forward pass: the very same predictions
            return [(name, float(loss_value(name, zs[-1], acts[-1], train.Y)))
                    for name in names]

    def _figure_rows(self) -> np.ndarray | None:
        """The training rows the landscape is drawn from (None = all of them)."""
        return sample_indices(self.trainer.splits.train.n_samples, DEFAULT_MAX_ROWS)

    def _figure_data(self) -> tuple[np.ndarray, np.ndarray]:
        train, rows = self.trainer.splits.train, self._figure_rows()
        return (train.X, train.Y) if rows is None else (train.X[rows], train.Y[rows])

    def _start_loss(self) -> float:
        """The training loss at the run's starting weights, with today's loss and activations
        and on the landscape's rows (so the "initial" point is in the same units as the curve
        it is drawn with)."""
        start = self.net.copy()
        start.set_vector(self._start_vector)
        X, Y = self._figure_data()
        return start.loss(X, Y, self.trainer.loss)


