"""The one place where the core's codes become sentences a student reads (translatable).

The core reports what happened as data: notices (``Notice(code, params)``), divergences (kind,
reason and numbers) and commands (for the Edit menu's "Undo …"). Everything shown for them is
built here, through ``QCoreApplication.translate`` with the context ``Messages``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from nnsim.core import commands as cmd
from nnsim.core.activations import ACTIVATIONS
from nnsim.core.datasets import BUILTIN_DATASETS, TRANSLATION_CONTEXT
from nnsim.core.divergence import (DIVERGED, LOSS_EXPLODED, NONFINITE_LOSS, NONFINITE_WEIGHTS,
                                   Divergence)
from nnsim.core.losses import LOSSES


def _tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def _fill(template: str, *values: object) -> str:
    """Qt's placeholder style (%1, %2, …), filled from the highest number down so %1 never eats
    the start of %10."""
    for i in range(len(values), 0, -1):
        template = template.replace(f"%{i}", str(values[i - 1]))
    return template


def loss_name(name: str) -> str:
    return QCoreApplication.translate("ControlPanel", LOSSES[name].display_name)


def activation_name(name: str) -> str:
    return QCoreApplication.translate("ControlPanel", ACTIVATIONS[name].display_name)


def number(value: float) -> str:
    return f"{value:.4g}"


def notice_text(notice: cmd.Notice) -> str:
    """A notice from the session as a sentence for the status bar."""
    p = notice.params
    if notice.code == "output_activation_switched":
        return _fill(_tr("%1 needs the %2 output activation: switched the output activation "
                         "to %2."), loss_name(p["loss"]), activation_name(p["output_activation"]))
    if notice.code == "loss_switched":
        return _fill(_tr("%1 needs the %2 output activation, so the loss is now %3."),
                     loss_name(p["previous_loss"]),
                     activation_name(LOSSES[p["previous_loss"]].required_output or "linear"),
                     loss_name(p["loss"]))
    if notice.code == "data_loaded":
        return _fill(_tr("Loaded %1: %2 rows."), p["source"], p["rows"])
    return notice.code


def divergence_text(d: Divergence) -> str:
    """Why training stopped, and what to do about it."""
    if d.reason == NONFINITE_LOSS:
        what = _tr("the training loss became infinite or undefined")
    elif d.reason == NONFINITE_WEIGHTS:
        what = _tr("the weights became infinite or undefined")
    elif d.reason == LOSS_EXPLODED:
        what = _fill(_tr("the training loss stayed above %1 (ten times its start, %2) for %3 "
                         "epochs in a row"), number(d.limit), number(d.start_loss),
                     d.epochs_above)
    else:
        what = _fill(_tr("the training loss stayed above its start, %1, for %2 epochs in a row"),
                     number(d.start_loss), d.epochs_above)
    if d.kind == DIVERGED:
        head = _fill(_tr("Training diverged at epoch %1: %2."), d.epoch, what)
    else:
        head = _fill(_tr("Training is not converging at epoch %1: %2."), d.epoch, what)
    advice = _fill(_tr("The learning rate %1 is too high: try a smaller one (e.g. %2) and press "
                       "Reset."), f"{d.learning_rate:g}", f"{d.learning_rate / 10:g}")
    return f"{head} {advice}"


def command_text(command: cmd.Command) -> str:
    """What a command does, for "Undo …" and "Redo …" in the Edit menu."""
    c = command
    if isinstance(c, cmd.SetLearningRate):
        return _fill(_tr("learning rate %1"), f"{c.value:g}")
    if isinstance(c, cmd.SetLoss):
        return _fill(_tr("loss %1"), loss_name(c.name))
    if isinstance(c, cmd.SetOutputActivation):
        return _fill(_tr("output activation %1"), activation_name(c.name))
    if isinstance(c, cmd.SetOutputAndLoss):
        return _fill(_tr("output activation %1 with loss %2"),
                     activation_name(c.output_activation), loss_name(c.loss))
    if isinstance(c, cmd.SetHiddenActivation):
        return _fill(_tr("hidden activation %1"), activation_name(c.name))
    if isinstance(c, cmd.SetHiddenUnits):
        return _fill(_tr("%1 hidden units"), c.count)
    if isinstance(c, cmd.SetBatchSize):
        return (_tr("full-batch training") if c.size is None
                else _fill(_tr("batch size %1"), c.size))
    if isinstance(c, cmd.SetSplit):
        return _fill(_tr("split %1/%2/%3 %"), *(round(100 * r) for r in c.ratios))
    if isinstance(c, cmd.SetWeightSeed):
        return _fill(_tr("weight seed %1"), c.seed)
    if isinstance(c, cmd.SetTrainSelectedOnly):
        return _tr("train only the selected parameter") if c.on else _tr("train every parameter")
    if isinstance(c, cmd.SetBuiltinDataset):
        entry = BUILTIN_DATASETS.get(c.dataset)
        name = QCoreApplication.translate(TRANSLATION_CONTEXT, entry.display_name) if entry \
            else c.dataset
        return _fill(_tr("dataset %1"), name)
    if isinstance(c, (cmd.SetData, cmd.LoadCsv)):
        source = c.source if isinstance(c, cmd.SetData) else Path(c.path).name
        return _fill(_tr("data from %1"), source)
    if isinstance(c, cmd.EditParameter):
        return _fill(_tr("%1 = %2"), c.name, f"{c.value:g}")
    return type(c).__name__
