"""Turn a file's records into a checked table: header, column roles, features as numbers.

The first record is the header; the target columns are chosen by name (default: the last
column) and every other column is a feature. Data rows are gathered column by column in chunks,
feature cells converted to floats and target cells kept as text (the targets decide later
whether they are classes or numbers). Everything is bounded by the limits in
:mod:`nnsim.core.csv_limits`, and every refusal names the line and column.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np
from numpy.typing import NDArray

from nnsim.core.csv_cells import Problem, bad_cell_problem, first_bad_cell, is_number, try_numbers
from nnsim.core.csv_errors import DatasetError, printable
from nnsim.core.csv_limits import MAX_COLUMNS, MAX_HEADER_COLUMNS, MAX_ROWS
from nnsim.core.csv_records import DELIMITERS, LongLine, read_records, sniff_delimiter

Array = NDArray[np.float64]
# Rows are converted to numbers in chunks, so only one chunk's cells exist as Python strings at
# a time (a str costs about 50 bytes more than the characters it holds).
_CHUNK_ROWS = 8192
# A target column shares one string per distinct value while it has at most this many: class
# labels repeat, and sharing saves those 50 bytes per row. More values are not classes anyway.
_SHARED_LABELS = 100


@dataclass
class Table:
    """The checked header and columns of a file: features as numbers, targets as text."""

    path: Path
    header: list[str]
    features: list[int]  # column indices
    targets: list[int]
    X: Array
    texts: dict[int, list[str]]  # target column -> its cells
    lines: array  # array('i'): the line of each data row, for messages
    decimal_comma: bool

    def fail(self, problem: Problem, row: int, col: int) -> DatasetError:
        """The DatasetError for the cell in data row ``row``, column ``col`` (both 0-based)."""
        code, params = problem
        return DatasetError(self.path, code, params, self.lines[row], col + 1, self.header[col])


class _NumberColumn:
    """A feature column, converted chunk by chunk; remembers its first unusable cell."""

    __slots__ = ("parts", "problem")

    def __init__(self) -> None:
        self.parts: list[Array] = []
        self.problem: tuple[int, str] | None = None  # (data row, cell)

    def add(self, cells: Sequence[str], first_row: int, decimal_comma: bool) -> None:
        if self.problem is not None:
            return  # the column is refused anyway; later cells do not matter
        values = try_numbers(cells, decimal_comma)
        if values is not None and np.all(np.isfinite(values)):
            self.parts.append(values)
            return
        i = first_bad_cell(cells, decimal_comma)
        self.problem = (first_row + i, cells[i])


class _TextColumn:
    """A target column's cells; repeated values share one string (see _SHARED_LABELS)."""

    __slots__ = ("cells", "distinct")

    def __init__(self) -> None:
        self.cells: list[str] = []
        self.distinct: dict[str, str] | None = {}

    def add(self, cells: Sequence[str]) -> None:
        if self.distinct is None:
            self.cells.extend(cells)
            return
        shared = self.distinct.setdefault
        self.cells.extend([shared(cell, cell) for cell in cells])
        if len(self.distinct) > _SHARED_LABELS:
            self.distinct = None


class _Columns:
    """The data rows, gathered column by column: features as numbers, targets as text."""

    def __init__(self, features: list[int], targets: list[int], decimal_comma: bool) -> None:
        self.numbers = {j: _NumberColumn() for j in features}
        self.texts = {j: _TextColumn() for j in targets}
        self.lines = array("i")  # the line of each data row, for messages
        self.decimal_comma = decimal_comma
        self._chunk: list[list[str]] = []

    def add(self, row: list[str], line: int) -> None:
        self._chunk.append(row)
        self.lines.append(line)
        if len(self._chunk) == _CHUNK_ROWS:
            self.flush()

    def flush(self) -> None:
        """Convert the rows added since the last flush, and let go of their cells."""
        if not self._chunk:
            return
        first_row = len(self.lines) - len(self._chunk)
        cells = list(zip(*self._chunk))  # per column
        for j, number_column in self.numbers.items():
            number_column.add(cells[j], first_row, self.decimal_comma)
        for j, text_column in self.texts.items():
            text_column.add(cells[j])
        self._chunk.clear()


