"""Entry point: ``nnsim`` / ``python -m nnsim``.

``--self-test`` opens the main window offscreen, trains a few hundred epochs through the worker
thread and checks that the loss fell: packaging runs it on the frozen app as a smoke test.
``--startup-probe`` shows the window, prints the seconds since this module was imported and exits
(``benchmarks/startup.py`` times the whole process by the wall clock and compares source and
frozen start-up).

Neither of the two reads or writes the user's settings: their window is often invisible
(offscreen) and closes at once, and its layout saved as the user's would make the next real
start look squashed. They keep settings in a temporary folder instead (see ``_isolated_settings``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator

_IMPORTED_AT = time.perf_counter()  # interpreter start-up itself is not included

SELF_TEST_EPOCHS = 300
SMALL_SCREEN_HEIGHT = 900  # px; on a smaller screen the first window starts maximised
SELF_TEST_TIMEOUT_MS = 60_000


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nnsim", description="A neural-network simulator for "
                                     "the lecture “Basics of Neural Networks”.")
    parser.add_argument("--self-test", action="store_true",
                        help="train briefly offscreen, check the loss fell, print one line, exit")
    parser.add_argument("--startup-probe", action="store_true",
                        help="show the window, print the seconds since start, exit")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("file", nargs="?", default=None,
                        help="a lesson file (.nnsim) to open")
    parser.add_argument("--lang", choices=("en", "de"), default=None,
                        help="interface language (default: as chosen in View → Language, else "
                             "the system's)")
    return parser.parse_args(argv)


def _self_test(window) -> tuple[bool, str]:
    """Train through the real worker until SELF_TEST_EPOCHS; did the training loss fall?"""
    from PySide6.QtCore import QEventLoop, QTimer

    from nnsim.core.commands import SetSpeed

    loop = QEventLoop()
    state: dict[str, object] = {"last": None}

    def on_snapshot(snapshot) -> None:
        state["last"] = snapshot
        if snapshot.epoch >= SELF_TEST_EPOCHS or snapshot.divergence is not None:
            loop.quit()

    window.worker.snapshot_ready.connect(on_snapshot)
    window.worker.submit(SetSpeed(None))  # unthrottled: the default pace is for watching
    window.action_set.train.setChecked(True)
    QTimer.singleShot(SELF_TEST_TIMEOUT_MS, loop.quit)
    loop.exec()
    window.action_set.train.setChecked(False)
    last = state["last"]
    if last is None:
        return False, "no snapshot arrived from the training thread"
    if last.epoch < SELF_TEST_EPOCHS:
        return False, f"only {last.epoch} epochs in {SELF_TEST_TIMEOUT_MS / 1000:g} s"
    first, final = float(last.start_loss), float(last.train_loss)  # start of the run vs now
    if not final < first:
        return False, f"the training loss did not fall ({first:.4g} -> {final:.4g})"
    return True, (f"trained {last.epoch} epochs; training loss {first:.4g} -> {final:.4g}")


def main(argv: list[str] | None = None) -> int:
    """Start nnsim; returns the process exit code."""
    args = _parse(list(sys.argv[1:] if argv is None else argv))
    import nnsim

    if args.version:
        print(f"nnsim {nnsim.__version__}")
        return 0
    if args.self_test and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    checking = args.self_test or args.startup_probe
    with _isolated_settings() if checking else contextlib.nullcontext():
        return _run(args)


@contextlib.contextmanager
def _isolated_settings() -> Iterator[str]:
    """Keep every ``QSettings`` of this run in a temporary folder, removed afterwards.

    Set up before the QApplication exists, so that nothing (the window, a widget, Qt itself)
    can open the user's settings first.

    Yields
    ------
    str
        The temporary folder.
    """
    from nnsim.ui.settings import use_settings_folder

    # ignore_cleanup_errors: a file Windows still holds must not fail a passed self-test
    with tempfile.TemporaryDirectory(prefix="nnsim-settings-", ignore_cleanup_errors=True) as folder:
        use_settings_folder(folder)
        yield folder


def _run(args: argparse.Namespace) -> int:
    """Create the application and the main window and run what ``args`` ask for."""
    from PySide6.QtWidgets import QApplication  # PySide6 before pyqtgraph (via nnsim.ui)

    from nnsim.desktop import apply_identity
    from nnsim.ui.settings import AppSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_identity(app)  # before AppSettings: the names choose the settings file
    from nnsim.i18n import install_translator
    from nnsim.ui.main_window import MainWindow

    settings = AppSettings()
    # --lang for this run only; else the choice from View → Language, else the system's.
    install_translator(app, args.lang or settings.language or None)
    window = MainWindow(settings=settings)
    screen = app.primaryScreen()
    if (screen is not None and screen.availableGeometry().height() < SMALL_SCREEN_HEIGHT
            and window.app_settings.window_geometry is None):
        window.showMaximized()  # a laptop or projector: every pixel, as the layout expects
    else:
        window.show()
    if args.startup_probe:
        app.processEvents()
        print(f"startup {time.perf_counter() - _IMPORTED_AT:.3f}")
        _dispose(window)
        return 0
    if args.self_test:
        ok, text = _self_test(window)
        _dispose(window)
        print(f"nnsim self-test: {'OK' if ok else 'FAILED'}: {text}")
        return 0 if ok else 1
    from nnsim.desktop import FileOpenFilter
    from nnsim.ui.language import current_window, dispose_retired

    # macOS hands a double-clicked lesson file over as an event, not on the command line.
    opener = FileOpenFilter(lambda path: current_window(window).open_file(path))
    app.installEventFilter(opener)
    if args.file:
        window.open_file(args.file)  # a bad file is reported and the default session stays
    elif window.app_settings.show_start_page:
        window.show_start_page()  # first launch: the lecture's demos, one click away
    code = app.exec()
    app.removeEventFilter(opener)
    _dispose(current_window(window))  # View → Language may have rebuilt the window
    dispose_retired()
    return code


def _dispose(window) -> None:
    """Close the window and delete its Qt objects now, while Python is still fully alive.

    Left to interpreter shutdown, pyqtgraph items could receive Qt events after their Python
    side is gone (seen as a segfault on exit in about half of the --startup-probe runs).
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    # Nothing to ask here: a user who closed the window was asked then, and the checks'
    # (--self-test) training is not the user's work.
    window.modified = False
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
