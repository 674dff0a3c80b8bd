"""GUI test fixtures: settings kept out of the user's home, and no test may leave a thread running."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from nnsim.ui.settings import use_settings_folder
from nnsim.worker import WorkerThread


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """QSettings in a temporary folder, so tests neither read nor write the user's layout."""
    QCoreApplication.setOrganizationName("nnsim-tests")
    QCoreApplication.setApplicationName("nnsim-tests")
    use_settings_folder(tmp_path)  # the same redirect as --self-test: all formats and scopes
    # Check the redirect itself: if Qt ever ignored it, fail here rather than write the user's file.
    where = Path(QSettings().fileName())
    assert where.is_relative_to(tmp_path), f"test settings would go to {where}, not under {tmp_path}"
    yield


@pytest.fixture(autouse=True)
def no_thread_left_running():
    """Fail any test that leaves a training thread running after it ends."""
    yield
    running = WorkerThread.running()
    for worker_thread in running:  # stop them anyway, so one failure does not cascade
        worker_thread.stop()
    assert not running, f"test left {len(running)} training thread(s) running"


@pytest.fixture(autouse=True)
def unsaved_changes_are_discarded(monkeypatch):
    """Closing a window with unsaved changes asks Save/Discard/Cancel in a modal dialog, which
    no test answers: by default the changes are discarded. Tests of that question replace
    ``ask_save_changes`` on their window, or ``QMessageBox.question`` (then it is asked)."""
    from PySide6.QtWidgets import QMessageBox

    from nnsim.ui.main_window import MainWindow

    unanswered = QMessageBox.question
    ask = MainWindow.ask_save_changes

    def discard_unless_answered(self):
        return ask(self) if QMessageBox.question is not unanswered else "discard"

    monkeypatch.setattr(MainWindow, "ask_save_changes", discard_unless_answered)


@pytest.fixture(autouse=True)
def no_view_failed(caplog):
    """The window logs a view that raised while drawing a snapshot and goes on drawing the
    others (a user keeps a working window); in a test that is a failure."""
    yield
    failed = [r.getMessage() for r in caplog.records
              if r.name == "nnsim.ui.main_window" and "drawing a snapshot failed" in r.getMessage()]
    assert not failed, failed
