"""Write the lecture's demos as lesson files: resources/lessons/<demo id>.nnsim.

    python packaging/make_lessons.py [--check]

Each file is the demo's start state (nnsim.core.demos.DEMOS: settings, data, hand edits) with a
note to students: the demo's title, caption and "Try this" as three paragraphs (the window
translates them, since they are the demos' own marked strings). ``--check`` writes nothing and
fails if a file is missing or no longer builds its demo's session (tests and CI run it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nnsim.core.demos import DEMOS, Demo
from nnsim.core.lesson_file import SUFFIX, LessonFileError, load_lesson, save_session

LESSONS = Path(__file__).resolve().parent.parent / "resources" / "lessons"


def note_for(demo: Demo) -> str:
    """The note a demo's lesson file shows: title, caption and what to try, one per paragraph."""
    return f"{demo.title}\n\n{demo.caption}\n\n{demo.try_this}"


def write_lessons(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for demo in DEMOS.values():
        path = folder / f"{demo.id}{SUFFIX}"
        save_session(demo.build(), path, note=note_for(demo))
        written.append(path)
    return written


def differences(folder: Path = LESSONS) -> list[str]:
    """The demos whose lesson file is missing or no longer builds the demo's session.

    Compared by content, not bytes: a setting added to nnsim since the files were written takes
    its default on loading, which is what the demo has too, so the files stay valid.
    """
    stale = []
    for demo in DEMOS.values():
        path = folder / f"{demo.id}{SUFFIX}"
        try:
            lesson = load_lesson(path)
        except LessonFileError:
            stale.append(path.name)
            continue
        built = demo.build()
        same = (lesson.session.settings == built.settings
                and lesson.session.net.parameters.tobytes() == built.net.parameters.tobytes()
                and lesson.session.dataset.X.tobytes() == built.dataset.X.tobytes()
                and lesson.session.dataset.Y.tobytes() == built.dataset.Y.tobytes()
                and lesson.note == note_for(demo))
        if not same:
            stale.append(path.name)
    extra = sorted(p.name for p in folder.glob(f"*{SUFFIX}") if p.stem not in DEMOS)
    return stale + extra


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with resources/lessons instead of writing")
    args = parser.parse_args(argv)
    if not args.check:
        for path in write_lessons(LESSONS):
            print(f"wrote {path.relative_to(LESSONS.parent.parent)}")
        return 0
    stale = differences()
    if stale:
        print("make_lessons.py: out of date: " + ", ".join(stale)
              + "; run python packaging/make_lessons.py", file=sys.stderr)
        return 1
    print(f"make_lessons.py: {len(DEMOS)} lesson files up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
