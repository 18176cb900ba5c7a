"""Reader, search and board book fixtures: the demo database, people in each role, documents by title."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from ecabinet.db import Database
from ecabinet.model import AgendaItem, CabinetSession, Classification, Document, DocumentVersion, Role
from ecabinet.services.actor import Actor, load_actor
from ecabinet.services.members import list_members
from ecabinet.ui.context import AppContext
from ecabinet.ui.reader import ReaderWindow, reader_windows
from tests.ui.conftest import MakeContext


@dataclass(frozen=True)
class Doc:
    id: uuid.UUID
    title: str
    pages: int
    sha256: str
    session_id: uuid.UUID
    classification: Classification


@dataclass
class People:
    minister: Actor  # a member not cleared for classified documents (Bộ Ngoại giao)
    other_minister: Actor
    cleared: Actor  # the Prime Minister: cleared for classified documents
    leader: Actor  # secretariat leader


def _member(database: Database, title_part: str) -> Actor:
    with database.read() as s:
        found = next(m for m in list_members(s) if title_part in m.title)
        return load_actor(s, found.id)


@pytest.fixture
def people(demo_db: Database) -> People:
    with demo_db.read() as s:
        leader = load_actor(s, list_members(s, {Role.SECRETARIAT_LEADER})[0].id)
    return People(
        _member(demo_db, "Bộ Ngoại giao"),
        _member(demo_db, "Bộ Tư pháp"),
        _member(demo_db, "Thủ tướng Chính phủ"),
        leader,
    )


@pytest.fixture
def documents(demo_db: Database) -> list[Doc]:
    """Every demo document with a file, longest first."""
    with demo_db.read() as s:
        rows = s.execute(
            select(
                Document.id,
                Document.title,
                DocumentVersion.page_count,
                DocumentVersion.sha256,
                AgendaItem.session_id,
                Document.classification,
            )
            .join(DocumentVersion, DocumentVersion.id == Document.current_version_id)
            .join(AgendaItem, AgendaItem.id == Document.item_id)
            .join(CabinetSession, CabinetSession.id == AgendaItem.session_id)
            .order_by(DocumentVersion.page_count.desc(), Document.title)
        ).all()
    return [Doc(*row) for row in rows]


@pytest.fixture
def long_doc(documents: list[Doc]) -> Doc:
    """A normal document of many pages (with an outline, as every demo dossier has)."""
    return next(d for d in documents if d.classification is Classification.NORMAL)


@pytest.fixture
def context_for(make_context: MakeContext, demo_db: Database) -> Iterator[Callable[[Actor], AppContext]]:
    """An English context acting as someone; reader windows it opened are closed afterwards."""
    made: list[AppContext] = []

    def make(actor: Actor, lang: str = "en") -> AppContext:
        context = make_context(demo_db, lang)
        context.set_actor(actor)
        made.append(context)
        return context

    yield make
    for context in made:
        for window in reader_windows(context):
            window.close()


def wait_ready(qtbot: Any, window: ReaderWindow | None) -> ReaderWindow:
    assert window is not None
    qtbot.waitUntil(lambda: window.stack.currentWidget() is not window.loading, timeout=3000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window only
    return window
