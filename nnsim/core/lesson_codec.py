"""Checked reading of a lesson file's JSON tree, and the encoding of the numbers in it.

Every value of a file is checked for its type and range before it reaches the session; a bad one
raises :class:`LessonFileError` naming the entry (``settings.learning_rate``). Floats are written
as JSON numbers, which Python writes with ``repr`` and reads back bit for bit; values that may be
infinite or undefined (a diverged run's loss, a missing accuracy) are written as ``null`` (NaN)
or the strings ``"inf"`` / ``"-inf"``, since JSON has no such numbers.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from nnsim.core.csv_limits import MAX_COLUMNS, MAX_ROWS
from nnsim.core.datasets import Dataset
from nnsim.core.lesson_errors import LessonFileError
from nnsim.core.settings import Settings

_NONFINITE = {"inf": math.inf, "-inf": -math.inf}


# ----------------------------------------------------------------------------- writing
def loose_float(value: float | None) -> float | str | None:
    """A float that may be NaN or infinite, as JSON (None for NaN and for None)."""
    if value is None:
        return None
    value = float(value)
    if math.isnan(value):
        return None
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


def float_list(values: Any) -> list[float]:
    """Finite floats (weights), as a JSON list of exact numbers."""
    return [float(v) for v in np.asarray(values, dtype=np.float64).ravel()]


def loose_list(values: Any) -> list[float | str | None]:
    return [loose_float(v) for v in np.asarray(values, dtype=np.float64).ravel()]


def settings_to_json(settings: Settings) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        if isinstance(value, tuple):
            return [plain(v) for v in value]
        if isinstance(value, (np.floating, np.integer)):
            return value.item()
        return value

    return {f.name: plain(getattr(settings, f.name)) for f in dataclasses.fields(Settings)}


def dataset_to_json(dataset: Dataset) -> dict[str, Any]:
    return {"name": dataset.name, "task": dataset.task,
            "feature_names": list(dataset.feature_names),
            "target_names": list(dataset.target_names),
            "X": dataset.X.tolist(), "Y": dataset.Y.tolist()}


# ----------------------------------------------------------------------------- reading
class Reader:
    """Typed access to one JSON object of a lesson file, with errors that name the entry."""

    def __init__(self, path: str, data: Any, where: str = "") -> None:
        self.path = path
        self.where = where
        if not isinstance(data, dict):
            raise LessonFileError(path, "wrong_type", field=where or "the file",
                                  expected="an object")
        self.data: dict[str, Any] = data

    def name(self, key: str) -> str:
        if not key:
            return self.where or "the file"
        return f"{self.where}.{key}" if self.where else key

    def error(self, key: str, code: str, **params: Any) -> LessonFileError:
        return LessonFileError(self.path, code, field=self.name(key), **params)

    def only(self, allowed: Sequence[str]) -> None:
        """Refuse entries this format does not have (a typo must not be silently ignored)."""
        for key in self.data:
            if key not in allowed:
                raise self.error(str(key)[:80], "unknown_field")

    def raw(self, key: str, default: Any = ..., ) -> Any:
        if key not in self.data:
            if default is ...:
                raise self.error(key, "missing")
            return default
        return self.data[key]

    def child(self, key: str, default: Any = ...) -> Reader | None:
        value = self.raw(key, default)
        if value is None and default is None:
            return None
        return Reader(self.path, value, self.name(key))

    def integer(self, key: str, default: Any = ..., minimum: int | None = None,
                maximum: int | None = None, optional: bool = False) -> int | None:
        value = self.raw(key, default)
        if value is None and optional:
            return None
        if type(value) is not int:
            raise self.error(key, "wrong_type", expected="a whole number")
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            raise self.error(key, "bad_value", reason=f"{value} is out of range")
        return value

    def boolean(self, key: str, default: Any = ...) -> bool:
        value = self.raw(key, default)
        if type(value) is not bool:
            raise self.error(key, "wrong_type", expected="true or false")
        return value

    def text(self, key: str, default: Any = ..., optional: bool = False,
             max_length: int = 100_000) -> str | None:
        value = self.raw(key, default)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.error(key, "wrong_type", expected="text")
        if len(value) > max_length:
            raise self.error(key, "bad_value", reason=f"longer than {max_length} characters")
        return value

    def number(self, key: str, default: Any = ..., finite: bool = True,
               optional: bool = False) -> float | None:
        return read_number(self, key, self.raw(key, default), finite, optional)

    def numbers(self, key: str, length: int | None = None, finite: bool = True,
                max_length: int = MAX_ROWS) -> np.ndarray:
        """A list of numbers as a float64 array (non-finite ones only if ``finite`` is False)."""
        value = self.raw(key)
        if not isinstance(value, list):
            raise self.error(key, "wrong_type", expected="a list of numbers")
        if len(value) > max_length:
            raise self.error(key, "too_many_values", count=len(value), limit=max_length)
        if length is not None and len(value) != length:
            raise self.error(key, "inconsistent", reason=f"{len(value)} values, "
                                                         f"{length} expected")
        if finite:
            if not all(type(v) in (int, float) for v in value):
                raise self.error(key, "wrong_type", expected="a list of numbers")
            array = np.array(value, dtype=np.float64)
            if not np.isfinite(array).all():
                raise self.error(key, "nonfinite")
            return array
        return np.array([read_number(self, key, v, False, True) for v in value],
                        dtype=np.float64)

    def strings(self, key: str, max_count: int = 1000) -> list[str]:
        value = self.raw(key)
        if (not isinstance(value, list) or len(value) > max_count
                or not all(isinstance(v, str) and len(v) <= 1000 for v in value)):
            raise self.error(key, "wrong_type", expected="a list of names")
        return value


def read_number(reader: Reader, key: str, value: Any, finite: bool,
                optional: bool) -> float | None:
    """One float: a JSON number, or (if not ``finite``) null for NaN and "inf"/"-inf"."""
    if type(value) in (int, float):
        number = float(value)
        if finite and not math.isfinite(number):
            raise reader.error(key, "nonfinite")
        return number
    if value is None and (optional or not finite):
        return None if optional else math.nan
    if not finite and value in _NONFINITE:
        return _NONFINITE[value]
    if finite and (value is None or value in _NONFINITE):
        raise reader.error(key, "nonfinite")
    raise reader.error(key, "wrong_type", expected="a number")


def read_settings(reader: Reader) -> Settings:
    """Every choice, each checked against the type ``Settings`` declares for it."""
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    reader.only(list(fields))
    values: dict[str, Any] = {}
    for name, f in fields.items():
        if name in reader.data:
            values[name] = _typed(reader, name, reader.data[name], str(f.type))
    return Settings(**values)


def _expected(annotation: str) -> str:
    """What a Settings annotation asks for, in the words the window translates (a student
    never reads "float")."""
    kind = next((k.strip() for k in annotation.split("|") if k.strip() != "None"), "")
    if kind.startswith("tuple["):
        return "a list of numbers"
    return {"bool": "true or false", "int": "a whole number", "str": "text"}.get(kind, "a number")


def _typed(reader: Reader, key: str, value: Any, annotation: str) -> Any:
    """``value`` checked against a Settings annotation such as ``tuple[float, float] | None``."""
    kinds = [part.strip() for part in annotation.split("|")]
    if value is None:
        if "None" in kinds:
            return None
        raise reader.error(key, "wrong_type", expected=_expected(annotation))
    kind = next(k for k in kinds if k != "None")
    if kind.startswith("tuple["):
        items = [k.strip() for k in kind[len("tuple["):-1].split(",")]
        if not isinstance(value, list) or len(value) != len(items):
            raise reader.error(key, "wrong_type", expected=_expected(annotation))
        return tuple(_typed(reader, key, v, k) for v, k in zip(value, items))
    if kind == "bool":
        ok = type(value) is bool
    elif kind == "int":
        ok = type(value) is int
    elif kind == "float":
        ok = type(value) in (int, float) and math.isfinite(value)
        value = float(value) if ok else value
    elif kind == "str":
        ok = isinstance(value, str) and len(value) <= 10_000
    else:  # a type this reader does not know: only plain JSON scalars get through
        ok = type(value) in (bool, int, float, str)
    if not ok:
        raise reader.error(key, "wrong_type", expected=_expected(annotation))
    return value


def read_dataset(reader: Reader) -> Dataset:
    """Imported rows, within the CSV loader's limits (rows, columns), finite and well-formed."""
    reader.only(["name", "task", "feature_names", "target_names", "X", "Y"])
    rows = {}
    for key in ("X", "Y"):
        table = reader.raw(key)
        if not isinstance(table, list):
            raise reader.error(key, "wrong_type", expected="a list of rows")
        if len(table) > MAX_ROWS:
            raise LessonFileError(reader.path, "too_many_rows", rows=len(table), limit=MAX_ROWS)
        width = len(table[0]) if table and isinstance(table[0], list) else 0
        if not 1 <= width <= MAX_COLUMNS:
            raise reader.error(key, "bad_value",
                               reason=f"each row needs 1 to {MAX_COLUMNS} numbers")
        if not all(isinstance(row, list) and len(row) == width
                   and all(type(v) in (int, float) for v in row) for row in table):
            raise reader.error(key, "wrong_type", expected=f"rows of {width} numbers")
        array = np.array(table, dtype=np.float64)
        if not np.isfinite(array).all():
            raise reader.error(key, "nonfinite")
        rows[key] = array
    try:
        return Dataset(rows["X"], rows["Y"], str(reader.text("task")),
                       feature_names=tuple(reader.strings("feature_names", MAX_COLUMNS)),
                       target_names=tuple(reader.strings("target_names", MAX_COLUMNS)),
                       name=str(reader.text("name", "", max_length=1000)))
    except ValueError as error:
        if isinstance(error, LessonFileError):
            raise
        raise reader.error("X", "bad_value", reason=str(error)) from None
