"""The lesson files' menus: File → Open Recent and File → Open lesson (the shipped lessons).

A mixin of :class:`nnsim.ui.lesson_actions.LessonActions` (and so of the main window), which
provides the opening methods used here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from nnsim.core.demos import DEMOS
from nnsim.core.demos import TRANSLATION_CONTEXT as DEMOS_CONTEXT
from nnsim.core.lesson_file import SUFFIX
from nnsim.desktop import resource_root
from nnsim.ui.translated import translate  # the name pyside6-lupdate looks for


def lessons_folder() -> Path:
    """The lecture's lesson files shipped with nnsim (``resources/lessons``)."""
    return Path(str(resource_root() / "lessons"))


def builtin_lessons() -> list[Path]:
    """The shipped lesson files, in the lecture's order (the demos'), then any others."""
    folder = lessons_folder()
    files = sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []
    order = {demo_id: i for i, demo_id in enumerate(DEMOS)}
    return sorted(files, key=lambda p: (order.get(p.stem, len(order)), p.stem))


class LessonMenus:
    """Open Recent and Open lesson (the window provides the attributes used here)."""

    app_settings: Any
    recent_menu: Any
    lessons_menu: Any
    say: Callable[..., None]
    open_file: Callable[..., bool]
    open_builtin_lesson: Callable[..., bool]
    browse_lessons: Callable[[], bool]

    # ----------------------------------------------------------------- menus
    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for number, path in enumerate(self.app_settings.recent_files, start=1):
            action = QAction(f"&{number} {Path(path).name}", menu)
            action.setObjectName(f"actionRecent{number}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
            menu.addAction(action)
        menu.setEnabled(bool(menu.actions()))

    def open_recent(self, path: str) -> bool:
        if not Path(path).is_file():
            self.app_settings.remove_recent_file(path)
            self._fill_recent_menu()
            self.say(translate(
                "LessonActions", "%1 no longer exists; it was removed from the recent files.")
                .replace("%1", path), 10000)
            return False
        return self.open_file(path)

    def _fill_lessons_menu(self) -> None:
        menu = self.lessons_menu
        for path in builtin_lessons():
            demo = DEMOS.get(path.stem)
            title = ((QCoreApplication.translate(DEMOS_CONTEXT, demo.title) or demo.title) if demo
                     else path.stem)
            action = QAction(title, menu)
            action.setObjectName("actionLesson" + "".join(
                part.capitalize() for part in path.stem.replace("_", "-").split("-")))
            # What the lesson shows (a student has no use for the file's path).
            tip = (QCoreApplication.translate(DEMOS_CONTEXT, demo.try_this) or demo.try_this
                   ) if demo else path.name
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _=False, p=path: self.open_builtin_lesson(p))
            menu.addAction(action)
        menu.addSeparator()
        other = QAction(translate("LessonActions", "Other lesson file…"), menu)
        other.setObjectName("actionBrowseLessons")
        other.triggered.connect(self.browse_lessons)
        menu.addAction(other)
