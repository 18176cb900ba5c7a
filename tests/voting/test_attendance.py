"""Attendance and the live quorum: arrivals and departures, absences, deputies, guests."""

from __future__ import annotations

import pytest

from ecabinet.agenda import sessions as S
from ecabinet.db import Database
from ecabinet.errors import InvalidInput, InvalidState, PermissionDenied
from ecabinet.model import AttendanceStatus
from ecabinet.voting import attendance as A
from ecabinet.voting import session_rules as R
from tests.conftest import Cast
from tests.voting.conftest import Room, at, make_room


def _quorum(room: Room, minute: float) -> A.QuorumResult:
    with room.db.read() as s:
        return A.quorum_status(s, room.cast.officer, room.session_id, now=at(minute))


def test_quorum_follows_arrivals_departures_deputies_and_guests(room: Room) -> None:
    c = room.cast
    assert not _quorum(room, 0).met
    room.arrive(c.pm, minute=1)
    room.arrive(c.minister, minute=2)
    q = _quorum(room, 3)
    assert (q.met, q.present, q.total, q.needed) == (True, 2, 3, 2)
    assert (
        q.text("vi")
        == "Đủ số thành viên dự họp: 2 có mặt / 3 thành viên (cần ít nhất hai phần ba tổng số: 2)"
    )
    assert not _quorum(room, 1.5).met  # before the second arrival, as the times say
    room.leave(c.minister, minute=10)
    assert _quorum(room, 9).met and not _quorum(room, 11).met
    room.arrive(c.minister, minute=20)  # back in the room: a new arrival
    assert _quorum(room, 21).met
    # deputies and guests never count
    room.arrive(c.guest, minute=30)
    room.mark(c.minister, AttendanceStatus.REPRESENTED, 30, deputy_name="Thứ trưởng Nguyễn Văn Phó")
    room.mark(c.other_minister, AttendanceStatus.ABSENT, 30, reason="Công tác nước ngoài")
    assert _quorum(room, 31).present == 1
    with room.db.read() as s:
        sheet = A.attendance_sheet(s, c.officer, room.session_id, now=at(31))
    by_name = {e.name: e for e in sheet.entries}
    assert by_name[c.minister.name].deputy_name == "Thứ trưởng Nguyễn Văn Phó"
    assert not by_name[c.minister.name].counts_for_quorum
    assert by_name[c.guest.name].in_room and not by_name[c.guest.name].counts_for_quorum
    assert by_name[c.other_minister.name].reason == "Công tác nước ngoài"
    assert [e.invited_as.value for e in sheet.entries][-1] == "guest"  # members first


def test_attendance_refusals_and_session_rules(db: Database, cast: Cast) -> None:
    room = make_room(db, cast, start=False, publish=False)
    with pytest.raises(InvalidState) as err, db.write(cast.officer) as s:
        A.record_attendance(s, cast.officer, room.session_id, cast.pm.member_id, AttendanceStatus.PRESENT)
    assert "dự thảo" in err.value.message("vi")  # not for a draft session
    with db.write(cast.officer) as s:
        S.publish_session(s, cast.officer, room.session_id)
    with pytest.raises(InvalidInput) as err, db.write(cast.officer) as s:
        A.record_attendance(
            s, cast.officer, room.session_id, cast.minister.member_id, AttendanceStatus.REPRESENTED
        )
    assert "người dự họp thay" in err.value.message("vi")
    with pytest.raises(InvalidInput), db.write(cast.officer) as s:
        A.record_attendance(
            s,
            cast.officer,
            room.session_id,
            cast.guest.member_id,
            AttendanceStatus.REPRESENTED,
            deputy_name="X",
        )
    with pytest.raises(InvalidInput, match="not invited"), db.write(cast.officer) as s:
        A.record_attendance(s, cast.officer, room.session_id, cast.leader.member_id, AttendanceStatus.PRESENT)
    with pytest.raises(PermissionDenied), db.write(cast.minister) as s:
        A.record_attendance(
            s, cast.minister, room.session_id, cast.minister.member_id, AttendanceStatus.PRESENT
        )
    with pytest.raises(InvalidState, match="not in the room"), db.write(cast.officer) as s:
        A.record_departure(s, cast.officer, room.session_id, cast.pm.member_id, now=at(0))
    # the chair may take attendance too
    with db.write(cast.pm) as s:
        entry = A.record_attendance(
            s, cast.pm, room.session_id, cast.pm.member_id, AttendanceStatus.PRESENT, now=at(0)
        )
    assert entry.in_room and entry.arrived_at == at(0)
    # the rules of a session can be named before it starts
    with db.write(cast.officer) as s:
        rules = R.set_session_rules(s, cast.officer, room.session_id, "none", "more_than_half_of_present")
    assert (rules.quorum_rule, rules.majority_rule, rules.quorum_is_default) == (
        "none",
        "more_than_half_of_present",
        False,
    )
    assert _quorum(room, 1).met  # no quorum required now
    with pytest.raises(InvalidInput), db.write(cast.officer) as s:
        R.set_session_rules(s, cast.officer, room.session_id, "most", None)
    with db.write(cast.officer) as s:
        rules = R.set_session_rules(s, cast.officer, room.session_id, None, None)
    assert rules.quorum_rule == "two_thirds_of_all" and rules.quorum_is_default
