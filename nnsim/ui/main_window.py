"""The main window: network editor in the middle, controls and plots in docks around it.

Data flows one way: a control sends a command to the training worker, which changes the
Session and sends back a snapshot; every view redraws from that snapshot.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, QTimer, Slot, __version__ as qt_version
from PySide6.QtGui import QCloseEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QInputDialog, QLabel, QMainWindow,
                               QMessageBox, QScrollArea, QVBoxLayout, QWidget)

import nnsim
from nnsim.core.csv_loader import DatasetError, load_csv
from nnsim.core.session import Session
from nnsim.core.snapshot import Snapshot
from nnsim.ui.actions import create_actions
from nnsim.ui.activation_preview import ActivationPreview
from nnsim.ui.control_panel import ControlPanel
from nnsim.ui.landscape_plot import LandscapePanel
from nnsim.ui.loss_plot import LossPlot
from nnsim.ui.network_view import NetworkView
from nnsim.ui.plot_export import export_png, export_svg
from nnsim.ui.settings import AppSettings
from nnsim.worker import WorkerThread


NARROW_WINDOW = 1200  # px; below this the two plots share their dock area as tabs


class SetParameterCommand(QUndoCommand):
    """One typed weight edit, undoable (the model changes through the worker)."""

    def __init__(self, window: MainWindow, name: str, old: float, new: float) -> None:
        super().__init__(window.tr("Set %1 to %2").replace("%1", name).replace("%2", f"{new:g}"))
        self._window, self._name, self._old, self._new = window, name, old, new

    def redo(self) -> None:
        self._window.submit_edit(self._name, self._new)

    def undo(self) -> None:
        self._window.submit_edit(self._name, self._old)


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
        self.actions = create_actions(self, self.undo_stack)

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
        for action in (self.actions.train, self.actions.step, self.actions.reset):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.actions.evaluate_test)
        toolbar.addSeparator()
        big = QLabel(objectName="toolbarEpochLabel")
        big.setStyleSheet("font-size: 14pt; padding: 0 12px;")
        self.toolbar_epoch_label = big
        toolbar.addWidget(big)

    def _connect(self) -> None:
        a, panel, worker = self.actions, self.control_panel, self.worker
        worker.snapshot_ready.connect(self._on_snapshot_ready)
        worker.running_changed.connect(self._on_running_changed)
        worker.message.connect(self._on_message)
        worker.command_failed.connect(self._on_command_failed)

        a.train.toggled.connect(self._on_train_toggled)
        # The worker's methods only queue commands and are thread-safe; they are called directly
        # here (a queued slot would wait for the worker thread's event loop, which its training
        # loop never returns to).
        a.step.triggered.connect(lambda: worker.step())
        a.reset.triggered.connect(self._on_reset)
        a.evaluate_test.triggered.connect(self._on_evaluate_test)
        a.import_csv.triggered.connect(self.import_csv)
        a.export_plot.triggered.connect(self.export_plot)
        a.export_weights.triggered.connect(self.export_weights)
        a.quit.triggered.connect(self.close)
        a.log_scale.toggled.connect(self.loss_plot.set_log_scale)
        a.show_derivative.toggled.connect(self.activation_preview.set_show_derivative)
        self.activation_preview.derivative_toggled.connect(a.show_derivative.setChecked)
        a.about.triggered.connect(self.show_about)

        panel.dataset_chosen.connect(self._on_dataset_chosen)
        panel.import_requested.connect(self.import_csv)
        panel.split_changed.connect(
            lambda ratios, seed: worker.submit(lambda s: s.set_split(ratios, seed)))
        panel.hidden_units_changed.connect(self._on_hidden_units_changed)
        panel.hidden_activation_changed.connect(self._on_hidden_activation_changed)
        panel.output_activation_changed.connect(
            lambda name: worker.submit(lambda s: s.set_output_activation(name)))
        panel.loss_changed.connect(lambda name: worker.submit(lambda s: s.set_loss(name)))
        panel.learning_rate_changed.connect(
            lambda lr: worker.submit(lambda s: s.set_learning_rate(lr)))
        panel.batch_size_changed.connect(self._on_batch_size_changed)
        panel.speed_changed.connect(lambda speed: worker.set_speed(speed))
        panel.train_selected_only_changed.connect(
            lambda on: worker.submit(lambda s: s.set_train_selected_only(on)))
        panel.seed_changed.connect(lambda seed: worker.submit(lambda s: s.set_weight_seed(seed)))

        view = self.network_view
        view.parameter_selected.connect(self._on_parameter_selected)
        view.parameter_edit_requested.connect(self._on_parameter_edit_requested)
        view.edit_refused.connect(lambda message: self.statusBar().showMessage(message, 8000))
        view.hidden_units_change_requested.connect(panel.hidden_units_spin.setValue)
        self.landscape_panel.parameter_chosen.connect(self._on_parameter_selected)
        self.landscape_panel.range_requested.connect(
            lambda value_range: worker.submit(lambda s: s.set_landscape_range(value_range)))

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
            self._show_status(snapshot)
        finally:
            # Tell the worker only after the repaint this update queued (posted before this
            # timer): until then it waits, so the paint does not wait for the GIL.
            QTimer.singleShot(0, self._on_snapshot_drawn)

    @Slot()
    def _on_snapshot_drawn(self) -> None:
        self.worker.snapshot_taken()

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
            self.divergence_banner.setText(divergence.message)
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
        self.actions.train.setText(self.tr("&Pause") if on else self.tr("&Train"))
        self.worker.set_running(on)

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        if self.actions.train.isChecked() != running:
            self.actions.train.blockSignals(True)
            self.actions.train.setChecked(running)
            self.actions.train.blockSignals(False)
        self.actions.train.setText(self.tr("&Pause") if running else self.tr("&Train"))

    def _on_reset(self) -> None:
        self.undo_stack.clear()  # the edits belonged to the old weights
        self.statusBar().clearMessage()  # e.g. the divergence advice, now followed
        self.loss_plot.clear_run()  # forget the old run's axis range too
        self.worker.submit(lambda s: s.reset())

    def _on_evaluate_test(self) -> None:
        self.worker.submit(lambda session: session.evaluate_test())

    def _on_dataset_chosen(self, dataset_id: str, n_samples: int, noise: float) -> None:
        self.undo_stack.clear()
        self.control_panel.show_builtin_dataset(dataset_id)
        self.worker.submit(lambda s: s.set_builtin_dataset(dataset_id, n_samples, noise))

    def _on_batch_size_changed(self, size: int | None) -> None:
        if size is not None:
            self.statusBar().showMessage(self.tr(
                "Mini-batches of %1: one epoch now makes several smaller steps; the landscape "
                "still shows one full-batch step.").replace("%1", str(size)), 10000)
        self.worker.submit(lambda s: s.set_batch_size(size))

    def _on_hidden_units_changed(self, n: int) -> None:
        self.undo_stack.clear()  # the edits named weights of the old network
        self.worker.submit(lambda s: s.set_hidden_units(n))

    def _on_hidden_activation_changed(self, name: str) -> None:
        self.activation_preview.set_activation(name)
        self.worker.submit(lambda s: s.set_hidden_activation(name))

    @Slot(str)
    def _on_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    @Slot(str)
    def _on_command_failed(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)
        self.show_error(text)

    # ----------------------------------------------------------------- parameters
    def _on_parameter_selected(self, name: str) -> None:
        self.network_view.set_selected(name)
        self.worker.submit(lambda s: s.select(name))

    def _on_parameter_edit_requested(self, name: str, value: float) -> None:
        old = self.latest_snapshot.value(name) if self.latest_snapshot else value
        self.undo_stack.push(SetParameterCommand(self, name, old, value))

    def submit_edit(self, name: str, value: float) -> None:
        self.worker.submit(lambda s: s.edit_parameter(name, value))

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
        """Ask for a CSV file and train on it; on any problem, say so and keep the current data."""
        path = self.ask_open_path(self.tr("Import CSV"),
                                  self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"))
        if not path:
            return False
        self.app_settings.last_folder = str(Path(path).parent)
        try:
            dataset = load_csv(path)
        except DatasetError as error:
            self.show_error(str(error))
            return False
        self.undo_stack.clear()
        self.control_panel.set_imported_dataset(Path(path).name)
        self.worker.submit(lambda s: s.set_dataset(dataset))
        return True

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
