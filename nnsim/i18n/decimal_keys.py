"""A "." typed into a number field of a German interface becomes the decimal comma.

German spin boxes show and expect "0,05"; a student who types "0.05" (as in the lecture's
slides, or from a numeric keypad on an English layout) would otherwise see the point refused
and get 5. One event filter on the application turns that key into a comma, in spin boxes only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication


class DecimalPointKeys(QObject):
    """Turns "." key presses in spin boxes into the locale's decimal separator (","). """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or event.text() != ".":
            return False
        box = watched if isinstance(watched, QAbstractSpinBox) else watched.parent()
        if not isinstance(box, QAbstractSpinBox) or box.locale().decimalPoint() != ",":
            return False
        comma = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Comma, event.modifiers(), ",",
                          event.isAutoRepeat(), event.count())
        QApplication.sendEvent(watched, comma)
        return True
