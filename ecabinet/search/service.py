"""Tìm kiếm: full-text search over the titles and pages of the dossiers the acting user may see.

Query syntax: words are ANDed; "quoted words" must stand next to each other; the last word, when it has at
least `MIN_PREFIX` letters, also matches as a prefix (as you type) unless the query ends with a space. Matching ignores case and Vietnamese diacritics
("nghi dinh" finds "Nghị định"). User text never reaches the FTS5 or tsquery syntax as such: it is reduced
to letter-and-digit tokens, which are quoted.

Snippets: `SearchHit.snippet` is page text around the best hit with each matching word wrapped in
`HIT_START` / `HIT_END` ("[[" and "]]"); `SearchHit.fragments` is the same as (text, is_hit) pieces, for a
UI that formats hits itself without parsing markers.
"""

from __future__ import annotations

import contextlib
import functools
import heapq
import re
import unicodedata
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Select,
    Table,
    and_,
    column,
    func,
    literal_column,
    select,
    table,
)
from sqlalchemy.orm import Session

from ecabinet.agenda.visibility import visible_documents
from ecabinet.model import AgendaItem, CabinetSession, Document, DocumentKind, DocumentVersion, SearchPage
from ecabinet.search.normalize import fold, spelling_pattern, tokens
from ecabinet.services.actor import Actor

HIT_START = "[["
HIT_END = "]]"
MAX_TERMS = 16
MIN_PREFIX = 3
MAX_LIMIT = 500
# A snippet: about this many characters, starting this far before the best hit.
_WIDTH, _LEAD = 220, 60
_WINDOWS = 40  # hits considered as the start of the snippet
_SPACES = re.compile(r"\s+")

_QUOTED = re.compile(r'"([^"]*)"')
# SQLite's FTS5 table (migration 0002); not in the metadata, so described here just enough to join it.
_FTS = table("search_fts", column("rowid"))
_PAGES = cast(Table, SearchPage.__table__)
# A query matching more rows than this ranks only the most recently indexed this many of them (per kind:
# titles, pages): a word found on most pages then costs no more than a rare one, and ranks poorly anyway.
CANDIDATES = 300


@dataclass(frozen=True)
class Term:
    """One thing that must match: a word, or several words that stand next to each other."""

    tokens: tuple[str, ...]
    prefix: bool = False  # the last token may be the start of a longer word


@dataclass(frozen=True)
class SearchHit:
    document_id: uuid.UUID
    version_id: uuid.UUID
    version_number: int
    title: str
    kind: DocumentKind
    item_id: uuid.UUID
    item_title: str
    session_id: uuid.UUID
    session_title: str
    page: int | None  # 1-based; None when the hit is in the document's title
    snippet: str  # hits marked with HIT_START / HIT_END
    fragments: tuple[tuple[str, bool], ...]  # the snippet as (text, is_hit) pieces
    score: float  # higher is better; only for ordering (the scales differ between SQLite and PostgreSQL)


def parse_query(query: str) -> tuple[Term, ...]:
    """The terms of a query: quoted parts are phrases, other words are terms of their own.

    A word that folds to several tokens ("NĐ-CP", "39/2022") is a phrase of them.
    """
    terms: list[Term] = []
    last_bare = -1
    pos = 0
    parts: list[tuple[str, bool]] = []
    for m in _QUOTED.finditer(query):
        parts.append((query[pos : m.start()], False))
        parts.append((m.group(1), True))
        pos = m.end()
    parts.append((query[pos:].replace('"', " "), False))
    for chunk, quoted in parts:
        if quoted:
            found = tuple(tokens(chunk))
            if found:
                terms.append(Term(found))
            continue
        for word in chunk.split():
            found = tuple(tokens(word))
            if found:
                terms.append(Term(found))
                last_bare = len(terms) - 1
    # As you type: the last word may be unfinished, unless a space or a closing quote follows it. A shorter
    # word is taken whole: "tu" means "tư", not every "tướng", "tuần", … (and would read half the index).
    last = terms[-1] if terms else None
    if last and last_bare == len(terms) - 1 and query[-1:].strip() and len(last.tokens[-1]) >= MIN_PREFIX:
        terms[-1] = Term(last.tokens, prefix=True)
    unique = list(dict.fromkeys(terms))
    return tuple(unique[:MAX_TERMS])


def fts5_expression(terms: tuple[Term, ...]) -> str:
    """SQLite FTS5 MATCH text: each term a quoted phrase (prefix: `"…"*`), ANDed."""
    out = []
    for term in terms:
        phrase = " ".join(term.tokens).replace('"', '""')
        out.append(f'"{phrase}"' + ("*" if term.prefix else ""))
    return " AND ".join(out)


