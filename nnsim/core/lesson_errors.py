"""The one error a lesson file raises, as a code the window can translate.

:class:`LessonFileError` names the file and says what is wrong twice: as ``code`` + ``params``
(for the window, which turns them into a translated sentence; the core builds none for the
screen) and as a plain English ``str()`` for logs and tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# code -> English template for logs ({path} and the params are filled in).
MESSAGES: dict[str, str] = {
    "unreadable": "cannot read {path}: {reason}",
    "unwritable": "cannot write {path}: {reason}",
    "too_large": "{path} is {size} bytes; a lesson file may hold at most {limit} bytes",
    "not_json": "{path} is not a lesson file: it is truncated or corrupt "
                "(line {line}, column {column}: {reason})",
    "not_a_lesson": "{path} is not an nnsim lesson file (no format_version)",
    "newer_version": "{path} was written by a newer nnsim (format {version}); this nnsim reads "
                     "format {supported} and older",
    "bad_version": "{path} has an invalid format_version {version}",
    "missing": "{path}: {field} is missing",
    "wrong_type": "{path}: {field} should be {expected}",
    "unknown_field": "{path}: unknown entry {field}",
    "too_many_rows": "{path}: the data has {rows} rows; at most {limit} are allowed",
    "too_many_values": "{path}: {field} holds {count} values; at most {limit} are allowed",
    "nonfinite": "{path}: {field} holds a value that is not a finite number",
    "bad_value": "{path}: {field} is invalid: {reason}",
    "inconsistent": "{path}: {field} does not fit the rest of the file: {reason}",
}


class LessonFileError(ValueError):
    """A lesson file that cannot be read or written; nothing was changed.

    Attributes
    ----------
    path : the file.
    code : what is wrong (a key of :data:`MESSAGES`), for the window to put into words.
    params : the numbers and names that go with the code (``field``, ``limit``, ``reason``, …).
    """

    def __init__(self, path: str | Path, code: str, **params: Any) -> None:
        self.path = str(path)
        self.code = code
        self.params = dict(params)
        template = MESSAGES.get(code, "{path}: " + code)
        try:
            text = template.format(path=self.path, **params)
        except (KeyError, IndexError):  # a missing parameter must not hide the error itself
            text = f"{self.path}: {code} {params}"
        super().__init__(text)

    def __reduce__(self):  # picklable despite the keyword-only params (signals, processes)
        return (_rebuild, (self.path, self.code, self.params))


def _rebuild(path: str, code: str, params: dict[str, Any]) -> LessonFileError:
    return LessonFileError(path, code, **params)
