"""Applying a checked package inside one unit of work: who may change what (DOMAIN.md, Authority), what
came too late, and the changes themselves — through the ORM, so the audit log records every row."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import UniqueConstraint, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from ecabinet.agenda.visibility import visible_documents, visible_sessions
from ecabinet.db import Database
from ecabinet.errors import DomainError
from ecabinet.messages import render
from ecabinet.model import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    BallotQuestion,
    BallotRecipient,
    BallotState,
    CabinetSession,
    DocumentVersion,
    Entity,
    OpinionBallot,
    SessionState,
    SpeakingState,
    Vote,
    VoteState,
)
from ecabinet.model.base import Base
from ecabinet.model.sync import ProfileRole, SyncNotice
from ecabinet.security.keystore import Profile
from ecabinet.services.actor import Actor, load_actor
from ecabinet.storage.blobs import BlobStore
from ecabinet.sync.container import Manifest
from ecabinet.sync.errors import PackageRefused
from ecabinet.sync.schema import (
    MEMBER_COLUMNS,
    MEMBER_DELETABLE,
    MEMBER_TABLES,
    Delete,
    Record,
    Upsert,
    entity_classes,
    table_of,
    table_order,
)
from ecabinet.sync.scope import state_code


@dataclass(frozen=True)
class RefusedChange:
    """One change of a package recorded as refused (the rest applied): a late answer, a late vote, …"""

    entity: str
    entity_id: uuid.UUID
    code: str
    params: dict[str, Any]

    def message(self, lang: str = "vi") -> str:
        return render(self.code, lang, self.params)


@dataclass(frozen=True)
class Sender:
    """The peer that signed the package, as its trusted key says."""

    installation_id: uuid.UUID
    key_id: str
    role: ProfileRole
    member_id: uuid.UUID | None


@dataclass
class Verified:
    """A package that passed every check that needs no database: manifest, records, extracted files."""

    manifest: Manifest
    sender: Sender
    records: list[Record]
    files: dict[str, Path] = field(default_factory=dict)


def _columns(model: type[Entity]) -> list[tuple[str, str]]:
    """(column name, attribute key) of every mapped column."""
    return [(prop.columns[0].name, prop.key) for prop in model.__mapper__.column_attrs]


def _references(table: str) -> list[tuple[str, str]]:
    return [(c.name, fk.column.table.name) for c in table_of(table).columns for fk in c.foreign_keys]


def _unique_keys(table: str) -> list[tuple[str, ...]]:
    return [
        tuple(c.name for c in con.columns)
        for con in table_of(table).constraints
        if isinstance(con, UniqueConstraint)
    ]


def chunks(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Changes:
    """One package's changes against this database, inside the caller's unit of work: `check()` refuses
    the package or marks late changes; `apply()` makes the rest."""

    def __init__(
        self,
        session: Session,
        database: Database,
        profile: Profile,
        verified: Verified,
        now: datetime,
        written_blobs: set[str] | None = None,
    ) -> None:
        self.s = session
        self.blobs: BlobStore = database.blobs
        self.profile = profile
        self.v = verified
        self.m = verified.manifest
        self.sender = verified.sender
        self.now = now
        self.cls = entity_classes()
        self.order = table_order()
        self.upserts = sorted(
            (r for r in verified.records if isinstance(r, Upsert)),
            key=lambda r: (self.order[r.table], r.line),
        )
        self.deletes = sorted(
            (r for r in verified.records if isinstance(r, Delete)),
            key=lambda r: (-self.order[r.table], r.line),
        )
        self.from_member = self.sender.role is ProfileRole.MEMBER
        self.member_actor: Actor | None = None
        self.late: dict[int, tuple[str, dict[str, Any]]] = {}  # record line -> (code, params)
        self.counts: Counter[str] = Counter()
        self.inserted = self.updated = self.unchanged = self.deleted = 0
        self.refused: list[RefusedChange] = []
        self.notices: list[RefusedChange] = []
        self.held: list[tuple[str, uuid.UUID, int]] = []  # rows the sender holds as they are here now
        self.removed_blobs: set[str] = set()
        # Files `store_files` put in the store that were not there: removed again when nothing commits.
        self.written_blobs: set[str] = set() if written_blobs is None else written_blobs
        self.absent: set[tuple[str, uuid.UUID]] = set()  # rows the package names that are not here
        self.natural: dict[tuple[str, tuple[str, ...]], dict[tuple[Any, ...], uuid.UUID]] = {}
        self.addressed: set[uuid.UUID] = set()  # ballots addressed to the member who sent the package
        self.question_ballot: dict[uuid.UUID, uuid.UUID] = {}  # the ballot of each question answered
        self.visible_docs: set[uuid.UUID] = set()  # documents that member may see, of those referred to
        # The session holds unchanged rows weakly: keep the preloaded and the new ones, or each later
        # `session.get` would go back to the database for them.
        self.kept: list[Any] = []

    # checks ----------------------------------------------------------------------------------------------

    def check(self) -> None:
        seen: set[tuple[str, uuid.UUID]] = set()
        records: list[Record] = [*self.deletes, *self.upserts]
        for record in records:
            key = (record.table, record.row_id)
            if key in seen:
                raise PackageRefused(
                    "sync_record_invalid", line=record.line, detail="the same row appears twice"
                )
            seen.add(key)
        self._preload()  # the checks below look rows up one by one: let them find them in the session
        if self.from_member:
            self._check_member_package()
        else:
            self._check_secretariat_package()
        self._check_references()
        self._check_files()
        if not self.m.encrypted:
            self._check_unclassified()

    def _check_secretariat_package(self) -> None:
        me = self.profile.member_id
        for record in self.deletes:
            if record.table in MEMBER_TABLES:
                raise PackageRefused(
                    "sync_record_invalid", line=record.line, detail="a member's own record cannot be deleted"
                )
        for up in self.upserts:
            if (up.table in MEMBER_TABLES or up.table == "sync_notices") and up.values["member_id"] != me:
                raise PackageRefused("sync_other_member", line=up.line, table=f"table:{up.table}")

    def _check_member_package(self) -> None:
        member_id = self.sender.member_id
        assert member_id is not None
        try:
            self.member_actor = load_actor(self.s, member_id)
        except DomainError as exc:
            raise PackageRefused("sync_key_member_unknown", member=str(member_id)) from exc
        sessions = set(self.s.execute(visible_sessions(self.member_actor)).scalars())
        self._preload_member_parents()
        for record in self.deletes:
            if record.table not in MEMBER_DELETABLE:
                raise PackageRefused("sync_member_delete", line=record.line, table=f"table:{record.table}")
            local = self._local(record.table, record.row_id)
            if local is None:
                continue
            if local.member_id != member_id:  # type: ignore[attr-defined]
                raise PackageRefused("sync_other_member", line=record.line, table=f"table:{record.table}")
            item, row = self._item_session(record.line, local.item_id, sessions)  # type: ignore[attr-defined]
            if row.state is not SessionState.PUBLISHED:
                self.late[record.line] = ("sync_late_position", {"item": item.title})
        for up in self.upserts:
            values = up.values
            if values["member_id"] != member_id:
                raise PackageRefused("sync_other_member", line=up.line, table=f"table:{up.table}")
            local = self._local(up.table, up.row_id)
            if local is not None and local.member_id != member_id:  # type: ignore[attr-defined]
                raise PackageRefused("sync_other_member", line=up.line, table=f"table:{up.table}")
            getattr(self, f"_check_{up.table}")(up, sessions, local)

    def _refuse_not_visible(self, up: Upsert, what: str) -> None:
        raise PackageRefused("sync_not_visible", line=up.line, what=what)

    def _recorded_by(self, up: Upsert) -> None:
        if up.values.get("recorded_by_id") not in (None, self.sender.member_id):
            raise PackageRefused(
                "sync_record_invalid", line=up.line, detail="recorded_by_id names someone else"
            )

    def _check_opinion_answers(self, up: Upsert, _sessions: set[uuid.UUID], local: Any) -> None:
        self._recorded_by(up)
        ballot_id = self.question_ballot.get(up.values["question_id"])
        if ballot_id is None:
            self._refuse_not_visible(up, "ballot")
            return
        ballot = self.s.get(OpinionBallot, ballot_id)
        addressed = ballot_id in self.addressed
        if ballot is None or not addressed or ballot.state not in (BallotState.SENT, BallotState.CLOSED):
            self._refuse_not_visible(up, "ballot")
            return
        if ballot.state is not BallotState.SENT or self.now > ballot.deadline:
            self._late(
                up, local, "sync_late_answer", ballot=ballot.title, deadline=ballot.deadline.isoformat()
            )

    def _item_session(
        self, line: int, item_id: uuid.UUID, sessions: set[uuid.UUID]
    ) -> tuple[AgendaItem, CabinetSession]:
        item = self.s.get(AgendaItem, item_id)
        if item is None or item.session_id not in sessions:
            raise PackageRefused("sync_not_visible", line=line, what="item")
        row = self.s.get(CabinetSession, item.session_id)
        assert row is not None
        return item, row

    def _check_item_positions(self, up: Upsert, sessions: set[uuid.UUID], local: Any) -> None:
        item, row = self._item_session(up.line, up.values["item_id"], sessions)
        if row.state is not SessionState.PUBLISHED:
            self._late(up, local, "sync_late_position", item=item.title)

    def _check_speaking_requests(self, up: Upsert, sessions: set[uuid.UUID], local: Any) -> None:
        item, row = self._item_session(up.line, up.values["item_id"], sessions)
        values = up.values
        if values["state"] not in (SpeakingState.WAITING, SpeakingState.WITHDRAWN) or (
            local is None and (values["started_at"] is not None or values["seconds_used"] != 0)
        ):
            raise PackageRefused(
                "sync_record_invalid",
                line=up.line,
                detail="a member asks to speak or withdraws, nothing more",
            )
        if row.state not in (SessionState.PUBLISHED, SessionState.IN_PROGRESS):
            self._late(up, local, "sync_late_speaking", item=item.title)

    def _check_read_receipts(self, up: Upsert, _sessions: set[uuid.UUID], _local: Any) -> None:
        assert self.member_actor is not None
        version = self.s.get(DocumentVersion, up.values["version_id"])
        if version is None or version.document_id not in self.visible_docs:
            self._refuse_not_visible(up, "document")

    def _check_vote_casts(self, up: Upsert, sessions: set[uuid.UUID], local: Any) -> None:
        self._recorded_by(up)
        vote = self.s.get(Vote, up.values["vote_id"])
        item = self.s.get(AgendaItem, vote.item_id) if vote is not None else None
        if vote is None or item is None or item.session_id not in sessions:
            self._refuse_not_visible(up, "vote")
            return
        if vote.secret:
            raise PackageRefused("sync_secret_vote", line=up.line)
        assert self.member_actor is not None
        if not self.member_actor.has_vote:
            raise PackageRefused("sync_no_vote_right", line=up.line)
        motion = vote.motion[:120]
        row = self.s.get(CabinetSession, item.session_id)
        if local is not None:
            if local.choice != up.values["choice"]:
                self.late[up.line] = ("sync_vote_final", {"motion": motion})
            return
        if vote.state is not VoteState.OPEN or row is None or row.state is not SessionState.IN_PROGRESS:
            self._late(up, local, "sync_late_vote", motion=motion)
            return
        # DOMAIN.md: only members present in person vote — as the secretariat's attendance sheet says.
        attendance = self.s.execute(
            select(Attendance).where(
                Attendance.session_id == item.session_id, Attendance.member_id == self.sender.member_id
            )
        ).scalar()
        if (
            attendance is None
            or attendance.status is not AttendanceStatus.PRESENT
            or attendance.arrived_at is None
            or attendance.arrived_at > vote.opened_at
            or (attendance.left_at is not None and attendance.left_at <= self.now)
        ):
            self.late[up.line] = ("sync_not_in_room", {"motion": motion})

    def _late(self, up: Upsert, local: Any, code: str, **params: Any) -> None:
        """A change that came too late is recorded as refused, unless it changes nothing."""
        if local is not None and not self._member_change(up, local):
            return
        self.late[up.line] = (code, params)

    def _member_change(self, up: Upsert, local: Any) -> bool:
        return any(getattr(local, col) != up.values[col] for col in MEMBER_COLUMNS[up.table])

    def _check_references(self) -> None:
        in_package = {(u.table, u.row_id) for u in self.upserts}
        removed = {(d.table, d.row_id) for d in self.deletes}
        wanted: dict[str, set[uuid.UUID]] = {}
        first_line: dict[tuple[str, uuid.UUID], tuple[int, str, str]] = {}
        for up in self.upserts:
            for column, target in _references(up.table):
                ref = up.values[column]
                if ref is None:
                    continue
                key = (target, ref)
                if key in removed:
                    raise PackageRefused("sync_missing_reference", line=up.line, column=column, ref=str(ref))
                if key not in in_package:
                    wanted.setdefault(target, set()).add(ref)
                    first_line.setdefault(key, (up.line, column, up.table))
        for target, ids in wanted.items():
            model = Base.metadata.tables[target]
            found: set[uuid.UUID] = set()
            for chunk in chunks(sorted(ids, key=str)):
                found.update(self.s.execute(select(model.c.id).where(model.c.id.in_(chunk))).scalars())
            for missing in sorted(ids - found, key=str):
                line, column, _table = first_line[(target, missing)]
                raise PackageRefused("sync_missing_reference", line=line, column=column, ref=str(missing))

    def _check_files(self) -> None:
        needed: set[str] = set()
        for up in self.upserts:
            if up.table == "document_versions":
                sha = up.values["sha256"]
                needed.add(sha)
                if sha not in self.v.files and not self.blobs.has(sha):
                    raise PackageRefused("sync_missing_file", line=up.line, sha256=sha)
        for sha in self.v.files:
            if sha not in needed:
                raise PackageRefused("sync_unexpected_entry", name=f"files/{sha}")

    def _check_unclassified(self) -> None:
        """Classified content travels encrypted, always."""
        docs = {u.row_id: u.values for u in self.upserts if u.table == "documents"}
        items = {u.row_id: u.values for u in self.upserts if u.table == "agenda_items"}
        for up in self.upserts:
            level = up.values.get("classification")
            if level is not None and level.is_classified:
                raise PackageRefused("sync_unencrypted_classified", line=up.line)
            if up.table == "document_versions":
                doc = docs.get(up.values["document_id"])
                if doc is None:
                    local_doc = self.s.get(self.cls["documents"], up.values["document_id"])
                    if local_doc is None:
                        continue
                    doc = {"classification": local_doc.classification, "item_id": local_doc.item_id}  # type: ignore[attr-defined]
                item = items.get(doc["item_id"])
                item_level = item["classification"] if item else None
                if item_level is None:
                    local_item = self.s.get(AgendaItem, doc["item_id"])
                    item_level = local_item.classification if local_item else None
                if doc["classification"].is_classified or (
                    item_level is not None and item_level.is_classified
                ):
                    raise PackageRefused("sync_unencrypted_classified", line=up.line)

    # changes ---------------------------------------------------------------------------------------------

    def apply(self) -> None:
        for record in self.deletes:
            obj = self._local(record.table, record.row_id)
            if obj is None:
                continue
            late = self.late.get(record.line)
            if late is not None:
                self._record_late(record.table, record.row_id, {"deleted": str(record.row_id)}, *late)
                continue
            self._delete_with_dependents(obj)
            self.s.flush()
            self.deleted += 1
            self.counts[record.table] += 1
        fixes: list[tuple[Entity, Upsert]] = []
        # One flush for all upserts (each flush appends audit events): a row that is not here yet is looked
        # up without flushing the rows added before it, which the duplicate check in check() makes safe.
        with self.s.no_autoflush:
            for up in self.upserts:
                late = self.late.get(up.line)
                if late is not None:
                    self._record_late(up.table, up.row_id, up.image, *late)
                    continue
                self._upsert(up, fixes)
        self.s.flush()
        for obj, up in fixes:  # an insert always starts at version 1; give the row the version it has there
            obj.version = up.values["version"]
            flag_modified(obj, "updated_at")
        self.s.flush()
        for up in self.upserts:
            if up.line in self.late:
                continue
            obj = self._local(up.table, up.row_id)
            if (
                up.table in MEMBER_TABLES
                and obj is not None
                and obj.version == up.values["version"]
                and self._same(obj, up)
            ):
                self.held.append((up.table, up.row_id, state_code(obj.version, 0)))
            if up.table == "sync_notices" and obj is not None:
                values = up.values
                self.notices.append(
                    RefusedChange(
                        values["entity"], values["entity_id"], values["code"], dict(values["params"])
                    )
                )

    def _same(self, obj: Entity, up: Upsert) -> bool:
        return all(getattr(obj, key) == up.values[col] for col, key in _columns(type(obj)))

    def _record_late(
        self, table: str, row_id: uuid.UUID, image: dict[str, Any], code: str, params: dict[str, Any]
    ) -> None:
        assert self.sender.member_id is not None
        self.s.add(
            SyncNotice(
                member_id=self.sender.member_id,
                package_id=self.m.package_id,
                entity=table,
                entity_id=row_id,
                code=code,
                params=params,
                refused_change=image,
            )
        )
        self.refused.append(RefusedChange(table, row_id, code, params))

    def _load(self, model: type[Entity], ids: Iterable[uuid.UUID | None]) -> list[Any]:
        """Bring these rows into the session in a few queries, so `session.get` finds them there."""
        wanted = sorted({i for i in ids if i is not None}, key=str)
        rows: list[Any] = []
        for chunk in chunks(wanted):
            rows += self.s.execute(select(model).where(model.id.in_(chunk))).scalars().all()
        self.kept += rows
        return rows

    def _local(self, table: str, row_id: uuid.UUID) -> Entity | None:
        """This database's row, or None; a row the package names and `_preload` did not find costs no
        query (a return package's new answers are all such rows)."""
        if (table, row_id) in self.absent:
            return None
        return self.s.get(self.cls[table], row_id)

    def _preload(self) -> None:
        """Load the rows the package touches, a table at a time, so each record finds its row in the
        session instead of asking the database (a first package can carry ten years of records); and the
        natural keys (question and member, …) of the tables that have them."""
        by_table: dict[str, list[uuid.UUID]] = {}
        records: list[Record] = [*self.deletes, *self.upserts]
        for record in records:
            by_table.setdefault(record.table, []).append(record.row_id)
        for table, ids in by_table.items():
            present = {row.id for row in self._load(self.cls[table], ids)}
            self.absent.update((table, row_id) for row_id in ids if row_id not in present)
            model = self.cls[table]
            for columns in _unique_keys(table):
                found: dict[tuple[Any, ...], uuid.UUID] = {}
                firsts = sorted({u.values[columns[0]] for u in self.upserts if u.table == table}, key=str)
                for chunk in chunks(firsts):
                    rows = self.s.execute(
                        select(model.id, *(getattr(model, c) for c in columns)).where(
                            getattr(model, columns[0]).in_(chunk)
                        )
                    )
                    found.update({tuple(key): row_id for row_id, *key in rows})
                self.natural[(table, columns)] = found

    def _preload_member_parents(self) -> None:
        """What the checks of a member's records look at — questions, ballots, votes, items, sessions,
        versions, and which of them the member may see — a table at a time, not a query per record."""
        assert self.member_actor is not None

        def refs(table: str, column: str) -> list[Any]:
            return [up.values[column] for up in self.upserts if up.table == table]

        asked = sorted(set(refs("opinion_answers", "question_id")), key=str)
        for chunk in chunks(asked):  # a ballot holds up to 50 questions: their ballot is all that matters
            rows = self.s.execute(
                select(BallotQuestion.id, BallotQuestion.ballot_id).where(BallotQuestion.id.in_(chunk))
            )
            self.question_ballot.update((question_id, ballot_id) for question_id, ballot_id in rows)
        ballot_ids = sorted(set(self.question_ballot.values()), key=str)
        self._load(OpinionBallot, ballot_ids)
        for chunk in chunks(ballot_ids):
            self.addressed.update(
                self.s.execute(
                    select(BallotRecipient.ballot_id).where(
                        BallotRecipient.ballot_id.in_(chunk),
                        BallotRecipient.member_id == self.sender.member_id,
                    )
                ).scalars()
            )
        votes = self._load(Vote, refs("vote_casts", "vote_id"))
        withdrawn = [self._local(d.table, d.row_id) for d in self.deletes if d.table in MEMBER_DELETABLE]
        items = self._load(
            AgendaItem,
            [
                *refs("item_positions", "item_id"),
                *refs("speaking_requests", "item_id"),
                *(v.item_id for v in votes),
                *(getattr(row, "item_id", None) for row in withdrawn),
            ],
        )
        self._load(CabinetSession, [i.session_id for i in items])
        versions = self._load(DocumentVersion, refs("read_receipts", "version_id"))
        documents = visible_documents(self.member_actor)
        for chunk in chunks(sorted({v.document_id for v in versions}, key=str)):
            self.visible_docs.update(
                self.s.execute(documents.where(documents.selected_columns[0].in_(chunk))).scalars()
            )

    def _natural_twin(self, up: Upsert) -> Entity | None:
        """A row here with the same natural key (question and member, …) under another id."""
        for columns in _unique_keys(up.table):
            known = self.natural.get((up.table, columns), {})
            twin_id = known.get(tuple(up.values[c] for c in columns))
            if twin_id is not None and twin_id != up.row_id:
                twin = self.s.get(self.cls[up.table], twin_id)
                if twin is not None:
                    return twin
        return None

    def _upsert(self, up: Upsert, fixes: list[tuple[Entity, Upsert]]) -> None:
        model = self.cls[up.table]
        local = self._local(up.table, up.row_id)
        own_row = up.table in MEMBER_TABLES
        if local is None:
            twin = self._natural_twin(up)
            if twin is not None:
                if own_row and not self.from_member:
                    self.unchanged += 1  # the laptop's own record under another id wins; it goes out next
                    return
                # the member's own record replaces one entered here for them (a paper answer)
                self._delete_with_dependents(twin)
                self.s.flush()
            obj = model(**{key: up.values[col] for col, key in _columns(model)})
            self.s.add(obj)
            self.kept.append(obj)
            self.absent.discard((up.table, up.row_id))
            if up.values["version"] != 1:
                fixes.append((obj, up))
            self.inserted += 1
            self.counts[up.table] += 1
            return
        if self.from_member:
            if not self._member_change(up, local):
                self.unchanged += 1
                return
            for column in MEMBER_COLUMNS[up.table]:
                setattr(local, column, up.values[column])
            self._bump(local, up)
            return
        if own_row and up.values["version"] <= local.version:
            self.unchanged += 1  # the laptop's own record is newer than the copy coming back
            return
        if self._same(local, up):
            self.unchanged += 1
            return
        for col, key in _columns(model):
            if col not in ("id", "version"):
                setattr(local, key, up.values[col])
        self._bump(local, up)

    def _bump(self, local: Entity, up: Upsert) -> None:
        local.updated_at = up.values["updated_at"]
        flag_modified(local, "updated_at")
        local.version = max(local.version + 1, up.values["version"])
        self.updated += 1
        self.counts[up.table] += 1

    def _delete_with_dependents(self, obj: Entity) -> None:
        """Delete through the ORM, children first, so the audit log sees every row that goes (the database's
        own cascades would remove them behind its back)."""
        table = obj.__table__
        for mapper in Base.registry.mappers:
            child_model = mapper.class_
            if not issubclass(child_model, Entity):
                continue
            for column in child_model.__table__.columns:
                for fk in column.foreign_keys:
                    if fk.column.table is not table:
                        continue
                    children = (
                        self.s.execute(select(child_model).where(getattr(child_model, column.key) == obj.id))
                        .scalars()
                        .all()
                    )
                    for child in children:
                        if child is obj:
                            continue
                        if column.nullable and fk.ondelete != "CASCADE":
                            setattr(child, column.key, None)
                        else:
                            self._delete_with_dependents(child)
        if isinstance(obj, DocumentVersion):
            self.removed_blobs.add(obj.sha256)
        self.s.delete(obj)

    def store_files(self) -> int:
        for sha, path in self.v.files.items():
            if not self.blobs.has(sha):
                self.written_blobs.add(sha)  # before writing, so a half-written one is cleared up too
            self.blobs.put_file(path)
        return len(self.v.files)
