"""Profiles, keys and trust: set up this installation, exchange key files, confirm fingerprints, rotate and
revoke. The private keys stay in the home folder (`security.keystore`); the database keeps the public keys
this installation knows and whether the user confirmed them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.errors import InvalidInput, InvalidState, NotFound, PermissionDenied
from ecabinet.model import Member, Role, utcnow
from ecabinet.model.sync import ProfileRole, SyncKey
from ecabinet.security import crypto, keystore
from ecabinet.security.keystore import Profile, PublicKey
from ecabinet.services.actor import Actor, Permission, bind, require

SHORTEST_FINGERPRINT = 32  # hex digits the user must type to name a key (the first eight groups)


@dataclass(frozen=True)
class KeyInfo:
    key_id: str
    fingerprint: str  # "3F2A 9C01 …"
    installation_id: uuid.UUID
    role: ProfileRole
    member_id: uuid.UUID | None
    member_name: str  # "" when the member is not in this database's directory
    created: datetime
    status: str  # own / trusted / untrusted / superseded / revoked
    trusted_at: datetime | None
    revoked_at: datetime | None
    revoked_reason: str
    superseded_by: str | None
    rotated_from: str | None


@dataclass(frozen=True)
class ProfileInfo:
    installation_id: uuid.UUID
    role: ProfileRole
    member_id: uuid.UUID | None
    member_name: str
    created: datetime
    current: KeyInfo
    idle_lock_minutes: int


def _status(row: SyncKey, own_installation: uuid.UUID) -> str:
    if row.revoked_at is not None:
        return "revoked"
    if row.superseded_by is not None:
        return "superseded"
    if row.installation_id == own_installation:
        return "own"
    return "trusted" if row.trusted_at is not None else "untrusted"


def key_info(session: Session, row: SyncKey, own_installation: uuid.UUID) -> KeyInfo:
    member = session.get(Member, row.member_id) if row.member_id is not None else None
    return KeyInfo(
        key_id=row.key_id,
        fingerprint=crypto.format_fingerprint(row.key_id),
        installation_id=row.installation_id,
        role=row.role,
        member_id=row.member_id,
        member_name=member.full_name if member else "",
        created=row.key_created,
        status=_status(row, own_installation),
        trusted_at=row.trusted_at,
        revoked_at=row.revoked_at,
        revoked_reason=row.revoked_reason,
        superseded_by=row.superseded_by,
        rotated_from=row.previous_key_id,
    )


def require_profile(home: Path) -> Profile:
    profile = keystore.load_profile(home)
    if profile is None:
        raise InvalidState("sync_no_profile")
    return profile


def check_installation(profile: Profile, installation_id: uuid.UUID) -> None:
    """The keystore must belong to the installation the database is opened from."""
    if profile.installation_id != installation_id:
        raise InvalidState("sync_keystore_other_installation")


def check_sync_actor(session: Session, actor: Actor | None, profile: Profile) -> None:
    """Who may run the sync here: secretariat staff on the secretariat's installation; on a member's
    laptop the member (or nobody yet, before the first package has brought the directory)."""
    if profile.role is ProfileRole.SECRETARIAT:
        if actor is None:
            if session.execute(select(Member.id).limit(1)).first() is not None:
                raise PermissionDenied("permission_denied", actor="?", action="run_sync")
            bind(session, None)
            return
        require(session, actor, Permission.MANAGE_SESSIONS)
        return
    if actor is None:
        if profile.member_id is not None and session.get(Member, profile.member_id) is not None:
            raise PermissionDenied("permission_denied", actor="?", action="run_sync")
        bind(session, None)
    elif actor.member_id != profile.member_id:
        raise PermissionDenied("permission_denied", actor=actor.name, action="run_sync")
    else:
        bind(session, actor)


def _register(session: Session, key: PublicKey, trusted_by: uuid.UUID | None, trusted: bool) -> SyncKey:
    row = SyncKey(
        key_id=key.key_id,
        installation_id=key.installation_id,
        role=key.role,
        member_id=key.member_id,
        sign_public=crypto.b64e(key.sign_public),
        enc_public=crypto.b64e(key.enc_public),
        key_created=key.created,
        previous_key_id=key.previous_key_id,
        document=key.document,
        trusted_at=utcnow() if trusted else None,
        trusted_by_id=trusted_by if trusted else None,
    )
    session.add(row)
    return row


def register_own_keys(session: Session, profile: Profile) -> None:
    """Make sure the database lists this installation's keys (the keystore is written first, so a failed
    commit can leave a key only there; this heals it)."""
    known = set(
        session.execute(select(SyncKey.key_id).where(SyncKey.installation_id == profile.installation_id))
        .scalars()
        .all()
    )
    for key in profile.keys:
        if key.key_id not in known:
            _register(session, key, None, True)
    session.flush()
    current = profile.current.key_id
    for row in session.execute(
        select(SyncKey).where(
            SyncKey.installation_id == profile.installation_id,
            SyncKey.key_id != current,
            SyncKey.superseded_by.is_(None),
        )
    ).scalars():
        row.superseded_by = current
    session.flush()


def init_profile(
    session: Session,
    actor: Actor | None,
    home: Path,
    installation_id: uuid.UUID,
    role: ProfileRole,
    member_id: uuid.UUID | None,
    passphrase: str,
    scrypt_n: int = crypto.SCRYPT_N,
) -> ProfileInfo:
    """First start: this installation becomes the secretariat's or one member's laptop, with new keys.

    A laptop's database is empty at first, so `member_id` is taken as the secretariat gave it; the key
    file names it, and the secretariat checks it against its directory when it imports the key.
    """
    if role is ProfileRole.MEMBER and member_id is None:
        raise InvalidInput("field_required", field="member")
    if role is ProfileRole.SECRETARIAT:
        member_id = None
    preview = Profile(installation_id, role, member_id, utcnow(), (), 0)
    check_sync_actor(session, actor, preview)
    if role is ProfileRole.MEMBER:
        member = session.get(Member, member_id)
        if member is not None and member.role not in (Role.MEMBER, Role.GUEST):
            raise InvalidInput(
                "field_invalid", field="member", reason="a laptop profile is for a member or guest"
            )
    profile = keystore.create_keystore(home, installation_id, role, member_id, passphrase, scrypt_n)
    register_own_keys(session, profile)
    return profile_info(session, profile)


def profile_info(session: Session, profile: Profile) -> ProfileInfo:
    register_needed = session.execute(
        select(SyncKey).where(SyncKey.key_id == profile.current.key_id)
    ).scalar()
    member = session.get(Member, profile.member_id) if profile.member_id is not None else None
    current = (
        key_info(session, register_needed, profile.installation_id)
        if register_needed is not None
        else KeyInfo(
            key_id=profile.current.key_id,
            fingerprint=profile.current.fingerprint,
            installation_id=profile.installation_id,
            role=profile.role,
            member_id=profile.member_id,
            member_name=member.full_name if member else "",
            created=profile.current.created,
            status="own",
            trusted_at=None,
            revoked_at=None,
            revoked_reason="",
            superseded_by=None,
            rotated_from=profile.current.previous_key_id,
        )
    )
    return ProfileInfo(
        installation_id=profile.installation_id,
        role=profile.role,
        member_id=profile.member_id,
        member_name=member.full_name if member else "",
        created=profile.created,
        current=current,
        idle_lock_minutes=profile.idle_lock_minutes,
    )


def list_keys(session: Session, profile: Profile) -> list[KeyInfo]:
    """Every key this installation knows: its own first, then peers' by installation and age."""
    rows = session.execute(select(SyncKey).order_by(SyncKey.installation_id, SyncKey.key_created)).scalars()
    infos = [key_info(session, r, profile.installation_id) for r in rows]
    return sorted(infos, key=lambda k: (k.installation_id != profile.installation_id, k.role, k.member_name))


