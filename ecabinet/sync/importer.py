"""Import a package: check everything first — container, signature, trust, recipient, order, every entry,
every record against the schema and the sender's authority — then apply all of it in one unit of work, or
nothing. Refusals are recorded in the audit log in a unit of their own and raised as `PackageRefused`.
A dry run does all of that, then rolls back: it reports what the import would do and changes nothing."""

from __future__ import annotations

import contextlib
import tempfile
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, insert, select, text, tuple_
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from ecabinet.audit.chain import record_event
from ecabinet.db import Database
from ecabinet.model import (
    Base,
    DocumentVersion,
    Member,
    utcnow,
)
from ecabinet.model.sync import PackageDirection, ProfileRole, SyncInventory, SyncKey, SyncPackage
from ecabinet.security import crypto
from ecabinet.security.crypto import CryptoFailure, b64d
from ecabinet.security.keystore import Keyring, Profile
from ecabinet.services.actor import Actor
from ecabinet.sync.apply import Changes, RefusedChange, Sender, Verified, chunks
from ecabinet.sync.container import DEFAULT_LIMITS, Limits, PackageReader, parse_manifest
from ecabinet.sync.errors import PackageRefused
from ecabinet.sync.exporter import WITHDRAWN, get_peer
from ecabinet.sync.keys import check_installation, check_sync_actor, register_own_keys
from ecabinet.sync.schema import (
    MEMBER_TABLES,
    SECRETARIAT_TABLES,
    decode_record,
    table_order,
)


@dataclass(frozen=True)
class ImportResult:
    package_id: uuid.UUID
    sequence: int
    sender_installation_id: uuid.UUID
    sender_role: ProfileRole
    sender_member_id: uuid.UUID | None
    sender_name: str
    already_applied: bool
    applied_at: datetime | None
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    files: int = 0
    tables: tuple[tuple[str, int], ...] = ()  # rows changed per table
    refused: tuple[RefusedChange, ...] = ()  # changes from a member recorded as refused here
    notices: tuple[RefusedChange, ...] = ()  # refusals the secretariat reported back (on a laptop)
    dry_run: bool = False  # what the import would do: checked and applied, then rolled back

    @property
    def changed(self) -> int:
        return self.inserted + self.updated + self.deleted


@dataclass
class _Facts:
    """What is known about the package so far, for the refusal's audit event."""

    file: str
    package_id: uuid.UUID | None = None
    sender: uuid.UUID | None = None
    sender_key: str | None = None
    sequence: int | None = None


class _DryRunDone(Exception):
    """Leaves a dry run's unit of work by an exception, so that it rolls back, carrying the result."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__("dry run")
        self.result = result


def import_package(
    database: Database,
    keyring: Keyring,
    path: Path,
    actor: Actor | None,
    limits: Limits = DEFAULT_LIMITS,
    now: datetime | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Check and apply the package at `path`; `PackageRefused` (with the reason) when any check fails.

    `dry_run`: every check and the whole apply run inside the unit of work, which then rolls back; the result
    (`dry_run` set) says what would be applied and refused. Nothing changes: no rows, no audit event, no
    file left in the store; a refused package raises the same `PackageRefused` but records no refusal."""
    facts = _Facts(file=path.name)
    try:
        return _import(database, keyring, path, actor, limits, now or utcnow(), facts, dry_run)
    except PackageRefused as refusal:
        if not dry_run:
            _record_refusal(database, actor, facts, refusal)
        raise


def _record_refusal(database: Database, actor: Actor | None, facts: _Facts, refusal: PackageRefused) -> None:
    with database.write(actor) as s:
        record_event(
            s,
            "sync.refused",
            "sync_packages",
            str(facts.package_id) if facts.package_id else facts.file[:80],
            {
                "result": "refused",
                "reason": refusal.code,
                "params": {k: str(v) for k, v in refusal.params.items()},
                "message": refusal.message("en"),
                "file": facts.file,
                "sender": None if facts.sender is None else str(facts.sender),
                "sender_key": facts.sender_key,
                "sequence": facts.sequence,
            },
        )


