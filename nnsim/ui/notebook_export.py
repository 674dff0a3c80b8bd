"""File → Export lab notebook…: a folder with a report, the history, figures, weights and the
lesson file, what a student hands in for an exercise sheet.

A mixin of :class:`nnsim.ui.main_window.MainWindow`. Training pauses first, so the figures, the
numbers and the lesson file describe the same weights; the lesson file and the snapshot the
report is made from come from the training thread in one step (``worker.call``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

import nnsim
from nnsim.core import lab_notebook as notebook
from nnsim.core.lesson_file import LessonFileError, save_session
from nnsim.core.session import Session
from nnsim.ui.file_actions import write_weights_csv
from nnsim.ui.lesson_messages import lesson_error_text
from nnsim.ui.names import activation_name, dataset_name, loss_name
from nnsim.ui.plot_export import export_png, export_svg
from nnsim.ui.translated import translate  # the name pyside6-lupdate looks for


def _display_name(kind: str, name: str) -> str:
    """The name the window shows for an activation, a loss or a built-in dataset."""
    return {"activation": activation_name, "loss": loss_name,
            "dataset": dataset_name}[kind](name)


def _translate(text: str) -> str:
    return translate(notebook.CONTEXT, text)


class NotebookExport:
    """The lab-notebook export of the main window (which provides the attributes used here)."""

    action_set: Any
    app_settings: Any
    loss_plot: Any
    landscape_panel: Any
    lesson_note_text: str | None
    lesson_hidden_controls: tuple[str, ...]
    say: Callable[..., None]
    show_error: Callable[[str], None]
    ask_yes_no: Callable[[str, str], bool]
    _in_worker: Callable[[Callable[[Session], Any]], Any]

    def ask_folder(self, caption: str) -> str:
        """A folder dialog (a method, so tests can replace it)."""
        return QFileDialog.getExistingDirectory(self, caption, self.app_settings.last_folder)

    def export_lab_notebook(self, folder: str | None = None) -> bool:
        """Ask for a folder and write the notebook into it; True if it was written."""
        if folder is None:
            folder = self.ask_folder(translate("NotebookExport", "Export lab notebook to folder"))
            if not folder:
                return False
        target = Path(folder)
        ours = [notebook.README, notebook.HISTORY_CSV, notebook.WEIGHTS_CSV,
                notebook.LESSON_FILE]
        if any((target / name).exists() for name in ours) and not self.ask_yes_no(
                translate("NotebookExport", "Replace the lab notebook?"),
                translate("NotebookExport",
                          "%1 already holds a lab notebook. Replace its files?").replace(
                    "%1", str(target))):
            return False
        self.action_set.train.setChecked(False)  # numbers, figures and file: the same weights
        try:
            target.mkdir(parents=True, exist_ok=True)
            facts = self._write_session_part(target)
            if facts is None:
                return False
            snapshot, split_sizes = facts
            # The plots may show weights of a few snapshots ago (training was running): draw the
            # report's own snapshot first, so the figures show the numbers the report gives.
            self.loss_plot.show_snapshot(snapshot)
            self.landscape_panel.show_snapshot(snapshot)
            figures = self._write_figures(target)
            write_weights_csv(snapshot, target / notebook.WEIGHTS_CSV)
            notebook.write_history_csv(snapshot, target / notebook.HISTORY_CSV)
            info = notebook.NotebookFacts(datetime.now(), nnsim.__version__, split_sizes,
                                          tuple(figures))
            text = notebook.report_markdown(snapshot, info, _translate, _display_name)
            (target / notebook.README).write_text(text, encoding="utf-8")
        except LessonFileError as error:
            self.show_error(lesson_error_text(error))
            return False
        except OSError as error:
            self.show_error(translate(
                "NotebookExport", "Could not write the lab notebook to %1: %2").replace(
                "%1", str(target)).replace("%2", error.strerror or str(error)))
            return False
        self.app_settings.last_folder = str(target.parent)
        self.say(translate("NotebookExport", "Lab notebook written to %1").replace(
            "%1", str(target)), 10000)
        return True

    def _write_session_part(self, target: Path) -> tuple[Any, tuple[int, int, int]] | None:
        """The lesson file and the snapshot the report describes, in one step of the worker."""
        note, hidden = self.lesson_note_text, self.lesson_hidden_controls

        def task(session: Session) -> tuple[Any, tuple[int, int, int]]:
            save_session(session, target / notebook.LESSON_FILE, note=note,
                         hidden_controls=hidden)
            sizes = tuple(part.n_samples for part in session.splits)
            return session.snapshot(), sizes  # type: ignore[return-value]

        return self._in_worker(task)

    def _write_figures(self, target: Path) -> list[str]:
        """The loss plot and the landscape as PNG and SVG; a plot never laid out is skipped."""
        written = []
        for stem, plot in (("loss", self.loss_plot), ("landscape", self.landscape_panel.plot)):
            for suffix, writer in (("png", export_png), ("svg", export_svg)):
                name = f"{stem}.{suffix}"
                try:
                    writer(plot, target / name)
                except ValueError:  # no size yet (a tab never shown): the report lists the rest
                    continue
                written.append(name)
        return written
