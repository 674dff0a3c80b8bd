"""View → Language: English or Deutsch, remembered, switched without losing the session.

Qt widgets keep the texts they were given; retranslating every label, tooltip and combo item in
place would need a ``retranslate`` method in every widget. Instead the window is rebuilt in the
new language around the same :class:`~nnsim.core.session.Session`: the old window's training
thread is stopped (the session stays as it is: weights, epoch, settings, history), the new
translator is installed, a new window is built on that session with the old window's geometry
and dock layout, and the old window is discarded without asking anything.
"""

from __future__ import annotations

import concurrent.futures
import weakref
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from nnsim.i18n import ENGLISH, GERMAN, current_language, install_translator

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

# What a lesson document keeps on the window (nnsim.ui.lesson_actions), handed to the new one.
_DOCUMENT_STATE = ("document_path", "document_name", "modified", "_clean_epoch",
                   "lesson_note_text", "lesson_hidden_controls")
_WAIT_S = 10.0

_current: list[Any] = []  # the window built by the last switch, kept referenced
# Windows a switch replaced: hidden, their training thread stopped, but not deleted while the
# program runs (a caller may still hold one and close it); dispose_retired() deletes them.
_retired: list[Any] = []


def add_language_menu(window: Any) -> QMenu:
    """Add View → Language (``menuLanguage``) to ``window`` (its ``view_menu``)."""
    menu = QMenu(translate("LanguageMenu", "&Language"), window)
    menu.setObjectName("menuLanguage")
    group = QActionGroup(menu)
    group.setExclusive(True)
    # Each language's name in that language: a student who cannot read the current one still
    # finds their own.
    for name, code, text, tip in (
            ("actionLanguageEnglish", ENGLISH, "English",
             translate("LanguageMenu", "Show nnsim in English")),
            ("actionLanguageGerman", GERMAN, "Deutsch",
             translate("LanguageMenu", "Show nnsim in German"))):
        action = QAction(text, window)
        action.setObjectName(name)
        action.setCheckable(True)
        action.setChecked(code == current_language())
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
    # The window is rebuilt by this action: the switch runs after the menu has closed.
    group.triggered.connect(lambda action: _switch_soon(window, action.data()))
    window.view_menu.addMenu(menu)
    window.view_menu.addSeparator()
    return menu


def _switch_soon(window: Any, language: str) -> None:
    ref = weakref.ref(window)
    QTimer.singleShot(0, lambda: ref() is not None and switch_language(ref(), language))


def switch_language(window: Any, language: str) -> Any:
    """Show ``window``'s session in ``language``; returns the window now showing it.

    The choice is remembered in the window's AppSettings. Training is paused (the student
    resumes it); the undo history starts afresh.
    """
    from nnsim.ui.main_window import MainWindow  # the window imports this module

    settings = window.app_settings
    if language == current_language():
        _remember(settings, language)
        return window
    window.action_set.train.setChecked(False)
    handover = window.worker.call(lambda s: s)
    try:
        session = handover.result(timeout=_WAIT_S)
    except concurrent.futures.TimeoutError:
        if not handover.cancel():
            session = handover.result()  # it has started: it returns at once
        else:  # the training thread is stuck: keep the window (and its language) as it is
            _check_language(window, current_language())
            window.show_error(translate("LanguageMenu", "The training thread did not respond; "
                                        "the language was not changed."))
            return window
    _remember(settings, language)
    geometry, state = window.saveGeometry(), window.saveState()
    visible = window.isVisible()
    window.worker_thread.stop()
    install_translator(QApplication.instance(), language)
    new = MainWindow(session=session, settings=settings)
    for name in _DOCUMENT_STATE:
        if hasattr(window, name):
            setattr(new, name, getattr(window, name))
    new.restoreGeometry(geometry)
    new.restoreState(state)
    if hasattr(new, "refresh_lesson_view"):  # the lesson's note, hidden controls and title
        new.refresh_lesson_view()
    if visible:
        new.show()
    _discard(window)
    _current[:] = [new]
    # Forget it once it is deleted: a later caller must not get a deleted window back.
    new.destroyed.connect(lambda *_, ident=id(new): _forget(ident))
    return new


def _forget(ident: int) -> None:
    if _current and id(_current[0]) == ident:
        _current.clear()


def _remember(settings: Any, language: str) -> None:
    settings.language = language
    settings.sync()


def _check_language(window: Any, language: str) -> None:
    """Tick ``language`` in ``window``'s Language menu."""
    menu = window.findChild(QMenu, "menuLanguage")
    for action in menu.actions() if menu is not None else ():
        action.setChecked(action.data() == language)


def current_window(default: Any = None) -> Any:
    """The window the last language switch built, else ``default``."""
    return _current[0] if _current else default


def _discard(window: Any) -> None:
    """Put the old window away without its questions (its session lives on in the new one)."""
    for dialog in window.findChildren(QDialog):
        dialog.close()  # a sweep dialog stops its thread when closed
    window.hide()
    _retired.append(window)


def dispose_retired() -> None:
    """Delete the windows language switches replaced (at exit: no closeEvent, no questions)."""
    from PySide6.QtCore import QEvent

    while _retired:
        _retired.pop().deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