def _import(
    database: Database,
    keyring: Keyring,
    path: Path,
    actor: Actor | None,
    limits: Limits,
    now: datetime,
    facts: _Facts,
    dry_run: bool,
) -> ImportResult:
    profile = keyring.profile
    check_installation(profile, database.installation_id)
    with tempfile.TemporaryDirectory(prefix="import-", dir=database.home) as work:
        verified = _verify(database, keyring, path, limits, facts, Path(work))
        manifest = verified.manifest
        with database.read() as s:
            done = s.execute(
                select(SyncPackage).where(
                    SyncPackage.package_id == manifest.package_id,
                    SyncPackage.direction == PackageDirection.IMPORT,
                )
            ).scalar()
            sender_name = _sender_name(s, verified.sender)
        if done is not None:
            return ImportResult(
                package_id=manifest.package_id,
                sequence=manifest.sequence,
                sender_installation_id=verified.sender.installation_id,
                sender_role=verified.sender.role,
                sender_member_id=verified.sender.member_id,
                sender_name=sender_name,
                already_applied=True,
                applied_at=done.created_at,
                dry_run=dry_run,
            )
        removed_blobs: set[str] = set()  # files of the versions the package deletes
        new_blobs: set[str] = set()  # files it put in the store that were not there
        committed = False
        try:
            with database.write(actor) as s:
                check_sync_actor(s, actor, profile)
                register_own_keys(s, profile)
                if database.is_sqlite:
                    # Documents and their current version point at each other; links are checked at commit.
                    s.execute(text("PRAGMA defer_foreign_keys = ON"))
                result = _apply(s, database, profile, verified, sender_name, now, removed_blobs, new_blobs)
                if dry_run:
                    _check_deferred(s, database, verified)
                    raise _DryRunDone(replace(result, dry_run=True))
            committed = True
        except _DryRunDone as done_dry:
            return done_dry.result
        except IntegrityError as exc:  # a package whose rows contradict this database: nothing was applied
            raise PackageRefused("sync_conflict", detail=str(exc.orig)[:200]) from exc
        finally:
            if not committed:  # no row uses what a dry run or a failed import wrote (unless it was there)
                with contextlib.suppress(SQLAlchemyError):
                    _drop_unused_blobs(database, actor, new_blobs)
        _drop_unused_blobs(database, actor, removed_blobs)
        return result


# What an import writes besides the package's rows: keys, peer state, history, notices, inventory.
_STATE_TABLES = ("sync_keys", "sync_peers", "sync_packages", "sync_notices", "sync_inventory")


def _check_deferred(s: Session, database: Database, verified: Verified) -> None:
    """SQLite checks the foreign keys deferred above at COMMIT, which a dry run never reaches: ask it to check
    the tables the package changed, those the import keeps its state in, and every table below them (a delete
    goes down the foreign keys), so the dry run refuses what the commit would."""
    if not database.is_sqlite:
        return  # PostgreSQL checks every constraint as each row is written
    tables = {r.table for r in verified.records} | set(_STATE_TABLES)
    frontier = set(tables)
    while frontier:
        below = {
            t.name
            for t in Base.metadata.sorted_tables
            for fk in t.foreign_keys
            if fk.column.table.name in frontier and t.name not in tables
        }
        tables |= below
        frontier = below
    for table in sorted(tables):
        if s.execute(text(f'PRAGMA foreign_key_check("{table}")')).first() is not None:
            raise PackageRefused("sync_conflict", detail="FOREIGN KEY constraint failed")


def _sender_name(session: Session, sender: Sender) -> str:
    if sender.role is ProfileRole.SECRETARIAT:
        return "secretariat"
    member = session.get(Member, sender.member_id) if sender.member_id else None
    return member.full_name if member else str(sender.member_id)


# --- checks before anything changes ---------------------------------------------------------------------------


