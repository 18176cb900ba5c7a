"""Every printed output by name, for the CLI and the outputs panel: what to print, its title and a file name.

The minutes print as their approved, locked PDF once approved (the bytes whose SHA-256 was recorded, read
back and checked); before that — and while a correction is open — as the draft, marked DỰ THẢO.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.minutes.draft import check_may_draft, minutes_draft
from ecabinet.minutes.pdf import render_minutes
from ecabinet.minutes.reports import (
    ballot_document,
    render_attendance_sheet,
    render_ballot_report,
    render_conclusions_notice,
    render_resolution,
    render_vote_certificate,
    vote_certificate,
)
from ecabinet.minutes.service import minutes_version_pdf
from ecabinet.model import AgendaItem, BallotState, OpinionBallot, VoteState
from ecabinet.services.actor import Actor
from ecabinet.storage.blobs import BlobStore
from ecabinet.voting.common import item_numbers
from ecabinet.voting.votes import list_votes

__all__ = ["OutputKind", "OutputTargets", "PrintedOutput", "output_targets", "produce", "slug"]


class OutputKind(StrEnum):
    MINUTES = "minutes"  # biên bản phiên họp (SESSION)
    RESOLUTION = "resolution"  # nghị quyết phiên họp (SESSION)
    CONCLUSIONS = "conclusions"  # thông báo kết luận (SESSION)
    ATTENDANCE = "attendance"  # danh sách dự họp (SESSION)
    BALLOT = "ballot"  # báo cáo tổng hợp ý kiến (BALLOT)
    VOTE = "vote"  # biên bản xác nhận kết quả biểu quyết (VOTE)

    @property
    def per_session(self) -> bool:
        return self not in (OutputKind.BALLOT, OutputKind.VOTE)


TITLES = {
    OutputKind.MINUTES: "Biên bản phiên họp",
    OutputKind.RESOLUTION: "Nghị quyết phiên họp",
    OutputKind.CONCLUSIONS: "Thông báo kết luận",
    OutputKind.ATTENDANCE: "Danh sách dự họp",
    OutputKind.BALLOT: "Báo cáo tổng hợp ý kiến",
    OutputKind.VOTE: "Kết quả biểu quyết",
}


@dataclass(frozen=True)
class PrintedOutput:
    kind: OutputKind
    title: str
    filename: str  # a suggestion: ASCII, no spaces
    data: bytes
    approved_version: int | None = None  # the minutes: the approved version these bytes are


def slug(text: str, limit: int = 60) -> str:
    """ "Biên bản phiên họp 19" -> "bien-ban-phien-hop-19" """
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    words = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in ascii_text).split()
    return "-".join(words)[:limit].strip("-") or "e-cabinet"


def produce(
    session: Session,
    actor: Actor,
    blobs: BlobStore,
    kind: OutputKind,
    ref: uuid.UUID,
    *,
    issued_on: date | None = None,
    version: int | None = None,
    now: datetime | None = None,
) -> PrintedOutput:
    """The PDF of one output. `ref` is a session, or the ballot (BALLOT) or the vote (VOTE).

    `version`: an approved version of the minutes (default: the latest once approved, else the draft).
    """
    kind = OutputKind(kind)
    title = TITLES[kind]
    if kind is OutputKind.BALLOT:
        doc = ballot_document(session, actor, ref, now=now)
        return PrintedOutput(
            kind, title, f"{slug(f'{title} {doc.facts.title}')}.pdf", render_ballot_report(doc, issued_on)
        )
    if kind is OutputKind.VOTE:
        cert = vote_certificate(session, actor, ref)
        name = slug(f"{title} {cert.item_number} {cert.vote.motion}")
        return PrintedOutput(kind, title, f"{name}.pdf", render_vote_certificate(cert, issued_on))
    if kind is OutputKind.MINUTES and version is not None:
        info, data = minutes_version_pdf(session, actor, blobs, ref, version)
        return PrintedOutput(kind, title, f"{slug(title)}-{info.number}.pdf", data, info.number)
    check_may_draft(actor)
    draft = minutes_draft(session, actor, ref, now)
    base = slug(f"{title} {draft.number or ''} {draft.subject}")
    if kind is OutputKind.MINUTES:
        if draft.locked:
            info, data = minutes_version_pdf(session, actor, blobs, ref)
            return PrintedOutput(kind, title, f"{base}.pdf", data, info.number)
        return PrintedOutput(kind, title, f"{base}-du-thao.pdf", render_minutes(draft, final=False))
    render = {
        OutputKind.RESOLUTION: render_resolution,
        OutputKind.CONCLUSIONS: render_conclusions_notice,
        OutputKind.ATTENDANCE: render_attendance_sheet,
    }[kind]
    return PrintedOutput(kind, title, f"{base}.pdf", render(draft, issued_on))


@dataclass(frozen=True)
class OutputTargets:
    """The ballots and the closed votes of a session, each with a label, for the per-ballot/vote outputs."""

    ballots: tuple[tuple[uuid.UUID, str], ...]
    votes: tuple[tuple[uuid.UUID, str], ...]


def output_targets(session: Session, actor: Actor, session_id: uuid.UUID) -> OutputTargets:
    check_may_draft(actor)
    numbers = {item.id: n for item, n in item_numbers(session, session_id)}
    ballots = session.execute(
        select(OpinionBallot.id, OpinionBallot.title, OpinionBallot.item_id)
        .join(AgendaItem, AgendaItem.id == OpinionBallot.item_id)
        .where(
            AgendaItem.session_id == session_id,
            OpinionBallot.state.in_([BallotState.SENT, BallotState.CLOSED]),
        )
        .order_by(OpinionBallot.deadline)
    ).all()
    votes = [v for v in list_votes(session, actor, session_id=session_id) if v.state is VoteState.CLOSED]
    return OutputTargets(
        tuple((b, f"{numbers[item] if item else ''}. {title}") for b, title, item in ballots),
        tuple((v.id, f"{numbers.get(v.item_id, '')}. {v.motion}") for v in votes),
    )
