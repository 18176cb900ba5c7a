"""The full-text index: derived, per-installation data (never audited, never synced; rebuilt at will).

`SearchVersion` says which document versions are indexed (and under which normalisation scheme); it is the
indexing state, kept here rather than in `DocumentVersion.text_indexed` because the index is local to each
installation: a version arriving by sync package must be indexed again on the laptop that receives it.
`SearchPage` holds one page's text (page 0: the document's title). Matching uses, on SQLite, the FTS5 table
`search_fts` (rowid = `search_pages.id`; made by migration 0002 and kept in step by a delete trigger; not
in this metadata), and on PostgreSQL the `tsv` column with its GIN indexes.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Mapped, mapped_column

from ecabinet.model.base import Base, utcnow

# NULL on SQLite (FTS5 holds the folded text there); the folded page as a tsvector on PostgreSQL.
TSVECTOR = Text().with_variant(postgresql.TSVECTOR(), "postgresql")


class SearchVersion(Base):
    """A document version whose title and text are in the index."""

    __tablename__ = "search_versions"

    version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("document_versions.id", ondelete="CASCADE"), primary_key=True
    )
    title: Mapped[str] = mapped_column(String(500))  # the title as indexed; a renamed document is re-indexed
    scheme: Mapped[int] = mapped_column(Integer)  # ecabinet.search.normalize.SCHEME at indexing time
    pages: Mapped[int] = mapped_column(Integer, default=0)  # pages with text
    failed_pages: Mapped[int] = mapped_column(Integer, default=0)  # pages whose text could not be extracted
    error: Mapped[str] = mapped_column(String(200), default="")  # the whole file could not be read
    indexed_at: Mapped[datetime] = mapped_column(default=utcnow)


class SearchPage(Base):
    """The text of one page of an indexed version (page 0 is the title)."""

    __tablename__ = "search_pages"
    __table_args__ = (
        # PostgreSQL only (SQLite matches through the FTS5 table): one GIN index for titles and one for pages,
        # so a title search never reads page rows. Named "search_fts…" so that the schema comparison
        # (tests/test_layers.py) treats them with the other dialect-specific search objects.
        Index(
            "search_fts_titles_tsv", "tsv", postgresql_using="gin", postgresql_where=text("page = 0")
        ).ddl_if(dialect="postgresql"),
        Index(
            "search_fts_pages_tsv", "tsv", postgresql_using="gin", postgresql_where=text("page > 0")
        ).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("search_versions.version_id", ondelete="CASCADE"), index=True
    )
    page: Mapped[int] = mapped_column(Integer)
    body: Mapped[bytes] = mapped_column(LargeBinary)  # zlib-compressed UTF-8 of the extracted text
    tsv: Mapped[str | None] = mapped_column(TSVECTOR)
