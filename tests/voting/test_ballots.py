"""Opinion ballots: drafting, approval, sending, answering until the deadline, the summary and the worklists."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ecabinet.agenda import documents as D
from ecabinet.audit import audit_trail
from ecabinet.db import Database
from ecabinet.errors import InvalidInput, InvalidState, NotFound, PermissionDenied
from ecabinet.model import BallotState, Classification, OpinionChoice
from ecabinet.services.actor import Actor
from ecabinet.voting import ballots as B
from tests.conftest import Cast
from tests.voting.conftest import T0, Room, make_room

AGREE, DISAGREE, OTHER = OpinionChoice.AGREE, OpinionChoice.DISAGREE, OpinionChoice.OTHER
DEADLINE = T0 + timedelta(days=5)


def _draft(
    room: Room, questions: tuple[str, ...] = ("Đồng ý thông qua dự thảo Nghị định?",), **kw: object
) -> B.BallotDetail:
    c = room.cast
    with room.db.write(c.officer) as s:
        return B.create_ballot(s, c.officer, room.item_id, questions, DEADLINE, now=T0, **kw)  # type: ignore[arg-type]


def _send(room: Room, ballot: B.BallotDetail) -> None:
    c = room.cast
    with room.db.write(c.officer) as s:
        B.submit_ballot(s, c.officer, ballot.summary.id, now=T0)
    with room.db.write(c.leader) as s:
        B.approve_ballot(s, c.leader, ballot.summary.id, now=T0)
    with room.db.write(c.officer) as s:
        B.send_ballot(s, c.officer, ballot.summary.id, now=T0)


def _answer(
    room: Room,
    ballot: B.BallotDetail,
    member: Actor,
    choice: OpinionChoice,
    comment: str = "",
    hours: float = 1,
    q: int = 0,
) -> B.AnswerInfo:
    with room.db.write(member) as s:
        return B.answer_ballot(
            s,
            member,
            ballot.summary.id,
            ballot.questions[q].id,
            choice,
            comment,
            now=T0 + timedelta(hours=hours),
        )


def _report(room: Room, ballot: B.BallotDetail, hours: float = 2) -> B.BallotReport:
    with room.db.read() as s:
        return B.ballot_report(s, room.cast.officer, ballot.summary.id, now=T0 + timedelta(hours=hours))


@pytest.fixture
def paper_room(db: Database, cast: Cast) -> Room:
    """A published session whose item has one document."""
    room = make_room(db, cast, start=False)
    with db.write(cast.officer) as s:
        D.add_document(s, cast.officer, room.item_id, "Tờ trình", "a" * 64, "t.pdf", 10, 3)
    return room


def test_lifecycle_with_approval_by_another_leader(paper_room: Room) -> None:
    room, c = paper_room, paper_room.cast
    ballot = _draft(room)
    assert (
        ballot.summary.state is BallotState.DRAFT
        and ballot.summary.title == "Dự thảo Nghị định về đầu tư công"
    )
    assert {name for _i, name in ballot.recipients} == {c.pm.name, c.minister.name, c.other_minister.name}
    assert [d.sha256 for d in ballot.documents] == ["a" * 64] and ballot.majority_rule == "written_procedure"
    with pytest.raises(InvalidState), room.db.write(c.officer) as s:
        B.send_ballot(s, c.officer, ballot.summary.id, now=T0)  # not before approval
    with room.db.write(c.officer) as s:
        B.submit_ballot(s, c.officer, ballot.summary.id, now=T0)
    with pytest.raises(PermissionDenied), room.db.write(c.officer) as s:
        B.approve_ballot(s, c.officer, ballot.summary.id, now=T0)  # an officer cannot approve
    with room.db.write(c.leader) as s:
        returned = B.return_ballot(s, c.leader, ballot.summary.id, "Sửa câu hỏi cho rõ", now=T0)
    assert returned.state is BallotState.RETURNED
    with room.db.write(c.officer) as s:
        edited = B.update_ballot(s, c.officer, ballot.summary.id, questions=["Câu 1?", "Câu 2?"], now=T0)
        B.submit_ballot(s, c.officer, ballot.summary.id, now=T0)
    assert [q.text for q in edited.questions] == [
        "Câu 1?",
        "Câu 2?",
    ] and edited.return_reason == "Sửa câu hỏi cho rõ"
    with room.db.write(c.leader) as s:
        B.approve_ballot(s, c.leader, ballot.summary.id, now=T0)
    with pytest.raises(InvalidState), room.db.write(c.officer) as s:
        B.update_ballot(s, c.officer, ballot.summary.id, title="Muộn", now=T0)  # approved: no more edits
    with room.db.write(c.officer) as s:
        sent = B.send_ballot(s, c.officer, ballot.summary.id, now=T0)
    assert sent.state is BallotState.SENT and sent.sent_at == T0
    # a leader who drafted a ballot cannot approve it too
    with room.db.write(c.leader) as s:
        ballot = B.create_ballot(s, c.leader, room.item_id, ["Q?"], DEADLINE, now=T0)
        B.submit_ballot(s, c.leader, ballot.summary.id, now=T0)
    with pytest.raises(PermissionDenied) as err, room.db.write(c.leader) as s:
        B.approve_ballot(s, c.leader, ballot.summary.id, now=T0)
    assert "lãnh đạo khác" in err.value.message("vi")


def test_members_see_only_sent_ballots_addressed_to_them(paper_room: Room) -> None:
    room, c = paper_room, paper_room.cast
    ballot = _draft(room, recipient_ids=[c.pm.member_id, c.minister.member_id])
    with room.db.read() as s:
        assert B.list_ballots(s, c.minister, now=T0) == []
        with pytest.raises(NotFound):
            B.get_ballot(s, c.minister, ballot.summary.id, now=T0)  # a draft is not shown
    _send(room, ballot)
    with room.db.read() as s:
        mine = B.list_ballots(s, c.minister, now=T0)
        assert [b.id for b in mine] == [ballot.summary.id] and mine[0].is_recipient
        assert B.get_ballot(s, c.minister, ballot.summary.id, now=T0).can_answer
        assert B.get_ballot(s, c.minister, ballot.summary.id, now=T0).recipients == ()
        assert B.list_ballots(s, c.other_minister, now=T0) == []  # not addressed to her
        with pytest.raises(NotFound):
            B.get_ballot(s, c.other_minister, ballot.summary.id, now=T0)
        with pytest.raises(PermissionDenied):
            B.ballot_report(s, c.minister, ballot.summary.id, now=T0)
    with pytest.raises(NotFound), room.db.write(c.other_minister) as s:
        B.answer_ballot(s, c.other_minister, ballot.summary.id, ballot.questions[0].id, AGREE, now=T0)
    with pytest.raises(NotFound), room.db.write(c.guest) as s:
        B.answer_ballot(s, c.guest, ballot.summary.id, ballot.questions[0].id, AGREE, now=T0)
    # overdue and due-soon worklists, for the secretariat and for a member
    first = ballot.summary.id
    with room.db.write(c.minister) as s:
        B.answer_ballot(s, c.minister, first, ballot.questions[0].id, AGREE, now=T0)
    ballot = _draft(room)  # to all three members, same deadline
    _send(room, ballot)
    second = ballot.summary.id

    def flags(actor: Actor, hours: float, only: bool = True) -> dict[object, B.BallotFlag | None]:
        with room.db.read() as s:
            rows = B.list_ballots(s, actor, now=DEADLINE + timedelta(hours=hours), flagged_only=only)
        return {b.id: b.flag for b in rows}

    assert flags(c.officer, -24 * 5) == {}  # five days ahead: nothing to flag
    assert flags(c.minister, -3) == {second: B.BallotFlag.DUE_SOON}  # the first one is answered
    assert flags(c.pm, -3) == {first: B.BallotFlag.DUE_SOON, second: B.BallotFlag.DUE_SOON}
    assert flags(c.officer, 1) == {first: B.BallotFlag.OVERDUE, second: B.BallotFlag.OVERDUE}
    _answer(room, ballot, c.minister, AGREE, hours=24 * 4)
    assert flags(c.minister, -3) == {}
    assert flags(c.pm, 1) == {first: B.BallotFlag.OVERDUE, second: B.BallotFlag.OVERDUE}
    assert flags(c.other_minister, 1) == {second: B.BallotFlag.OVERDUE}
    with room.db.read() as s:
        staff = {b.id: b for b in B.list_ballots(s, c.officer, now=DEADLINE - timedelta(hours=3))}
    assert (staff[second].answered_count, staff[second].recipient_count) == (1, 3)
    assert staff[first].flag is B.BallotFlag.DUE_SOON and staff[first].answered_count == 1
    with room.db.read() as s:  # pages, for long lists: the same deadline, the later ballot first
        pages = [B.list_ballots(s, c.officer, now=T0, limit=1, offset=n) for n in range(3)]
    assert [[b.id for b in page] for page in pages] == [[second], [first], []]
    assert pages[0][0].answered_count == 1 and pages[0][0].recipient_count == 3


def test_answers_until_the_deadline_then_refused(paper_room: Room) -> None:
    room, c = paper_room, paper_room.cast
    ballot = _draft(room)
    _send(room, ballot)
    with pytest.raises(InvalidInput) as err:
        _answer(room, ballot, c.minister, DISAGREE)  # a comment is required
    assert "Không đồng ý" in err.value.message("vi")
    _answer(room, ballot, c.minister, DISAGREE, "Cần làm rõ nguồn vốn")
    changed = _answer(room, ballot, c.minister, AGREE, hours=100)  # changed before the deadline
    assert changed.choice is AGREE
    _answer(room, ballot, c.pm, AGREE, hours=24 * 5)  # at the deadline itself: still accepted
    with pytest.raises(InvalidState) as late:
        _answer(room, ballot, c.other_minister, AGREE, hours=24 * 5 + 0.01)
    assert "hết thời hạn" in late.value.message("vi") and "has passed" in late.value.message("en")
    with pytest.raises(InvalidState):
        _answer(room, ballot, c.minister, DISAGREE, "đổi ý", hours=24 * 6)  # no change after it either
    with room.db.read() as s:
        mine = B.get_ballot(s, c.minister, ballot.summary.id, now=T0 + timedelta(days=6))
    assert [a.choice for a in mine.my_answers] == [AGREE] and not mine.can_answer
    # the secretariat records an answer on a member's behalf (a reply on paper); a member cannot
    with room.db.write(c.officer) as s:
        answer = B.answer_ballot(
            s,
            c.officer,
            ballot.summary.id,
            ballot.questions[0].id,
            AGREE,
            member_id=c.pm.member_id,
            now=T0 + timedelta(days=1),
        )
    assert answer.recorded_by == c.officer.name and answer.name == c.pm.name
    with pytest.raises(PermissionDenied), room.db.write(c.pm) as s:
        B.answer_ballot(
            s,
            c.pm,
            ballot.summary.id,
            ballot.questions[0].id,
            AGREE,
            member_id=c.minister.member_id,
            now=T0 + timedelta(days=1),
        )


def test_summary_live_then_final_with_the_written_procedure_rule(paper_room: Room) -> None:
    room, c = paper_room, paper_room.cast
    ballot = _draft(room, questions=("Câu 1?", "Câu 2?"))
    _send(room, ballot)
    _answer(room, ballot, c.pm, AGREE, q=0)
    _answer(room, ballot, c.minister, DISAGREE, "Chưa đủ cơ sở", q=0)
    _answer(room, ballot, c.other_minister, OTHER, "Đề nghị bổ sung đánh giá tác động", q=0)
    _answer(room, ballot, c.pm, DISAGREE, "Không cần thiết", q=1)
    _answer(room, ballot, c.minister, AGREE, q=1)
    live = _report(room, ballot)
    assert not live.final and live.no_answer == (c.other_minister.name,)
    q1, q2 = live.questions
    assert (q1.tally.yes, q1.tally.no, q1.tally.other) == (1, 1, 1)
    assert (
        q1.agree == (c.pm.name,)
        and q1.disagree == (c.minister.name,)
        and q1.other == (c.other_minister.name,)
    )
    assert [a.comment for a in q1.answers if a.comment] == [
        "Chưa đủ cơ sở",
        "Đề nghị bổ sung đánh giá tác động",
    ]
    # 1 agree of 3 members is not more than half, but the tie with 1 disagree follows the PM: agree
    assert q1.decision.passed and q1.decision.decided_by_tie_break
    assert q1.decision.text("vi").startswith("Thông qua: 1 đồng ý / 3 thành viên (cần quá nửa tổng số: 2;")
    assert not q2.decision.passed and q2.no_answer == (c.other_minister.name,)  # the PM disagreed on the tie
    with pytest.raises(InvalidState) as err, room.db.write(c.officer) as s:
        B.close_ballot(s, c.officer, ballot.summary.id, now=T0 + timedelta(days=1))
    assert "1 thành viên" in err.value.message("vi")
    final = _report(room, ballot, hours=24 * 5 + 1)
    assert final.final
    with room.db.write(c.officer) as s:
        closed = B.close_ballot(s, c.officer, ballot.summary.id, now=T0 + timedelta(days=6))
    assert closed.state is BallotState.CLOSED
    with room.db.read() as s:
        events = [
            e
            for e in audit_trail(s, "opinion_ballots", str(ballot.summary.id))
            if e.action == "ballot_closed"
        ]
    assert len(events) == 1 and '"agree":1' in events[0].change


def test_drafting_refusals_and_pinned_documents(paper_room: Room) -> None:
    room, c = paper_room, paper_room.cast
    with pytest.raises(PermissionDenied), room.db.write(c.minister) as s:
        B.create_ballot(s, c.minister, room.item_id, ["Q?"], DEADLINE, now=T0)
    with pytest.raises(InvalidInput, match="already passed"), room.db.write(c.officer) as s:
        B.create_ballot(s, c.officer, room.item_id, ["Q?"], T0 - timedelta(minutes=1), now=T0)
    with pytest.raises(InvalidInput), room.db.write(c.officer) as s:
        B.create_ballot(s, c.officer, room.item_id, ["  "], DEADLINE, now=T0)
    with pytest.raises(InvalidInput, match="not a Government member"), room.db.write(c.officer) as s:
        B.create_ballot(
            s, c.officer, room.item_id, ["Q?"], DEADLINE, recipient_ids=[c.guest.member_id], now=T0
        )
    with pytest.raises(InvalidInput), room.db.write(c.officer) as s:
        B.create_ballot(s, c.officer, room.item_id, ["Q?"], DEADLINE, majority_rule_name="most", now=T0)
    ballot = _draft(room)
    with room.db.write(c.officer) as s:
        B.submit_ballot(s, c.officer, ballot.summary.id, now=T0)
    with pytest.raises(InvalidState, match="submitted cannot be edited"), room.db.write(c.officer) as s:
        B.update_ballot(s, c.officer, ballot.summary.id, title="x", now=T0)
    with room.db.write(c.leader) as s:
        B.approve_ballot(s, c.leader, ballot.summary.id, now=T0)
    with pytest.raises(InvalidState, match="already passed"), room.db.write(c.officer) as s:
        B.send_ballot(s, c.officer, ballot.summary.id, now=DEADLINE)  # too late to send
    # documents are pinned to a version; classified ones need every recipient on their list
    ballot = _draft(room)
    with room.db.read() as s:
        doc_id = B.get_ballot(s, c.officer, ballot.summary.id).documents[0].document_id
    with room.db.write(c.officer) as s:
        D.replace_document(s, c.officer, doc_id, None, "b" * 64, "t2.pdf", 11, 4, "Bản sửa")
        secret = D.add_document(
            s,
            c.officer,
            room.item_id,
            "Phụ lục mật",
            "c" * 64,
            "m.pdf",
            5,
            1,
            classification=Classification.CONFIDENTIAL,
        )
    with room.db.read() as s:
        assert [d.sha256 for d in B.get_ballot(s, c.officer, ballot.summary.id).documents] == ["a" * 64]
    with pytest.raises(InvalidInput) as err, room.db.write(c.officer) as s:
        B.update_ballot(s, c.officer, ballot.summary.id, document_ids=[doc_id, secret.id], now=T0)
    assert "3 người nhận phiếu" in err.value.message("vi")
    with room.db.write(c.officer) as s:
        updated = B.update_ballot(
            s, c.officer, ballot.summary.id, document_ids=[doc_id], recipient_ids=[c.pm.member_id], now=T0
        )
    assert [d.sha256 for d in updated.documents] == ["b" * 64]  # re-pinned to the current version
