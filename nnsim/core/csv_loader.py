"""Load a student's CSV file into a :class:`Dataset`, or explain precisely why not.

Files come from Excel, LibreOffice, R, pandas or a text editor, so the loader accepts what those
write: comma, semicolon or tab between values, UTF-8 with or without a byte-order mark, Windows
"ANSI" (cp1252/Latin-1), UTF-16 and UTF-32 text, CRLF or CR line ends, and decimal commas in
semicolon- or tab-separated files. Every problem becomes a :class:`DatasetError` whose message
names the file, the line (counted like a text editor) and the column, and says how to fix it.

Students also pick the wrong file: a named pipe, ``/dev/zero``, a folder, a 2 GB log, a sheet
with 100,000 columns. Such files are refused before they are read, and everything that is read
is bounded (:data:`MAX_FILE_BYTES`, :data:`MAX_ROWS`, :data:`MAX_HEADER_COLUMNS`,
:data:`MAX_LINE_VALUES`), so no file hangs the program or exhausts its memory. Loading needs
about 2-6 times the file's size in memory (more for short numbers: each becomes an 8-byte
float) and about 0.05 s per MB on a current laptop.

The work is done by one module per step: :mod:`~nnsim.core.csv_reading` reads and decodes the
file, :mod:`~nnsim.core.csv_records` splits the text into records, :mod:`~nnsim.core.csv_table`
checks the header and reads the features, :mod:`~nnsim.core.csv_targets` makes the targets,
with :mod:`~nnsim.core.csv_cells` for single cells, :mod:`~nnsim.core.csv_limits` for the limits
and :mod:`~nnsim.core.csv_errors` for the error. This module joins the steps, re-exports the
names callers use, and writes files back.
"""

from __future__ import annotations

import csv
import os
import stat
from pathlib import Path
from typing import Sequence

from nnsim.core.csv_errors import DatasetError, printable
from nnsim.core.csv_limits import (MAX_CLASSES, MAX_COLUMNS, MAX_FILE_BYTES, MAX_HEADER_COLUMNS,
                                   MAX_LINE_VALUES, MAX_ROWS)
# Decoding is called through this module's name, so that a test can make it run out of memory.
from nnsim.core.csv_reading import decode_text as _decode
from nnsim.core.csv_reading import read_file_bytes
from nnsim.core.csv_records import DELIMITERS
from nnsim.core.csv_table import read_table
from nnsim.core.csv_targets import encode_targets
from nnsim.core.datasets import CLASSIFICATION, TASKS, Dataset
from nnsim.core.splits import SplitError, check_splittable

__all__ = ["DELIMITERS", "LARGE_FILE_BYTES", "MAX_CLASSES", "MAX_COLUMNS", "MAX_FILE_BYTES",
           "MAX_HEADER_COLUMNS", "MAX_LINE_VALUES", "MAX_ROWS", "DatasetError", "is_large_file",
           "load_csv", "save_csv"]

# Above this size loading takes a noticeable time (over 0.05-0.1 s): see is_large_file().
LARGE_FILE_BYTES = 2**20


def load_csv(path: str | os.PathLike[str], targets: Sequence[str] | str | None = None,
             task: str | None = None) -> Dataset:
    """Read a CSV file with a header row into a :class:`Dataset` named after the file.

    Parameters
    ----------
    path : the file; a symbolic link to a file is fine.
    targets : names of the target columns; default: the last column. Every other column is a
        feature.
    task : ``"regression"`` or ``"classification"``; default: classification if the target holds
        text, or whole numbers with at most 9 distinct values; otherwise regression.
        Classification targets become one-hot, one output per class, classes sorted.

    Returns
    -------
    Dataset
        With at most :data:`MAX_COLUMNS` features and outputs and at most :data:`MAX_ROWS` rows.

    Raises
    ------
    DatasetError
        For anything that makes the file unusable, with file, line and column in the message:
        it is missing, not a regular file, unreadable, larger than :data:`MAX_FILE_BYTES`, not
        text, or its content does not make a dataset. No other exception escapes for any
        content or path (a wrong ``task`` is a ValueError: that is the caller's mistake).

    Notes
    -----
    Safe to call from a worker thread: it changes no global state (not even
    ``csv.field_size_limit``). Takes about 0.05 s per MB; see :func:`is_large_file`.
    """
    if task is not None and task not in TASKS:
        raise ValueError(f"task must be None, 'regression' or 'classification', got {task!r}")
    path = Path(path)
    try:
        # The text is an argument, not a variable here: it is freed once the table is read.
        # The size limit is read here, when called: this module's MAX_FILE_BYTES is in force.
        table = read_table(path, _decode(path, read_file_bytes(path, MAX_FILE_BYTES)), targets)
        Y, task, target_names = encode_targets(path, table, task)
        feature_names = [table.header[j] for j in table.features]
        dataset = Dataset(table.X, Y, task, feature_names=feature_names,
                          target_names=target_names, name=path.stem)
    except MemoryError:
        raise DatasetError(path, "out_of_memory") from None
    try:
        check_splittable(dataset)
    except SplitError as error:
        params = dict(error.params)
        if "classes" in params:  # shortened: it lists class names, and those may be long
            params["classes"] = printable(params["classes"], 500)
        raise DatasetError(path, error.code, params) from None
    return dataset


def is_large_file(path: str | os.PathLike[str]) -> bool:
    """Whether loading ``path`` takes long enough to show a busy indicator (over ~0.05 s).

    Cheap: one ``os.stat``, nothing is read. False for anything that is not a regular file or
    cannot be examined: :func:`load_csv` refuses those at once, with the reason.
    """
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # ValueError: a NUL character in the path
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size > LARGE_FILE_BYTES


# --- writing --------------------------------------------------------------------------------------

def save_csv(dataset: Dataset, path: str | Path, label_column: str = "class") -> None:
    """Write ``dataset`` as a comma-separated UTF-8 file that :func:`load_csv` reads back.

    Features come first, then the targets: for classification one column ``label_column``
    holding the class names, for regression one column per target. A byte-order mark is
    written because Excel needs it to show non-ASCII names such as /ɪ/ correctly.
    """
    if dataset.task == CLASSIFICATION:
        header = [*dataset.feature_names, label_column]
        targets = [[dataset.target_names[k]] for k in dataset.labels]
    else:
        header = [*dataset.feature_names, *dataset.target_names]
        targets = [[_format(v) for v in row] for row in dataset.Y.tolist()]
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(header)
        for features, target in zip(dataset.X.tolist(), targets):
            writer.writerow([*map(_format, features), *target])


def _format(value: float) -> str:
    # Shortest text that reads back as the same float; whole numbers without ".0" (Hz values).
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text
