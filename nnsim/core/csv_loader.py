"""Load a student's CSV file into a :class:`Dataset`, or explain precisely why not.

Files come from Excel, LibreOffice, R, pandas or a text editor, so the loader accepts what those
write: comma, semicolon or tab between values, UTF-8 with or without a byte-order mark, Windows
"ANSI" (cp1252/Latin-1) and UTF-16 text, CRLF line ends, and decimal commas in semicolon- or
tab-separated files. Every problem becomes a :class:`DatasetError` whose message names the file,
the line (counted like a text editor) and the column, and says how to fix it.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
from numpy.typing import NDArray

from nnsim.core.datasets import CLASSIFICATION, REGRESSION, TASKS, Dataset
from nnsim.core.splits import check_splittable

# A layer of the network editor holds 1-9 units (nnsim.core.network.MAX_UNITS), so a file can
# have at most 9 features (input units) and 9 classes or targets (output units).
MAX_COLUMNS = 9
# A whole-number target with at most this many distinct values is read as class labels.
MAX_CLASSES = MAX_COLUMNS
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
Array = NDArray[np.float64]
# fail(problem, data_row, column) -> the DatasetError to raise, with line and column filled in.
Fail = Callable[[str, int, int], "DatasetError"]
# Spellings of "no value" from R, pandas, Excel and UCI files. Not "none": that can be a class.
_MISSING = {"na", "n/a", "nan", "null", "#n/a", "?"}


class DatasetError(ValueError):
    """A data file that cannot be used; ``str(error)`` is a message for the student.

    Attributes
    ----------
    path : the file.
    line : 1-based line in the file, or None when the problem is not on one line.
    column : 1-based column number, or None.
    column_name : the column's header name, or None.
    """

    def __init__(self, path: Path, problem: str, line: int | None = None,
                 column: int | None = None, column_name: str | None = None) -> None:
        where = [path.name or str(path)]
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column} “{column_name}”" if column_name else f"column {column}")
        super().__init__(f"{', '.join(where)}: {problem}")
        self.path, self.problem = path, problem
        self.line, self.column, self.column_name = line, column, column_name

    def __reduce__(self) -> tuple:
        # Rebuild from the parts, not from the message, so the error survives pickling/copying.
        return (type(self), (self.path, self.problem, self.line, self.column, self.column_name))


def load_csv(path: str | Path, targets: Sequence[str] | str | None = None,
             task: str | None = None) -> Dataset:
    """Read a CSV file with a header row into a :class:`Dataset` named after the file.

    Parameters
    ----------
    path : the file.
    targets : names of the target columns; default: the last column.
    task : ``"regression"`` or ``"classification"``; default: classification if the target holds
        text, or whole numbers with at most 9 distinct values; otherwise regression.
        Classification targets become one-hot, one output per class, classes sorted.

    Raises
    ------
    DatasetError
        For anything that makes the file unusable, with file, line and column in the message.
    """
    if task is not None and task not in TASKS:
        raise ValueError(f"task must be None, 'regression' or 'classification', got {task!r}")
    path = Path(path)
    text = _decode(path, _read_bytes(path))
    delimiter = _sniff_delimiter(text)
    records = _parse(path, text, delimiter)
    # Blank lines (often a last line break, or Excel's ";;;" rows) carry nothing.
    kept = [i for i, r in enumerate(records) if "".join(r).strip()]
    if not kept:
        raise DatasetError(path, "the file is empty. It needs a header line with column names "
                                 "and one line of numbers per sample.")
    header_index, data_index = kept[0], kept[1:]

    starts: list[int] = []

    def line_of(record: int) -> int:
        if not starts:  # only a message needs line numbers, so count them only then
            starts.extend(_record_lines(text, delimiter))
        return starts[record]

    header = _check_header(path, records[header_index], line_of(header_index))
    width = len(header)
    rows = [records[i] for i in data_index]
    if not rows:
        raise DatasetError(path, "the file has a header line but no data. Add one line of values "
                                 "per sample below the header.")
    _check_widths(path, rows, data_index, width, delimiter, line_of)
    target_cols = _target_columns(path, header, targets)
    feature_cols = [j for j in range(width) if j not in target_cols]
    if not feature_cols:
        raise DatasetError(path, "there is no feature column: every column is a target. Leave at "
                                 "least one column as input for the network.")
    if len(feature_cols) > MAX_COLUMNS:
        raise DatasetError(path, f"there are {len(feature_cols)} feature columns, but the input "
                                 f"layer holds at most {MAX_COLUMNS} units. Delete some columns.")
    # Lists of str per column, not a NumPy string array: one long text cell would make every
    # cell of a fixed-width string array that long (gigabytes for 200,000 rows).
    columns = [[row[j] for row in rows] for j in range(width)]

    def fail(problem: str, row: int, col: int) -> DatasetError:
        return DatasetError(path, problem, line_of(data_index[row]), col + 1, header[col])

    X = np.column_stack([_numbers(columns[j], delimiter, fail, j, "feature")
                         for j in feature_cols])
    Y, task, target_names = _targets(path, columns, target_cols, header, task, delimiter, fail)
    dataset = Dataset(X, Y, task, feature_names=[header[j] for j in feature_cols],
                      target_names=target_names, name=path.stem)
    try:
        check_splittable(dataset)
    except ValueError as error:
        raise DatasetError(path, f"too little data to split: {error}") from None
    return dataset


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise DatasetError(path, f"this is a folder, not a file ({path.absolute()}). Choose a "
                                 ".csv file.")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DatasetError(path, f"the file does not exist ({path.absolute()}). Check the folder "
                                 "and the spelling of the name.") from None
    except OSError as error:
        raise DatasetError(path, f"the file cannot be read ({error.strerror or error}). Check "
                                 "that it is not open in another program and that you may "
                                 "read it.") from None


def _decode(path: Path, data: bytes) -> str:
    save_hint = ("Open it in a spreadsheet program and save it as “CSV UTF-8 (comma "
                 "delimited)”.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise DatasetError(path, f"the file claims to be UTF-16 text but has invalid bytes "
                                     f"at byte {error.start}. {save_hint}") from None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise DatasetError(path, "this is not a text file (it contains binary data); perhaps it "
                                 f"is an Excel workbook. {save_hint}", line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        first_bad = data[: error.start].count(b"\n") + 1
    # Some lines are valid UTF-8 with accents and others are not: two encodings in one file,
    # e.g. pasted together. Guessing would garble one half, so say where it breaks.
    utf8_accented = any(not line.isascii() and _is_utf8(line) for line in data.split(b"\n"))
    if utf8_accented:
        raise DatasetError(path, "the file mixes text encodings: this line is not valid UTF-8, "
                                 f"but other lines are. {save_hint}", first_bad)
    try:
        return data.decode("cp1252")  # what Windows programs write as "ANSI"
    except UnicodeDecodeError:
        return data.decode("latin-1")  # decodes any byte


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _sniff_delimiter(text: str) -> str:
    """The delimiter of the first non-blank line, checked against the following lines.

    csv.Sniffer guesses from all printable characters and is easily fooled by names such as
    "F1 (Hz)"; only the three delimiters students actually meet are considered here.
    """
    lines = [line for line in text.splitlines()[:50] if line.strip()][:10]
    if not lines:
        return ","
    unquoted = re.sub(r'"(?:[^"]|"")*"', "", lines[0])
    best, best_score = ",", (False, 0)
    for delimiter in DELIMITERS:
        count = unquoted.count(delimiter)
        if count == 0:
            continue
        widths = {len(row) for row in csv.reader(lines, delimiter=delimiter)}
        score = (len(widths) == 1, count)  # consistent widths first, then more columns
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _parse(path: Path, text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                        skipinitialspace=True, strict=False)
    try:
        return list(reader)
    except csv.Error as error:
        raise DatasetError(path, f"the file cannot be read as CSV ({error}). Check the quotes "
                                 "on this line.", reader.line_num) from None


def _record_lines(text: str, delimiter: str) -> list[int]:
    """The 1-based line on which every record starts (a quoted value may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                        skipinitialspace=True, strict=False)
    starts, previous = [], 0
    for _ in reader:
        starts.append(previous + 1)
        previous = reader.line_num
    return starts


