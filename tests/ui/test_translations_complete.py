"""Every string the code marks for translation has a finished German translation.

pyside6-lupdate extracts the strings from every module of nnsim (the same extraction as
``python -m nnsim.i18n.extract``) into a copy of ``nnsim_de.ts``; a string added to the code
without a translation shows up there as unfinished and fails this test, and so ``.ci/run``.
"""

from __future__ import annotations

import re
import shutil

import pytest

from nnsim.i18n.catalog import ts_path
from nnsim.i18n.extract import Entry, extract, lupdate_command, read_ts, sources

PLACEHOLDER = re.compile(r"%\d+")
# A context lupdate named after a variable (``window.tr(…)``, ``text.tr(…)``): at run time Qt asks
# under the object's class name, so the translation would never be found.
VARIABLE_CONTEXT = re.compile(r"^[a-z_][a-z0-9_]*$")
NAMED_CONTEXT = re.compile(r"""(?:translate|QT_TRANSLATE_NOOP)\(\s*["']([^"']*)["']""")

pytestmark = pytest.mark.skipif(lupdate_command() is None, reason="pyside6-lupdate not installed")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> list[Entry]:
    """The strings of the code now, merged with the translations of nnsim_de.ts."""
    target = tmp_path_factory.mktemp("i18n") / "nnsim_de.ts"
    shutil.copyfile(ts_path("de"), target)
    extract(target)
    return read_ts(target)


def _listed(entries: list[Entry]) -> str:
    return "\n".join(f"  [{e.context}] {e.source!r}" for e in entries[:40]) + (
        f"\n  … and {len(entries) - 40} more" if len(entries) > 40 else "")


def test_every_string_in_the_code_has_a_finished_german_translation(extracted) -> None:
    missing = [e for e in extracted if not e.finished or not e.translation.strip()]
    assert not missing, (
        f"{len(missing)} string(s) have no German translation; run `python -m nnsim.i18n.extract` "
        f"and translate them in nnsim/i18n/nnsim_de.ts:\n{_listed(missing)}")


def test_the_committed_ts_matches_the_code(extracted) -> None:
    committed = {(e.context, e.source) for e in read_ts(ts_path("de"))}
    new = [e for e in extracted if (e.context, e.source) not in committed]
    assert not new, f"strings missing from nnsim_de.ts (run the extraction):\n{_listed(new)}"


def test_translations_keep_every_placeholder(extracted) -> None:
    wrong = [e for e in extracted if e.translation
             and sorted(PLACEHOLDER.findall(e.source)) != sorted(PLACEHOLDER.findall(e.translation))
             and sorted(set(PLACEHOLDER.findall(e.source)))
             != sorted(set(PLACEHOLDER.findall(e.translation)))]
    assert not wrong, "translations that lose or add a %n placeholder:\n" + "\n".join(
        f"  [{e.context}] {e.source!r} -> {e.translation!r}" for e in wrong)


def test_every_translation_context_is_one_qt_asks_for(extracted) -> None:
    named = {m for path in sources() for m in NAMED_CONTEXT.findall(path.read_text("utf-8"))}
    variables = sorted({e.context for e in extracted
                        if VARIABLE_CONTEXT.match(e.context) and e.context not in named})
    assert not variables, (
        "lupdate filed strings under a variable's name (x.tr(…) on another object): at run time "
        "Qt asks under the class name and finds no translation. Use "
        f"QCoreApplication.translate(\"Context\", …) instead. Contexts: {variables}:\n"
        + _listed([e for e in extracted if e.context in variables]))


def test_one_placeholder_style(extracted) -> None:
    """%1, %2 … only: a "{name}" filled by str.format would be filled in the English order and
    could not be moved around by a translation."""
    braces = [e for e in extracted if re.search(r"\{\w*(:[^}]*)?\}", e.source)]
    assert not braces, f"strings with {{…}} placeholders:\n{_listed(braces)}"
