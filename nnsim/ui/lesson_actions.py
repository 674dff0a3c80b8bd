"""The main window's lesson files: Open, Save, Save As, Open Recent, Open lesson, unsaved changes.

A mixin of :class:`nnsim.ui.main_window.MainWindow`. The session lives in the training thread,
so saving asks the worker to write a consistent copy there (``worker.call``), and opening swaps
the loaded session in between epochs (``worker.replace_session``); the window waits for either,
which takes a few milliseconds. Dialogs are methods, so tests can replace them. A bad file is
reported in a dialog and the current session stays.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, Qt, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QMessageBox

from nnsim.core import commands as cmd
from nnsim.core.demos import TRANSLATION_CONTEXT as DEMOS_CONTEXT
from nnsim.core.lesson_file import (
    SUFFIX,
    Lesson,
    LessonFileError,
    load_lesson,
    save_session,
)
from nnsim.core.session import Session
from nnsim.ui.lesson_menus import LessonMenus, builtin_lessons, lessons_folder  # noqa: F401
from nnsim.ui.lesson_messages import lesson_error_text
from nnsim.ui.lesson_note import LessonNote
from nnsim.ui.translated import translate  # the name pyside6-lupdate looks for

# Seconds the window waits for the training thread to save or swap (it answers between epochs,
# within milliseconds; a stuck thread must not hang the window forever).
WORKER_WAIT_S = 60.0
# Commands that change only what is looked at, not what a lesson file holds: they do not make a
# file "modified". The run comparison is not saved in lesson files (the runs list is the
# session's memory), so pinning and comparing change nothing a file holds either.
VIEW_ONLY_COMMANDS = (cmd.SelectParameter, cmd.SetDataViewAxes, cmd.SetExplain,
                      cmd.SetExamplesTable, cmd.PinRun, cmd.ClearComparison,
                      cmd.CompareLearningRates)


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor while a large file is read or written."""
    QApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _dropped_lesson(data: QMimeData) -> str | None:
    """The one lesson file (a local ``*.nnsim``) in dropped data, else None."""
    urls = data.urls() if data.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = urls[0].toLocalFile()
    return path if path.lower().endswith(SUFFIX) else None


