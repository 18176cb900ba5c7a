"""Biên bản phiên họp: the minutes of a session, the secretary's text per item, and the approved versions."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ecabinet.model.base import Entity

__all__ = ["Minutes", "MinutesItemText", "MinutesState", "MinutesVersion"]


class MinutesState(StrEnum):
    """Draft until approved; approved is locked; a correction reopens it until the next approval."""

    DRAFT = "draft"
    APPROVED = "approved"
    CORRECTING = "correcting"


class Minutes(Entity):
    """The session-level fields of form 1.9 (Decree 30/2020). Empty or NULL means: take it from the session."""

    __tablename__ = "minutes"

    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), unique=True)
    state: Mapped[MinutesState] = mapped_column(default=MinutesState.DRAFT)
    number: Mapped[int | None]  # "Số: 12/BB-CP"; NULL: the session's number
    subject: Mapped[str] = mapped_column(String(300), default="")  # "": the session's title
    place: Mapped[str] = mapped_column(String(200), default="")  # "": the session's place
    opened_at: Mapped[datetime | None]  # NULL: when the session was opened in the app
    closed_at: Mapped[datetime | None]  # NULL: when it was closed in the app
    chair_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))  # NULL: the session's chair
    secretary_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))  # NULL: the VPCP head
    opening: Mapped[str] = mapped_column(Text, default="")  # rich text (a sanitised HTML subset)
    closing: Mapped[str] = mapped_column(Text, default="")
    recipients: Mapped[str] = mapped_column(Text, default="")  # one per line; "": the default list
    correction_reason: Mapped[str] = mapped_column(Text, default="")  # while state is CORRECTING


class MinutesItemText(Entity):
    """The secretary's summary of the discussion of one agenda item (the chair's conclusion is a Conclusion)."""

    __tablename__ = "minutes_items"

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"), unique=True)
    discussion: Mapped[str] = mapped_column(Text, default="")


class MinutesVersion(Entity):
    """An approved, locked rendering: the PDF is in the file store under `sha256`; a correction adds one."""

    __tablename__ = "minutes_versions"
    __table_args__ = (UniqueConstraint("minutes_id", "number"),)

    minutes_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    page_count: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")  # why this version corrects the one before
    approved_at: Mapped[datetime]
    approved_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))
