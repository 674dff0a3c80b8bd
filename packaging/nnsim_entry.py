"""Entry script of the frozen app (PyInstaller): the same as the ``nnsim`` gui-script.

Kept outside the ``nnsim`` package so PyInstaller analyses the installed package, and so the few
things a frozen, windowed build needs happen before nnsim (or Qt) is imported.
"""

from __future__ import annotations

import os
import sys


def _ensure_std_streams() -> None:
    # A windowed (console=False) build on Windows starts with sys.stdout/sys.stderr = None, so any
    # print() -- `--self-test` prints its result line -- or a library's warning would raise.
    # Send them to the null device instead; output redirected by the caller (a file or a pipe)
    # still arrives, because then the streams are not None in the first place.
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (lives as long as the process)
        elif hasattr(stream, "reconfigure"):
            # Line-buffered even into a pipe or file: the one line `--self-test` prints must
            # reach CI's log even if the process then dies in Qt's teardown.
            stream.reconfigure(line_buffering=True)


def run() -> int:
    """Run nnsim's ``main()`` and return its exit code."""
    _ensure_std_streams()
    # pyqtgraph must pick PySide6 even if another binding slipped into the bundle.
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

    import multiprocessing

    multiprocessing.freeze_support()  # a no-op unless a child process is started from the bundle

    from nnsim.app import main

    return main()


if __name__ == "__main__":
    raise SystemExit(run())
