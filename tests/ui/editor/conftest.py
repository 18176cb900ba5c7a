"""Editor fixtures: a small Government (the test cast) copied per test, the sessions page shown and active,
and PDFs made with reportlab (a good one, a damaged one, an encrypted one)."""

from __future__ import annotations

import io
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QModelIndex
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ecabinet.agenda import sessions as S
from ecabinet.agenda.sessions import SessionDetail, get_session
from ecabinet.db import Database
from ecabinet.model import Role, SessionKind
from ecabinet.services.actor import Actor
from ecabinet.ui.context import AppContext
from ecabinet.ui.editor.agenda_editor import AgendaEditor
from ecabinet.ui.pages.sessions import SessionsPage
from tests.conftest import make_cast
from tests.ui.conftest import FakePrompts, MakeContext, person

TESTDATA = Path(__file__).resolve().parents[3].parent / "shared" / "testdata"


@pytest.fixture(scope="session")
def cast_template(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """A home folder with the migrated schema and the test cast (two secretariat, three members, a guest)."""
    home = tmp_path_factory.mktemp("editor-cast")
    shutil.copy(sqlite_template, home / "ecabinet.db")
    database = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
    make_cast(database)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return home


@pytest.fixture
def cast_db(tmp_path: Path, cast_template: Path) -> Iterator[Database]:
    home = tmp_path / "cast-home"
    shutil.copytree(cast_template, home)
    database = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
    yield database
    database.close()


@dataclass
class Editing:
    """The sessions page as a secretariat leader sees it, with a draft session opened."""

    page: SessionsPage
    context: AppContext
    prompts: FakePrompts
    database: Database
    leader: Actor
    session_id: uuid.UUID

    @property
    def editor(self) -> AgendaEditor:
        return self.page.view.agenda

    def detail(self, actor: Actor | None = None) -> SessionDetail:
        with self.database.read() as s:
            return get_session(s, actor or self.leader, self.session_id)

    def titles(self) -> list[str]:
        """The agenda in the database, in order, as "number title"."""
        return [f"{i.number} {i.title}" for i in self.detail().items]

    def select(self, title: str) -> None:
        item = next(i for i in self.detail().items if i.title == title)
        index = self.editor.model.index_of(item.id)
        assert index.isValid(), title
        self.editor.tree.setCurrentIndex(index)


def add_session(database: Database, actor: Actor, days: int = 20, title: str = "Phiên họp thử") -> uuid.UUID:
    with database.write(actor) as s:
        return S.create_session(
            s, actor, title, SessionKind.REGULAR, datetime.now(UTC) + timedelta(days=days), place="Hà Nội"
        ).id


@pytest.fixture
def show_page(qtbot: Any, make_context: MakeContext, prompts: FakePrompts) -> Callable[..., SessionsPage]:
    def show(database: Database, actor: Actor, lang: str = "vi") -> SessionsPage:
        context = make_context(database, lang)
        context.set_actor(actor)
        page = SessionsPage(context)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        with qtbot.waitActive(page):  # shortcuts reach only the active window
            page.show()
            page.activateWindow()
        return page

    return show


@pytest.fixture
def editing(cast_db: Database, show_page: Callable[..., SessionsPage], prompts: FakePrompts) -> Editing:
    leader = person(cast_db, Role.SECRETARIAT_LEADER)
    session_id = add_session(cast_db, leader)
    page = show_page(cast_db, leader)
    page.open_session(session_id)
    assert page.view.agenda.editable
    return Editing(page, page.context, prompts, cast_db, leader, session_id)


def walk(model: Any, parent: QModelIndex | None = None) -> list[QModelIndex]:
    found: list[QModelIndex] = []
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        found += [index, *walk(model, index)]
    return found


# --- PDFs -----------------------------------------------------------------------------------------------


def pdf_bytes(text: str = "Tờ trình Chính phủ", pages: int = 2) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for n in range(pages):
        c.drawString(72, 760, f"{text} — page {n + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


def encrypted_bytes(password: str, text: str = "Tài liệu mật") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(text))))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@dataclass
class Pdfs:
    good: Path
    second: Path
    damaged: Path
    encrypted: Path  # password "mật-khẩu"
    password = "mật-khẩu"


@pytest.fixture
def pdfs(tmp_path: Path) -> Pdfs:
    folder = tmp_path / "files"
    folder.mkdir()
    good = folder / "To_trinh_du_an.pdf"
    good.write_bytes(pdf_bytes("Tờ trình dự án"))
    second = folder / "Bao_cao_tham_dinh.pdf"
    second.write_bytes(pdf_bytes("Báo cáo thẩm định", 3))
    damaged = folder / "Phu_luc_hong.pdf"
    whole = pdf_bytes("Phụ lục")
    damaged.write_bytes(whole[: len(whole) // 3] + b"\x00garbage" * 40)
    encrypted = folder / "Du_thao_mat.pdf"
    encrypted.write_bytes(encrypted_bytes(Pdfs.password))
    return Pdfs(good, second, damaged, encrypted)
