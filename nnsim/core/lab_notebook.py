"""A lab notebook: what a student hands in for an exercise, made from one snapshot of a run.

The window writes a folder: ``README.md`` (this module's report), ``history.csv`` (this
module's), ``weights.csv``, the figures as PNG and SVG, and ``settings.nnsim`` (the lesson file,
so the run can be reproduced). The report's headings and labels are English here, marked with
``QT_TRANSLATE_NOOP("LabNotebook", …)``; the window passes a ``translate`` function so a German
student gets a German report. Numbers are written with a decimal point in every language, as
in the CSV files.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path

import numpy as np

from nnsim.core.datasets import BUILTIN_DATASETS, QT_TRANSLATE_NOOP
from nnsim.core.settings import VIEW_FIELDS
from nnsim.core.snapshot import Snapshot

CONTEXT = "LabNotebook"
README = "README.md"
HISTORY_CSV = "history.csv"
WEIGHTS_CSV = "weights.csv"
LESSON_FILE = "settings.nnsim"
HISTORY_COLUMNS = ("epoch", "train_loss", "dev_loss", "train_accuracy", "dev_accuracy")

Translate = Callable[[str], str]
# (kind, id) -> the name the window shows, kind "activation", "loss" or "dataset".
NameOf = Callable[[str, str], str]


def _same(text: str) -> str:
    return text


def _id(kind: str, name: str) -> str:
    return name


@dataclass(frozen=True)
class NotebookFacts:
    """What the report needs beyond the snapshot.

    Attributes
    ----------
    made_at : when the notebook was made (local time).
    version : nnsim's version.
    split_sizes : rows in the training, development and test parts.
    figures : file names of the figures written (those that could not be made are missing).
    """

    made_at: datetime
    version: str
    split_sizes: tuple[int, int, int]
    figures: tuple[str, ...] = ()


def number(value: float | None, digits: int = 6) -> str:
    """A number for the report and the CSV files: 6 significant digits, "–" for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float) and math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return f"{value:.{digits}g}"


def percent(value: float | None) -> str:
    return "–" if value is None or math.isnan(value) else f"{100 * value:.1f} %"


def write_history_csv(snapshot: Snapshot, path: str | Path) -> None:
    """The loss history, one row per recorded epoch (empty cells for missing accuracies)."""
    columns = [np.asarray(snapshot.history.get(c, ()), dtype=float) for c in HISTORY_COLUMNS]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HISTORY_COLUMNS)
        for row in zip(*columns):
            epoch, *values = row
            writer.writerow([int(epoch)] + ["" if math.isnan(v) else repr(float(v))
                                            for v in values])


