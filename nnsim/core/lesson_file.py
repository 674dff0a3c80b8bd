"""Lesson files (``.nnsim``): a whole session saved as versioned JSON, and read back exactly.

A lecturer prepares a scenario before class and hands it out; a student hands in a run. The
file holds every choice of the control panel (the settings), the data (the built-in recipe, or
the imported rows themselves, so the file is self-contained), the current and initial weights
bit for bit, the epoch, the mini-batch shuffling state, the bounded history, the test result,
and for lessons a note to students and the controls to hide::

    {"format_version": 1, "settings": {...}, "data": null, "network": {...},
     "training": {...}, "history": {...}, "trail": [...], "test": {...},
     "lesson": {"note": "...", "hidden_controls": ["batchSizeCombo"]}}

A file is only ever parsed as JSON: nothing in it is executed, every value is checked for its
type and range, and sizes are bounded before anything large is built. Any problem raises
:class:`LessonFileError` (a code with parameters, for the window to translate, and an English
message naming the file). Saving writes a temporary file beside the target, flushes and syncs
it, then renames it over the target, so a failure at any point leaves the previous file intact.

>>> from nnsim.core.session import Session
>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "run.nnsim")
>>> save_session(Session(), path, note="Train until the dev loss turns.")
>>> load_lesson(path).note
'Train until the dev loss turns.'
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nnsim
from nnsim.core.datasets import BUILTIN_DATASETS
from nnsim.core.lesson_codec import (
    Reader,
    dataset_to_json,
    read_dataset,
    read_settings,
    settings_to_json,
)
from nnsim.core.lesson_errors import LessonFileError
from nnsim.core.lesson_state import check_restored, restore_run, run_to_json
from nnsim.core.session import Session
from nnsim.core.settings import FILE_DATASET

__all__ = [
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "SUFFIX",
    "Lesson",
    "LessonFileError",
    "lesson_from_json",
    "load_lesson",
    "load_session",
    "save_session",
    "session_to_json",
]

FORMAT_VERSION = 1
SUFFIX = ".nnsim"
# The largest imported table (200,000 rows of 18 numbers, see csv_limits) takes about 70 MB as
# JSON; a bigger file is refused before a byte of it is parsed.
MAX_FILE_BYTES = 200 * 10**6
MAX_NOTE_CHARS = 20_000
MAX_HIDDEN_CONTROLS = 100
# Controls are named by their Qt objectName: a plain identifier.
_CONTROL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,99}\Z")
_TOP_LEVEL = ("format_version", "generator", "settings", "data", "network", "training",
              "history", "trail", "test", "lesson")


@dataclass
class Lesson:
    """What a lesson file holds: the session, and what the window shows around it.

    Attributes
    ----------
    session : the restored session (same settings, weights, epoch and next epoch as saved).
    note : the lecturer's note to students, or None.
    hidden_controls : objectNames of control-panel widgets to hide.
    path : the file it came from.
    """

    session: Session
    note: str | None = None
    hidden_controls: tuple[str, ...] = ()
    path: str = ""


# ----------------------------------------------------------------------------- saving
def session_to_json(session: Session, note: str | None = None,
                    hidden_controls: Iterable[str] = (), with_history: bool = True
                    ) -> dict[str, Any]:
    """The file's content for ``session`` (plain JSON values; a consistent copy of its state)."""
    hidden = [str(name) for name in hidden_controls]
    for name in hidden:
        if not _CONTROL_NAME.match(name):
            raise ValueError(f"not a control name: {name!r}")
    data: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "generator": f"nnsim {nnsim.__version__}",
        "settings": settings_to_json(session.settings),
        "data": (None if session.settings.dataset in BUILTIN_DATASETS
                 else dataset_to_json(session.dataset)),
    }
    data.update(run_to_json(session, with_history))
    data["lesson"] = {"note": note, "hidden_controls": hidden}
    return data


def save_session(session: Session, path: str | os.PathLike[str], note: str | None = None,
                 hidden_controls: Iterable[str] = (), with_history: bool = True) -> None:
    """Write ``session`` to ``path`` atomically.

    Parameters
    ----------
    session : the session to save (not changed).
    path : the file to write; an existing file is replaced only once the new one is complete.
    note : for lessons: a note shown to students when the file opens.
    hidden_controls : objectNames of controls the window hides for this lesson.
    with_history : also save the loss history (bounded: at most 8,192 points).

    Raises
    ------
    LessonFileError
        ``unwritable`` (with the system's reason) if the file cannot be written; the previous
        file, if any, is then unchanged and no temporary file is left behind.
    """
    data = session_to_json(session, note, hidden_controls, with_history)
    write_json_atomically(path, data)


