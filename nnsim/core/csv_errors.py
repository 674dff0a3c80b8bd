"""The error for a data file that cannot be used, and how its messages show text from the file.

Names of files, columns and classes come from the student's file, so they may hold control
characters or be thousands of characters long; every message passes them through
:func:`printable` (or :func:`elided` for file names) so a message box can show it.
"""

from __future__ import annotations

import re
from pathlib import Path

# Characters a message box cannot show: control characters and lone surrogates (from file
# names with bytes that are not valid in the system's encoding).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


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
        where = [elided(path.name or str(path), 80)]
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column} “{printable(column_name)}”" if column_name
                         else f"column {column}")
        super().__init__(f"{', '.join(where)}: {problem}")
        self.path, self.problem = path, problem
        self.line, self.column, self.column_name = line, column, column_name

    def __reduce__(self) -> tuple:
        # Rebuild from the parts, not from the message, so the error survives pickling/copying.
        return (type(self), (self.path, self.problem, self.line, self.column, self.column_name))


def printable(text: str | None, limit: int = 40) -> str:
    """``text`` for a message: control characters made visible, at most ``limit`` characters."""
    text = _UNPRINTABLE.sub("\ufffd", text or "")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def elided(text: str, limit: int) -> str:
    """Like printable, but keeps the end too: a long file name differs from others at its end."""
    text = _UNPRINTABLE.sub("\ufffd", text)
    if len(text) <= limit:
        return text
    tail = limit // 3
    return text[:limit - tail - 1] + "…" + text[-tail:]