def report_markdown(snapshot: Snapshot, facts: NotebookFacts,
                    translate: Translate = _same, name_of: NameOf = _id) -> str:
    """The notebook's README: settings, data and split, the final numbers, the test result.

    ``name_of`` gives the names the window shows for activations, losses and built-in
    datasets (the ids stay in the settings table, which reproduces the run)."""
    t = translate
    s = snapshot.settings
    lines = ["# " + t(QT_TRANSLATE_NOOP("LabNotebook", "nnsim lab notebook")), ""]
    lines += [_row(t(QT_TRANSLATE_NOOP("LabNotebook", "Made")),
                   facts.made_at.strftime("%Y-%m-%d %H:%M:%S")),
              _row(t(QT_TRANSLATE_NOOP("LabNotebook", "nnsim version")), facts.version), ""]

    lines += ["## " + t(QT_TRANSLATE_NOOP("LabNotebook", "Data and split")), ""]
    entry = BUILTIN_DATASETS.get(s.dataset)
    source = (t(QT_TRANSLATE_NOOP("LabNotebook", "built-in, generated from its recipe"))
              if entry else t(QT_TRANSLATE_NOOP("LabNotebook", "imported rows (stored in %1)"))
              .replace("%1", LESSON_FILE))
    lines += [_row(t(QT_TRANSLATE_NOOP("LabNotebook", "Dataset")),
                   f"{name_of('dataset', s.dataset) if entry else snapshot.dataset_name} "
                   f"({source})"),
              _row(t(QT_TRANSLATE_NOOP("LabNotebook", "Task")), t(QT_TRANSLATE_NOOP(
                  "LabNotebook", "classification")) if snapshot.is_classification
                  else t(QT_TRANSLATE_NOOP("LabNotebook", "regression"))),
              _row(t(QT_TRANSLATE_NOOP("LabNotebook", "Rows")), str(snapshot.n_rows)),
              _row(t(QT_TRANSLATE_NOOP("LabNotebook", "Inputs")), ", ".join(snapshot.feature_names)),
              _row(t(QT_TRANSLATE_NOOP("LabNotebook", "Outputs")), ", ".join(snapshot.target_names))]
    if entry:
        lines.append(_row(t(QT_TRANSLATE_NOOP("LabNotebook", "Recipe")),
                          f"n_samples = {s.n_samples}, noise = {number(s.noise)}, "
                          f"data_seed = {s.data_seed}"))
    n_train, n_dev, n_test = facts.split_sizes
    rows = t(QT_TRANSLATE_NOOP("LabNotebook", "rows"))
    lines += [_row(t(QT_TRANSLATE_NOOP("LabNotebook", "Split (train / dev / test)")),
                   f"{' / '.join(percent(r) for r in s.ratios)} = "
                   f"{n_train} / {n_dev} / {n_test} {rows}, split_seed = {s.split_seed}"), ""]

    lines += ["## " + t(QT_TRANSLATE_NOOP("LabNotebook", "Network and training")), ""]
    lines += [_row(t(QT_TRANSLATE_NOOP("LabNotebook", "Network")), "-".join(map(str, snapshot.sizes))),
              _row(t(QT_TRANSLATE_NOOP("LabNotebook", "Activations (hidden, output)")),
                   f"{name_of('activation', s.hidden_activation)}, "
                   f"{name_of('activation', s.output_activation)}"),
              _row(t(QT_TRANSLATE_NOOP("LabNotebook", "Loss")), name_of("loss", s.loss)),
              _row(t(QT_TRANSLATE_NOOP("LabNotebook", "Learning rate η")), number(s.learning_rate)),
              _row(t(QT_TRANSLATE_NOOP("LabNotebook", "Batch size")),
                   str(s.batch_size) if s.batch_size else
                   t(QT_TRANSLATE_NOOP("LabNotebook", "full batch"))),
              _row(t(QT_TRANSLATE_NOOP("LabNotebook", "Weight seed")), str(s.weight_seed)),
              _row(t(QT_TRANSLATE_NOOP("LabNotebook", "Early stopping (patience)")),
                   str(s.early_stopping) if s.early_stopping else "–"), ""]

    lines += ["## " + t(QT_TRANSLATE_NOOP("LabNotebook", "Result of the run")), ""]
    lines += [_row(t(QT_TRANSLATE_NOOP("LabNotebook", "Epochs trained")), str(snapshot.epoch)),
              _row(t(QT_TRANSLATE_NOOP("LabNotebook", "Training loss")), number(snapshot.train_loss)),
              _row(t(QT_TRANSLATE_NOOP("LabNotebook", "Dev loss")), number(snapshot.dev_loss))]
    if snapshot.is_classification:
        lines += [_row(t(QT_TRANSLATE_NOOP("LabNotebook", "Training accuracy")),
                       percent(snapshot.train_accuracy)),
                  _row(t(QT_TRANSLATE_NOOP("LabNotebook", "Dev accuracy")),
                       percent(snapshot.dev_accuracy))]
    if math.isfinite(snapshot.best_dev_loss):
        lines.append(_row(t(QT_TRANSLATE_NOOP("LabNotebook", "Lowest dev loss")),
                          t(QT_TRANSLATE_NOOP("LabNotebook", "%1 at epoch %2"))
                          .replace("%1", number(snapshot.best_dev_loss))
                          .replace("%2", str(snapshot.best_epoch))))
    if snapshot.divergence is not None:
        lines.append(_row(t(QT_TRANSLATE_NOOP("LabNotebook", "Stopped")),
                          f"{snapshot.divergence.kind} ({snapshot.divergence.reason}), "
                          f"epoch {snapshot.divergence.epoch}"))
    result = snapshot.test_result
    if result is None:
        test = t(QT_TRANSLATE_NOOP("LabNotebook", "not evaluated (the test set is still unseen)"))
    else:
        test = (t(QT_TRANSLATE_NOOP("LabNotebook", "loss %1 at epoch %2"))
                .replace("%1", number(result.loss)).replace("%2", str(result.epoch)))
        if result.accuracy is not None:
            test += ", " + (t(QT_TRANSLATE_NOOP("LabNotebook", "accuracy %1"))
                            .replace("%1", percent(result.accuracy)))
        if result.looks > 1:
            test += "; " + (t(QT_TRANSLATE_NOOP("LabNotebook", "looked at %1 times"))
                            .replace("%1", str(result.looks)))
    lines += [_row(t(QT_TRANSLATE_NOOP("LabNotebook", "Test set")), test), ""]

    lines += ["## " + t(QT_TRANSLATE_NOOP("LabNotebook", "Files")), ""]
    described = [(HISTORY_CSV, QT_TRANSLATE_NOOP("LabNotebook", "loss and accuracy per epoch")),
                 (WEIGHTS_CSV, QT_TRANSLATE_NOOP(
                     "LabNotebook", "every weight and bias with its gradient")),
                 (LESSON_FILE, QT_TRANSLATE_NOOP(
                     "LabNotebook",
                     "the whole session: open it in nnsim (File → Open) to reproduce this run"))]
    lines += [f"- [{name}]({name}): {t(text)}" for name, text in described]
    lines += [f"- [{name}]({name})" for name in facts.figures]
    images = [name for name in facts.figures if name.endswith(".png")]
    if images:
        lines += ["", "## " + t(QT_TRANSLATE_NOOP("LabNotebook", "Figures")), ""]
        lines += [f"![{Path(name).stem}]({name})" for name in images]
    lines += ["", "## " + t(QT_TRANSLATE_NOOP("LabNotebook", "All settings")), "",
              "| setting | value |", "| --- | --- |"]
    # What the window only shows (speed, the Data view, the explainer) is not part of the run.
    lines += [f"| {f.name} | {_cell(getattr(s, f.name))} |" for f in fields(s)
              if f.name not in VIEW_FIELDS]
    return "\n".join(lines) + "\n"


def _row(label: str, value: str) -> str:
    return f"- **{label}:** {value}"


def _cell(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(_cell(v) for v in value)
    if value is None:
        return "–"
    if isinstance(value, float):
        return number(value, 10)
    return str(value).replace("|", "\\|")


def figure_names(plots: Sequence[str]) -> list[str]:
    """``loss.png``, ``loss.svg``, … for the plots to export."""
    return [f"{plot}.{kind}" for plot in plots for kind in ("png", "svg")]
