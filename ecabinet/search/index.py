"""Building the full-text index: each current version's title and text, page by page.

Import reads every page's text with PDFium anyway (that is its check that the reader can read the file), so
it writes the new version's text here in the unit of work that stores the version (`prepare_pdf_text`,
`write_text`). `index_pending` catches up in the background with the rest: versions that arrived by sync
package, renamed documents, versions indexed under an older normalisation scheme, or after `reindex_all`.

The index is derived, per-installation data. Its state lives in its own tables (`SearchVersion`: which
versions are indexed, under which normalisation scheme and title), not in `DocumentVersion.text_indexed`:
an audited, synced flag would be carried to other installations that have not indexed anything, and every
indexing run would write thousands of audit events. So the flag stays untouched and the index can be
dropped and rebuilt at any time (`reindex_all`).

`index_pending` is made for a worker thread: text is extracted outside any transaction, then each batch is
written in one short unit of work; `progress(done, total, text)` and `cancelled()` are polled between
pages. Versions that are no longer current are removed from the index.
"""

from __future__ import annotations

import unicodedata
import uuid
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import (
    Select,
    Table,
    bindparam,
    delete,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from ecabinet.db import Database
from ecabinet.errors import DomainError
from ecabinet.model import Document, DocumentVersion, SearchPage, SearchVersion, utcnow
from ecabinet.pdf.text import TextCancelled, read_text
from ecabinet.search.normalize import SCHEME, normalize

# Versions per unit of work: small enough that the write lock is held only briefly.
BATCH = 20
# Characters kept per page; beyond this a "page" is garbage (and PostgreSQL caps a tsvector at 1 MB).
MAX_PAGE_CHARS = 100_000

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class IndexCancelled(Exception):
    """`cancelled()` said so while a file's text was being extracted."""


@dataclass(frozen=True)
class IndexReport:
    versions: int = 0  # versions whose text (or only title) was (re)indexed
    pages: int = 0  # pages with text written
    failed_pages: int = 0  # pages whose text could not be extracted (counted, not fatal)
    failed_files: int = 0  # versions whose file could not be read at all (recorded with the error)
    removed: int = 0  # versions dropped from the index because they are no longer current
    cancelled: bool = False


@dataclass(frozen=True)
class IndexStatus:
    indexed: int
    pending: int


@dataclass(frozen=True)
class _Job:
    version_id: uuid.UUID
    sha256: str
    title: str
    full: bool  # False: only the title changed since the text was indexed


@dataclass(frozen=True)
class PreparedText:
    """A version's text made ready for the index outside any transaction: (page, compressed NFC text, folded
    text) for each page with words; page 0, the title, is added when it is written."""

    rows: tuple[tuple[int, bytes, str], ...] = ()
    pages: int = 0  # pages with text (a page of punctuation only has text, but no row)
    failed_pages: int = 0


@dataclass(frozen=True)
class _Extracted:
    job: _Job
    text: PreparedText = PreparedText()
    error: str = ""


def _pending_query() -> Select:  # type: ignore[type-arg,unused-ignore]  # 2.0 and 2.1 type rows differently
    return (
        select(DocumentVersion.id, DocumentVersion.sha256, Document.title, SearchVersion.scheme)
        .join(Document, Document.current_version_id == DocumentVersion.id)
        .outerjoin(SearchVersion, SearchVersion.version_id == DocumentVersion.id)
        .where(
            or_(
                SearchVersion.version_id.is_(None),
                SearchVersion.scheme != SCHEME,
                SearchVersion.title != Document.title,
            )
        )
        .order_by(DocumentVersion.created_at.desc(), DocumentVersion.id)
    )


def index_status(session: Session) -> IndexStatus:
    """How many current versions are indexed and how many wait (for a status line in the UI)."""
    pending = session.execute(select(func.count()).select_from(_pending_query().subquery())).scalar_one()
    indexed = session.execute(select(func.count()).select_from(SearchVersion)).scalar_one()
    return IndexStatus(indexed, pending)


def extract_pages(data: bytes, cancelled: Cancelled | None = None) -> tuple[list[tuple[int, str]], int]:
    """(pages with text as (1-based number, text), number of pages whose extraction failed).

    Text comes from PDFium (`ecabinet.pdf.text`): a 500-page dossier's text takes about as long as
    `pdftotext` needs for it (bench/bench_dossiers.py, `import`). Raises ValueError when the file cannot be
    opened at all (a page that fails is counted and skipped), and IndexCancelled when `cancelled()` returns
    true between pages.
    """
    try:
        read = read_text(data, cancelled)
    except TextCancelled:
        raise IndexCancelled from None
    return _with_text(read.pages), read.failed


def _with_text(pages: Sequence[str]) -> list[tuple[int, str]]:
    return [(n, t[:MAX_PAGE_CHARS]) for n, t in enumerate(pages, 1) if t.strip()]


def prepare_text(pages: Sequence[tuple[int, str]], failed_pages: int = 0) -> PreparedText:
    """Normalise and compress extracted pages ((1-based number, text)) for `write_text`."""
    return PreparedText(tuple(r for r in map(_row, pages) if r[2]), len(pages), failed_pages)


def prepare_pdf_text(pages: Sequence[str], failed_pages: int = 0) -> PreparedText:
    """`prepare_text` for every page's text in page order, as `ecabinet.pdf.text.read_text` gives it."""
    return prepare_text(_with_text(pages), failed_pages)


def _row(page: tuple[int, str]) -> tuple[int, bytes, str]:
    # NFC: every Vietnamese letter is one character, so snippets can find hits with plain regexes.
    text = unicodedata.normalize("NFC", page[1])
    return page[0], zlib.compress(text.encode("utf-8")), normalize(text)


def _extract(database: Database, job: _Job, cancelled: Cancelled | None) -> _Extracted:
    if not job.full:
        return _Extracted(job)
    try:
        data = database.blobs.read(job.sha256)
        pages, failed = extract_pages(data, cancelled)
    except DomainError as exc:  # the file is missing from the store, or damaged
        return _Extracted(job, error=exc.code)
    except ValueError as exc:
        return _Extracted(job, error=f"unreadable: {exc}"[:200])
    return _Extracted(job, prepare_text(pages, failed))


def _insert_rows(session: Session, version_id: uuid.UUID, rows: Sequence[tuple[int, bytes, str]]) -> None:
    """Each table's rows in one executemany call (SQLAlchemy batches them), not one call per page."""
    if not rows:
        return
    table = cast(Table, SearchPage.__table__)
    if session.get_bind().dialect.name == "postgresql":
        stmt = insert(table).values(
            tsv=func.to_tsvector(literal_column("'simple'::regconfig"), bindparam("norm"))
        )
        session.execute(
            stmt, [{"version_id": version_id, "page": n, "body": b, "norm": t} for n, b, t in rows]
        )
        return
    ids = session.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True),
        [{"version_id": version_id, "page": n, "body": b} for n, b, _t in rows],
    ).scalars()
    session.execute(
        text("INSERT INTO search_fts(rowid, title, body) VALUES (:id, :title, :body)"),
        [
            {"id": i, "title": t if n == 0 else "", "body": "" if n == 0 else t}
            for i, (n, _b, t) in zip(ids, rows, strict=True)
        ],
    )


