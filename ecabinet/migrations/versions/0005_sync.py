"""sync by export files

Revision ID: 0005
Revises: 0001
Create Date: 2026-11-26 09:00:00

Keys and trust (sync_keys), per-peer state (sync_peers), package history (sync_packages), refused changes
reported back to members (sync_notices) and what each peer holds from us (sync_inventory, not audited).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import ecabinet.model.base

revision: str = "0005"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _entity_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", ecabinet.model.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", ecabinet.model.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "sync_keys",
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("installation_id", sa.Uuid(), nullable=False),
        sa.Column(
            "role",
            sa.Enum("secretariat", "member", name="profilerole", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("member_id", sa.Uuid(), nullable=True),
        sa.Column("sign_public", sa.String(length=64), nullable=False),
        sa.Column("enc_public", sa.String(length=64), nullable=False),
        sa.Column("key_created", ecabinet.model.base.UTCDateTime(), nullable=False),
        sa.Column("previous_key_id", sa.String(length=64), nullable=True),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("trusted_at", ecabinet.model.base.UTCDateTime(), nullable=True),
        sa.Column("trusted_by_id", sa.Uuid(), nullable=True),
        sa.Column("superseded_by", sa.String(length=64), nullable=True),
        sa.Column("revoked_at", ecabinet.model.base.UTCDateTime(), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=False),
        *_entity_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_keys")),
        sa.UniqueConstraint("key_id", name=op.f("uq_sync_keys_key_id")),
    )
    with op.batch_alter_table("sync_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_keys_installation_id"), ["installation_id"], unique=False)

    op.create_table(
        "sync_peers",
        sa.Column("local_installation_id", sa.Uuid(), nullable=False),
        sa.Column("peer_installation_id", sa.Uuid(), nullable=False),
        sa.Column("last_seq_sent", sa.Integer(), nullable=False),
        sa.Column("last_seq_applied", sa.Integer(), nullable=False),
        sa.Column("last_applied_package_id", sa.Uuid(), nullable=True),
        sa.Column("last_seq_acked", sa.Integer(), nullable=False),
        sa.Column("last_export_at", ecabinet.model.base.UTCDateTime(), nullable=True),
        sa.Column("last_import_at", ecabinet.model.base.UTCDateTime(), nullable=True),
        *_entity_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_peers")),
        sa.UniqueConstraint(
            "local_installation_id", "peer_installation_id", name=op.f("uq_sync_peers_local_installation_id")
        ),
    )

    op.create_table(
        "sync_packages",
        sa.Column("package_id", sa.Uuid(), nullable=False),
        sa.Column(
            "direction",
            sa.Enum("export", "import", name="packagedirection", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("local_installation_id", sa.Uuid(), nullable=False),
        sa.Column("peer_installation_id", sa.Uuid(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("ack_sequence", sa.Integer(), nullable=False),
        sa.Column("package_created", ecabinet.model.base.UTCDateTime(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("file_count", sa.Integer(), nullable=False),
        sa.Column("applied_count", sa.Integer(), nullable=False),
        sa.Column("refused_count", sa.Integer(), nullable=False),
        *_entity_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_packages")),
        sa.UniqueConstraint("package_id", "direction", name=op.f("uq_sync_packages_package_id")),
    )
    with op.batch_alter_table("sync_packages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_packages_peer_installation_id"), ["peer_installation_id"], unique=False
        )

    op.create_table(
        "sync_notices",
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("package_id", sa.Uuid(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("refused_change", sa.JSON(), nullable=False),
        *_entity_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_notices")),
    )
    with op.batch_alter_table("sync_notices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_notices_member_id"), ["member_id"], unique=False)

    op.create_table(
        "sync_inventory",
        sa.Column("local_installation_id", sa.Uuid(), nullable=False),
        sa.Column("peer_installation_id", sa.Uuid(), nullable=False),
        sa.Column("package_seq", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "local_installation_id",
            "peer_installation_id",
            "package_seq",
            "entity",
            "entity_id",
            name=op.f("pk_sync_inventory"),
        ),
    )


def downgrade() -> None:
    op.drop_table("sync_inventory")
    with op.batch_alter_table("sync_notices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_notices_member_id"))
    op.drop_table("sync_notices")
    with op.batch_alter_table("sync_packages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_packages_peer_installation_id"))
    op.drop_table("sync_packages")
    op.drop_table("sync_peers")
    with op.batch_alter_table("sync_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_keys_installation_id"))
    op.drop_table("sync_keys")
