"""The main window: network editor in the middle, controls and plots in docks around it.

Data flows one way: a control builds a command (:mod:`nnsim.core.commands`) and submits it to the
training worker, which applies it through ``Session.apply`` and sends back a snapshot; every view
and every control redraws from that snapshot. Undo steps are built from what the session reported
when it applied a gesture (the old value it replaced).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (QDockWidget, QLabel, QMainWindow, QMenu, QProgressBar, QVBoxLayout, QWidget)

from nnsim.core import commands as cmd
from nnsim.core.session import Applied, Session
from nnsim.core.snapshot import Snapshot
from nnsim.ui.actions import create_actions
from nnsim.ui.activation_preview import ActivationPreview
from nnsim.ui.control_panel import ControlPanel
from nnsim.ui.data_view import DataView
from nnsim.ui.explain_controller import ExplainController
from nnsim.ui.examples_table import ExamplesTable
from nnsim.ui.file_actions import FileActions, write_weights_csv  # noqa: F401 - re-exported
from nnsim.ui.lesson_actions import LessonActions
from nnsim.ui.notebook_export import NotebookExport
from nnsim.ui.guide import GuideDialog
from nnsim.ui.landscape_plot import LandscapePanel
from nnsim.ui.lecture import DemoCaption, create_lecture_menu
from nnsim.ui.language import add_language_menu
from nnsim.ui.loss_plot import LossPlot
from nnsim.ui.messages import divergence_text, error_text, notice_text
from nnsim.ui.network_view import NetworkView
from nnsim.ui import numbers
from nnsim.ui.presentation import Presentation
from nnsim.ui.run_actions import RunActions
from nnsim.ui.settings import AppSettings
from nnsim.ui.final_evaluation import TestResultsPanel
from nnsim.ui.undo import AppliedCommand
from nnsim.ui.window_layout import WindowLayout
from nnsim.ui.window_lecture import LectureActions
from nnsim.worker import WorkerThread

log = logging.getLogger(__name__)




# The event that tells the training thread a snapshot has been drawn (see _on_snapshot_ready).
SNAPSHOT_DRAWN = QEvent.Type(QEvent.registerEventType())


class MainWindow(FileActions, LessonActions, NotebookExport, LectureActions, WindowLayout,
                 QMainWindow):
    """nnsim's window. Constructible with no arguments once a QApplication exists."""

    def __init__(self, session: Session | None = None, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("nnsim — Basics of Neural Networks"))
        self._fit_default_size()
        self.app_settings = settings or AppSettings()
        session = session or Session()
        self.latest_snapshot: Snapshot | None = None
        self._failed_views: set[str] = set()  # views whose drawing raised (said once)
        self._shown_divergence = None
        self._shown_early_stop = False
        self._test_again_allowed = False
        self.sweep_dialog = None
        self._shown_test_result = None
        self.undo_stack = QUndoStack(self)
        self.action_set = create_actions(self, self.undo_stack)
        add_language_menu(self)  # View → Language, before the docks add their toggles

        self.menuBar().insertMenu(self.findChild(QMenu, "menuHelp").menuAction(),
                                  create_lecture_menu(self, self.open_demo))
        self.demo_caption = DemoCaption()

        self.network_view = NetworkView()
        self.divergence_banner = QLabel(objectName="divergenceBanner")
        self.divergence_banner.setWordWrap(True)
        self.divergence_banner.setStyleSheet(
            "background: #fdecea; color: #922b21; border: 2px solid #c0392b; padding: 8px;"
            "font-size: 15pt; font-weight: bold;")
        self.divergence_banner.hide()
        # Messages too long for the status bar (a narrow window, a projector) are shown here in
        # full, word-wrapped, for as long as the status bar shows them.
        self.message_banner = QLabel(objectName="messageBanner")
        self.message_banner.setWordWrap(True)
        self.message_banner.setStyleSheet(
            "background: #fef9e7; color: #1b2631; border: 1px solid #d4ac0d; padding: 4px 8px;"
            "font-size: 12pt;")
        self.message_banner.hide()
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(self.message_banner.hide)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.divergence_banner)
        centre_layout.addWidget(self.message_banner)
        centre_layout.addWidget(self.demo_caption)
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
        self.loss_plot = LossPlot()
        self.landscape_panel = LandscapePanel()
        self._arrange_docks(controls)
        self.test_results_panel = TestResultsPanel()
        self._add_dock("testResultsDock", self.tr("Test set"), self.test_results_panel,
                       Qt.BottomDockWidgetArea)
        self.data_view = DataView()
        self._add_dock("dataDock", self.tr("Data"), self.data_view, Qt.BottomDockWidgetArea)
        self.examples_table = ExamplesTable()
        self._add_dock("examplesTable", self.tr("Examples"), self.examples_table,
                       Qt.BottomDockWidgetArea)
        self.run_actions = RunActions(self)  # the Runs dock, Compare learning rates
        # Both are tabs beside the landscape: a column of their own would squeeze the network
        # on a 1024-px projector.
        self._keep_tabs_with_landscape()
        self._init_lesson_files()  # File → Open/Save, the lesson note's dock, the title
        self.findChild(QDockWidget, "testResultsDock").hide()  # until the one evaluation
        self.findChild(QDockWidget, "examplesTable").hide()  # View → Examples shows it
        self._data_key: tuple | None = None
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

        self.explainer = ExplainController(self)  # the Step explainer dock (hidden until used)
        self.presentation = Presentation(self)
        self._guide: GuideDialog | None = None

        self.worker_thread = WorkerThread(session)
        self.worker = self.worker_thread.worker
        self._connect()
        self._restore_layout()
        self._hide_lesson_note()  # until a lesson with a note opens
        self.worker_thread.start()

    # ----------------------------------------------------------------- construction
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
        a.evaluate_test.triggered.connect(self.evaluate_test)
        a.restore_best.triggered.connect(lambda: self.submit(cmd.RestoreBest()))
        # A lambda, not the bound method: that would be queued to the worker's thread, whose
        # training loop never runs a Qt event loop.
        a.tune.triggered.connect(lambda: self.worker.request_splits("sweep"))
        self.findChild(QDockWidget, "dataDock").visibilityChanged.connect(
            self._on_data_view_visible)
        self.data_view.axes_chosen.connect(lambda axes: self.submit(cmd.SetDataViewAxes(axes)))
        self.worker.splits_ready.connect(self._on_splits_ready)
        self.examples_table.command_requested.connect(self.submit)
        self.examples_table.training_row_chosen.connect(self.choose_explained_example)
        self.findChild(QDockWidget, "examplesTable").visibilityChanged.connect(
            self.examples_table.set_on_screen)
        a.import_csv.triggered.connect(self.import_csv)
        a.export_plot.triggered.connect(self.export_plot)
        a.export_weights.triggered.connect(self.export_weights)
        a.quit.triggered.connect(self.close)
        a.log_scale.toggled.connect(self.loss_plot.set_log_scale)
        a.show_derivative.toggled.connect(self.activation_preview.set_show_derivative)
        a.explain_step.toggled.connect(self.explainer.set_on)
        a.show_gradients.toggled.connect(self.explainer.set_show_gradients)
        self.activation_preview.derivative_toggled.connect(a.show_derivative.setChecked)
        a.about.triggered.connect(self.show_about)
        a.guide.triggered.connect(self.show_guide)
        a.start_page.triggered.connect(self.show_start_page)
        p = self.presentation
        a.presenter_mode.toggled.connect(p.set_presenting)
        a.zoom_in.triggered.connect(p.zoom_in)
        a.zoom_out.triggered.connect(p.zoom_out)
        a.zoom_reset.triggered.connect(p.reset_zoom)

        panel.command_requested.connect(self.submit_gesture)
        panel.import_requested.connect(self.import_csv)

        view = self.network_view
        view.parameter_selected.connect(lambda name: self.submit(cmd.SelectParameter(name)))
        view.parameter_selected.connect(self.explainer.item_clicked)
        view.node_clicked.connect(self.explainer.item_clicked)
        view.parameter_edit_requested.connect(
            lambda name, value: self.submit_gesture(cmd.EditParameter(name, value)))
        view.edit_refused.connect(lambda message: self.say(message, 8000))
        view.hidden_units_change_requested.connect(panel.hidden_units_spin.setValue)
        self.landscape_panel.parameter_chosen.connect(
            lambda name: self.submit(cmd.SelectParameter(name)))
        self.landscape_panel.range_requested.connect(
            lambda value_range: self.submit(cmd.SetLandscapeRange(value_range)))
        self.landscape_panel.range_refused.connect(self.say)

    # ----------------------------------------------------------------- commands
    def submit(self, command: cmd.Command) -> None:
        """Send a command to the session (not recorded for undo)."""
        self.worker.submit(command)

    def submit_gesture(self, command: cmd.Command) -> None:
        """Send a user's gesture; once the session has applied it, it becomes one undo step."""
        if isinstance(command, cmd.SetBatchSize) and command.size is not None:
            self.say(self.tr(
                "Mini-batches of %1: one epoch now makes several smaller steps; the landscape "
                "still shows one full-batch step.").replace("%1", str(command.size)), 10000)
        self.worker.submit(command, record=True)

    @Slot(object, bool)
    def _on_command_applied(self, applied: Applied, recorded: bool) -> None:
        command = applied.command
        self._note_applied(command)  # unsaved changes
        if isinstance(command, cmd.LoadCsv):
            self._load_finished()
        for notice in applied.notices:
            self.say(notice_text(notice), 10000)
        if recorded and applied.inverse is not None:
            self.undo_stack.push(AppliedCommand(command, applied.inverse, self.submit))

    @Slot(object, object)
    def _on_command_failed(self, command: cmd.Command, error: Exception) -> None:
        if isinstance(command, cmd.LoadCsv):
            self._load_finished()
        if isinstance(command, cmd.SetExplain):
            self.explainer.refused()
        text = error_text(error)
        self.say(text, 10000)
        self.show_error(text)

    @Slot(str, str)
    def _on_error_occurred(self, message: str, details: str) -> None:
        """A bug in a command, an epoch or a snapshot: training paused, the window goes on."""
        self._pending_loads = 0
        self.busy_indicator.hide()
        text = self.tr("Something went wrong inside nnsim, and training was paused: %1. "
                       "The details are in the log; the session is still usable.").replace(
                           "%1", message)
        self.say(text, 15000)
        self.show_error(text)

    @Slot(object, str)
    def _on_splits_ready(self, splits: object, purpose: str) -> None:
        # Declared here, on the QObject itself: a slot inherited from a plain mixin is not in
        # the meta-object, and PySide would call it in the worker's thread.
        if purpose == "sweep":
            self.open_sweep_dialog(splits)
        elif purpose == "data":
            self.data_view.set_splits(splits)

    # ----------------------------------------------------------------- snapshots
    @Slot(object)
    def _on_snapshot_ready(self, snapshot: Snapshot) -> None:
        self.latest_snapshot = snapshot
        self._note_epoch(snapshot.epoch)  # trained since the last save: unsaved changes
        try:
            for show in (self.network_view.show_snapshot, self.explainer.show_snapshot,
                         self.loss_plot.show_snapshot, self._show_test_mark,
                         self.landscape_panel.show_snapshot,
                         self.control_panel.show_snapshot, self._show_activation,
                         self._show_status, self.presentation.show_snapshot,
                         self.demo_caption.show_snapshot, self._show_data,
                         self.loss_plot.show_runs, self.run_actions.show_snapshot,
                         self.examples_table.show_snapshot):
                self._show_in_view(show, snapshot)
        finally:
            # Tell the worker only after the repaint this update queued: until then it waits, so
            # the paint does not wait for the GIL at every Python item it draws. Qt posts repaint
            # requests at low priority, behind every normal event (a zero timer would overtake
            # them), so the "drawn" event goes to the back of that same low-priority queue.
            QCoreApplication.postEvent(self, QEvent(SNAPSHOT_DRAWN), Qt.LowEventPriority.value)

    def _show_in_view(self, show, snapshot: Snapshot) -> None:
        """One view draws the snapshot; a bug in it is logged and leaves the others drawing."""
        try:
            show(snapshot)
        except Exception:  # noqa: BLE001 - one broken view must not freeze every other one
            name = getattr(show, "__qualname__", repr(show))
            log.exception("drawing a snapshot failed in %s", name)
            if name not in self._failed_views:  # say it once, not 15 times a second
                self._failed_views.add(name)
                self.say(self.tr("A part of the window could not be updated (a bug in nnsim; "
                                 "the details are in the log). Training goes on."), 15000)

    def _show_test_mark(self, snapshot: Snapshot) -> None:
        self.loss_plot.show_test_result(snapshot.test_result)

    def _show_activation(self, snapshot: Snapshot) -> None:
        if snapshot.settings.hidden_activation != self.activation_preview.activation():
            self.activation_preview.set_activation(snapshot.settings.hidden_activation)

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
        parts = [self.tr("train loss %1").replace("%1", numbers.significant(snapshot.train_loss)),
                 self.tr("dev loss %1").replace("%1", numbers.significant(snapshot.dev_loss))]
        if snapshot.dev_accuracy is not None:
            parts.append(self.tr("train acc. %1 %").replace(
                "%1", numbers.percent(snapshot.train_accuracy)))
            parts.append(self.tr("dev acc. %1 %").replace(
                "%1", numbers.percent(snapshot.dev_accuracy)))
        if snapshot.test_result is not None:
            parts.append(self.tr("test loss %1 (epoch %2)").replace(
                "%1", numbers.significant(snapshot.test_result.loss)).replace(
                "%2", str(snapshot.test_result.epoch)))
        self.metrics_label.setText("   ".join(parts))
        divergence = snapshot.divergence
        if divergence is not None and divergence != self._shown_divergence:
            self.divergence_banner.setText(divergence_text(divergence))
            self.divergence_banner.show()
        elif divergence is None:
            self.divergence_banner.hide()
        self._shown_divergence = divergence
        if snapshot.stopped_early and not self._shown_early_stop:
            self.say(self.tr(
                "Stopped early: the dev loss has not improved for %1 epochs since epoch %2 "
                "(%3). Train → Restore best epoch goes back there.").replace(
                    "%1", str(snapshot.settings.early_stopping)).replace(
                    "%2", str(snapshot.best_epoch)).replace(
                    "%3", numbers.significant(snapshot.best_dev_loss)), 20000)
        self._shown_early_stop = snapshot.stopped_early
        result = snapshot.test_result
        if result is None:
            self._test_again_allowed = False  # a new run: its test set is unseen again
        self.test_results_panel.show_result(result, snapshot.dataset_name)
        if result is not None and result != self._shown_test_result:
            results_dock = self.findChild(QDockWidget, "testResultsDock")
            results_dock.show()
            results_dock.raise_()
            self.say(self.tr("Test set (final evaluation): loss %1 at epoch %2.").replace(
                "%1", numbers.significant(result.loss)).replace("%2", str(result.epoch)), 15000)
        self._shown_test_result = result

    # ----------------------------------------------------------------- training controls
    @Slot(bool)
    def _on_train_toggled(self, on: bool) -> None:
        self.action_set.train.setText(self.tr("&Pause") if on else self.tr("&Train"))
        self.explainer.training_toggled(on)
        self.worker.set_running(on)

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        snapshot = self.latest_snapshot
        if (not running and self.action_set.train.isChecked() and snapshot is not None
                and snapshot.divergence is not None):
            # Train was pressed on a stopped run (or the run just stopped): say what to do.
            self.say(self.tr(
                "The run has stopped: press Reset (with a smaller learning rate) to start "
                "again."), 10000)
        elif (not running and self.action_set.train.isChecked() and snapshot is not None
                and snapshot.stopped_early):
            self.say(self.tr("Early stopping has paused this run: untick it to train on, or "
                             "Train → Restore best epoch."), 10000)
        if self.action_set.train.isChecked() != running:
            self.action_set.train.blockSignals(True)
            self.action_set.train.setChecked(running)
            self.action_set.train.blockSignals(False)
        self.action_set.train.setText(self.tr("&Pause") if running else self.tr("&Train"))

    def _on_step(self) -> None:
        if self.explainer.active:
            self.explainer.advance()  # one phase of the walk; its last sends the real Step
        else:
            self.worker.step()

    def choose_explained_example(self, row: int | None) -> None:
        """Explain mode on, following training row ``row`` (0-based) or the mean (None)."""
        self.explainer.choose(row)

    def _on_reset(self) -> None:
        self.statusBar().clearMessage()
        self.message_banner.hide()  # e.g. the divergence advice, now followed
        self.loss_plot.clear_run()  # forget the old run's axis range too
        self.submit(cmd.Reset())

    def say(self, text: str, timeout_ms: int = 10000) -> None:
        """Show a message in the status bar, and in full above the network if it does not fit."""
        bar = self.statusBar()
        bar.showMessage(text, timeout_ms)
        # Size hints, not widths: the labels may have just changed and not been laid out yet.
        room = (bar.width() - self.metrics_label.sizeHint().width()
                - self.epoch_label.sizeHint().width() - 48)
        if bar.fontMetrics().horizontalAdvance(text) > room:
            self.message_banner.setText(text)
            self.message_banner.show()
            self._banner_timer.start(timeout_ms if timeout_ms > 0 else 15000)
        else:
            self.message_banner.hide()

    # ----------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.maybe_save_changes():
            event.ignore()
            return
        self.modified = False  # saved or discarded: a second close() does not ask again
        self.action_set.presenter_mode.setChecked(False)  # remember the normal layout
        self.app_settings.window_geometry = self.saveGeometry()
        self.app_settings.window_state = self.saveState()
        self.app_settings.sync()
        self.worker_thread.stop()
        super().closeEvent(event)
