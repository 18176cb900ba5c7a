"""Opening the sessions list and one session's agenda, against the same rows read with raw `sqlite3`.

The database (50 sessions x 30 items x 5 documents) is built once through the real services, with the audit
log, and cached under bench/out/ keyed by the data version and the migrations; `--fresh` rebuilds it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.harness import Context, Measurement, benchmark

N_SESSIONS = 50
N_ITEMS = 30  # per session, all top-level
N_DOCUMENTS = 5  # per item
DATA_VERSION = "sessions-v1"  # bump when the generated data changes
BOUND = 3.0

# The reference: what a hand-written reader would run to show the same rows.
LIST_SQL = """
SELECT s.id, s.kind, s.title, s.number, s.starts_at, s.planned_end_at, s.place, s.state,
       m.full_name, ic.n, dc.n, s.version
FROM sessions s
LEFT JOIN members m ON m.id = s.chair_id
LEFT JOIN (SELECT session_id, count(*) AS n FROM agenda_items GROUP BY session_id) ic ON ic.session_id = s.id
LEFT JOIN (SELECT i.session_id, count(*) AS n FROM documents d JOIN agenda_items i ON i.id = d.item_id
           GROUP BY i.session_id) dc ON dc.session_id = s.id
ORDER BY s.starts_at DESC
"""
SUMMARY_SQL = """
SELECT s.id, s.kind, s.title, s.number, s.starts_at, s.planned_end_at, s.place, s.state, m.full_name,
       (SELECT count(*) FROM agenda_items i WHERE i.session_id = s.id),
       (SELECT count(*) FROM documents d JOIN agenda_items i ON i.id = d.item_id WHERE i.session_id = s.id),
       s.version
FROM sessions s LEFT JOIN members m ON m.id = s.chair_id
WHERE s.id = ?
"""
ITEMS_SQL = """
SELECT i.id, i.parent_id, i.position, i.title, o.short_name, i.presenter_org_id, i.kind, i.planned_minutes,
       i.classification, i.changed_since_published, i.version
FROM agenda_items i LEFT JOIN organisations o ON o.id = i.presenter_org_id
WHERE i.session_id = ?
ORDER BY i.position
"""
DOCUMENTS_SQL = """
SELECT d.id, d.item_id, d.title, d.kind, d.classification, v.id, v.number, v.sha256, v.filename,
       v.page_count, v.size, d.changed_since_published, d.version
