"""The e-Cabinet data model (DOMAIN.md): people, sessions, agenda, dossiers, opinions, votes, follow-up."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ecabinet.model.base import Base, Entity, UTCDateTime, utcnow
from ecabinet.model.enums import (
    AttendanceStatus,
    BallotState,
    Classification,
    DocumentKind,
    InviteRole,
    ItemKind,
    OpinionChoice,
    OrgKind,
    Role,
    SessionKind,
    SessionState,
    SpeakingState,
    Stance,
    TaskState,
    VoteChoice,
    VoteState,
)

# --- people -------------------------------------------------------------------------------------------


class Organisation(Entity):
    """Cơ quan: a ministry, a ministry-level agency, the Government Office, or another body."""

    __tablename__ = "organisations"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[OrgKind]
    sort_order: Mapped[int] = mapped_column(default=0)


class Member(Entity):
    """A person who uses the app: a Government member, a secretariat officer, or an invited guest."""

    __tablename__ = "members"

    full_name: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(String(200))  # "Bộ trưởng Bộ Tài chính"
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisations.id"))
    role: Mapped[Role]
    has_vote: Mapped[bool] = mapped_column(Boolean, default=False)
    is_head_of_government: Mapped[bool] = mapped_column(Boolean, default=False)  # the Prime Minister
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    organisation: Mapped[Organisation | None] = relationship(lazy="joined")


# --- sessions and agenda ------------------------------------------------------------------------------


class CabinetSession(Entity):
    """Phiên họp: a meeting of the Government."""

    __tablename__ = "sessions"
    __table_args__ = (Index("ix_sessions_starts_at", "starts_at"),)

    kind: Mapped[SessionKind]
    title: Mapped[str] = mapped_column(String(300))
    number: Mapped[int | None]  # the minutes' number: "Số: 12/BB-CP"
    starts_at: Mapped[datetime]
    planned_end_at: Mapped[datetime | None]
    place: Mapped[str] = mapped_column(String(200), default="")
    chair_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))
    state: Mapped[SessionState] = mapped_column(default=SessionState.DRAFT)
    published_at: Mapped[datetime | None]
    opened_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    # Rule names in force for this session (None: the defaults of its kind).
    quorum_rule: Mapped[str | None] = mapped_column(String(40))
    majority_rule: Mapped[str | None] = mapped_column(String(40))

    chair: Mapped[Member | None] = relationship()


class Invitation(Entity):
    """Who is invited to a session: a member, or a guest (who may be a deputy representing a member)."""

    __tablename__ = "invitations"
    __table_args__ = (UniqueConstraint("session_id", "member_id"),)

    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), index=True)
    role: Mapped[InviteRole]


class AgendaItem(Entity):
    """Nội dung: one item of a session's agenda; items may have one level of sub-items."""

    __tablename__ = "agenda_items"
    __table_args__ = (Index("ix_agenda_items_session_position", "session_id", "parent_id", "position"),)

    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(500))
    presenter_org_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisations.id"))
    kind: Mapped[ItemKind] = mapped_column(default=ItemKind.DISCUSSION)
    planned_minutes: Mapped[int] = mapped_column(default=15)
    classification: Mapped[Classification] = mapped_column(default=Classification.NORMAL)
    changed_since_published: Mapped[bool] = mapped_column(Boolean, default=False)

    presenter: Mapped[Organisation | None] = relationship()


class Document(Entity):
    """A dossier document of an item (tờ trình, dự thảo, báo cáo thẩm tra, phụ lục); its files are versions."""

    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_item_position", "item_id", "position"),)

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[DocumentKind] = mapped_column(default=DocumentKind.OTHER)
    position: Mapped[int] = mapped_column(default=0)
    classification: Mapped[Classification] = mapped_column(default=Classification.NORMAL)
    # Normal documents go to everyone invited (guests only when for_guests); classified ones only to the
    # members named in `distributions`.
    for_guests: Mapped[bool] = mapped_column(Boolean, default=False)
    current_version_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("document_versions.id", use_alter=True, ondelete="SET NULL")
    )
    changed_since_published: Mapped[bool] = mapped_column(Boolean, default=False)


class DocumentVersion(Entity):
    """One file of a document: the blob in the file store, with who replaced it when and why."""

    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    size: Mapped[int] = mapped_column(Integer)
    page_count: Mapped[int] = mapped_column(default=0)
    outline: Mapped[list[Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    added_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))
    text_indexed: Mapped[bool] = mapped_column(Boolean, default=False)


class Distribution(Entity):
    """A named recipient of a document (required for classified documents)."""

    __tablename__ = "distributions"
    __table_args__ = (UniqueConstraint("document_id", "member_id"),)

    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), index=True)


