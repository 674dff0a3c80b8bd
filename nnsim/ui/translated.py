"""``translate(context, text)``: Qt's translation that never comes back empty.

Call it as ``translate("Context", "text")`` with literal arguments, so pyside6-lupdate files the
string under that context. A translator that answers an empty text for a string it does not
have would otherwise blank a label or a menu entry; then the English text is shown instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def translate(context: str, text: str) -> str:
    """``text`` in the user's language under ``context``, else ``text`` itself."""
    return QCoreApplication.translate(context, text) or text