def _verify(
    database: Database, keyring: Keyring, path: Path, limits: Limits, facts: _Facts, work: Path
) -> Verified:
    profile = keyring.profile
    with PackageReader(path, limits) as reader:
        manifest = parse_manifest(reader.manifest_bytes)
        facts.package_id = manifest.package_id
        facts.sender = manifest.sender_installation_id
        facts.sender_key = manifest.sender_key_id
        facts.sequence = manifest.sequence
        with database.read() as s:
            key = s.execute(select(SyncKey).where(SyncKey.key_id == manifest.sender_key_id)).scalar()
        fingerprint = crypto.format_fingerprint(manifest.sender_key_id)
        if key is None:
            raise PackageRefused("sync_unknown_key", fingerprint=fingerprint)
        if key.revoked_at is not None:
            raise PackageRefused(
                "sync_revoked_key", fingerprint=fingerprint, date=key.revoked_at.date().isoformat()
            )
        if key.trusted_at is None:
            raise PackageRefused("sync_untrusted_key", fingerprint=fingerprint)
        if (key.installation_id, key.role, key.member_id) != (
            manifest.sender_installation_id,
            manifest.sender_role,
            manifest.sender_member_id,
        ):
            raise PackageRefused("sync_signer_mismatch", fingerprint=fingerprint)
        try:
            sign_public = b64d(key.sign_public, 32)
        except CryptoFailure as exc:  # pragma: no cover - the key row was checked on import
            raise PackageRefused("sync_bad_signature") from exc
        reader.verify_signature(sign_public)
        if manifest.recipient_installation_id != database.installation_id:
            raise PackageRefused("sync_wrong_recipient", recipient=str(manifest.recipient_installation_id))
        private = keyring.decryption_key(manifest.recipient_key_id)
        if private is None:
            raise PackageRefused(
                "sync_unknown_recipient_key", fingerprint=crypto.format_fingerprint(manifest.recipient_key_id)
            )
        if key.installation_id == profile.installation_id or key.role == profile.role:
            raise PackageRefused(
                "sync_wrong_direction", sender=f"role:{key.role.value}", local=f"role:{profile.role.value}"
            )
        reader.check_entries(manifest)
        content_key = None
        if manifest.ephemeral_public is not None:
            try:
                content_key = crypto.open_content_key(private, manifest.ephemeral_public, manifest.package_id)
            except CryptoFailure as exc:
                raise PackageRefused("sync_decrypt_failed", name="(key)") from exc
        raw = reader.records(manifest, content_key)
        allowed = SECRETARIAT_TABLES | MEMBER_TABLES if key.role is ProfileRole.SECRETARIAT else MEMBER_TABLES
        records = [decode_record(n, item, allowed) for n, item in enumerate(raw, 1)]
        files: dict[str, Path] = {}
        for sha, data in reader.files(manifest, content_key):
            target = work / sha
            target.write_bytes(data)
            files[sha] = target
    sender = Sender(key.installation_id, key.key_id, key.role, key.member_id)
    return Verified(manifest, sender, records, files)


def _apply(
    s: Session,
    database: Database,
    profile: Profile,
    verified: Verified,
    sender_name: str,
    now: datetime,
    removed_blobs: set[str],
    new_blobs: set[str],
) -> ImportResult:
    manifest = verified.manifest
    sender = verified.sender
    local_id = database.installation_id
    peer = get_peer(s, local_id, sender.installation_id)
    if manifest.sequence == peer.last_seq_applied:
        raise PackageRefused("sync_replay", sequence=manifest.sequence, sender=sender_name)
    if manifest.sequence < peer.last_seq_applied:
        raise PackageRefused(
            "sync_older", sequence=manifest.sequence, last=peer.last_seq_applied, sender=sender_name
        )
    if manifest.ack > peer.last_seq_sent:
        raise PackageRefused("sync_bad_ack", ack=manifest.ack, sent=peer.last_seq_sent)
    work = Changes(s, database, profile, verified, now, written_blobs=new_blobs)
    work.check()
    work.apply()
    files = work.store_files()
    _merge_ack(s, local_id, sender.installation_id, manifest.ack, peer.last_seq_acked)
    if manifest.ack > peer.last_seq_acked:
        peer.last_seq_acked = manifest.ack
    _note_held(s, local_id, sender.installation_id, work.held)
    peer.last_seq_applied = manifest.sequence
    peer.last_applied_package_id = manifest.package_id
    peer.last_import_at = now
    s.add(
        SyncPackage(
            package_id=manifest.package_id,
            direction=PackageDirection.IMPORT,
            local_installation_id=local_id,
            peer_installation_id=sender.installation_id,
            sequence=manifest.sequence,
            ack_sequence=manifest.ack,
            package_created=manifest.created,
            sha256="",
            record_count=len(verified.records),
            file_count=files,
            applied_count=work.inserted + work.updated + work.deleted,
            refused_count=len(work.refused),
        )
    )
    s.flush()
    record_event(
        s,
        "sync.import",
        "sync_packages",
        str(manifest.package_id),
        {
            "result": "applied",
            "sender": str(sender.installation_id),
            "sender_key": sender.key_id,
            "sender_member": None if sender.member_id is None else str(sender.member_id),
            "sequence": manifest.sequence,
            "ack": manifest.ack,
            "inserted": work.inserted,
            "updated": work.updated,
            "deleted": work.deleted,
            "unchanged": work.unchanged,
            "files": files,
            "refused": [{"entity": r.entity, "id": str(r.entity_id), "reason": r.code} for r in work.refused],
        },
    )
    removed_blobs.update(work.removed_blobs)
    order = table_order()
    return ImportResult(
        package_id=manifest.package_id,
        sequence=manifest.sequence,
        sender_installation_id=sender.installation_id,
        sender_role=sender.role,
        sender_member_id=sender.member_id,
        sender_name=sender_name,
        already_applied=False,
        applied_at=now,
        inserted=work.inserted,
        updated=work.updated,
        unchanged=work.unchanged,
        deleted=work.deleted,
        files=files,
        tables=tuple(sorted(work.counts.items(), key=lambda kv: order[kv[0]])),
        refused=tuple(work.refused),
        notices=tuple(work.notices),
    )


