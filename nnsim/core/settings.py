"""Every choice a user makes, in one frozen value: the one truth the controls are drawn from.

The session owns a :class:`Settings`; every snapshot carries it; every control of the window is
set from it. Equal choices compare equal, so a view can tell whether anything changed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from nnsim.core.datasets import DEFAULT_DATASET
from nnsim.core.splits import DEFAULT_RATIOS

# Epochs per second of the speed control; None = as fast as the machine goes.
SPEEDS: tuple[float | None, ...] = (1.0, 2.0, 5.0, 10.0, 30.0, 100.0, 1000.0, None)
DEFAULT_SPEED = 100.0  # the first run visibly learns in a second or two
# Settings.dataset of data that came from a file (or a lesson) rather than a built-in recipe.
FILE_DATASET = "file"


@dataclass(frozen=True)
class Settings:
    """The choices a user makes (defaults = the app's first window).

    Attributes
    ----------
    dataset : a built-in dataset id, or ``FILE_DATASET`` for imported rows.
    n_samples, noise, data_seed : the built-in dataset's recipe (None = its default, resolved by
        the session, so a snapshot's settings always hold the numbers in use).
    data_source : the file the rows came from (imported data only).
    ratios, split_seed : the train/dev/test split.
    hidden_units, hidden_activation, output_activation, loss : the network and its loss.
    learning_rate, batch_size (None = full batch), weight_seed : training.
    early_stopping : patience in epochs (stop when the dev loss has not improved for that long),
        or None.
    speed : epochs per second while training runs (None = unthrottled).
    selected : the parameter in the landscape (and highlighted in the editor).
    train_selected_only : every other parameter is frozen.
    landscape_range : the landscape's fixed weight range, or None for automatic.
    data_view_axes : the two inputs (0-based) the Data view plots, or None while it is closed.
    examples_table : the Examples table is shown (every row's output and loss is computed).
    explaining : the step explainer is on (snapshots then carry ``step_trace``).
    explain_row : the training row (0-based) the explainer follows, or None for the mean over
        every training row (what training itself uses).
    """

    dataset: str = DEFAULT_DATASET
    n_samples: int | None = None
    noise: float | None = None
    data_seed: int = 0
    data_source: str = ""
    ratios: tuple[float, float, float] = DEFAULT_RATIOS
    split_seed: int = 0
    hidden_units: int = 3
    hidden_activation: str = "sigmoid"
    output_activation: str = "softmax"
    loss: str = "cce"
    learning_rate: float = 0.5
    batch_size: int | None = None
    weight_seed: int = 0
    early_stopping: int | None = None
    speed: float | None = DEFAULT_SPEED
    selected: str = ""
    train_selected_only: bool = False
    landscape_range: tuple[float, float] | None = None
    data_view_axes: tuple[int, int] | None = None
    examples_table: bool = False
    explaining: bool = False
    explain_row: int | None = None


# Choices that change what is shown or how fast, not the model that is trained: a test-set
# evaluation is still of the same model after any of these changed.
VIEW_FIELDS = frozenset({"speed", "landscape_range", "data_view_axes", "examples_table",
                         "explaining", "explain_row"})


def same_model(a: Settings, b: Settings) -> bool:
    """True if ``a`` and ``b`` train the same model (they differ at most in how it is shown).

    The selected parameter counts only while it is the one parameter being trained.
    """
    defaults = {name: getattr(Settings, name) for name in VIEW_FIELDS}
    if not (a.train_selected_only or b.train_selected_only):
        defaults["selected"] = ""
    return replace(a, **defaults) == replace(b, **defaults)

