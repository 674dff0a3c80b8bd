"""How numbers are written on screen: one rounding, one decimal separator, everywhere.

Every number the window shows as text goes through these functions, so the editor, the step
explainer, the plots' labels and the status bar round alike, and a German interface writes a
decimal comma everywhere at once (``set_decimal_point``). Parsing accepts both separators.
"""

from __future__ import annotations

import math

MINUS = "\u2212"  # typographic minus: "−0.38" reads better than "-0.38" in large type

_decimal_point = "."


def set_decimal_point(separator: str) -> None:
    """Use ``separator`` ("." or ",") in every number shown from now on."""
    global _decimal_point
    if separator not in (".", ","):
        raise ValueError(f"decimal separator must be '.' or ',', not {separator!r}")
    _decimal_point = separator


def decimal_point() -> str:
    return _decimal_point


def _localised(text: str) -> str:
    if text.startswith("-") and _is_zero(text):
        text = text[1:]  # "−0.00" would puzzle a student: it reads as zero anyway
    return text.replace(".", _decimal_point).replace("-", MINUS)


def _is_zero(text: str) -> bool:
    try:
        return float(text.split("e")[0]) == 0
    except ValueError:
        return False


def _non_finite(value: float) -> str:
    return "nan" if math.isnan(value) else ("\u221e" if value > 0 else MINUS + "\u221e")


def fixed(value: float, places: int = 2) -> str:
    """``value`` with ``places`` decimals (e.g. weights in a formula: 0.40, −0.65)."""
    if not math.isfinite(value):
        return _non_finite(value)
    return _localised(f"{value:.{places}f}")


def significant(value: float, digits: int = 4) -> str:
    """``value`` to ``digits`` significant digits (losses: 0.2313, 1.2e-05)."""
    if not math.isfinite(value):
        return _non_finite(value)
    return _localised(f"{value:.{digits}g}")


def joined(texts) -> str:
    """Numbers written as a list: "0.05, 0.5, 5" — or "0,05; 0,5; 5" under a decimal comma,
    where a comma between them would read as part of a number."""
    return ("; " if _decimal_point == "," else ", ").join(texts)


def whole(value: int) -> str:
    """A count, large ones grouped by thousands as the language does (12,000 / 12.000)."""
    text = f"{int(value):,}"
    if _decimal_point == ",":
        text = text.replace(",", ".")
    return text.replace("-", MINUS)


def percent(fraction: float, places: int = 1) -> str:
    """A fraction as a percentage number without the sign (0.873 -> "87.3")."""
    return fixed(100 * fraction, places)


def parse(text: str) -> float | None:
    """The finite number in ``text`` (``.`` or ``,`` as decimal separator, − or -), or None."""
    text = text.strip().replace(",", ".").replace(MINUS, "-")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
