"""nnsim's interface languages: English (the source strings) and German (``nnsim_de.ts``).

``install_translator(app, language)`` is the one way to choose a language: it installs nnsim's
translator and Qt's own (``qtbase_de``: the buttons of standard dialogs), and sets the number
format (a decimal comma in German, in labels and in spin boxes). Call it before creating the
window; a window built afterwards is entirely in that language.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from nnsim.i18n.catalog import qm_path

log = logging.getLogger(__name__)

ENGLISH = "en"
GERMAN = "de"
LANGUAGES = (ENGLISH, GERMAN)

_installed: list[QTranslator] = []  # kept referenced: Qt does not own installed translators
_decimal_keys: list[QObject] = []  # the event filter of a German interface, while installed
_current = ENGLISH


class FallbackTranslator(QTranslator):
    """A translator that also finds strings pyside6-lupdate filed without a context.

    lupdate files a ``tr("…")`` called outside a class (``tr = window.tr`` in actions.py) under
    the empty context, while at run time the window asks under its class name; so a string not
    found under the asked context is looked up under the empty one.
    """

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        text = super().translate(context, source, disambiguation, n)
        if not text and context:
            text = super().translate("", source, disambiguation, n)
        # None, not "": Qt reads an empty string as a translation that is empty (and PySide's
        # tr() would not go on to the contexts of the window's mixins).
        return text or None


def system_language() -> str:
    """"de" when the system's interface language is German, else "en"."""
    languages = QLocale.system().uiLanguages() or [QLocale.system().name()]
    return GERMAN if languages[0].lower().startswith("de") else ENGLISH


def normalise(language: str | None) -> str | None:
    """``language`` as one of LANGUAGES ("de_AT" -> "de"), or None for the system's."""
    if not language:
        return None
    code = language.strip().lower().replace("-", "_").split("_")[0]
    return code if code in LANGUAGES else None


def install_translator(app: QCoreApplication, language: str | None = None) -> str:
    """Show nnsim in ``language`` ("en", "de", or None for the system's); returns the one used.

    Replaces translators installed by an earlier call, so it can be called again to switch
    (windows built before keep their texts: rebuild them).
    """
    chosen = normalise(language) or system_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if chosen != ENGLISH:
        _install(app, FallbackTranslator(app), qm_path(chosen), "nnsim")
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{chosen}", qt_folder):
            app.installTranslator(qt)
            _installed.append(qt)
    _set_number_format(chosen)
    _filter_decimal_keys(app, chosen == GERMAN)
    global _current
    _current = chosen
    return chosen


def _install(app: QCoreApplication, translator: QTranslator, path, what: str) -> None:
    if path is None or not translator.load(str(path)):
        log.warning("nnsim: no %s translation could be loaded (%s)", what, path)
        return
    app.installTranslator(translator)
    _installed.append(translator)


def _set_number_format(language: str) -> None:
    """Decimal comma in German: in the labels (nnsim.ui.numbers) and in every spin box."""
    from nnsim.ui.numbers import set_decimal_point  # the number format's one home

    if language == GERMAN:
        locale = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    else:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    # No thousands separators: "1.000" would read as one in English and a thousand in German.
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator
                            | QLocale.NumberOption.RejectGroupSeparator)
    QLocale.setDefault(locale)
    set_decimal_point(locale.decimalPoint())


def _filter_decimal_keys(app: QCoreApplication, on: bool) -> None:
    from nnsim.i18n.decimal_keys import DecimalPointKeys  # QtWidgets: only for a widget app

    for old in _decimal_keys:
        app.removeEventFilter(old)
    _decimal_keys.clear()
    if on:
        _decimal_keys.append(DecimalPointKeys(app))
        app.installEventFilter(_decimal_keys[0])


def current_language() -> str:
    """The language the last ``install_translator`` chose ("en" before any call)."""
    return _current
