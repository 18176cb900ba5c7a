"""The other printed outputs, in the minutes' style but with the place-and-date line (Decree 30/2020):

- the session resolution (Nghị quyết phiên họp Chính phủ, …/NQ-CP), drafted from the conclusions of the
  decision items as numbered articles;
- the notice of conclusions (Thông báo kết luận, …/TB-VPCP), due within 5 working days of the session;
- the opinion summary of a ballot (Báo cáo tổng hợp ý kiến thành viên Chính phủ, …/BC-VPCP);
- the attendance sheet (Danh sách thành viên dự họp, …/DS-VPCP);
- the vote result certificate (Biên bản xác nhận kết quả biểu quyết, …/BB-VPCP), signed by the secretary and
  the chair.

Numbers are left blank ("Số:      /NQ-CP") for the clerk to fill in when the document is issued; the date is
the day it is printed unless one is given.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.errors import InvalidState
from ecabinet.minutes import richtext
from ecabinet.minutes.calendar import local_date
from ecabinet.minutes.draft import (
    AttendanceLine,
    BallotFacts,
    ItemMinutes,
    MinutesDraft,
    Person,
    VoteFacts,
    ballot_facts,
    check_may_draft,
    default_secretary,
    vote_facts,
)
from ecabinet.minutes.layout import (
    FRAME_W,
    Letterhead,
    Signer,
    Styles,
    build_pdf,
    cell_text,
    date_text,
    esc,
    grid,
    keep_ending,
    local,
    moment_text,
    number_text,
    para,
    place_date,
    rich,
    signature_with_recipients,
    styles,
    title_block,
)
from ecabinet.minutes.pdf import vote_block
from ecabinet.model import (
    AttendanceStatus,
    Classification,
    ItemKind,
    Member,
    Minutes,
    OpinionBallot,
    utcnow,
)
from ecabinet.services.actor import Actor
from ecabinet.voting.ballots import ballot_report
from ecabinet.voting.common import count_voters, item_numbers, load_item
from ecabinet.voting.votes import get_vote

__all__ = [
    "BallotDocument",
    "VoteCertificate",
    "ballot_document",
    "render_attendance_sheet",
    "render_ballot_report",
    "render_conclusions_notice",
    "render_resolution",
    "render_vote_certificate",
    "vote_certificate",
]

VPCP = "Văn phòng Chính phủ"
LAWS = (
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
    "Căn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 năm 2022 của Chính phủ ban hành Quy chế làm việc "
    "của Chính phủ;",
)
CHOICE_WORDS = {"agree": "đồng ý", "disagree": "không đồng ý", "other": "ý kiến khác"}


def _today(issued_on: date | None) -> date:
    return issued_on or local_date(utcnow())


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _chair_words(draft: MinutesDraft) -> str:
    """ "Thủ tướng Chính phủ Trương Minh Khang" """
    if draft.chair is None:
        return "Chủ tọa"
    return f"{draft.chair.title} {draft.chair.name}".strip()


def _government_signer(chair: Person | None) -> Signer:
    if chair is not None and chair.title.startswith("Phó Thủ tướng"):
        return Signer(("TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"), chair.name)
    return Signer(("TM. CHÍNH PHỦ", "THỦ TƯỚNG"), chair.name if chair else "")


def _vpcp_signer(secretary: Person | None) -> Signer:
    return Signer(("BỘ TRƯỞNG, CHỦ NHIỆM",), secretary.name if secretary else "")


def _with_conclusion(draft: MinutesDraft, keep: Callable[[ItemMinutes], bool]) -> list[ItemMinutes]:
    return [i for i in draft.items if keep(i) and not richtext.is_empty(i.conclusion)]


# --- the session resolution ------------------------------------------------------------------------------------


def render_resolution(draft: MinutesDraft, issued_on: date | None = None) -> bytes:
    """Nghị quyết phiên họp: one article per decision item with a conclusion, then the article on execution."""
    decisions = _with_conclusion(draft, lambda i: i.kind is ItemKind.DECISION)
    if not decisions:
        raise InvalidState("report_no_decisions")
    st = styles()
    story: list[Flowable] = [
        Letterhead(
            "Chính phủ", number_text(None, "NQ-CP"), draft.classification.mark, place_date(_today(issued_on))
        ),
        *title_block("NGHỊ QUYẾT", [draft.subject], st),
        para("CHÍNH PHỦ", st.signer),
        Spacer(1, 8),
        *(para(line, st.italic) for line in LAWS),
        para(
            "Trên cơ sở thảo luận của các thành viên Chính phủ và kết luận của chủ tọa tại "
            f"{_lower_first(draft.subject)}, tổ chức {date_text(draft.meeting_date)},",
            st.italic,
        ),
        para("QUYẾT NGHỊ:", st.signer),
        Spacer(1, 8),
    ]
    for n, item in enumerate(decisions, 1):
        story.append(para(f"Điều {n}. {item.title}", st.heading))
        story += rich(item.conclusion, st)
    last = len(decisions) + 1
    story.append(para(f"Điều {last}. Tổ chức thực hiện", st.heading))
    story.append(
        para(
            "Nghị quyết này có hiệu lực kể từ ngày ký ban hành. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, "
            "Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
            "trung ương chịu trách nhiệm thi hành Nghị quyết này./.",
            st.body,
        )
    )
    recipients = [
        "Ban Bí thư Trung ương Đảng",
        "Thủ tướng, các Phó Thủ tướng Chính phủ",
        "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
        "HĐND, UBND các tỉnh, thành phố trực thuộc trung ương",
        "Văn phòng Trung ương Đảng",
        "Văn phòng Quốc hội",
        "VPCP: BTCN, các PCN, Trợ lý TTg, Cổng TTĐT",
    ]
    keep_ending(
        story,
        1,
        signature_with_recipients(None, _government_signer(draft.chair), recipients, st, "Lưu: VT, TH."),
    )
    data, _pages = build_pdf(
        story,
        title=f"Nghị quyết {draft.subject}",
        subject=draft.subject,
        author="Chính phủ",
        classification=draft.classification,
    )
    return data


# --- the notice of conclusions -------------------------------------------------------------------------------


def render_conclusions_notice(draft: MinutesDraft, issued_on: date | None = None) -> bytes:
    """Thông báo kết luận của chủ tọa: the conclusions marked for the notice, item by item."""
    chosen = _with_conclusion(draft, lambda i: i.needs_notice)
    if not chosen:
        raise InvalidState("report_no_conclusions")
    st = styles()
    chair = _chair_words(draft)
    subject = draft.subject
    story: list[Flowable] = [
        Letterhead(
            VPCP, number_text(None, "TB-VPCP"), draft.classification.mark, place_date(_today(issued_on))
        ),
        *title_block("THÔNG BÁO", [f"Kết luận của {chair}", f"tại {subject}"], st),
        para(
            f"{date_text(draft.meeting_date).capitalize()}, tại {draft.place or 'Trụ sở Chính phủ'}, {chair} "
            f"chủ trì {subject}. Tham dự phiên họp có các thành viên Chính phủ và đại biểu mời dự. Sau khi nghe "
            f"báo cáo của các cơ quan và ý kiến của các thành viên Chính phủ, {chair} kết luận như sau:",
            st.body,
        ),
    ]
    for n, item in enumerate(chosen, 1):
        story.append(para(f"{n}. Về {_lower_first(item.title)}", st.heading))
        story += rich(item.conclusion, st)
    story.append(
        para(
            f"{VPCP} thông báo để các bộ, cơ quan, địa phương liên quan biết, thực hiện./.",
            st.body,
        )
    )
    presenters = list(dict.fromkeys(i.presenter for i in chosen if i.presenter))
    recipients = [
        "Thủ tướng, các Phó Thủ tướng Chính phủ",
        *presenters,
        "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
        "VPCP: BTCN, các PCN, Trợ lý TTg, các Vụ, Cục",
    ]
    keep_ending(
        story,
        1,
        signature_with_recipients(None, _vpcp_signer(draft.secretary), recipients, st, "Lưu: VT, TH."),
    )
    data, _pages = build_pdf(
        story,
        title=f"Thông báo kết luận {subject}",
        subject=subject,
        author=VPCP,
        classification=draft.classification,
    )
    return data


# --- the attendance sheet --------------------------------------------------------------------------------------

_STATUS = {
    AttendanceStatus.PRESENT: "Có mặt",
    AttendanceStatus.ABSENT: "Vắng mặt",
    AttendanceStatus.REPRESENTED: "Cử người dự thay",
}
_WIDTHS = (13, 44, 50, 27, 31)  # mm: STT, name, title, attendance, note (= 165 mm)


def _attendance_rows(lines: tuple[AttendanceLine, ...], st: Styles, start: int = 1) -> list[list[object]]:
    widths = [w * mm for w in _WIDTHS]
    rows: list[list[object]] = []
    for n, e in enumerate(lines, start):
        status = _STATUS.get(e.status, "Chưa điểm danh") if e.status else "Chưa điểm danh"
        note = e.reason
        if e.status is AttendanceStatus.REPRESENTED:
            note = f"{e.deputy_name} dự thay" + (f"; {e.reason}" if e.reason else "")
        elif e.status is AttendanceStatus.PRESENT:
            times = []
            if e.arrived_at:
                times.append(f"đến {local(e.arrived_at):%H:%M}")
            if e.left_at:
                times.append(f"về {local(e.left_at):%H:%M}")
            note = ", ".join(times)
        cells = (str(n), e.name, e.title, status, note)
        rows.append([cell_text(c, w, st) for c, w in zip(cells, widths, strict=True)])
    return rows


def render_attendance_sheet(draft: MinutesDraft, issued_on: date | None = None) -> bytes:
    """Danh sách thành viên dự họp: every member with their attendance, then the guests; the quorum."""
    st = styles()
    a = draft.attendance
    day = issued_on or draft.meeting_date
    header = [
        cell_text(t, w * mm, st, st.cell_head)
        for t, w in zip(("STT", "Họ và tên", "Chức vụ", "Tình hình dự họp", "Ghi chú"), _WIDTHS, strict=True)
    ]
    story: list[Flowable] = [
        Letterhead(VPCP, number_text(None, "DS-VPCP"), draft.classification.mark, place_date(day)),
        *title_block("DANH SÁCH", ["Thành viên Chính phủ và đại biểu dự", draft.subject], st),
    ]
    if draft.opened_at is not None:
        story.append(
            para(f"Thời gian: {moment_text(draft.opened_at)}; địa điểm: {draft.place or '…'}.", st.body)
        )
    story.append(para(f"I. THÀNH VIÊN CHÍNH PHỦ ({a.total_members} thành viên)", st.section))
    story.append(grid([header, *_attendance_rows(a.members, st)], [w * mm for w in _WIDTHS], st))
    story.append(
        para(
            f"Có mặt: {len(a.present)}; vắng mặt: {len(a.absent)}; cử người dự thay: {len(a.represented)}. "
            f"{a.quorum.text_vi}.",
            st.body,
        )
    )
    if a.guests:
        story.append(CondPageBreak(45 * mm))
        story.append(para("II. ĐẠI BIỂU MỜI DỰ", st.section))
        story.append(grid([header, *_attendance_rows(a.guests, st)], [w * mm for w in _WIDTHS], st))
    keep_ending(
        story,
        2 if a.guests else 0,
        signature_with_recipients(
            None, Signer(("THƯ KÝ",), draft.secretary.name if draft.secretary else ""), [], st
        ),
    )
    data, _pages = build_pdf(
        story,
        title=f"Danh sách dự họp {draft.subject}",
        subject=draft.subject,
        author=VPCP,
        classification=draft.classification,
    )
    return data


# --- the opinion summary of a ballot -------------------------------------------------------------------------


@dataclass(frozen=True)
class BallotDocument:
    facts: BallotFacts
    item_title: str
    signer: Person | None


def ballot_document(
    session: Session, actor: Actor, ballot_id: uuid.UUID, now: datetime | None = None
) -> BallotDocument:
    """What the opinion summary prints (the secretariat only, as `ballot_report`)."""
    check_may_draft(actor)
    report = ballot_report(session, actor, ballot_id, now=now)
    ballot = session.get(OpinionBallot, ballot_id)
    assert ballot is not None
    item_title = ""
    if ballot.item_id is not None:
        item_title = load_item(session, actor, ballot.item_id)[0].title
    head = default_secretary(session)
    return BallotDocument(
        ballot_facts(report, ballot.majority_rule or "written_procedure"),
        item_title,
        Person(head.full_name, head.title) if head else None,
    )


def render_ballot_report(doc: BallotDocument, issued_on: date | None = None) -> bytes:
    """Báo cáo tổng hợp ý kiến: counts and names per choice, comments, the result by the rule, who is silent."""
    st = styles()
    b = doc.facts
    answered = b.recipient_count - len(b.no_answer)
    sent = f"{date_text(local(b.sent_at).date()).capitalize()}, " if b.sent_at else ""
    story: list[Flowable] = [
        Letterhead(VPCP, number_text(None, "BC-VPCP"), "", place_date(_today(issued_on))),
        *title_block("BÁO CÁO", ["Tổng hợp ý kiến thành viên Chính phủ", f"về {b.title}"], st),
        para(
            f"{sent}{VPCP} đã gửi Phiếu lấy ý kiến thành viên Chính phủ về {b.title} đến {b.recipient_count} "
            f"thành viên Chính phủ; thời hạn trả lời: {moment_text(b.deadline)}. "
            f"{'Đến hết thời hạn' if b.final else 'Đến thời điểm báo cáo'}, {VPCP} đã nhận được ý kiến của "
            f"{answered}/{b.recipient_count} thành viên. Kết quả như sau:",
            st.body,
        ),
    ]
    if doc.item_title and doc.item_title != b.title:
        story.insert(-1, para(f"(Nội dung: {doc.item_title})", st.centre))
    width = FRAME_W / 4
    for q in b.questions:
        story.append(CondPageBreak(50 * mm))
        story.append(para(f"{q.number}. {q.text}", st.section))
        columns = (q.agree, q.disagree, q.other, q.no_answer)
        rows: list[list[object]] = [
            ["Đồng ý", "Không đồng ý", "Ý kiến khác", "Chưa trả lời"],
            [f"{len(c)} thành viên" for c in columns],
        ]
        for n in range(max(len(c) for c in columns)):
            rows.append([cell_text(c[n], width, st) if n < len(c) else "" for c in columns])
        story.append(
            grid(
                rows,
                [width] * 4,
                st,
                header_rows=2,
                ruled_rows=2,
                extra=[("ALIGN", (0, 1), (-1, 1), "CENTER")],
            )
        )
        story.append(Paragraph(f"<b>Kết quả: {esc(q.result_text)}.</b>", st.body))
        if q.comments:
            story.append(para("Ý kiến cụ thể:", st.label))
            story += [
                para(f"- {name} ({CHOICE_WORDS.get(choice, choice)}): {comment}", st.body)
                for name, choice, comment in q.comments
            ]
    story.append(para(f"Nguyên tắc: {b.rule_text}.", st.italic))
    if b.no_answer:
        story.append(para(f"Thành viên chưa có ý kiến: {', '.join(b.no_answer)}.", st.body))
    story.append(para(f"{VPCP} kính báo cáo Thủ tướng Chính phủ./.", st.body))
    keep_ending(
        story,
        1,
        signature_with_recipients(
            None,
            _vpcp_signer(doc.signer),
            ["Thủ tướng Chính phủ (để báo cáo)", "Các Phó Thủ tướng Chính phủ"],
            st,
            "Lưu: VT, TH.",
        ),
    )
    data, _pages = build_pdf(story, title=f"Báo cáo tổng hợp ý kiến {b.title}", subject=b.title, author=VPCP)
    return data


# --- the vote result certificate -----------------------------------------------------------------------------


@dataclass(frozen=True)
class VoteCertificate:
    session_title: str
    item_number: str
    item_title: str
    classification: Classification
    vote: VoteFacts
    total_members: int
    meeting_date: date
    chair: Person | None
    secretary: Person | None


def vote_certificate(session: Session, actor: Actor, vote_id: uuid.UUID) -> VoteCertificate:
    check_may_draft(actor)
    info = get_vote(session, actor, vote_id)
    item, row = load_item(session, actor, info.item_id)
    number = next((n for i, n in item_numbers(session, row.id) if i.id == item.id), "")
    minutes = session.execute(select(Minutes).where(Minutes.session_id == row.id)).scalar()
    chair_id = (minutes.chair_id if minutes else None) or row.chair_id
    chair = session.get(Member, chair_id) if chair_id else None
    secretary = session.get(Member, minutes.secretary_id) if minutes and minutes.secretary_id else None
    secretary = secretary or default_secretary(session)
    return VoteCertificate(
        row.title,
        number,
        item.title,
        item.classification,
        vote_facts(info),
        count_voters(session),
        local_date(info.opened_at),
        Person(chair.full_name, chair.title) if chair else None,
        Person(secretary.full_name, secretary.title) if secretary else None,
    )


def render_vote_certificate(cert: VoteCertificate, issued_on: date | None = None) -> bytes:
    """Biên bản xác nhận kết quả biểu quyết: the motion, the rule, the counts (names if open), the result."""
    v = cert.vote
    if v.counts is None:
        raise InvalidState("report_vote_not_closed")
    st = styles()
    story: list[Flowable] = [
        Letterhead(
            VPCP,
            number_text(None, "BB-VPCP"),
            cert.classification.mark,
            place_date(issued_on or cert.meeting_date),
        ),
        *title_block("BIÊN BẢN", ["Xác nhận kết quả biểu quyết", f"tại {cert.session_title}"], st),
        para(f"Nội dung: {cert.item_number}. {cert.item_title}.", st.body),
        para(
            f"Thời gian biểu quyết: từ {moment_text(v.opened_at)}"
            + (f" đến {moment_text(v.closed_at)}." if v.closed_at else "."),
            st.body,
        ),
        para(f"Tổng số thành viên Chính phủ: {cert.total_members}.", st.body),
    ]
    story += vote_block(v, st, cert.total_members)
    if v.quorum_text:
        story.append(para(f"{v.quorum_text}.", st.italic))
    signers = signature_with_recipients(
        Signer(("THƯ KÝ",), cert.secretary.name if cert.secretary else ""),
        Signer(("CHỦ TỌA",), cert.chair.name if cert.chair else ""),
        ["Thủ tướng, các Phó Thủ tướng Chính phủ"],
        st,
    )
    keep_ending(story, 2 if v.quorum_text else 1, signers[:1])
    story += signers[1:]
    data, _pages = build_pdf(
        story,
        title=f"Kết quả biểu quyết {v.motion}",
        subject=cert.session_title,
        author=VPCP,
        classification=cert.classification,
    )
    return data
