"""packaging/nnsim.spec and its entry script, checked without running PyInstaller."""

from __future__ import annotations

import ast
import importlib.util
import io
import sys
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
SPEC = PACKAGING / "nnsim.spec"


@pytest.fixture(scope="module")
def spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def call_keywords(tree: ast.Module, name: str) -> dict[str, ast.expr]:
    calls = [node for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name]
    assert len(calls) == 1, f"expected one {name}(...) in the spec"
    return {kw.arg: kw.value for kw in calls[0].keywords}


@pytest.fixture(scope="module")
def spec_filters(spec_tree: ast.Module) -> dict:
    """The spec's constants and pure helper functions (keep() and friends), executed alone."""
    def is_literal(node: ast.expr) -> bool:
        try:
            ast.literal_eval(node)
        except ValueError:
            return False
        return True

    wanted = [node for node in spec_tree.body
              if (isinstance(node, ast.FunctionDef) and node.name in {"_parts", "_stem", "keep"})
              or (isinstance(node, ast.Assign) and is_literal(node.value))]
    namespace: dict = {"sys": sys, "os": __import__("os")}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), str(SPEC), "exec"), namespace)  # noqa: S102
    return namespace


def test_spec_is_onedir_and_windowed(spec_tree: ast.Module) -> None:
    exe = call_keywords(spec_tree, "EXE")
    assert ast.literal_eval(exe["exclude_binaries"]) is True  # onedir: binaries go to COLLECT
    assert ast.literal_eval(exe["console"]) is False
    assert ast.literal_eval(exe["upx"]) is False
    assert ast.unparse(exe["name"]) == "APP_NAME"
    call_keywords(spec_tree, "COLLECT")


def test_spec_excludes_other_bindings_and_test_packages_but_keeps_qtopengl(spec_tree: ast.Module) -> None:
    excludes = set(ast.literal_eval(call_keywords(spec_tree, "Analysis")["excludes"]))
    required = {"PyQt5", "PyQt6", "PySide2", "tkinter", "pytest", "hypothesis", "pytestqt",
                "torch", "scipy", "matplotlib"}
    assert required <= excludes
    assert not {"PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSvg",
                "PySide6.QtWidgets", "PySide6.QtGui", "numpy", "pyqtgraph"} & excludes


def test_spec_collects_the_resources_package(spec_tree: ast.Module) -> None:
    analysis = call_keywords(spec_tree, "Analysis")
    assert "nnsim.resources" in ast.literal_eval(analysis["hiddenimports"])
    assert "collect_data_files" in ast.unparse(analysis["datas"])
    assert "nnsim.resources" in ast.unparse(analysis["datas"])


def test_spec_macos_bundle_identity(spec_tree: ast.Module, spec_filters: dict) -> None:
    bundle = call_keywords(spec_tree, "BUNDLE")
    assert ast.unparse(bundle["bundle_identifier"]) == "APP_ID"
    imports = [node for node in ast.walk(spec_tree) if isinstance(node, ast.ImportFrom)]
    assert any(node.module == "nnsim.desktop" and [a.name for a in node.names] == ["APP_ID"]
               for node in imports)  # the app id comes from its one home
    assert "nnsim.icns" in ast.unparse(bundle["icon"])
    plist = bundle["info_plist"]
    assert isinstance(plist, ast.Dict)
    keys = {ast.literal_eval(k): v for k, v in zip(plist.keys, plist.values)}
    assert ast.literal_eval(keys["NSHighResolutionCapable"]) is True
    assert ast.unparse(keys["CFBundleShortVersionString"]) == "VERSION"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qtbase_fr.qm", False),
        ("PySide6/Qt/translations/qtdeclarative_de.qm", False),
        ("PySide6\\translations\\qt_ja.qm", False),  # Windows wheel layout
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", True),
        ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", False),
        ("nnsim/resources/icons/nnsim-16.png", True),
        ("nnsim/resources/lessons/gradient-step.nnsim", True),
        ("pyqtgraph/icons/auto.png", True),
    ],
)
def test_spec_keep_filter(spec_filters: dict, dest: str, kept: bool) -> None:
    assert spec_filters["keep"]((dest, "/src/" + dest, "DATA")) is kept


def load_entry_module():
    spec = importlib.util.spec_from_file_location("nnsim_entry_under_test", PACKAGING / "nnsim_entry.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_entry_script_replaces_missing_std_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = load_entry_module()
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    entry._ensure_std_streams()
    assert sys.stdout is not None and sys.stderr is not None
    print("self-test: ok")  # a windowed Windows build must not crash here
    sys.stdout.close()
    sys.stderr.close()


def test_entry_script_keeps_real_std_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = load_entry_module()
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    entry._ensure_std_streams()
    assert sys.stdout is out


def test_entry_script_runs_nnsim_main(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = load_entry_module()
    import nnsim.app

    monkeypatch.setattr(nnsim.app, "main", lambda: 7)
    assert entry.run() == 7


def test_spec_ships_the_compiled_translations(spec_tree: ast.Module, tmp_path: Path) -> None:
    analysis = call_keywords(spec_tree, "Analysis")
    assert "compiled_translations()" in ast.unparse(analysis["datas"])
    function = next(node for node in spec_tree.body
                    if isinstance(node, ast.FunctionDef) and node.name == "compiled_translations")
    namespace: dict = {"workpath": str(tmp_path)}
    exec(compile(ast.Module(body=[function], type_ignores=[]), str(SPEC), "exec"), namespace)  # noqa: S102
    built = namespace["compiled_translations"]()
    assert [dest for _source, dest in built] == ["nnsim/i18n"]
    qm = Path(built[0][0])
    assert qm.name == "nnsim_de.qm" and qm.stat().st_size > 1000
    assert qm.stat().st_mode & 0o444 == 0o444  # readable by every user of an installed bundle
