"""The final evaluation, shown with the configuration it evaluated, and asked for only once.

The lecture: the test set is for the final evaluation of a model chosen on the development set.
Looking at it again after changing something turns it into a second development set, so the
window asks first, and the panel says how many times this run has looked.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from nnsim.core.settings import same_model
from nnsim.core.datasets import BUILTIN_DATASETS
from nnsim.core.snapshot import Snapshot, TestResult
from nnsim.ui import numbers
from nnsim.ui.names import dataset_name as builtin_name
from nnsim.ui.messages import activation_name, loss_name


def looked_again_needs_asking(snapshot: Snapshot) -> bool:
    """True if evaluating now would look at the test set for a different model than before."""
    result = snapshot.test_result
    return result is not None and (result.epoch != snapshot.epoch
                                   or not same_model(result.settings, snapshot.settings))


class TestResultsPanel(QFrame):
    """The last test-set result with the configuration that was evaluated."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("testResultsPanel")
        self.text = QLabel(objectName="testResultsText")
        self.text.setWordWrap(True)
        self.text.setToolTip(self.tr("The final evaluation: the test loss of the model that was "
                                     "chosen on the development set"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self._shown: TestResult | None = None

    def show_result(self, result: TestResult | None, dataset_name: str) -> None:
        if result == self._shown:
            return
        self._shown = result
        if result is None:
            self.text.setText(self.tr("No final evaluation yet: Train → Evaluate on test set, "
                                      "once, when the model is chosen."))
            return
        rows = [(self.tr("Test loss"), numbers.significant(result.loss))]
        if result.accuracy is not None:
            rows.append((self.tr("Test accuracy"), numbers.percent(result.accuracy) + " %"))
        rows.append((self.tr("Epoch"), str(result.epoch)))
        s = result.settings
        if s is not None:
            shown = builtin_name(s.dataset) if s.dataset in BUILTIN_DATASETS else dataset_name
            rows += [(self.tr("Data"), shown),
                     (self.tr("Hidden units"), str(s.hidden_units)),
                     (self.tr("Activations"), f"{activation_name(s.hidden_activation)}, "
                                              f"{activation_name(s.output_activation)}"),
                     (self.tr("Loss"), loss_name(s.loss)),
                     (self.tr("Learning rate η"), numbers.significant(s.learning_rate, 6)),
                     (self.tr("Batch size"), self.tr("full batch") if s.batch_size is None
                      else str(s.batch_size)),
                     (self.tr("Weight seed"), str(s.weight_seed))]
        table = "".join(f"<tr><td>{html.escape(a)}</td><td><b>{html.escape(b)}</b></td></tr>"
                        for a, b in rows)
        warning = ""
        if result.looks > 1:
            warning = "<p style='color:#a04000'>" + html.escape(self.tr(
                "This run has looked at the test set %1 times: it now helped choose the model, "
                "like a development set.").replace("%1", str(result.looks))) + "</p>"
        self.text.setText(f"<table cellspacing='2'>{table}</table>{warning}")