class LessonActions(LessonMenus):
    """File → Open/Save/Save As/Open Recent/Open lesson for the main window."""

    # Provided by MainWindow.
    action_set: Any
    app_settings: Any
    control_panel: Any
    demo_caption: Any
    loss_plot: Any
    undo_stack: Any
    worker: Any
    recent_menu: Any
    lessons_menu: Any
    say: Callable[..., None]
    show_error: Callable[[str], None]
    ask_open_path: Callable[[str, str], str]
    ask_save_path: Callable[[str, str], tuple[str, str]]
    statusBar: Callable[[], Any]
    setWindowTitle: Callable[[str], None]
    setCorner: Callable[..., None]
    resizeDocks: Callable[..., None]
    _add_dock: Callable[..., None]
    submit: Callable[[cmd.Command], None]
    latest_snapshot: Any

    # ----------------------------------------------------------------- set-up
    def _init_lesson_files(self) -> None:
        """The note dock, the menus and the window title (called once by MainWindow)."""
        self.document_path: str | None = None  # where Save writes (None: ask)
        self.document_name = ""  # shown in the title
        self.modified = False
        self._clean_epoch = 0
        self.lesson_note_text: str | None = None
        self.lesson_hidden_controls: tuple[str, ...] = ()
        self.lesson_note = LessonNote()
        self.setAcceptDrops(True)  # a lesson file dropped on the window opens
        self._add_dock("lessonNoteDock", translate("LessonActions", "Note for this lesson"),
                       self.lesson_note,
                       Qt.TopDockWidgetArea)
        # Above the network and the plots only: the controls keep the full height on the left.
        self.setCorner(Qt.TopLeftCorner, Qt.LeftDockWidgetArea)
        a = self.action_set
        a.open.triggered.connect(lambda: self.open_file())
        a.save.triggered.connect(self.save)
        a.save_as.triggered.connect(self.save_as)
        a.open_lesson.triggered.connect(self.browse_lessons)
        a.export_lab_notebook.triggered.connect(lambda: self.export_lab_notebook())
        # File → Lesson note and hidden controls…, after Save As (what a lecturer adds).
        self.lesson_properties_action = QAction(
            translate("LessonActions", "Lesson &note and hidden controls…"), self)
        self.lesson_properties_action.setObjectName("actionLessonProperties")
        self.lesson_properties_action.setStatusTip(translate(
            "LessonActions", "For lecturers: a note students see when they open the file, and "
                             "controls to hide from them"))
        self.lesson_properties_action.triggered.connect(self.edit_lesson_properties)
        file_menu = self.findChild(QMenu, "menuFile")
        entries = file_menu.actions()
        after = entries.index(a.save_as) + 1
        file_menu.insertAction(entries[after] if after < len(entries) else None,
                               self.lesson_properties_action)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        self._fill_lessons_menu()
        self._update_title()

    # ----------------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_lesson(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_lesson(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # After the drop has finished: the question about unsaved changes is a modal dialog.
        QTimer.singleShot(0, lambda: self.open_file(path))

    def _hide_lesson_note(self) -> None:
        self.findChild(QDockWidget, "lessonNoteDock").hide()

    # ----------------------------------------------------------------- dialogs (replaceable)
    def ask_save_changes(self) -> str:
        """Save, discard or cancel? Returns ``"save"``, ``"discard"`` or ``"cancel"``."""
        name = self.document_name or translate("LessonActions", "this session")
        answer = QMessageBox.question(
            self, translate("LessonActions", "Unsaved changes"),
            translate("LessonActions", "Save the changes to %1 before going on?").replace(
                "%1", name),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(answer, "cancel")

    def maybe_save_changes(self) -> bool:
        """Ask about unsaved changes; True if the caller may go on (saved or discarded)."""
        if not self.modified:
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save()
        return answer == "discard"

    # ----------------------------------------------------------------- opening
    def open_file(self, path: str | None = None) -> bool:
        """File → Open: ask about unsaved changes, then open ``path`` (or ask for one)."""
        if not self.maybe_save_changes():
            return False
        if path is None:
            path = self.ask_open_path(
                translate("LessonActions", "Open lesson file"),
                translate("LessonActions", "nnsim lesson files (*.nnsim);;All files (*)"))
            if not path:
                return False
            self.app_settings.last_folder = str(Path(path).parent)
        return self._open(path, as_document=True)

    def open_builtin_lesson(self, path: str | Path) -> bool:
        """One of the lecture's lessons: opened like a file, but Save asks where (the
        installed copy stays as shipped)."""
        if not self.maybe_save_changes():
            return False
        return self._open(str(path), as_document=False)

    def browse_lessons(self) -> bool:
        """File → Open lesson…: a file dialog in the folder of the shipped lessons."""
        if not self.maybe_save_changes():
            return False
        path, _ = self._ask_lesson_path()
        if not path:
            return False
        return self._open(path, as_document=Path(path).parent != lessons_folder())

    def _ask_lesson_path(self) -> tuple[str, str]:
        saved = self.app_settings.last_folder
        self.app_settings.last_folder = str(lessons_folder())
        try:
            return self.ask_open_path(
                translate("LessonActions", "Open lesson"),
                translate("LessonActions", "nnsim lesson files (*.nnsim)")), ""
        finally:
            self.app_settings.last_folder = saved

    def _open(self, path: str, as_document: bool) -> bool:
        try:
            with _busy():  # 200,000 imported rows take about 3 s
                lesson = load_lesson(path)
        except LessonFileError as error:
            if as_document and not Path(path).exists():
                self.app_settings.remove_recent_file(str(Path(path).absolute()))
            self.show_error(lesson_error_text(error))
            return False
        if not self.use_lesson(lesson, path if as_document else None):
            return False
        if as_document:
            self.app_settings.add_recent_file(path)
            self._fill_recent_menu()
        self.say(translate("LessonActions", "Opened %1").replace("%1", Path(path).name), 8000)
        return True

    def use_lesson(self, lesson: Lesson, document_path: str | None) -> bool:
        """Train ``lesson``'s session from now on and show its note and hidden controls.

        False if the training thread did not take it (the current session stays)."""
        epoch = lesson.session.trainer.epoch  # read before the session goes to the worker
        data_view = getattr(self, "data_view", None)
        needs_data_view = (data_view is not None and data_view.isVisible()
                           and lesson.session.settings.data_view_axes is None
                           and lesson.session.dataset.n_features >= 2)
        self.action_set.train.setChecked(False)
        self.statusBar().clearMessage()
        self.loss_plot.clear_run()
        self.demo_caption.hide()
        swap = self.worker.replace_session(lesson.session)
        self._wait_for(swap)
        if swap.cancelled():
            return False  # the window goes on describing the session that is still trained
        self.undo_stack.clear()  # the old session's steps cannot be undone in this one
        # The old session's picture no longer describes anything: nothing may be decided from
        # it (the Data view would ask for two inputs of a file that has one).
        self.latest_snapshot = None
        self.lesson_note_text = lesson.note
        self.lesson_hidden_controls = lesson.hidden_controls
        self._show_note(lesson.note)
        self.control_panel.hide_controls(lesson.hidden_controls)
        if needs_data_view:  # the Data view is on screen: it needs its background
            self.submit(cmd.SetDataViewAxes((0, 1)))
        self.document_path = None if document_path is None else str(Path(document_path))
        self.document_name = Path(lesson.path).name
        self._mark_clean(epoch)
        return True

    def ask_lesson_properties(self) -> tuple[str | None, tuple[str, ...]] | None:
        """The lesson dialog (a method, so tests can replace it): (note, hidden) or None."""
        from nnsim.ui.lesson_dialog import LessonDialog

        dialog = LessonDialog(self.lesson_note_text, self.lesson_hidden_controls, self)
        if dialog.exec() != LessonDialog.Accepted:
            return None
        return dialog.note(), dialog.hidden_controls()

    def edit_lesson_properties(self) -> bool:
        """File → Lesson note and hidden controls…: shown at once, saved with the file."""
        answer = self.ask_lesson_properties()
        if answer is None:
            return False
        note, hidden = answer
        if (note, hidden) == (self.lesson_note_text, self.lesson_hidden_controls):
            return False
        self.lesson_note_text, self.lesson_hidden_controls = note, hidden
        self._show_note(note)
        self.control_panel.hide_controls(hidden)
        self._set_modified(True)
        return True

    def refresh_lesson_view(self) -> None:
        """Show the lesson's note, hidden controls and title again from the document state
        (for a window rebuilt around the same session, e.g. after a language switch)."""
        self._show_note(self.lesson_note_text)
        self.control_panel.hide_controls(self.lesson_hidden_controls)
        self._update_title()

    def _show_note(self, note: str | None) -> None:
        dock = self.findChild(QDockWidget, "lessonNoteDock")
        if not note:
            self.lesson_note.set_note("")
            dock.hide()
            return
        # The shipped lessons' notes are the demos' texts, one per paragraph: translated here.
        paragraphs = [QCoreApplication.translate(DEMOS_CONTEXT, p) or p
                      for p in note.split("\n\n")]
        self.lesson_note.set_note("\n\n".join(paragraphs))
        dock.show()
        dock.raise_()
        QTimer.singleShot(0, self._fit_lesson_note)

    def _fit_lesson_note(self) -> None:
        """As high as the note's lines, no more: the network below needs the room."""
        dock = self.findChild(QDockWidget, "lessonNoteDock")
        if dock.isVisible() and not dock.isFloating():
            height = self.lesson_note.height_for(dock.width()) + 28  # + the dock's title bar
            self.resizeDocks([dock], [min(height, self.height() // 3)], Qt.Vertical)

    # ----------------------------------------------------------------- saving
    def save(self) -> bool:
        """File → Save: to the open file, or ask where (Save As)."""
        if self.document_path is None:
            return self.save_as()
        return self.save_to(self.document_path)

    def save_as(self) -> bool:
        path, _ = self.ask_save_path(translate("LessonActions", "Save lesson file"),
                                     translate("LessonActions", "nnsim lesson files (*.nnsim)"))
        if not path:
            return False
        if Path(path).suffix.lower() != SUFFIX:
            path += SUFFIX
        self.app_settings.last_folder = str(Path(path).parent)
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Write the session (with this lesson's note and hidden controls) to ``path``."""
        note, hidden = self.lesson_note_text, self.lesson_hidden_controls

        def write(session: Session) -> int:
            save_session(session, path, note=note, hidden_controls=hidden)
            return session.trainer.epoch

        try:
            epoch = self._in_worker(write)
        except LessonFileError as error:
            self.show_error(lesson_error_text(error))
            return False
        if epoch is None:
            return False
        self.document_path = str(Path(path))
        self.document_name = Path(path).name
        self.app_settings.add_recent_file(path)
        self._fill_recent_menu()
        self._mark_clean(epoch)
        self.say(translate("LessonActions", "Saved %1").replace("%1", path), 8000)
        return True

    def _in_worker(self, task: Callable[[Session], Any]) -> Any:
        """Run ``task`` with the session in the training thread and wait for its result."""
        return self._wait_for(self.worker.call(task))

    def _wait_for(self, future: concurrent.futures.Future) -> Any:
        """The result of a task in the training thread (its exception is raised here).

        What the worker reported before (commands, snapshots) is delivered first, so the
        document's state set afterwards is not overwritten by news from before. Returns None
        (after saying why) if the training thread does not answer.
        """
        try:
            with _busy():
                result = future.result(timeout=WORKER_WAIT_S)
        except concurrent.futures.TimeoutError:
            if future.cancel():  # still queued: it never runs, so nothing was changed
                self.show_error(translate(
                    "LessonActions", "The training thread did not respond; nothing was changed."))
                return None
            with _busy():  # it has started (a large file): it ends soon, and must be waited for
                result = future.result()
        QCoreApplication.sendPostedEvents(self)
        return result

    # ----------------------------------------------------------------- modified state
    def _note_applied(self, command: cmd.Command) -> None:
        if not isinstance(command, VIEW_ONLY_COMMANDS):
            self._set_modified(True)

    def _note_epoch(self, epoch: int) -> None:
        if epoch != self._clean_epoch:
            self._set_modified(True)

    def _mark_clean(self, epoch: int) -> None:
        self._clean_epoch = epoch
        self.modified = False
        self._update_title()

    def _set_modified(self, on: bool) -> None:
        if on != self.modified:
            self.modified = on
            self._update_title()

    def _update_title(self) -> None:
        star = "*" if self.modified else ""
        if self.document_name:
            title = translate("LessonActions", "%1%2 — nnsim").replace(
                "%1", self.document_name).replace("%2", star)
        else:
            title = translate("LessonActions", "nnsim — Basics of Neural Networks") + star
        self.setWindowTitle(title)
