"""The voting screens' fixtures: the demo with its next session in progress, people by role, a test clock."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from ecabinet.agenda import sessions as S
from ecabinet.db import Database
from ecabinet.model import AttendanceStatus, Role, SessionState
from ecabinet.services.actor import Actor, load_actor
from ecabinet.services.members import list_members
from ecabinet.ui.voting import clock
from ecabinet.voting import attendance as A
from tests.ui.conftest import person


@dataclass
class Live:
    """The demo's next session, started: the secretariat, its leader, and the members with a vote."""

    db: Database
    session_id: uuid.UUID
    officer: Actor
    leader: Actor
    members: list[Actor]  # voting members in protocol order: the Prime Minister first

    def mark_all_present(self, but: int = 0) -> None:
        """Everyone with a vote in the room (except the last `but`), through the service."""
        with self.db.write(self.officer) as s:
            for m in self.members[: len(self.members) - but]:
                A.record_attendance(
                    s, self.officer, self.session_id, m.member_id, AttendanceStatus.PRESENT, now=clock.now()
                )


def voting_members(db: Database) -> list[Actor]:
    with db.read() as s:
        return [load_actor(s, m.id) for m in list_members(s, {Role.MEMBER}) if m.has_vote]


@pytest.fixture
def live(demo_db: Database) -> Live:
    leader = person(demo_db, Role.SECRETARIAT_LEADER)
    with demo_db.write(leader) as s:
        upcoming = next(x for x in S.list_sessions(s, leader) if x.state is SessionState.PUBLISHED)
        S.start_session(s, leader, upcoming.id)
    return Live(demo_db, upcoming.id, person(demo_db, Role.SECRETARIAT), leader, voting_members(demo_db))


class Clock:
    """The voting screens' clock, held still and moved by the test."""

    def __init__(self, start: datetime) -> None:
        self.at = start

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@pytest.fixture
def test_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    fake = Clock(clock.now())
    monkeypatch.setattr(clock, "now", fake)
    yield fake
