"""Qt widgets of nnsim: main window, network editor, control panel, plots."""

from __future__ import annotations


def __getattr__(name: str):
    # Lazy, so importing one widget module does not build the whole window's import graph.
    if name == "MainWindow":
        from nnsim.ui.main_window import MainWindow

        return MainWindow
    raise AttributeError(name)
