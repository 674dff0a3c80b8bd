"""Entry point: ``nnsim`` / ``python -m nnsim``."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Start the application (placeholder until the desktop issue lands)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    print("nnsim: the desktop window is not built yet")
    return 0
