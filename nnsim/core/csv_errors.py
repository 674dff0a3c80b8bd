"""The error for a data file that cannot be used, and how its messages show text from the file.

Names of files, columns and classes come from the student's file, so they may hold control
characters or be thousands of characters long; every message passes them through
:func:`printable` (or :func:`elided` for file names) so a message box can show it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from nnsim.core.coded_error import QT_TRANSLATE_NOOP, CodedError

# Characters a message box cannot show: control characters and lone surrogates (from file
# names with bytes that are not valid in the system's encoding).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


# code -> (English template, names of %1, %2, …). The window translates the template (context
# "DatasetError") and fills in the same parameters; numbers and file sizes in its own format.
TEMPLATES: dict[str, tuple[str, ...]] = {
    # the file itself
    "nul_in_name": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the file name contains a NUL character, which no file name can hold. Choose "
        "the file again."),),
    "is_folder": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "this is a folder, not a file (%1). Choose a .csv file."), "path"),
    "not_regular": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "this is not a regular file (it is %1). Choose a .csv file saved on a disk."), "kind"),
    "too_big": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the file is %1; nnsim reads files up to %2, with at most %3 rows. Use a part "
        "of the data."), "size_bytes", "limit_bytes", "max_rows"),
    "too_big_unknown": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the file is larger than %1; nnsim reads files up to %1, with at most %2 rows. "
        "Use a part of the data."), "limit_bytes", "max_rows"),
    "not_found": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the file does not exist (%1). Check the folder and the spelling of the name."), "path"),
    "not_a_folder": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "a part of the path is a file, not a folder (%1). Check the folder."), "path"),
    "name_too_long": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the file name is too long (%1 bytes; at most 255 are allowed). Rename the "
        "file."), "length"),
    "path_too_long": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the path is too long (%1 bytes). Move the file to a folder with a shorter "
        "path."), "length"),
    "link_loop": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the path contains symbolic links that lead in a circle (%1)."), "path"),
    "unreadable": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the file cannot be read (%1). Check that it is not open in another program and"
        " that you may read it."), "reason"),
    "out_of_memory": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "there is not enough free memory to load this file. Close other programs, or "
        "use a smaller file."),),
    # the text
    "binary": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "this is not a text file (it contains binary data); perhaps it is an Excel "
        "workbook. Open it in a spreadsheet program and save it as “CSV UTF-8 (comma "
        "delimited)”."),),
    "bad_unicode": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the file claims to be %1 text but has invalid bytes at byte %2. Open it in a "
        "spreadsheet program and save it as “CSV UTF-8 (comma delimited)”."), "encoding", "offset"),
    "mixed_encodings": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the file mixes text encodings: this line is not valid UTF-8, but other lines "
        "are. Open it in a spreadsheet program and save it as “CSV UTF-8 (comma "
        "delimited)”."),),
    "value_too_long": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "a value starting on this line is longer than %1 characters, far too long for a"
        " number or a name. Perhaps a double quote (\") is not closed, so that the rest "
        "of the file is read as one value."), "limit"),
    "bad_csv": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the file cannot be read as CSV (%1). Check the quotes on this line."), "reason"),
    # the table
    "empty_file": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the file is empty. It needs a header line with column names and one line of "
        "numbers per sample."),),
    "no_data": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the file has a header line but no data. Add one line of values per sample "
        "below the header."),),
    "too_many_rows": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the file has more than %1 rows of data; nnsim reads at most %1. Use a part of "
        "the rows."), "max_rows"),
    "one_column": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the header has only one column. The file needs at least two columns, features "
        "and a target, separated by commas, semicolons or tabs."),),
    "header_is_numbers": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the first line holds numbers, but it must hold the column names. Add a header "
        "line such as “x1,x2,x3,y”."),),
    "unnamed_column": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "this column has no name in the header. Give every column a name."),),
    "duplicate_column": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "two columns are called “%1” (columns %2 and %3). Give every column its own "
        "name."), "name", "first", "second"),
    "no_target_chosen": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "no target column was chosen. Choose at least one column for the network to "
        "predict."),),
    "unknown_column": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "there is no column called “%1”. The columns are: %2."), "name", "columns"),
    "unknown_column_more": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "there is no column called “%1”. The columns are: %2 and %3 more."),
        "name", "columns", "more"),
    "no_feature": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "there is no feature column: every column is a target. Leave at least one "
        "column as input for the network."),),
    "too_many_features": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "there are %1 feature columns, but the input layer holds at most %2 units. "
        "Delete some columns."), "count", "limit"),
    "too_many_targets": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "there are %1 target columns, but the output layer holds at most %2 units."),
        "count", "limit"),
    "ragged_row": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "this line has %1 values, but the header has %2 columns. Look for a missing "
        "value or an extra %3; a value that contains a %3 must be in double quotes."),
        "values", "width", "delimiter"),
    "too_many_columns": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the header has %1 columns; nnsim reads at most %2, and the network uses at "
        "most %3 inputs and %3 outputs. Delete the columns you do not need."),
        "columns", "limit", "units"),
    # cells
    "empty_cell": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "this cell is empty. Every cell needs a value: fill it in or delete the row."),),
    "missing_value": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "“%1” is a missing value. Every cell needs a finite number: fill in a value or "
        "delete the row."), "value"),
    "infinite_value": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "“%1” is an infinite value. Every cell needs a finite number: fill in a value "
        "or delete the row."), "value"),
    "too_large": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "“%1” is too large: numbers must lie between -1.8e308 and 1.8e308. Correct the "
        "value or delete the row."), "value"),
    "text_column": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "“%1” is not a number. This column holds text; only a target may be text. "
        "Delete the column, or choose it as the target."), "value"),
    "feature_not_a_number": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "“%1” is not a number. Features must be numbers: correct the value or delete "
        "the row."), "value"),
    "target_not_a_number": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "“%1” is not a number. A regression target must be a number: correct the value "
        "or delete the row."), "value"),
    # the targets (and splitting them)
    "not_one_hot": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "with several target columns, classification needs one 0/1 column per class "
        "with exactly one 1 in each row. Or use a single target column holding the "
        "class."),),
    "one_class": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "every row has the same class “%1”. A classifier needs at least two classes."), "name"),
    "too_many_classes": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "the target has %1 different classes (%2, ...), but the output layer holds at "
        "most %3 units. If the target is a measured quantity, treat it as regression."),
        "count", "classes", "limit"),
    "too_few_rows": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "too little data to split: the data has %1 rows, but at least %2 are needed: "
        "one each for training, development and test. Add more rows."), "rows", "minimum"),
    "small_classes": (QT_TRANSLATE_NOOP(
        "DatasetError",
        "too little data to split: every class needs at least %1 rows (one each for "
        "training, development and test), but these have fewer: %2. Add rows of those "
        "classes or remove them."), "minimum", "classes"),
}

# Words that appear as parameters ("kind", "delimiter"), marked for translation in the same
# context; the window translates them along with the sentence.
WORDS = {
    "comma": QT_TRANSLATE_NOOP("DatasetError", "comma"),
    "semicolon": QT_TRANSLATE_NOOP("DatasetError", "semicolon"),
    "tab": QT_TRANSLATE_NOOP("DatasetError", "tab"),
    "named pipe": QT_TRANSLATE_NOOP("DatasetError", "a named pipe"),
    "character device": QT_TRANSLATE_NOOP("DatasetError", "a character device"),
    "block device": QT_TRANSLATE_NOOP("DatasetError", "a block device"),
    "socket": QT_TRANSLATE_NOOP("DatasetError", "a socket"),
    "special file": QT_TRANSLATE_NOOP("DatasetError", "a special file"),
}


class DatasetError(CodedError):
    """A data file that cannot be used: what is wrong (``code``, ``params``) and where.

    ``str(error)`` is the English message for logs and tests, e.g. "data.csv, line 3, column 2
    “x2”: “abc” is not a number. …"; the window words it in the user's language from the fields.

    Attributes
    ----------
    path : the file.
    code, params : what is wrong and how to fix it (see ``TEMPLATES``).
    problem : that, in English, without the file, line and column.
    line : 1-based line in the file, or None when the problem is not on one line.
    column : 1-based column number, or None.
    column_name : the column's header name, or None.
    """

    context = "DatasetError"
    templates = TEMPLATES
    word_params = frozenset({"kind", "delimiter"})

    def __init__(self, path: Path, code: str, params: Mapping[str, Any] | None = None,
                 line: int | None = None, column: int | None = None,
                 column_name: str | None = None) -> None:
        self.path = path
        self.line, self.column, self.column_name = line, column, column_name
        super().__init__(code, **dict(params or {}))

    @property
    def problem(self) -> str:
        return super().english()

    @property
    def file_name(self) -> str:
        """The file's name as messages show it (printable, long names shortened)."""
        return elided(self.path.name or str(self.path), 80)

    def english_value(self, name: str, value: Any) -> str:
        if name.endswith("_bytes"):
            return size_text(value)
        return super().english_value(name, value)

    def english(self) -> str:
        where = [self.file_name]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column {self.column} “{printable(self.column_name)}”"
                         if self.column_name else f"column {self.column}")
        return f"{', '.join(where)}: {self.problem}"

    def __reduce__(self) -> tuple:
        # Rebuild from the parts, not from the message, so the error survives pickling/copying.
        return (type(self), (self.path, self.code, self.params, self.line, self.column,
                             self.column_name))


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



def size_text(size: int) -> str:
    """A size as file managers show it: 900 bytes, 12.3 KB, 64 MB, 1.2 GB (1 KB = 1024 bytes)."""
    number, unit = size_parts(size)
    if unit == "bytes":
        return f"{size} bytes"
    return f"{number:.1f}".removesuffix(".0") + f" {unit}"


def size_parts(size: int) -> tuple[float, str]:
    """``size`` in bytes as (number, unit): unit is "bytes", "KB", "MB", "GB" or "TB"."""
    if size < 1024:
        return float(size), "bytes"
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if round(value, 1) < 1024 or unit == "TB":
            break
    return value, unit