def _check_header(path: Path, header: list[str], line: int) -> list[str]:
    names = [name.strip() for name in header]
    while names and not names[-1]:
        names.pop()  # a trailing delimiter after the last name
    if len(names) < 2:
        raise DatasetError(path, "the header has only one column. The file needs at least two "
                                 "columns, features and a target, separated by commas, "
                                 "semicolons or tabs.", line)
    if all(_is_number(name) for name in names):
        raise DatasetError(path, "the first line holds numbers, but it must hold the column "
                                 "names. Add a header line such as “x1,x2,x3,y”.", line)
    for j, name in enumerate(names):
        if not name:
            raise DatasetError(path, "this column has no name in the header. Give every column "
                                     "a name.", line, j + 1)
        if name in names[:j]:
            first = names.index(name) + 1
            raise DatasetError(path, f"two columns are called “{name}” (columns {first} and "
                                     f"{j + 1}). Give every column its own name.", line, j + 1)
    return names


def _check_widths(path: Path, rows: list[list[str]], record_index: list[int], width: int,
                  delimiter: str, line_of: Callable[[int], int]) -> None:
    for i, row in enumerate(rows):
        if len(row) == width:
            continue
        if len(row) > width and not "".join(row[width:]).strip():
            rows[i] = row[:width]  # trailing delimiters, as spreadsheets often write
            continue
        raise DatasetError(path, f"this line has {len(row)} values, but the header has {width} "
                                 f"columns. Look for a missing value or an extra "
                                 f"{DELIMITERS[delimiter]}; a value that contains a "
                                 f"{DELIMITERS[delimiter]} must be in double quotes.",
                           line_of(record_index[i]))


