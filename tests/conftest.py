"""Shared test set-up: run Qt offscreen when there is no display, so the suite runs headless."""

from __future__ import annotations

import os
import sys

if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Import PySide6 before pyqtgraph anywhere in the tests.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
