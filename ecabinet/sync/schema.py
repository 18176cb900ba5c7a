"""Change records: the tables a package may carry, who owns each, and every column's type — all checked
before anything is applied."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Enum, Integer, String, Table, Uuid

from ecabinet.audit.chain import snapshot
from ecabinet.model import Base, Entity
from ecabinet.model.base import UTCDateTime
from ecabinet.sync.errors import PackageRefused

# DOMAIN.md, Authority: the secretariat owns structure; these are what it sends to a member's laptop.
SECRETARIAT_TABLES: frozenset[str] = frozenset(
    {
        "organisations",
        "members",
        "sessions",
        "invitations",
        "agenda_items",
        "documents",
        "document_versions",
        "distributions",
        "opinion_ballots",
        "ballot_questions",
        "ballot_documents",
        "ballot_recipients",
        "votes",
        "conclusions",
        "attendance",  # the member's own, so a laptop in the room can vote
        "sync_notices",
    }
)
# A member owns these rows of their own (member_id is theirs), until the deadline. Private notes,
# secret-vote participations and anything not named here never travel.
MEMBER_TABLES: frozenset[str] = frozenset(
    {"read_receipts", "item_positions", "speaking_requests", "opinion_answers", "vote_casts"}
)
# What a member's package may delete (withdrawing a position deletes it; the rest change state instead).
MEMBER_DELETABLE: frozenset[str] = frozenset({"item_positions"})
# What a member's package may change in a row the secretariat already holds; other columns stay as they are
# there (the chair orders the speakers, the secretariat records who entered a paper answer).
MEMBER_COLUMNS: dict[str, frozenset[str]] = {
    "read_receipts": frozenset({"read_at"}),
    "item_positions": frozenset({"stance", "note"}),
    "speaking_requests": frozenset({"state"}),
    "opinion_answers": frozenset({"choice", "comment", "answered_at", "recorded_by_id"}),
    "vote_casts": frozenset({"choice", "recorded_by_id"}),
}
SYNC_TABLES = SECRETARIAT_TABLES | MEMBER_TABLES
MAX_INT = 2**63 - 1


@dataclass(frozen=True)
class Upsert:
    """Insert or replace one row with this image (every column, by column name)."""

    line: int
    table: str
    row_id: uuid.UUID
    values: dict[str, Any]  # Python values, ready for the ORM
    image: dict[str, Any]  # as carried (JSON)


@dataclass(frozen=True)
class Delete:
    """Remove one row (the secretariat withdrew it, or it is no longer for this member)."""

    line: int
    table: str
    row_id: uuid.UUID


Record = Upsert | Delete


@cache
def entity_classes() -> dict[str, type[Entity]]:
    return {
        m.class_.__tablename__: m.class_
        for m in Base.registry.mappers
        if issubclass(m.class_, Entity) and m.class_.__tablename__ in SYNC_TABLES
    }


def table_order() -> dict[str, int]:
    """Parents before children (the order rows are inserted in; deletes go the other way)."""
    return {t.name: n for n, t in enumerate(Base.metadata.sorted_tables)}


def table_of(name: str) -> Table:
    return Base.metadata.tables[name]


def encode_row(obj: Entity) -> dict[str, Any]:
    """The image a record carries: the same canonical row image the audit log records."""
    return snapshot(obj)


def upsert_record(table: str, image: dict[str, Any]) -> dict[str, Any]:
    return {"op": "upsert", "table": table, "row": image}


def delete_record(table: str, row_id: uuid.UUID) -> dict[str, Any]:
    return {"op": "delete", "table": table, "id": str(row_id)}


class _Invalid(Exception):
    pass


def _decode_value(column: Column[Any], value: Any) -> Any:
    kind = column.type
    if value is None:
        if not column.nullable:
            raise _Invalid(f"{column.name} may not be empty")
        return None
    if isinstance(kind, UTCDateTime):
        if not isinstance(value, str):
            raise _Invalid(f"{column.name} must be a date and time")
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError as exc:
            raise _Invalid(f"{column.name} is not a date and time") from exc
        if parsed.tzinfo is None:
            raise _Invalid(f"{column.name} has no time zone")
        return parsed.astimezone(UTC)
    if isinstance(kind, Uuid):
        if not isinstance(value, str):
            raise _Invalid(f"{column.name} must be an id")
        try:
            parsed_id = uuid.UUID(value)
        except ValueError as exc:
            raise _Invalid(f"{column.name} is not an id") from exc
        if str(parsed_id) != value:
            raise _Invalid(f"{column.name} is not an id in canonical form")
        return parsed_id
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise _Invalid(f"{column.name} must be true or false")
        return value
    if isinstance(kind, Enum):
        if not isinstance(value, str) or value not in kind.enums:
            raise _Invalid(f"{column.name} must be one of {', '.join(kind.enums)}")
        return kind.enum_class(value) if kind.enum_class is not None else value
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > MAX_INT:
            raise _Invalid(f"{column.name} must be a whole number")
        return value
    if isinstance(kind, String):
        if not isinstance(value, str):
            raise _Invalid(f"{column.name} must be text")
        if kind.length is not None and len(value) > kind.length:
            raise _Invalid(f"{column.name} is longer than {kind.length} characters")
        if "\x00" in value:
            raise _Invalid(f"{column.name} contains a NUL character")
        return value
    if isinstance(kind, JSON):
        return value
    raise _Invalid(f"{column.name} has a type packages cannot carry")  # pragma: no cover - schema guard


def decode_row(table: str, image: Any) -> dict[str, Any]:
    """Check an image against the table's columns (all present, none extra, each of its type)."""
    if not isinstance(image, dict):
        raise _Invalid("the row must be an object")
    columns = {c.name: c for c in table_of(table).columns}
    missing = sorted(set(columns) - set(image))
    extra = sorted(set(image) - set(columns))
    if extra:
        raise _Invalid(f"unknown column {extra[0]}")
    if missing:
        raise _Invalid(f"column {missing[0]} is missing")
    values = {name: _decode_value(columns[name], image[name]) for name in columns}
    if values["version"] < 1:
        raise _Invalid("version must be 1 or more")
    return values


def decode_record(line: int, data: Any, allowed: frozenset[str]) -> Record:
    """One parsed JSON line → a typed record, or a refusal naming the line and what is wrong."""
    if not isinstance(data, dict) or "op" not in data or "table" not in data:
        raise PackageRefused("sync_record_invalid", line=line, detail="not a change record")
    table = data["table"]
    if not isinstance(table, str) or table not in SYNC_TABLES:
        raise PackageRefused("sync_unknown_table", line=line, table=str(table)[:60])
    if table not in allowed:
        raise PackageRefused("sync_table_not_allowed", line=line, table=f"table:{table}")
    try:
        if data["op"] == "upsert":
            if set(data) != {"op", "table", "row"}:
                raise _Invalid("unexpected fields")
            values = decode_row(table, data["row"])
            return Upsert(line, table, values["id"], values, data["row"])
        if data["op"] == "delete":
            if set(data) != {"op", "table", "id"}:
                raise _Invalid("unexpected fields")
            row_id = _decode_value(table_of(table).c.id, data["id"])
            return Delete(line, table, row_id)
        raise _Invalid(f"unknown operation {str(data['op'])[:20]!r}")
    except _Invalid as exc:
        raise PackageRefused("sync_record_invalid", line=line, detail=str(exc)) from exc