def read_table(path: Path, text: str, targets: Sequence[str] | str | None) -> Table:
    """Parse and check ``text``: header, column roles, row widths and feature numbers."""
    delimiter = sniff_delimiter(text)
    records = read_records(path, text, delimiter)
    try:
        first = next(records, None)
    except LongLine as error:
        raise _too_many_columns(path, error.values, error.line) from None
    if first is None:
        raise DatasetError(path, "empty_file")
    header = _check_header(path, first[1], first[0])
    target_cols = _target_columns(path, header, targets)
    feature_cols = [j for j in range(len(header)) if j not in target_cols]
    _check_roles(path, feature_cols, target_cols)
    # German/French spreadsheets write 1,5 for 1.5 in semicolon- or tab-separated files.
    columns = _Columns(feature_cols, target_cols, decimal_comma=delimiter != ",")
    _read_rows(path, records, len(header), delimiter, columns)
    lines = columns.lines
    if not lines:
        raise DatasetError(path, "no_data")
    for j in feature_cols:  # the first column with a problem, as a student reads left to right
        problem = columns.numbers[j].problem
        if problem is not None:
            row, cell = problem
            code, params = bad_cell_problem(cell, "feature", row == 0, columns.decimal_comma)
            raise DatasetError(path, code, params, lines[row], j + 1, header[j])
    X = _stack([columns.numbers[j] for j in feature_cols], len(lines))
    texts = {j: column.cells for j, column in columns.texts.items()}
    return Table(path, header, feature_cols, target_cols, X, texts, lines,
                 columns.decimal_comma)


def _read_rows(path: Path, records: Iterator[tuple[int, list[str]]], width: int,
               delimiter: str, columns: _Columns) -> None:
    """Add every data record to ``columns``; refuse ragged rows and more than MAX_ROWS."""
    try:
        for line, row in records:
            if len(columns.lines) == MAX_ROWS:
                raise DatasetError(path, "too_many_rows", {"max_rows": MAX_ROWS}, line)
            if len(row) != width:
                row = _fit_width(path, row, width, delimiter, line)
            columns.add(row, line)
    except LongLine as error:
        raise _ragged(path, error.values, width, delimiter, error.line) from None
    columns.flush()


def _check_header(path: Path, header: list[str], line: int) -> list[str]:
    names = [name.strip() for name in header]
    while names and not names[-1]:
        names.pop()  # a trailing delimiter after the last name
    if len(names) > MAX_HEADER_COLUMNS:
        raise _too_many_columns(path, len(names), line)
    if len(names) < 2:
        raise DatasetError(path, "one_column", {}, line)
    if all(is_number(name) for name in names):
        raise DatasetError(path, "header_is_numbers", {}, line)
    seen: dict[str, int] = {}
    for j, name in enumerate(names):
        if not name:
            raise DatasetError(path, "unnamed_column", {}, line, j + 1)
        first = seen.setdefault(name, j)
        if first != j:
            raise DatasetError(path, "duplicate_column", {"name": printable(name),
                                                          "first": first + 1, "second": j + 1},
                               line, j + 1)
    return names


def _target_columns(path: Path, header: list[str],
                    targets: Sequence[str] | str | None) -> list[int]:
    if targets is None:
        return [len(header) - 1]
    names = [targets] if isinstance(targets, str) else list(targets)
    if not names:
        raise DatasetError(path, "no_target_chosen")
    position = {name: j for j, name in enumerate(header)}
    columns = []
    for name in names:
        if name.strip() not in position:
            listed = ", ".join(f"“{printable(h)}”" for h in header[:20])
            params = {"name": printable(name), "columns": listed}
            if len(header) > 20:
                raise DatasetError(path, "unknown_column_more", {**params, "more": len(header) - 20})
            raise DatasetError(path, "unknown_column", params)
        columns.append(position[name.strip()])
    return sorted(set(columns))


def _check_roles(path: Path, feature_cols: list[int], target_cols: list[int]) -> None:
    if not feature_cols:
        raise DatasetError(path, "no_feature")
    if len(feature_cols) > MAX_COLUMNS:
        raise DatasetError(path, "too_many_features", {"count": len(feature_cols),
                                                       "limit": MAX_COLUMNS})
    if len(target_cols) > MAX_COLUMNS:
        raise DatasetError(path, "too_many_targets", {"count": len(target_cols),
                                                      "limit": MAX_COLUMNS})


def _fit_width(path: Path, row: list[str], width: int, delimiter: str, line: int) -> list[str]:
    if len(row) > width and not "".join(row[width:]).strip():
        return row[:width]  # trailing delimiters, as spreadsheets often write
    raise _ragged(path, len(row), width, delimiter, line)


def _ragged(path: Path, values: int, width: int, delimiter: str, line: int) -> DatasetError:
    name = DELIMITERS[delimiter]
    return DatasetError(path, "ragged_row", {"values": values, "width": width, "delimiter": name},
                        line)


def _too_many_columns(path: Path, columns: int, line: int) -> DatasetError:
    return DatasetError(path, "too_many_columns", {"columns": columns, "limit": MAX_HEADER_COLUMNS,
                                                   "units": MAX_COLUMNS}, line)


def _stack(columns: list[_NumberColumn], n: int) -> Array:
    """The columns' parts as one (n, len(columns)) array, freeing the parts as it goes."""
    X = np.empty((n, len(columns)))
    for k, column in enumerate(columns):
        start = 0
        for part in column.parts:
            X[start:start + part.size, k] = part
            start += part.size
        column.parts.clear()
    return X
