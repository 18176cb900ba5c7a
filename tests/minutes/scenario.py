"""A demo-like session for the minutes, built through the real services on a test clock.

The demo Government (its real ministries, fictional names), a regular session with four items: a discussion
item with an opinion ballot, a decree put to an open vote, a law proposal put to a secret vote, and — when
asked — a confidential item. Attendance has members present, one arriving late, one absent with a reason,
one represented by a deputy, and guests; members stated positions before the session and spoke in it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.db import Database
from ecabinet.demo import government as G
from ecabinet.minutes import service as MS
from ecabinet.model import (
    AttendanceStatus,
    Classification,
    DocumentKind,
    InviteRole,
    ItemKind,
    OpinionChoice,
    OrgKind,
    Role,
    SessionKind,
    Stance,
    VoteChoice,
)
from ecabinet.services import members as M
from ecabinet.services.actor import Actor, load_actor
from ecabinet.voting import attendance as A
from ecabinet.voting import ballots as B
from ecabinet.voting import positions as P
from ecabinet.voting import speaking as SP
from ecabinet.voting import votes as V

T0 = datetime(2026, 11, 5, 1, 0, tzinfo=UTC)  # 08:00 in Hà Nội, Thursday 5 November 2026


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@dataclass
class Scenario:
    db: Database
    leader: Actor
    officer: Actor
    members: list[Actor]  # every Government member, in protocol order (the Prime Minister first)
    guests: list[Actor]
    session_id: uuid.UUID
    items: list[uuid.UUID]  # ballot item, open-vote item, secret-vote item[, classified item]
    open_vote_id: uuid.UUID
    secret_vote_id: uuid.UUID
    ballot_id: uuid.UUID
    absent: Actor
    represented: Actor
    late: Actor
    names: dict[str, uuid.UUID] = field(default_factory=dict)

    @property
    def pm(self) -> Actor:
        return self.members[0]


def _people(db: Database) -> tuple[Actor, Actor, list[Actor], list[Actor]]:
    leader_spec = next(p for p in G.SECRETARIAT if p.role == "secretariat_leader")
    with db.write(None) as s:
        orgs = {
            o.code: M.add_organisation(s, None, o.code, o.name, o.short_name, OrgKind(o.kind), n).id
            for n, o in enumerate(G.ORGANISATIONS)
        }
        leader_info = M.bootstrap_secretariat(s, leader_spec.full_name, leader_spec.title)
        leader = load_actor(s, leader_info.id)
        ids = {}
        for n, p in enumerate(G.all_people()):
            if p is leader_spec:
                continue
            info = M.add_member(
                s,
                leader,
                p.full_name,
                p.title,
                Role(p.role),
                orgs.get(p.org_code),
                p.has_vote,
                p.is_head_of_government,
                sort_order=n,
            )
            ids[p.full_name] = info.id
    with db.read() as s:
        officer = load_actor(s, ids[next(p for p in G.SECRETARIAT if p.role == "secretariat").full_name])
        members = [load_actor(s, ids[p.full_name]) for p in G.MEMBERS]
        guests = [load_actor(s, ids[p.full_name]) for p in G.GUESTS]
    return leader, officer, members, guests


def build_scenario(
    db: Database, *, classified: bool = False, close: bool = True, texts: bool = True
) -> Scenario:
    leader, officer, members, guests = _people(db)
    absent, represented, late = members[-3], members[-4], members[10]
    blob = db.blobs.put(b"%PDF-1.4 stand-in file for the documents of the test session\n")
    with db.read() as s:
        orgs = {o.code: o.id for o in M.list_organisations(s)}
    with db.write(officer) as s:
        created = S.create_session(
            s,
            officer,
            "Phiên họp Chính phủ thường kỳ tháng 10 năm 2026",
            SessionKind.REGULAR,
            datetime.now(UTC) + timedelta(days=10),
            place="Trụ sở Chính phủ, số 1 Hoàng Hoa Thám, Hà Nội",
            number=19,
        )
        sid = created.id
        for guest in guests:
            S.set_invitation(s, officer, sid, guest.member_id, InviteRole.GUEST)
        specs = [
            (
                "Tình hình kinh tế - xã hội tháng 10 và 10 tháng năm 2026",
                "BTC",
                ItemKind.DISCUSSION,
                Classification.NORMAL,
                ["Báo cáo tình hình kinh tế - xã hội tháng 10", "Phụ lục số liệu các chỉ tiêu chủ yếu"],
            ),
            (
                "Dự thảo Nghị định quy định chi tiết về phân cấp, phân quyền trong lĩnh vực xây dựng",
                "BXD",
                ItemKind.DECISION,
                Classification.NORMAL,
                ["Tờ trình dự thảo Nghị định", "Dự thảo Nghị định", "Báo cáo thẩm định của Bộ Tư pháp"],
            ),
            (
                "Đề nghị xây dựng Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công",
                "BTP",
                ItemKind.DECISION,
                Classification.NORMAL,
                ["Tờ trình đề nghị xây dựng Luật"],
            ),
        ]
        if classified:
            specs.append(
                (
                    "Đề án bảo đảm an ninh mạng cho các hệ thống thông tin quan trọng",
                    "BCA",
                    ItemKind.DECISION,
                    Classification.CONFIDENTIAL,
                    ["Tờ trình Đề án"],
                )
            )
        item_ids = []
        for title, org, kind, cls, docs in specs:
            item = I.add_item(
                s, officer, sid, title, kind, 30, presenter_org_id=orgs[org], classification=cls
            )
            item_ids.append(item.id)
            for n, doc in enumerate(docs):
                D.add_document(
                    s, officer, item.id, doc, blob, f"tai-lieu-{n}.pdf", 64, 1, DocumentKind.SUBMISSION, cls
                )
        S.publish_session(s, officer, sid)

    # Positions before the session.
    for member, stance, note in (
        (members[3], Stance.WISH_TO_SPEAK, ""),
        (members[12], Stance.WISH_TO_SPEAK, ""),
        (members[15], Stance.OBJECT, "cần làm rõ thẩm quyền của địa phương"),
        (members[5], Stance.NO_OBJECTION, ""),
        (members[6], Stance.NO_OBJECTION, ""),
    ):
        with db.write(member) as s:
            P.set_position(s, member, item_ids[1], stance, note)

    # An opinion ballot on the first item, answered before the session.
    b0 = T0 - timedelta(days=6)
    with db.write(officer) as s:
        ballot = B.create_ballot(
            s,
            officer,
            item_ids[0],
            ["Đồng ý với báo cáo tình hình kinh tế - xã hội tháng 10 năm 2026?"],
            b0 + timedelta(days=3),
            now=b0,
        )
        B.submit_ballot(s, officer, ballot.summary.id, now=b0)
    with db.write(leader) as s:
        B.approve_ballot(s, leader, ballot.summary.id, now=b0)
        B.send_ballot(s, leader, ballot.summary.id, now=b0)
    question = ballot.questions[0].id
    with db.write(officer) as s:
        for n, member in enumerate(members[:-2]):
            choice = OpinionChoice.AGREE
            comment = ""
            if n == 7:
                choice, comment = (
                    OpinionChoice.DISAGREE,
                    "Đề nghị bổ sung số liệu về thị trường bất động sản.",
                )
            elif n == 8:
                choice, comment = (
                    OpinionChoice.OTHER,
                    "Cần đánh giá thêm tác động của thiên tai ở miền Trung.",
                )
            B.answer_ballot(
                s,
                officer,
                ballot.summary.id,
                question,
                choice,
                comment,
                member_id=member.member_id,
                now=b0 + timedelta(hours=n + 1),
            )
        B.close_ballot(s, officer, ballot.summary.id, now=b0 + timedelta(days=4))

    with db.write(officer) as s:
        S.start_session(s, officer, sid)
        for member in members:
            if member in (absent, represented, late):
                continue
            A.record_attendance(s, officer, sid, member.member_id, AttendanceStatus.PRESENT, now=at(0))
        A.record_attendance(
            s,
            officer,
            sid,
            absent.member_id,
            AttendanceStatus.ABSENT,
            reason="đi công tác nước ngoài",
            now=at(0),
        )
        A.record_attendance(
            s,
            officer,
            sid,
            represented.member_id,
            AttendanceStatus.REPRESENTED,
            reason="bận công tác tại địa phương",
            deputy_name="Thứ trưởng Nguyễn Văn Dự",
            now=at(0),
        )
        for guest in guests[:2]:
            A.record_attendance(s, officer, sid, guest.member_id, AttendanceStatus.PRESENT, now=at(0))
        A.record_attendance(s, officer, sid, late.member_id, AttendanceStatus.PRESENT, now=at(45))
        # Speakers on the first two items.
        for n, member in enumerate((members[3], members[12], guests[0])):
            request = SP.request_to_speak(s, officer, item_ids[n % 2], member.member_id)
            SP.start_speaking(s, officer, request.id, now=at(10 + 10 * n))
            SP.stop_speaking(s, officer, request.id, now=at(15 + 10 * n))
        # An open vote on the decree: most for, two against, one abstains; one eligible member does not vote.
        vote = V.open_vote(
            s, officer, item_ids[1], "Thông qua dự thảo Nghị định về phân cấp, phân quyền", now=at(60)
        )
        voters = [m for m in members if m not in (absent, represented)]
        for n, member in enumerate(voters[:-1]):
            choice = VoteChoice.FOR
            if n in (9, 14):
                choice = VoteChoice.AGAINST
            elif n == 16:
                choice = VoteChoice.ABSTAIN
            V.cast_vote(s, officer, vote.id, choice, member_id=member.member_id, now=at(61))
        V.close_vote(s, officer, vote.id, now=at(65))
        # A secret vote on the law proposal.
        secret = V.open_vote(
            s,
            officer,
            item_ids[2],
            "Thông qua đề nghị xây dựng Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công",
            secret=True,
            now=at(90),
        )
        for n, member in enumerate(voters):
            choice = VoteChoice.AGAINST if n in (2, 4, 6) else VoteChoice.FOR
            V.cast_vote(s, officer, secret.id, choice, member_id=member.member_id, now=at(91))
        V.close_vote(s, officer, secret.id, now=at(95))
        if close:
            S.close_session(s, officer, sid)

    scenario = Scenario(
        db,
        leader,
        officer,
        members,
        guests,
        sid,
        item_ids,
        vote.id,
        secret.id,
        ballot.summary.id,
        absent,
        represented,
        late,
    )
    if texts:
        write_texts(scenario)
    return scenario


DISCUSSION = (
    "<p>Các thành viên Chính phủ cơ bản thống nhất với báo cáo; đánh giá kinh tế vĩ mô tiếp tục ổn định, "
    "lạm phát được kiểm soát, các cân đối lớn được bảo đảm.</p>"
    "<p>Một số ý kiến đề nghị <b>làm rõ nguyên nhân</b> giải ngân vốn đầu tư công còn chậm và "
    "<i>đề xuất giải pháp cụ thể</i> cho các tháng cuối năm:</p>"
    "<ul><li>đẩy nhanh công tác giải phóng mặt bằng;</li><li>bảo đảm nguồn cung vật liệu xây dựng.</li></ul>"
)
CONCLUSIONS = (
    "<p>Chính phủ <b>thống nhất đánh giá</b> tình hình kinh tế - xã hội tháng 10 tiếp tục chuyển biến tích cực. "
    "Giao Bộ Tài chính tiếp thu ý kiến các thành viên Chính phủ, hoàn thiện báo cáo.</p>",
    "<p>Chính phủ <b>thông qua</b> dự thảo Nghị định. Giao Bộ Xây dựng chủ trì, phối hợp với Bộ Tư pháp tiếp "
    "thu, hoàn thiện dự thảo, trình Thủ tướng Chính phủ ký ban hành trước ngày 30 tháng 11 năm 2026.</p>",
    "<p>Chính phủ thống nhất <i>thông qua</i> đề nghị xây dựng Luật; giao Bộ Tư pháp hoàn thiện hồ sơ:</p>"
    "<ol><li>rà soát phạm vi sửa đổi;</li><li>báo cáo Ủy ban Thường vụ Quốc hội theo quy định.</li></ol>",
    "<p>Chính phủ thông qua Đề án; giao Bộ Công an chủ trì triển khai.</p>",
)


def write_texts(sc: Scenario) -> None:
    with sc.db.write(sc.officer) as s:
        MS.update_minutes(s, sc.officer, sc.session_id, opened_at=at(0), closed_at=at(210))
        MS.set_discussion(s, sc.officer, sc.items[0], DISCUSSION)
        MS.set_discussion(
            s,
            sc.officer,
            sc.items[1],
            "<p>Bộ trưởng Bộ Xây dựng trình bày Tờ trình; Bộ trưởng Bộ Tư pháp báo cáo thẩm định.</p>",
        )
        for item_id, text in zip(sc.items, CONCLUSIONS, strict=False):
            MS.set_conclusion(s, sc.officer, item_id, text)
