"""A lesson file's error (``LessonFileError``: path, code, params) in the user's language.

The templates mirror ``nnsim.core.lesson_errors.MESSAGES`` (English, for logs) with Qt's
placeholders, under the translation context ``LessonFileError``. Free-text reasons from the
operating system or the JSON parser are shown as they come.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from nnsim.core.coded_error import fill

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


_C = "LessonFileError"  # the translation context
# code -> (template, names of %2, %3, …); %1 is always the file's name.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "unreadable": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "Cannot read %1: %2"), "reason"),
    "unwritable": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "Cannot write %1: %2"), "reason"),
    "too_large": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "%1 is %2; a lesson file may hold at most %3."), "size", "limit"),
    "not_json": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "%1 is not a lesson file: it is truncated or corrupt (line %2, column %3)."),
        "line", "column"),  # the JSON parser's own reason is English jargon: the log has it
    "not_a_lesson": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "%1 is not an nnsim lesson file (it has no format_version)."),),
    "newer_version": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "%1 was written by a newer nnsim (format %2); this nnsim reads format %3 and "
        "older. Update nnsim to open it."), "version", "supported"),
    "bad_version": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "%1 has an invalid format_version %2."), "version"),
    "missing": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "%1: the entry %2 is missing."), "field"),
    "wrong_type": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "%1: the entry %2 should be %3."), "field", "expected"),
    "unknown_field": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "%1: unknown entry %2."), "field"),
    "too_many_rows": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "%1: the data has %2 rows; at most %3 are allowed."), "rows", "limit"),
    "too_many_values": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "%1: the entry %2 holds %3 values; at most %4 are allowed."), "field", "count", "limit"),
    "nonfinite": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "%1: the entry %2 holds a value that is not a finite number."), "field"),
    "bad_value": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "%1: the entry %2 is invalid: %3."), "field", "reason"),
    "inconsistent": (QT_TRANSLATE_NOOP(
        "LessonFileError",
        "%1: the entry %2 does not fit the rest of the file: %3."), "field", "reason"),
}

# What the core says an entry should be ("expected"), marked for translation.
EXPECTED = {
    "a whole number": QT_TRANSLATE_NOOP("LessonFileError", "a whole number"),
    "true or false": QT_TRANSLATE_NOOP("LessonFileError", "true or false"),
    "text": QT_TRANSLATE_NOOP("LessonFileError", "text"),
    "a list of numbers": QT_TRANSLATE_NOOP("LessonFileError", "a list of numbers"),
    "a list of names": QT_TRANSLATE_NOOP("LessonFileError", "a list of names"),
    "a number": QT_TRANSLATE_NOOP("LessonFileError", "a number"),
    "a list of rows": QT_TRANSLATE_NOOP("LessonFileError", "a list of rows"),
}


# The core's reasons (English, for logs): the fixed ones and the patterns of the others, marked
# for translation; a reason not listed (from the operating system or the JSON parser) is shown
# as it comes.
REASONS = {
    "not a regular file": QT_TRANSLATE_NOOP("LessonFileError", "not a regular file"),
    "not UTF-8 text": QT_TRANSLATE_NOOP("LessonFileError", "not UTF-8 text"),
    "built-in data is saved as its recipe": QT_TRANSLATE_NOOP(
        "LessonFileError", "built-in data is saved as its recipe"),
    "nnsim would choose differently for these data": QT_TRANSLATE_NOOP(
        "LessonFileError", "nnsim would choose differently for these data"),
    "an accuracy lies between 0 and 1": QT_TRANSLATE_NOOP(
        "LessonFileError", "an accuracy lies between 0 and 1"),
    "other parameter names": QT_TRANSLATE_NOOP("LessonFileError", "other parameter names"),
    "epochs must rise": QT_TRANSLATE_NOOP("LessonFileError", "epochs must rise"),
}
REASON_PATTERNS = (
    (re.compile(r"^(.+) is out of range$"), QT_TRANSLATE_NOOP("LessonFileError",
                                                             "%1 is out of range")),
    (re.compile(r"^longer than (\d+) characters$"), QT_TRANSLATE_NOOP(
        "LessonFileError", "longer than %1 characters")),
    (re.compile(r"^(\d+) values, (\d+) expected$"), QT_TRANSLATE_NOOP(
        "LessonFileError", "%1 values, %2 expected")),
    (re.compile(r"^each row needs 1 to (\d+) numbers$"), QT_TRANSLATE_NOOP(
        "LessonFileError", "each row needs 1 to %1 numbers")),
    (re.compile(r"^expected (.+)$"), QT_TRANSLATE_NOOP("LessonFileError", "expected %1")),
    (re.compile(r"^the settings and data make a (.+) network$"), QT_TRANSLATE_NOOP(
        "LessonFileError", "the settings and data make a %1 network")),
    (re.compile(r"^unknown dataset (.+)$"), QT_TRANSLATE_NOOP("LessonFileError",
                                                             "unknown dataset %1")),
    (re.compile(r"^(.+) is not a control name$"), QT_TRANSLATE_NOOP(
        "LessonFileError", "%1 is not a control name")),
)


def reason_text(reason: str) -> str:
    """A reason from the core in the user's language, where it is one the core words itself."""
    if reason in REASONS:
        return translate("LessonFileError", REASONS[reason])
    for pattern, template in REASON_PATTERNS:
        match = pattern.match(reason)
        if match:
            return fill(translate("LessonFileError", template), list(match.groups()))
    return reason


def lesson_error_text(error: Any) -> str:
    """The sentence for a ``LessonFileError`` (anything with ``path``, ``code``, ``params``)."""
    from nnsim.ui.messages import file_size, whole  # messages imports this module

    entry = TEMPLATES.get(error.code)
    if entry is None:
        return str(error)
    template, *names = entry
    values: list[Any] = [Path(str(error.path)).name]
    for name in names:
        value = error.params.get(name, "")
        if name in ("size", "limit") and error.code == "too_large":
            value = file_size(int(value))
        elif name == "expected":
            value = translate(_C, EXPECTED[value]) if value in EXPECTED else value
        elif name in ("line", "column"):
            value = str(value)  # a position, not a quantity: no thousands separator
        elif name == "reason":
            value = reason_text(str(value))
        elif isinstance(value, int) and not isinstance(value, bool):
            value = whole(value)
        values.append(value)
    return fill(translate(_C, template), values)
