"""Turn a table's target columns into the arrays a network trains on, and decide the task.

One text column of class names or of a few whole numbers becomes one-hot classes (sorted);
other numbers make a regression target; several 0/1 columns with one 1 per row are already
one-hot. A missing target is refused whatever the task.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from nnsim.core.csv_cells import (bad_cell_problem, cell_problem, first_bad_cell, first_missing,
                                  try_numbers)
from nnsim.core.csv_errors import DatasetError, printable
from nnsim.core.csv_limits import MAX_CLASSES
from nnsim.core.csv_table import Table
from nnsim.core.datasets import CLASSIFICATION, REGRESSION

Array = NDArray[np.float64]


def encode_targets(path: Path, table: Table, task: str | None) -> tuple[Array, str, list[str]]:
    """One-hot or numeric targets, the task, and the target (class) names."""
    cols, texts, header = table.targets, table.texts, table.header
    numeric = {j: try_numbers(texts[j], table.decimal_comma) for j in cols}
    for j in cols:  # a missing target is an error whatever the task
        values = numeric[j]
        if values is not None and np.all(np.isfinite(values)):
            continue  # no cell is empty, missing or infinite
        missing = first_missing(texts[j])
        if missing is not None:
            raise table.fail(cell_problem(texts[j][missing]) or ("empty_cell", {}), missing, j)
    names = [header[j] for j in cols]
    if len(cols) > 1:
        if task == CLASSIFICATION or (task is None and _is_one_hot(numeric)):
            if not _is_one_hot(numeric):
                raise DatasetError(path, "not_one_hot")
            return (np.column_stack([_present(numeric[j]) for j in cols]), CLASSIFICATION,
                    names)
        Y = np.column_stack([_finite_numbers(table, j, numeric[j]) for j in cols])
        return Y, REGRESSION, names
    j = cols[0]
    values = numeric[j]
    if task is None:
        few_whole = (values is not None and np.all(np.isfinite(values))
                     and np.all(values == np.round(values))
                     and np.unique(values).size <= MAX_CLASSES)
        task = CLASSIFICATION if values is None or few_whole else REGRESSION
    if task == REGRESSION:
        return _finite_numbers(table, j, values)[:, None], REGRESSION, names
    if values is not None and np.all(np.isfinite(values)):
        classes, index = np.unique(values, return_inverse=True)
        class_names = [f"{c:.12g}" for c in classes]  # 1.0 -> "1", 0.25 -> "0.25"
    else:
        class_names, index = _text_classes(texts[j])
    if len(class_names) < 2:
        raise DatasetError(path, "one_class", {"name": printable(class_names[0])}, None, j + 1,
                           header[j])
    if len(class_names) > MAX_CLASSES:
        shown = ", ".join(printable(name) for name in class_names[:5])
        raise DatasetError(path, "too_many_classes", {"count": len(class_names), "classes": shown,
                                                      "limit": MAX_CLASSES}, None, j + 1, header[j])
    return np.eye(len(class_names))[index.ravel()], CLASSIFICATION, class_names


def _finite_numbers(table: Table, j: int, values: Array | None) -> Array:
    """A regression target column's numbers, or the DatasetError for its first bad cell."""
    if values is not None and np.all(np.isfinite(values)):
        return values
    cells = table.texts[j]
    i = first_bad_cell(cells, table.decimal_comma)
    raise table.fail(bad_cell_problem(cells[i], "target", i == 0, table.decimal_comma), i, j)


def _text_classes(cells: list[str]) -> tuple[list[str], NDArray[np.intp]]:
    """The sorted class names (cells without surrounding spaces) and each row's class index."""
    raw = set(cells)
    class_names = sorted({cell.strip() for cell in raw})
    position = {name: k for k, name in enumerate(class_names)}
    index_of = {cell: position[cell.strip()] for cell in raw}
    index = np.fromiter(map(index_of.__getitem__, cells), dtype=np.intp, count=len(cells))
    return class_names, index


def _present(column: Array | None) -> Array:
    assert column is not None  # checked by _is_one_hot
    return column


def _is_one_hot(numeric: dict[int, Array | None]) -> bool:
    columns = [v for v in numeric.values() if v is not None]
    if len(columns) < len(numeric):
        return False
    Y = np.column_stack(columns)
    return bool(np.all((Y == 0) | (Y == 1)) and np.all(Y.sum(axis=1) == 1))