def _title_row(title: str) -> tuple[int, bytes, str]:
    return _row((0, title))


def write_text(
    session: Session, version_id: uuid.UUID, title: str, prepared: PreparedText, error: str = ""
) -> None:
    """Put a version's title and prepared text in the index, replacing what it held for that version.

    `session` is a writing unit of work; the caller knows the version is current and `title` its document's.
    Import calls this in the unit of work that adds the version, so a stored file is searchable at once.
    """
    session.execute(delete(SearchVersion).where(SearchVersion.version_id == version_id))
    session.execute(
        insert(SearchVersion).values(
            version_id=version_id,
            title=title[:500],
            scheme=SCHEME,
            pages=prepared.pages,
            failed_pages=prepared.failed_pages,
            error=error,
            indexed_at=utcnow(),
        )
    )
    title_row = _title_row(title)
    _insert_rows(session, version_id, [title_row, *prepared.rows] if title_row[2] else prepared.rows)


def _write(session: Session, done: list[_Extracted]) -> tuple[int, int]:
    """Store extracted versions that are still current; returns (versions, pages) written."""
    versions = pages = 0
    for ex in done:
        vid = ex.job.version_id
        title = session.execute(
            select(Document.title)
            .join(DocumentVersion, DocumentVersion.document_id == Document.id)
            .where(DocumentVersion.id == vid, Document.current_version_id == vid)
        ).scalar()
        if title is None:  # replaced or deleted meanwhile; the next run removes any leftovers
            continue
        if ex.job.full:
            write_text(session, vid, title, ex.text, ex.error)
            pages += ex.text.pages
        else:
            session.execute(delete(SearchPage).where(SearchPage.version_id == vid, SearchPage.page == 0))
            session.execute(
                update(SearchVersion)
                .where(SearchVersion.version_id == vid)
                .values(title=title[:500], indexed_at=utcnow())
            )
            title_row = _title_row(title)
            if title_row[2]:
                _insert_rows(session, vid, [title_row])
        versions += 1
    return versions, pages


def _remove_stale(database: Database) -> int:
    """Drop versions that are no longer current (a new version replaced them); pages go by cascade."""
    current = select(Document.current_version_id).where(Document.current_version_id.is_not(None))
    stale = SearchVersion.version_id.not_in(current)
    with database.write(None) as s:
        return s.execute(delete(SearchVersion).where(stale)).rowcount or 0  # type: ignore[attr-defined]


def index_pending(
    database: Database,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    batch: int = BATCH,
) -> IndexReport:
    """Index every current version not yet indexed (or renamed, or indexed under an older scheme)."""
    removed = _remove_stale(database)
    with database.read() as s:
        jobs = [
            _Job(vid, sha, title, scheme != SCHEME) for vid, sha, title, scheme in s.execute(_pending_query())
        ]
    total = len(jobs)
    versions = pages = failed_pages = failed_files = 0
    stopped = False
    for start in range(0, total, batch):
        done: list[_Extracted] = []
        for n, job in enumerate(jobs[start : start + batch], start):
            if cancelled is not None and cancelled():
                stopped = True
                break
            if progress is not None:
                progress(n, total, job.title)
            try:
                ex = _extract(database, job, cancelled)
            except IndexCancelled:
                stopped = True
                break
            done.append(ex)
            failed_pages += ex.text.failed_pages
            failed_files += bool(ex.error)
        if done:
            with database.write(None) as s:
                v, p = _write(s, done)
            versions += v
            pages += p
        if stopped:
            break
    if progress is not None:
        progress(total if not stopped else versions, total, "")
    return IndexReport(versions, pages, failed_pages, failed_files, removed, stopped)


def index_text(session: Session, version_id: uuid.UUID, pages: Sequence[tuple[int, str]]) -> int:
    """Index text already extracted elsewhere for a current version (benchmark fixtures, tools).

    `pages` are (1-based page number, text); `session` is a writing unit of work. Returns pages written.
    """
    done = [_Extracted(_Job(version_id, "", "", True), prepare_text(pages))]
    return _write(session, done)[1]


def reindex_all(database: Database) -> None:
    """Forget the whole index; the next `index_pending` rebuilds it."""
    with database.write(None) as s:
        s.execute(delete(SearchVersion))
