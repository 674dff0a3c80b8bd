"""Write the lecture's demos as lesson files: resources/lessons/<demo id>.nnsim.

    python packaging/make_lessons.py [--check]

Each file is the demo's start state (nnsim.core.demos.DEMOS: settings, data, hand edits) with a
note to students: the demo's title, caption and "Try this" as three paragraphs (the window
translates them, since they are the demos' own marked strings). ``--check`` writes nothing and
fails if a file is missing or differs from what would be written (tests and CI run it).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from nnsim.core.demos import DEMOS, Demo
from nnsim.core.lesson_file import SUFFIX, save_session

LESSONS = Path(__file__).resolve().parent.parent / "resources" / "lessons"


def note_for(demo: Demo) -> str:
    """The note a demo's lesson file shows: title, caption and what to try, one per paragraph."""
    return "\n\n".join((demo.title, demo.caption, demo.try_this))


def write_lessons(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for demo in DEMOS.values():
        path = folder / f"{demo.id}{SUFFIX}"
        save_session(demo.build(), path, note=note_for(demo))
        written.append(path)
    return written


def _content(path: Path) -> object:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("generator", None)  # the version that wrote it does not matter
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with resources/lessons instead of writing")
    args = parser.parse_args(argv)
    if not args.check:
        for path in write_lessons(LESSONS):
            print(f"wrote {path.relative_to(LESSONS.parent.parent)}")
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        stale = [p.name for p in write_lessons(Path(scratch))
                 if not (LESSONS / p.name).is_file() or _content(p) != _content(LESSONS / p.name)]
    if stale:
        print("make_lessons.py: out of date: " + ", ".join(stale)
              + "; run python packaging/make_lessons.py", file=sys.stderr)
        return 1
    print(f"make_lessons.py: {len(DEMOS)} lesson files up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
