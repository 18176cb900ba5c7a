"""full-text search index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 09:00:00

Two ordinary tables on every backend (search_versions: what is indexed; search_pages: page texts), then per
dialect: SQLite gets the FTS5 table `search_fts` (rowid = search_pages.id; columns title and body) and a
trigger that removes its rows with their page, also when a version's deletion cascades; PostgreSQL gets
partial GIN indexes on search_pages.tsv (titles, pages) and a narrow heap.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ecabinet.model.base

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "search_versions",
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("scheme", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("failed_pages", sa.Integer(), nullable=False),
        sa.Column("error", sa.String(length=200), nullable=False),
        sa.Column("indexed_at", ecabinet.model.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["document_versions.id"],
            name=op.f("fk_search_versions_version_id_document_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("version_id", name=op.f("pk_search_versions")),
    )
    op.create_table(
        "search_pages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("tsv", sa.Text().with_variant(postgresql.TSVECTOR(), "postgresql"), nullable=True),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["search_versions.version_id"],
            name=op.f("fk_search_pages_version_id_search_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_pages")),
    )
    with op.batch_alter_table("search_pages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_search_pages_version_id"), ["version_id"], unique=False)

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # The text is folded in Python before it gets here (ecabinet.search.normalize); unicode61 only splits
        # it into tokens. remove_diacritics 2 is a second line of defence for text folded by older schemes.
        # Two columns so that title hits can be found without reading every page hit: a title row (page 0)
        # fills `title`, a page row fills `body`.
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER search_fts_page_deleted AFTER DELETE ON search_pages BEGIN "
            "DELETE FROM search_fts WHERE rowid = old.id; END"
        )
    elif dialect == "postgresql":
        op.create_index(
            "search_fts_titles_tsv",
            "search_pages",
            ["tsv"],
            postgresql_using="gin",
            postgresql_where="page = 0",
        )
        op.create_index(
            "search_fts_pages_tsv",
            "search_pages",
            ["tsv"],
            postgresql_using="gin",
            postgresql_where="page > 0",
        )
        # Keep the heap narrow (id, version, page and two pointers): finding the matches of a common word
        # reads every matching row, and the text (already zlib-compressed) and tsvector live in TOAST.
        op.execute("ALTER TABLE search_pages ALTER COLUMN body SET STORAGE EXTERNAL")
        op.execute("ALTER TABLE search_pages SET (toast_tuple_target = 128)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS search_fts_page_deleted")
        op.execute("DROP TABLE IF EXISTS search_fts")
    elif dialect == "postgresql":
        op.drop_index("search_fts_pages_tsv", table_name="search_pages")
        op.drop_index("search_fts_titles_tsv", table_name="search_pages")
    with op.batch_alter_table("search_pages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_search_pages_version_id"))
    op.drop_table("search_pages")
    op.drop_table("search_versions")
