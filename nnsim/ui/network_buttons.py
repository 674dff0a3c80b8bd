"""The − and + buttons beside the network graph's "Hidden Layer" caption: they ask for one
hidden unit less or more, and are offered only while that count stays within 1 and MAX_UNITS.

They are widgets over the view, not scene items, so they keep a size a finger or mouse can hit
however far the graph is scaled.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from nnsim.core.network import MAX_UNITS
from nnsim.ui.network_text import pixel_font

BUTTON_PX = 24  # the +/− buttons at zoom 1


class HiddenUnitButtons(QObject):
    """The −/+ pair over ``view``; ``count_requested`` carries the hidden-unit count asked for."""

    count_requested = Signal(int)

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._hidden = 0  # the hidden units of the network shown; 0: none shown yet
        self.remove = self._make_button(view, "removeHiddenUnitButton", "\u2212",
                                        self.tr("Remove a hidden unit"), -1)
        self.add = self._make_button(view, "addHiddenUnitButton", "+",
                                     self.tr("Add a hidden unit (at most 9)"), +1)

    def _make_button(self, view: QWidget, object_name: str, text: str, tip: str,
                     step: int) -> QToolButton:
        button = QToolButton(view)
        button.setObjectName(object_name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFont(pixel_font(18, bold=True))
        button.setFixedSize(BUTTON_PX, BUTTON_PX)
        button.setEnabled(False)
        button.clicked.connect(lambda: self._on_clicked(step))
        return button

    def show_count(self, hidden: int) -> None:
        """The network shown has ``hidden`` hidden units: offer only the steps that stay legal."""
        self._hidden = hidden
        self.remove.setEnabled(hidden > 1)
        self.add.setEnabled(hidden < MAX_UNITS)

    def resize_for(self, zoom: float) -> int:
        """Scale both buttons for ``zoom`` (within what still looks like a button); their side."""
        side = round(min(max(BUTTON_PX * zoom, 22), 36))
        for button in (self.remove, self.add):
            button.setFixedSize(side, side)
            button.setFont(pixel_font(round(0.7 * side), bold=True))
        return side

    def place_beside(self, caption: QRect) -> None:
        """− left and + right of ``caption`` (in the view's coordinates), above the graph."""
        size = self.add.width()
        y = caption.center().y() - size // 2
        self.remove.move(caption.left() - size - 6, y)
        self.add.move(caption.right() + 6, y)
        self.remove.raise_()
        self.add.raise_()

    def _on_clicked(self, step: int) -> None:
        if not self._hidden:
            return
        count = self._hidden + step
        if 1 <= count <= MAX_UNITS:
            self.count_requested.emit(count)
