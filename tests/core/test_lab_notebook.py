"""The lab notebook's report and history CSV, made from a snapshot without a window."""

from __future__ import annotations

import csv
from datetime import datetime

import numpy as np

from nnsim.core import commands as cmd
from nnsim.core import lab_notebook as notebook
from nnsim.core.session import Session
from nnsim.core.settings import Settings

FACTS = notebook.NotebookFacts(datetime(2026, 11, 26, 14, 30, 5), "9.9.9", (280, 60, 60),
                               ("loss.png", "loss.svg"))


def _trained(**settings) -> Session:
    session = Session(Settings(**settings))
    session.step(12)
    return session


def test_report_names_settings_split_numbers_and_time() -> None:
    session = _trained(learning_rate=0.3, batch_size=16)
    snap = session.snapshot()
    text = notebook.report_markdown(snap, FACTS)
    assert text.startswith("# nnsim lab notebook")
    assert "2026-11-26 14:30:05" in text and "9.9.9" in text
    assert "280 / 60 / 60" in text and "70.0 % / 15.0 % / 15.0 %" in text
    assert "**Learning rate η:** 0.3" in text and "**Batch size:** 16" in text
    assert f"**Epochs trained:** {snap.epoch}" in text
    assert f"**Training loss:** {snap.train_loss:.6g}" in text
    assert f"**Dev loss:** {snap.dev_loss:.6g}" in text
    assert "Dev accuracy" in text
    assert "not evaluated" in text
    assert "[settings.nnsim](settings.nnsim)" in text and "![loss](loss.png)" in text
    assert "| weight_seed | 0 |" in text  # every setting, for reproducing it by hand


def test_report_gives_the_test_result_once_evaluated() -> None:
    session = _trained()
    session.apply(cmd.EvaluateTest())
    session.apply(cmd.EvaluateTest())
    result = session.test_result
    text = notebook.report_markdown(session.snapshot(), FACTS)
    assert f"loss {result.loss:.6g} at epoch 12" in text
    assert "accuracy" in text and "looked at 2 times" in text


def test_report_for_regression_has_no_accuracy() -> None:
    session = _trained(dataset="regression", loss="mse", output_activation="linear")
    text = notebook.report_markdown(session.snapshot(), FACTS)
    assert "regression" in text and "accuracy" not in text.lower().split("## files")[0]


def test_report_goes_through_the_translate_function() -> None:
    text = notebook.report_markdown(_trained().snapshot(), FACTS, translate=str.upper)
    assert text.startswith("# NNSIM LAB NOTEBOOK")
    assert "**TRAINING LOSS:**" in text


def test_history_csv_holds_every_recorded_epoch_exactly(tmp_path) -> None:
    session = _trained(dataset="regression", loss="mse", output_activation="linear")
    snap = session.snapshot()
    path = tmp_path / "history.csv"
    notebook.write_history_csv(snap, path)
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows[0] == list(notebook.HISTORY_COLUMNS)
    assert [int(r[0]) for r in rows[1:]] == list(range(13))
    assert np.array_equal([float(r[1]) for r in rows[1:]], snap.history["train_loss"])
    assert all(r[3] == "" and r[4] == "" for r in rows[1:])  # no accuracy for regression


def test_numbers_in_the_report() -> None:
    assert notebook.number(None) == "–" and notebook.number(float("nan")) == "–"
    assert notebook.number(float("inf")) == "∞"
    assert notebook.percent(0.5) == "50.0 %"
