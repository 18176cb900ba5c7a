"""Every change made through a service appends an event to a hash chain; `verify_chain` checks it.

Each event holds who (actor), where (installation and its own sequence number), what (entity, id, action),
when, and the change itself: the whole row after the change, as canonical JSON. Its hash covers all of that
and the previous event's hash, so an edited, removed or inserted event breaks the chain. Because the row
images are in the log, `verify_chain` can also tell when a table row was changed behind the app's back:
the row in the database no longer equals the image its last event recorded.
"""

from __future__ import annotations

import enum
import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import event, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from ecabinet.model.base import Base, Entity, utcnow
from ecabinet.model.entities import AuditEvent, Setting

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_jsonable)


def snapshot(obj: Entity) -> dict[str, Any]:
    """The row image of an entity: every mapped column, by column name."""
    mapper = obj.__mapper__
    return {attr.columns[0].name: _jsonable(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _event_hash(row: dict[str, Any]) -> str:
    material = canonical(
        [
            row["seq"],
            str(row["installation_id"]),
            row["inst_seq"],
            None if row["actor_id"] is None else str(row["actor_id"]),
            row["action"],
            row["entity"],
            row["entity_id"],
            row["at"].isoformat(),
            row["change"],
            row["prev_hash"],
        ]
    )
    return hashlib.sha256(material.encode()).hexdigest()


def _append(
    conn: Connection, installation_id: uuid.UUID, actor_id: uuid.UUID | None, items: list[tuple]
) -> None:
    """Append events (action, entity, entity_id, change-json) under a lock on the chain head."""
    head = conn.execute(select(Setting.value).where(Setting.key == HEAD_KEY).with_for_update()).scalar()
    if head is None:
        conn.execute(insert(Setting).values(key=HEAD_KEY, value=f"0:{GENESIS}"))
        seq, prev = 0, GENESIS
    else:
        seq_text, prev = head.split(":")
        seq = int(seq_text)
    inst_seq = (
        conn.execute(
            select(AuditEvent.inst_seq)
            .where(AuditEvent.installation_id == installation_id)
            .order_by(AuditEvent.inst_seq.desc())
            .limit(1)
        ).scalar()
        or 0
    )
    at = utcnow()
    rows = []
    for action, entity, entity_id, change in items:
        seq += 1
        inst_seq += 1
        row = {
            "seq": seq,
            "installation_id": installation_id,
            "inst_seq": inst_seq,
            "actor_id": actor_id,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "at": at,
            "change": change,
            "prev_hash": prev,
        }
        row["hash"] = prev = _event_hash(row)
        rows.append(row)
    conn.execute(insert(AuditEvent), rows)
    conn.execute(update(Setting).where(Setting.key == HEAD_KEY).values(value=f"{seq}:{prev}"))


def _actor_id(session: Session) -> uuid.UUID | None:
    if "actor" not in session.info:
        raise RuntimeError("a change was flushed without an acting user; changes go through a service")
    actor = session.info["actor"]
    return None if actor is None else actor.member_id


def _audited(obj: object) -> bool:
    return isinstance(obj, Entity) and obj.__audited__


def _on_after_flush(session: Session, _flush_context: object) -> None:
    items: list[tuple] = []
    for obj in session.new:
        if _audited(obj):
            items.append(("insert", obj.__tablename__, str(obj.id), canonical(snapshot(obj))))
    for obj in session.dirty:
        if _audited(obj) and session.is_modified(obj, include_collections=False):
            items.append(("update", obj.__tablename__, str(obj.id), canonical(snapshot(obj))))
    for obj in session.deleted:
        if _audited(obj):
            items.append(("delete", obj.__tablename__, str(obj.id), canonical({"id": str(obj.id)})))
    if items:
        items.sort(key=lambda i: (_ORDER.get(i[1], 0) if i[0] != "delete" else -_ORDER.get(i[1], 0), i[2]))
        _append(session.connection(), session.info["installation_id"], _actor_id(session), items)


# Parents before children, so the log can be replayed in order.
_ORDER = {t.name: n for n, t in enumerate(Base.metadata.sorted_tables)}


def install_audit_hooks(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _on_after_flush)


def record_event(session: Session, action: str, entity: str, entity_id: str, details: dict[str, Any]) -> None:
    """Append a named event that is not a row change (an export, an import, a vote's totals, …)."""
    _append(
        session.connection(),
        session.info["installation_id"],
        _actor_id(session),
        [(action, entity, entity_id, canonical(details))],
    )


@dataclass(frozen=True)
class ChainProblem:
    seq: int | None
    text: str


def _entity_classes() -> dict[str, type[Entity]]:
    return {
        m.class_.__tablename__: m.class_
        for m in Base.registry.mappers
        if issubclass(m.class_, Entity) and m.class_.__audited__
    }


def _closing(result: Any) -> Iterator[Any]:
    """Iterate a streamed result and close it even when the loop stops early (PostgreSQL server cursors)."""
    try:
        yield from result
    finally:
        result.close()


def verify_chain(session: Session) -> list[ChainProblem]:
    """Check the chain and the current rows against it; problems sorted by the event they concern."""
    problems: list[ChainProblem] = []
    prev, expected_seq = GENESIS, 1
    latest: dict[tuple[str, str], tuple[int, str, str]] = {}
    result = session.execute(select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=2000))
    for ev in _closing(result.scalars()):
        row = {c.key: getattr(ev, c.key) for c in AuditEvent.__table__.columns}
        if ev.seq != expected_seq:
            problems.append(ChainProblem(expected_seq, f"event #{expected_seq} is missing from the chain"))
            break
        if ev.prev_hash != prev or _event_hash(row) != ev.hash:
            problems.append(ChainProblem(ev.seq, f"event #{ev.seq} was altered (its hash does not match)"))
            break
        prev, expected_seq = ev.hash, ev.seq + 1
        if ev.action in ("insert", "update", "delete"):
            latest[(ev.entity, ev.entity_id)] = (ev.seq, ev.action, ev.change)
    head = session.execute(select(Setting.value).where(Setting.key == HEAD_KEY)).scalar()
    if not problems and head is not None and head != f"{expected_seq - 1}:{prev}":
        problems.append(ChainProblem(expected_seq, f"events after #{expected_seq - 1} were removed"))
    for table, cls in _entity_classes().items():
        seen: set[str] = set()
        for obj in session.execute(select(cls).execution_options(yield_per=2000)).scalars():
            key = (table, str(obj.id))
            seen.add(key[1])
            last = latest.get(key)
            if last is None:
                problems.append(ChainProblem(None, f"row {table}/{obj.id} was added outside the app"))
            elif last[1] == "delete" or canonical(snapshot(obj)) != last[2]:
                problems.append(
                    ChainProblem(
                        last[0], f"row {table}/{obj.id} was changed outside the app after event #{last[0]}"
                    )
                )
        for (entity, entity_id), (seq, action, _) in latest.items():
            if entity == table and action != "delete" and entity_id not in seen:
                problems.append(
                    ChainProblem(
                        seq, f"row {table}/{entity_id} was deleted outside the app after event #{seq}"
                    )
                )
    problems.sort(key=lambda p: (p.seq is None, p.seq or 0))
    return problems


def audit_trail(
    session: Session, entity: str | None = None, entity_id: str | None = None
) -> Iterator[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.seq)
    if entity:
        query = query.where(AuditEvent.entity == entity)
    if entity_id:
        query = query.where(AuditEvent.entity_id == entity_id)
    yield from session.execute(query).scalars()
