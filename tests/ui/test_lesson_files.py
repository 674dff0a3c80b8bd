"""Lesson files in the real window: File → Open/Save/Save As/Open Recent/Open lesson, the
title, unsaved changes, the note and the hidden controls, bad files and the command line."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from nnsim.core import commands as cmd
from nnsim.core.demos import DEMOS
from nnsim.core.lesson_file import load_lesson, save_session
from nnsim.core.session import Session
from nnsim.core.settings import Settings
from nnsim.ui.lesson_actions import builtin_lessons
from nnsim.ui.settings import MAX_RECENT_FILES, AppSettings
from tests.ui.test_main_window import TIMEOUT, settle, wait_for, window  # noqa: F401 - fixture


def _lesson(path, **settings) -> Session:
    session = Session(Settings(**settings))
    session.step(4)
    save_session(session, path, note="Watch the dev loss.", hidden_controls=["batchSizeCombo"])
    return session


def test_file_menu_has_the_actions_and_shortcuts(window) -> None:
    names = {a.objectName(): a for a in window.findChildren(QAction)}
    for name in ("actionOpen", "actionSave", "actionSaveAs", "actionOpenLesson",
                 "actionExportLabNotebook", "actionImportCsv"):
        assert name in names, name
    assert names["actionOpen"].shortcut() == QKeySequence(QKeySequence.Open)
    assert names["actionSave"].shortcut() == QKeySequence(QKeySequence.Save)
    assert names["actionSaveAs"].shortcut() == QKeySequence("Ctrl+Shift+S")
    assert names["actionImportCsv"].shortcut() == QKeySequence("Ctrl+I")
    assert window.findChild(QMenu, "menuRecent") is not None
    lessons = window.findChild(QMenu, "menuLessons")
    assert len([a for a in lessons.actions() if a.objectName().startswith("actionLesson")]) \
        == len(DEMOS)


def test_opening_a_lesson_replaces_the_session_and_shows_note_and_hidden_controls(
        qtbot, window, tmp_path) -> None:
    path = tmp_path / "lesson.nnsim"
    original = _lesson(path, batch_size=8, learning_rate=0.25)
    assert window.open_file(str(path))
    snap = wait_for(qtbot, window, lambda s: s.epoch == 4)
    assert snap.parameters.tobytes() == original.net.parameters.tobytes()
    # The Data view's axes follow whether its tab is on screen (a view choice of the window).
    assert replace(snap.settings, data_view_axes=None) == replace(original.settings,
                                                                  data_view_axes=None)
    assert window.windowTitle().startswith("lesson.nnsim") and "*" not in window.windowTitle()
    dock = window.findChild(QDockWidget, "lessonNoteDock")
    assert dock.isVisible() and "Watch the dev loss." in window.lesson_note.note()
    assert not window.control_panel.batch_combo.isVisible()
    assert window.control_panel.learning_rate_spin.isVisible()
    # The next epoch is the one the saved session would have trained.
    original.step(1)
    window.action_set.step.trigger()
    snap = wait_for(qtbot, window, lambda s: s.epoch == 5)
    assert snap.parameters.tobytes() == original.net.parameters.tobytes()
    assert window.windowTitle().startswith("lesson.nnsim*")


def test_save_and_save_as_write_the_session_and_clear_the_star(qtbot, window, tmp_path,
                                                               monkeypatch) -> None:
    window.action_set.step.trigger()
    wait_for(qtbot, window, lambda s: s.epoch == 1)
    qtbot.waitUntil(lambda: window.modified, timeout=TIMEOUT)
    assert window.windowTitle().endswith("*")
    target = tmp_path / "mine"
    monkeypatch.setattr(window, "ask_save_path", lambda *a: (str(target), ""))
    window.action_set.save.trigger()  # no file yet: Save asks where (Save As)
    saved = tmp_path / "mine.nnsim"
    assert saved.is_file()
    assert window.windowTitle() == "mine.nnsim — nnsim" and not window.modified
    session = load_lesson(saved).session
    assert session.net.parameters.tobytes() == window.latest_snapshot.parameters.tobytes()
    window.submit_gesture(cmd.SetLearningRate(0.125))
    qtbot.waitUntil(lambda: window.modified, timeout=TIMEOUT)
    monkeypatch.setattr(window, "ask_save_path", lambda *a: pytest.fail("Save asked"))
    assert window.save()
    assert load_lesson(saved).session.settings.learning_rate == 0.125
    assert not window.modified
    assert window.app_settings.recent_files[0] == str(saved)


def test_a_new_window_is_not_modified_until_something_changes(qtbot, window) -> None:
    settle(qtbot, window)
    assert not window.modified and not window.windowTitle().endswith("*")
    window.findChild(QAction, "actionCompareLearningRates").trigger()  # not saved in files
    qtbot.waitUntil(lambda: len(window.latest_snapshot.runs) == 3, timeout=TIMEOUT)
    window.submit(cmd.SelectParameter("w12"))
    wait_for(qtbot, window, lambda s: s.selected == "w12")
    assert not window.modified
    window.submit_gesture(cmd.SetHiddenUnits(4))
    qtbot.waitUntil(lambda: window.modified, timeout=TIMEOUT)


@pytest.mark.parametrize("answer, closes", [("cancel", False), ("discard", True)])
def test_closing_with_unsaved_changes_asks(qtbot, window, monkeypatch, answer, closes) -> None:
    window.submit_gesture(cmd.SetHiddenUnits(4))
    qtbot.waitUntil(lambda: window.modified, timeout=TIMEOUT)
    asked = []
    monkeypatch.setattr(window, "ask_save_changes", lambda: asked.append(1) or answer)
    window.close()
    assert asked and window.isVisible() == (not closes)
    if not closes:
        assert window.worker_thread.thread.isRunning()
        monkeypatch.setattr(window, "ask_save_changes", lambda: "discard")
        window.close()  # the fixture's close would be cancelled too


def test_closing_with_save_writes_the_file_first(qtbot, window, tmp_path, monkeypatch) -> None:
    window.submit_gesture(cmd.SetHiddenUnits(5))
    qtbot.waitUntil(lambda: window.modified, timeout=TIMEOUT)
    target = tmp_path / "before-closing.nnsim"
    monkeypatch.setattr(window, "ask_save_changes", lambda: "save")
    monkeypatch.setattr(window, "ask_save_path", lambda *a: (str(target), ""))
    window.close()
    assert not window.isVisible()
    assert load_lesson(target).session.settings.hidden_units == 5


def test_opening_another_file_with_unsaved_changes_asks(qtbot, window, tmp_path,
                                                        monkeypatch) -> None:
    path = tmp_path / "other.nnsim"
    _lesson(path)
    window.submit_gesture(cmd.SetHiddenUnits(2))
    qtbot.waitUntil(lambda: window.modified, timeout=TIMEOUT)
    monkeypatch.setattr(window, "ask_save_changes", lambda: "cancel")
    assert not window.open_file(str(path))
    assert settle(qtbot, window).sizes == (3, 2, 2)
    monkeypatch.setattr(window, "ask_save_changes", lambda: "discard")
    assert window.open_file(str(path))
    assert wait_for(qtbot, window, lambda s: s.epoch == 4).sizes == (3, 3, 2)


@pytest.mark.parametrize("content", [b"{\"format_version\": 99}", b"{\"format_ver",
                                     b"not json at all"])
def test_a_bad_file_shows_the_error_and_keeps_the_session(qtbot, window, tmp_path, monkeypatch,
                                                          content) -> None:
    window.submit_gesture(cmd.SetHiddenUnits(6))
    before = wait_for(qtbot, window, lambda s: s.sizes == (3, 6, 2))
    bad = tmp_path / "broken.nnsim"
    bad.write_bytes(content)
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    monkeypatch.setattr(window, "ask_save_changes", lambda: "discard")
    monkeypatch.setattr(window, "ask_open_path", lambda *a: str(bad))
    window.action_set.open.trigger()
    assert len(errors) == 1 and "broken.nnsim" in errors[0]
    snap = settle(qtbot, window)
    assert snap.sizes == (3, 6, 2) and snap.parameters.tobytes() == before.parameters.tobytes()
    assert window.modified  # the unsaved changes are still there


def test_open_recent_remembers_files_and_drops_missing_ones(qtbot, window, tmp_path) -> None:
    paths = []
    for i in range(MAX_RECENT_FILES + 2):
        path = tmp_path / f"f{i}.nnsim"
        _lesson(path)
        window.open_file(str(path))
        paths.append(str(path))
    recent = window.app_settings.recent_files
    assert recent == list(reversed(paths))[:MAX_RECENT_FILES]
    menu = window.findChild(QMenu, "menuRecent")
    menu.aboutToShow.emit()
    assert [a.toolTip() for a in menu.actions()] == recent
    (tmp_path / "f9.nnsim").unlink()
    window.open_recent(recent[0])
    assert str(tmp_path / "f9.nnsim") not in window.app_settings.recent_files
    assert "no longer exists" in window.statusBar().currentMessage()
    menu.actions()[0].trigger()  # f8, still there
    assert window.document_path == str(tmp_path / "f8.nnsim")


def test_recent_files_survive_in_app_settings(qapp) -> None:
    settings = AppSettings.in_memory()
    for i in range(12):
        settings.add_recent_file(f"/tmp/x{i}.nnsim")
    settings.add_recent_file("/tmp/x3.nnsim")
    assert settings.recent_files[0] == "/tmp/x3.nnsim"
    assert len(settings.recent_files) == MAX_RECENT_FILES
    assert len(set(settings.recent_files)) == MAX_RECENT_FILES


def test_the_shipped_lessons_open_from_the_menu(qtbot, window) -> None:
    menu = window.findChild(QMenu, "menuLessons")
    action = next(a for a in menu.actions() if a.objectName() == "actionLessonGradientStep")
    from nnsim.core.demos import DEMOS
    assert action.toolTip() == DEMOS["gradient-step"].try_this  # what it shows, not a path
    action.trigger()
    snap = wait_for(qtbot, window, lambda s: s.settings.learning_rate == 1.5)
    assert snap.settings.selected == "v32" and snap.settings.train_selected_only
    assert window.findChild(QDockWidget, "lessonNoteDock").isVisible()
    assert "v32" in window.lesson_note.note()
    assert window.document_path is None  # Save asks where: the shipped file stays as it is


def test_open_lesson_browses_the_lesson_folder(qtbot, window, monkeypatch) -> None:
    chosen = builtin_lessons()[0]
    folders = []
    monkeypatch.setattr(window, "ask_open_path", lambda *a: folders.append(
        window.app_settings.last_folder) or str(chosen))
    window.action_set.open_lesson.trigger()
    assert folders and folders[0] == str(chosen.parent)
    assert window.windowTitle().startswith(chosen.name)


def test_a_file_without_note_hides_the_dock_and_shows_every_control(qtbot, window,
                                                                    tmp_path) -> None:
    with_note, plain = tmp_path / "a.nnsim", tmp_path / "b.nnsim"
    _lesson(with_note)
    save_session(Session(), plain)
    window.open_file(str(with_note))
    assert not window.control_panel.batch_combo.isVisible()
    window.open_file(str(plain))
    assert not window.findChild(QDockWidget, "lessonNoteDock").isVisible()
    assert window.control_panel.batch_combo.isVisible()


def test_imported_data_round_trips_through_the_window(qtbot, window, tmp_path,
                                                      monkeypatch) -> None:
    from tests.ui.test_main_window import ROOT

    sample = ROOT / "resources" / "data" / "vowels.csv"
    monkeypatch.setattr(window, "ask_open_path", lambda *a: str(sample))
    window.import_csv()
    wait_for(qtbot, window, lambda s: s.settings.data_source == "vowels.csv")
    target = tmp_path / "imported.nnsim"
    assert window.save_to(str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["settings"]["dataset"] == "file" and len(data["data"]["X"]) > 10
    window.submit_gesture(cmd.SetBuiltinDataset("xor"))
    wait_for(qtbot, window, lambda s: s.settings.dataset == "xor")
    monkeypatch.setattr(window, "ask_save_changes", lambda: "discard")
    window.open_file(str(target))
    snap = wait_for(qtbot, window, lambda s: s.settings.data_source == "vowels.csv")
    np.testing.assert_array_equal(snap.parameters, load_lesson(target).session.net.parameters)


def test_command_line_opens_the_file(qtbot, tmp_path, monkeypatch) -> None:
    from nnsim import app

    path = tmp_path / "cli.nnsim"
    _lesson(path)
    opened = []
    monkeypatch.setattr("nnsim.ui.main_window.MainWindow.open_file",
                        lambda self, p=None: opened.append(p) or True)
    monkeypatch.setattr("PySide6.QtWidgets.QApplication.exec", lambda *a: 0)
    # An earlier test's language switch leaves its window as "the current one" (module state).
    monkeypatch.setattr("nnsim.ui.language._current", [])
    assert app.main([str(path)]) == 0
    assert opened == [str(path)]


def test_refresh_lesson_view_shows_note_and_hidden_controls_again(qtbot, window,
                                                                  tmp_path) -> None:
    path = tmp_path / "lesson.nnsim"
    _lesson(path)
    window.open_file(str(path))
    window.control_panel.hide_controls([])  # as a window rebuilt around the session starts
    window.findChild(QDockWidget, "lessonNoteDock").hide()
    window.refresh_lesson_view()
    assert not window.control_panel.batch_combo.isVisible()
    assert window.findChild(QDockWidget, "lessonNoteDock").isVisible()
    assert window.windowTitle().startswith("lesson.nnsim")


def test_hide_controls_reports_unknown_names(window) -> None:
    assert window.control_panel.hide_controls(["lossCombo", "noSuchControl"]) == ["noSuchControl"]
    assert not window.control_panel.loss_combo.isVisible()
    window.control_panel.hide_controls([])
    assert window.control_panel.loss_combo.isVisible()


@pytest.mark.parametrize("batch_size", [None, 1])
def test_saving_while_training_writes_a_consistent_session(qtbot, window, tmp_path,
                                                           batch_size) -> None:
    window.submit(cmd.SetBatchSize(batch_size))
    window.submit(cmd.SetSpeed(None))
    window.action_set.train.setChecked(True)
    wait_for(qtbot, window, lambda s: s.epoch > 3)
    target = tmp_path / "running.nnsim"
    assert window.save_to(str(target))
    session = load_lesson(target).session
    assert session.trainer.epoch > 3 and session.settings.batch_size == batch_size
    assert session.trainer.history.latest.epoch == session.trainer.epoch
    wait_for(qtbot, window, lambda s: s.epoch > session.trainer.epoch)  # it trains on
    qtbot.waitUntil(lambda: window.modified, timeout=TIMEOUT)
    window.action_set.train.setChecked(False)


def test_a_one_input_lesson_opened_at_start_up_is_not_refused(qtbot, tmp_path,
                                                              monkeypatch) -> None:
    # As `nnsim valley.nnsim` does: the file opens before the window has settled, while the
    # Data view (two inputs) still reacts to the old session.
    from nnsim.ui.main_window import MainWindow
    from nnsim.ui.settings import AppSettings

    path = builtin_lessons()[[p.stem for p in builtin_lessons()].index("local-minimum")]
    win = MainWindow(settings=AppSettings.in_memory())
    qtbot.addWidget(win)
    errors = []
    monkeypatch.setattr(win, "show_error", errors.append)
    win.show()
    assert win.open_file(str(path))
    assert wait_for(qtbot, win, lambda s: s.sizes == (1, 1, 1)).settings.selected == "w11"
    win.findChild(QDockWidget, "dataDock").raise_()  # the Data view on screen
    settle(qtbot, win)
    win.open_builtin_lesson(path)  # again, with the Data view showing
    settle(qtbot, win)
    assert errors == []
    win.close()


def test_a_lecturer_adds_a_note_and_hides_controls(qtbot, window, tmp_path,
                                                   monkeypatch) -> None:
    action = window.findChild(QAction, "actionLessonProperties")
    assert action in window.findChild(QMenu, "menuFile").actions()
    monkeypatch.setattr(window, "ask_lesson_properties",
                        lambda: ("Only the learning rate today.", ("lossCombo", "batchSizeCombo")))
    action.trigger()
    assert window.modified and window.findChild(QDockWidget, "lessonNoteDock").isVisible()
    assert not window.control_panel.loss_combo.isVisible()
    target = tmp_path / "prepared.nnsim"
    assert window.save_to(str(target))
    lesson = load_lesson(target)
    assert lesson.note == "Only the learning rate today."
    assert lesson.hidden_controls == ("lossCombo", "batchSizeCombo")


def test_the_lesson_dialog_reads_back_what_was_ticked(qtbot) -> None:
    from PySide6.QtCore import Qt

    from nnsim.ui.lesson_dialog import HIDEABLE_CONTROLS, LessonDialog

    dialog = LessonDialog("old note", ("lossCombo", "someFutureControl"))
    qtbot.addWidget(dialog)
    assert dialog.controls.count() == len(HIDEABLE_CONTROLS)
    dialog.note_edit.setPlainText("  new note \n")
    for i in range(dialog.controls.count()):
        item = dialog.controls.item(i)
        if item.data(Qt.UserRole) == "learningRateSpin":
            item.setCheckState(Qt.Checked)
    assert dialog.note() == "new note"
    assert set(dialog.hidden_controls()) == {"lossCombo", "learningRateSpin", "someFutureControl"}
    dialog.note_edit.setPlainText("   ")
    assert dialog.note() is None


def test_every_hideable_control_exists_in_the_control_panel(window) -> None:
    from nnsim.ui.lesson_dialog import HIDEABLE_CONTROLS

    assert window.control_panel.hide_controls(list(HIDEABLE_CONTROLS)) == []
    window.control_panel.hide_controls([])


def test_recent_files_survive_an_ini_file(qapp, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    path = str(tmp_path / "nnsim.ini")
    settings = AppSettings(QSettings(path, QSettings.IniFormat))
    settings.add_recent_file(str(tmp_path / "a, b.nnsim"))  # a comma: INI lists split there
    settings.add_recent_file(str(tmp_path / "c.nnsim"))
    settings.sync()
    again = AppSettings(QSettings(path, QSettings.IniFormat))
    assert again.recent_files == [str(tmp_path / "c.nnsim"), str(tmp_path / "a, b.nnsim")]


def test_the_question_is_a_message_box_with_save_discard_cancel(qtbot, window,
                                                                monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    window.submit_gesture(cmd.SetHiddenUnits(4))
    qtbot.waitUntil(lambda: window.modified, timeout=TIMEOUT)
    asked = []

    def question(parent, title, text, buttons, default):
        asked.append(buttons)
        return QMessageBox.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    window.close()
    assert window.isVisible() and asked
    assert asked[0] == QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.Discard)
    window.close()
    assert not window.isVisible()


def test_worker_call_runs_in_the_training_thread_and_passes_errors_back(qtbot, window) -> None:
    import threading

    seen = []
    result = window.worker.call(lambda s: seen.append(threading.current_thread()) or
                                s.settings.hidden_units).result(timeout=10)
    assert result == 3 and seen[0] is not threading.main_thread()
    with pytest.raises(ZeroDivisionError):
        window.worker.call(lambda s: 1 / 0).result(timeout=10)
    window.action_set.step.trigger()  # the loop goes on serving
    wait_for(qtbot, window, lambda s: s.epoch == 1)


def test_a_lesson_file_dropped_on_the_window_opens(qtbot, window, tmp_path) -> None:
    from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    path = tmp_path / "dropped.nnsim"
    _lesson(path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(window.rect().center(), Qt.CopyAction, data, Qt.LeftButton,
                            Qt.NoModifier)
    QCoreApplication.sendEvent(window, enter)  # through Qt, as a real drag arrives
    assert enter.isAccepted()
    QCoreApplication.sendEvent(window, QDropEvent(QPointF(window.rect().center()),
                                                  Qt.CopyAction, data, Qt.LeftButton,
                                                  Qt.NoModifier))
    qtbot.waitUntil(lambda: window.document_path == str(path), timeout=TIMEOUT)
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "data.csv"))])
    refused = QDragEnterEvent(window.rect().center(), Qt.CopyAction, other, Qt.LeftButton,
                              Qt.NoModifier)
    QCoreApplication.sendEvent(window, refused)
    assert not refused.isAccepted()


@pytest.mark.parametrize("window_height, most_lines", [(700, 2.5), (1000, 4.5)])
def test_a_long_note_leaves_the_network_room_in_a_low_window(qapp, window_height,
                                                             most_lines) -> None:
    from nnsim.ui.lesson_note import LessonNote

    note = LessonNote()
    note.resize(400, window_height)  # a top-level widget: its own window
    note.set_note("A long note. " * 200)
    line = note.label.fontMetrics().lineSpacing()
    assert note.height_for(400) <= most_lines * line + 12
    assert note.height_for(400) > (most_lines - 1) * line  # and it does use its lines


def test_a_lesson_the_training_thread_does_not_take_changes_nothing(qtbot, window, tmp_path,
                                                                    monkeypatch) -> None:
    import concurrent.futures

    from nnsim.core.lesson_file import save_session
    from nnsim.core.session import Session

    path = tmp_path / "stuck.nnsim"
    save_session(Session(), path, note="never shown")
    monkeypatch.setattr("nnsim.ui.lesson_actions.WORKER_WAIT_S", 0.01)
    monkeypatch.setattr(window.worker, "replace_session", lambda s: concurrent.futures.Future())
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    title = window.windowTitle()
    assert not window.open_file(str(path))
    assert errors and "nothing was changed" in errors[0]
    assert window.windowTitle() == title and window.lesson_note_text != "never shown"
