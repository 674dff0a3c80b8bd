"""The one place where the core's codes become sentences a student reads (translatable).

The core reports what happened as data: notices (``Notice(code, params)``), errors (a code and
parameters: :class:`~nnsim.core.coded_error.CodedError` such as ``DatasetError``, and
``LessonFileError``), divergences (kind, reason and numbers) and commands (for the Edit menu's
"Undo …"). Everything shown for them is built here, through ``QCoreApplication.translate``:
the errors' own templates under their classes' contexts, the rest under ``Messages``. Numbers
are written by :mod:`nnsim.ui.numbers` (a decimal comma in German).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from nnsim.core import commands as cmd
from nnsim.core.coded_error import CodedError, fill
from nnsim.core.csv_errors import DatasetError, printable, size_parts
from nnsim.core.divergence import (
    DIVERGED,
    LOSS_EXPLODED,
    NONFINITE_LOSS,
    NONFINITE_WEIGHTS,
    Divergence,
)
from nnsim.core.losses import LOSSES
from nnsim.ui import numbers
from nnsim.ui.lesson_messages import lesson_error_text
from nnsim.ui.names import activation_name, dataset_name, loss_name

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

__all__ = ["activation_name", "command_text", "divergence_text", "error_text", "loss_name",
           "notice_text", "number"]


def number(value: float) -> str:
    """A loss or a similar measured number, as every message writes it."""
    return numbers.significant(value, 4)


def _rate(value: float) -> str:
    """A learning rate as the user typed it (0.5, 0.001, 100)."""
    return numbers.significant(value, 6)


whole = numbers.whole  # a count: 1,000,000 / 1.000.000


def file_size(size: int) -> str:
    """A size as file managers show it (900 bytes, 12.3 MB / 12,3 MB)."""
    value, unit = size_parts(size)
    if unit == "bytes":
        return translate("Messages", "%1 bytes").replace("%1", whole(size))
    return numbers.fixed(value, 1).removesuffix(numbers.decimal_point() + "0") + " " + unit


# ----------------------------------------------------------------------------- notices
def notice_text(notice: cmd.Notice) -> str:
    """A notice from the session as a sentence for the status bar."""
    p = notice.params
    if notice.code == "output_activation_switched":
        return fill(translate("Messages", "%1 needs the %2 output activation: switched the "
                                          "output activation to %2."),
                    [loss_name(p["loss"]), activation_name(p["output_activation"])])
    if notice.code == "loss_switched":
        previous = p["previous_loss"]
        return fill(translate("Messages", "%1 needs the %2 output activation, so the loss is now "
                                          "%3."),
                    [loss_name(previous),
                     activation_name(LOSSES[previous].required_output or "linear"),
                     loss_name(p["loss"])])
    if notice.code == "data_loaded":
        return fill(translate("Messages", "Loaded %1: %2 rows."), [p["source"], whole(p["rows"])])
    if notice.code == "learning_rates_compared":
        rates = numbers.joined(_rate(r) for r in p["learning_rates"])
        text = fill(translate("Messages", "Compared the learning rates %1 over %2 epochs from the "
                                          "same initial weights."), [rates, p["epochs"]])
        if p.get("diverged"):
            text += " " + translate("Messages", "Diverged: %1.").replace(
                "%1", numbers.joined(_rate(r) for r in p["diverged"]))
        return text
    if notice.code == "diverged":
        return divergence_text(Divergence(**p))
    return notice.code  # a code without words yet: at least say which


# ----------------------------------------------------------------------------- errors
def error_text(error: BaseException) -> str:
    """Why a command or a file was refused, in the user's language."""
    if isinstance(error, DatasetError):
        return _where(error) + _coded(error)
    if isinstance(error, CodedError):
        return _capitalised(_coded(error))
    if type(error).__name__ == "LessonFileError":
        return lesson_error_text(error)
    # A refusal the window should have prevented (its guard rails are the core's checks): the
    # detail stays in the core's English.
    return translate("Messages", "This was refused: %1").replace("%1", str(error).strip("'\""))


def _coded(error: CodedError) -> str:
    template, *names = error.templates[error.code]
    return fill(translate(error.context, template),
                [_param(error, name, error.params[name]) for name in names])


def _param(error: CodedError, name: str, value: Any) -> str:
    if name in error.word_params:
        return translate(error.context, str(value))
    if name == "loss":
        return loss_name(str(value))
    if name in ("output", "required"):
        return activation_name(str(value))
    if name.endswith("_bytes"):
        return file_size(int(value))
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return whole(value)
    if isinstance(value, float):
        return number(value)
    return str(value)