def write_json_atomically(path: str | os.PathLike[str], data: Any) -> None:
    """JSON to a temporary file in the same folder, flushed and synced, then renamed."""
    target = Path(path)
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                             dir=target.parent)
        os.chmod(temporary, _file_mode(target))  # mkstemp's 0600 would hide a shared lesson
        try:
            stream = os.fdopen(handle, "w", encoding="utf-8")
        except BaseException:
            os.close(handle)
            raise
        with stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise LessonFileError(target, "unwritable",
                              reason=error.strerror or str(error)) from error
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _file_mode(target: Path) -> int:
    """The replaced file's permissions, or what a newly created file gets (0666 less umask)."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# ----------------------------------------------------------------------------- loading
def load_session(path: str | os.PathLike[str]) -> Session:
    """The session saved in ``path`` (see :func:`load_lesson` for the note and hidden controls).

    Raises
    ------
    LessonFileError
        For a missing or unreadable file, one over ``MAX_FILE_BYTES``, truncated or corrupt
        JSON, a newer format, wrong types, unknown entries, too many rows, non-finite weights,
        or values that do not fit together.
    """
    return load_lesson(path).session


def load_lesson(path: str | os.PathLike[str]) -> Lesson:
    """The session, note and hidden controls saved in ``path`` (errors as in load_session)."""
    name = str(path)
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            raise LessonFileError(name, "too_large", size=size, limit=MAX_FILE_BYTES)
        if not Path(path).is_file():
            raise LessonFileError(name, "unreadable", reason="not a regular file")
        with open(path, "rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise LessonFileError(name, "unreadable", reason=error.strerror or str(error)) from None
    if len(raw) > MAX_FILE_BYTES:  # it grew while being read
        raise LessonFileError(name, "too_large", size=len(raw), limit=MAX_FILE_BYTES)
    return lesson_from_json(name, _parse(name, raw))


def _parse(name: str, raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LessonFileError(name, "not_json", line=1, column=error.start + 1,
                              reason="not UTF-8 text") from None
    try:
        # NaN and Infinity (not JSON, but what json.dumps writes for them) are read as numbers,
        # so the entry that holds one is named in the error rather than the whole file.
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise LessonFileError(name, "not_json", line=error.lineno, column=error.colno,
                              reason=error.msg) from None
    except (ValueError, RecursionError) as error:  # NaN tokens, huge integers, deep nesting
        raise LessonFileError(name, "not_json", line=0, column=0,
                              reason=str(error)[:200] or type(error).__name__) from None


def lesson_from_json(name: str, data: Any) -> Lesson:
    """Check the parsed file ``data`` and rebuild its session (``name`` is for messages)."""
    if not isinstance(data, dict) or "format_version" not in data:
        raise LessonFileError(name, "not_a_lesson")
    version = data["format_version"]
    if type(version) is not int or version < 1:
        raise LessonFileError(name, "bad_version", version=repr(version)[:40])
    if version > FORMAT_VERSION:
        raise LessonFileError(name, "newer_version", version=version, supported=FORMAT_VERSION)
    top = Reader(name, data)
    top.only(_TOP_LEVEL)
    settings_reader = top.child("settings")
    assert settings_reader is not None
    settings = read_settings(settings_reader)
    rows = top.child("data", None)
    if (rows is None) != (settings.dataset in BUILTIN_DATASETS):
        if settings.dataset != FILE_DATASET and settings.dataset not in BUILTIN_DATASETS:
            raise settings_reader.error("dataset", "bad_value",
                                        reason=f"unknown dataset {settings.dataset!r}")
        raise top.error("data", "missing" if rows is None else "inconsistent",
                        reason="built-in data is saved as its recipe")
    dataset = None if rows is None else read_dataset(rows)
    try:
        session = Session(settings, dataset)
    except LessonFileError:
        raise
    except (ValueError, KeyError, TypeError, OverflowError) as error:
        raise settings_reader.error("", "bad_value", reason=str(error).strip("'\"")) from None
    if session.settings != settings:
        changed = [k for k in settings.__dataclass_fields__
                   if getattr(settings, k) != getattr(session.settings, k)]
        raise settings_reader.error(changed[0] if changed else "", "inconsistent",
                                    reason="nnsim would choose differently for these data")
    try:
        restore_run(top, session)
    except LessonFileError:
        raise
    except (ValueError, KeyError, TypeError, OverflowError) as error:
        raise top.error("training", "bad_value", reason=str(error)) from None
    check_restored(name, session)
    note, hidden = _lesson_part(top)
    return Lesson(session, note, hidden, name)


def _lesson_part(top: Reader) -> tuple[str | None, tuple[str, ...]]:
    lesson = top.child("lesson", None)
    if lesson is None:
        return None, ()
    lesson.only(["note", "hidden_controls"])
    note = lesson.text("note", None, optional=True, max_length=MAX_NOTE_CHARS)
    hidden = lesson.strings("hidden_controls", MAX_HIDDEN_CONTROLS) \
        if "hidden_controls" in lesson.data else []
    for control in hidden:
        if not _CONTROL_NAME.match(control):
            raise lesson.error("hidden_controls", "bad_value",
                               reason=f"{control[:40]!r} is not a control name")
    return note, tuple(hidden)
