"""nnsim.desktop: the running app's identity (names, desktop-file id, icon)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication

import nnsim
from nnsim import desktop


@pytest.fixture
def restored_identity(qapp):
    """Give the test the shared QApplication and put its identity back afterwards."""
    saved = (qapp.organizationName(), qapp.applicationName(), qapp.applicationVersion(),
             QGuiApplication.desktopFileName(), qapp.windowIcon())
    yield qapp
    qapp.setOrganizationName(saved[0])
    qapp.setApplicationName(saved[1])
    qapp.setApplicationVersion(saved[2])
    QGuiApplication.setDesktopFileName(saved[3])
    qapp.setWindowIcon(saved[4])


def test_app_icon_is_not_null_and_draws_small_and_large(qapp) -> None:
    icon = desktop.app_icon()
    assert not icon.isNull()
    for size in (16, 48, 256):
        pixmap = icon.pixmap(QSize(size, size))
        assert not pixmap.isNull()
        assert pixmap.width() == size


def test_apply_identity_sets_names_version_desktop_file_and_icon(restored_identity) -> None:
    app = restored_identity
    desktop.apply_identity(app)
    assert QGuiApplication.desktopFileName() == desktop.APP_ID == "io.github.nnsim.Nnsim"
    assert app.organizationName() == desktop.ORGANIZATION
    assert app.applicationName() == desktop.APP_NAME
    assert app.applicationVersion() == nnsim.__version__
    assert not app.windowIcon().isNull()


def test_resource_root_holds_the_icons() -> None:
    icons = desktop.resource_root() / "icons"
    assert (icons / "nnsim.svg").is_file()
    assert all((icons / f"nnsim-{size}.png").is_file() for size in desktop.ICON_SIZES)


def test_the_app_id_has_one_home() -> None:
    # Packaging reads nnsim.desktop.APP_ID; only the Inno Setup script (no Python there) and the
    # resource file names repeat it, and they must agree.
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    iss = (root / "packaging" / "windows" / "nnsim.iss").read_text(encoding="utf-8")
    assert f'#define AppUserModelId "{desktop.APP_ID}"' in iss
    assert (root / "resources" / f"{desktop.APP_ID}.desktop").is_file()
    assert (root / "resources" / f"{desktop.APP_ID}.metainfo.xml").is_file()
    for script in ("linux/build-deb.sh", "linux/test-deb.sh", "nnsim.spec"):
        assert "io.github" not in (root / "packaging" / script).read_text(encoding="utf-8")