def _target_columns(path: Path, header: list[str],
                    targets: Sequence[str] | str | None) -> list[int]:
    if targets is None:
        return [len(header) - 1]
    names = [targets] if isinstance(targets, str) else list(targets)
    if not names:
        raise DatasetError(path, "no target column was chosen. Choose at least one column for "
                                 "the network to predict.")
    columns = []
    for name in names:
        if name.strip() not in header:
            listed = ", ".join(f"“{h}”" for h in header)
            raise DatasetError(path, f"there is no column called “{name}”. The columns are: "
                                     f"{listed}.")
        columns.append(header.index(name.strip()))
    return sorted(set(columns))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _try_numbers(column: list[str], delimiter: str) -> Array | None:
    """The column as numbers (NaN and inf included), or None if a cell is not a number."""
    try:
        return np.fromiter(map(float, column), dtype=np.float64, count=len(column))
    except ValueError:
        pass
    if delimiter != ",":  # German/French spreadsheets write 1,5 for 1.5 in ;- or tab-files
        try:
            return np.fromiter((float(c.replace(",", ".")) for c in column), dtype=np.float64,
                               count=len(column))
        except ValueError:
            pass
    return None


def _cell_problem(cell: str) -> str | None:
    """Why ``cell`` is not a usable number, or None if it is one."""
    value = cell.strip()
    if not value:
        return "this cell is empty. Every cell needs a value: fill it in or delete the row."
    if value.lower() in _MISSING or value.lower().lstrip("+-") in ("nan", "inf", "infinity"):
        kind = "an infinite value" if "inf" in value.lower() else "a missing value"
        return (f"“{value}” is {kind}. Every cell needs a finite number: fill in a value or "
                "delete the row.")
    return None


