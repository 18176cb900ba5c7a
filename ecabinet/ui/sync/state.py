"""What the Sync centre reads: per-peer sync state, package history, and a package's manifest read without keys.

Qt-free, read-only, returning frozen dataclasses. These reads belong with the sync services
(`ecabinet/sync/status.py`, say); they live here until the services offer them, so the widgets still only
call functions and never hold ORM rows.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.db import Database
from ecabinet.errors import DomainError
from ecabinet.model import AuditEvent, Member, Role
from ecabinet.model.sync import PackageDirection, ProfileRole, SyncKey, SyncPackage, SyncPeer
from ecabinet.security import crypto
from ecabinet.security.keystore import Keyring, Profile
from ecabinet.services.actor import Actor, load_actor
from ecabinet.sync.container import PackageReader, parse_manifest
from ecabinet.sync.errors import PackageRefused
from ecabinet.sync.importer import ImportResult, import_package

# Key states as the key manager shows them (KeyInfo.status), plus "none" for a peer without any key yet.
T = TypeVar("T")

TRUSTED, UNTRUSTED, REVOKED, SUPERSEDED, NONE, OWN = (
    "trusted",
    "untrusted",
    "revoked",
    "superseded",
    "none",
    "own",
)


@dataclass(frozen=True)
class PeerState:
    """One installation this one exchanges packages with: a member's laptop, or the secretariat."""

    role: ProfileRole  # the peer's role
    member_id: uuid.UUID | None  # the member whose laptop it is; None for the secretariat
    name: str  # the member's name; "" for the secretariat
    title: str
    installation_id: uuid.UUID | None  # of its current key; None when no key is known
    key_status: str  # trusted / untrusted / revoked / none
    fingerprint: str
    last_sent: int  # the newest package written for it
    last_export_at: datetime | None
    last_acked: int  # the newest of ours it confirmed applying
    last_applied: int  # the newest of its packages applied here
    last_import_at: datetime | None

    @property
    def can_export(self) -> bool:
        return self.key_status == TRUSTED and self.installation_id is not None

    @property
    def next_sequence(self) -> int:
        return self.last_sent + 1


@dataclass(frozen=True)
class PackageRecord:
    """One line of the history: a package written, applied, or refused here."""

    at: datetime  # when it was written, applied or refused here
    outcome: str  # exported / applied / refused
    peer_installation_id: uuid.UUID | None
    sequence: int | None
    ack: int | None
    records: int
    files: int
    changed: int
    refused_changes: int
    reason_code: str  # refusals only
    reason_params: tuple[tuple[str, str], ...]
    file_name: str


@dataclass(frozen=True)
class PackagePreview:
    """What a package says about itself before any key is used: its manifest, and what this installation knows
    about the sender it names. Nothing here is verified yet: the import checks the signature first."""

    path: Path
    size: int
    refused: DomainError | None = None  # a refusal found already (not a package, damaged, newer format)
    package_id: uuid.UUID | None = None
    created: datetime | None = None
    sender_role: ProfileRole | None = None
    sender_member_id: uuid.UUID | None = None
    sender_name: str = ""
    sender_key_status: str = NONE
    sender_fingerprint: str = ""
    for_this_installation: bool = False
    sequence: int = 0
    ack: int = 0
    record_count: int = 0
    file_count: int = 0
    content_bytes: int = 0
    encrypted: bool = False
    app_version: str = ""
    applied_at: datetime | None = None  # when this very package was applied here before
    last_applied_from_sender: int = 0
    # A dry run (`try_package`): what importing it now would do, or why it would be refused.
    trial: ImportResult | None = None
    trial_error: DomainError | None = None


# --- peers --------------------------------------------------------------------------------------------------


def _key_status(rows: list[SyncKey]) -> tuple[str, SyncKey | None]:
    """The state of a peer from its keys: its current trusted key, else an unconfirmed one, else revoked."""
    current = [r for r in rows if r.trusted_at and not r.revoked_at and not r.superseded_by]
    if current:
        return TRUSTED, current[-1]
    waiting = [r for r in rows if not r.trusted_at and not r.revoked_at]
    if waiting:
        return UNTRUSTED, waiting[-1]
    if rows:
        return REVOKED, rows[-1]
    return NONE, None


