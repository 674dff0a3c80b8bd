"""Read cells as numbers, and say in words why a cell is not a usable number.

Whole columns are converted at once (:func:`try_numbers`); only when that fails is the column
searched for the first bad cell, whose error then names the problem: empty, a missing-value
marker, infinite, too large, or text. In semicolon- and tab-separated files a decimal comma
(``1,5``) is a number too.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np
from numpy.typing import NDArray

from nnsim.core.csv_errors import printable

Array = NDArray[np.float64]
Problem = tuple[str, dict[str, Any]]  # a DatasetError's code and parameters
# Spellings of "no value" from R, pandas, Excel and UCI files. Not "none": that can be a class.
_MISSING = {"na", "n/a", "nan", "null", "#n/a", "?"}


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _to_float(cell: str, decimal_comma: bool) -> float | None:
    try:
        return float(cell)
    except ValueError:
        pass
    if decimal_comma:
        try:
            return float(cell.replace(",", "."))
        except ValueError:
            pass
    return None


def try_numbers(cells: Sequence[str], decimal_comma: bool) -> Array | None:
    """The cells as numbers (NaN and inf included), or None if a cell is not a number."""
    try:
        return np.fromiter(map(float, cells), dtype=np.float64, count=len(cells))
    except ValueError:
        pass
    if decimal_comma:  # a cell without a comma converts the same either way
        try:
            return np.fromiter((float(c.replace(",", ".")) for c in cells), dtype=np.float64,
                               count=len(cells))
        except ValueError:
            pass
    return None


def cell_problem(cell: str) -> Problem | None:
    """Why ``cell`` is a missing or infinite value (code, params), or None if it is not spelled
    as one."""
    value = cell.strip()
    if not value:
        return "empty_cell", {}
    if value.lower() in _MISSING or value.lower().lstrip("+-") in ("nan", "inf", "infinity"):
        code = "infinite_value" if "inf" in value.lower() else "missing_value"
        return code, {"value": printable(value)}
    return None


def first_bad_cell(cells: Sequence[str], decimal_comma: bool) -> int:
    """The index of the first cell that is not a finite number; there must be one."""
    for i, cell in enumerate(cells):
        value = _to_float(cell, decimal_comma)
        if value is None or not math.isfinite(value):
            return i
    raise AssertionError("unreachable: the cells failed to convert")  # pragma: no cover


def bad_cell_problem(cell: str, role: str, first_row: bool, decimal_comma: bool) -> Problem:
    """Why ``cell`` of a feature or regression target column is not a usable number (a
    :class:`~nnsim.core.csv_errors.DatasetError` code and its parameters)."""
    problem = cell_problem(cell)
    if problem:
        return problem
    value = {"value": printable(cell.strip())}
    if _to_float(cell, decimal_comma) is not None:  # e.g. 1e400
        return "too_large", value
    if role == "feature" and first_row:
        return "text_column", value
    return ("feature_not_a_number" if role == "feature" else "target_not_a_number"), value


def first_missing(cells: list[str]) -> int | None:
    """The index of the first empty, missing or infinite cell, or None."""
    if not any(cell_problem(cell) for cell in set(cells)):  # few distinct values in a target
        return None
    return next(i for i, cell in enumerate(cells) if cell_problem(cell))
