"""The command line: --version, --self-test and --startup-probe, run as a user would."""

from __future__ import annotations

import os
import subprocess
import sys

import nnsim


def run_nnsim(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "nnsim", *args], capture_output=True, text=True,
                          timeout=90, env=env)


def test_version() -> None:
    result = run_nnsim("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"nnsim {nnsim.__version__}"


def test_self_test_trains_through_the_worker_and_exits_cleanly() -> None:
    result = run_nnsim("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "nnsim self-test: OK" in result.stdout
    assert "QThread: Destroyed" not in result.stderr


def test_startup_probe_shows_the_window_and_exits_cleanly() -> None:
    result = run_nnsim("--startup-probe")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("startup ")