def peer_states(session: Session, profile: Profile) -> list[PeerState]:
    """The secretariat: every member and guest in the directory. A laptop: the secretariat."""
    local = profile.installation_id
    keys = (
        session.execute(select(SyncKey).where(SyncKey.installation_id != local).order_by(SyncKey.key_created))
        .scalars()
        .all()
    )
    peers = {
        p.peer_installation_id: p
        for p in session.execute(select(SyncPeer).where(SyncPeer.local_installation_id == local)).scalars()
    }

    def state(role: ProfileRole, member: Member | None, rows: list[SyncKey]) -> PeerState:
        status, key = _key_status(rows)
        peer = peers.get(key.installation_id) if key is not None else None
        return PeerState(
            role=role,
            member_id=member.id if member else None,
            name=member.full_name if member else "",
            title=member.title if member else "",
            installation_id=key.installation_id if key is not None else None,
            key_status=status,
            fingerprint=crypto.format_fingerprint(key.key_id) if key is not None else "",
            last_sent=peer.last_seq_sent if peer else 0,
            last_export_at=peer.last_export_at if peer else None,
            last_acked=peer.last_seq_acked if peer else 0,
            last_applied=peer.last_seq_applied if peer else 0,
            last_import_at=peer.last_import_at if peer else None,
        )

    if profile.role is ProfileRole.MEMBER:
        rows = [k for k in keys if k.role is ProfileRole.SECRETARIAT]
        return [state(ProfileRole.SECRETARIAT, None, rows)]
    members = sorted(
        session.execute(
            select(Member)
            .where(Member.active.is_(True), Member.role.in_([Role.MEMBER, Role.GUEST]))
            .order_by(Member.sort_order, Member.full_name)
        ).scalars(),
        key=lambda m: m.role is not Role.MEMBER,  # Government members first, then guests (a stable sort)
    )
    by_member: dict[uuid.UUID, list[SyncKey]] = {}
    for key in keys:
        if key.role is ProfileRole.MEMBER and key.member_id is not None:
            by_member.setdefault(key.member_id, []).append(key)
    return [state(ProfileRole.MEMBER, m, by_member.get(m.id, [])) for m in members]


def next_sequence(session: Session, profile: Profile, peer_installation_id: uuid.UUID) -> int:
    """The number the next package for this peer will carry (for its file name)."""
    sent = session.execute(
        select(SyncPeer.last_seq_sent).where(
            SyncPeer.local_installation_id == profile.installation_id,
            SyncPeer.peer_installation_id == peer_installation_id,
        )
    ).scalar()
    return (sent or 0) + 1


# --- history ------------------------------------------------------------------------------------------------


def package_history(session: Session, profile: Profile, limit: int = 500) -> list[PackageRecord]:
    """Packages written and applied here, and refusals (the audit log is their only trace), newest first."""
    local = profile.installation_id
    out: list[PackageRecord] = []
    for row in session.execute(
        select(SyncPackage)
        .where(SyncPackage.local_installation_id == local)
        .order_by(SyncPackage.created_at.desc())
        .limit(limit)
    ).scalars():
        exported = row.direction is PackageDirection.EXPORT
        out.append(
            PackageRecord(
                at=row.created_at,
                outcome="exported" if exported else "applied",
                peer_installation_id=row.peer_installation_id,
                sequence=row.sequence,
                ack=row.ack_sequence,
                records=row.record_count,
                files=row.file_count,
                changed=row.applied_count,
                refused_changes=row.refused_count,
                reason_code="",
                reason_params=(),
                file_name="",
            )
        )
    for event in session.execute(
        select(AuditEvent)
        # By entity first: the (entity, entity_id) index keeps this instant in a ten-year audit log.
        .where(
            AuditEvent.entity == "sync_packages",
            AuditEvent.action == "sync.refused",
            AuditEvent.installation_id == local,
        )
        .order_by(AuditEvent.seq.desc())
        .limit(limit)
    ).scalars():
        try:
            details = json.loads(event.change)
            sender = uuid.UUID(details["sender"]) if details.get("sender") else None
        except (ValueError, TypeError, KeyError):
            continue
        params = details.get("params") or {}
        out.append(
            PackageRecord(
                at=event.at,
                outcome="refused",
                peer_installation_id=sender,
                sequence=details.get("sequence"),
                ack=None,
                records=0,
                files=0,
                changed=0,
                refused_changes=0,
                reason_code=str(details.get("reason", "")),
                reason_params=tuple(sorted((str(k), str(v)) for k, v in params.items())),
                file_name=str(details.get("file", "")),
            )
        )
    out.sort(key=lambda r: r.at, reverse=True)
    return out[:limit]


# --- a package before import --------------------------------------------------------------------------------


