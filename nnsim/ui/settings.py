"""One typed wrapper over QSettings: what nnsim remembers between runs."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


class AppSettings:
    """Window layout and the last folder used in file dialogs.

    Organization and application names must be set on the QApplication first (see
    ``nnsim.desktop.apply_identity``), so every platform stores them in the usual place.
    """

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/state", value)

    @property
    def last_folder(self) -> str:
        return str(self._settings.value("files/lastFolder", ""))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._settings.setValue("files/lastFolder", value)

    def sync(self) -> None:
        self._settings.sync()
