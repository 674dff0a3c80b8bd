"""A frozen picture of the simulation, handed from the training thread to the views.

Every view (network editor, loss plot, landscape plot, status bar) redraws from the same snapshot,
so they never disagree. All arrays are copies: the trainer may go on changing its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from nnsim.core.history import EpochRecord
from nnsim.core.landscape import GradientStepFigure
from nnsim.core.data_view import OutputGrid
from nnsim.core.divergence import Divergence
from nnsim.core.example_rows import ExampleRows
from nnsim.core.explain_walk import ExplainedStep
from nnsim.core.runs import RunRecord
from nnsim.core.settings import Settings

Array = NDArray[np.float64]


@dataclass(frozen=True)
class TestResult:
    """The one-off evaluation on the test split (the lecture: test data is for the end only).

    ``settings`` is the configuration that was evaluated and ``looks`` how many times this run
    has looked at the test set: more than once, and the test set has become a second dev set.
    """

    epoch: int
    loss: float
    accuracy: float | None
    settings: Settings | None = None
    looks: int = 1


@dataclass(frozen=True)
class Snapshot:
    """Everything the views show, at one moment.

    Attributes
    ----------
    epoch : epochs trained since the last reset.
    sizes : layer sizes, e.g. ``(3, 3, 2)``.
    names : parameter names in vector order (``w11`` … ``b5``).
    parameters : parameter values, in ``names`` order.
    gradient : ∂(training loss)/∂parameter at the current values, in ``names`` order.
    train_loss : training loss at the current values.
    dev_loss, train_accuracy, dev_accuracy : also at the current values (accuracies None for
        regression); equal to ``latest`` right after an epoch, and what the status bar shows.
    hidden_activation, output_activation, loss : current choices (registry names).
    learning_rate : η.
    is_classification : the dataset's task is classification (accuracies are shown).
    history : per-epoch columns from :class:`History` (``epoch``, ``train_loss``, ``dev_loss``,
        ``*_accuracy``) from epoch 0 on, evenly decimated. The test set is not in it: it stays
        sealed until "Evaluate on test set" (``test_result``).
    latest : the newest epoch record (epoch 0: the initial weights).
    selected : the parameter shown in the landscape (and highlighted in the editor).
    figure : the lecture's gradient-descent figure for ``selected``.
    trail_values, trail_losses : past positions (value, training loss) of ``selected``, oldest
        first, one per epoch, bounded.
    start_value, start_loss : ``selected`` and the training loss at the start of the run.
    divergence : set when the run diverged (training has stopped).
    test_result : the last evaluation on the test split, or None.
    train_selected_only : only ``selected`` is being trained.
    dataset_name, feature_names, target_names, n_rows : describe the data.
    n_train : rows in the training split (the rows the step explainer can follow).
    settings : every choice of the user; the controls are set from it.
    loss_refusals : for each loss, why it does not fit the data (a code), or None if it does.
    loss_scores : (loss name, value) of the current predictions on the training rows under
        every loss that fits them: the same forward pass scored several ways.
    best_epoch, best_dev_loss : the epoch with the lowest dev loss so far, and that loss.
    stopped_early : early stopping has stopped the run (its patience ran out).
    data_grid : the network's output over the Data view's plane (``settings.data_view_axes``),
        refreshed a few times a second; None while the view is closed.
    runs : every kept run of the session, oldest first (pinned ones overlaid on the plots).
    step_trace : the step explainer's traced step for ``settings.explain_row`` (and the whole
        training split's, which the update uses); None while the explainer is off.
    example_rows : every row's output and loss for the Examples table (``settings.examples_table``),
        refreshed at most a few times a second, so possibly an epoch behind
        (``example_rows.epoch``); None while the table is closed.
    """

    epoch: int
    sizes: tuple[int, ...]
    names: tuple[str, ...]
    parameters: Array
    gradient: Array
    train_loss: float
    hidden_activation: str
    output_activation: str
    loss: str
    learning_rate: float
    is_classification: bool
    history: dict[str, Array]
    latest: EpochRecord | None
    selected: str
    figure: GradientStepFigure | None
    trail_values: Array
    trail_losses: Array
    start_value: float
    start_loss: float
    divergence: Divergence | None = None
    test_result: TestResult | None = None
    train_selected_only: bool = False
    dataset_name: str = ""
    feature_names: tuple[str, ...] = ()
    target_names: tuple[str, ...] = ()
    dev_loss: float = float("nan")
    train_accuracy: float | None = None
    dev_accuracy: float | None = None
    settings: Settings = Settings()
    loss_refusals: dict[str, str | None] = field(default_factory=dict)
    n_rows: int = 0
    n_train: int = 0
    loss_scores: tuple[tuple[str, float], ...] = ()
    best_epoch: int = 0
    best_dev_loss: float = float("nan")
    stopped_early: bool = False
    data_grid: OutputGrid | None = None
    runs: tuple[RunRecord, ...] = ()
    step_trace: ExplainedStep | None = None
    example_rows: ExampleRows | None = None

    def value(self, name: str) -> float:
        """Current value of parameter ``name``."""
        return float(self.parameters[self.names.index(name)])

    def gradient_of(self, name: str) -> float:
        """∂(training loss)/∂``name`` at the current values."""
        return float(self.gradient[self.names.index(name)])