def tsquery_expression(terms: tuple[Term, ...]) -> str:
    """PostgreSQL to_tsquery text: each token quoted, phrases with <->, the prefix with :*, ANDed."""
    out = []
    for term in terms:
        quoted = ["'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in term.tokens]
        if term.prefix:
            quoted[-1] += ":*"
        out.append("(" + " <-> ".join(quoted) + ")")
    return " & ".join(out)


@functools.lru_cache(maxsize=256)
def _hit_regexes(terms: tuple[Term, ...]) -> tuple[re.Pattern[str], ...]:
    # One regex per word rather than one alternation: each starts with a character class, which `re` scans
    # for quickly; an alternation would be tried at every position of the page.
    exact = {t for term in terms for t in term.tokens}
    prefixes = {term.tokens[-1] for term in terms if term.prefix}
    return tuple(re.compile(spelling_pattern(t, prefix=t in prefixes)) for t in sorted(exact))


def _hits(content: str, terms: tuple[Term, ...], most: int) -> list[re.Match[str]]:
    """The first `most` hits in `content`, in order, without overlaps."""
    merged = heapq.merge(
        *(r.finditer(content) for r in _hit_regexes(terms)), key=lambda m: (m.start(), -m.end())
    )
    hits: list[re.Match[str]] = []
    for m in merged:
        if hits and m.start() < hits[-1].end():
            continue
        hits.append(m)
        if len(hits) >= most:
            break
    return hits


def _to_space(content: str, pos: int, step: int, reach: int = 25) -> int:
    """`pos` moved (by `step`) to the nearest whitespace within `reach`, so a snippet does not cut words."""
    for _ in range(reach):
        if pos <= 0 or pos >= len(content):
            return max(0, min(pos, len(content)))
        if content[pos].isspace():
            return pos + 1 if step < 0 else pos
        pos += step
    return pos


def make_snippet(content: str, terms: tuple[Term, ...], whole: bool = False) -> tuple[tuple[str, bool], ...]:
    """Pieces of `content` around its best hit, as (text, is_hit); `whole` keeps all of it (titles).

    Hits are found with regexes over the original spelling (see `spelling_pattern`), so a page is never
    folded character by character in Python: 50 snippets of long pages cost about a millisecond.
    """
    content = unicodedata.normalize("NFC", content)  # page text is stored NFC; titles may not be
    # The snippet starts at one of the first hits; later ones are not needed.
    hits = _hits(content, terms, 2 * _WINDOWS) if terms else []
    if whole:
        start, end = 0, len(content)
    else:
        # The window (starting at a hit) that shows the most different query words.
        words = [fold(m.group()) for m in hits[: _WINDOWS * 4]]
        best, best_score = 0, -1
        for n, hit in enumerate(hits[:_WINDOWS]):
            seen = set()
            for m, word in zip(hits[n:], words[n:], strict=False):
                if m.start() - hit.start() > _WIDTH * 3 // 4:
                    break
                seen.add(word)
            if len(seen) > best_score:
                best, best_score = hit.start(), len(seen)
        start = 0 if best <= _LEAD else _to_space(content, best - _LEAD, -1)
        end = len(content) if start + _WIDTH >= len(content) else _to_space(content, start + _WIDTH, 1)
    pieces: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    pos = start
    for hit in hits:
        if start <= hit.start() and hit.end() <= end:
            if hit.start() > pos:
                pieces.append((content[pos : hit.start()], False))
            pieces.append((hit.group(), True))
            pos = hit.end()
    if end > pos:
        pieces.append((content[pos:end], False))
    if end < len(content):
        pieces.append(("…", False))
    # Page text has line breaks wherever the PDF had them; a snippet reads as one line.
    tidy = [(_SPACES.sub(" ", piece), hit) for piece, hit in pieces]
    if tidy and not tidy[0][1]:
        tidy[0] = (tidy[0][0].lstrip(), False)
    if tidy and not tidy[-1][1]:
        tidy[-1] = (tidy[-1][0].rstrip(), False)
    return tuple((p, hit) for p, hit in tidy if p)


def marked(fragments: tuple[tuple[str, bool], ...]) -> str:
    return "".join(f"{HIT_START}{p}{HIT_END}" if hit else p for p, hit in fragments)


def _visible_current(stmt: Select, version_id: ColumnElement[uuid.UUID], actor: Actor) -> Select:  # type: ignore[type-arg,unused-ignore]
    """Keep rows of current versions (`version_id`) of documents `actor` may see."""
    return (
        stmt.join(DocumentVersion, DocumentVersion.id == version_id)
        .join(
            Document,
            and_(
                Document.id == DocumentVersion.document_id, Document.current_version_id == DocumentVersion.id
            ),
        )
        .where(Document.id.in_(visible_documents(actor)))
    )


@contextlib.contextmanager
def _index_scans(session: Session) -> Iterator[None]:
    """PostgreSQL: prefer the GIN index for this statement, then restore the caller's setting.

    The planner prices `tsv @@ query` as cheap, so for a common word it scans the table and unpacks every
    page's tsvector (60 ms at 20,000 pages) where the index answers in 5.
    """
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    # Read before set: the select list is evaluated left to right.
    setting = func.current_setting("enable_seqscan"), func.set_config("enable_seqscan", "off", True)
    before = session.execute(select(*setting)).first()[0]  # type: ignore[index]
    try:
        yield
    finally:
        session.execute(select(func.set_config("enable_seqscan", before, True)))


def _ranked(
    session: Session, actor: Actor, terms: tuple[Term, ...], titles: bool, limit: int
) -> list[tuple[int, float]]:
    """(search_pages.id, score) of the best title rows (page 0) or page rows, best first."""
    pages = _PAGES
    if session.get_bind().dialect.name == "postgresql":
        tsq = func.to_tsquery(literal_column("'simple'::regconfig"), tsquery_expression(terms))
        # A literal 0, not a parameter: the planner must see it to pick the titles' or the pages' index.
        zero: ColumnElement[int] = literal_column("0", Integer)
        which = pages.c.page == zero if titles else pages.c.page > zero
        # Materialised: the GIN index finds the matches first (reading ids only, never a tsvector); left to
        # itself the planner may walk documents and test every page's tsvector instead.
        matches = (
            select(pages.c.id, pages.c.version_id)
            .where(pages.c.tsv.op("@@")(tsq), which)
            .cte("matches")
            .prefix_with("MATERIALIZED")
        )
        newest = _visible_current(select(matches.c.id), matches.c.version_id, actor)
        capped = newest.order_by(matches.c.id.desc()).limit(CANDIDATES).subquery()
        score: ColumnElement[float] = func.ts_rank(pages.c.tsv, tsq, type_=Float)
        stmt = select(pages.c.id, score).join(capped, capped.c.id == pages.c.id)
        rows = session.execute(stmt.order_by(score.desc(), pages.c.id).limit(limit)).all()
    else:
        # bm25 needs the FTS5 cursor, so it is computed in the capped query; lower is better, so negated.
        column = "{title}" if titles else "{body}"
        match = literal_column("search_fts").op("MATCH")(f"{column} : ({fts5_expression(terms)})")
        bm25 = (-func.bm25(literal_column("search_fts"), type_=Float)).label("score")
        found = (
            select(pages.c.id, bm25).select_from(_FTS).join(pages, pages.c.id == _FTS.c.rowid).where(match)
        )
        newest = _visible_current(found, pages.c.version_id, actor).order_by(_FTS.c.rowid.desc())
        capped = newest.limit(CANDIDATES).subquery()
        stmt = select(capped.c.id, capped.c.score).order_by(capped.c.score.desc(), capped.c.id)
        rows = session.execute(stmt.limit(limit)).all()
    return [(row[0], float(row[1] or 0.0)) for row in rows]


def search(session: Session, actor: Actor, query: str, limit: int = 50) -> list[SearchHit]:
    """Hits in the current versions of the documents `actor` may see: title hits first, then page hits.

    Each kind is ranked (bm25 on SQLite, ts_rank on PostgreSQL) among at most `CANDIDATES` matching rows,
    the most recently indexed, so that a word found on most pages costs no more than a rare one.
    """
    terms = parse_query(query)
    if not terms:
        return []
    limit = max(1, min(limit, MAX_LIMIT))
    with _index_scans(session):
        ranked = _ranked(session, actor, terms, True, limit)
        if len(ranked) < limit:
            ranked += _ranked(session, actor, terms, False, limit - len(ranked))
    if not ranked:
        return []
    pages = _PAGES
    rows = session.execute(
        select(
            pages.c.id,
            pages.c.page,
            pages.c.body,
            Document.id,
            Document.title,
            Document.kind,
            DocumentVersion.id,
            DocumentVersion.number,
            AgendaItem.id,
            AgendaItem.title,
            CabinetSession.id,
            CabinetSession.title,
        )
        .join(DocumentVersion, DocumentVersion.id == pages.c.version_id)
        .join(Document, Document.id == DocumentVersion.document_id)
        .join(AgendaItem, AgendaItem.id == Document.item_id)
        .join(CabinetSession, CabinetSession.id == AgendaItem.session_id)
        .where(pages.c.id.in_([page_id for page_id, _score in ranked]))
    ).all()
    by_id = {row[0]: row for row in rows}
    hits = []
    for page_id, score in ranked:
        row = by_id.get(page_id)
        if row is None:  # removed between the two queries
            continue
        _id, page, body, doc_id, title, kind, vid, vnum, item_id, item_title, sid, stitle = row
        in_title = page == 0
        fragments = make_snippet(
            title if in_title else zlib.decompress(body).decode("utf-8"), terms, in_title
        )
        hits.append(
            SearchHit(
                doc_id,
                vid,
                vnum,
                title,
                kind,
                item_id,
                item_title,
                sid,
                stitle,
                None if in_title else page,
                marked(fragments),
                fragments,
                score,
            )
        )
    return hits
