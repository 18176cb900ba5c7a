"""Sessions and items for the dossier and search tests, and a look at what a database holds."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.db import Database
from ecabinet.model import AuditEvent, Classification, Document, DocumentVersion, SessionKind
from ecabinet.services.actor import Actor


def new_item(
    database: Database,
    officer: Actor,
    title: str = "Dự thảo Nghị định về đầu tư công",
    session_title: str = "Phiên họp Chính phủ thường kỳ tháng 11",
    classification: Classification = Classification.NORMAL,
    publish: bool = False,
) -> uuid.UUID:
    with database.write(officer) as s:
        created = S.create_session(
            s,
            officer,
            session_title,
            SessionKind.REGULAR,
            datetime.now(UTC) + timedelta(days=10),
            place="Hà Nội",
        )
        item = I.add_item(s, officer, created.id, title, classification=classification)
        if publish:
            S.publish_session(s, officer, created.id)
    return item.id


@dataclass(frozen=True)
class Footprint:
    """What an import can leave behind: rows, audit events and files."""

    documents: int
    versions: int
    events: int
    blobs: int


def footprint(database: Database) -> Footprint:
    with database.read() as s:
        docs = s.execute(select(func.count()).select_from(Document)).scalar_one()
        versions = s.execute(select(func.count()).select_from(DocumentVersion)).scalar_one()
        events = s.execute(select(func.count()).select_from(AuditEvent)).scalar_one()
    blobs = sum(1 for p in database.blobs.root.rglob("*") if p.is_file())
    return Footprint(docs, versions, events, blobs)
