"""Building the full-text index in the background: extract each current version's text, page by page.

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

import threading
import unicodedata
import uuid
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

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
from ecabinet.search.normalize import SCHEME, normalize

if TYPE_CHECKING:
    import pypdfium2 as pdfium

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
class _Extracted:
    job: _Job
    pages: tuple[tuple[int, str], ...] = ()  # (1-based page number, text) for pages that have text
    failed_pages: int = 0
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


# PDFium may be called from one thread at a time only, even for different documents (pypdfium2's docs): the
# index runs in a worker thread, possibly beside another one.
_PDFIUM = threading.Lock()
# What PDFium puts where a word was hyphenated at the end of a line (and for characters it cannot map):
# shown as the hyphen it was; either way not part of a word for the index.
_MARKERS = str.maketrans({"\x00": None, "\x02": "-", "\ufffe": "-"})


def extract_pages(data: bytes, cancelled: Cancelled | None = None) -> tuple[list[tuple[int, str]], int]:
    """(pages with text as (1-based number, text), number of pages whose extraction failed).

    Text comes from PDFium (pypdfium2), in C: 1 to 2 ms a page where pypdf took about 15, so a 500-page
    dossier's text takes about as long as `pdftotext` needs for it (bench/bench_dossiers.py, `import`). The
    file was checked with pypdf at import; this only reads it. Raises ValueError when the file cannot be
    opened at all (a page that fails is counted and skipped), and IndexCancelled when `cancelled()` returns
    true between pages.
    """
    import pypdfium2 as pdfium  # here: loading PDFium takes 50 ms, which the app's start need not wait for

    out: list[tuple[int, str]] = []
    failed = 0
    with _PDFIUM:
        try:
            # Stored files are decrypted at import; older ones may be encrypted with an empty open password,
            # which PDFium tries by itself.
            document = pdfium.PdfDocument(data)
        except Exception as exc:
            raise ValueError(" ".join(str(exc).split())[:150] or type(exc).__name__) from exc
        try:
            for number in range(1, len(document) + 1):
                if cancelled is not None and cancelled():
                    raise IndexCancelled
                try:
                    content = _page_text(document, number - 1)
                except Exception:  # one bad page must not keep the rest of the document out of the index
                    failed += 1
                    continue
                content = content.translate(_MARKERS).replace("\r\n", "\n")[:MAX_PAGE_CHARS]
                if content.strip():
                    out.append((number, content))
        finally:
            document.close()
    return out, failed


def _page_text(document: pdfium.PdfDocument, index: int) -> str:
    """The text of one page, in content order (all of it, as pypdf gave it, not only what lies in the box)."""
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()


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
    return _Extracted(job, tuple(pages), failed)


def _insert_pages(session: Session, version_id: uuid.UUID, pages: list[tuple[int, str]]) -> None:
    # NFC: every Vietnamese letter is one character, so snippets can find hits with plain regexes.
    texts = [(n, unicodedata.normalize("NFC", t)) for n, t in pages]
    rows = [
        {"version_id": version_id, "page": n, "body": zlib.compress(t.encode("utf-8")), "norm": normalize(t)}
        for n, t in texts
    ]
    rows = [r for r in rows if r["norm"]]
    if not rows:
        return
    table = cast(Table, SearchPage.__table__)
    if session.get_bind().dialect.name == "postgresql":
        stmt = insert(table).values(
            tsv=func.to_tsvector(literal_column("'simple'::regconfig"), bindparam("norm"))
        )
        session.execute(stmt, rows)
        return
    ids = session.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True),
        [{k: v for k, v in r.items() if k != "norm"} for r in rows],
    ).scalars()
    session.execute(
        text("INSERT INTO search_fts(rowid, title, body) VALUES (:id, :title, :body)"),
        [
            {
                "id": i,
                "title": r["norm"] if r["page"] == 0 else "",
                "body": "" if r["page"] == 0 else r["norm"],
            }
            for i, r in zip(ids, rows, strict=True)
        ],
    )


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
            session.execute(delete(SearchVersion).where(SearchVersion.version_id == vid))
            session.execute(
                insert(SearchVersion).values(
                    version_id=vid,
                    title=title[:500],
                    scheme=SCHEME,
                    pages=len(ex.pages),
                    failed_pages=ex.failed_pages,
                    error=ex.error,
                    indexed_at=utcnow(),
                )
            )
            _insert_pages(session, vid, [(0, title), *ex.pages])
            pages += len(ex.pages)
        else:
            session.execute(delete(SearchPage).where(SearchPage.version_id == vid, SearchPage.page == 0))
            session.execute(
                update(SearchVersion)
                .where(SearchVersion.version_id == vid)
                .values(title=title[:500], indexed_at=utcnow())
            )
            _insert_pages(session, vid, [(0, title)])
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
            failed_pages += ex.failed_pages
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
    done = [_Extracted(_Job(version_id, "", "", True), tuple(pages))]
    return _write(session, done)[1]


def reindex_all(database: Database) -> None:
    """Forget the whole index; the next `index_pending` rebuilds it."""
    with database.write(None) as s:
        s.execute(delete(SearchVersion))
