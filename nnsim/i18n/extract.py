"""Keep ``nnsim_de.ts`` in step with the code: extract every marked string with pyside6-lupdate.

    python -m nnsim.i18n.extract          # add new strings to nnsim_de.ts (translations kept)

New strings arrive as ``type="unfinished"`` with an empty translation, for a translator to fill
in (Qt Linguist: ``pyside6-linguist nnsim/i18n/nnsim_de.ts``, or any text editor); strings no
longer in the code are dropped. ``tests/ui/test_translations_complete.py`` runs the same
extraction into a temporary file and fails while any string lacks a finished translation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from nnsim.i18n.catalog import HERE, ts_path

PACKAGE = HERE.parent  # nnsim/


@dataclass(frozen=True)
class Entry:
    """One message of a .ts file."""

    context: str
    source: str
    translation: str
    finished: bool


def lupdate_command() -> list[str] | None:
    """PySide6's lupdate (it reads Python sources), or None when it is not installed."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lupdate", "lupdate.exe", "Qt/libexec/lupdate", "Qt/bin/lupdate"):
        if (folder / name).is_file():
            return [str(folder / name)]
    script = shutil.which("pyside6-lupdate")
    return [script] if script else None


def sources() -> list[Path]:
    """Every Python file of the package (the translations themselves excluded)."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def extract(target: Path) -> None:
    """Run lupdate over the package into ``target`` (merging what ``target`` already holds)."""
    command = lupdate_command()
    if command is None:
        raise RuntimeError("pyside6-lupdate is not installed")
    subprocess.run([*command, "-silent", "-locations", "none", "-no-obsolete",
                    *map(str, sources()), "-ts", str(target)], check=True)


def read_ts(path: Path) -> list[Entry]:
    """The messages of a .ts file, in its order."""
    entries = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            text = "".join(translation.itertext()) if translation is not None else ""
            entries.append(Entry(name, message.findtext("source") or "", text,
                                 kind not in ("unfinished", "vanished", "obsolete")))
    return entries


def main() -> int:
    extract(ts_path("de"))
    missing = [e for e in read_ts(ts_path("de")) if not e.finished or not e.translation]
    for entry in missing:
        print(f"untranslated [{entry.context}]: {entry.source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