class ReadReceipt(Entity):
    """A member has opened a document version."""

    __tablename__ = "read_receipts"
    __table_args__ = (UniqueConstraint("version_id", "member_id"),)

    version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("document_versions.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), index=True)
    read_at: Mapped[datetime] = mapped_column(default=utcnow)


# --- the session itself ------------------------------------------------------------------------------


class Attendance(Entity):
    """Điểm danh: a member's presence at a session."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("session_id", "member_id"),)

    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"))
    status: Mapped[AttendanceStatus]
    reason: Mapped[str] = mapped_column(Text, default="")
    deputy_name: Mapped[str] = mapped_column(String(200), default="")
    arrived_at: Mapped[datetime | None]
    left_at: Mapped[datetime | None]


class ItemPosition(Entity):
    """A member's stance on an item before the session."""

    __tablename__ = "item_positions"
    __table_args__ = (UniqueConstraint("item_id", "member_id"),)

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"))
    stance: Mapped[Stance]
    note: Mapped[str] = mapped_column(Text, default="")


class SpeakingRequest(Entity):
    """Đăng ký phát biểu: a place in an item's queue of speakers."""

    __tablename__ = "speaking_requests"

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"))
    position: Mapped[int] = mapped_column(default=0)
    state: Mapped[SpeakingState] = mapped_column(default=SpeakingState.WAITING)
    started_at: Mapped[datetime | None]
    seconds_used: Mapped[int] = mapped_column(default=0)


# --- written opinions --------------------------------------------------------------------------------


class OpinionBallot(Entity):
    """Phiếu lấy ý kiến: a written procedure on an item or its dossier, with a deadline."""

    __tablename__ = "opinion_ballots"

    item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    state: Mapped[BallotState] = mapped_column(default=BallotState.DRAFT)
    deadline: Mapped[datetime]
    drafted_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))
    approved_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))
    return_reason: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    majority_rule: Mapped[str | None] = mapped_column(String(40))


class BallotQuestion(Entity):
    __tablename__ = "ballot_questions"

    ballot_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("opinion_ballots.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)


class BallotDocument(Entity):
    """A document the ballot asks about, pinned to the version (and its hash) current when it was added."""

    __tablename__ = "ballot_documents"

    ballot_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("opinion_ballots.id", ondelete="CASCADE"), index=True
    )
    version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("document_versions.id"))
    sha256: Mapped[str] = mapped_column(String(64))


class BallotRecipient(Entity):
    __tablename__ = "ballot_recipients"
    __table_args__ = (UniqueConstraint("ballot_id", "member_id"),)

    ballot_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("opinion_ballots.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), index=True)


class OpinionAnswer(Entity):
    """A member's answer to one question of a ballot; changeable until the deadline."""

    __tablename__ = "opinion_answers"
    __table_args__ = (UniqueConstraint("question_id", "member_id"),)

    question_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ballot_questions.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), index=True)
    choice: Mapped[OpinionChoice]
    comment: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))


# --- votes -------------------------------------------------------------------------------------------


class Vote(Entity):
    """Biểu quyết: a motion put to the vote on an item during the session."""

    __tablename__ = "votes"

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True)
    motion: Mapped[str] = mapped_column(Text)
    secret: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[VoteState] = mapped_column(default=VoteState.OPEN)
    opened_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
    eligible_count: Mapped[int] = mapped_column(default=0)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    replaces_vote_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("votes.id"))
    annul_reason: Mapped[str] = mapped_column(Text, default="")


class VoteCast(Entity):
    """A named choice in an open vote."""

    __tablename__ = "vote_casts"
    __table_args__ = (UniqueConstraint("vote_id", "member_id"),)

    vote_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("votes.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"))
    choice: Mapped[VoteChoice]
    recorded_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))


class VoteParticipation(Entity):
    """Who took part in a secret vote — with no link to any choice."""

    __tablename__ = "vote_participations"
    __table_args__ = (UniqueConstraint("vote_id", "member_id"),)

    vote_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("votes.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"))
    recorded_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))


class SecretTally(Base):
    """The running count per choice of a secret vote.

    Deliberately not an `Entity`: no timestamps, no per-row id that could be ordered against participations,
    and not written to the audit log one cast at a time (the vote's closing event records the totals).
    """

    __tablename__ = "secret_tallies"

    vote_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("votes.id", ondelete="CASCADE"), primary_key=True)
    choice: Mapped[VoteChoice] = mapped_column(primary_key=True)
    count: Mapped[int] = mapped_column(default=0)


# --- conclusions and follow-up -------------------------------------------------------------------------


class Conclusion(Entity):
    """Kết luận của chủ tọa on an item."""

    __tablename__ = "conclusions"

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"), unique=True)
    text: Mapped[str] = mapped_column(Text, default="")
    needs_notice: Mapped[bool] = mapped_column(Boolean, default=True)


class Task(Entity):
    """Nhiệm vụ: follow-up assigned by a conclusion to a body, with a deadline."""

    __tablename__ = "tasks"
    __table_args__ = (Index("ix_tasks_state_deadline", "state", "deadline"),)

    conclusion_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("conclusions.id"), index=True)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    deadline: Mapped[datetime | None]
    state: Mapped[TaskState] = mapped_column(default=TaskState.OPEN)
    done_at: Mapped[datetime | None]


# --- installation and audit ---------------------------------------------------------------------------


class Setting(Base):
    """Key/value facts of this database (its installation id, …)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEvent(Base):
    """One link of the hash chain: who changed what, when, on which installation, and the change itself."""

    __tablename__ = "audit_events"
    __table_args__ = (
        UniqueConstraint("installation_id", "inst_seq"),
        Index("ix_audit_events_entity", "entity", "entity_id"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    installation_id: Mapped[uuid.UUID]
    inst_seq: Mapped[int]
    actor_id: Mapped[uuid.UUID | None]
    action: Mapped[str] = mapped_column(String(16))  # insert / update / delete / or a named event
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    change: Mapped[str] = mapped_column(Text)  # canonical JSON: the row after the change, or event details
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