def _where(error: DatasetError) -> str:
    """"data.csv, line 3, column 2 “x2”: " in the user's language."""
    where = [error.file_name]
    if error.line is not None:
        where.append(translate("Messages", "line %1").replace("%1", whole(error.line)))
    if error.column is not None:
        if error.column_name:
            column = fill(translate("Messages", "column %1 “%2”"),
                          [whole(error.column), printable(error.column_name)])
        else:
            column = translate("Messages", "column %1").replace("%1", whole(error.column))
        where.append(column)
    return ", ".join(where) + ": "


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# ----------------------------------------------------------------------------- divergence
def divergence_text(d: Divergence) -> str:
    """Why training stopped, and what to do about it."""
    if d.reason == NONFINITE_LOSS:
        what = translate("Messages", "the training loss became infinite or undefined")
    elif d.reason == NONFINITE_WEIGHTS:
        what = translate("Messages", "the weights became infinite or undefined")
    elif d.reason == LOSS_EXPLODED:
        what = fill(translate("Messages", "the training loss stayed above %1 (ten times its "
                                          "start, %2) for %3 epochs in a row"),
                    [number(d.limit), number(d.start_loss), d.epochs_above])
    else:
        what = fill(translate("Messages", "the training loss stayed above its start, %1, for %2 "
                                          "epochs in a row"), [number(d.start_loss), d.epochs_above])
    if d.kind == DIVERGED:
        head = fill(translate("Messages", "Training diverged at epoch %1: %2."), [d.epoch, what])
    else:
        head = fill(translate("Messages", "Training is not converging at epoch %1: %2."),
                    [d.epoch, what])
    advice = fill(translate("Messages", "The learning rate %1 is too high: try a smaller one "
                                        "(e.g. %2) and press Reset."),
                  [_rate(d.learning_rate), _rate(d.learning_rate / 10)])
    return f"{head} {advice}"


# ----------------------------------------------------------------------------- undo texts
def command_text(command: cmd.Command) -> str:
    """What a command does, for "Undo …" and "Redo …" in the Edit menu."""
    c = command
    if isinstance(c, cmd.SetLearningRate):
        return translate("Messages", "learning rate %1").replace("%1", _rate(c.value))
    if isinstance(c, cmd.SetLoss):
        return translate("Messages", "loss %1").replace("%1", loss_name(c.name))
    if isinstance(c, cmd.SetOutputActivation):
        return translate("Messages", "output activation %1").replace(
            "%1", activation_name(c.name))
    if isinstance(c, cmd.SetOutputAndLoss):
        return fill(translate("Messages", "output activation %1 with loss %2"),
                    [activation_name(c.output_activation), loss_name(c.loss)])
    if isinstance(c, cmd.SetHiddenActivation):
        return translate("Messages", "hidden activation %1").replace(
            "%1", activation_name(c.name))
    if isinstance(c, cmd.SetHiddenUnits):
        return translate("Messages", "%1 hidden units").replace("%1", str(c.count))
    if isinstance(c, cmd.SetBatchSize):
        return (translate("Messages", "full-batch training") if c.size is None
                else translate("Messages", "batch size %1").replace("%1", str(c.size)))
    if isinstance(c, cmd.SetSplit):
        return fill(translate("Messages", "split %1/%2/%3 %"),
                    [round(100 * r) for r in c.ratios])
    if isinstance(c, cmd.SetWeightSeed):
        return translate("Messages", "weight seed %1").replace("%1", str(c.seed))
    if isinstance(c, cmd.SetTrainSelectedOnly):
        return (translate("Messages", "train only the selected parameter") if c.on
                else translate("Messages", "train every parameter"))
    if isinstance(c, cmd.SetBuiltinDataset):
        return translate("Messages", "dataset %1").replace("%1", dataset_name(c.dataset))
    if isinstance(c, (cmd.SetData, cmd.LoadCsv)):
        source = c.source if isinstance(c, cmd.SetData) else Path(c.path).name
        return translate("Messages", "data from %1").replace("%1", source)
    if isinstance(c, cmd.EditParameter):
        return fill(translate("Messages", "%1 = %2"), [c.name, numbers.significant(c.value, 6)])
    if isinstance(c, cmd.SetEarlyStopping):
        return (translate("Messages", "no early stopping") if c.patience is None
                else translate("Messages", "early stopping after %1 epochs").replace(
                    "%1", str(c.patience)))
    if isinstance(c, cmd.SetSpeed):
        return (translate("Messages", "full speed") if c.epochs_per_second is None
                else translate("Messages", "speed %1 epochs/s").replace(
                    "%1", numbers.significant(c.epochs_per_second, 3)))
    if isinstance(c, cmd.Restore):
        return translate("Messages", "a new start from saved settings")
    return translate("Messages", "a change")  # a command without its own words yet
