"""Names and colours of kept runs, the same in the Runs list, the loss plot and the landscape.

A run is named by what differs ("η = 0.01", "hidden = 2", "ReLU", "seed 3"): the core says
which settings differ (:mod:`nnsim.core.runs`), this module says it in words. Pinned runs get
colours from a colour-blind-safe palette (Okabe–Ito and Tol) that leaves out the current run's
blue and orange, assigned in the order of the runs, so every view agrees.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication

from nnsim.core.losses import LOSSES
from nnsim.core.runs import Difference, RunRecord, describe, differences, varying_fields
from nnsim.core.settings import Settings
from nnsim.ui.names import activation_name, dataset_name
from nnsim.ui.numbers import significant

# (normal, high contrast) per pinned run: green, reddish purple, sky blue, black, vermillion,
# olive; none is the current run's blue (#1f4e9c) or orange (#e07b00).
RUN_COLORS = (("#009e73", "#007a55"), ("#cc3f98", "#a8006e"), ("#3aa3e0", "#0072b2"),
              ("#333333", "#000000"), ("#c23b00", "#a02c00"), ("#8c8c1f", "#666600"))


translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def _filled(text: str, value: object) -> str:
    return text.replace("%1", str(value))


def difference_text(d: Difference) -> str:
    """One difference in words: "η = 0.01", "hidden = 2", "ReLU", "seed 3"."""
    v = d.value
    if d.field == "learning_rate":
        return _filled(translate("Runs", "η = %1"), significant(float(v), 3))
    if d.field == "hidden_units":
        return _filled(translate("Runs", "hidden = %1"), v)
    if d.field == "hidden_activation":
        return activation_name(v)
    if d.field == "output_activation":
        return _filled(translate("Runs", "output %1"), activation_name(v))
    if d.field == "loss":
        spec = LOSSES.get(v)
        return spec.short_name if spec else str(v)
    if d.field == "batch_size":
        return (translate("Runs", "full batch") if v is None
                else _filled(translate("Runs", "batch %1"), v))
    if d.field == "weight_seed":
        return _filled(translate("Runs", "seed %1"), v)
    if d.field == "dataset":
        return dataset_name(v)
    if d.field == "n_samples":
        return _filled(translate("Runs", "%1 rows"), v)
    if d.field == "noise":
        return _filled(translate("Runs", "noise %1"), significant(float(v), 3))
    if d.field == "data_seed":
        return _filled(translate("Runs", "data seed %1"), v)
    if d.field == "ratios":
        return _filled(translate("Runs", "split %1"), "/".join(str(round(100 * r)) for r in v))
    if d.field == "split_seed":
        return _filled(translate("Runs", "split seed %1"), v)
    if d.field == "train_selected_only":
        return (_filled(translate("Runs", "only %1 trained"), v) if v
                else translate("Runs", "all weights trained"))
    return f"{d.field} {v}"


def changed_text(run: RunRecord) -> str:
    """What changed while ``run`` trained, e.g. "η changed during the run" ("" if nothing)."""
    if not run.changed:
        return ""
    words = {"learning_rate": translate("Runs", "η"),
             "batch_size": translate("Runs", "batch size"),
             "hidden_activation": translate("Runs", "activation"),
             "output_activation": translate("Runs", "output"),
             "loss": translate("Runs", "loss"),
             "train_selected_only": translate("Runs", "trained weights")}
    names = ", ".join(words.get(name, name) for name in run.changed)
    return _filled(translate("Runs", "%1 changed during the run"), names)


def differences_text(items: Sequence[Difference]) -> str:
    return ", ".join(difference_text(d) for d in items)


def run_difference(run: RunRecord, current: Settings) -> str:
    """What ``run`` did differently from the current settings ("same settings" if nothing)."""
    text = (differences_text(differences(run.settings, current))
            or translate("Runs", "same settings"))
    changed = changed_text(run)
    return f"{text} ({changed})" if changed else text


def overlay_names(runs: Iterable[RunRecord], current: Settings) -> dict[int, str]:
    """Legend names of the pinned runs: the settings that vary among them and the current run,
    with each run's values ("η = 0.05"); "run 3" where nothing tells them apart."""
    pinned = [r for r in runs if r.pinned]
    fields = varying_fields([r.settings for r in pinned] + [current])
    return {r.id: differences_text(describe(r.settings, fields)) or
            _filled(translate("Runs", "run %1"), r.id) for r in pinned}


def overlay_colors(runs: Iterable[RunRecord]) -> dict[int, tuple[str, str]]:
    """A colour (normal, high contrast) for each pinned run, in the order of the runs."""
    pinned = [r for r in runs if r.pinned]
    return {r.id: RUN_COLORS[i % len(RUN_COLORS)] for i, r in enumerate(pinned)}
