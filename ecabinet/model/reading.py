"""Private notes: a reader's own notes per page, kept on this installation only."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ecabinet.model.base import Entity


class PrivateNote(Entity):
    """Ghi chú riêng: never synchronised, never audited (its text is the reader's alone)."""

    __tablename__ = "private_notes"
    __table_args__ = (UniqueConstraint("member_id", "version_id", "page"),)
    __audited__ = False

    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), index=True)
    version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("document_versions.id", ondelete="CASCADE"))
    page: Mapped[int] = mapped_column(Integer)  # 1-based
    text: Mapped[str] = mapped_column(Text, default="")
