"""The main window's lecture actions: demos, the start page, the guide, tuning on the dev set
and the one final evaluation on the test set.

A mixin of :class:`nnsim.ui.main_window.MainWindow`, which provides the attributes used here.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
from PySide6.QtCore import Qt, __version__ as qt_version
from PySide6.QtWidgets import QMessageBox

import nnsim
from nnsim.core import commands as cmd
from nnsim.core.demos import DEMOS
from nnsim.core.snapshot import Snapshot
from nnsim.core.splits import Splits
from nnsim.ui import numbers
from nnsim.ui.final_evaluation import looked_again_needs_asking
from nnsim.ui.guide import GuideDialog
from nnsim.ui.lecture import StartPage


class LectureActions:
    """Lecture menu, Help and the dev/test-set actions of the main window."""

    action_set: Any
    latest_snapshot: Snapshot | None
    statusBar: Callable[[], Any]  # noqa: N815 - Qt's name
    loss_plot: Any
    demo_caption: Any
    _test_again_allowed: bool
    _guide: GuideDialog | None
    sweep_dialog: Any
    tr: Callable[[str], str]
    submit: Callable[[cmd.Command], None]
    submit_gesture: Callable[[cmd.Command], None]
    say: Callable[..., None]
    data_view: Any
    worker: Any
    _data_key: tuple | None

    def evaluate_test(self) -> bool:
        """The final evaluation. Looking again at the test set for a changed or further-trained
        model asks first (once per run): each look makes it less of a test set."""
        snapshot = self.latest_snapshot
        if (snapshot is not None and looked_again_needs_asking(snapshot)
                and not self._test_again_allowed):
            if not self.ask_yes_no(self.tr("Look at the test set again?"), self.tr(
                    "The test set was already used to evaluate this run at epoch %1. Evaluating "
                    "again after training further or changing settings lets the test set help "
                    "choose the model, and then it is no longer unseen data: it has become a "
                    "second development set. The lecture's advice: choose on the development "
                    "set, and test once at the end.\n\nEvaluate on the test set anyway?").replace(
                        "%1", str(snapshot.test_result.epoch))):
                return False
            self._test_again_allowed = True  # the answer holds for the rest of this run
        self.submit(cmd.EvaluateTest())
        return True

    def open_sweep_dialog(self, splits: Splits) -> None:
        """Train → Tune on dev set: the sweep dialog on the current data and choices."""
        from nnsim.ui.sweep_dialog import SweepDialog  # the dialog loads only when asked for

        if self.latest_snapshot is None:
            return
        self.action_set.train.setChecked(False)
        dialog = SweepDialog(splits, self.latest_snapshot.settings, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.configuration_chosen.connect(self.use_configuration)
        self.sweep_dialog = dialog
        dialog.open()

    def use_configuration(self, hidden_units: int, learning_rate: float, epoch: int) -> None:
        """Set the window to a sweep's configuration and train it, from the same seed, to the
        epoch with the lowest dev loss: the main window then shows exactly that model."""
        self.action_set.train.setChecked(False)
        self.submit_gesture(cmd.SetHiddenUnits(hidden_units))
        self.submit_gesture(cmd.SetLearningRate(learning_rate))
        self.submit(cmd.Reset())  # the sweep's run started from the seed's weights
        self.submit(cmd.Step(epoch))
        self.say(self.tr("Chose %1 hidden units and η = %2 on the development set, trained to "
                         "epoch %3, its lowest dev loss.").replace("%1", str(hidden_units))
                 .replace("%2", numbers.significant(learning_rate, 6)).replace("%3", str(epoch)))

    def ask_yes_no(self, title: str, text: str) -> bool:
        """A yes/no question (a method, so tests can replace it)."""
        return QMessageBox.question(self, title, text) == QMessageBox.Yes

    def open_demo(self, demo_id: str) -> None:
        """Set the app up for one of the lecture's claims (one undo step) and say what to see."""
        demo = DEMOS[demo_id]
        self.action_set.train.setChecked(False)
        self.statusBar().clearMessage()
        self.loss_plot.clear_run()
        self.submit_gesture(cmd.Restore(demo.settings, demo.data))
        for command in demo.commands:
            self.submit(command)
        self.demo_caption.show_demo(demo_id, demo)

    def show_start_page(self) -> None:
        """The welcome page with the demos (non-modal; closing it leaves the default network)."""
        page = StartPage(self, self.open_demo)
        page.setAttribute(Qt.WA_DeleteOnClose)
        page.show()

    def show_guide(self) -> None:
        """Help → Guide: the tour along the lecture (non-modal, so the app stays usable)."""
        if self._guide is None:
            self._guide = GuideDialog(self)
        self._guide.show()
        self._guide.raise_()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About nnsim"), self.tr(
            "<h3>nnsim %1</h3><p>A neural-network simulator for the lecture "
            "“Basics of Neural Networks”.</p><p>Qt %2 · PySide6 · NumPy %3</p>")
            .replace("%1", nnsim.__version__).replace("%2", qt_version)
            .replace("%3", np.__version__))

    def _on_data_view_visible(self, visible: bool) -> None:
        """The Data view costs a grid of predictions per snapshot: only while it is shown."""
        snapshot = self.latest_snapshot
        if not visible or snapshot is None or len(snapshot.feature_names) < 2:
            self.submit(cmd.SetDataViewAxes(None))
            return
        self.submit(cmd.SetDataViewAxes(snapshot.settings.data_view_axes or (0, 1)))
        self._data_key = None  # the rows are asked for with the next snapshot

    def _show_data(self, snapshot: Snapshot) -> None:
        if not self.data_view.isVisible() or len(snapshot.feature_names) < 2:
            return
        s = snapshot.settings
        key = (s.dataset, s.data_source, s.n_samples, s.noise, s.data_seed, s.ratios,
               s.split_seed)
        if key != self._data_key:  # other rows or another split: fetch them once
            self._data_key = key
            self.worker.request_splits("data")
        self.data_view.show_snapshot(snapshot)
