"""The lecturer's note to students, shown in a dock above the network when a lesson opens."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

# A first paragraph this short reads as the note's title: it runs into the next paragraph in
# bold, which saves the network a line of height on a laptop (as the demo caption does).
TITLE_CHARS = 90
# Lines of the note shown at once; a longer note scrolls. In a window under COMPACT_BELOW px
# tall (a 1024×768 projector, a 1366×768 laptop) fewer, or a 3-3-2 network with 9 hidden units
# shrank to a thumbnail under the note.
MAX_LINES = 4.5
COMPACT_LINES = 2.5
COMPACT_BELOW = 850


class LessonNote(QWidget):
    """The note, word-wrapped. A file's text is escaped: nothing in it is read as markup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonNote")
        self._note = ""
        self.label = QLabel(objectName="lessonNoteText")
        self.label.setTextFormat(Qt.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.label.setStyleSheet("background: #eaf2f8; color: #1b2631; padding: 4px 8px;"
                                 "font-size: 11pt; border-left: 4px solid #2e86c1;")
        # A long note scrolls rather than squeeze the network below it (see height_for).
        scroll = QScrollArea(objectName="lessonNoteScroll")
        scroll.setWidget(self.label)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def set_note(self, note: str) -> None:
        self._note = note
        paragraphs = [html.escape(p.strip()).replace("\n", "<br>")
                      for p in note.split("\n\n") if p.strip()]
        if len(paragraphs) > 1 and len(paragraphs[0]) <= TITLE_CHARS:
            title = paragraphs.pop(0)
            paragraphs[0] = f"<b>{title}.</b> {paragraphs[0]}" if not title.endswith(
                (".", "!", "?", ":")) else f"<b>{title}</b> {paragraphs[0]}"
        self.label.setText("<br>".join(paragraphs))

    def note(self) -> str:
        """The note as the file holds it (after translation of the shipped lessons)."""
        return self._note

    def height_for(self, width: int) -> int:
        """The height the note gets at ``width`` pixels: all of it, up to ``MAX_LINES`` lines
        (``COMPACT_LINES`` in a low window; the rest scrolls), so a 768-px laptop keeps room for
        the network."""
        needed = self.label.heightForWidth(max(100, width)) + 2
        line = self.label.fontMetrics().lineSpacing()
        lines = MAX_LINES if self.window().height() >= COMPACT_BELOW else COMPACT_LINES
        return min(needed, int(lines * line) + 12)
