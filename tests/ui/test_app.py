"""The command line: --version, --self-test and --startup-probe, run as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import nnsim
from nnsim.desktop import APP_NAME, ORGANIZATION


def run_nnsim(*args: str, home: Path) -> subprocess.CompletedProcess:
    """Run ``python -m nnsim`` offscreen with ``home`` as HOME and XDG_CONFIG_HOME below it.

    Every run gets a home of its own: none of them may reach the real user's settings, even
    when the app under test gets that wrong.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_CONFIG_HOME=str(home / ".config"))
    return subprocess.run([sys.executable, "-m", "nnsim", *args], capture_output=True, text=True,
                          timeout=90, env=env)


def test_version(tmp_path) -> None:
    result = run_nnsim("--version", home=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == f"nnsim {nnsim.__version__}"


def test_self_test_trains_through_the_worker_and_exits_cleanly(tmp_path) -> None:
    result = run_nnsim("--self-test", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "nnsim self-test: OK" in result.stdout
    assert "QThread: Destroyed" not in result.stderr


def test_startup_probe_shows_the_window_and_exits_cleanly(tmp_path) -> None:
    result = run_nnsim("--startup-probe", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("startup ")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                    reason="settings live under HOME/XDG_CONFIG_HOME only on Linux and the BSDs")
@pytest.mark.parametrize("flag", ["--self-test", "--startup-probe"])
def test_checks_neither_change_nor_add_user_settings(tmp_path, flag: str) -> None:
    # Where QSettings keeps nnsim's settings for the identity set by nnsim.desktop.apply_identity.
    user_file = tmp_path / ".config" / ORGANIZATION / f"{APP_NAME}.conf"
    user_file.parent.mkdir(parents=True)
    user_file.write_text("[window]\nstate=@ByteArray(the user's own layout)\n")
    os.utime(user_file, (1_000_000_000, 1_000_000_000))  # an mtime no write could keep
    before = sorted(p for p in tmp_path.rglob("*"))

    result = run_nnsim(flag, home=tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert user_file.read_text() == "[window]\nstate=@ByteArray(the user's own layout)\n"
    assert user_file.stat().st_mtime == 1_000_000_000
    added = [p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p not in before]
    settings_like = [p for p in added if ".config" in p.parts or ".qttest" in p.parts
                     or p.suffix in (".conf", ".ini", ".lock")]
    assert settings_like == [], f"{flag} wrote settings into HOME: {settings_like}"
