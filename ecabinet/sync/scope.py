"""What one peer may hold from us: per table, the rows (id and version) a package to it may carry.

Secretariat → member: the directory, the sessions the member is invited to (once published) with their
agendas, the documents the visibility rules give them, the ballots addressed to them, their own earlier
answers, positions, speaking requests and receipts as the secretariat holds them, and the notices about
changes of theirs that were refused. Member → secretariat: only the member's own rows of the member tables.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, select, true
from sqlalchemy.orm import Session

from ecabinet.agenda.visibility import visible_documents, visible_sessions
from ecabinet.model import (
    AgendaItem,
    BallotQuestion,
    BallotRecipient,
    BallotState,
    DocumentVersion,
    OpinionBallot,
    Vote,
)
from ecabinet.services.actor import Actor
from ecabinet.sync.schema import MEMBER_TABLES, entity_classes, table_of, table_order

# The inventory keeps, per row, 4 * version + variant: a row sent with a link left out (to a row the peer
# may not see) or with a watermarked file differs from the same version sent plainly, so a change of either
# sends the row again.
LINKS_LEFT_OUT = 1
WATERMARKED = 2


def state_code(version: int, variant: int) -> int:
    return version * 4 + variant


@dataclass(frozen=True)
class ScopeRow:
    version: int
    variant: int  # LINKS_LEFT_OUT | WATERMARKED bits

    @property
    def code(self) -> int:
        return state_code(self.version, self.variant)


Scope = dict[str, dict[uuid.UUID, ScopeRow]]


def _member_conditions(actor: Actor) -> dict[str, ColumnElement[bool]]:
    """Per table, which rows member `actor` may receive."""
    cls = entity_classes()
    me = actor.member_id
    sessions = visible_sessions(actor)
    documents = visible_documents(actor)
    items = select(AgendaItem.id).where(AgendaItem.session_id.in_(sessions))
    versions = select(DocumentVersion.id).where(DocumentVersion.document_id.in_(documents))
    ballots = (
        select(BallotRecipient.ballot_id)
        .join(OpinionBallot, OpinionBallot.id == BallotRecipient.ballot_id)
        .where(
            BallotRecipient.member_id == me,
            OpinionBallot.state.in_([BallotState.SENT, BallotState.CLOSED]),
        )
    )
    questions = select(BallotQuestion.id).where(BallotQuestion.ballot_id.in_(ballots))
    votes = select(Vote.id).where(Vote.item_id.in_(items))

    def c(table: str) -> Any:
        return cls[table]

    return {
        "organisations": true(),
        "members": true(),
        "sessions": c("sessions").id.in_(sessions),
        "invitations": c("invitations").session_id.in_(sessions),
        "agenda_items": c("agenda_items").session_id.in_(sessions),
        "documents": c("documents").id.in_(documents),
        "document_versions": c("document_versions").document_id.in_(documents),
        "distributions": (c("distributions").member_id == me) & c("distributions").document_id.in_(documents),
        "read_receipts": (c("read_receipts").member_id == me) & c("read_receipts").version_id.in_(versions),
        "item_positions": (c("item_positions").member_id == me) & c("item_positions").item_id.in_(items),
        "speaking_requests": (c("speaking_requests").member_id == me)
        & c("speaking_requests").item_id.in_(items),
        "opinion_ballots": c("opinion_ballots").id.in_(ballots),
        "ballot_questions": c("ballot_questions").ballot_id.in_(ballots),
        "ballot_documents": c("ballot_documents").ballot_id.in_(ballots)
        & c("ballot_documents").version_id.in_(versions),
        "ballot_recipients": (c("ballot_recipients").member_id == me)
        & c("ballot_recipients").ballot_id.in_(ballots),
        "opinion_answers": (c("opinion_answers").member_id == me)
        & c("opinion_answers").question_id.in_(questions),
        "votes": c("votes").item_id.in_(items),
        "vote_casts": (c("vote_casts").member_id == me) & c("vote_casts").vote_id.in_(votes),
        "conclusions": c("conclusions").item_id.in_(items),
        "attendance": (c("attendance").member_id == me) & c("attendance").session_id.in_(sessions),
        "sync_notices": c("sync_notices").member_id == me,
    }


def _own_conditions(member_id: uuid.UUID) -> dict[str, ColumnElement[bool]]:
    """A member's laptop sends its own rows of the member tables (never another member's, never notes)."""
    cls = entity_classes()
    conditions: dict[str, ColumnElement[bool]] = {
        table: cls[table].member_id == member_id  # type: ignore[attr-defined]
        for table in MEMBER_TABLES
    }
    # Open votes only: a secret vote is never carried by a package (see FORMAT.md).
    conditions["vote_casts"] = conditions["vote_casts"] & cls["vote_casts"].vote_id.in_(  # type: ignore[attr-defined]
        select(Vote.id).where(Vote.secret.is_(False))
    )
    return conditions


def links(table: str, tables: set[str] | frozenset[str]) -> list[tuple[str, str, bool]]:
    """(column, target table, nullable) of the table's foreign keys to tables in this scope."""
    out = []
    for column in table_of(table).columns:
        for fk in column.foreign_keys:
            target = fk.column.table.name
            if target in tables:
                out.append((column.name, target, bool(column.nullable)))
    return out


def _collect(session: Session, conditions: dict[str, ColumnElement[bool]]) -> Scope:
    """Rows per table, parents first. A row whose required parent is out of scope is left out; a nullable
    link to a row out of scope marks the row, which is then sent with that link empty."""
    cls = entity_classes()
    order = table_order()
    tables = set(conditions)
    scope: Scope = {}
    for table in sorted(tables, key=order.__getitem__):
        model = cls[table]
        table_links = links(table, tables)
        columns = [getattr(model, name) for name, _t, _n in table_links]
        query: Select[Any] = select(model.id, model.version, *columns).where(conditions[table])
        found = list(session.execute(query))
        here = {row[0] for row in found}
        rows: dict[uuid.UUID, ScopeRow] = {}
        for row_id, version, *targets in found:
            variant = 0
            keep = True
            for (_name, target, nullable), value in zip(table_links, targets, strict=True):
                if value is None or value in (here if target == table else scope.get(target, {})):
                    continue
                if not nullable:
                    keep = False
                    break
                variant |= LINKS_LEFT_OUT
            if keep:
                rows[row_id] = ScopeRow(version, variant)
        scope[table] = rows
    return scope


def member_scope(session: Session, member: Actor) -> Scope:
    """What the secretariat may send to `member`'s laptop."""
    return _collect(session, _member_conditions(member))


def own_scope(session: Session, member_id: uuid.UUID) -> Scope:
    """What a member's laptop sends back to the secretariat."""
    return _collect(session, _own_conditions(member_id))
