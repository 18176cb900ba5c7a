"""Write a package for one peer: what it may hold and does not have yet, signed, encrypted, written whole.

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
from ecabinet.security.keystore import Keyring
from ecabinet.services.actor import Actor, load_actor
from ecabinet.sync import container
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


def export_package(
    database: Database,
    keyring: Keyring,
    actor: Actor | None,
    peer_installation_id: uuid.UUID,
    out: Path,
    encrypt: bool = True,
) -> ExportResult:
    """Write the package for `peer_installation_id` to `out` (temporary file, flushed, then renamed: an
    interrupted export leaves no .ecab and uses no sequence number)."""
    profile = keyring.profile
    check_installation(profile, database.installation_id)
    local = database.installation_id
    package_id = uuid.uuid4()
    created = utcnow()
    with _temporary_beside(out) as (handle, tmp), database.write(actor) as s:
        check_sync_actor(s, actor, profile)
        register_own_keys(s, profile)
        peer_key = current_peer_key(s, peer_installation_id)
        if peer_key is None or peer_key.role == profile.role:
            raise InvalidState("sync_no_peer_key", who=str(peer_installation_id))
        peer = get_peer(s, local, peer_installation_id)
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
        sequence = peer.last_seq_sent + 1
        records, pending, files, counts = _build(
            s, database, scope, acked, maybe, classified, profile.role, watermark_for
        )
        if not encrypt and (classified & set(scope.get("document_versions", {})) or _any_classified(records)):
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
            container.write_package(
                handle,
                header,
                keyring,
                records,
                ((sha, load()) for sha, load in files.items()),
                b64d(peer_key.enc_public, 32) if encrypt else None,
            )
            handle.flush()
            os.fsync(handle.fileno())
        except OSError as exc:
            raise DomainError("disk_write_failed", reason=exc.strerror or str(exc)) from exc
        handle.seek(0)
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
        size = handle.tell()
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
        recipient_name=recipient_name,
        sequence=sequence,
        ack=header.ack,
        upserts=upserts,
        deletes=len(records) - upserts,
        files=len(files),
        watermarked=sum(1 for v in classified if ("document_versions", v) in pending),
        encrypted=encrypt,
        size=size,
        sha256=digest,
        tables=tuple(sorted(counts.items(), key=lambda kv: table_order()[kv[0]])),
    )


def _recipient(session: Session, key: SyncKey) -> tuple[str, str]:
    """(a name for messages, the watermark text) of the peer."""
    if key.role is ProfileRole.SECRETARIAT:
        return "secretariat", ""
    member = session.get(Member, key.member_id)
    if member is None:
        return str(key.member_id), str(key.member_id)
    return member.full_name, f"{member.full_name} · {member.title}" if member.title else member.full_name


def _any_classified(records: list[dict[str, Any]]) -> bool:
    return any(r["op"] == "upsert" and r["row"].get("classification", "normal") != "normal" for r in records)


def _build(
    session: Session,
    database: Database,
    scope: Scope,
    acked: dict[tuple[str, uuid.UUID], int],
    maybe: set[tuple[str, uuid.UUID]],
    classified: set[uuid.UUID],
    role: ProfileRole,
    watermark_for: str,
) -> tuple[
    list[dict[str, Any]], dict[tuple[str, uuid.UUID], int], dict[str, Callable[[], bytes]], dict[str, int]
]:
    """The records (deletes first, children first; then upserts, parents first), the inventory entries
    they make pending, and the files by hash."""
    order = table_order()
    cls = entity_classes()
    records: list[dict[str, Any]] = []
    pending: dict[tuple[str, uuid.UUID], int] = {}
    files: dict[str, Callable[[], bytes]] = {}  # read one at a time while the package is written
    counts: dict[str, int] = {}
    # Rows the peer may hold that are no longer for it: the secretariat withdraws what it owns; a laptop
    # withdraws the positions its member took back.
    deletable = SECRETARIAT_TABLES if role is ProfileRole.SECRETARIAT else MEMBER_DELETABLE
    gone = sorted(
        (key for key in maybe if key[0] in deletable and key[1] not in scope.get(key[0], {})),
        key=lambda k: (-order[k[0]], str(k[1])),
    )
    for entity, entity_id in gone:
        records.append(delete_record(entity, entity_id))
        pending[(entity, entity_id)] = WITHDRAWN
        counts[entity] = counts.get(entity, 0) + 1
    # The stamp names the reader only, and the stamped file is the same each time (reportlab's invariant
    # mode, pypdf without file ids), so a version and a ballot pinned to it agree on the stamped hash.
    stamped: dict[str, tuple[str, bytes]] = {}  # original hash -> (stamped hash, stamped file)

    def stamped_copy(sha: str) -> tuple[str, bytes]:
        if sha not in stamped:
            data = watermark_pdf(database.blobs.read(sha), watermark_for)
            stamped[sha] = (hashlib.sha256(data).hexdigest(), data)
        return stamped[sha]

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
                        stamped_sha, data = stamped_copy(image["sha256"])
                        image["sha256"], image["size"] = stamped_sha, len(data)
                        files[stamped_sha] = lambda data=data: data  # type: ignore[misc]
                    else:
                        files[image["sha256"]] = lambda sha=image["sha256"]: database.blobs.read(sha)  # type: ignore[misc]
                if table == "ballot_documents" and row.variant & WATERMARKED:
                    version = session.get(DocumentVersion, obj.version_id)  # type: ignore[attr-defined]
                    if version is not None:
                        image["sha256"] = stamped_copy(version.sha256)[0]
                records.append(upsert_record(table, image))
                pending[(table, obj.id)] = state_code(row.version, row.variant)
                counts[table] = counts.get(table, 0) + 1
    return records, pending, files, counts