FROM documents d
JOIN agenda_items i ON i.id = d.item_id
LEFT JOIN document_versions v ON v.id = d.current_version_id
WHERE i.session_id = ?
ORDER BY i.position, d.position
"""
INVITED_SQL = """
SELECT inv.member_id, m.full_name, inv.role
FROM invitations inv JOIN members m ON m.id = inv.member_id
WHERE inv.session_id = ?
ORDER BY inv.role, m.sort_order, m.full_name
"""


@dataclass(frozen=True)
class Fixture:
    home: Path
    db_path: Path
    secretariat_id: uuid.UUID
    detail_session_id: uuid.UUID


# --- building the data through the services --------------------------------------------------------------


def _cache_key() -> str:
    from ecabinet.db import MIGRATIONS

    digest = hashlib.sha256(f"{DATA_VERSION}:{N_SESSIONS}x{N_ITEMS}x{N_DOCUMENTS}".encode())
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def fixture(ctx: Context) -> Fixture:
    """The cached database, built first when missing (or when `--fresh`)."""
    target = ctx.out_dir / f"sessions-{_cache_key()}"
    if ctx.fresh and target.exists():
        shutil.rmtree(target)
    if not (target / "manifest.json").exists():
        for stale in ctx.out_dir.glob("sessions-*"):  # older data versions (not another run's scratch)
            if ".tmp" not in stale.name:
                shutil.rmtree(stale, ignore_errors=True)
        _build(target, ctx)
    manifest = json.loads((target / "manifest.json").read_text())
    return Fixture(
        target,
        target / "ecabinet.db",
        uuid.UUID(manifest["secretariat_id"]),
        uuid.UUID(manifest["detail_session_id"]),
    )


ITEM_TOPICS = (
    "Dự án Luật sửa đổi, bổ sung một số điều của Luật Đất đai",
    "Dự thảo Nghị định quy định chi tiết Luật Đầu tư công",
    "Báo cáo tình hình kinh tế - xã hội và kết quả thực hiện Nghị quyết của Chính phủ",
    "Đề nghị xây dựng Luật Thuế thu nhập cá nhân (sửa đổi)",
    "Dự thảo Nghị quyết về các giải pháp thúc đẩy giải ngân vốn đầu tư công",
    "Báo cáo tình hình thực hiện chương trình mục tiêu quốc gia",
)
DOCUMENT_TITLES = ("Tờ trình", "Dự thảo", "Báo cáo thẩm định", "Phụ lục", "Tài liệu tham khảo")


def _build(target: Path, ctx: Context) -> None:
    from ecabinet.agenda import documents as D
    from ecabinet.agenda import items as I
    from ecabinet.agenda import sessions as S
    from ecabinet.db import Database
    from ecabinet.model import Classification, DocumentKind, ItemKind, OrgKind, Role, SessionKind
    from ecabinet.services import members as M
    from ecabinet.services.actor import load_actor

    scratch = target.with_name(f"{target.name}.tmp{os.getpid()}")
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    ctx.progress(
        f"building {N_SESSIONS} sessions x {N_ITEMS} items x {N_DOCUMENTS} documents through the services"
    )
    started = time.perf_counter()
    database = Database(f"sqlite:///{scratch / 'ecabinet.db'}", scratch)
    blob = b"%PDF-1.4\n% e-Cabinet benchmark placeholder\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
    sha = database.blobs.put(blob)

    with database.write(None) as s:
        leader_id = M.bootstrap_secretariat(s, "Lê Thị Lãnh Đạo", "Vụ trưởng Vụ Tổng hợp").id
    with database.read() as s:
        leader = load_actor(s, leader_id)
    with database.write(leader) as s:
        orgs = [
            M.add_organisation(s, leader, f"B{n:02}", f"Bộ số {n}", f"Bộ {n}", OrgKind.MINISTRY, n).id
            for n in range(1, 21)
        ]
        officer_id = M.add_member(s, leader, "Trần Văn Chuyên", "Chuyên viên", Role.SECRETARIAT).id
        M.add_member(s, leader, "Phạm Minh Thủ", "Thủ tướng Chính phủ", Role.MEMBER, None, True, True, 1)
        for n in range(24):
            M.add_member(
                s,
                leader,
                f"Bộ trưởng {n + 1:02}",
                f"Bộ trưởng Bộ số {n % 20 + 1}",
                Role.MEMBER,
                orgs[n % 20],
                True,
                False,
                n + 2,
            )
    with database.read() as s:
        officer = load_actor(s, officer_id)

    first = datetime(2021, 1, 8, 1, 0, tzinfo=UTC)
    session_ids: list[uuid.UUID] = []
    for i in range(N_SESSIONS):
        starts_at = first + timedelta(days=30 * i)
        with database.write(officer) as s:  # one unit of work per session: 1 + 30 + 150 adds and some edits
            created = S.create_session(
                s,
                officer,
                f"Phiên họp Chính phủ thường kỳ tháng {starts_at.month}/{starts_at.year}",
                SessionKind.THEMATIC if i % 5 == 4 else SessionKind.REGULAR,
                starts_at,
                place="Trụ sở Chính phủ, Hà Nội",
                planned_end_at=starts_at + timedelta(hours=8),
                number=i + 1,
            )
            session_ids.append(created.id)
            for j in range(N_ITEMS):
                item = I.add_item(
                    s,
                    officer,
                    created.id,
                    f"{ITEM_TOPICS[j % len(ITEM_TOPICS)]} (nội dung {j + 1})",
                    kind=list(ItemKind)[j % 3],
                    planned_minutes=10 + (j * 7) % 50,
                    presenter_org_id=orgs[(i + j) % 20],
                    classification=Classification.CONFIDENTIAL if j % 10 == 9 else Classification.NORMAL,
                )
                for k in range(N_DOCUMENTS):
                    doc = D.add_document(
                        s,
                        officer,
                        item.id,
                        f"{DOCUMENT_TITLES[k]} nội dung {j + 1}",
                        sha,
                        f"phien-{i + 1}-nd-{j + 1}-tl-{k + 1}.pdf",
                        len(blob),
                        1 + (i * 7 + j * 13 + k * 29) % 180,
                        kind=list(DocumentKind)[k],
                    )
                    if k == 0 and j % 5 == 0:  # some documents have a second version
                        D.replace_document(
                            s,
                            officer,
                            doc.id,
                            doc.version,
                            sha,
                            f"phien-{i + 1}-nd-{j + 1}-tl-1-v2.pdf",
                            len(blob),
                            doc.page_count + 3,
                            "Cập nhật theo ý kiến thẩm định",
                        )
            if i < N_SESSIONS - 10:
                S.publish_session(s, officer, created.id)
                S.start_session(s, officer, created.id)
                S.close_session(s, officer, created.id)
            elif i < N_SESSIONS - 5:
                S.publish_session(s, officer, created.id)
        if (i + 1) % 5 == 0:
            elapsed = time.perf_counter() - started
            ctx.progress(
                f"{i + 1}/{N_SESSIONS} sessions, {elapsed:.0f} s (about {elapsed / (i + 1) * (N_SESSIONS - i - 1):.0f} s left)"
            )
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    manifest = {
        "data_version": DATA_VERSION,
        "secretariat_id": str(officer_id),
        "detail_session_id": str(session_ids[N_SESSIONS - 8]),  # a published session
        "built_seconds": round(time.perf_counter() - started, 1),
    }
    (scratch / "manifest.json").write_text(json.dumps(manifest, indent=2))
    try:
        os.replace(scratch, target)
    except OSError:  # another run finished the same build first
        shutil.rmtree(scratch, ignore_errors=True)
    ctx.progress(f"built in {manifest['built_seconds']} s, cached in {target}")


# --- the reference: raw sqlite3 ------------------------------------------------------------------------


def _raw_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)  # autocommit; each read is its own BEGIN … ROLLBACK
    conn.execute("PRAGMA busy_timeout=15000")
    return conn


def _in_read_transaction(conn: sqlite3.Connection, read: Callable[[], Any]) -> Any:
    conn.execute("BEGIN")
    try:
        return read()
    finally:
        conn.execute("ROLLBACK")


def raw_list(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return _in_read_transaction(conn, lambda: conn.execute(LIST_SQL).fetchall())


def raw_detail(conn: sqlite3.Connection, session_id: uuid.UUID) -> dict[str, list[tuple[Any, ...]]]:
    key = (session_id.hex,)  # SQLAlchemy's Uuid is 32 hex digits on SQLite

    def read() -> dict[str, list[tuple[Any, ...]]]:
        return {
            "summary": conn.execute(SUMMARY_SQL, key).fetchall(),
            "items": conn.execute(ITEMS_SQL, key).fetchall(),
            "documents": conn.execute(DOCUMENTS_SQL, key).fetchall(),
            "invited": conn.execute(INVITED_SQL, key).fetchall(),
        }

    return _in_read_transaction(conn, read)


# --- honesty check: both sides read the same rows -----------------------------------------------------------


def _check_list(ours: list[Any], raw: list[tuple[Any, ...]]) -> None:
    mine = [(s.id, s.title, s.state.value, s.chair, s.item_count, s.document_count) for s in ours]
    theirs = [(uuid.UUID(r[0]), r[2], r[7], r[8] or "", r[9] or 0, r[10] or 0) for r in raw]
    assert len(mine) == len(theirs) == N_SESSIONS, (len(mine), len(theirs))
    assert mine == theirs, "list_sessions and the raw query disagree"
    assert sum(r[4] for r in mine) == N_SESSIONS * N_ITEMS
    assert sum(r[5] for r in mine) == N_SESSIONS * N_ITEMS * N_DOCUMENTS


def _check_detail(ours: Any, raw: dict[str, list[tuple[Any, ...]]]) -> None:
    (summary,) = raw["summary"]
    assert (ours.summary.item_count, ours.summary.document_count) == (summary[9], summary[10]), (
        "summary counts"
    )
    assert [i.id for i in ours.items] == [uuid.UUID(r[0]) for r in raw["items"]], "items (in order)"
    assert len(ours.items) == N_ITEMS
    mine = [(d.id, d.version_id, d.version_number) for i in ours.items for d in i.documents]
    theirs = [(uuid.UUID(r[0]), uuid.UUID(r[5]), r[6]) for r in raw["documents"]]
    assert len(mine) == len(theirs) == N_ITEMS * N_DOCUMENTS, (len(mine), len(theirs))
    assert mine == theirs, "documents or their current versions differ"
    assert any(n == 2 for _d, _v, n in mine), "some documents should be on their second version"
    assert [m for m, _n, _r in ours.invited] == [uuid.UUID(r[0]) for r in raw["invited"]], "invitations"


# --- the benchmark ------------------------------------------------------------------------------------------


@benchmark("sessions", "list_sessions / get_session on 50 x 30 x 5 vs raw sqlite3")
def sessions_benchmark(ctx: Context) -> list[Measurement]:
    from ecabinet.agenda import sessions as S
    from ecabinet.db import Database
    from ecabinet.services.actor import load_actor

    fx = fixture(ctx)
    database = Database(f"sqlite:///{fx.db_path}", fx.home)
    conn = _raw_connection(fx.db_path)
    try:
        with database.read() as s:
            actor = load_actor(s, fx.secretariat_id)
        assert actor.is_secretariat  # sees every session and document, as the raw queries read them

        def ours_list() -> list[S.SessionSummary]:
            with database.read() as s:
                return S.list_sessions(s, actor)

        def ours_detail() -> S.SessionDetail:
            with database.read() as s:
                return S.get_session(s, actor, fx.detail_session_id)

        _check_list(ours_list(), raw_list(conn))
        _check_detail(ours_detail(), raw_detail(conn, fx.detail_session_id))
        return [
            ctx.compare("list_sessions", ours_list, "sqlite3 list query", lambda: raw_list(conn), BOUND),
            ctx.compare(
                "get_session",
                ours_detail,
                "sqlite3 agenda queries",
                lambda: raw_detail(conn, fx.detail_session_id),
                BOUND,
            ),
        ]
    finally:
        conn.close()
        database.close()
