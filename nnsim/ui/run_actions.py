"""The window's side of run comparison: the Runs dock, pinning, Compare learning rates.

Owned by :class:`nnsim.ui.main_window.MainWindow` (``window.run_actions``). Every change goes to
the session as a command (PinRun, ClearComparison, CompareLearningRates); the Runs list, the
loss plot and the landscape redraw from the snapshot's ``runs``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget

from nnsim.core import commands as cmd
from nnsim.core.snapshot import Snapshot
from nnsim.ui.runs_panel import RunsPanel


translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


class RunActions:
    """Creates the Runs dock on ``window`` and connects it and the Train menu's actions."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.panel = RunsPanel()
        window._add_dock("runsDock", translate("RunActions", "Runs"), self.panel,
                         Qt.BottomDockWidgetArea)
        self.dock = window.findChild(QDockWidget, "runsDock")
        a = window.action_set
        a.compare_learning_rates.triggered.connect(self.compare_learning_rates)
        a.clear_comparison.triggered.connect(self.clear_comparison)
        self.panel.compare_requested.connect(self.compare_learning_rates)
        self.panel.clear_requested.connect(self.clear_comparison)
        self.panel.pin_toggled.connect(
            lambda run_id, on: window.submit(cmd.PinRun(run_id, on)))

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.panel.show_snapshot(snapshot)

    def compare_learning_rates(self) -> None:
        """Train → Compare learning rates: the rates in the Runs dock (η/10, η, 10·η unless
        edited), from the current run's initial weights; the loss plot and the landscape show
        them."""
        try:
            rates, epochs = self.panel.comparison()
        except ValueError as error:
            self.window.say(str(error), 10000)
            self.window.show_error(str(error))
            return
        self.window.submit(cmd.CompareLearningRates(rates, epochs))
        # Large data take a while: say what is coming (the session's notice follows when done).
        text = translate("RunActions", "Training %1 learning rates for %2 epochs each from the "
                                       "run's initial weights…")
        self.window.say(text.replace("%1", str(len(rates))).replace("%2", str(epochs)), 0)
        # Both plots to the front: the landscape over its tabs (Runs, Data…) when the plots are
        # side by side; the loss plot when they share one tab group (a narrow window).
        docks = [self.window.findChild(QDockWidget, n) for n in ("lossDock", "landscapeDock")]
        for dock in docks:
            dock.show()
        docks[1 if self._plots_side_by_side() else 0].raise_()

    def clear_comparison(self) -> None:
        """Unpin every run: the plots show the current run only."""
        self.window.submit(cmd.ClearComparison())

    def _plots_side_by_side(self) -> bool:
        loss = self.window.findChild(QDockWidget, "lossDock")
        landscape = self.window.findChild(QDockWidget, "landscapeDock")
        return landscape not in self.window.tabifiedDockWidgets(loss)
