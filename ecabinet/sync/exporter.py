"""Write a package for one peer: what it may hold and does not have yet, signed, encrypted, written whole;
and, before that, the plan of what it would carry (`plan_export`, read-only).

"Does not have yet" is counted from what the peer confirmed: each package names the newest package its
sender applied from the recipient (`ack`), and the rows that package carried then count as held. Until
then a row is sent again, so every package carries everything the peer may still miss, and a lost or
refused package loses nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import uuid
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ecabinet.audit.chain import record_event
from ecabinet.db import Database
from ecabinet.errors import DomainError, InvalidState
from ecabinet.model import AgendaItem, Document, DocumentVersion, Member, utcnow
from ecabinet.model.sync import PackageDirection, ProfileRole, SyncInventory, SyncKey, SyncPackage, SyncPeer
from ecabinet.security.crypto import b64d
from ecabinet.security.keystore import Keyring, Profile
from ecabinet.services.actor import Actor, load_actor
from ecabinet.sync import container
from ecabinet.sync.container import Content, ExportCancelled
from ecabinet.sync.keys import check_installation, check_sync_actor, current_peer_key, register_own_keys
from ecabinet.sync.schema import (
    MEMBER_DELETABLE,
    SECRETARIAT_TABLES,
    delete_record,
    encode_row,
    entity_classes,
    table_order,
    upsert_record,
)
from ecabinet.sync.scope import LINKS_LEFT_OUT, WATERMARKED, Scope, links, member_scope, own_scope, state_code
from ecabinet.sync.watermark import watermark_pdf

WITHDRAWN = -1
SYNC_EVERY = 64 << 20  # the package goes to disk while it is written, not all at the final fsync
STAMP_BYTES, STAMP_PAGE_BYTES = 12_000, 4_000  # what a watermark adds to a file, for the plan's estimate


@dataclass(frozen=True)
class ExportResult:
    package_id: uuid.UUID
    path: Path
    recipient_installation_id: uuid.UUID
    recipient_member_id: uuid.UUID | None
    recipient_name: str
    sequence: int
    ack: int
    upserts: int
    deletes: int
    files: int
    watermarked: int
    encrypted: bool
    size: int
    sha256: str
    tables: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class TablePlan:
    table: str
    upserts: int  # rows sent (new or changed)
    deletes: int  # rows withdrawn from the peer


@dataclass(frozen=True)
class ExportPlan:
    """What the next package to a peer would carry, found without writing anything: the same selection
    as `export_package`, whose counts it matches. The size is exact but for the watermarked copies, which
    are stamped only when the package is written: their size is estimated from the original's."""

    recipient_installation_id: uuid.UUID
    recipient_member_id: uuid.UUID | None
    recipient_name: str
    sequence: int
    ack: int
    tables: tuple[TablePlan, ...]  # in table order, only tables with something to send
    files: int
    file_bytes: int
    watermarked: int
    encrypted: bool
    estimated_size: int

    @property
    def upserts(self) -> int:
        return sum(t.upserts for t in self.tables)

    @property
    def deletes(self) -> int:
        return sum(t.deletes for t in self.tables)

    def count(self, table: str) -> int:
        """Rows of `table` sent or withdrawn."""
        return sum(t.upserts + t.deletes for t in self.tables if t.table == table)


def get_peer(session: Session, local: uuid.UUID, peer: uuid.UUID) -> SyncPeer:
    row = session.execute(
        select(SyncPeer).where(SyncPeer.local_installation_id == local, SyncPeer.peer_installation_id == peer)
    ).scalar()
    if row is None:
        row = SyncPeer(local_installation_id=local, peer_installation_id=peer)
        session.add(row)
        session.flush()
    return row


