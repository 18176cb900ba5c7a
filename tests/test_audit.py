"""The hash-chained audit log: every change is an event; tampering with events or rows is found."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.audit import audit_trail, verify_chain
from ecabinet.db import Database
from ecabinet.model import AuditEvent, SessionKind
from tests.conftest import Cast


def _prepare(db: Database, cast: Cast) -> S.SessionSummary:
    with db.write(cast.officer) as s:
        created = S.create_session(
            s, cast.officer, "Phiên họp", SessionKind.REGULAR, datetime.now(UTC) + timedelta(days=5)
        )
        I.add_item(s, cast.officer, created.id, "Nội dung")
    return created


def test_each_change_is_an_event_with_actor_and_sequence(db: Database, cast: Cast) -> None:
    created = _prepare(db, cast)
    with db.read() as s:
        events = list(audit_trail(s, "sessions", str(created.id)))
        all_events = list(audit_trail(s))
    assert [e.action for e in events] == ["insert"]
    assert events[0].actor_id == cast.officer.member_id
    assert events[0].installation_id == db.installation_id
    assert [e.seq for e in all_events] == list(range(1, len(all_events) + 1))
    assert [e.inst_seq for e in all_events] == list(range(1, len(all_events) + 1))
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(all_events))
    assert '"title":"Phiên họp"' in events[0].change


def test_verify_finds_a_row_changed_behind_the_apps_back(db: Database, cast: Cast) -> None:
    created = _prepare(db, cast)
    with db.read() as s:
        assert verify_chain(s) == []
        last = s.execute(select(AuditEvent.seq).where(AuditEvent.entity == "sessions")).scalars().all()[-1]
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE sessions SET title = 'Sửa lén' WHERE title = 'Phiên họp'"))
    with db.read() as s:
        problems = verify_chain(s)
    assert problems and problems[0].seq == last
    assert f"sessions/{created.id}" in problems[0].text


def test_verify_finds_an_altered_event(db: Database, cast: Cast) -> None:
    _prepare(db, cast)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET actor_id = NULL WHERE seq = 2"))
    with db.read() as s:
        problems = verify_chain(s)
    assert problems[0].seq == 2 and "altered" in problems[0].text


def test_verify_finds_a_removed_event(db: Database, cast: Cast) -> None:
    _prepare(db, cast)
    with db.engine.begin() as conn:
        n = conn.execute(text("SELECT max(seq) FROM audit_events")).scalar()
        conn.execute(text(f"DELETE FROM audit_events WHERE seq = {n}"))
    with db.read() as s:
        assert verify_chain(s)


def test_verify_finds_inserted_and_deleted_rows(db: Database, cast: Cast) -> None:
    created = _prepare(db, cast)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM agenda_items"))
    with db.read() as s:
        problems = verify_chain(s)
    assert any("agenda_items" in p.text and "deleted" in p.text for p in problems)
    assert created


def test_a_change_without_an_actor_is_refused(db: Database) -> None:
    from ecabinet.model import Organisation, OrgKind

    with pytest.raises(RuntimeError, match="without an acting user"), db._writer() as s, s.begin():
        s.info["installation_id"] = db.installation_id
        s.add(Organisation(code="X", name="X", short_name="X", kind=OrgKind.OTHER))
        s.flush()
