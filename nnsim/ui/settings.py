"""One typed wrapper over QSettings: what nnsim remembers between runs.

The settings file is only ever a regular file. ``QSettings`` opens whatever sits at its path:
a named pipe there blocks start-up forever (Qt waits for a writer), and a symbolic link has its
target overwritten on save. So the path is checked with ``os.lstat`` *before* any ``QSettings``
touches it; anything but a regular file (or no file yet) makes this run keep its settings in
memory, with one warning in the log.
"""

from __future__ import annotations

import json
import logging
import math
import os
import stat
import sys
import uuid
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

log = logging.getLogger(__name__)

ZOOM_DEFAULT = 1.0
ZOOM_MIN = 0.5
ZOOM_MAX = 3.0
MAX_RECENT_FILES = 8


class _Store(Protocol):
    """The part of ``QSettings`` that ``AppSettings`` uses."""

    def value(self, key: str, defaultValue: Any = None) -> Any: ...  # noqa: N803 - Qt's name

    def setValue(self, key: str, value: Any) -> None: ...  # noqa: N802 - Qt's name

    def sync(self) -> None: ...


class _MemoryStore:
    """Settings that live only as long as this run: used when the file may not be touched."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}

    def value(self, key: str, defaultValue: Any = None) -> Any:  # noqa: N803 - Qt's name
        return self._values.get(key, defaultValue)

    def setValue(self, key: str, value: Any) -> None:  # noqa: N802 - Qt's name
        self._values[key] = value

    def sync(self) -> None:
        pass


def use_settings_folder(folder: str | os.PathLike[str]) -> None:
    """Make every ``QSettings`` created from now on keep its files in ``folder``.

    For runs that must neither read nor write the user's settings (``--self-test``,
    ``--startup-probe``, the test suite). Call it before the first ``QSettings`` is made.

    Parameters
    ----------
    folder
        An existing folder, e.g. a ``tempfile.TemporaryDirectory``; it must outlive the run.
    """
    # INI everywhere: the native format on Windows (registry) and macOS (CFPreferences) ignores
    # setPath, so a default-constructed QSettings would still reach the user's own settings.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))


def default_settings_path() -> Path | None:
    """Where a default-constructed ``QSettings`` would keep this application's settings file.

    Found without opening that file (opening is what blocks on a named pipe): a ``QSettings``
    for a made-up organization resolves the folder and extension (honouring
    ``QSettings.setPath`` and ``XDG_CONFIG_HOME``), then Qt's own naming rule adds ours.

    Returns
    -------
    Path or None
        The file's path, or None where the default format is not a file Qt opens itself
        (the Windows registry, macOS preferences).
    """
    fmt = QSettings.defaultFormat()
    file_based = fmt == QSettings.Format.IniFormat or (
        fmt == QSettings.Format.NativeFormat and sys.platform not in ("win32", "darwin"))
    if not file_based:
        return None
    probe_name = f"nnsim-path-probe-{uuid.uuid4().hex}"
    probe = Path(QSettings(fmt, QSettings.Scope.UserScope, probe_name, probe_name).fileName())
    folder, extension = probe.parent.parent, probe.suffix
    organization = QCoreApplication.organizationName() or "Unknown Organization"  # as Qt does
    application = QCoreApplication.applicationName()
    if application:
        return folder / organization / f"{application}{extension}"
    return folder / f"{organization}{extension}"


def _unusable_reason(path: Path) -> str | None:
    """Why the settings file at ``path`` must not be opened, or None if it may be."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None  # Qt creates it on the first save
    except OSError as error:
        return f"cannot be checked ({error.strerror})"
    if stat.S_ISREG(mode):
        return None
    kinds = [(stat.S_ISLNK, "a symbolic link"), (stat.S_ISFIFO, "a named pipe"),
             (stat.S_ISDIR, "a folder"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")]
    return next((kind for test, kind in kinds if test(mode)), "not a regular file")


def _warn_unusable(path: Path | str, reason: str) -> None:
    log.warning("nnsim: settings file %s is %s; using defaults and not saving", path, reason)


class AppSettings:
    """What nnsim remembers between runs: window layout, last folder, zoom, language.

    Organization and application names must be set on the QApplication first (see
    ``nnsim.desktop.apply_identity``), so every platform stores them in the usual place.
    Every getter returns a usable value: a missing, mistyped or out-of-range stored value reads
    as the default, never as an exception.

    Parameters
    ----------
    settings
        The store to use; by default the application's settings file. A file-based store whose
        file exists and is not a regular file is not used (see the module's docstring).
    """

    def __init__(self, settings: QSettings | None = None) -> None:
        self._store: _Store
        if settings is None:
            self._store = self._open_default()
        else:
            self._store = self._checked(settings)

    @classmethod
    def in_memory(cls) -> AppSettings:
        """Settings that start at the defaults and are forgotten when the run ends."""
        instance = cls.__new__(cls)
        instance._store = _MemoryStore()
        return instance

    @staticmethod
    def _open_default() -> _Store:
        path = default_settings_path()
        if path is None:
            return QSettings()
        reason = _unusable_reason(path)
        if reason is not None:
            _warn_unusable(path, reason)
            return _MemoryStore()
        # By file name rather than QSettings(): only the file just checked is read, not also
        # the organization-wide and system-wide fallbacks, which nnsim never writes.
        return QSettings(str(path), QSettings.Format.IniFormat)

    @staticmethod
    def _checked(settings: QSettings) -> _Store:
        # A caller's QSettings has already read its file; still refuse to write through a link.
        name = settings.fileName()
        if name and os.path.isabs(name):  # registry keys are not absolute file paths
            reason = _unusable_reason(Path(name))
            if reason is not None:
                _warn_unusable(name, reason)
                return _MemoryStore()
        return settings

    @property
    def persistent(self) -> bool:
        """Whether changes are saved for the next run (False when kept in memory only)."""
        return not isinstance(self._store, _MemoryStore)

    @property
    def file_name(self) -> str:
        """The settings file (or registry key) in use; empty when kept in memory only."""
        return self._store.fileName() if isinstance(self._store, QSettings) else ""

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _text(self, key: str) -> str:
        value = self._store.value(key, "")
        return value if isinstance(value, str) else ""  # INI reads "a, b" back as a list

    @property
    def window_geometry(self) -> QByteArray | None:
        """The main window's ``saveGeometry()``, or None if none was saved."""
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        """The main window's ``saveState()`` (docks and toolbars), or None if none was saved."""
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    @property
    def last_folder(self) -> str:
        """The folder the last file dialog was left in; "" if none."""
        return self._text("files/lastFolder")

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._store.setValue("files/lastFolder", str(value))

    @property
    def zoom(self) -> float:
        """The view's zoom factor, ``ZOOM_MIN`` to ``ZOOM_MAX``; ``ZOOM_DEFAULT`` if unset or bad."""
        value = self._store.value("view/zoom", ZOOM_DEFAULT)
        # INI files give numbers back as strings; float() would also take a QByteArray or bool
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return ZOOM_DEFAULT
        try:
            return _clamp_zoom(float(value))
        except ValueError:
            return ZOOM_DEFAULT

    @zoom.setter
    def zoom(self, value: float) -> None:
        self._store.setValue("view/zoom", _clamp_zoom(float(value)))

    @property
    def language(self) -> str:
        """The user-interface language as a locale name such as "de"; "" means the system's."""
        return self._text("ui/language").strip()

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("ui/language", str(value).strip())

    @property
    def show_start_page(self) -> bool:
        """Whether the start page opens when nnsim starts (yes until the user says no)."""
        value = self._store.value("ui/showStartPage", True)
        # INI files give booleans back as the strings "true"/"false".
        return value not in (False, "false", "0", 0)

    @show_start_page.setter
    def show_start_page(self, value: bool) -> None:
        self._store.setValue("ui/showStartPage", bool(value))

    @property
    def recent_files(self) -> list[str]:
        """Lesson files opened or saved lately, newest first (at most ``MAX_RECENT_FILES``)."""
        try:
            value = json.loads(self._text("files/recent") or "[]")
        except ValueError:
            return []
        if not isinstance(value, list):
            return []
        paths = [v for v in value if isinstance(v, str) and v]
        return list(dict.fromkeys(paths))[:MAX_RECENT_FILES]

    @recent_files.setter
    def recent_files(self, paths: list[str]) -> None:
        # One JSON text: INI files read a one-element list back as a plain string.
        unique = list(dict.fromkeys(str(p) for p in paths if p))[:MAX_RECENT_FILES]
        self._store.setValue("files/recent", json.dumps(unique))

    def add_recent_file(self, path: str) -> None:
        """Put ``path`` first in the recent files (dropping the oldest beyond the limit)."""
        path = os.path.abspath(path)
        self.recent_files = [path] + [p for p in self.recent_files if p != path]

    def remove_recent_file(self, path: str) -> None:
        self.recent_files = [p for p in self.recent_files if p != path]

    def sync(self) -> None:
        """Write pending changes to the settings file now (no-op when kept in memory)."""
        self._store.sync()


def _clamp_zoom(zoom: float) -> float:
    if not math.isfinite(zoom):
        return ZOOM_DEFAULT
    return min(max(zoom, ZOOM_MIN), ZOOM_MAX)
