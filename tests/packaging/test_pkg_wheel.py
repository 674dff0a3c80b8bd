"""The wheel carries the icon, desktop and metainfo files (pyproject's package-data globs)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from nnsim.desktop import APP_ID, ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]


def _can_build_without_isolation() -> bool:
    """True if this environment's setuptools can build a wheel by itself (no download)."""
    try:
        import setuptools
    except ImportError:
        return False
    major, minor = (int(part) for part in setuptools.__version__.split(".")[:2])
    return (major, minor) >= (70, 1) or importlib.util.find_spec("wheel") is not None


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    # Build from a copy, so the source tree gets no build/ or *.egg-info from this test.
    src = tmp_path_factory.mktemp("src")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build", "dist")
    for name in ("pyproject.toml", "README.md", "LICENSE", "setup.py", "setup.cfg", "MANIFEST.in"):
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, src / name)
    for name in ("nnsim", "resources"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
               "--disable-pip-version-check", "-w", str(out), str(src)]
    if _can_build_without_isolation():
        command.insert(4, "--no-build-isolation")
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = out.glob("nnsim-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_wheel_contains_app_identity_files(wheel_names: set[str]) -> None:
    expected = {
        "nnsim/desktop.py",
        "nnsim/resources/__init__.py",
        f"nnsim/resources/{APP_ID}.desktop",
        f"nnsim/resources/{APP_ID}.metainfo.xml",
        "nnsim/resources/icons/nnsim.svg",
        "nnsim/resources/icons/nnsim.ico",
        "nnsim/resources/icons/nnsim.icns",
        *(f"nnsim/resources/icons/nnsim-{size}.png" for size in ICON_SIZES),
        f"nnsim/resources/{APP_ID}.mime.xml",
        "nnsim/resources/lessons/gradient-step.nnsim",
        "nnsim/resources/lessons/local-minimum.nnsim",
    }
    assert expected <= wheel_names, sorted(expected - wheel_names)


def test_wheel_ships_no_packaging_or_test_files(wheel_names: set[str]) -> None:
    assert not [name for name in wheel_names if name.startswith(("packaging/", "tests/", "benchmarks/"))]
