"""File → Export lab notebook… in the real window (the folder dialog replaced)."""

from __future__ import annotations

import csv

from PySide6.QtGui import QAction

from nnsim.core import commands as cmd
from nnsim.core.lesson_file import load_lesson
from tests.ui.test_main_window import TIMEOUT, settle, wait_for, window  # noqa: F401 - fixture

EXPECTED = {"README.md", "history.csv", "weights.csv", "settings.nnsim", "loss.png", "loss.svg",
            "landscape.png", "landscape.svg"}


def test_export_lab_notebook_writes_the_folder(qtbot, window, tmp_path, monkeypatch) -> None:
    window.submit_gesture(cmd.SetLearningRate(0.8))
    window.submit(cmd.Step(15))
    wait_for(qtbot, window, lambda s: s.epoch == 15)
    window.action_set.evaluate_test.trigger()
    snap = wait_for(qtbot, window, lambda s: s.test_result is not None)
    folder = tmp_path / "sheet-3"
    monkeypatch.setattr(window, "ask_folder", lambda *a: str(folder))
    window.findChild(QAction, "actionExportLabNotebook").trigger()
    assert {p.name for p in folder.iterdir()} >= EXPECTED
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "**Epochs trained:** 15" in readme and "**Learning rate η:** 0.8" in readme
    # The names the window shows, not the ids (those stay in the settings table).
    assert "**Loss:** Categorical cross-entropy" in readme and "Sigmoid, Softmax" in readme
    assert "| learning_rate | 0.8 |" in readme and "| explaining |" not in readme
    assert f"loss {snap.test_result.loss:.6g} at epoch 15" in readme
    history = list(csv.reader((folder / "history.csv").open(encoding="utf-8")))
    assert len(history) == 1 + 16  # header + epochs 0..15
    weights = list(csv.reader((folder / "weights.csv").open(encoding="utf-8")))
    assert weights[0] == ["name", "value", "gradient"] and len(weights) == 1 + len(snap.names)
    # The lesson file reproduces the run: same weights, bit for bit.
    session = load_lesson(folder / "settings.nnsim").session
    assert session.trainer.epoch == 15 and session.settings.learning_rate == 0.8
    assert session.net.parameters.tobytes() == snap.parameters.tobytes()
    for image in ("loss.png", "landscape.png"):
        assert (folder / image).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (folder / "loss.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "Lab notebook written" in window.statusBar().currentMessage()


def test_cancelled_folder_dialog_writes_nothing(window, monkeypatch) -> None:
    monkeypatch.setattr(window, "ask_folder", lambda *a: "")
    assert window.export_lab_notebook() is False


def test_an_existing_notebook_is_replaced_only_when_confirmed(qtbot, window, tmp_path,
                                                             monkeypatch) -> None:
    (tmp_path / "README.md").write_text("mine", encoding="utf-8")
    monkeypatch.setattr(window, "ask_yes_no", lambda *a: False)
    assert window.export_lab_notebook(str(tmp_path)) is False
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "mine"
    monkeypatch.setattr(window, "ask_yes_no", lambda *a: True)
    assert window.export_lab_notebook(str(tmp_path)) is True
    assert (tmp_path / "README.md").read_text(encoding="utf-8").startswith("# nnsim")


def test_an_unwritable_folder_gives_a_clear_error(window, tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    assert window.export_lab_notebook(str(blocker / "notebook")) is False
    assert len(errors) == 1 and "notebook" in errors[0]


def test_figures_show_the_weights_the_report_gives_even_while_training(qtbot, window, tmp_path,
                                                                       monkeypatch) -> None:
    import re

    window.submit(cmd.SetSpeed(None))
    window.action_set.train.setChecked(True)
    wait_for(qtbot, window, lambda s: s.epoch > 20)
    folder = tmp_path / "running"
    monkeypatch.setattr(window, "ask_folder", lambda *a: str(folder))
    window.findChild(QAction, "actionExportLabNotebook").trigger()  # pauses, then writes
    readme = (folder / "README.md").read_text(encoding="utf-8")
    epochs = int(re.search(r"\*\*Epochs trained:\*\* (\d+)", readme).group(1))
    assert window.loss_plot._epochs[-1] == epochs  # what the exported loss plot drew
