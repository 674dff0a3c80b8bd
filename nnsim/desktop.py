"""The running app's identity: names, version, desktop-file id and window icon.

One place for what the desktop, ``QSettings`` and the installers must agree on. The app id is the
reverse-DNS name of the ``.desktop`` file, the AppStream metainfo and the hicolor icons; without
``QGuiApplication.setDesktopFileName`` a Wayland compositor cannot match the window to its
desktop file and shows no icon.

The icon files are read through ``importlib.resources`` from ``nnsim.resources``, which the wheel
and the frozen bundle both contain; a source checkout that is not installed falls back to the
top-level ``resources/`` folder that ``pyproject.toml`` maps onto that package.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap

import nnsim

APP_ID = "io.github.nnsim.Nnsim"
APP_NAME = "nnsim"
ORGANIZATION = "nnsim"
#: Lesson files (``*.nnsim``): the MIME type the .desktop file, the shared-mime-info XML, the
#: Windows installer and the macOS bundle register, so a double-click opens them in nnsim.
LESSON_MIME_TYPE = "application/x-nnsim-lesson"
LESSON_EXTENSION = "nnsim"

#: Sizes of the PNG renderings in ``resources/icons`` (``nnsim-<size>.png``).
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def resource_root() -> Traversable:
    """Return the folder of nnsim's data files (``nnsim.resources``).

    Returns
    -------
    Traversable
        ``importlib.resources.files("nnsim.resources")`` where that package is importable (the
        wheel, an editable install, the frozen bundle), else the source tree's ``resources/``.
    """
    try:
        return resources.files("nnsim.resources")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "resources"


def app_icon() -> QIcon:
    """Build the application icon from the SVG master and its PNG renderings.

    The SVG goes in first so that Qt's SVG icon engine (when its plugin is present) draws any
    size; the PNGs are used as-is at their own sizes, and alone where the plugin is missing.
    Real files are added by path; a loader that has none (a zip, say) is read through memory.

    Returns
    -------
    QIcon
        The icon; null only if no icon file could be read.
    """
    icons = resource_root() / "icons"
    icon = QIcon()
    for name, size in [("nnsim.svg", None), *((f"nnsim-{s}.png", s) for s in ICON_SIZES)]:
        item = icons / name
        if isinstance(item, Path):
            if item.is_file():
                icon.addFile(str(item), QSize(size, size) if size else QSize())
        elif item.is_file():  # a loader that gives no real files (e.g. a zip): go via memory
            pixmap = QPixmap()
            if pixmap.loadFromData(item.read_bytes()):
                icon.addPixmap(pixmap)
    return icon


def apply_identity(app: QGuiApplication) -> None:
    """Give ``app`` nnsim's names, version, desktop-file id and window icon.

    Call it right after creating the application object and before any ``QSettings`` is made,
    since the organization and application names choose where settings are stored.

    Parameters
    ----------
    app
        The ``QApplication`` (or ``QGuiApplication``) of the process.
    """
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(nnsim.__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    _set_windows_app_user_model_id()
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)


def _set_windows_app_user_model_id() -> None:
    # Windows groups taskbar buttons and picks their icon by AppUserModelID; the installer's
    # Start-menu shortcut carries APP_ID, so the process must claim the same one, or a running
    # nnsim shows python's icon (from source) or a second button beside a pinned shortcut.
    if sys.platform != "win32":
        return
    try:
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_ID)
    except (AttributeError, OSError):  # pragma: no cover - very old Windows or no shell32
        pass


class FileOpenFilter(QObject):
    """Hands the files macOS asks the app to open (a double-click in the Finder arrives as a
    ``QFileOpenEvent``, not on the command line) to ``open_file``.

    Install it on the QApplication: ``app.installEventFilter(FileOpenFilter(callback))``.
    """

    def __init__(self, open_file: Callable[[str], object]) -> None:
        super().__init__()
        self._open_file = open_file

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            path = event.file()  # type: ignore[attr-defined]
            if path:
                self._open_file(path)
                return True
        return super().eventFilter(watched, event)