def _check_acceptable(session: Session, profile: Profile, key: PublicKey) -> None:
    """The secretariat talks to members' laptops; a laptop talks to the secretariat."""
    if key.installation_id == profile.installation_id:
        raise InvalidInput("sync_key_is_own")
    if key.role == profile.role:
        raise InvalidInput("sync_key_wrong_role", role=f"role:{key.role.value}")
    if key.role is ProfileRole.MEMBER:
        member = session.get(Member, key.member_id) if key.member_id is not None else None
        if member is None or not member.active or member.role not in (Role.MEMBER, Role.GUEST):
            raise InvalidInput("sync_key_member_unknown", member=str(key.member_id))


def import_key(session: Session, actor: Actor | None, profile: Profile, text: str | bytes) -> KeyInfo:
    """Read a peer's key file. It is trusted only after its fingerprint is confirmed (`trust_key`),
    unless it is a rotation signed by a key already trusted for the same installation."""
    check_sync_actor(session, actor, profile)
    key = keystore.parse_key_document(text)
    _check_acceptable(session, profile, key)
    existing = session.execute(select(SyncKey).where(SyncKey.key_id == key.key_id)).scalar()
    if existing is not None:
        return key_info(session, existing, profile.installation_id)
    trusted = False
    previous = None
    if key.previous_key_id is not None:
        previous = session.execute(select(SyncKey).where(SyncKey.key_id == key.previous_key_id)).scalar()
        if (
            previous is not None
            and previous.trusted_at is not None
            and previous.revoked_at is None
            and keystore.verify_rotation(key, keystore.parse_key_document(previous.document))
        ):
            trusted = True
    row = _register(session, key, actor.member_id if actor else None, trusted)
    if trusted and previous is not None:
        previous.superseded_by = key.key_id
    session.flush()
    return key_info(session, row, profile.installation_id)