def _merge_ack(s: Session, local: uuid.UUID, peer: uuid.UUID, ack: int, last_acked: int) -> None:
    """The peer applied our package `ack`: what it carried is now what the peer holds."""
    if ack <= last_acked:
        return
    inv = SyncInventory
    mine = (inv.local_installation_id == local) & (inv.peer_installation_id == peer)
    carried = select(inv.entity, inv.entity_id).where(mine, inv.package_seq == ack)
    s.execute(delete(inv).where(mine, inv.package_seq == 0, tuple_(inv.entity, inv.entity_id).in_(carried)))
    s.execute(
        insert(inv).from_select(
            [
                "local_installation_id",
                "peer_installation_id",
                "package_seq",
                "entity",
                "entity_id",
                "row_version",
            ],
            select(
                inv.local_installation_id,
                inv.peer_installation_id,
                text("0"),
                inv.entity,
                inv.entity_id,
                inv.row_version,
            ).where(mine, inv.package_seq == ack, inv.row_version != WITHDRAWN),
        )
    )
    s.execute(delete(inv).where(mine, inv.package_seq > 0, inv.package_seq <= ack))


def _note_held(s: Session, local: uuid.UUID, peer: uuid.UUID, held: list[tuple[str, uuid.UUID, int]]) -> None:
    """Rows the peer just sent us and we now hold exactly as it does need not go back to it."""
    inv = SyncInventory
    mine = (inv.local_installation_id == local) & (inv.peer_installation_id == peer)
    for chunk in chunks(held):
        s.execute(
            delete(inv).where(
                mine,
                inv.package_seq == 0,
                tuple_(inv.entity, inv.entity_id).in_([(e, i) for e, i, _ in chunk]),
            )
        )
        s.execute(
            insert(inv),
            [
                {
                    "local_installation_id": local,
                    "peer_installation_id": peer,
                    "package_seq": 0,
                    "entity": entity,
                    "entity_id": entity_id,
                    "row_version": code,
                }
                for entity, entity_id, code in chunk
            ],
        )


def _drop_unused_blobs(database: Database, actor: Actor | None, candidates: set[str]) -> None:
    """Files no version uses go from the store: those of versions withdrawn from this laptop (a classified
    copy must not linger), and those a dry run or a failed import wrote. Looked up and removed under the write
    lock (SQLite), so no import in between comes to rely on one of them; nothing is written."""
    if not candidates:
        return
    with database.write(actor) as s:
        still: set[str] = set()
        for chunk in chunks(sorted(candidates)):
            still.update(
                s.execute(select(DocumentVersion.sha256).where(DocumentVersion.sha256.in_(chunk))).scalars()
            )
        for sha in candidates - still:
            try:
                database.blobs.path(sha).unlink(missing_ok=True)
            except (OSError, ValueError):
                continue
