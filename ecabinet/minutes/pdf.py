"""The minutes PDF: Decree 30/2020/NĐ-CP, Appendix III, form 1.9 "Biên bản".

Top left "CHÍNH PHỦ" and "Số: 12/BB-CP" (a classification box under them when any item is classified), top
right the national motto — form 1.9 has no place-and-date line —, the title BIÊN BẢN with the subject, then
the fields of the form in its order: start time, place, those taking part (members present, absent and why,
represented by whom, guests, the quorum), chair, secretary, the content item by item in the order of the
session, and the closing line "Cuộc họp kết thúc vào … giờ …, ngày … tháng … năm …". THƯ KÝ signs on the
left, CHỦ TỌA on the right; "Nơi nhận:" ends with "Lưu: VT, Hồ sơ.". A draft carries a DỰ THẢO box.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph

from ecabinet.minutes.draft import (
    AttendanceLine,
    BallotFacts,
    ItemMinutes,
    MinutesDraft,
    PositionFacts,
    VoteFacts,
)
from ecabinet.minutes.layout import (
    FRAME_W,
    Letterhead,
    Signer,
    Styles,
    build_pdf,
    cell_text,
    clock_text,
    date_text,
    esc,
    grid,
    local,
    moment_text,
    number_text,
    para,
    recipients,
    rich,
    signature_with_recipients,
    styles,
    title_block,
)

__all__ = ["minutes_story", "render_minutes", "vote_block"]

LATE_ARRIVAL = timedelta(minutes=10)  # an arrival later than this after the opening is noted
CHOICES = ("Tán thành", "Không tán thành", "Không biểu quyết")


def render_minutes(draft: MinutesDraft, final: bool = False) -> bytes:
    """The minutes as a PDF. `final`: the approved rendering (no DỰ THẢO box; a correction says so)."""
    data, _pages = build_minutes(draft, final)
    return data


def build_minutes(draft: MinutesDraft, final: bool = False) -> tuple[bytes, int]:
    return build_pdf(
        minutes_story(draft, final),
        title=f"Biên bản {draft.subject}",
        subject=draft.subject,
        author="Chính phủ",
        classification=draft.classification,
        draft=not final,
    )


# --- the parts ------------------------------------------------------------------------------------------------


def _listing(lines: list[str], st: Styles) -> list[Flowable]:
    """ "- A;" … "- Z." as Vietnamese documents list things."""
    return [para(f"- {line}{'.' if n == len(lines) - 1 else ';'}", st.body) for n, line in enumerate(lines)]


def _present_line(e: AttendanceLine, opened: datetime | None) -> str:
    text = f"{e.name}, {e.title}" if e.title else e.name
    notes = []
    if e.arrived_at is not None and opened is not None and e.arrived_at - opened > LATE_ARRIVAL:
        notes.append(f"đến lúc {clock_text(e.arrived_at)}")
    if e.left_at is not None:
        notes.append(f"rời phiên họp lúc {clock_text(e.left_at)}")
    return f"{text} ({'; '.join(notes)})" if notes else text


def _attendance(draft: MinutesDraft, st: Styles) -> list[Flowable]:
    a = draft.attendance
    out: list[Flowable] = [para("Thành phần tham dự:", st.body)]
    out.append(
        para(f"a) Thành viên Chính phủ có mặt: {len(a.present)}/{a.total_members} thành viên:", st.body)
    )
    out += _listing([_present_line(e, draft.opened_at) for e in a.present], st)
    if a.absent:
        out.append(para(f"b) Thành viên Chính phủ vắng mặt: {len(a.absent)} thành viên:", st.body))
        out += _listing(
            [
                f"{e.name}, {e.title}" + (f", lý do: {e.reason}" if e.reason else ", không có lý do")
                for e in a.absent
            ],
            st,
        )
    if a.represented:
        letter = "c" if a.absent else "b"
        out.append(
            para(f"{letter}) Thành viên Chính phủ vắng mặt, cử người dự thay: {len(a.represented)}:", st.body)
        )
        out += _listing(
            [
                f"{e.name}, {e.title}, cử {e.deputy_name} dự thay"
                + (f" (lý do: {e.reason})" if e.reason else "")
                for e in a.represented
            ],
            st,
        )
    if a.guests:
        letter = "bcd"[bool(a.absent) + bool(a.represented)]
        out.append(para(f"{letter}) Đại biểu mời dự:", st.body))
        out += _listing([f"{e.name}, {e.title}" if e.title else e.name for e in a.guests], st)
    out.append(para(f"{a.quorum.text_vi}.", st.italic))
    return out


def _positions(p: PositionFacts) -> str:
    parts = []
    if p.no_objection:
        parts.append(f"{p.no_objection} thành viên không có ý kiến khác")
    if p.wish_to_speak:
        parts.append(f"đăng ký phát biểu: {', '.join(p.wish_to_speak)}")
    if p.objections:
        named = ", ".join(f"{name} ({note})" if note else name for name, note in p.objections)
        parts.append(f"không đồng ý: {named}")
    if p.silent:
        parts.append(f"{p.silent} thành viên không nêu ý kiến")
    return "Ý kiến của thành viên Chính phủ trước phiên họp: " + "; ".join(parts) + "."


def _ballot(b: BallotFacts, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [
        para(
            f"Kết quả lấy ý kiến thành viên Chính phủ bằng phiếu «{b.title}» "
            f"(gửi {b.recipient_count} thành viên, thời hạn {date_text(local(b.deadline).date())}):",
            st.body,
        )
    ]
    for q in b.questions:
        counts = (
            f"{len(q.agree)} đồng ý, {len(q.disagree)} không đồng ý, {len(q.other)} ý kiến khác, "
            f"{len(q.no_answer)} chưa trả lời"
        )
        prefix = f"Câu hỏi {q.number} ({q.text}): " if len(b.questions) > 1 else ""
        out.append(para(f"{prefix}{counts}. {q.result_text}.", st.body))
    return out


def vote_block(v: VoteFacts, st: Styles, total_members: int | None = None) -> list[Flowable]:
    """One vote: the motion, the rule, a For / Against / Abstain table (names for an open vote, counts only
    for a secret one) and the result sentence the rule produced."""
    kind = "kín" if v.secret else "công khai"
    out: list[Flowable] = [
        Paragraph(f"<b>Biểu quyết {kind}</b> về: {esc(v.motion.rstrip('.'))}.", st.body),
    ]
    if v.annul_reason and v.state.value == "annulled":
        out.append(para(f"Biểu quyết này đã bị hủy; lý do: {v.annul_reason}.", st.italic))
        return out
    if v.counts is None:
        out.append(para("Biểu quyết chưa kết thúc.", st.italic))
        return out
    if v.rule_text:
        out.append(para(f"Nguyên tắc biểu quyết: {v.rule_text}.", st.body))
    present = f"Số thành viên có quyền biểu quyết có mặt: {v.eligible}"
    out.append(para(f"{present}/{total_members} thành viên." if total_members else f"{present}.", st.body))
    width = FRAME_W / 3
    rows: list[list[object]] = [list(CHOICES), [f"{n} thành viên" for n in v.counts]]
    columns = (v.names_for, v.names_against, v.names_abstain)
    depth = max((len(c) for c in columns), default=0)
    for n in range(depth):
        rows.append([cell_text(c[n], width, st) if n < len(c) else "" for c in columns])
    # Names one per row, ruled only between the columns, so a long list can run over a page.
    out.append(
        grid(rows, [width] * 3, st, header_rows=2, ruled_rows=2, extra=[("ALIGN", (0, 1), (-1, 1), "CENTER")])
    )
    if v.secret:
        out.append(
            para("Biểu quyết kín: biên bản chỉ ghi số phiếu, không ghi tên người biểu quyết.", st.italic)
        )
    if v.not_voted:
        out.append(para(f"Không tham gia biểu quyết: {v.not_voted} thành viên.", st.body))
    out.append(Paragraph(f"<b>Kết quả: {esc(v.result_text)}.</b>", st.body))
    return out


def _item(item: ItemMinutes, draft: MinutesDraft, st: Styles) -> list[Flowable]:
    mark = f" ({item.classification.mark.capitalize()})" if item.classification.is_classified else ""
    heading = st.heading if item.parent_id is None else st.subheading
    out: list[Flowable] = [CondPageBreak(60 * mm), para(f"{item.number}. {item.title}{mark}", heading)]
    if item.presenter:
        out.append(para(f"Cơ quan trình: {item.presenter}.", st.body))
    if item.documents:
        out.append(para(f"Hồ sơ trình: {'; '.join(item.documents)}.", st.body))
    if item.positions is not None:
        out.append(para(_positions(item.positions), st.body))
    for ballot in item.ballots:
        out += _ballot(ballot, st)
    if item.speakers:
        out.append(para(f"Ý kiến phát biểu tại phiên họp: {', '.join(item.speakers)}.", st.body))
    discussion = rich(item.discussion, st)
    if discussion:
        out.append(para("Tóm tắt ý kiến thảo luận:", st.label))
        out += discussion
    for vote in item.votes:
        out += vote_block(vote, st, draft.attendance.total_members)
    conclusion = rich(item.conclusion, st)
    if conclusion:
        out.append(para("Kết luận của chủ tọa:", st.label))
        out += conclusion
    return out


def _signers(draft: MinutesDraft) -> tuple[Signer, Signer]:
    return (
        Signer(("THƯ KÝ",), draft.secretary.name if draft.secretary else ""),
        Signer(("CHỦ TỌA",), draft.chair.name if draft.chair else ""),
    )


def minutes_story(draft: MinutesDraft, final: bool = False) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        Letterhead("Chính phủ", number_text(draft.number, "BB-CP"), draft.classification.mark),
        *title_block("BIÊN BẢN", [draft.subject], st),
    ]
    if draft.opened_at is not None:
        story.append(para(f"Thời gian bắt đầu: {moment_text(draft.opened_at)}.", st.body))
    story.append(para(f"Địa điểm: {draft.place or '…'}.", st.body))
    story += _attendance(draft, st)
    chair = draft.chair.line() if draft.chair else "…"
    secretary = draft.secretary.line() if draft.secretary else "…"
    story.append(para(f"Chủ trì (chủ tọa): {chair}.", st.body))
    story.append(para(f"Thư ký (người ghi biên bản): {secretary}.", st.body))
    story += rich(draft.opening, st)
    story.append(para("Nội dung (theo diễn biến phiên họp):", st.body))
    for item in draft.items:
        story += _item(item, draft, st)
    story += rich(draft.closing, st)
    ending = (
        f"Cuộc họp kết thúc vào {clock_text(draft.closed_at)}, {date_text(local(draft.closed_at).date())}./."
        if draft.closed_at is not None
        else "Cuộc họp kết thúc vào … giờ …, ngày … tháng … năm …/."
    )
    closing: list[Flowable] = [para(ending, st.body)]
    if draft.correction_reason and draft.versions:
        last = draft.versions[-1]
        closing.append(
            para(
                f"Biên bản này đính chính biên bản đã duyệt {date_text(local(last.approved_at).date())} "
                f"(bản lần {last.number}); lý do đính chính: {draft.correction_reason.rstrip('.')}.",
                st.italic,
            )
        )
    secretary_signer, chair_signer = _signers(draft)
    closing += signature_with_recipients(secretary_signer, chair_signer, None, st)
    story.append(KeepTogether(closing))
    story += recipients(list(draft.recipients), st)
    return story
