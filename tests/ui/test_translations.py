"""Vietnamese is complete and loads; English is the code's own; switching happens at once."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ecabinet.model import Classification, ItemKind, SessionKind, SessionState
from ecabinet.ui import labels
from ecabinet.ui.i18n import Translations, load_qt_translator, load_translator
from ecabinet.ui.paths import TRANSLATIONS
from tests.ui.conftest import lrelease

UI = Path(__file__).resolve().parents[2] / "ecabinet" / "ui"


def test_the_vietnamese_translation_loads(qapp: Any, translations_dir: Path) -> None:
    translator = QTranslator()
    assert translator.load("ecabinet_vi", str(translations_dir)) is True
    assert translator.translate("SessionState", "Draft") == "Dự thảo"
    assert load_translator("vi", translations_dir) is not None
    assert load_translator("xx", translations_dir) is None


def test_qt_own_strings_come_in_vietnamese_too(languages: Translations) -> None:
    """Qt ships no qtbase_vi; our stand-in covers the buttons and menus the app shows."""
    languages.apply("vi")
    assert QCoreApplication.translate("QMessageBox", "Show Details...") == "Xem chi tiết..."
    assert QCoreApplication.translate("QLineEdit", "&Paste") == "&Dán"
    assert load_qt_translator("vi", languages._folder) is not None


def _catalog_sources() -> dict[str, list[str]]:
    """Which sources each catalog covers: `ecabinet-<area>_vi.ts` owns `ecabinet/ui/<area>/`; the main one the rest."""
    catalogs: dict[str, list[str]] = {"ecabinet_vi.ts": []}
    areas = {
        p.name.removeprefix("ecabinet-").removesuffix("_vi.ts") for p in TRANSLATIONS.glob("ecabinet-*_vi.ts")
    }
    for path in sorted(UI.rglob("*.py")):
        top = path.relative_to(UI).parts[0]
        name = f"ecabinet-{top}_vi.ts" if top in areas else "ecabinet_vi.ts"
        catalogs.setdefault(name, []).append(str(path))
    return catalogs


@pytest.mark.parametrize("catalog", sorted(_catalog_sources()))
def test_every_string_in_the_code_has_a_vietnamese_translation(catalog: str, tmp_path: Path) -> None:
    """lupdate over a catalog's sources into a copy of its .ts: nothing may come out unfinished or new."""
    ts = tmp_path / catalog
    shutil.copy(TRANSLATIONS / catalog, ts)
    lupdate = Path(lrelease()).with_name("pyside6-lupdate")
    sources = _catalog_sources()[catalog]
    subprocess.run([str(lupdate), *sources, "-ts", str(ts), "-no-obsolete", "-silent"], check=True)
    untranslated = [
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") == "unfinished" or not message.findtext("translation")
    ]
    assert untranslated == []


def test_enum_labels_follow_the_language(languages: Translations) -> None:
    assert languages.apply("vi") == "vi"
    assert [labels.session_state(s) for s in SessionState] == [
        "Dự thảo",
        "Đã phát hành",
        "Đang họp",
        "Đã kết thúc",
        "Đã duyệt biên bản",
    ]
    assert [labels.session_kind(k) for k in SessionKind] == [
        "Thường kỳ",
        "Chuyên đề",
        "Bất thường",
        "Họp Thường trực Chính phủ",
    ]
    assert [labels.item_kind(k) for k in ItemKind] == ["Quyết định", "Thảo luận", "Thông báo"]
    assert labels.classification(Classification.SECRET) == "Tối mật"
    assert QLocale().language() == QLocale.Language.Vietnamese

    assert languages.apply("en") == "en"
    assert labels.session_state(SessionState.DRAFT) == "Draft"
    assert QCoreApplication.translate("SessionKind", "Regular") == "Regular"
    assert QLocale().language() == QLocale.Language.English


def test_an_unknown_or_missing_language_falls_back_to_english(qapp: Any, tmp_path: Path) -> None:
    missing = Translations(tmp_path)
    try:
        assert missing.apply("vi") == "en"
        assert labels.session_state(SessionState.DRAFT) == "Draft"
    finally:
        missing.apply("en")
