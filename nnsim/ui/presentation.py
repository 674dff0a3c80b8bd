"""Zoom and presenter mode: the window made readable from the back of a lecture hall.

Zoom (Ctrl++ / Ctrl+− / Ctrl+0) scales the fonts and lines of the network editor and both plots
and is remembered. Presenter mode (F5, Esc leaves) shows the window full screen with only the
network, the loss plot and the landscape, a slim toolbar in large type (Train, Step, Reset, η, the
epoch and the current loss), larger fonts and a high-contrast palette for a washed-out projector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDockWidget,
    QDoubleSpinBox,
    QLabel,
    QToolBar,
    QWidget,
)

from nnsim.core import commands as cmd
from nnsim.core.snapshot import Snapshot
from nnsim.ui import numbers
from nnsim.ui.settings import ZOOM_MAX, ZOOM_MIN

if TYPE_CHECKING:
    from nnsim.ui.main_window import MainWindow

ZOOM_STEP = 1.15
ZOOM_RANGE = (ZOOM_MIN, ZOOM_MAX)
# On top of the user's zoom: fonts a projector shows at 1024×768 to the back row (node names
# ≥ 24 px, edge labels and tick labels ≥ 16 px).
PRESENTER_ZOOM = 1.75
PRESENTER_DOCKS = ("lossDock", "landscapeDock")
PRESENTER_PLOTS_SHARE = 0.58  # of the screen's height; the network keeps the rest
PRESENTER_STYLE = ("QToolBar#presenterToolBar { background: #ffffff; spacing: 8px; }"
                   "QToolBar#presenterToolBar QToolButton, QToolBar#presenterToolBar QLabel,"
                   " QToolBar#presenterToolBar QDoubleSpinBox"
                   " { font-size: 18pt; font-weight: bold; color: #000000; }")


class Presentation(QObject):
    """The window's zoom and presenter mode (owned by the main window)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._zoom = window.app_settings.zoom
        self._presenting = False
        self._saved_state: QByteArray | None = None
        self._saved_geometry: QByteArray | None = None
        self._was_maximized = False
        self.toolbar = self._build_toolbar()
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self._escape.setObjectName("presenterEscapeShortcut")
        self._escape.setEnabled(False)
        self._escape.activated.connect(lambda: window.action_set.presenter_mode.setChecked(False))
        self._apply()

    # ----------------------------------------------------------------- zoom
    @property
    def zoom(self) -> float:
        """The user's zoom (1.0 = normal), without presenter mode's enlargement."""
        return self._zoom

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def set_zoom(self, factor: float) -> None:
        self._zoom = min(max(float(factor), ZOOM_RANGE[0]), ZOOM_RANGE[1])
        self._window.app_settings.zoom = self._zoom
        self._apply()

    def effective_zoom(self) -> float:
        return self._zoom * (PRESENTER_ZOOM if self._presenting else 1.0)

    def _apply(self) -> None:
        w = self._window
        factor = self.effective_zoom()
        for view in (w.network_view, w.loss_plot, w.landscape_panel, w.demo_caption,
                     w.explainer.panel):
            view.set_zoom(factor)
            view.set_high_contrast(self._presenting)

    # ----------------------------------------------------------------- presenter mode
    @property
    def presenting(self) -> bool:
        return self._presenting

    def set_presenting(self, on: bool) -> None:
        """Enter or leave presenter mode (what the checkable action calls)."""
        if bool(on) == self._presenting:
            return
        w = self._window
        if on:
            self._saved_state, self._saved_geometry = w.saveState(), w.saveGeometry()
            self._was_maximized = w.isMaximized()
            self._presenting = True
            for dock in w.findChildren(QDockWidget):
                # The step explainer stays while it is walking: its formulas are the lesson.
                dock.setVisible(dock.objectName() in PRESENTER_DOCKS or (
                    dock is w.explainer.dock and w.explainer.active))
                # No title bars: the plots say what they are, and every pixel goes to them.
                dock.setTitleBarWidget(QWidget(dock))
            loss, landscape = (w.findChild(QDockWidget, n) for n in PRESENTER_DOCKS)
            if w.explainer.active:
                # Walking through one step, its formulas take the loss curve's place: the
                # network keeps the whole width, the formulas sit beside the landscape.
                loss.hide()
                loss = w.explainer.dock
            # Side by side under the network, each half the width: both readable at once.
            w.addDockWidget(Qt.BottomDockWidgetArea, loss)
            w.splitDockWidget(loss, landscape, Qt.Horizontal)
            for bar in w.findChildren(QToolBar):
                bar.setVisible(bar is self.toolbar)
            w.menuBar().hide()
            w.statusBar().hide()
            w.showFullScreen()
            height = w.height()
            w.resizeDocks([loss, landscape], [int(PRESENTER_PLOTS_SHARE * height)] * 2,
                          Qt.Vertical)
            w.resizeDocks([loss, landscape], [w.width() // 2] * 2, Qt.Horizontal)
        else:
            self._presenting = False
            for dock in w.findChildren(QDockWidget):
                dock.setTitleBarWidget(None)
            self.toolbar.hide()
            w.menuBar().show()
            w.statusBar().show()
            if self._was_maximized:
                w.showMaximized()
            else:
                w.showNormal()
            if self._saved_geometry is not None:
                w.restoreGeometry(self._saved_geometry)
            if self._saved_state is not None:
                w.restoreState(self._saved_state)
            self.toolbar.hide()  # restoreState may show it: it was hidden when saved
        self._escape.setEnabled(self._presenting)
        self._apply()

    def _build_toolbar(self) -> QToolBar:
        w = self._window
        bar = QToolBar(QCoreApplication.translate("Presentation", "Presenter"), w)
        bar.setObjectName("presenterToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        bar.setStyleSheet(PRESENTER_STYLE)
        for action in (w.action_set.train, w.action_set.step, w.action_set.reset):
            bar.addAction(action)
        bar.addSeparator()
        bar.addWidget(QLabel(QCoreApplication.translate("Presentation", "η ="),
                             objectName="presenterEtaLabel"))
        self.learning_rate_spin = QDoubleSpinBox(objectName="presenterLearningRateSpin",
                                                 decimals=4, minimum=0.00001, maximum=100.0)
        self.learning_rate_spin.setStepType(QAbstractSpinBox.AdaptiveDecimalStepType)
        self.learning_rate_spin.setKeyboardTracking(False)
        self.learning_rate_spin.setMaximumWidth(150)  # the epoch and loss must fit at 1024 px
        self.learning_rate_spin.setToolTip(QCoreApplication.translate(
            "Presentation", "Learning rate η: how far each step goes against the gradient"))
        self.learning_rate_spin.valueChanged.connect(
            lambda value: w.submit_gesture(cmd.SetLearningRate(value)))
        bar.addWidget(self.learning_rate_spin)
        bar.addSeparator()
        self.epoch_label = QLabel(objectName="presenterEpochLabel")
        self.loss_label = QLabel(objectName="presenterLossLabel")
        bar.addWidget(self.epoch_label)
        bar.addSeparator()
        bar.addWidget(self.loss_label)
        w.addToolBar(Qt.TopToolBarArea, bar)
        bar.hide()
        return bar

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Keep the slim toolbar's numbers current (cheap: three label/spin updates)."""
        if not self._presenting:
            return
        self.epoch_label.setText(QCoreApplication.translate("Presentation", "Epoch %1").replace(
            "%1", str(snapshot.epoch)))
        self.loss_label.setText(QCoreApplication.translate("Presentation", "loss %1").replace(
            "%1", numbers.significant(snapshot.train_loss, 4)))
        spin = self.learning_rate_spin
        if not spin.hasFocus() and spin.value() != snapshot.learning_rate:
            spin.blockSignals(True)
            spin.setValue(snapshot.learning_rate)
            spin.blockSignals(False)
