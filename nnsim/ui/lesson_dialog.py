"""File → Lesson note and hidden controls…: what a lecturer adds to a lesson file before class.

The note is shown to students above the network when the file opens; the ticked controls are
hidden from the control panel, so a lesson can keep students on the one knob it is about.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from nnsim.ui.translated import translate  # the name pyside6-lupdate looks for


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation; it is translated where it is shown."""
    return text


# The control panel's controls a lesson may hide: objectName -> label (marked for translation).
HIDEABLE_CONTROLS: dict[str, str] = {
    "datasetCombo": QT_TRANSLATE_NOOP("LessonDialog", "Dataset"),
    "importCsvButton": QT_TRANSLATE_NOOP("LessonDialog", "Import… (own data)"),
    "samplesSpin": QT_TRANSLATE_NOOP("LessonDialog", "Samples"),
    "noiseSpin": QT_TRANSLATE_NOOP("LessonDialog", "Noise"),
    "trainRatioSpin": QT_TRANSLATE_NOOP("LessonDialog", "Train %"),
    "devRatioSpin": QT_TRANSLATE_NOOP("LessonDialog", "Dev %"),
    "splitSeedSpin": QT_TRANSLATE_NOOP("LessonDialog", "Split seed"),
    "hiddenUnitsSpin": QT_TRANSLATE_NOOP("LessonDialog", "Hidden units"),
    "weightSeedSpin": QT_TRANSLATE_NOOP("LessonDialog", "Weight seed"),
    "hiddenActivationCombo": QT_TRANSLATE_NOOP("LessonDialog", "Hidden activation"),
    "outputActivationCombo": QT_TRANSLATE_NOOP("LessonDialog", "Output activation"),
    "lossCombo": QT_TRANSLATE_NOOP("LessonDialog", "Loss"),
    "learningRateSpin": QT_TRANSLATE_NOOP("LessonDialog", "Learning rate η"),
    "batchSizeCombo": QT_TRANSLATE_NOOP("LessonDialog", "Batch size"),
    "speedControl": QT_TRANSLATE_NOOP("LessonDialog", "Speed"),
    "trainSelectedOnlyCheck": QT_TRANSLATE_NOOP("LessonDialog",
                                                "Train only the selected parameter"),
    "earlyStoppingCheck": QT_TRANSLATE_NOOP("LessonDialog", "Early stopping"),
}


class LessonDialog(QDialog):
    """Edit a lesson's note and hidden controls; read them back with :meth:`note` and
    :meth:`hidden_controls` after ``exec()`` returned ``Accepted``."""

    def __init__(self, note: str | None, hidden: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonDialog")
        self.setWindowTitle(translate("LessonDialog", "Lesson note and hidden controls"))
        self.note_edit = QPlainTextEdit(objectName="lessonNoteEdit")
        self.note_edit.setPlainText(note or "")
        self.note_edit.setPlaceholderText(translate(
            "LessonDialog", "What students should look at or try; shown above the network "
                            "when the file opens. A short first paragraph becomes its title."))
        self.controls = QListWidget(objectName="lessonHiddenControls")
        self.controls.setToolTip(translate(
            "LessonDialog", "Ticked controls are hidden when students open the file"))
        for name, label in HIDEABLE_CONTROLS.items():
            item = QListWidgetItem(translate("LessonDialog", label))
            item.setData(Qt.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if name in hidden else Qt.Unchecked)
            self.controls.addItem(item)
        self._other_hidden = tuple(h for h in hidden if h not in HIDEABLE_CONTROLS)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("LessonDialog", "Note to students:")))
        layout.addWidget(self.note_edit, 2)
        layout.addWidget(QLabel(translate("LessonDialog", "Hide these controls:")))
        layout.addWidget(self.controls, 3)
        layout.addWidget(QLabel(translate(
            "LessonDialog", "Saved with the lesson file (File → Save).")))
        layout.addWidget(buttons)
        self.resize(520, 560)

    def note(self) -> str | None:
        text = self.note_edit.toPlainText().strip()
        return text or None

    def hidden_controls(self) -> tuple[str, ...]:
        ticked = [self.controls.item(i).data(Qt.UserRole) for i in range(self.controls.count())
                  if self.controls.item(i).checkState() == Qt.Checked]
        return tuple(ticked) + self._other_hidden
