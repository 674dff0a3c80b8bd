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
"""

from __future__ import annotations

import csv
import errno
import math
import os
import re
import stat
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np
from numpy.typing import NDArray

from nnsim.core.datasets import CLASSIFICATION, REGRESSION, TASKS, Dataset
from nnsim.core.network import MAX_UNITS
from nnsim.core.splits import check_splittable

# A layer of the network editor holds 1-9 units (MAX_UNITS), so a file can have at most 9
# features (input units) and 9 classes or targets (output units).
MAX_COLUMNS = MAX_UNITS
# A whole-number target with at most this many distinct values is read as class labels.
MAX_CLASSES = MAX_COLUMNS
# More rows than a teaching network trains on interactively; the UI is tested with this many.
MAX_ROWS = 200_000
# The widest usable table has 2 * MAX_COLUMNS columns; MAX_ROWS such rows of 15-digit numbers
# (about 18 bytes per value with its delimiter) take 62 MiB, so every file that is within the
# other limits fits. Loading such a file peaks at 3.5 times its size, about 220 MB, for 2 s.
MAX_FILE_BYTES = 64 * 2**20
# A header with more columns than 2 * MAX_COLUMNS is refused anyway ("too many features"); this
# cap makes a sheet with thousands of columns fail at once, before its rows are read, and keeps
# the messages that list column names short.
MAX_HEADER_COLUMNS = 256
# A line with more values than a spreadsheet has columns (16,384 in Excel, so exports with empty
# trailing cells still pass) is not a table row. Counting its delimiters before the csv module
# splits it keeps a 64 MB line of commas from becoming a list of 67 million cells.
MAX_LINE_VALUES = 16_384
# Above this size loading takes a noticeable time (over 0.05-0.1 s): see is_large_file().
LARGE_FILE_BYTES = 2**20

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
Array = NDArray[np.float64]
# Spellings of "no value" from R, pandas, Excel and UCI files. Not "none": that can be a class.
_MISSING = {"na", "n/a", "nan", "null", "#n/a", "?"}
# Rows are converted to numbers in chunks, so only one chunk's cells exist as Python strings at
# a time (a str costs about 50 bytes more than the characters it holds).
_CHUNK_ROWS = 8192
# A target column shares one string per distinct value while it has at most this many: class
# labels repeat, and sharing saves those 50 bytes per row. More values are not classes anyway.
_SHARED_LABELS = 100
# The delimiter is guessed from the first lines; this many characters hold them in any sane file.
_SNIFF_CHARS = 2**16
# Physical lines with their ends, split as csv.reader expects: at \r\n, \r or \n only (not at
# the \x0c, \x85 or \u2028 where str.splitlines would also split).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_LINE_END = re.compile(rb"[\r\n]")
# Characters a message box cannot show: control characters and lone surrogates (from file
# names with bytes that are not valid in the system's encoding).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")
# Opening a named pipe for reading blocks until a writer appears; O_NONBLOCK returns at once.
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # not on Windows, which has no named pipes in folders
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | _O_NONBLOCK
_FILE_KINDS = [(stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]
_SAVE_HINT = "Open it in a spreadsheet program and save it as “CSV UTF-8 (comma delimited)”."
_BINARY = ("this is not a text file (it contains binary data); perhaps it is an Excel workbook. "
           + _SAVE_HINT)


class DatasetError(ValueError):
    """A data file that cannot be used; ``str(error)`` is a message for the student.

    Attributes
    ----------
    path : the file.
    problem : what is wrong and how to fix it, without the file, line and column.
    line : 1-based line in the file, or None when the problem is not on one line.
    column : 1-based column number, or None.
    column_name : the column's header name, or None.
    """

    def __init__(self, path: Path, problem: str, line: int | None = None,
                 column: int | None = None, column_name: str | None = None) -> None:
        where = [_elide(path.name or str(path), 80)]
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column} “{_shown(column_name)}”" if column_name
                         else f"column {column}")
        super().__init__(f"{', '.join(where)}: {problem}")
        self.path, self.problem = path, problem
        self.line, self.column, self.column_name = line, column, column_name

    def __reduce__(self) -> tuple:
        # Rebuild from the parts, not from the message, so the error survives pickling/copying.
        return (type(self), (self.path, self.problem, self.line, self.column, self.column_name))


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
        table = _read_table(path, _decode(path, _read_bytes(path)), targets)
        Y, task, target_names = _targets(path, table, task)
        feature_names = [table.header[j] for j in table.features]
        dataset = Dataset(table.X, Y, task, feature_names=feature_names,
                          target_names=target_names, name=path.stem)
    except MemoryError:
        raise DatasetError(path, "there is not enough free memory to load this file. Close "
                                 "other programs, or use a smaller file.") from None
    try:
        check_splittable(dataset)
    except ValueError as error:
        # Shortened: the message lists class names, and those may be long.
        raise DatasetError(path, f"too little data to split: {_shown(str(error), 600)}") from None
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


# --- reading the bytes ----------------------------------------------------------------------------

def _read_bytes(path: Path) -> bytes:
    """The file's content, after checking that it is a regular file of at most MAX_FILE_BYTES."""
    try:
        info = os.stat(path)  # follows symbolic links: a link to a regular file is fine
    except ValueError:  # only an embedded NUL makes os.stat raise ValueError
        raise DatasetError(path, "the file name contains a NUL character, which no file name "
                                 "can hold. Choose the file again.") from None
    except OSError as error:
        raise _os_problem(path, error) from None
    _check_regular(path, info)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _os_problem(path, error) from None
    try:
        # The path may have been replaced since os.stat: check what was actually opened.
        info = os.fstat(fd)
        _check_regular(path, info)
        if _O_NONBLOCK:
            os.set_blocking(fd, True)
        return _read_at_most(path, fd, info.st_size)
    except OSError as error:
        raise _os_problem(path, error) from None
    finally:
        os.close(fd)


