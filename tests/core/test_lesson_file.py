"""Lesson files: a session round-trips bit for bit, saving is atomic, bad files say what is wrong."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from nnsim.core import commands as cmd
from nnsim.core import lesson_file
from nnsim.core.csv_limits import MAX_ROWS
from nnsim.core.datasets import CLASSIFICATION, Dataset
from nnsim.core.demos import DEMOS
from nnsim.core.lesson_file import (
    FORMAT_VERSION,
    LessonFileError,
    load_lesson,
    load_session,
    save_session,
    session_to_json,
)
from nnsim.core.session import Session
from nnsim.core.settings import Settings


def _same_run(a: Session, b: Session) -> None:
    assert a.settings == b.settings
    assert a.net.parameters.tobytes() == b.net.parameters.tobytes()  # bit for bit
    assert a._start_vector.tobytes() == b._start_vector.tobytes()
    assert a.trainer.epoch == b.trainer.epoch
    assert a.test_result == b.test_result
    ha, hb = a.trainer.history.as_arrays(), b.trainer.history.as_arrays()
    for column in ha:
        np.testing.assert_array_equal(ha[column], hb[column])
    assert a.trainer.history.latest == b.trainer.history.latest
    assert a.dataset.X.tobytes() == b.dataset.X.tobytes()
    assert a.dataset.Y.tobytes() == b.dataset.Y.tobytes()


def _round_trip(session: Session, tmp_path: Path, **kwargs) -> Session:
    path = tmp_path / "run.nnsim"
    save_session(session, path, **kwargs)
    return load_session(path)


def _imported() -> Dataset:
    rng = np.random.default_rng(3)
    X = rng.normal(size=(60, 2)) * 1e-3 + np.pi  # digits that a short repr would lose
    labels = (X[:, 0] > np.pi).astype(int)
    return Dataset(X, np.eye(2)[labels], CLASSIFICATION, feature_names=("a", "b"),
                   target_names=("low", "high"), name="mine")


@pytest.mark.parametrize("settings, data", [
    (Settings(), None),
    (Settings(batch_size=8, learning_rate=0.3), None),  # mini-batches: shuffling state matters
    (Settings(batch_size=1, early_stopping=3), None),
    (Settings(dataset="regression", loss="mse", output_activation="linear", batch_size=16,
              train_selected_only=True, selected="v21", landscape_range=(-1.0, 2.5)), None),
    (Settings(dataset="file", data_source="mine.csv", batch_size=4), _imported()),
])
def test_round_trip_gives_the_same_run_and_the_same_next_epochs(tmp_path, settings, data):
    original = Session(settings, data)
    original.step(7)
    original.apply(cmd.EvaluateTest())
    loaded = _round_trip(original, tmp_path)
    _same_run(original, loaded)
    for _ in range(3):  # the next epochs draw the same mini-batches and give the same weights
        original.step(1)
        loaded.step(1)
        _same_run(original, loaded)


def test_imported_data_is_stored_in_the_file_itself(tmp_path):
    original = Session(Settings(), _imported())
    path = tmp_path / "mine.nnsim"
    save_session(original, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format_version"] == FORMAT_VERSION
    assert len(data["data"]["X"]) == 60 and data["settings"]["dataset"] == "file"
    _same_run(original, load_session(path))


def test_builtin_data_is_stored_as_its_recipe(tmp_path):
    path = tmp_path / "v.nnsim"
    save_session(Session(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["data"] is None
    assert data["settings"]["dataset"] == "vowels" and data["settings"]["n_samples"] == 400


def test_hand_edits_diverged_and_early_stopped_runs_round_trip(tmp_path):
    edited = Session()
    edited.apply(cmd.EditParameter("w11", 0.123456789012345678))
    _same_run(edited, _round_trip(edited, tmp_path))
    diverged = DEMOS["lr-too-high"].build()
    diverged.step(40)
    assert diverged.trainer.diverged is not None
    loaded = _round_trip(diverged, tmp_path)
    assert loaded.trainer.diverged == diverged.trainer.diverged
    stopped = Session(Settings(early_stopping=2, learning_rate=5.0))
    stopped.step(200)
    loaded = _round_trip(stopped, tmp_path)
    assert loaded.trainer.stopped_early == stopped.trainer.stopped_early
    loaded.apply(cmd.RestoreBest())
    stopped.apply(cmd.RestoreBest())
    _same_run(stopped, loaded)


def test_note_and_hidden_controls_come_back(tmp_path):
    path = tmp_path / "lesson.nnsim"
    save_session(Session(), path, note="Ändere η – und schau.", hidden_controls=["lossCombo"])
    lesson = load_lesson(path)
    assert lesson.note == "Ändere η – und schau."
    assert lesson.hidden_controls == ("lossCombo",)
    assert lesson.path == str(path)


def test_without_history_the_weights_still_round_trip(tmp_path):
    original = Session()
    original.step(5)
    loaded = _round_trip(original, tmp_path, with_history=False)
    assert loaded.net.parameters.tobytes() == original.net.parameters.tobytes()
    assert loaded.trainer.epoch == 5


# ----------------------------------------------------------------------------- atomic saving
def test_a_failed_rename_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "run.nnsim"
    save_session(Session(), path, note="first")
    before = path.read_bytes()

    def broken(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    changed = Session()
    changed.step(3)
    with pytest.raises(LessonFileError) as caught:
        save_session(changed, path, note="second")
    assert caught.value.code == "unwritable" and str(path) in str(caught.value)
    assert "No space left" in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.nnsim"]  # no temporary left


@pytest.mark.parametrize("step", ["fsync", "write"])
def test_a_failure_while_writing_leaves_the_previous_file_intact(tmp_path, monkeypatch, step):
    path = tmp_path / "run.nnsim"
    save_session(Session(), path)
    before = path.read_bytes()

    def broken(*_args, **_kwargs):
        raise OSError(5, "Input/output error")

    if step == "fsync":
        monkeypatch.setattr(os, "fsync", broken)
    else:
        monkeypatch.setattr(os, "fdopen", broken)  # the temporary file exists, writing fails
    with pytest.raises(LessonFileError):
        save_session(Session(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["run.nnsim"]


def test_an_unwritable_folder_gives_a_lesson_file_error(tmp_path):
    with pytest.raises(LessonFileError) as caught:
        save_session(Session(), tmp_path / "missing" / "run.nnsim")
    assert caught.value.code == "unwritable"


# ----------------------------------------------------------------------------- bad files
@pytest.fixture(scope="module")
def good() -> dict:
    session = Session(Settings(batch_size=8))
    session.step(3)
    session.apply(cmd.EvaluateTest())
    return session_to_json(session, note="n", hidden_controls=["lossCombo"])


def _write(tmp_path: Path, data, raw: bool = False) -> Path:
    path = tmp_path / "bad.nnsim"
    if raw:
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
    else:
        path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _changed(data: dict, where: str, value) -> dict:
    data = copy.deepcopy(data)
    *parents, last = where.split(".")
    node = data
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if value is _DELETE:
        del node[last]
    else:
        node[int(last) if isinstance(node, list) else last] = value
    return data


_DELETE = object()

BAD_VALUES = [
    ("format_version", FORMAT_VERSION + 1, "newer_version"),
    ("format_version", "1", "bad_version"),
    ("format_version", 0, "bad_version"),
    ("format_version", _DELETE, "not_a_lesson"),
    ("settings", [], "wrong_type"),
    ("settings", _DELETE, "missing"),
    ("settings.learning_rate", "fast", "wrong_type"),
    ("settings.learning_rate", -1.0, "bad_value"),
    ("settings.hidden_units", 2.5, "wrong_type"),
    ("settings.hidden_units", 50, "bad_value"),
    ("settings.hidden_activation", "softsign", "bad_value"),
    ("settings.loss", "hinge", "bad_value"),
    ("settings.dataset", "mnist", "bad_value"),
    ("settings.ratios", [0.5, 0.5], "wrong_type"),
    ("settings.train_selected_only", 1, "wrong_type"),
    ("settings.favourite_colour", "blue", "unknown_field"),
    ("surprise", 1, "unknown_field"),
    ("network.parameters", "all of them", "wrong_type"),
    ("network.parameters.0", None, "wrong_type"),
    ("network.parameters.0", "inf", "wrong_type"),
    ("network.parameters.0", 1e400, "nonfinite"),  # written as Infinity
    ("network.parameters.1", float("nan"), "nonfinite"),
    ("network.initial_parameters.3", True, "wrong_type"),
    ("network.parameters", [0.0] * 3, "inconsistent"),
    ("network.sizes", [3, 4, 2], "inconsistent"),
    ("training.epoch", -1, "bad_value"),
    ("training.epoch", 1.5, "wrong_type"),
    ("training.shuffle_state.bit_generator", "MT19937", "bad_value"),
    ("training.shuffle_state.state.state", -5, "bad_value"),
    ("training.shuffle_state.state.inc", 2**200, "bad_value"),
    ("training.best_parameters", [], "inconsistent"),
    ("history.columns.epoch", [3, 2, 1], "inconsistent"),
    ("history.columns.train_loss", "low", "wrong_type"),
    ("history.stride", 0, "bad_value"),
    ("trail", [[1.0]], "inconsistent"),
    ("test.result.accuracy", 2.0, "bad_value"),
    ("lesson.note", 42, "wrong_type"),
    ("lesson.hidden_controls", ["rm -rf /"], "bad_value"),
    ("lesson.hidden_controls", "lossCombo", "wrong_type"),
    ("data", {"X": [[1.0]], "Y": [[1.0]]}, "inconsistent"),
]


@pytest.mark.parametrize("where, value, code", BAD_VALUES,
                         ids=[f"{w}={str(v)[:20]}" for w, v, _ in BAD_VALUES])
def test_a_bad_entry_is_refused_with_its_name(tmp_path, good, where, value, code):
    path = _write(tmp_path, _changed(good, where, value))
    with pytest.raises(LessonFileError) as caught:
        load_lesson(path)
    error = caught.value
    assert error.code == code, str(error)
    assert error.path == str(path) and str(path) in str(error)
    if "field" in error.params:
        assert error.params["field"].split(".")[0] == where.split(".")[0]


@pytest.mark.parametrize("content, code", [
    (b"", "not_json"),
    (b"{\"format_version\": 1, \"settings\": {", "not_json"),
    (b"\xff\xfe garbage", "not_json"),
    (b"[1, 2, 3]", "not_a_lesson"),
    (b"{\"format_version\": NaN}", "bad_version"),
    (b"[" * 100_000 + b"]" * 100_000, "not_json"),
    (b"{\"format_version\": 1" + b"9" * 5000 + b"}", "not_json"),
    (b"PK\x03\x04 a zip file", "not_json"),
])
def test_corrupt_files_are_refused(tmp_path, content, code):
    with pytest.raises(LessonFileError) as caught:
        load_lesson(_write(tmp_path, content, raw=True))
    assert caught.value.code == code


def test_every_truncation_of_a_good_file_is_refused(tmp_path, good):
    text = json.dumps(good)
    for cut in range(0, len(text) - 1, max(1, len(text) // 150)):
        with pytest.raises(LessonFileError) as caught:
            load_lesson(_write(tmp_path, text[:cut], raw=True))
        assert caught.value.code in ("not_json", "not_a_lesson"), cut


def test_a_missing_file_and_a_folder_are_refused(tmp_path):
    with pytest.raises(LessonFileError) as caught:
        load_lesson(tmp_path / "nothing.nnsim")
    assert caught.value.code == "unreadable"
    with pytest.raises(LessonFileError):
        load_lesson(tmp_path)


def test_a_10_gb_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.nnsim"
    with open(path, "wb") as handle:
        handle.truncate(10 * 2**30)  # sparse: no disk space used
    with pytest.raises(LessonFileError) as caught:
        load_lesson(path)
    assert caught.value.code == "too_large"
    assert caught.value.params["size"] == 10 * 2**30


def test_more_rows_than_the_csv_loader_allows_are_refused(tmp_path, good):
    data = copy.deepcopy(good)
    data["settings"]["dataset"] = "file"
    data["data"] = {"name": "big", "task": "regression", "feature_names": ["x"],
                    "target_names": ["y"], "X": [[0]] * (MAX_ROWS + 1), "Y": [[0]] * (MAX_ROWS + 1)}
    with pytest.raises(LessonFileError) as caught:
        load_lesson(_write(tmp_path, data))
    assert caught.value.code == "too_many_rows" and caught.value.params["limit"] == MAX_ROWS


def test_non_finite_data_and_ragged_rows_are_refused(tmp_path):
    session = Session(Settings(), _imported())
    good_file = session_to_json(session)
    for where, value in [("data.X.0", [1.0, "2"]), ("data.X.0", [1.0]),
                         ("data.Y.0", [0.5, 0.5]), ("data.task", "clustering")]:
        with pytest.raises(LessonFileError):
            load_lesson(_write(tmp_path, _changed(good_file, where, value)))


def test_the_error_carries_code_and_params_for_the_window(tmp_path, good):
    with pytest.raises(LessonFileError) as caught:
        load_lesson(_write(tmp_path, _changed(good, "format_version", 99)))
    error = caught.value
    assert error.params == {"version": 99, "supported": FORMAT_VERSION}
    assert "newer nnsim" in str(error)
    assert isinstance(error, ValueError)


@hyp_settings(max_examples=60, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(min_value=0), byte=st.integers(min_value=0, max_value=255))
def test_any_flipped_byte_loads_or_gives_a_lesson_file_error(tmp_path, good, position, byte):
    raw = bytearray(json.dumps(good).encode())
    raw[position % len(raw)] = byte
    try:
        lesson = load_lesson(_write(tmp_path, bytes(raw), raw=True))
    except LessonFileError:
        return
    assert np.isfinite(lesson.session.net.parameters).all()


@hyp_settings(max_examples=60, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5),
                       st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3),
                                                                            st.integers(),
                                                                            max_size=2)),
       where=st.sampled_from(["settings.learning_rate", "settings.ratios", "settings.selected",
                              "settings.batch_size", "training.best_epoch", "training.diverged",
                              "history.latest", "trail", "test.result", "network.names",
                              "training.divergence_check.start_loss", "lesson.note",
                              "settings.data_view_axes", "settings.landscape_range"]))
def test_any_value_anywhere_loads_or_gives_a_lesson_file_error(tmp_path, good, value, where):
    try:
        load_lesson(_write(tmp_path, _changed(good, where, value)))
    except LessonFileError:
        pass


def test_nothing_in_a_file_is_executed(tmp_path, good):
    data = _changed(good, "settings.hidden_activation", "__import__('os').system('false')")
    with pytest.raises(LessonFileError):
        load_lesson(_write(tmp_path, data))


def test_the_size_limit_is_checked_before_parsing(tmp_path, good, monkeypatch):
    path = _write(tmp_path, good)
    monkeypatch.setattr(lesson_file, "MAX_FILE_BYTES", 100)
    with pytest.raises(LessonFileError) as caught:
        load_lesson(path)
    assert caught.value.code == "too_large"


@pytest.mark.parametrize("field, value, expected", [
    ("learning_rate", "fast", "a number"), ("hidden_units", 2.5, "a whole number"),
    ("train_selected_only", "yes", "true or false"), ("ratios", 0.7, "a list of numbers"),
])
def test_a_setting_of_the_wrong_type_is_named_in_words_a_student_reads(tmp_path, field, value,
                                                                        expected):
    path = tmp_path / "typed.nnsim"
    save_session(Session(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["settings"][field] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LessonFileError) as refused:
        load_session(path)
    assert refused.value.code == "wrong_type"
    assert refused.value.params["expected"] == expected  # never "float" or "tuple[...]"
