"""Sync by export files: known keys and their trust, per-peer sync state, package history, refusal notices."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ecabinet.model.base import Base, Entity

__all__ = [
    "PackageDirection",
    "ProfileRole",
    "SyncInventory",
    "SyncKey",
    "SyncNotice",
    "SyncPackage",
    "SyncPeer",
]


class ProfileRole(StrEnum):
    """What an installation is: the secretariat's, or one member's laptop."""

    SECRETARIAT = "secretariat"
    MEMBER = "member"


class PackageDirection(StrEnum):
    EXPORT = "export"
    IMPORT = "import"


class SyncKey(Entity):
    """A public key of an installation (this one's or a peer's), with the user's trust decision."""

    __tablename__ = "sync_keys"

    key_id: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the public key material (hex)
    installation_id: Mapped[uuid.UUID] = mapped_column(index=True)
    role: Mapped[ProfileRole]
    # The member whose laptop it is; not a foreign key: a laptop knows its member before the directory arrives.
    member_id: Mapped[uuid.UUID | None]
    sign_public: Mapped[str] = mapped_column(String(64))  # Ed25519, base64
    enc_public: Mapped[str] = mapped_column(String(64))  # X25519, base64
    key_created: Mapped[datetime]
    previous_key_id: Mapped[str | None] = mapped_column(String(64))  # the key this one rotated from
    document: Mapped[str] = mapped_column(Text)  # the signed key file, as received
    trusted_at: Mapped[datetime | None]  # set once the user compared and confirmed the fingerprint
    trusted_by_id: Mapped[uuid.UUID | None]
    superseded_by: Mapped[str | None] = mapped_column(String(64))  # a newer key of the same installation
    revoked_at: Mapped[datetime | None]
    revoked_reason: Mapped[str] = mapped_column(Text, default="")


class SyncPeer(Entity):
    """What this installation and one peer installation have exchanged: sequence numbers sent and applied."""

    __tablename__ = "sync_peers"
    __table_args__ = (UniqueConstraint("local_installation_id", "peer_installation_id"),)

    local_installation_id: Mapped[uuid.UUID]
    peer_installation_id: Mapped[uuid.UUID]
    last_seq_sent: Mapped[int] = mapped_column(default=0)
    last_seq_applied: Mapped[int] = mapped_column(default=0)  # the newest package applied from the peer
    last_applied_package_id: Mapped[uuid.UUID | None]
    last_seq_acked: Mapped[int] = mapped_column(default=0)  # the newest of ours the peer confirmed applying
    last_export_at: Mapped[datetime | None]
    last_import_at: Mapped[datetime | None]


class SyncPackage(Entity):
    """One package written or applied here (refusals are in the audit log, which stays their only trace)."""

    __tablename__ = "sync_packages"
    __table_args__ = (UniqueConstraint("package_id", "direction"),)

    package_id: Mapped[uuid.UUID]
    direction: Mapped[PackageDirection]
    local_installation_id: Mapped[uuid.UUID]
    peer_installation_id: Mapped[uuid.UUID] = mapped_column(index=True)
    sequence: Mapped[int]
    ack_sequence: Mapped[int] = mapped_column(default=0)
    package_created: Mapped[datetime]
    sha256: Mapped[str] = mapped_column(String(64), default="")  # of the .ecab file
    record_count: Mapped[int] = mapped_column(default=0)
    file_count: Mapped[int] = mapped_column(default=0)
    applied_count: Mapped[int] = mapped_column(default=0)
    refused_count: Mapped[int] = mapped_column(default=0)


class SyncNotice(Entity):
    """A change from a member that the secretariat recorded as refused (a late answer), sent back to them."""

    __tablename__ = "sync_notices"

    member_id: Mapped[uuid.UUID] = mapped_column(index=True)
    package_id: Mapped[uuid.UUID]
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[uuid.UUID]
    code: Mapped[str] = mapped_column(String(40))  # a message code: sync_late_answer, …
    params: Mapped[dict[str, Any]] = mapped_column(JSON)
    refused_change: Mapped[dict[str, Any]] = mapped_column(JSON)  # the row image as the member sent it


class SyncInventory(Base):
    """Which rows (and row versions) a peer holds from us: package_seq 0 for what it confirmed applying,
    n for what package n sent (row_version -1: withdrawn). Bookkeeping, so not an audited entity."""

    __tablename__ = "sync_inventory"
    local_installation_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    peer_installation_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    package_seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    row_version: Mapped[int]
