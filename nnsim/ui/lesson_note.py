"""The lecturer's note to students, shown in a dock above the network when a lesson opens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class LessonNote(QWidget):
    """The note as word-wrapped plain text (a file's text is never read as HTML)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonNote")
        self.label = QLabel(objectName="lessonNoteText")
        self.label.setTextFormat(Qt.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.label.setStyleSheet("background: #eaf2f8; color: #1b2631; padding: 6px 10px;"
                                 "font-size: 12pt; border-left: 4px solid #2e86c1;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)

    def set_note(self, note: str) -> None:
        self.label.setText(note)

    def note(self) -> str:
        return self.label.text()