def find_key(session: Session, fingerprint: str) -> SyncKey:
    """A key by its fingerprint as the user typed it (at least the first eight groups)."""
    wanted = crypto.normalise_fingerprint(fingerprint)
    if len(wanted) < SHORTEST_FINGERPRINT or any(c not in "0123456789abcdef" for c in wanted):
        raise InvalidInput("sync_fingerprint_short", digits=SHORTEST_FINGERPRINT)
    rows = session.execute(select(SyncKey).where(SyncKey.key_id.like(f"{wanted}%")).limit(2)).scalars().all()
    if not rows:
        raise NotFound("sync_key_not_found", fingerprint=crypto.format_fingerprint(wanted))
    if len(rows) > 1:
        raise InvalidInput("ambiguous", what="key", ref=fingerprint)
    return rows[0]


def trust_key(session: Session, actor: Actor | None, profile: Profile, fingerprint: str) -> KeyInfo:
    """The user compared the fingerprint with the peer (by phone) and confirms it."""
    check_sync_actor(session, actor, profile)
    row = find_key(session, fingerprint)
    if row.installation_id == profile.installation_id:
        raise InvalidInput("sync_key_is_own")
    if row.revoked_at is not None:
        raise InvalidState("sync_key_revoked", fingerprint=crypto.format_fingerprint(row.key_id))
    _check_acceptable(session, profile, keystore.parse_key_document(row.document))
    if row.trusted_at is None:
        row.trusted_at = utcnow()
        row.trusted_by_id = actor.member_id if actor else None
    row.superseded_by = None
    # One current key per installation: trusting a new one retires the others.
    for other in session.execute(
        select(SyncKey).where(
            SyncKey.installation_id == row.installation_id,
            SyncKey.id != row.id,
            SyncKey.superseded_by.is_(None),
            SyncKey.revoked_at.is_(None),
        )
    ).scalars():
        other.superseded_by = row.key_id
    session.flush()
    return key_info(session, row, profile.installation_id)


def revoke_key(
    session: Session, actor: Actor | None, profile: Profile, fingerprint: str, reason: str
) -> KeyInfo:
    """Stop accepting packages signed by this key (a lost laptop, a leaked passphrase)."""
    check_sync_actor(session, actor, profile)
    row = find_key(session, fingerprint)
    if row.installation_id == profile.installation_id:
        raise InvalidInput("sync_revoke_own")
    if not reason.strip():
        raise InvalidInput("field_required", field="reason")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        row.revoked_reason = reason.strip()
    session.flush()
    return key_info(session, row, profile.installation_id)


def rotate_keys(
    session: Session, actor: Actor | None, home: Path, passphrase: str
) -> tuple[KeyInfo, KeyInfo]:
    """New key pairs for this installation, signed by the old key so that peers accept them on import."""
    profile = require_profile(home)
    check_sync_actor(session, actor, profile)
    old, new = keystore.rotate_keystore(home, passphrase)
    updated = require_profile(home)
    register_own_keys(session, updated)
    rows = {
        r.key_id: r
        for r in session.execute(
            select(SyncKey).where(SyncKey.key_id.in_([old.key_id, new.key_id]))
        ).scalars()
    }
    return (
        key_info(session, rows[old.key_id], profile.installation_id),
        key_info(session, rows[new.key_id], profile.installation_id),
    )


def current_peer_key(session: Session, installation_id: uuid.UUID) -> SyncKey | None:
    """The key a package to this installation is encrypted for: trusted, neither revoked nor superseded."""
    return session.execute(
        select(SyncKey).where(
            SyncKey.installation_id == installation_id,
            SyncKey.trusted_at.is_not(None),
            SyncKey.revoked_at.is_(None),
            SyncKey.superseded_by.is_(None),
        )
    ).scalar()


def peer_for_member(session: Session, member_id: uuid.UUID) -> SyncKey:
    """The laptop of `member_id` (its current trusted key)."""
    rows = (
        session.execute(
            select(SyncKey).where(
                SyncKey.role == ProfileRole.MEMBER,
                SyncKey.member_id == member_id,
                SyncKey.trusted_at.is_not(None),
                SyncKey.revoked_at.is_(None),
                SyncKey.superseded_by.is_(None),
            )
        )
        .scalars()
        .all()
    )
    if not rows:
        member = session.get(Member, member_id)
        raise NotFound("sync_no_peer_key", who=member.full_name if member else str(member_id))
    if len(rows) > 1:
        raise InvalidInput("sync_ambiguous_peer", who=str(member_id))
    return rows[0]


def peer_secretariat(session: Session, own_installation: uuid.UUID) -> SyncKey:
    """The secretariat's installation, as a member's laptop knows it (its current trusted key)."""
    rows = (
        session.execute(
            select(SyncKey).where(
                SyncKey.role == ProfileRole.SECRETARIAT,
                SyncKey.installation_id != own_installation,
                SyncKey.trusted_at.is_not(None),
                SyncKey.revoked_at.is_(None),
                SyncKey.superseded_by.is_(None),
            )
        )
        .scalars()
        .all()
    )
    if not rows:
        raise NotFound("sync_no_peer_key", who="peer:secretariat")
    if len(rows) > 1:
        raise InvalidInput("sync_ambiguous_peer", who="peer:secretariat")
    return rows[0]