def inventory(
    session: Session, local: uuid.UUID, peer: uuid.UUID
) -> tuple[dict[tuple[str, uuid.UUID], int], set[tuple[str, uuid.UUID]]]:
    """(what the peer confirmed holding: row -> state code, every row it may hold at all)."""
    acked: dict[tuple[str, uuid.UUID], int] = {}
    maybe: set[tuple[str, uuid.UUID]] = set()
    rows = session.execute(
        select(
            SyncInventory.package_seq,
            SyncInventory.entity,
            SyncInventory.entity_id,
            SyncInventory.row_version,
        ).where(SyncInventory.local_installation_id == local, SyncInventory.peer_installation_id == peer)
    )
    for seq, entity, entity_id, code in rows:
        if seq == 0:
            acked[(entity, entity_id)] = code
            maybe.add((entity, entity_id))
        elif code != WITHDRAWN:
            maybe.add((entity, entity_id))
    return acked, maybe


def _classified_versions(session: Session, version_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """The versions whose document, or its item, is classified (their files are watermarked)."""
    out: set[uuid.UUID] = set()
    for start in range(0, len(version_ids), 500):
        chunk = version_ids[start : start + 500]
        rows = session.execute(
            select(DocumentVersion.id, Document.classification, AgendaItem.classification)
            .join(Document, Document.id == DocumentVersion.document_id)
            .join(AgendaItem, AgendaItem.id == Document.item_id)
            .where(DocumentVersion.id.in_(chunk))
        )
        out.update(v for v, doc, item in rows if doc.is_classified or item.is_classified)
    return out


def _mark_watermarks(session: Session, scope: Scope) -> set[uuid.UUID]:
    classified = _classified_versions(session, list(scope.get("document_versions", {})))
    for version_id in classified:
        row = scope["document_versions"][version_id]
        scope["document_versions"][version_id] = type(row)(row.version, row.variant | WATERMARKED)
    cls = entity_classes()["ballot_documents"]
    pinned = scope.get("ballot_documents", {})
    if pinned:
        ids = list(pinned)
        for start in range(0, len(ids), 500):
            for bd_id, version_id in session.execute(
                select(cls.id, cls.version_id).where(cls.id.in_(ids[start : start + 500]))  # type: ignore[attr-defined]
            ):
                if version_id in classified:
                    row = pinned[bd_id]
                    pinned[bd_id] = type(row)(row.version, row.variant | WATERMARKED)
    return classified


@contextlib.contextmanager
def _temporary_beside(path: Path) -> Iterator[tuple[Any, Path]]:
    """A temporary file next to `path`; removed unless the caller renamed it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w+b") as out:
            yield out, tmp
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass
class _Prepared:
    """Who the package is for and what of the scope the peer does not hold yet (shared by the plan and the
    export, so both count the same)."""

    peer_key: SyncKey
    recipient_name: str
    watermark_for: str
    scope: Scope
    classified: set[uuid.UUID]
    acked: dict[tuple[str, uuid.UUID], int]
    maybe: set[tuple[str, uuid.UUID]]


def _prepare(s: Session, profile: Profile, local: uuid.UUID, peer_installation_id: uuid.UUID) -> _Prepared:
    peer_key = current_peer_key(s, peer_installation_id)
    if peer_key is None or peer_key.role == profile.role:
        raise InvalidState("sync_no_peer_key", who=str(peer_installation_id))
    recipient_name, watermark_for = _recipient(s, peer_key)
    if profile.role is ProfileRole.SECRETARIAT:
        assert peer_key.member_id is not None
        scope = member_scope(s, load_actor(s, peer_key.member_id))
        classified = _mark_watermarks(s, scope)
    else:
        assert profile.member_id is not None
        scope = own_scope(s, profile.member_id)
        classified = set()
    acked, maybe = inventory(s, local, peer_installation_id)
    return _Prepared(peer_key, recipient_name, watermark_for, scope, classified, acked, maybe)


def plan_export(
    database: Database,
    keys: Keyring | Profile,
    actor: Actor | None,
    peer_installation_id: uuid.UUID,
    encrypt: bool = True,
) -> ExportPlan:
    """What `export_package` would write for `peer_installation_id` now: per table the rows sent and
    withdrawn, the files and their bytes, how many are watermarked, and the package's size (estimated).
    Read-only: no sequence number is used and nothing is recorded. Only the profile is needed (no
    passphrase): nothing is signed or encrypted."""
    profile = keys.profile if isinstance(keys, Keyring) else keys
    check_installation(profile, database.installation_id)
    local = database.installation_id
    with database.read() as s:
        check_sync_actor(s, actor, profile)
        prepared = _prepare(s, profile, local, peer_installation_id)
        peer = s.execute(
            select(SyncPeer).where(
                SyncPeer.local_installation_id == local, SyncPeer.peer_installation_id == peer_installation_id
            )
        ).scalar()
        last_sent, ack = (0, 0) if peer is None else (peer.last_seq_sent, peer.last_seq_applied)

        def stand_in(sha: str, size: int, pages: int) -> tuple[str, Content, int]:
            # Not stamped here (that is the slow part of writing): a hash of its own names the copy, so a
            # stamped and a plain use of one file count as the two files the package will carry; its size
            # is the original's and what the stamp adds (measured on the demo's dossiers: the font once,
            # then the overlay of each page).
            marked = hashlib.sha256(f"watermarked|{sha}|{prepared.watermark_for}".encode()).hexdigest()
            return marked, database.blobs.path(sha), size + STAMP_BYTES + STAMP_PAGE_BYTES * pages

        built = _build(s, database, prepared, profile.role, stand_in)
    if not encrypt and _needs_encryption(prepared, built):
        raise DomainError("sync_classified_needs_encryption")
    sizes = [size for _content, size in built.files.values()]
    packed = len(zlib.compress(container.encode_records(built.records), 6))
    return ExportPlan(
        recipient_installation_id=peer_installation_id,
        recipient_member_id=prepared.peer_key.member_id,
        recipient_name=prepared.recipient_name,
        sequence=last_sent + 1,
        ack=ack,
        tables=tuple(
            TablePlan(table, upserts, deletes)
            for table, (upserts, deletes) in sorted(built.counts.items(), key=lambda kv: table_order()[kv[0]])
        ),
        files=len(built.files),
        file_bytes=sum(sizes),
        watermarked=built.watermarked(prepared.classified),
        encrypted=encrypt,
        estimated_size=container.estimate_size(packed, sizes, encrypt),
    )


def export_package(
    database: Database,
    keyring: Keyring,
    actor: Actor | None,
    peer_installation_id: uuid.UUID,
    out: Path,
    encrypt: bool = True,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the package for `peer_installation_id` to `out` (temporary file, flushed, then renamed: an
    interrupted export leaves no .ecab and uses no sequence number).

    `progress(done, total)` reports the bytes written; when `cancelled()` turns true the export stops
    within one file and raises `ExportCancelled`, leaving no file and the database as it was."""
    profile = keyring.profile
    check_installation(profile, database.installation_id)
    local = database.installation_id
    package_id = uuid.uuid4()
    created = utcnow()
    with _temporary_beside(out) as (handle, tmp), database.write(actor) as s:
        check_sync_actor(s, actor, profile)
        register_own_keys(s, profile)
        prepared = _prepare(s, profile, local, peer_installation_id)
        peer_key = prepared.peer_key
        peer = get_peer(s, local, peer_installation_id)
        sequence = peer.last_seq_sent + 1
        # The stamp names the reader only, and the stamped file is the same each time (reportlab's
        # invariant mode, pypdf without file ids), so a version and a ballot pinned to it agree on the hash.
        stamped: dict[str, tuple[str, Content, int]] = {}

        def stamp(sha: str, _size: int, _pages: int) -> tuple[str, Content, int]:
            if sha not in stamped:
                if cancelled is not None and cancelled():
                    raise ExportCancelled()
                data = watermark_pdf(database.blobs.read(sha), prepared.watermark_for)
                stamped[sha] = (hashlib.sha256(data).hexdigest(), data, len(data))
            return stamped[sha]

        built = _build(s, database, prepared, profile.role, stamp)
        records, pending, files = built.records, built.pending, built.files
        if not encrypt and _needs_encryption(prepared, built):
            raise DomainError("sync_classified_needs_encryption")
        header = container.Header(
            package_id=package_id,
            created=created,
            recipient_installation_id=peer_installation_id,
            recipient_key_id=peer_key.key_id,
            sequence=sequence,
            ack=peer.last_seq_applied,
        )
        try:
            written = container.write_package(
                handle,
                header,
                keyring,
                records,
                [(sha, content) for sha, (content, _size) in files.items()],
                b64d(peer_key.enc_public, 32) if encrypt else None,
                progress=progress,
                cancelled=cancelled,
                sync_every=SYNC_EVERY,
            )
            handle.flush()
            os.fsync(handle.fileno())
        except OSError as exc:
            raise DomainError("disk_write_failed", reason=exc.strerror or str(exc)) from exc
        digest, size = written.sha256, written.size
        if pending:
            s.execute(
                insert(SyncInventory),
                [
                    {
                        "local_installation_id": local,
                        "peer_installation_id": peer_installation_id,
                        "package_seq": sequence,
                        "entity": entity,
                        "entity_id": entity_id,
                        "row_version": code,
                    }
                    for (entity, entity_id), code in pending.items()
                ],
            )
        peer.last_seq_sent = sequence
        peer.last_export_at = created
        upserts = sum(1 for r in records if r["op"] == "upsert")
        s.add(
            SyncPackage(
                package_id=package_id,
                direction=PackageDirection.EXPORT,
                local_installation_id=local,
                peer_installation_id=peer_installation_id,
                sequence=sequence,
                ack_sequence=peer.last_seq_applied,
                package_created=created,
                sha256=digest,
                record_count=len(records),
                file_count=len(files),
                applied_count=upserts,
            )
        )
        s.flush()
        record_event(
            s,
            "sync.export",
            "sync_packages",
            str(package_id),
            {
                "result": "exported",
                "recipient": str(peer_installation_id),
                "recipient_key": peer_key.key_id,
                "recipient_member": None if peer_key.member_id is None else str(peer_key.member_id),
                "sequence": sequence,
                "ack": peer.last_seq_applied,
                "records": len(records),
                "files": len(files),
                "sha256": digest,
                "encrypted": encrypt,
            },
        )
        # Renamed while the unit of work is still open: if the rename fails, nothing is recorded either.
        # (Should the commit then fail, the file is there with a number the next export uses again; the
        # recipient refuses whichever of the two comes second as a replay, and loses nothing.)
        try:
            handle.close()  # Windows renames only closed files
            os.replace(tmp, out)
            _fsync_dir(out.parent)
        except OSError as exc:
            raise DomainError("disk_write_failed", reason=exc.strerror or str(exc)) from exc
    return ExportResult(
        package_id=package_id,
        path=out,
        recipient_installation_id=peer_installation_id,
        recipient_member_id=peer_key.member_id,
        recipient_name=prepared.recipient_name,
        sequence=sequence,
        ack=header.ack,
        upserts=upserts,
        deletes=len(records) - upserts,
        files=len(files),
        watermarked=built.watermarked(prepared.classified),
        encrypted=encrypt,
        size=size,
        sha256=digest,
        tables=tuple(
            (table, upserts + deletes)
            for table, (upserts, deletes) in sorted(built.counts.items(), key=lambda kv: table_order()[kv[0]])
        ),
    )


def _recipient(session: Session, key: SyncKey) -> tuple[str, str]:
    """(a name for messages, the watermark text) of the peer."""
    if key.role is ProfileRole.SECRETARIAT:
        return "secretariat", ""
    member = session.get(Member, key.member_id)
    if member is None:
        return str(key.member_id), str(key.member_id)
    return member.full_name, f"{member.full_name} · {member.title}" if member.title else member.full_name


def _needs_encryption(prepared: _Prepared, built: _Built) -> bool:
    """Something classified would travel: a watermarked file, or a classified row."""
    if prepared.classified & set(prepared.scope.get("document_versions", {})):
        return True
    return any(
        r["op"] == "upsert" and r["row"].get("classification", "normal") != "normal" for r in built.records
    )


# (entry hash, content, size) of the watermarked copy of a stored file, given its hash, size and pages
Stamp = Callable[[str, int, int], tuple[str, Content, int]]


@dataclass
class _Built:
    records: list[dict[str, Any]]  # deletes first (children first), then upserts (parents first)
    pending: dict[tuple[str, uuid.UUID], int]  # the inventory entries the package makes pending
    files: dict[str, tuple[Content, int]]  # entry hash -> (content, size)
    counts: dict[str, list[int]]  # table -> [upserts, deletes]

    def watermarked(self, classified: set[uuid.UUID]) -> int:
        return sum(1 for v in classified if ("document_versions", v) in self.pending)


def _build(
    session: Session, database: Database, prepared: _Prepared, role: ProfileRole, stamp: Stamp
) -> _Built:
    """The records, the inventory entries they make pending, and the files by hash (read from the store only
    while the package is written)."""
    order = table_order()
    cls = entity_classes()
    scope, acked, classified = prepared.scope, prepared.acked, prepared.classified
    built = _Built([], {}, {}, {})
    # Rows the peer may hold that are no longer for it: the secretariat withdraws what it owns; a laptop
    # withdraws the positions its member took back.
    deletable = SECRETARIAT_TABLES if role is ProfileRole.SECRETARIAT else MEMBER_DELETABLE
    gone = sorted(
        (key for key in prepared.maybe if key[0] in deletable and key[1] not in scope.get(key[0], {})),
        key=lambda k: (-order[k[0]], str(k[1])),
    )
    for entity, entity_id in gone:
        built.records.append(delete_record(entity, entity_id))
        built.pending[(entity, entity_id)] = WITHDRAWN
        built.counts.setdefault(entity, [0, 0])[1] += 1
    for table in sorted(scope, key=order.__getitem__):
        rows = scope[table]
        changed = [rid for rid, row in rows.items() if acked.get((table, rid)) != row.code]
        if not changed:
            continue
        model = cls[table]
        table_links = links(table, set(scope))
        changed.sort(key=str)
        for start in range(0, len(changed), 500):
            chunk = changed[start : start + 500]
            objects = session.execute(select(model).where(model.id.in_(chunk)).order_by(model.id)).scalars()
            for obj in objects:
                row = rows[obj.id]
                image = encode_row(obj)
                if row.variant & LINKS_LEFT_OUT:
                    for name, target, _nullable in table_links:
                        value = image[name]
                        here = scope[target]
                        if value is not None and uuid.UUID(value) not in here:
                            image[name] = None
                if table == "document_versions":
                    if obj.id in classified:
                        sha, content, size = stamp(image["sha256"], image["size"], image["page_count"])
                        image["sha256"], image["size"] = sha, size
                        built.files[sha] = (content, size)
                    else:
                        built.files[image["sha256"]] = (database.blobs.path(image["sha256"]), image["size"])
                if table == "ballot_documents" and row.variant & WATERMARKED:
                    version = session.get(DocumentVersion, obj.version_id)  # type: ignore[attr-defined]
                    if version is not None:
                        image["sha256"] = stamp(version.sha256, version.size, version.page_count)[0]
                built.records.append(upsert_record(table, image))
                built.pending[(table, obj.id)] = state_code(row.version, row.variant)
                built.counts.setdefault(table, [0, 0])[0] += 1
    return built
