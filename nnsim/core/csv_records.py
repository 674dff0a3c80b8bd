"""Split a data file's text into records of cells: find the delimiter, then read the CSV syntax.

Files from Excel, LibreOffice, R, pandas or a text editor use a comma, semicolon or tab between
values, CRLF, CR or LF line ends, and double quotes around values that contain a delimiter or
a line break. A line with absurdly many values is refused before it is split into cells.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Iterator

from nnsim.core.csv_errors import DatasetError
from nnsim.core.csv_limits import MAX_LINE_VALUES

# The delimiters students meet, with the names messages give them.
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
# The delimiter is guessed from the first lines; this many characters hold them in any sane file.
_SNIFF_CHARS = 2**16
# Physical lines with their ends, split as csv.reader expects: at \r\n, \r or \n only (not at
# the \x0c, \x85 or \u2028 where str.splitlines would also split).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def sniff_delimiter(text: str) -> str:
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


def read_records(path: Path, text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """The non-blank records of ``text``, each with the line on which it starts.

    A quoted value may span lines, so a record's line is not its index. Blank records (often a
    last line break, or Excel's ";;;" rows) carry nothing and are skipped. Raises
    :class:`LongLine` (while iterating) at a line with more than MAX_LINE_VALUES values.
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


class LongLine(Exception):
    """A line with more than MAX_LINE_VALUES values; the caller words the message (a header
    with too many columns, or a data row wider than the header)."""

    def __init__(self, line: int, values: int) -> None:
        super().__init__(line, values)
        self.line, self.values = line, values


def _lines(text: str, delimiter: str) -> Iterator[str]:
    """The lines of ``text`` for csv.reader, one at a time (io.StringIO would take 4x the text).

    Raises LongLine for a line with more than MAX_LINE_VALUES values, before it is split.
    """
    for number, match in enumerate(_LINE.finditer(text), start=1):
        line = match.group()
        if len(line) >= MAX_LINE_VALUES and line.count(delimiter) >= MAX_LINE_VALUES:
            raise LongLine(number, line.count(delimiter) + 1)  # quotes aside: it is huge anyway
        yield line


def _csv_problem(path: Path, error: csv.Error, line: int) -> DatasetError:
    if "field larger than field limit" in str(error):
        return DatasetError(path, "value_too_long", {"limit": csv.field_size_limit()}, line)
    return DatasetError(path, "bad_csv", {"reason": str(error)}, line)
