"""Errors as data: a code and parameters, which the window turns into a sentence in its language.

The core never builds the sentence a student reads: a sentence built here could not be
translated. Each error class keeps its English templates in one table, marked for Qt's
translation tools (``QT_TRANSLATE_NOOP(context, text)``, found by pyside6-lupdate); ``str()`` of
an error is the English sentence, for logs and tests, and ``nnsim.ui.messages`` translates the
same template and fills in the same parameters. Placeholders are Qt's: ``%1``, ``%2``, ….
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

_PLACEHOLDER = re.compile(r"%(\d+)")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation without translating it (pyside6-lupdate finds the call)."""
    return text


def fill(template: str, values: list[Any] | tuple[Any, ...]) -> str:
    """``template`` with %1…%n replaced by ``values`` in one pass (so %1 never eats the start of
    %10, and a value that itself holds "%2", such as a file name, stays as it is)."""
    def value(match: re.Match[str]) -> str:
        i = int(match.group(1))
        return str(values[i - 1]) if 1 <= i <= len(values) else match.group()

    return _PLACEHOLDER.sub(value, template)


class CodedError(ValueError):
    """A refusal a student reads: ``code`` says what is wrong, ``params`` the particulars.

    Subclasses set ``context`` (the translation context of their templates) and ``templates``:
    code -> (English template, name of %1, name of %2, …).
    """

    context: ClassVar[str] = "Errors"
    templates: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    # Parameters whose values are English words marked for translation in ``context`` (such as
    # "comma"), translated along with the template; every other value is shown as it is.
    word_params: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, code: str, **params: Any) -> None:
        if code not in self.templates:
            raise KeyError(f"{type(self).__name__} has no message {code!r}")
        self.code = code
        self.params: dict[str, Any] = params
        super().__init__(self.english())

    def english(self) -> str:
        """The message in English (what ``str()`` gives)."""
        template, *names = self.templates[self.code]
        return fill(template, [self.english_value(name, self.params[name]) for name in names])

    def english_value(self, name: str, value: Any) -> str:
        """How a parameter reads in the English message (the window formats its own)."""
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}"
        return str(value)

    def __reduce__(self) -> tuple:
        # Rebuilt from code and parameters, so the error survives pickling and copying.
        return (_rebuild, (type(self), self.code, self.params))


def _rebuild(cls: type[CodedError], code: str, params: dict[str, Any]) -> CodedError:
    return cls(code, **params)
