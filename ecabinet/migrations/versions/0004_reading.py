"""private notes

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-24 08:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import ecabinet.model.base

revision: str = "0004"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "private_notes",
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", ecabinet.model.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", ecabinet.model.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_private_notes_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["document_versions.id"],
            name=op.f("fk_private_notes_version_id_document_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_private_notes")),
        sa.UniqueConstraint("member_id", "version_id", "page", name=op.f("uq_private_notes_member_id")),
    )
    with op.batch_alter_table("private_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_private_notes_member_id"), ["member_id"], unique=False)


def downgrade() -> None:
    op.drop_table("private_notes")
