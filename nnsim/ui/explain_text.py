"""The step explainer's words and numbers: formulas written out, phase titles and notes.

One rounding for every number of the explainer (three significant digits, through
:mod:`nnsim.ui.numbers`, so a German interface writes decimal commas everywhere at once), and
every sentence through ``translate`` with ``%1`` placeholders. The formulas themselves come from
the core (:mod:`nnsim.core.explain_walk`) as tokens; this module only writes them down.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nnsim.core.explain_walk import (BACKWARD_HIDDEN, BACKWARD_OUTPUT, FORWARD_HIDDEN,
                                     FORWARD_OUTPUT, LOSS, UPDATE, ExplainedStep, Formula, render)
from nnsim.ui import numbers

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

DIGITS = 3  # significant digits of every number in a formula or a note
NOISE = 1e-12  # below this a number is rounding noise (the mean of standardised inputs)


def number(value: float) -> str:
    """A number of the explainer: three significant digits, the interface's decimal point;
    rounding noise such as 1.7e−16 is written 0."""
    return numbers.significant(0.0 if abs(value) < NOISE else value, DIGITS)


def separator() -> str:
    """Between the numbers of a list: "," — or ";" where the decimal point is a comma."""
    return ";" if numbers.decimal_point() == "," else ","


def word(code: str) -> str:
    """The translated word (or sign) a formula's :class:`~nnsim.core.explain_walk.Word`
    stands for."""
    if code == "separator":
        return separator()
    return {"mean": translate("StepExplainer", "mean")}.get(code, code)


def formula_text(formula: Formula) -> str:
    return render(formula, number, word)


def phase_title(kind: str) -> str:
    return {
        FORWARD_HIDDEN: translate("StepExplainer", "Forward pass: the hidden layer"),
        FORWARD_OUTPUT: translate("StepExplainer", "Forward pass: the output layer"),
        LOSS: translate("StepExplainer", "Loss: the outputs against the targets"),
        BACKWARD_OUTPUT: translate("StepExplainer",
                                   "Backward pass: δ of the outputs and ∂L/∂v"),
        BACKWARD_HIDDEN: translate("StepExplainer",
                                   "Backward pass: δ of the hidden units and ∂L/∂w"),
        UPDATE: translate("StepExplainer", "Update: every weight against its gradient"),
    }[kind]


def phase_hint(kind: str) -> str:
    """What the phase does, in the lecture's words."""
    return {
        FORWARD_HIDDEN: translate(
            "StepExplainer", "Each hidden unit sums its weighted inputs plus its bias (z) and "
            "applies its activation."),
        FORWARD_OUTPUT: translate(
            "StepExplainer", "Each output unit sums the weighted hidden activations plus its "
            "bias and applies the output activation: the prediction ŷ."),
        LOSS: translate("StepExplainer",
                        "The loss compares the predictions with the true values."),
        BACKWARD_OUTPUT: translate(
            "StepExplainer", "δ = ∂L/∂z says how the loss changes with an output's sum; each "
            "hidden→output weight's slope is δ times the activation it carries."),
        BACKWARD_HIDDEN: translate(
            "StepExplainer", "A hidden unit's δ is the output δs sent back along its weights, "
            "times the slope of its activation; an input weight's slope is δ times the input."),
        UPDATE: translate("StepExplainer",
                          "Gradient descent: new value = old value − η · slope."),
    }[kind]


def example_note(step: ExplainedStep) -> str:
    """Which rows the forward and backward numbers are for."""
    if step.row is None:
        return translate(
            "StepExplainer", "Numbers for all %1 training rows: means over the rows (z is "
            "linear, so its mean is the formula at the mean inputs; the slopes are the means "
            "of the rows' products).").replace("%1", str(step.n_train))
    return translate("StepExplainer", "Numbers for training row %1 alone (ℓ is its loss)."
                     ).replace("%1", str(step.row + 1))


