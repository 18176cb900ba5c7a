"""GUI test fixtures: QSettings in tmp_path, the compiled Vietnamese translation, a demo database, scripted prompts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings

from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.db import Database
from ecabinet.model import Role, SessionKind
from ecabinet.services.actor import Actor, load_actor
from ecabinet.services.members import list_members
from ecabinet.ui.context import AppContext
from ecabinet.ui.i18n import Translations
from ecabinet.ui.main_window import MainWindow
from ecabinet.ui.paths import TRANSLATIONS
from ecabinet.ui.settings import LANGUAGE, Settings
from ecabinet.ui.tasks import SyncTaskRunner, TaskRunner

# The offscreen platform says this for every shown window; it is not a problem of ours.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need a QApplication are marked `gui`, so `-m "not gui"` is the fast lane."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def qsettings_dir(tmp_path: Path) -> Path:
    """Preferences of each test go to its own folder, never to the user's."""
    folder = tmp_path / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder / "system"))
    return folder


@pytest.fixture(autouse=True)
def release_stuck_modifiers() -> Iterator[None]:
    """QTest can leave Shift or Ctrl 'held' in Qt's idea of the keyboard (a key click whose release lands
    while a dialog takes focus); the next test's clicks and row selections would then extend or toggle."""
    yield
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication.instance()
    if app is None or QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier:
        return
    sink = QWidget()
    for key in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
        QTest.keyRelease(sink, key)  # spontaneous, as from the keyboard: Qt's modifier state follows
    sink.deleteLater()
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


def lrelease() -> str:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease") or "pyside6-lrelease"


@pytest.fixture(scope="session")
def translations_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the .qm files are: the ones `dev.py install` built if they are current, else ones built here."""
    sources = sorted(TRANSLATIONS.glob("*.ts"))
    current = [ts.with_suffix(".qm") for ts in sources]
    if all(
        qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime
        for ts, qm in zip(sources, current, strict=True)
    ):
        return TRANSLATIONS
    folder = tmp_path_factory.mktemp("qm")
    for ts in sources:
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(folder / f"{ts.stem}.qm")], check=True)
    return folder


@dataclass
class FakePrompts:
    """Scripted answers for `confirm` and `ask_text`, in order; anything unexpected fails the test."""

    answers: list[Any] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    informed: list[str] = field(default_factory=list)

    def _next(self, title: str) -> Any:
        self.asked.append(title)
        if not self.answers:
            raise AssertionError(f"unexpected question: {title}")
        return self.answers.pop(0)

    def confirm(self, parent: Any, title: str, text: str) -> bool:
        return bool(self._next(title))

    def ask_text(self, parent: Any, title: str, label: str, text: str = "") -> str | None:
        return self._next(title)

    def inform(self, parent: Any, title: str, text: str) -> None:
        self.informed.append(title)

    def error(self, parent: Any, text: str, details: str = "") -> None:
        self.errors.append((text, details))


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def languages(qapp: Any, translations_dir: Path) -> Iterator[Translations]:
    """The translation switch; whatever a test installs is removed again afterwards (translators are global)."""
    before = QLocale()
    translations = Translations(translations_dir)
    yield translations
    translations.apply("en")
    QLocale.setDefault(before)


MakeContext = Callable[..., AppContext]


@pytest.fixture
def make_context(languages: Translations, prompts: FakePrompts) -> MakeContext:
    def make(database: Database, lang: str = "vi", runner: type[TaskRunner] = SyncTaskRunner) -> AppContext:
        settings = Settings()
        settings.set(LANGUAGE, languages.apply(lang))
        return AppContext(database, settings, runner(database), prompts, languages)  # type: ignore[arg-type]

    return make


@pytest.fixture
def make_window(qtbot: Any, make_context: MakeContext) -> Callable[..., MainWindow]:
    def make(database: Database, lang: str = "vi") -> MainWindow:
        window = MainWindow(make_context(database, lang))
        qtbot.addWidget(window)
        with qtbot.waitActive(window):  # shortcuts only reach the active window
            window.show()
            window.activateWindow()
        window.profile.reload()
        return window

    return make


# --- data -----------------------------------------------------------------------------------------------


def _demo_available() -> bool:
    try:
        import ecabinet.demo.build  # noqa: F401
    except ImportError:
        return False
    return True


def build_with_services(database: Database) -> None:
    """A small stand-in for the demo: a cast, a published session with sub-items, a draft session."""
    from tests.conftest import make_cast

    cast = make_cast(database)
    leader = cast.leader
    start = datetime.now(UTC) + timedelta(days=10)
    with database.write(leader) as s:
        published = S.create_session(
            s, leader, "Phiên họp Chính phủ thường kỳ tháng 11", SessionKind.REGULAR, start
        )
        parent = I.add_item(s, leader, published.id, "Tình hình kinh tế - xã hội", planned_minutes=60)
        I.add_item(s, leader, published.id, "Báo cáo giải ngân", parent_id=parent.id, planned_minutes=20)
        S.publish_session(s, leader, published.id)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home folder with the demo built once (create_demo when it exists), copied for each test."""
    home = tmp_path_factory.mktemp("demo-home")
    database = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
    if _demo_available():
        from ecabinet.demo.build import create_demo

        create_demo(database)
    else:
        build_with_services(database)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return home


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Iterator[Database]:
    home = tmp_path / "demo-home"
    shutil.copytree(demo_template, home)
    database = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
    yield database
    database.close()


def person(database: Database, role: Role, index: int = 0) -> Actor:
    with database.read() as s:
        return load_actor(s, list_members(s, {role})[index].id)


def add_draft_session(
    database: Database, title: str = "Phiên họp chuyên đề về xây dựng pháp luật"
) -> uuid.UUID:
    leader = person(database, Role.SECRETARIAT_LEADER)
    with database.write(leader) as s:
        draft = S.create_session(
            s, leader, title, SessionKind.THEMATIC, datetime.now(UTC) + timedelta(days=20), place="Hà Nội"
        )
        I.add_item(s, leader, draft.id, "Dự thảo Luật sửa đổi, bổ sung một số điều")
    return draft.id
