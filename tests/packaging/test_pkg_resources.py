"""The app icon files, the desktop entry and the AppStream metainfo in resources/."""

from __future__ import annotations

import configparser
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from nnsim.desktop import APP_ID, ICON_SIZES

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ICONS = RESOURCES / "icons"


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icon_exists_loads_and_has_its_size(size: int) -> None:
    image = QImage(str(ICONS / f"nnsim-{size}.png"))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


def test_svg_master_is_valid_and_square() -> None:
    renderer = QSvgRenderer(str(ICONS / "nnsim.svg"))
    assert renderer.isValid()
    box = renderer.viewBoxF()
    assert box.width() == box.height() > 0


def test_ico_holds_sizes_16_to_256_as_png() -> None:
    data = (ICONS / "nnsim.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width, _h, _c, _r, _planes, _bpp, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes


def test_icns_holds_png_elements_up_to_1024() -> None:
    data = (ICONS / "nnsim.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    types, pos = set(), 8
    while pos < len(data):
        ostype, length = data[pos:pos + 4], struct.unpack_from(">I", data, pos + 4)[0]
        assert data[pos + 8:pos + 16] == b"\x89PNG\r\n\x1a\n"
        types.add(ostype)
        pos += length
    assert pos == len(data)
    assert {b"icp4", b"icp5", b"ic07", b"ic08", b"ic09", b"ic10"} <= types


def read_desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(RESOURCES / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_has_the_required_keys() -> None:
    entry = read_desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "nnsim"
    assert entry["Exec"] == "nnsim %f"  # one lesson file (.nnsim) at a time
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    categories = entry["Categories"].split(";")
    assert entry["Categories"].endswith(";")
    assert {"Education", "Science"} <= set(categories)


def test_desktop_file_name_is_the_reverse_dns_app_id() -> None:
    assert APP_ID.count(".") >= 2 and APP_ID.split(".")[:2] == ["io", "github"]
    assert (RESOURCES / f"{APP_ID}.desktop").is_file()


def test_metainfo_is_well_formed_and_names_the_app_and_its_desktop_file() -> None:
    root = ET.parse(RESOURCES / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") and root.findtext("project_license") == "MIT"
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == f"{APP_ID}.desktop"
    assert root.find("description") is not None


def test_metainfo_release_matches_the_package_version() -> None:
    import nnsim

    root = ET.parse(RESOURCES / f"{APP_ID}.metainfo.xml").getroot()
    versions = [release.get("version") for release in root.iter("release")]
    assert nnsim.__version__ in versions, "add a <release> to the metainfo when bumping the version"
