"""The main window: network editor in the middle, controls and plots in docks around it.

Data flows one way: a control builds a command (:mod:`nnsim.core.commands`) and submits it to the
training worker, which applies it through ``Session.apply`` and sends back a snapshot; every view
and every control redraws from that snapshot. Undo steps are built from what the session reported
when it applied a gesture (the old value it replaced).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Slot, __version__ as qt_version
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QInputDialog, QLabel, QMainWindow,
                               QMessageBox, QProgressBar, QScrollArea, QVBoxLayout, QWidget)

import nnsim
from nnsim.core import commands as cmd
from nnsim.core.csv_loader import is_large_file
from nnsim.core.session import Applied, Session
from nnsim.core.snapshot import Snapshot
from nnsim.ui.actions import create_actions
from nnsim.ui.activation_preview import ActivationPreview
from nnsim.ui.control_panel import ControlPanel
from nnsim.ui.landscape_plot import LandscapePanel
from nnsim.ui.loss_plot import LossPlot
from nnsim.ui.messages import divergence_text, notice_text
from nnsim.ui.network_view import NetworkView
from nnsim.ui.plot_export import export_png, export_svg
from nnsim.ui.settings import AppSettings
from nnsim.ui.undo import AppliedCommand
from nnsim.worker import WorkerThread


NARROW_WINDOW = 1200  # px; below this the two plots share their dock area as tabs


# The event that tells the training thread a snapshot has been drawn (see _on_snapshot_ready).
SNAPSHOT_DRAWN = QEvent.Type(QEvent.registerEventType())


class MainWindow(QMainWindow):
    """nnsim's window. Constructible with no arguments once a QApplication exists."""

    def __init__(self, session: Session | None = None, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("nnsim — Basics of Neural Networks"))
        self._fit_default_size()
        self.app_settings = settings or AppSettings()
        session = session or Session()
        self.latest_snapshot: Snapshot | None = None
        self._shown_divergence = None
        self._shown_test_result = None
        self.undo_stack = QUndoStack(self)
        self.action_set = create_actions(self, self.undo_stack)

        self.network_view = NetworkView()
        self.divergence_banner = QLabel(objectName="divergenceBanner")
        self.divergence_banner.setWordWrap(True)
        self.divergence_banner.setStyleSheet(
            "background: #fdecea; color: #922b21; border: 2px solid #c0392b; padding: 8px;"
            "font-size: 15pt; font-weight: bold;")
        self.divergence_banner.hide()
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.divergence_banner)
        centre_layout.addWidget(self.network_view, 1)
        self.setCentralWidget(centre)

        self.control_panel = ControlPanel(session.settings)
        self.activation_preview = ActivationPreview()
        self.activation_preview.set_activation(session.settings.hidden_activation)
        controls = QWidget()
        controls_layout = QVBoxLayout(controls)
        controls_layout.setContentsMargins(0, 0, 0, 0)
        controls_layout.addWidget(self.control_panel)
        controls_layout.addWidget(self.activation_preview)
        scroll = QScrollArea()
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.loss_plot = LossPlot()
        self.landscape_panel = LandscapePanel()
        self._add_dock("controlsDock", self.tr("Controls"), scroll, Qt.LeftDockWidgetArea)
        self._add_dock("lossDock", self.tr("Loss over epochs"), self.loss_plot,
                       Qt.BottomDockWidgetArea)
        self._add_dock("landscapeDock", self.tr("Gradient descent: loss landscape"),
                       self.landscape_panel, Qt.BottomDockWidgetArea)

        # The controls run the full height on the left; the plots share the bottom right.
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)
        # Wide enough for the controls' own minimum plus the scroll bar: narrower, the right edge
        # (formulas, "Test 15 %") would be cut off, since the panel never scrolls sideways.
        scroll.setMinimumWidth(max(330, scroll.widget().minimumSizeHint().width()
                                   + scroll.verticalScrollBar().sizeHint().width() + 6))
        docks = [self.findChild(QDockWidget, n) for n in ("controlsDock", "lossDock",
                                                           "landscapeDock")]
        if self.width() < NARROW_WINDOW:
            # Side by side, both plots would be squeezed unreadable: show them as tabs.
            self.tabifyDockWidget(docks[1], docks[2])
            docks[2].raise_()
        else:
            self.resizeDocks(docks, [340, 520, 580], Qt.Horizontal)
        # The network is the lecture's picture: it gets the larger share of the height.
        plots_height = int(0.42 * self.height())
        self.resizeDocks(docks[1:], [plots_height, plots_height], Qt.Vertical)
        self._add_toolbar()

        self.epoch_label = QLabel(objectName="epochLabel")
        self.epoch_label.setStyleSheet("font-weight: bold; padding: 0 8px;")
        self.metrics_label = QLabel(objectName="metricsLabel")
        self.busy_indicator = QProgressBar(objectName="busyIndicator", minimum=0, maximum=0)
        self.busy_indicator.setMaximumWidth(120)
        self.busy_indicator.setToolTip(self.tr("Loading the data file…"))
        self.busy_indicator.hide()
        self._pending_loads = 0
        self.statusBar().addPermanentWidget(self.busy_indicator)
        self.statusBar().addPermanentWidget(self.metrics_label)
        self.statusBar().addPermanentWidget(self.epoch_label)
        self._show_epoch(0)

        self.worker_thread = WorkerThread(session)
        self.worker = self.worker_thread.worker
        self._connect()
        self._restore_layout()
        self.worker_thread.start()

    # ----------------------------------------------------------------- construction
    def _fit_default_size(self) -> None:
        """1440×900, or most of a smaller screen (a 1366×768 lecture-hall laptop)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1440, 900
        if screen is not None:
            width = min(width, int(screen.width() * 0.95))
            height = min(height, int(screen.height() * 0.92))
        self.resize(width, height)

    def _add_dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())

    def _add_toolbar(self) -> None:
        """Train / Step / Reset / Evaluate in reach of one click, in large type."""
        toolbar = self.addToolBar(self.tr("Training"))
        toolbar.setObjectName("trainingToolBar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        toolbar.setStyleSheet("QToolButton { font-size: 14pt; font-weight: bold; padding: 4px 14px; }"
                              "QToolButton:checked { background: #d5f5e3; }")
        for action in (self.action_set.train, self.action_set.step, self.action_set.reset):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.action_set.evaluate_test)
        toolbar.addSeparator()
        big = QLabel(objectName="toolbarEpochLabel")
        big.setStyleSheet("font-size: 14pt; padding: 0 12px;")
        self.toolbar_epoch_label = big
        toolbar.addWidget(big)

    def _connect(self) -> None:
        a, panel, worker = self.action_set, self.control_panel, self.worker
        worker.snapshot_ready.connect(self._on_snapshot_ready)
        worker.running_changed.connect(self._on_running_changed)
        worker.command_applied.connect(self._on_command_applied)
        worker.command_failed.connect(self._on_command_failed)
        worker.error_occurred.connect(self._on_error_occurred)

        a.train.toggled.connect(self._on_train_toggled)
        # The worker's methods only queue commands and are thread-safe; they are called directly
        # here (a queued slot would wait for the worker thread's event loop, which its training
        # loop never returns to).
        a.step.triggered.connect(self._on_step)
        a.reset.triggered.connect(self._on_reset)
        a.evaluate_test.triggered.connect(lambda: self.submit(cmd.EvaluateTest()))
        a.import_csv.triggered.connect(self.import_csv)
        a.export_plot.triggered.connect(self.export_plot)
        a.export_weights.triggered.connect(self.export_weights)
        a.quit.triggered.connect(self.close)
        a.log_scale.toggled.connect(self.loss_plot.set_log_scale)
        a.show_derivative.toggled.connect(self.activation_preview.set_show_derivative)
        self.activation_preview.derivative_toggled.connect(a.show_derivative.setChecked)
        a.about.triggered.connect(self.show_about)

        panel.command_requested.connect(self.submit_gesture)
        panel.import_requested.connect(self.import_csv)

        view = self.network_view
        view.parameter_selected.connect(lambda name: self.submit(cmd.SelectParameter(name)))
        view.parameter_edit_requested.connect(
            lambda name, value: self.submit_gesture(cmd.EditParameter(name, value)))
        view.edit_refused.connect(lambda message: self.statusBar().showMessage(message, 8000))
        view.hidden_units_change_requested.connect(panel.hidden_units_spin.setValue)
        self.landscape_panel.parameter_chosen.connect(
            lambda name: self.submit(cmd.SelectParameter(name)))
        self.landscape_panel.range_requested.connect(
            lambda value_range: self.submit(cmd.SetLandscapeRange(value_range)))

    # ----------------------------------------------------------------- commands
    def submit(self, command: cmd.Command) -> None:
        """Send a command to the session (not recorded for undo)."""
        self.worker.submit(command)

    def submit_gesture(self, command: cmd.Command) -> None:
        """Send a user's gesture; once the session has applied it, it becomes one undo step."""
        if isinstance(command, cmd.SetBatchSize) and command.size is not None:
            self.statusBar().showMessage(self.tr(
                "Mini-batches of %1: one epoch now makes several smaller steps; the landscape "
                "still shows one full-batch step.").replace("%1", str(command.size)), 10000)
        self.worker.submit(command, record=True)

    @Slot(object, bool)
    def _on_command_applied(self, applied: Applied, recorded: bool) -> None:
        command = applied.command
        if isinstance(command, cmd.LoadCsv):
            self._load_finished()
        for notice in applied.notices:
            self.statusBar().showMessage(notice_text(notice), 10000)
        if recorded and applied.inverse is not None:
            self.undo_stack.push(AppliedCommand(command, applied.inverse, self.submit))

    @Slot(object, str)
    def _on_command_failed(self, command: cmd.Command, text: str) -> None:
        if isinstance(command, cmd.LoadCsv):
            self._load_finished()
        self.statusBar().showMessage(text, 10000)
        self.show_error(text)

    @Slot(str, str)
    def _on_error_occurred(self, message: str, details: str) -> None:
        """A bug in a command, an epoch or a snapshot: training paused, the window goes on."""
        self._pending_loads = 0
        self.busy_indicator.hide()
        text = self.tr("Something went wrong inside nnsim, and training was paused: %1. "
                       "The details are in the log; the session is still usable.").replace(
                           "%1", message)
        self.statusBar().showMessage(text, 15000)
        self.show_error(text)

    def _restore_layout(self) -> None:
        if self.app_settings.window_geometry is not None:
            self.restoreGeometry(self.app_settings.window_geometry)
        if self.app_settings.window_state is not None:
            self.restoreState(self.app_settings.window_state)

    # ----------------------------------------------------------------- snapshots
    @Slot(object)
    def _on_snapshot_ready(self, snapshot: Snapshot) -> None:
        self.latest_snapshot = snapshot
        try:
            self.network_view.show_snapshot(snapshot)
            self.loss_plot.show_snapshot(snapshot)
            self.loss_plot.show_test_result(snapshot.test_result)
            self.landscape_panel.show_snapshot(snapshot)
            self.control_panel.show_snapshot(snapshot)
            if snapshot.settings.hidden_activation != self.activation_preview.activation():
                self.activation_preview.set_activation(snapshot.settings.hidden_activation)
            self._show_status(snapshot)
        finally:
            # Tell the worker only after the repaint this update queued: until then it waits, so
            # the paint does not wait for the GIL at every Python item it draws. Qt posts repaint
            # requests at low priority, behind every normal event (a zero timer would overtake
            # them), so the "drawn" event goes to the back of that same low-priority queue.
            QCoreApplication.postEvent(self, QEvent(SNAPSHOT_DRAWN), Qt.LowEventPriority.value)

    def customEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == SNAPSHOT_DRAWN:
            self.worker.snapshot_taken()
        else:
            super().customEvent(event)

    def _show_epoch(self, epoch: int) -> None:
        text = self.tr("Epoch %1").replace("%1", str(epoch))
        self.epoch_label.setText(text)
        self.toolbar_epoch_label.setText(text)

    def _show_status(self, snapshot: Snapshot) -> None:
        self._show_epoch(snapshot.epoch)
        # The current weights' numbers: the same ones the landscape's current point shows.
        parts = [self.tr("train loss %1").replace("%1", f"{snapshot.train_loss:.4g}"),
                 self.tr("dev loss %1").replace("%1", f"{snapshot.dev_loss:.4g}")]
        if snapshot.dev_accuracy is not None:
            parts.append(self.tr("train acc. %1 %").replace(
                "%1", f"{100 * snapshot.train_accuracy:.1f}"))
            parts.append(self.tr("dev acc. %1 %").replace(
                "%1", f"{100 * snapshot.dev_accuracy:.1f}"))
        if snapshot.test_result is not None:
            parts.append(self.tr("test loss %1 (epoch %2)").replace(
                "%1", f"{snapshot.test_result.loss:.4g}").replace(
                "%2", str(snapshot.test_result.epoch)))
        self.metrics_label.setText("   ".join(parts))
        divergence = snapshot.divergence
        if divergence is not None and divergence != self._shown_divergence:
            self.divergence_banner.setText(divergence_text(divergence))
            self.divergence_banner.show()
        elif divergence is None:
            self.divergence_banner.hide()
        self._shown_divergence = divergence
        result = snapshot.test_result
        if result is not None and result != self._shown_test_result:
            text = self.tr("Test set (final evaluation): loss %1 at epoch %2.").replace(
                "%1", f"{result.loss:.4g}").replace("%2", str(result.epoch))
            if result.accuracy is not None:
                text += " " + self.tr("Accuracy %1 %.").replace(
                    "%1", f"{100 * result.accuracy:.1f}")
            self.statusBar().showMessage(text, 15000)
        self._shown_test_result = result

    # ----------------------------------------------------------------- training controls
    @Slot(bool)
    def _on_train_toggled(self, on: bool) -> None:
        self.action_set.train.setText(self.tr("&Pause") if on else self.tr("&Train"))
        self.worker.set_running(on)

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        snapshot = self.latest_snapshot
        if (not running and self.action_set.train.isChecked() and snapshot is not None
                and snapshot.divergence is not None):
            # Train was pressed on a stopped run (or the run just stopped): say what to do.
            self.statusBar().showMessage(self.tr(
                "The run has stopped: press Reset (with a smaller learning rate) to start "
                "again."), 10000)
        if self.action_set.train.isChecked() != running:
            self.action_set.train.blockSignals(True)
            self.action_set.train.setChecked(running)
            self.action_set.train.blockSignals(False)
        self.action_set.train.setText(self.tr("&Pause") if running else self.tr("&Train"))

    def _on_step(self) -> None:
        self.worker.step()

    def _on_reset(self) -> None:
        self.statusBar().clearMessage()  # e.g. the divergence advice, now followed
        self.loss_plot.clear_run()  # forget the old run's axis range too
        self.submit(cmd.Reset())

    # ----------------------------------------------------------------- files
    def ask_open_path(self, caption: str, filters: str) -> str:
        """A file-open dialog (a method, so tests can replace it)."""
        path, _ = QFileDialog.getOpenFileName(self, caption, self.app_settings.last_folder,
                                              filters)
        return path

    def ask_save_path(self, caption: str, filters: str) -> tuple[str, str]:
        """A file-save dialog (a method, so tests can replace it)."""
        return QFileDialog.getSaveFileName(self, caption, self.app_settings.last_folder, filters)

    def show_error(self, text: str) -> None:
        """A modal error message (a method, so tests can replace it)."""
        QMessageBox.warning(self, self.tr("nnsim"), text)

    def import_csv(self) -> bool:
        """Ask for a CSV file and train on it; it is read in the training thread, and any problem
        is shown in a dialog while the current data stays. Returns whether a file was chosen."""
        path = self.ask_open_path(self.tr("Import CSV"),
                                  self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"))
        if not path:
            return False
        self.app_settings.last_folder = str(Path(path).parent)
        self._pending_loads += 1
        if is_large_file(path):  # about a twentieth of a second or more: show that it works
            self.busy_indicator.show()
            self.statusBar().showMessage(self.tr("Loading %1…").replace("%1", Path(path).name))
        self.submit_gesture(cmd.LoadCsv(path))
        return True

    def _load_finished(self) -> None:
        self._pending_loads = max(0, self._pending_loads - 1)
        if not self._pending_loads:
            self.busy_indicator.hide()

    def export_plot(self) -> bool:
        plots = {self.tr("Loss over epochs"): self.loss_plot,
                 self.tr("Loss landscape"): self.landscape_panel.plot}
        choice, ok = QInputDialog.getItem(self, self.tr("Export plot"), self.tr("Plot:"),
                                          list(plots), 0, False)
        if not ok:
            return False
        return self.export_plot_to(plots[choice])

    def export_plot_to(self, plot) -> bool:
        path, chosen = self.ask_save_path(self.tr("Export plot"),
                                          self.tr("PNG image (*.png);;SVG image (*.svg)"))
        if not path:
            return False
        if not Path(path).suffix:
            path += ".svg" if "svg" in chosen.lower() else ".png"
        writer = export_svg if path.lower().endswith(".svg") else export_png
        return self._save(path, lambda: writer(plot, path))

    def export_weights(self) -> bool:
        snapshot = self.latest_snapshot
        if snapshot is None:
            return False
        path, _ = self.ask_save_path(self.tr("Export weights"), self.tr("CSV files (*.csv)"))
        if not path:
            return False
        if not Path(path).suffix:
            path += ".csv"
        return self._save(path, lambda: write_weights_csv(snapshot, path))

    def _save(self, path: str, write) -> bool:
        """Run ``write()``; report success in the status bar or the error in a dialog."""
        try:
            write()
        except (OSError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            self.show_error(self.tr("Could not save %1: %2").replace("%1", path).replace(
                "%2", reason))
            return False
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), 8000)
        return True

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About nnsim"), self.tr(
            "<h3>nnsim %1</h3><p>A neural-network simulator for the lecture "
            "“Basics of Neural Networks”.</p><p>Qt %2 · PySide6 · NumPy %3</p>")
            .replace("%1", nnsim.__version__).replace("%2", qt_version)
            .replace("%3", np.__version__))

    # ----------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.app_settings.window_geometry = self.saveGeometry()
        self.app_settings.window_state = self.saveState()
        self.app_settings.sync()
        self.worker_thread.stop()
        super().closeEvent(event)


def write_weights_csv(snapshot: Snapshot, path: str | Path) -> None:
    """Every parameter with its value and its gradient, in the network's order."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "value", "gradient"])
        for name, value, grad in zip(snapshot.names, snapshot.parameters, snapshot.gradient):
            writer.writerow([name, repr(float(value)), repr(float(grad))])
