"""The main window's docks: where the controls and the plots go, at every window size.

A mixin of :class:`nnsim.ui.main_self.MainWindow`. The controls run the full height on the
left; the two plots share the bottom right, side by side on a wide window and as tabs on a narrow
one, and together get half the height, so a 1366×768 laptop shows both plot areas at least
350×220 px and the network the other half. A layout the user arranged and nnsim remembered is
the user's and stays as it is.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDockWidget, QScrollArea, QWidget

NARROW_WINDOW = 1200  # px; below this the two plots share their dock area as tabs
PLOTS_HEIGHT_SHARE = 0.5
# Docks that live as tabs beside the landscape.
LANDSCAPE_TABS = ("dataDock", "testResultsDock", "runsDock", "examplesTable")


class WindowLayout:
    """Dock arrangement for the main window (which provides the attributes used here)."""

    app_settings: Any
    presentation: Any
    loss_plot: QWidget
    landscape_panel: QWidget
    tr: Callable[[str], str]

    def _fit_default_size(self) -> None:
        """1440×900, or most of a smaller screen (a 1366×768 lecture-hall laptop)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1440, 900
        if screen is not None:
            width = min(width, int(screen.width() * 0.95))
            height = min(height, int(screen.height() * 0.92))
        self.resize(width, height)

    def _add_dock(self, name: str, title: str, widget: QWidget,
                  area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        action = dock.toggleViewAction()
        # A dock shown from the View menu comes to the front: as a covered tab beside the
        # landscape it would seem that nothing had happened.
        action.triggered.connect(lambda on, d=dock: d.raise_() if on else None)
        self.view_menu.addAction(action)

    def _arrange_docks(self, controls: QWidget) -> None:
        """The controls (scrollable) on the left, the loss plot and the landscape below."""
        scroll = QScrollArea()
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._add_dock("controlsDock", self.tr("Controls"), scroll, Qt.LeftDockWidgetArea)
        self._add_dock("lossDock", self.tr("Loss over epochs"), self.loss_plot,
                       Qt.BottomDockWidgetArea)
        self._add_dock("landscapeDock", self.tr("Gradient descent: loss landscape"),
                       self.landscape_panel, Qt.BottomDockWidgetArea)
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)
        # Wide enough for the controls' own minimum plus the scroll bar: narrower, the right edge
        # (formulas, "Test 15 %") would be cut off, since the panel never scrolls sideways.
        scroll.setMinimumWidth(max(330, controls.minimumSizeHint().width()
                                   + scroll.verticalScrollBar().sizeHint().width() + 6))
        docks = [self.findChild(QDockWidget, n) for n in ("controlsDock", "lossDock",
                                                             "landscapeDock")]
        if self.width() < NARROW_WINDOW:
            # Side by side, both plots would be squeezed unreadable: show them as tabs.
            self.tabifyDockWidget(docks[1], docks[2])
            docks[2].raise_()
        else:
            self.resizeDocks(docks, [340, 520, 580], Qt.Horizontal)
        self._fit_plots_height()
        self._fitted_size = (self.width(), self.height())
        self._layout_from_settings = False

    def _restore_layout(self) -> None:
        if self.app_settings.window_geometry is not None:
            self.restoreGeometry(self.app_settings.window_geometry)
        if self.app_settings.window_state is not None:
            self._layout_from_settings = self.restoreState(self.app_settings.window_state)

    def _fit_plots_height(self) -> None:
        """The plots get half the height: on a 768-px laptop that leaves each plot area about
        220 px, and the network, the lecture's picture, the other half. Side by side when the
        window is wide enough, as tabs when it is not."""
        docks = [self.findChild(QDockWidget, n) for n in ("lossDock", "landscapeDock")]
        tabbed = docks[1] in self.tabifiedDockWidgets(docks[0])
        if tabbed and self.width() >= NARROW_WINDOW:
            self.addDockWidget(Qt.BottomDockWidgetArea, docks[0])  # out of the tab group
            self.splitDockWidget(docks[0], docks[1], Qt.Horizontal)
            self._keep_tabs_with_landscape()
            half = (self.width() - 340) // 2  # beside the controls, half each
            self.resizeDocks(docks, [half, half], Qt.Horizontal)
        elif not tabbed and self.width() < NARROW_WINDOW:
            self.tabifyDockWidget(docks[0], docks[1])
            docks[1].raise_()
        height = int(PLOTS_HEIGHT_SHARE * self.height())
        self.resizeDocks(docks, [height, height], Qt.Vertical)

    def _keep_tabs_with_landscape(self) -> None:
        """The Data view and the test result stay tabs beside the landscape (a split of the
        plot docks leaves them a column of their own that would squeeze everything else)."""
        landscape = self.findChild(QDockWidget, "landscapeDock")
        for name in LANDSCAPE_TABS:
            dock = self.findChild(QDockWidget, name)
            if dock is not None and dock not in self.tabifiedDockWidgets(landscape):
                self.tabifyDockWidget(landscape, dock)
        landscape.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # Maximised (or a much smaller screen): the docks keep their pixel sizes unless told, and
        # the network alone would take the new height. Small resizes keep what the user dragged;
        # a layout nnsim remembered is the user's and stays.
        presentation = getattr(self, "presentation", None)
        width, height = self._fitted_size
        if (self._layout_from_settings or presentation is None or presentation.presenting
                or (abs(self.height() - height) < 0.15 * height
                    and (self.width() < NARROW_WINDOW) == (width < NARROW_WINDOW))):
            return
        self._fitted_size = (self.width(), self.height())
        QTimer.singleShot(0, self._fit_plots_height)

