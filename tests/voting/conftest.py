"""A session in progress with its members in the room, on a test clock."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.db import Database
from ecabinet.model import AttendanceStatus, InviteRole, Role, SessionKind
from ecabinet.services import members as M
from ecabinet.services.actor import Actor, load_actor
from ecabinet.voting import attendance as A
from tests.conftest import Cast

T0 = datetime(2026, 11, 5, 1, 0, tzinfo=UTC)  # 08:00 in Hà Nội


def at(minutes: float) -> datetime:
    """The test clock: `minutes` after the session's start."""
    return T0 + timedelta(minutes=minutes)


@dataclass
class Room:
    db: Database
    cast: Cast
    session_id: uuid.UUID
    item_id: uuid.UUID
    extra: list[Actor] = field(default_factory=list)

    @property
    def voters(self) -> list[Actor]:
        """Every member with a voting right: the Prime Minister first."""
        return [self.cast.pm, self.cast.minister, self.cast.other_minister, *self.extra]

    def mark(self, member: Actor, status: AttendanceStatus, minute: float = 0, **kw: str) -> None:
        with self.db.write(self.cast.officer) as s:
            A.record_attendance(
                s, self.cast.officer, self.session_id, member.member_id, status, now=at(minute), **kw
            )

    def arrive(self, *members: Actor, minute: float = 0) -> None:
        for member in members:
            self.mark(member, AttendanceStatus.PRESENT, minute)

    def leave(self, member: Actor, minute: float) -> None:
        with self.db.write(self.cast.officer) as s:
            A.record_departure(s, self.cast.officer, self.session_id, member.member_id, now=at(minute))


def make_room(db: Database, cast: Cast, *, extra: int = 0, start: bool = True, publish: bool = True) -> Room:
    """A regular session with one item; `extra` more voting members; published, and started if `start`."""
    people: list[Actor] = []
    if extra:
        with db.write(cast.leader) as s:
            ids = [
                M.add_member(
                    s, cast.leader, f"Bộ trưởng Thử {n}", f"Bộ trưởng {n}", Role.MEMBER, None, True, False, n
                ).id
                for n in range(extra)
            ]
        with db.read() as s:
            people = [load_actor(s, i) for i in ids]
    with db.write(cast.officer) as s:
        created = S.create_session(
            s,
            cast.officer,
            "Phiên họp thường kỳ tháng 11",
            SessionKind.REGULAR,
            datetime.now(UTC) + timedelta(days=10),
        )
        item = I.add_item(s, cast.officer, created.id, "Dự thảo Nghị định về đầu tư công")
        S.set_invitation(s, cast.officer, created.id, cast.guest.member_id, InviteRole.GUEST)
        if publish:
            S.publish_session(s, cast.officer, created.id)
        if start:
            S.start_session(s, cast.officer, created.id)
    return Room(db, cast, created.id, item.id, people)


@pytest.fixture
def room(db: Database, cast: Cast) -> Room:
    return make_room(db, cast)