def _numbers(column: list[str], delimiter: str, fail: Fail, j: int, role: str) -> Array:
    """The column as finite numbers, or the DatasetError for its first unusable cell."""
    values = _try_numbers(column, delimiter)
    if values is not None:
        bad = np.flatnonzero(~np.isfinite(values))
        if bad.size:
            raise fail(_cell_problem(column[bad[0]]) or "this value is not finite.", bad[0], j)
        return values
    # Slow path, only on failure: find the first bad cell for the message.
    for i, cell in enumerate(column):
        problem = _cell_problem(cell)
        if problem:
            raise fail(problem, i, j)
        if _is_number(cell) or (delimiter != "," and _is_number(cell.replace(",", "."))):
            continue
        if role == "feature" and i == 0:
            hint = ("This column holds text; only a target may be text. Delete the column, or "
                    "choose it as the target.")
        elif role == "feature":
            hint = "Features must be numbers: correct the value or delete the row."
        else:
            hint = "A regression target must be a number: correct the value or delete the row."
        raise fail(f"“{cell.strip()}” is not a number. {hint}", i, j)
    raise AssertionError("unreachable: the column failed to convert")  # pragma: no cover


def _targets(path: Path, columns: list[list[str]], target_cols: list[int], header: list[str],
             task: str | None, delimiter: str, fail: Fail) -> tuple[Array, str, list[str]]:
    """One-hot or numeric targets, the task, and the target (class) names."""
    for j in target_cols:  # a missing target is an error whatever the task
        missing = next((i for i, cell in enumerate(columns[j]) if _cell_problem(cell)), None)
        if missing is not None:
            raise fail(_cell_problem(columns[j][missing]) or "", missing, j)
    numeric = {j: _try_numbers(columns[j], delimiter) for j in target_cols}
    names = [header[j] for j in target_cols]
    if len(target_cols) > 1:
        if task == CLASSIFICATION or (task is None and _is_one_hot(numeric)):
            if not _is_one_hot(numeric):
                raise DatasetError(path, "with several target columns, classification needs one "
                                         "0/1 column per class with exactly one 1 in each row. "
                                         "Or use a single target column holding the class.")
            return np.column_stack([numeric[j] for j in target_cols]), CLASSIFICATION, names
        if len(target_cols) > MAX_COLUMNS:
            raise DatasetError(path, f"there are {len(target_cols)} target columns, but the output "
                                     f"layer holds at most {MAX_COLUMNS} units.")
        Y = np.column_stack([_numbers(columns[j], delimiter, fail, j, "target")
                             for j in target_cols])
        return Y, REGRESSION, names
    j = target_cols[0]
    values = numeric[j]
    if task is None:
        few_whole = (values is not None and np.all(np.isfinite(values))
                     and np.all(values == np.round(values))
                     and np.unique(values).size <= MAX_CLASSES)
        task = CLASSIFICATION if values is None or few_whole else REGRESSION
    if task == REGRESSION:
        return _numbers(columns[j], delimiter, fail, j, "target")[:, None], REGRESSION, names
    if values is not None and np.all(np.isfinite(values)):
        classes, index = np.unique(values, return_inverse=True)
        class_names = [f"{c:.12g}" for c in classes]  # 1.0 -> "1", 0.25 -> "0.25"
    else:
        labels = [cell.strip() for cell in columns[j]]
        class_names = sorted(set(labels))
        position = {name: k for k, name in enumerate(class_names)}
        index = np.fromiter(map(position.__getitem__, labels), dtype=np.intp, count=len(labels))
    if len(class_names) < 2:
        raise DatasetError(path, f"every row has the same class “{class_names[0]}”. A classifier "
                                 "needs at least two classes.", None, j + 1, header[j])
    if len(class_names) > MAX_CLASSES:
        shown = ", ".join(class_names[:5])
        raise DatasetError(path, f"the target has {len(class_names)} different classes ({shown}, "
                                 f"...), but the output layer holds at most {MAX_CLASSES} units. "
                                 "If the target is a measured quantity, treat it as regression.",
                           None, j + 1, header[j])
    return np.eye(len(class_names))[index.ravel()], CLASSIFICATION, class_names


def _is_one_hot(numeric: dict[int, Array | None]) -> bool:
    if any(v is None for v in numeric.values()):
        return False
    Y = np.column_stack(list(numeric.values()))
    return bool(np.all((Y == 0) | (Y == 1)) and np.all(Y.sum(axis=1) == 1))


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
