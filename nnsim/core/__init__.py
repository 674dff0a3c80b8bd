"""nnsim.core: the network, losses, data, training and loss landscape, in pure NumPy.

Nothing here imports Qt: everything the app shows is computed (and tested) here first.

>>> from nnsim.core import Network, make_builtin, split, Trainer
>>> net = Network(sizes=(3, 3, 2), hidden_activation="sigmoid", output_activation="softmax")
>>> trainer = Trainer(net, split(make_builtin("vowels")), loss="cce", learning_rate=0.5)
>>> record = trainer.run(200)
"""

from __future__ import annotations

from nnsim.core import commands
from nnsim.core.activations import (ACTIVATIONS, HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS,
                                    Activation, get_activation)
from nnsim.core.csv_loader import DatasetError, load_csv
from nnsim.core.datasets import (BUILTIN_DATASETS, DEFAULT_DATASET, BuiltinDataset, Dataset,
                                 make_builtin)
from nnsim.core.history import EpochRecord, History
from nnsim.core.landscape import GradientStepFigure, auto_range, landscape, landscape_figure
from nnsim.core.divergence import Divergence, DivergenceMonitor
from nnsim.core.explain import StepTrace, explain_step
from nnsim.core.losses import (LOSSES, PREFERRED_OUTPUT, Loss, check_pairing, check_task,
                               get_loss, loss_refusal)
from nnsim.core.network import MAX_UNITS, Network, parameter_names
from nnsim.core.splits import Splits, split
from nnsim.core.session import Applied, Session
from nnsim.core.settings import Settings
from nnsim.core.snapshot import Snapshot, TestResult
from nnsim.core.sweep import SweepResult, sweep
from nnsim.core.trainer import Trainer

__all__ = [
    "ACTIVATIONS", "HIDDEN_ACTIVATIONS", "OUTPUT_ACTIVATIONS", "Activation", "get_activation",
    "DatasetError", "load_csv",
    "BUILTIN_DATASETS", "DEFAULT_DATASET", "BuiltinDataset", "Dataset", "make_builtin",
    "EpochRecord", "History",
    "GradientStepFigure", "auto_range", "landscape", "landscape_figure",
    "LOSSES", "PREFERRED_OUTPUT", "Loss", "check_pairing", "check_task", "get_loss",
    "loss_refusal", "commands", "DivergenceMonitor", "Applied",
    "MAX_UNITS", "Network", "parameter_names",
    "Splits", "split",
    "Session", "Settings", "Snapshot", "TestResult",
    "Divergence", "Trainer",
    "StepTrace", "explain_step", "SweepResult", "sweep",
]