def inspect_package(database: Database, profile: Profile, path: Path) -> PackagePreview:
    """Read the manifest (the container's structural checks run; nothing is decrypted or changed)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        refusal = PackageRefused("sync_unreadable", path=str(path), reason=exc.strerror or str(exc))
        return PackagePreview(path=path, size=0, refused=refusal)
    try:
        with PackageReader(path) as reader:
            manifest = parse_manifest(reader.manifest_bytes)
    except PackageRefused as refusal:
        return PackagePreview(path=path, size=size, refused=refusal)
    with database.read() as s:
        key = s.execute(select(SyncKey).where(SyncKey.key_id == manifest.sender_key_id)).scalar()
        if key is None:
            status = NONE
        elif key.installation_id == profile.installation_id:
            status = OWN
        elif key.revoked_at is not None:
            status = REVOKED
        elif key.trusted_at is None:
            status = UNTRUSTED
        else:
            status = TRUSTED
        member = s.get(Member, manifest.sender_member_id) if manifest.sender_member_id else None
        done = s.execute(
            select(SyncPackage.created_at).where(
                SyncPackage.package_id == manifest.package_id,
                SyncPackage.direction == PackageDirection.IMPORT,
            )
        ).scalar()
        peer = s.execute(
            select(SyncPeer.last_seq_applied).where(
                SyncPeer.local_installation_id == profile.installation_id,
                SyncPeer.peer_installation_id == manifest.sender_installation_id,
            )
        ).scalar()
    files = [e for e in manifest.entries if e.kind == "file"]
    return PackagePreview(
        path=path,
        size=size,
        package_id=manifest.package_id,
        created=manifest.created,
        sender_role=manifest.sender_role,
        sender_member_id=manifest.sender_member_id,
        sender_name=member.full_name if member else "",
        sender_key_status=status,
        sender_fingerprint=crypto.format_fingerprint(manifest.sender_key_id),
        for_this_installation=manifest.recipient_installation_id == profile.installation_id,
        sequence=manifest.sequence,
        ack=manifest.ack,
        record_count=manifest.record_count,
        file_count=len(files),
        content_bytes=sum(e.plain_size for e in manifest.entries),
        encrypted=manifest.encrypted,
        app_version=manifest.app_version,
        applied_at=done,
        last_applied_from_sender=peer or 0,
    )


def try_package(
    database: Database, keyring: Keyring, profile: Profile, chosen: Actor | None, preview: PackagePreview
) -> PackagePreview:
    """The preview with a dry run of the package: every check, and its changes applied then rolled back —
    what would be applied and refused (late answers …), or the reason it would be refused. Nothing changes."""
    if preview.refused is not None:
        return preview
    with database.read() as s:
        actor = sync_actor(s, profile, chosen)
    try:
        trial = import_package(database, keyring, preview.path, actor, dry_run=True)
    except DomainError as exc:
        return replace(preview, trial_error=exc)
    return replace(preview, trial=trial)


# --- who acts, and names ------------------------------------------------------------------------------------


def sync_actor(session: Session, profile: Profile | None, chosen: Actor | None) -> Actor | None:
    """Who runs a sync action: on the secretariat's installation the person chosen in the toolbar; a member's
    laptop is always its member — once the first package has brought the directory (before that, nobody)."""
    if profile is None or profile.role is ProfileRole.SECRETARIAT:
        return chosen
    assert profile.member_id is not None
    if session.get(Member, profile.member_id) is None:
        return None
    return load_actor(session, profile.member_id)


def as_sync_actor(
    database: Database,
    profile: Profile | None,
    chosen: Actor | None,
    body: Callable[[Session, Actor | None], T],
) -> T:
    """`body(session, actor)` in one write unit of work, acting as `sync_actor` decides."""
    with database.read() as s:
        actor = sync_actor(s, profile, chosen)
    with database.write(actor) as s:
        return body(s, actor)


def setup_actor(
    session: Session, role: ProfileRole, member_id: uuid.UUID | None, chosen: Actor | None
) -> Actor | None:
    """Who sets up the profile (as the CLI decides): on an empty database nobody; else the secretariat's
    officer chosen in the toolbar, or the laptop's member."""
    if role is ProfileRole.SECRETARIAT:
        has_people = session.execute(select(Member.id).limit(1)).first() is not None
        return chosen if has_people else None
    if member_id is not None and session.get(Member, member_id) is not None:
        return load_actor(session, member_id)
    return None


def member_name(session: Session, member_id: uuid.UUID | None) -> str:
    member = session.get(Member, member_id) if member_id is not None else None
    return member.full_name if member else ""


def slug(text: str) -> str:
    """'Trương Minh Khang' -> 'truong-minh-khang' (for file names that travel on any file system)."""
    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(c for c in plain if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    words = "".join(c.lower() if c.isalnum() else " " for c in ascii_only).split()
    return "-".join(words)[:60] or "member"


def package_file_name(member_name: str, sequence: int, to_secretariat: bool) -> str:
    """ecabinet-<member>-<seq>.ecab for a member's laptop; ecabinet-<member>-vpcp-<seq>.ecab back to the
    secretariat (so the two directions never share a name)."""
    middle = f"{slug(member_name)}-vpcp" if to_secretariat else slug(member_name)
    return f"ecabinet-{middle}-{sequence}.ecab"
