"""Lesson files on the desktop: the MIME type everywhere it is registered, and the shipped
lessons (the lecture's demos) in resources/lessons."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from nnsim.core.demos import DEMOS
from nnsim.core.lesson_file import SUFFIX, load_lesson
from nnsim.desktop import APP_ID, LESSON_EXTENSION, LESSON_MIME_TYPE, resource_root

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
PACKAGING = ROOT / "packaging"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_the_extension_is_the_lesson_files_suffix() -> None:
    assert SUFFIX == "." + LESSON_EXTENSION


def test_desktop_file_opens_lesson_files() -> None:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(RESOURCES / f"{APP_ID}.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert LESSON_MIME_TYPE in entry["MimeType"].split(";")
    assert entry["MimeType"].endswith(";")
    assert entry["Exec"].split()[-1] == "%f"


def test_shared_mime_info_xml_declares_the_type_and_glob() -> None:
    root = ET.parse(RESOURCES / f"{APP_ID}.mime.xml").getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == LESSON_MIME_TYPE
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == [f"*.{LESSON_EXTENSION}"]
    assert mime.find(f"{MIME_NS}comment") is not None
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"


def test_the_deb_installs_the_mime_xml_and_its_test_checks_the_registration() -> None:
    build = (PACKAGING / "linux" / "build-deb.sh").read_text(encoding="utf-8")
    assert '"resources/$APP_ID.mime.xml" "$STAGE/usr/share/mime/packages/$APP_ID.xml"' in build
    test = (PACKAGING / "linux" / "test-deb.sh").read_text(encoding="utf-8")
    assert "LESSON_MIME_TYPE" in test and "/usr/share/mime/packages/$APP_ID.xml" in test
    assert "^MimeType=" in test and "mimeinfo.cache" in test
    assert "test-deb.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_inno_setup_associates_the_extension() -> None:
    iss = (PACKAGING / "windows" / "nnsim.iss").read_text(encoding="utf-8")
    assert f'#define LessonExt ".{LESSON_EXTENSION}"' in iss
    assert f'#define LessonMimeType "{LESSON_MIME_TYPE}"' in iss
    assert "ChangesAssociations=yes" in iss
    assert 'Subkey: "Software\\Classes\\{#LessonExt}"' in iss
    assert '""{app}\\{#AppExe}"" ""%1""' in iss  # the file is passed to nnsim.exe


def test_macos_bundle_declares_the_document_type() -> None:
    tree = ast.parse((PACKAGING / "nnsim.spec").read_text(encoding="utf-8"))
    (bundle,) = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
                 and isinstance(node.func, ast.Name) and node.func.id == "BUNDLE"]
    plist = next(kw.value for kw in bundle.keywords if kw.arg == "info_plist")
    keys = {ast.literal_eval(k): v for k, v in zip(plist.keys, plist.values)}
    documents = ast.unparse(keys["CFBundleDocumentTypes"])
    assert "LESSON_EXTENSION" in documents and "LESSON_MIME_TYPE" in documents
    assert "APP_ID" in documents  # the type's identifier derives from the one app id
    assert "UTExportedTypeDeclarations" in keys


def test_file_open_events_reach_the_window(qapp) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    from nnsim.desktop import FileOpenFilter

    opened = []
    opener = FileOpenFilter(opened.append)
    qapp.installEventFilter(opener)
    try:
        QCoreApplication.sendEvent(qapp, QFileOpenEvent("/tmp/lesson.nnsim"))
    finally:
        qapp.removeEventFilter(opener)
    assert opened == ["/tmp/lesson.nnsim"]


# ----------------------------------------------------------------------------- shipped lessons
def _make_lessons():
    spec = importlib.util.spec_from_file_location("make_lessons", PACKAGING / "make_lessons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_demo_has_a_lesson_file_and_nothing_else_is_there() -> None:
    files = sorted(p.stem for p in (RESOURCES / "lessons").glob(f"*{SUFFIX}"))
    assert files == sorted(DEMOS)


@pytest.mark.parametrize("demo_id", list(DEMOS))
def test_a_shipped_lesson_is_its_demo(demo_id: str) -> None:
    lesson = load_lesson(RESOURCES / "lessons" / f"{demo_id}{SUFFIX}")
    demo = DEMOS[demo_id].build()
    assert lesson.session.settings == demo.settings
    assert lesson.session.net.parameters.tobytes() == demo.net.parameters.tobytes()
    assert lesson.session.dataset.X.tobytes() == demo.dataset.X.tobytes()
    assert lesson.note.split("\n\n") == [DEMOS[demo_id].title, DEMOS[demo_id].caption,
                                         DEMOS[demo_id].try_this]
    # The same next epochs as the demo itself.
    lesson.session.step(3)
    demo.step(3)
    assert lesson.session.net.parameters.tobytes() == demo.net.parameters.tobytes()


def test_the_shipped_lessons_are_up_to_date(capsys) -> None:
    assert _make_lessons().main(["--check"]) == 0, capsys.readouterr().err


def test_the_lessons_are_package_resources() -> None:
    assert (resource_root() / "lessons" / f"gradient-step{SUFFIX}").is_file()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"nnsim.resources.lessons"' in pyproject and '["*.nnsim"]' in pyproject
