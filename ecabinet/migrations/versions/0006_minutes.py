"""minutes

Revision ID: 0006
Revises: 0001
Create Date: 2026-11-27 09:00:00

The minutes of a session (minutes), the secretary's discussion text per agenda item (minutes_items) and the
approved, locked versions with the SHA-256 of their PDF in the file store (minutes_versions).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import ecabinet.model.base

revision: str = "0006"
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
        "minutes",
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column(
            "state",
            sa.Enum("draft", "approved", "correcting", name="minutesstate", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("opened_at", ecabinet.model.base.UTCDateTime(), nullable=True),
        sa.Column("closed_at", ecabinet.model.base.UTCDateTime(), nullable=True),
        sa.Column("chair_id", sa.Uuid(), nullable=True),
        sa.Column("secretary_id", sa.Uuid(), nullable=True),
        sa.Column("opening", sa.Text(), nullable=False),
        sa.Column("closing", sa.Text(), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("correction_reason", sa.Text(), nullable=False),
        *_entity_columns(),
        sa.ForeignKeyConstraint(["chair_id"], ["members.id"], name=op.f("fk_minutes_chair_id_members")),
        sa.ForeignKeyConstraint(
            ["secretary_id"], ["members.id"], name=op.f("fk_minutes_secretary_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_minutes_session_id_sessions"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes")),
        sa.UniqueConstraint("session_id", name=op.f("uq_minutes_session_id")),
    )
    op.create_table(
        "minutes_items",
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("discussion", sa.Text(), nullable=False),
        *_entity_columns(),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["agenda_items.id"],
            name=op.f("fk_minutes_items_item_id_agenda_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_items")),
        sa.UniqueConstraint("item_id", name=op.f("uq_minutes_items_item_id")),
    )
    op.create_table(
        "minutes_versions",
        sa.Column("minutes_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("approved_at", ecabinet.model.base.UTCDateTime(), nullable=False),
        sa.Column("approved_by_id", sa.Uuid(), nullable=True),
        *_entity_columns(),
        sa.ForeignKeyConstraint(
            ["approved_by_id"], ["members.id"], name=op.f("fk_minutes_versions_approved_by_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["minutes_id"],
            ["minutes.id"],
            name=op.f("fk_minutes_versions_minutes_id_minutes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_versions")),
        sa.UniqueConstraint("minutes_id", "number", name=op.f("uq_minutes_versions_minutes_id")),
    )
    with op.batch_alter_table("minutes_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_minutes_versions_minutes_id"), ["minutes_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("minutes_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_minutes_versions_minutes_id"))
    op.drop_table("minutes_versions")
    op.drop_table("minutes_items")
    op.drop_table("minutes")
