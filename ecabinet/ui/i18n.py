"""The interface language: installs our translation and Qt's own, and sets the locale for dates and numbers."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from ecabinet.ui.paths import TRANSLATIONS
from ecabinet.ui.settings import LANGUAGES

log = logging.getLogger(__name__)

LOCALES = {
    "vi": (QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
# Each language names itself, so a reader who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def catalog_names(lang: str, folder: Path = TRANSLATIONS) -> list[str]:
    """Our catalogs for `lang`: `ecabinet_<lang>` (the shell) and one `ecabinet-<area>_<lang>` per UI area."""
    areas = sorted(p.stem for p in folder.glob(f"ecabinet-*_{lang}.qm"))
    return [f"ecabinet_{lang}", *areas]


def load_translators(
    lang: str, folder: Path = TRANSLATIONS, parent: QObject | None = None
) -> list[QTranslator]:
    """Every compiled catalog of ours for `lang`; [] when the main one is missing (English needs none)."""
    loaded = []
    for name in catalog_names(lang, folder):
        translator = QTranslator(parent)
        if not translator.load(name, str(folder)):
            if name == f"ecabinet_{lang}":
                return []
            continue
        loaded.append(translator)
    return loaded


def load_translator(
    lang: str, folder: Path = TRANSLATIONS, parent: QObject | None = None
) -> QTranslator | None:
    """Our main compiled `ecabinet_<lang>.qm`, or None when it is missing."""
    translator = QTranslator(parent)
    return translator if translator.load(f"ecabinet_{lang}", str(folder)) else None


def load_qt_translator(
    lang: str, folder: Path = TRANSLATIONS, parent: QObject | None = None
) -> QTranslator | None:
    """Qt's own strings (standard buttons, context menus) in `lang`: Qt's file, else our stand-in for it."""
    translator = QTranslator(parent)
    for where in (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(folder)):
        if translator.load(f"qtbase_{lang}", where):
            return translator
    return None


class Translations(QObject):
    """Switches the whole app between languages at once; widgets re-translate on QEvent.LanguageChange."""

    def __init__(self, folder: Path = TRANSLATIONS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._installed: list[QTranslator] = []
        self.language = "en"

    def apply(self, lang: str) -> str:
        """Make `lang` the interface language; returns the language actually in force."""
        if lang not in LANGUAGES:
            lang = LANGUAGES[0]
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        if lang != "en":
            ours = load_translators(lang, self._folder, self)
            if not ours:
                log.warning(
                    "No compiled translation for %r in %s (run `python3 dev.py install`)", lang, self._folder
                )
                # Without the .qm the interface would mix languages; English is better than a mixture.
                lang = "en"
            else:
                qt_own = load_qt_translator(lang, self._folder, self)
                self._installed = [*([qt_own] if qt_own else []), *ours]
        QLocale.setDefault(QLocale(*LOCALES[lang]))
        for translator in self._installed:
            QCoreApplication.installTranslator(translator)
        self.language = lang
        return lang