def _check_regular(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise DatasetError(path, f"this is a folder, not a file ({_absolute(path)}). Choose a "
                                 ".csv file.")
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _FILE_KINDS if test(info.st_mode)), "a special file")
        raise DatasetError(path, f"this is not a regular file (it is {kind}). Choose a .csv "
                                 "file saved on a disk.")
    if info.st_size > MAX_FILE_BYTES:
        raise _too_big(path, info.st_size)


def _read_at_most(path: Path, fd: int, size: int) -> bytes:
    """The content of an open file whose size was ``size``, reading at most MAX_FILE_BYTES + 1.

    The extra byte tells a file that grew while being read, or lied about its size (files in
    /proc claim 0 bytes), from one that fits.
    """
    limit = MAX_FILE_BYTES + 1
    chunks: list[bytes] = []
    total = 0
    want = min(size, MAX_FILE_BYTES) + 1  # the whole file in one read when its size is true
    while total < limit:
        chunk = os.read(fd, min(want, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = 2**20
    if total > MAX_FILE_BYTES:
        raise _too_big(path, None)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)  # no copy in the usual case


def _too_big(path: Path, size: int | None) -> DatasetError:
    limit = _size_text(MAX_FILE_BYTES)
    actual = _size_text(size) if size is not None else f"larger than {limit}"
    return DatasetError(path, f"the file is {actual}; nnsim reads files up to {limit}, with at "
                              f"most {MAX_ROWS:,} rows. Use a part of the data.")


def _os_problem(path: Path, error: OSError) -> DatasetError:
    """The DatasetError for an OSError from examining, opening or reading ``path``."""
    if isinstance(error, FileNotFoundError):
        problem = (f"the file does not exist ({_absolute(path)}). Check the folder and the "
                   "spelling of the name.")
    elif isinstance(error, NotADirectoryError):
        problem = (f"a part of the path is a file, not a folder ({_absolute(path)}). Check "
                   "the folder.")
    elif error.errno == errno.ENAMETOOLONG:
        name_bytes = len(os.fsencode(path.name))
        if name_bytes > 255:  # the limit of every common file system
            problem = (f"the file name is too long ({name_bytes} bytes; at most 255 are "
                       "allowed). Rename the file.")
        else:
            problem = (f"the path is too long ({len(os.fsencode(path))} bytes). Move the file "
                       "to a folder with a shorter path.")
    elif error.errno == errno.ELOOP:
        problem = (f"the path contains symbolic links that lead in a circle "
                   f"({_absolute(path)}).")
    else:
        problem = (f"the file cannot be read ({error.strerror or error}). Check that it is "
                   "not open in another program and that you may read it.")
    return DatasetError(path, problem)


# --- decoding the text ----------------------------------------------------------------------------

def _decode(path: Path, data: bytes) -> str:
    text = _decode_bom(path, data)
    if text is None:
        return _decode_8bit(path, data)
    if "\x00" in text:  # UTF-16 bytes include NULs, but a NUL character is binary data
        head = text[:text.index("\x00")].encode()
        raise DatasetError(path, _BINARY, _line_at(head, len(head)))
    return text


def _decode_bom(path: Path, data: bytes) -> str | None:
    """Text that starts with a UTF-32 or UTF-16 byte-order mark, or None if there is none."""
    # UTF-32 first: its little-endian mark starts with the UTF-16 one.
    for bom, encoding in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                          (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):  # Excel's "Unicode text" is UTF-16
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise DatasetError(path, f"the file claims to be {encoding.upper()} text but has "
                                         f"invalid bytes at byte {error.start}. {_SAVE_HINT}"
                                   ) from None
    return None


def _decode_8bit(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise DatasetError(path, _BINARY, _line_at(data, data.index(b"\x00")))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        first_bad = _line_at(data, error.start)
    # Some lines are valid UTF-8 with accents and others are not: two encodings in one file,
    # e.g. pasted together. Guessing would garble one half, so say where it breaks.
    if _has_utf8_accented_line(data):
        raise DatasetError(path, "the file mixes text encodings: this line is not valid UTF-8, "
                                 f"but other lines are. {_SAVE_HINT}", first_bad)
    try:
        return data.decode("cp1252")  # what Windows programs write as "ANSI"
    except UnicodeDecodeError:
        return data.decode("latin-1")  # decodes any byte


def _line_at(data: bytes, offset: int) -> int:
    """The 1-based line of ``offset``, counting \\r\\n, \\r and \\n line ends as an editor does."""
    return (data.count(b"\n", 0, offset) + data.count(b"\r", 0, offset)
            - data.count(b"\r\n", 0, offset) + 1)


def _has_utf8_accented_line(data: bytes) -> bool:
    """Whether a line with non-ASCII bytes is valid UTF-8; looks only at such lines."""
    position = 0
    while match := _HIGH_BYTE.search(data, position):
        start = max(position, data.rfind(b"\n", position, match.start()) + 1,
                    data.rfind(b"\r", position, match.start()) + 1)
        line_end = _LINE_END.search(data, match.end())
        end = line_end.start() if line_end else len(data)
        try:
            data[start:end].decode("utf-8")
        except UnicodeDecodeError:
            position = end + 1
            continue
        return True
    return False


# --- splitting into cells -------------------------------------------------------------------------

def _sniff_delimiter(text: str) -> str:
    """The delimiter of the first non-blank line, checked against the following lines.

    csv.Sniffer guesses from all printable characters and is easily fooled by names such as
    "F1 (Hz)"; only the three delimiters students actually meet are considered here.
    """
    head = text[:_SNIFF_CHARS]
    lines = head.splitlines()[:51]
    if (len(lines) > 50 or len(head) < len(text)) and len(lines) > 1:
        lines.pop()  # possibly cut off in the middle
    lines = [line for line in lines if line.strip()][:10]
    if not lines:
        return ","
    unquoted = re.sub(r'"[^"]*"', "", lines[0])
    best, best_score = ",", (False, 0)
    for delimiter in DELIMITERS:
        count = unquoted.count(delimiter)
        if count == 0:
            continue
        score = (len(_widths(lines, delimiter)) == 1, count)  # consistent widths, more columns
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _widths(lines: list[str], delimiter: str) -> set[int]:
    try:
        return {len(row) for row in csv.reader(lines, delimiter=delimiter)}
    except csv.Error:  # e.g. a field over csv.field_size_limit(): not this delimiter's fault
        return {-1, -2}


def _records(path: Path, text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """The non-blank records of ``text``, each with the line on which it starts.

    A quoted value may span lines, so a record's line is not its index. Blank records (often a
    last line break, or Excel's ";;;" rows) carry nothing and are skipped.
    """
    reader = csv.reader(_lines(text, delimiter), delimiter=delimiter,
                        skipinitialspace=True, strict=False)
    previous = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _csv_problem(path, error, previous + 1) from None
        if "".join(row).strip():
            yield previous + 1, row
        previous = reader.line_num


class _LongLine(Exception):
    """A line with more than MAX_LINE_VALUES values; the reader of the rows words the message."""

    def __init__(self, line: int, values: int) -> None:
        super().__init__(line, values)
        self.line, self.values = line, values


def _lines(text: str, delimiter: str) -> Iterator[str]:
    """The lines of ``text`` for csv.reader, one at a time (io.StringIO would take 4x the text).

    Raises _LongLine for a line with more than MAX_LINE_VALUES values, before it is split.
    """
    for number, match in enumerate(_LINE.finditer(text), start=1):
        line = match.group()
        if len(line) >= MAX_LINE_VALUES and line.count(delimiter) >= MAX_LINE_VALUES:
            raise _LongLine(number, line.count(delimiter) + 1)  # quotes aside: it is huge anyway
        yield line


def _csv_problem(path: Path, error: csv.Error, line: int) -> DatasetError:
    if "field larger than field limit" in str(error):
        return DatasetError(path, f"a value starting on this line is longer than "
                                  f"{csv.field_size_limit():,} characters, far too long for a "
                                  "number or a name. Perhaps a double quote (\") is not closed, "
                                  "so that the rest of the file is read as one value.", line)
    return DatasetError(path, f"the file cannot be read as CSV ({error}). Check the quotes on "
                              "this line.", line)


# --- the table ------------------------------------------------------------------------------------

@dataclass
class _Table:
    """The checked header and columns of a file: features as numbers, targets as text."""

    path: Path
    header: list[str]
    features: list[int]  # column indices
    targets: list[int]
    X: Array
    texts: dict[int, list[str]]  # target column -> its cells
    lines: array  # array('i'): the line of each data row, for messages
    decimal_comma: bool

    def fail(self, problem: str, row: int, col: int) -> DatasetError:
        return DatasetError(self.path, problem, self.lines[row], col + 1, self.header[col])


class _NumberColumn:
    """A feature column, converted chunk by chunk; remembers its first unusable cell."""

    __slots__ = ("parts", "problem")

    def __init__(self) -> None:
        self.parts: list[Array] = []
        self.problem: tuple[int, str] | None = None  # (data row, cell)

    def add(self, cells: Sequence[str], first_row: int, decimal_comma: bool) -> None:
        if self.problem is not None:
            return  # the column is refused anyway; later cells do not matter
        values = _try_numbers(cells, decimal_comma)
        if values is not None and np.all(np.isfinite(values)):
            self.parts.append(values)
            return
        i = _first_bad_cell(cells, decimal_comma)
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


def _read_table(path: Path, text: str, targets: Sequence[str] | str | None) -> _Table:
    """Parse and check ``text``: header, column roles, row widths and feature numbers."""
    delimiter = _sniff_delimiter(text)
    records = _records(path, text, delimiter)
    try:
        first = next(records, None)
    except _LongLine as error:
        raise _too_many_columns(path, error.values, error.line) from None
    if first is None:
        raise DatasetError(path, "the file is empty. It needs a header line with column names "
                                 "and one line of numbers per sample.")
    header = _check_header(path, first[1], first[0])
    target_cols = _target_columns(path, header, targets)
    feature_cols = [j for j in range(len(header)) if j not in target_cols]
    _check_roles(path, feature_cols, target_cols)
    # German/French spreadsheets write 1,5 for 1.5 in semicolon- or tab-separated files.
    columns = _Columns(feature_cols, target_cols, decimal_comma=delimiter != ",")
    _read_rows(path, records, len(header), delimiter, columns)
    lines = columns.lines
    if not lines:
        raise DatasetError(path, "the file has a header line but no data. Add one line of values "
                                 "per sample below the header.")
    for j in feature_cols:  # the first column with a problem, as a student reads left to right
        problem = columns.numbers[j].problem
        if problem is not None:
            row, cell = problem
            message = _bad_cell_message(cell, "feature", row == 0, columns.decimal_comma)
            raise DatasetError(path, message, lines[row], j + 1, header[j])
    X = _stack([columns.numbers[j] for j in feature_cols], len(lines))
    texts = {j: column.cells for j, column in columns.texts.items()}
    return _Table(path, header, feature_cols, target_cols, X, texts, lines,
                  columns.decimal_comma)


def _read_rows(path: Path, records: Iterator[tuple[int, list[str]]], width: int,
               delimiter: str, columns: _Columns) -> None:
    """Add every data record to ``columns``; refuse ragged rows and more than MAX_ROWS."""
    try:
        for line, row in records:
            if len(columns.lines) == MAX_ROWS:
                raise DatasetError(path, f"the file has more than {MAX_ROWS:,} rows of data; "
                                         f"nnsim reads at most {MAX_ROWS:,}. Use a part of the "
                                         "rows.", line)
            if len(row) != width:
                row = _fit_width(path, row, width, delimiter, line)
            columns.add(row, line)
    except _LongLine as error:
        raise _ragged(path, error.values, width, delimiter, error.line) from None
    columns.flush()


def _check_header(path: Path, header: list[str], line: int) -> list[str]:
    names = [name.strip() for name in header]
    while names and not names[-1]:
        names.pop()  # a trailing delimiter after the last name
    if len(names) > MAX_HEADER_COLUMNS:
        raise _too_many_columns(path, len(names), line)
    if len(names) < 2:
        raise DatasetError(path, "the header has only one column. The file needs at least two "
                                 "columns, features and a target, separated by commas, "
                                 "semicolons or tabs.", line)
    if all(_is_number(name) for name in names):
        raise DatasetError(path, "the first line holds numbers, but it must hold the column "
                                 "names. Add a header line such as “x1,x2,x3,y”.", line)
    seen: dict[str, int] = {}
    for j, name in enumerate(names):
        if not name:
            raise DatasetError(path, "this column has no name in the header. Give every column "
                                     "a name.", line, j + 1)
        first = seen.setdefault(name, j)
        if first != j:
            raise DatasetError(path, f"two columns are called “{_shown(name)}” (columns "
                                     f"{first + 1} and {j + 1}). Give every column its own "
                                     "name.", line, j + 1)
    return names


def _target_columns(path: Path, header: list[str],
                    targets: Sequence[str] | str | None) -> list[int]:
    if targets is None:
        return [len(header) - 1]
    names = [targets] if isinstance(targets, str) else list(targets)
    if not names:
        raise DatasetError(path, "no target column was chosen. Choose at least one column for "
                                 "the network to predict.")
    position = {name: j for j, name in enumerate(header)}
    columns = []
    for name in names:
        if name.strip() not in position:
            listed = ", ".join(f"“{_shown(h)}”" for h in header[:20])
            more = f" and {len(header) - 20} more" if len(header) > 20 else ""
            raise DatasetError(path, f"there is no column called “{_shown(name)}”. The columns "
                                     f"are: {listed}{more}.")
        columns.append(position[name.strip()])
    return sorted(set(columns))


def _check_roles(path: Path, feature_cols: list[int], target_cols: list[int]) -> None:
    if not feature_cols:
        raise DatasetError(path, "there is no feature column: every column is a target. Leave at "
                                 "least one column as input for the network.")
    if len(feature_cols) > MAX_COLUMNS:
        raise DatasetError(path, f"there are {len(feature_cols)} feature columns, but the input "
                                 f"layer holds at most {MAX_COLUMNS} units. Delete some columns.")
    if len(target_cols) > MAX_COLUMNS:
        raise DatasetError(path, f"there are {len(target_cols)} target columns, but the output "
                                 f"layer holds at most {MAX_COLUMNS} units.")


def _fit_width(path: Path, row: list[str], width: int, delimiter: str, line: int) -> list[str]:
    if len(row) > width and not "".join(row[width:]).strip():
        return row[:width]  # trailing delimiters, as spreadsheets often write
    raise _ragged(path, len(row), width, delimiter, line)


def _ragged(path: Path, values: int, width: int, delimiter: str, line: int) -> DatasetError:
    name = DELIMITERS[delimiter]
    return DatasetError(path, f"this line has {values:,} values, but the header has {width} "
                              f"columns. Look for a missing value or an extra {name}; a value "
                              f"that contains a {name} must be in double quotes.", line)


def _too_many_columns(path: Path, columns: int, line: int) -> DatasetError:
    return DatasetError(path, f"the header has {columns:,} columns; nnsim reads at most "
                              f"{MAX_HEADER_COLUMNS}, and the network uses at most {MAX_COLUMNS} "
                              f"inputs and {MAX_COLUMNS} outputs. Delete the columns you do not "
                              "need.", line)


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


# --- cells ----------------------------------------------------------------------------------------

def _is_number(text: str) -> bool:
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


def _try_numbers(cells: Sequence[str], decimal_comma: bool) -> Array | None:
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


def _cell_problem(cell: str) -> str | None:
    """Why ``cell`` is a missing or infinite value, or None if it is not spelled as one."""
    value = cell.strip()
    if not value:
        return "this cell is empty. Every cell needs a value: fill it in or delete the row."
    if value.lower() in _MISSING or value.lower().lstrip("+-") in ("nan", "inf", "infinity"):
        kind = "an infinite value" if "inf" in value.lower() else "a missing value"
        return (f"“{_shown(value)}” is {kind}. Every cell needs a finite number: fill in a value "
                "or delete the row.")
    return None


def _first_bad_cell(cells: Sequence[str], decimal_comma: bool) -> int:
    """The index of the first cell that is not a finite number; there must be one."""
    for i, cell in enumerate(cells):
        value = _to_float(cell, decimal_comma)
        if value is None or not math.isfinite(value):
            return i
    raise AssertionError("unreachable: the cells failed to convert")  # pragma: no cover


def _bad_cell_message(cell: str, role: str, first_row: bool, decimal_comma: bool) -> str:
    """Why ``cell`` of a feature or regression target column is not a usable number."""
    problem = _cell_problem(cell)
    if problem:
        return problem
    if _to_float(cell, decimal_comma) is not None:  # e.g. 1e400
        return (f"“{_shown(cell.strip())}” is too large: numbers must lie between -1.8e308 and "
                "1.8e308. Correct the value or delete the row.")
    if role == "feature" and first_row:
        hint = ("This column holds text; only a target may be text. Delete the column, or "
                "choose it as the target.")
    elif role == "feature":
        hint = "Features must be numbers: correct the value or delete the row."
    else:
        hint = "A regression target must be a number: correct the value or delete the row."
    return f"“{_shown(cell.strip())}” is not a number. {hint}"


def _first_missing(cells: list[str]) -> int | None:
    """The index of the first empty, missing or infinite cell, or None."""
    if not any(_cell_problem(cell) for cell in set(cells)):  # few distinct values in a target
        return None
    return next(i for i, cell in enumerate(cells) if _cell_problem(cell))


# --- targets --------------------------------------------------------------------------------------

def _targets(path: Path, table: _Table, task: str | None) -> tuple[Array, str, list[str]]:
    """One-hot or numeric targets, the task, and the target (class) names."""
    cols, texts, header = table.targets, table.texts, table.header
    numeric = {j: _try_numbers(texts[j], table.decimal_comma) for j in cols}
    for j in cols:  # a missing target is an error whatever the task
        values = numeric[j]
        if values is not None and np.all(np.isfinite(values)):
            continue  # no cell is empty, missing or infinite
        missing = _first_missing(texts[j])
        if missing is not None:
            raise table.fail(_cell_problem(texts[j][missing]) or "", missing, j)
    names = [header[j] for j in cols]
    if len(cols) > 1:
        if task == CLASSIFICATION or (task is None and _is_one_hot(numeric)):
            if not _is_one_hot(numeric):
                raise DatasetError(path, "with several target columns, classification needs one "
                                         "0/1 column per class with exactly one 1 in each row. "
                                         "Or use a single target column holding the class.")
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
        raise DatasetError(path, f"every row has the same class “{_shown(class_names[0])}”. A "
                                 "classifier needs at least two classes.", None, j + 1, header[j])
    if len(class_names) > MAX_CLASSES:
        shown = ", ".join(_shown(name) for name in class_names[:5])
        raise DatasetError(path, f"the target has {len(class_names)} different classes ({shown}, "
                                 f"...), but the output layer holds at most {MAX_CLASSES} units. "
                                 "If the target is a measured quantity, treat it as regression.",
                           None, j + 1, header[j])
    return np.eye(len(class_names))[index.ravel()], CLASSIFICATION, class_names


def _finite_numbers(table: _Table, j: int, values: Array | None) -> Array:
    """A regression target column's numbers, or the DatasetError for its first bad cell."""
    if values is not None and np.all(np.isfinite(values)):
        return values
    cells = table.texts[j]
    i = _first_bad_cell(cells, table.decimal_comma)
    raise table.fail(_bad_cell_message(cells[i], "target", i == 0, table.decimal_comma), i, j)


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


# --- text for messages ----------------------------------------------------------------------------

def _shown(text: str | None, limit: int = 40) -> str:
    """``text`` for a message: control characters made visible, at most ``limit`` characters."""
    text = _UNPRINTABLE.sub("\ufffd", text or "")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _elide(text: str, limit: int) -> str:
    """Like _shown, but keeps the end too: a long file name differs from others at its end."""
    text = _UNPRINTABLE.sub("\ufffd", text)
    if len(text) <= limit:
        return text
    tail = limit // 3
    return text[:limit - tail - 1] + "…" + text[-tail:]


def _absolute(path: Path) -> str:
    try:
        return _elide(str(path.absolute()), 200)
    except OSError:  # the current folder was deleted
        return _elide(str(path), 200)


def _size_text(size: int) -> str:
    """A size as file managers show it: 900 bytes, 12.3 KB, 64 MB, 1.2 GB (1 KB = 1024 bytes)."""
    if size < 1024:
        return f"{size} bytes"
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if round(value, 1) < 1024 or unit == "TB":
            break
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


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
