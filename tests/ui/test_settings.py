"""AppSettings: typed values with safe defaults, regular files only, and tests kept off the user's file."""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from nnsim.ui.settings import (ZOOM_DEFAULT, ZOOM_MAX, ZOOM_MIN, AppSettings, default_settings_path,
                               use_settings_folder)

ROOT = Path(__file__).resolve().parents[2]
LOGGER = "nnsim.ui.settings"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="named pipes and symlinks as on POSIX")


def settings_path() -> Path:
    path = default_settings_path()
    assert path is not None  # the isolated_settings fixture makes the format INI
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def store_raw(**values: object) -> None:
    """Write values into the settings file past AppSettings, as a hand-edited or older file would."""
    raw = QSettings(str(settings_path()), QSettings.Format.IniFormat)
    for key, value in values.items():
        raw.setValue(key.replace("__", "/"), value)
    raw.sync()
    assert raw.status() == QSettings.Status.NoError


RESCUER = """
import os, sys, time
fifo, marker, after = sys.argv[1], sys.argv[2], float(sys.argv[3])
time.sleep(after)
open(marker, "w").close()
while True:  # open and close both ends until killed: wakes a reader or a writer stuck in open()
    for flags in (os.O_RDONLY | os.O_NONBLOCK, os.O_WRONLY | os.O_NONBLOCK):
        try:
            os.close(os.open(fifo, flags))
        except OSError:  # ENXIO: nobody is waiting to read
            pass
    time.sleep(0.05)
"""


@contextlib.contextmanager
def rescue_if_blocked(fifo: Path, after: float = 5.0) -> Iterator[Path]:
    """Unblock whatever waits in open() on ``fifo`` after ``after`` s; yields a marker file
    that exists afterwards if it had to.

    Qt opens the pipe holding the GIL, so neither a Python thread nor pytest-timeout can act
    while it waits; a separate process opening the other end turns such a hang into a failure.
    """
    marker = fifo.with_name("rescued")
    rescuer = subprocess.Popen([sys.executable, "-c", RESCUER, str(fifo), str(marker), str(after)])
    try:
        yield marker
    finally:
        rescuer.kill()
        rescuer.wait()


# ----------------------------------------------------------------- kept off the user's settings
def test_settings_in_tests_resolve_under_tmp_path(tmp_path) -> None:
    assert Path(QSettings().fileName()).is_relative_to(tmp_path)
    native = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "nnsim", "nnsim")
    if sys.platform not in ("win32", "darwin"):  # elsewhere native is registry / CFPreferences
        assert Path(native.fileName()).is_relative_to(tmp_path)
    settings = AppSettings()
    assert settings.persistent and Path(settings.file_name).is_relative_to(tmp_path)


def test_use_settings_folder_moves_default_settings(tmp_path) -> None:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    use_settings_folder(folder)
    assert Path(QSettings().fileName()).is_relative_to(folder)
    assert Path(AppSettings().file_name).is_relative_to(folder)


def test_window_layout_is_saved_under_tmp_path(qtbot, tmp_path) -> None:
    from nnsim.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.close()  # saves geometry and dock layout
    assert AppSettings().window_state is not None
    assert Path(AppSettings().file_name).is_file()
    assert Path(AppSettings().file_name).is_relative_to(tmp_path)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                    reason="settings live under HOME/XDG_CONFIG_HOME only on Linux and the BSDs")