def update_notes(step: ExplainedStep) -> list[str]:
    """The honest fine print of the update phase."""
    notes = []
    if step.row is not None:
        notes.append(translate(
            "StepExplainer", "Training does not step with one row's slope: the update takes "
            "the mean slope ∂L/∂w over all %1 training rows, shown here.").replace(
                "%1", str(step.n_train)))
    if step.steps_per_epoch > 1:
        notes.append(translate(
            "StepExplainer", "Mini-batches of %1: this epoch makes %2 smaller steps, each with "
            "the mean slope of its own shuffled rows. Shown is the full-batch step; the "
            "weights after the epoch differ from it.").replace(
                "%1", str(step.batch_size)).replace("%2", str(step.steps_per_epoch)))
    if step.frozen:
        notes.append(translate("StepExplainer", "Only the selected parameter is trained: the "
                               "others stay as they are."))
    return notes


def node_notes(step: ExplainedStep, show_delta: set[str]) -> dict[str, list[str]]:
    """The lines under each unit: x; z and h; z, ŷ and the target y; δ once it is computed.

    For the mean over the rows these are means (the loss note and the dock say so)."""
    t = step.trace

    def mean(column) -> str:
        return number(float(column.mean()))

    notes: dict[str, list[str]] = {}
    for i in range(t.sizes[0]):
        notes[f"I{i + 1}"] = [f"x = {mean(t.inputs[:, i])}"]
    for j in range(t.sizes[1]):
        notes[f"H{j + 1}"] = [f"z = {mean(t.hidden_pre[:, j])}", f"h = {mean(t.hidden[:, j])}"]
    for k in range(t.sizes[2]):
        notes[f"O{k + 1}"] = [f"z = {mean(t.output_pre[:, k])}",
                              f"ŷ = {mean(t.output[:, k])}  y = {mean(t.targets[:, k])}"]
    for node in show_delta:
        if node in notes and node[0] in "HO":
            notes[node].append(f"δ = {number(t.delta(node).mean)}")
    return notes


def loss_note(step: ExplainedStep) -> str:
    """The example's loss, beside the outputs."""
    t = step.trace
    if step.row is None:
        return translate("StepExplainer", "L (means, %2 rows) = %1").replace(
            "%1", number(t.loss)).replace("%2", str(t.n_rows))
    return translate("StepExplainer", "row %1: ℓ = %2").replace(
        "%1", str(step.row + 1)).replace("%2", number(t.loss))


def row_description(step: ExplainedStep) -> str:
    """The chosen row's inputs and target (or what the mean stands for)."""
    if step.row is None:
        return translate("StepExplainer", "The mean over all %1 training rows: what training "
                         "itself uses.").replace("%1", str(step.n_train))
    t = step.trace
    between = separator() + " "
    inputs = between.join(number(float(v)) for v in t.inputs[0])
    targets = between.join(number(float(v)) for v in t.targets[0])
    return translate("StepExplainer", "Row %1: x = (%2) → target y = (%3)").replace(
        "%1", str(step.row + 1)).replace("%2", inputs).replace("%3", targets)


def row_details(step: ExplainedStep, feature_names: tuple[str, ...],
                target_names: tuple[str, ...]) -> str:
    """The chosen row with the data's own names, one value a line (the row label's tooltip)."""
    if step.row is None:
        return ""
    t = step.trace

    def line(symbol: str, name: str, value: float) -> str:
        return f"{symbol} ({name}) = {number(value)}" if name else f"{symbol} = {number(value)}"

    inputs = zip(_padded(feature_names, t.sizes[0]), t.inputs[0])
    targets = zip(_padded(target_names, t.sizes[2]), t.targets[0])
    return "\n".join([line(f"x{i + 1}", name, float(v)) for i, (name, v) in enumerate(inputs)]
                     + [line(f"y{k + 1}", name, float(v)) for k, (name, v) in enumerate(targets)])


def _padded(names: tuple[str, ...], n: int) -> tuple[str, ...]:
    return tuple(names) if len(names) == n else ("",) * n


def gradient_label(value: float) -> str:
    """A slope on an edge label, rounded as in the dock's formulas (one rounding everywhere:
    a student compares the edge with the formula)."""
    return number(value)
