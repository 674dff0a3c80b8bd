"""The main window's file actions: importing data, exporting plots and weights.

A mixin of :class:`nnsim.ui.main_window.MainWindow`: the dialogs are methods so tests can replace
them, and every problem ends in a clear message while the session stays as it was.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Callable

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from nnsim.core import commands as cmd
from nnsim.core.csv_loader import is_large_file
from nnsim.core.snapshot import Snapshot
from nnsim.ui.plot_export import export_png, export_svg


class FileActions:
    """File → Import / Export for the main window (which provides the attributes used here)."""

    # Provided by MainWindow.
    app_settings: Any
    latest_snapshot: Snapshot | None
    loss_plot: Any
    landscape_panel: Any
    busy_indicator: Any
    _pending_loads: int
    tr: Callable[[str], str]
    statusBar: Callable[[], Any]  # noqa: N815 - Qt's name
    submit_gesture: Callable[[cmd.Command], None]
    say: Callable[..., None]

    def ask_open_path(self, caption: str, filters: str) -> str:
        """A file-open dialog (a method, so tests can replace it)."""
        path, _ = QFileDialog.getOpenFileName(self, caption, self.app_settings.last_folder,
                                              filters)
        return path

    def ask_save_path(self, caption: str, filters: str) -> tuple[str, str]:
        """A file-save dialog (a method, so tests can replace it)."""
        return QFileDialog.getSaveFileName(self, caption, self.app_settings.last_folder, filters)

    def show_error(self, text: str) -> None:
        """A modal error message (a method, so tests can replace it)."""
        QMessageBox.warning(self, self.tr("nnsim"), text)

    def import_csv(self) -> bool:
        """Ask for a CSV file and train on it; it is read in the training thread, and any problem
        is shown in a dialog while the current data stays. Returns whether a file was chosen."""
        path = self.ask_open_path(self.tr("Import CSV"),
                                  self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"))
        if not path:
            return False
        self.app_settings.last_folder = str(Path(path).parent)
        self._pending_loads += 1
        if is_large_file(path):  # about a twentieth of a second or more: show that it works
            self.busy_indicator.show()
            self.say(self.tr("Loading %1…").replace("%1", Path(path).name))
        self.submit_gesture(cmd.LoadCsv(path))
        return True

    def _load_finished(self) -> None:
        self._pending_loads = max(0, self._pending_loads - 1)
        if not self._pending_loads:
            self.busy_indicator.hide()

    def export_plot(self) -> bool:
        plots = {self.tr("Loss over epochs"): self.loss_plot,
                 self.tr("Loss landscape"): self.landscape_panel.plot}
        choice, ok = QInputDialog.getItem(self, self.tr("Export plot"), self.tr("Plot:"),
                                          list(plots), 0, False)
        if not ok:
            return False
        return self.export_plot_to(plots[choice])

    def export_plot_to(self, plot) -> bool:
        path, chosen = self.ask_save_path(self.tr("Export plot"),
                                          self.tr("PNG image (*.png);;SVG image (*.svg)"))
        if not path:
            return False
        if not Path(path).suffix:
            path += ".svg" if "svg" in chosen.lower() else ".png"
        writer = export_svg if path.lower().endswith(".svg") else export_png
        return self._save(path, lambda: writer(plot, path))

    def export_weights(self) -> bool:
        snapshot = self.latest_snapshot
        if snapshot is None:
            return False
        path, _ = self.ask_save_path(self.tr("Export weights"), self.tr("CSV files (*.csv)"))
        if not path:
            return False
        if not Path(path).suffix:
            path += ".csv"
        return self._save(path, lambda: write_weights_csv(snapshot, path))

    def _save(self, path: str, write: Callable[[], object]) -> bool:
        """Run ``write()``; report success in the status bar or the error in a dialog."""
        try:
            write()
        except (OSError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            self.show_error(self.tr("Could not save %1: %2").replace("%1", path).replace(
                "%2", reason))
            return False
        self.say(self.tr("Saved %1").replace("%1", path), 8000)
        return True



def write_weights_csv(snapshot: Snapshot, path: str | Path) -> None:
    """Every parameter with its value and its gradient, in the network's order."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "value", "gradient"])
        for name, value, grad in zip(snapshot.names, snapshot.parameters, snapshot.gradient):
            writer.writerow([name, repr(float(value)), repr(float(grad))])
