"""The demo Government: realistic content, consistent with the rules, built in one transaction."""

from __future__ import annotations

from collections import Counter

import pytest
from pypdf import PdfReader

from ecabinet.agenda import sessions as S
from ecabinet.audit import verify_chain
from ecabinet.db import Database
from ecabinet.demo.build import Cancelled, create_demo
from ecabinet.errors import InvalidState
from ecabinet.model import Classification, InviteRole, Role, SessionState
from ecabinet.services.actor import load_actor
from ecabinet.services.members import list_members


def test_demo_content(demo_db: Database) -> None:
    with demo_db.read() as s:
        people = list_members(s)
        roles = Counter(p.role for p in people)
        officer = load_actor(s, next(p.id for p in people if p.role is Role.SECRETARIAT))
        sessions = S.list_sessions(s, officer)
        upcoming = S.get_session(s, officer, sessions[0].id)
        assert verify_chain(s) == []
    assert roles[Role.MEMBER] >= 25 and roles[Role.GUEST] == 3 and roles[Role.SECRETARIAT_LEADER] == 1
    assert sum(p.is_head_of_government for p in people) == 1
    assert [x.state for x in sessions] == [SessionState.PUBLISHED, SessionState.CLOSED]
    assert upcoming.summary.title.startswith("Phiên họp Chính phủ thường kỳ tháng")
    top = [i for i in upcoming.items if i.parent_id is None]
    assert len(top) >= 8
    assert any(i.parent_id for i in upcoming.items)
    assert any(i.classification is Classification.CONFIDENTIAL for i in upcoming.items)
    for item in upcoming.items:
        if item.parent_id is None and not any(sub.parent_id == item.id for sub in upcoming.items):
            assert 2 <= len(item.documents) <= 4, item.title
        for doc in item.documents:
            assert 5 <= doc.page_count <= 60
            reader = PdfReader(demo_db.blobs.path(doc.sha256))
            assert len(reader.pages) == doc.page_count
    guests = [name for _id, name, role in upcoming.invited if role is InviteRole.GUEST]
    assert len(guests) == 3


def test_classified_item_reaches_only_cleared_members(demo_db: Database) -> None:
    with demo_db.read() as s:
        people = {p.title: p for p in list_members(s)}
        pm = load_actor(s, people["Thủ tướng Chính phủ"].id)
        health = load_actor(s, people["Bộ trưởng Bộ Y tế"].id)
        session_id = S.list_sessions(s, pm)[0].id
        seen_by_pm = S.get_session(s, pm, session_id)
        seen_by_health = S.get_session(s, health, session_id)
    classified = [i for i in seen_by_pm.items if i.classification.is_classified]
    assert classified and all(i.documents for i in classified)
    assert all(not i.documents for i in seen_by_health.items if i.classification.is_classified)


def test_demo_refuses_a_database_with_data(demo_db: Database) -> None:
    with pytest.raises(InvalidState, match="only created in an empty database"):
        create_demo(demo_db)


def test_cancelled_demo_writes_nothing(sqlite_db: Database) -> None:
    calls = []

    def progress(percent: int, text: str) -> None:
        calls.append(percent)

    with pytest.raises(Cancelled):
        create_demo(sqlite_db, progress=progress, cancelled=lambda: len(calls) >= 3)
    with sqlite_db.read() as s:
        assert list_members(s) == []


def test_demo_dossiers_are_searchable_without_diacritics(demo_db: Database) -> None:
    from ecabinet.search.service import search

    with demo_db.read() as s:
        people = list_members(s)
        officer = load_actor(s, next(p.id for p in people if p.role is Role.SECRETARIAT))
        hits = search(s, officer, "dau tu cong")
    assert hits and any("đầu tư công" in "".join(t for t, _ in h.fragments).lower() for h in hits)
