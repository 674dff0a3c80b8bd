"""The inline value editor of the network graph: the field that opens over a value label,
accepts a finite number of sensible size, and says what to type instead of anything else.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QToolTip, QWidget

from nnsim.core.coded_error import fill
from nnsim.core.session import MAX_EDIT_MAGNITUDE
from nnsim.ui import numbers
from nnsim.ui.network_palette import NEGATIVE_COLOR
from nnsim.ui.network_text import parse_number, pixel_font


class ValueEditor(QLineEdit):
    """The inline editor over a label: Enter commits a finite number; Escape or leaving cancels.

    Anything else is refused with a message saying what to type, and the editor stays open with
    the text selected, so the next keystroke replaces it.
    """

    value_committed = Signal(float)
    refused = Signal(str)
    cancelled = Signal()

    def __init__(self, name: str, value: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName("weightEditor")
        self.setAccessibleName(self.tr("New value of %1").replace("%1", name))
        self.setFont(pixel_font(16))
        self.setToolTip(self.tr("New value of %1: type a number and press Enter; Esc "
                                "cancels").replace("%1", name))
        self.setText(numbers.significant(value, 6) if math.isfinite(value) else "")
        self.selectAll()
        self.textEdited.connect(self._on_text_edited)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._commit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Switching windows or opening a menu is not leaving the editor; clicking elsewhere is.
        if event.reason() not in (Qt.FocusReason.ActiveWindowFocusReason,
                                  Qt.FocusReason.PopupFocusReason):
            self.cancelled.emit()

    def _commit(self) -> None:
        text = self.text().strip()
        value = parse_number(text)
        if value is not None and abs(value) <= MAX_EDIT_MAGNITUDE:
            self.value_committed.emit(value)
            return
        if value is not None:
            message = fill(self.tr("%1 = %2 is too large to teach anything: every unit it "
                                   "reaches saturates. Type a value between −%3 and %3."),
                           [self.name, text, numbers.significant(MAX_EDIT_MAGNITUDE, 6)])
        elif not text:
            message = self.tr("%1 needs a number, like 0.5 or -1.2; the field is "
                              "empty.").replace("%1", self.name)
        else:
            message = fill(self.tr("%1 needs a finite number, like 0.5 or -1.2; \u201c%2\u201d "
                                   "is not one."), [self.name, text])
        self.setStyleSheet(f"QLineEdit {{ border: 2px solid {NEGATIVE_COLOR.name()}; }}")
        self.selectAll()
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message, self)
        self.refused.emit(message)

    def _on_text_edited(self, _text: str) -> None:
        # Typing again after a refusal: the red border has said its piece.
        self.setStyleSheet("")