def test_a_gui_test_run_leaves_the_users_settings_alone(tmp_path) -> None:
    """Run a GUI test that saves a window layout as its own pytest, with HOME in tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               QT_QPA_PLATFORM="offscreen")
    node = "tests/ui/test_settings.py::test_window_layout_is_saved_under_tmp_path"
    result = subprocess.run([sys.executable, "-m", "pytest", node, "-q", "-p", "no:cacheprovider",
                             "--basetemp", str(tmp_path / "basetemp")],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "1 passed" in result.stdout, result.stdout + result.stderr
    written = [p.relative_to(home) for p in home.rglob("*")
               if p.is_file() and (".config" in p.parts or ".qttest" in p.parts
                                   or p.suffix in (".conf", ".ini"))]
    assert written == [], f"the test run wrote settings into HOME: {written}"


# ----------------------------------------------------------------- values
def test_defaults_when_nothing_is_stored() -> None:
    settings = AppSettings()
    assert settings.window_geometry is None and settings.window_state is None
    assert settings.last_folder == "" and settings.language == ""
    assert settings.zoom == ZOOM_DEFAULT == 1.0


def test_every_value_round_trips_through_the_file() -> None:
    settings = AppSettings()
    settings.window_geometry = QByteArray(b"\x01\x02geometry")
    settings.window_state = QByteArray(b"\x00state\xff")
    settings.last_folder = "/data/course, week 3"  # a comma: INI would split an unquoted one
    settings.zoom = 1.75
    settings.language = "de"
    settings.sync()

    again = AppSettings()  # a new object reads the file, not the first one's cache
    assert again.window_geometry == QByteArray(b"\x01\x02geometry")
    assert again.window_state == QByteArray(b"\x00state\xff")
    assert again.last_folder == "/data/course, week 3"
    assert again.zoom == pytest.approx(1.75)
    assert again.language == "de"


@pytest.mark.parametrize(("value", "expected"), [(10.0, ZOOM_MAX), (0.1, ZOOM_MIN), (-2, ZOOM_MIN),
                                                 (3.0, 3.0), (0.5, 0.5), (float("nan"), ZOOM_DEFAULT)])
def test_zoom_is_clamped_when_set(value: float, expected: float) -> None:
    settings = AppSettings()
    settings.zoom = value
    assert settings.zoom == expected
    settings.sync()
    assert AppSettings().zoom == expected


@pytest.mark.parametrize(("stored", "expected"), [
    ("large", ZOOM_DEFAULT), ("", ZOOM_DEFAULT), ("nan", ZOOM_DEFAULT), ("inf", ZOOM_DEFAULT),
    (["1", "2"], ZOOM_DEFAULT), (QByteArray(b"2"), ZOOM_DEFAULT),
    ("2.5", 2.5), ("99", ZOOM_MAX), ("0", ZOOM_MIN)])
def test_bad_stored_zoom_reads_as_default_or_clamped(stored: object, expected: float) -> None:
    store_raw(view__zoom=stored)
    assert AppSettings().zoom == expected


def test_bad_stored_values_read_as_defaults() -> None:
    store_raw(window__geometry="not bytes", window__state=7, files__lastFolder=["a", "b"],
              ui__language=QByteArray(b"de"))
    settings = AppSettings()
    assert settings.window_geometry is None and settings.window_state is None
    assert settings.last_folder == "" and settings.language == ""


def test_a_corrupt_file_reads_as_defaults() -> None:
    settings_path().write_bytes(b"\xff\xfe[view\x00zoom=\n=\x01\n[window]\ngeometry=@ByteArray(")
    settings = AppSettings()
    assert settings.zoom == ZOOM_DEFAULT and settings.window_geometry is None


# ----------------------------------------------------------------- regular files only
@posix_only
@pytest.mark.timeout(30)  # for hangs in Python; a hang inside Qt is ended by rescue_if_blocked
def test_a_named_pipe_as_settings_file_neither_blocks_nor_is_used(caplog) -> None:
    fifo = settings_path()
    os.mkfifo(fifo)
    caplog.set_level(logging.WARNING, logger=LOGGER)
    with rescue_if_blocked(fifo) as rescued:
        started = time.monotonic()
        settings = AppSettings()
        assert settings.window_geometry is None
        settings.window_state = QByteArray(b"state")
        settings.zoom = 2.0
        settings.sync()
        elapsed = time.monotonic() - started
    assert not rescued.exists(), "AppSettings blocked on the named pipe"
    assert elapsed < 2.0
    assert not settings.persistent and settings.zoom == 2.0  # this run still remembers
    assert fifo.is_fifo()
    warnings = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    assert len(warnings) == 1 and "named pipe" in warnings[0] and str(fifo) in warnings[0]


@posix_only
def test_a_symlink_as_settings_file_leaves_its_target_alone(tmp_path, caplog) -> None:
    target = tmp_path / "dotfiles" / "precious.txt"
    target.parent.mkdir()
    target.write_text("[General]\nmine=do not overwrite\n")
    link = settings_path()
    link.symlink_to(target)
    caplog.set_level(logging.WARNING, logger=LOGGER)

    settings = AppSettings()
    settings.window_geometry = QByteArray(b"geometry")
    settings.last_folder = "/tmp"
    settings.zoom = 1.5
    settings.sync()
    del settings  # QSettings would write again on destruction

    assert target.read_text() == "[General]\nmine=do not overwrite\n"
    assert link.is_symlink()
    warnings = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    assert len(warnings) == 1 and "symbolic link" in warnings[0]


@posix_only
def test_a_given_qsettings_on_a_symlink_is_not_written_through(tmp_path) -> None:
    target = tmp_path / "target.ini"
    target.write_text("keep")
    link = tmp_path / "link.ini"
    link.symlink_to(target)
    settings = AppSettings(QSettings(str(link), QSettings.Format.IniFormat))
    settings.zoom = 2.0
    settings.sync()
    assert not settings.persistent and target.read_text() == "keep"


def test_a_folder_as_settings_file_is_not_used(caplog) -> None:
    settings_path().mkdir()
    caplog.set_level(logging.WARNING, logger=LOGGER)
    settings = AppSettings()
    settings.zoom = 2.0
    settings.sync()
    assert not settings.persistent and settings.zoom == 2.0
    assert any("a folder" in r.getMessage() for r in caplog.records if r.name == LOGGER)


def test_a_regular_file_is_used_without_warnings(caplog) -> None:
    settings_path().write_text("[view]\nzoom=2\n")
    caplog.set_level(logging.WARNING, logger=LOGGER)
    settings = AppSettings()
    assert settings.persistent and settings.zoom == 2.0
    assert not [r for r in caplog.records if r.name == LOGGER]


def test_in_memory_settings_start_at_defaults_and_keep_values() -> None:
    settings = AppSettings.in_memory()
    assert not settings.persistent and settings.file_name == "" and settings.zoom == ZOOM_DEFAULT
    settings.language = " fr "
    settings.sync()
    assert settings.language == "fr"
