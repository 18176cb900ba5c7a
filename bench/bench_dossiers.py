"""Dossiers at scale (issue #3, item 8): importing a 500-page PDF, a 60-item agenda, 20,000 pages searched.

- `import`: a generated 500-page Vietnamese text PDF, checked, stored, extracted and indexed — what a user's
  import (which indexes the text it read) and the background indexing run after it do — against `pdftotext`
  on the same file. Bound 2x.
- `agenda`: `get_session` on one session of 60 items x 5 documents, against raw `sqlite3` reading the same
  rows. Bound 3x.
- `search`: `search` over 20,000 indexed pages, a set of typical queries; median and p90 per call against an
  absolute budget of 50 ms (bound: the median under it).

Fixtures are built through the real services and cached under bench/out/ keyed by a data version and the
migrations (`--fresh` rebuilds them). The import benchmark works on a copy, so its rows do not pile up there.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import time
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.bench_sessions import DOCUMENT_TITLES, ITEM_TOPICS, raw_detail
from bench.harness import Context, Measurement, benchmark, require_command

if TYPE_CHECKING:
    from ecabinet.db import Database
    from ecabinet.services.actor import Actor

IMPORT_PAGES = 500
IMPORT_BOUND = 2.0
AGENDA_ITEMS = 60
AGENDA_DOCUMENTS = 5  # per item
AGENDA_BOUND = 3.0
SEARCH_SESSIONS = 20  # x 10 items x 2 documents x 50 pages = 20,000 pages
SEARCH_ITEMS = 10
SEARCH_DOCUMENTS = 2
SEARCH_PAGES = 50
SEARCH_BUDGET = 0.050  # seconds, the median's bound

IMPORT_VERSION = "import-v1"  # bump when the generated data changes
AGENDA_VERSION = "agenda-v1"
SEARCH_VERSION = "search-v1"

SESSION_TITLE = "Phiên họp Chính phủ thường kỳ tháng 11 năm 2026"


# --- shared: cache folders and the people ---------------------------------------------------------------------


def _cache_dir(ctx: Context, prefix: str, version: str) -> Path:
    """bench/out/<prefix>-<hash of the data version and the migrations>, emptied by `--fresh`; stale ones go."""
    from ecabinet.db import MIGRATIONS

    digest = hashlib.sha256(version.encode())
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    target = ctx.out_dir / f"{prefix}-{digest.hexdigest()[:12]}"
    if ctx.fresh and target.exists():
        shutil.rmtree(target)
    if not (target / "manifest.json").exists():
        for stale in ctx.out_dir.glob(f"{prefix}-*"):  # older data versions (not another run's scratch)
            if ".tmp" not in stale.name and "-run" not in stale.name:
                shutil.rmtree(stale, ignore_errors=True)
    return target


def _scratch(target: Path) -> Path:
    scratch = target.with_name(f"{target.name}.tmp{os.getpid()}")
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "home").mkdir(parents=True)
    return scratch


def _finish(scratch: Path, target: Path, manifest: dict[str, Any], ctx: Context) -> None:
    (scratch / "manifest.json").write_text(json.dumps(manifest, indent=2))
    try:
        os.replace(scratch, target)
    except OSError:  # another run finished the same build first
        shutil.rmtree(scratch, ignore_errors=True)
    ctx.progress(f"built in {manifest['built_seconds']} s, cached in {target}")


def _checkpoint(database: Database) -> None:
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


@dataclass(frozen=True)
class _People:
    officer_id: uuid.UUID  # secretariat: sees everything
    minister_id: uuid.UUID  # a Government member: invited to every session, sees what is distributed to them
    orgs: tuple[uuid.UUID, ...]


def _people(database: Database) -> _People:
    """The secretariat, 20 ministries, the Prime Minister and 24 ministers, through the services."""
    from ecabinet.model import OrgKind, Role
    from ecabinet.services import members as M
    from ecabinet.services.actor import load_actor

    with database.write(None) as s:
        leader_id = M.bootstrap_secretariat(s, "Lê Thị Lãnh Đạo", "Vụ trưởng Vụ Tổng hợp").id
    with database.read() as s:
        leader = load_actor(s, leader_id)
    with database.write(leader) as s:
        orgs = tuple(
            M.add_organisation(s, leader, f"B{n:02}", f"Bộ số {n}", f"Bộ {n}", OrgKind.MINISTRY, n).id
            for n in range(1, 21)
        )
        officer_id = M.add_member(s, leader, "Trần Văn Chuyên", "Chuyên viên", Role.SECRETARIAT).id
        M.add_member(s, leader, "Phạm Minh Thủ", "Thủ tướng Chính phủ", Role.MEMBER, None, True, True, 1)
        ministers = [
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
            ).id
            for n in range(24)
        ]
    return _People(officer_id, ministers[0], orgs)


def _actor(database: Database, member_id: uuid.UUID) -> Actor:
    from ecabinet.services.actor import load_actor

    with database.read() as s:
        return load_actor(s, member_id)


# --- (a) import and index a 500-page PDF, vs pdftotext ------------------------------------------------------


@dataclass(frozen=True)
class _ImportFixture:
    home: Path  # a migrated database with the people and one draft session (copied for each run)
    pdf: Path
    officer_id: uuid.UUID
    session_id: uuid.UUID


def _import_fixture(ctx: Context) -> _ImportFixture:
    target = _cache_dir(ctx, "import", f"{IMPORT_VERSION}:{IMPORT_PAGES}")
    if not (target / "manifest.json").exists():
        _build_import(target, ctx)
    manifest = json.loads((target / "manifest.json").read_text())
    return _ImportFixture(
        target / "home",
        target / manifest["pdf"],
        uuid.UUID(manifest["officer_id"]),
        uuid.UUID(manifest["session_id"]),
    )


def _build_import(target: Path, ctx: Context) -> None:
    from ecabinet.agenda import sessions as S
    from ecabinet.db import Database
    from ecabinet.demo.dossiers import render_dossier
    from ecabinet.model import SessionKind

    scratch = _scratch(target)
    started = time.perf_counter()
    ctx.progress(f"rendering a {IMPORT_PAGES}-page dossier")
    title = "Dự án Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công (hồ sơ trình Chính phủ)"
    pdf = scratch / f"dossier-{IMPORT_PAGES}.pdf"
    pdf.write_bytes(render_dossier("submission", title, "BTC", IMPORT_PAGES, SESSION_TITLE, seed=7))
    database = Database(f"sqlite:///{scratch / 'home' / 'ecabinet.db'}", scratch / "home")
    people = _people(database)
    officer = _actor(database, people.officer_id)
    with database.write(officer) as s:
        session = S.create_session(
            s, officer, SESSION_TITLE, SessionKind.REGULAR, datetime(2026, 11, 27, 1, 0, tzinfo=UTC)
        )
    _checkpoint(database)
    database.close()
    manifest = {
        "data_version": IMPORT_VERSION,
        "pdf": pdf.name,
        "officer_id": str(people.officer_id),
        "session_id": str(session.id),
        "built_seconds": round(time.perf_counter() - started, 1),
    }
    _finish(scratch, target, manifest, ctx)


def _pdftotext_pages(pdftotext: str, pdf: Path, out: Path) -> list[str]:
    subprocess.run([pdftotext, str(pdf), str(out)], check=True)
    return out.read_text(encoding="utf-8").split("\f")


def _check_import(database: Database, version_id: uuid.UUID, reference: list[str]) -> None:
    """Our index holds, page by page, the words `pdftotext` reads from the same file."""
    from sqlalchemy import select

    from ecabinet.model import SearchPage
    from ecabinet.search.normalize import tokens

    with database.read() as s:
        rows = s.execute(
            select(SearchPage.page, SearchPage.body).where(
                SearchPage.version_id == version_id, SearchPage.page > 0
            )
        ).all()
    ours = {page: zlib.decompress(body).decode("utf-8") for page, body in rows}
    theirs = {n: text for n, text in enumerate(reference, 1) if text.strip()}
    assert sorted(ours) == sorted(theirs) == list(range(1, IMPORT_PAGES + 1)), (len(ours), len(theirs))
    for page in range(1, IMPORT_PAGES + 1):
        mine, other = set(tokens(ours[page])), set(tokens(theirs[page]))
        similarity = len(mine & other) / len(mine | other)
        assert similarity >= 0.95, f"page {page}: only {similarity:.0%} of the words in common with pdftotext"


@benchmark("import", "import + index a 500-page text PDF vs pdftotext on the same file")
def import_benchmark(ctx: Context) -> list[Measurement]:
    from sqlalchemy import select

    from ecabinet.agenda import items as I
    from ecabinet.agenda.importer import check_pdf, import_files
    from ecabinet.db import Database
    from ecabinet.model import SearchVersion
    from ecabinet.pdf.text import read_text
    from ecabinet.search import index_pending
    from ecabinet.search.index import prepare_pdf_text, write_text

    pdftotext = require_command("pdftotext", "apt-get install poppler-utils")
    fx = _import_fixture(ctx)
    run = ctx.out_dir / f"import-run{os.getpid()}"
    shutil.rmtree(run, ignore_errors=True)
    shutil.copytree(fx.home, run / "home")
    database = Database(f"sqlite:///{run / 'home' / 'ecabinet.db'}", run / "home")
    try:
        officer = _actor(database, fx.officer_id)
        items: list[uuid.UUID] = []

        def refill() -> None:  # fresh items, made ahead so that the timed calls do not include them
            with database.write(officer) as s:
                items.extend(
                    I.add_item(s, officer, fx.session_id, f"Nội dung nhập hồ sơ {uuid.uuid4().hex[:8]}").id
                    for _ in range(30)
                )

        stored: list[uuid.UUID] = []  # the current versions indexed

        def ours() -> None:
            if not items:
                refill()
            (outcome,) = import_files(database, officer, items.pop(), [fx.pdf]).outcomes
            assert outcome.document is not None and outcome.document.version_id is not None, outcome.refusal
            # What the app runs after an import: the import has indexed the file, so it finds nothing to do.
            report = index_pending(database)
            assert not report.versions and not report.failed_files, report
            with database.read() as s:
                indexed = s.execute(
                    select(SearchVersion.pages, SearchVersion.failed_pages).where(
                        SearchVersion.version_id == outcome.document.version_id
                    )
                ).one()
            assert tuple(indexed) == (IMPORT_PAGES, 0), indexed
            stored.append(outcome.document.version_id)
            # The next call stores the file anew, as a first import does (the file store skips known files).
            database.blobs.path(outcome.document.sha256).unlink()

        out_txt = run / "pdftotext.txt"

        def reference() -> None:
            subprocess.run([pdftotext, str(fx.pdf), str(out_txt)], check=True)

        ours()
        _check_import(database, stored[-1], _pdftotext_pages(pdftotext, fx.pdf, out_txt))
        refill()
        main = ctx.compare(f"import_index_{IMPORT_PAGES}_pages", ours, "pdftotext", reference, IMPORT_BOUND)
        # Where the time goes: each part on its own against pdftotext again, interleaved (INFO rows).
        ctx.progress(
            "timing the parts: the check (pypdf, then PDFium), PDFium alone, index preparation, write"
        )
        data = fx.pdf.read_bytes()
        texts = read_text(data).pages
        prepared = prepare_pdf_text(texts)

        def write_index() -> None:  # the last imported version's pages again (replacing them)
            with database.write(None) as s:
                write_text(s, stored[-1], "Dự án Luật", prepared)

        parts = [
            (f"check_{IMPORT_PAGES}_pages (pypdf + PDFium)", lambda: check_pdf(data)),
            (f"extract_{IMPORT_PAGES}_pages (PDFium)", lambda: read_text(data)),
            (f"index_prepare_{IMPORT_PAGES}_pages", lambda: prepare_pdf_text(texts)),
            (f"index_write_{IMPORT_PAGES}_pages", write_index),
        ]
        return [main, *(ctx.compare(name, fn, "pdftotext", reference) for name, fn in parts)]
    finally:
        database.close()
        shutil.rmtree(run, ignore_errors=True)


# --- (b) one session of 60 items x 5 documents, vs raw sqlite3 ------------------------------------------------


@dataclass(frozen=True)
class _AgendaFixture:
    home: Path
    officer_id: uuid.UUID
    session_id: uuid.UUID


def _agenda_fixture(ctx: Context) -> _AgendaFixture:
    target = _cache_dir(ctx, "agenda", f"{AGENDA_VERSION}:{AGENDA_ITEMS}x{AGENDA_DOCUMENTS}")
    if not (target / "manifest.json").exists():
        _build_agenda(target, ctx)
    manifest = json.loads((target / "manifest.json").read_text())
    return _AgendaFixture(
        target / "home", uuid.UUID(manifest["officer_id"]), uuid.UUID(manifest["session_id"])
    )


def _build_agenda(target: Path, ctx: Context) -> None:
    from ecabinet.agenda import documents as D
    from ecabinet.agenda import items as I
    from ecabinet.agenda import sessions as S
    from ecabinet.db import Database
    from ecabinet.model import Classification, DocumentKind, ItemKind, SessionKind

    scratch = _scratch(target)
    started = time.perf_counter()
    ctx.progress(f"building one session of {AGENDA_ITEMS} items x {AGENDA_DOCUMENTS} documents")
    database = Database(f"sqlite:///{scratch / 'home' / 'ecabinet.db'}", scratch / "home")
    people = _people(database)
    officer = _actor(database, people.officer_id)
    blob = b"%PDF-1.4\n% e-Cabinet benchmark placeholder\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
    sha = database.blobs.put(blob)
    starts_at = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)
    with database.write(officer) as s:
        session = S.create_session(
            s,
            officer,
            SESSION_TITLE,
            SessionKind.REGULAR,
            starts_at,
            place="Trụ sở Chính phủ, Hà Nội",
            planned_end_at=starts_at + timedelta(hours=9),
            number=11,
        )
        for j in range(AGENDA_ITEMS):
            item = I.add_item(
                s,
                officer,
                session.id,
                f"{ITEM_TOPICS[j % len(ITEM_TOPICS)]} (nội dung {j + 1})",
                kind=list(ItemKind)[j % 3],
                planned_minutes=10 + (j * 7) % 50,
                presenter_org_id=people.orgs[j % 20],
                classification=Classification.CONFIDENTIAL if j % 10 == 9 else Classification.NORMAL,
            )
            for k in range(AGENDA_DOCUMENTS):
                doc = D.add_document(
                    s,
                    officer,
                    item.id,
                    f"{DOCUMENT_TITLES[k]} nội dung {j + 1}",
                    sha,
                    f"nd-{j + 1}-tl-{k + 1}.pdf",
                    len(blob),
                    1 + (j * 13 + k * 29) % 180,
                    kind=list(DocumentKind)[k],
                )
                if k == 0 and j % 5 == 0:  # some documents are on a second version
                    D.replace_document(
                        s,
                        officer,
                        doc.id,
                        doc.version,
                        sha,
                        f"nd-{j + 1}-tl-1-v2.pdf",
                        len(blob),
                        doc.page_count + 3,
                        "Cập nhật theo ý kiến thẩm định",
                    )
        S.publish_session(s, officer, session.id)
    _checkpoint(database)
    database.close()
    manifest = {
        "data_version": AGENDA_VERSION,
        "officer_id": str(people.officer_id),
        "session_id": str(session.id),
        "built_seconds": round(time.perf_counter() - started, 1),
    }
    _finish(scratch, target, manifest, ctx)


def _check_agenda(ours: Any, raw: dict[str, list[tuple[Any, ...]]]) -> None:
    """Both sides read the same rows: counts, ids in order, current versions, invitations."""
    (summary,) = raw["summary"]
    assert (ours.summary.item_count, ours.summary.document_count) == (summary[9], summary[10])
    assert ours.summary.item_count == len(ours.items) == len(raw["items"]) == AGENDA_ITEMS
    assert [i.id for i in ours.items] == [uuid.UUID(r[0]) for r in raw["items"]], "items (in order)"
    mine = [(d.id, d.item_id, d.version_id, d.version_number) for i in ours.items for d in i.documents]
    theirs = [(uuid.UUID(r[0]), uuid.UUID(r[1]), uuid.UUID(r[5]), r[6]) for r in raw["documents"]]
    assert len(mine) == len(theirs) == ours.summary.document_count == AGENDA_ITEMS * AGENDA_DOCUMENTS
    assert mine == theirs, "documents or their current versions differ"
    assert any(n == 2 for *_ids, n in mine), "some documents should be on their second version"
    assert [m for m, _n, _r in ours.invited] == [uuid.UUID(r[0]) for r in raw["invited"]], "invitations"
    assert len(ours.invited) == 25


@benchmark("agenda", "get_session: one session of 60 items x 5 documents vs raw sqlite3")
def agenda_benchmark(ctx: Context) -> list[Measurement]:
    from ecabinet.agenda import sessions as S
    from ecabinet.db import Database

    fx = _agenda_fixture(ctx)
    db_path = fx.home / "ecabinet.db"
    database = Database(f"sqlite:///{db_path}", fx.home)
    conn = sqlite3.connect(db_path, isolation_level=None)  # as bench_sessions: BEGIN … ROLLBACK per read
    conn.execute("PRAGMA busy_timeout=15000")
    try:
        actor = _actor(database, fx.officer_id)
        assert actor.is_secretariat  # sees every document, as the raw queries read them

        def ours() -> S.SessionDetail:
            with database.read() as s:
                return S.get_session(s, actor, fx.session_id)

        def reference() -> dict[str, list[tuple[Any, ...]]]:
            return raw_detail(conn, fx.session_id)

        _check_agenda(ours(), reference())
        name = f"get_session_{AGENDA_ITEMS}x{AGENDA_DOCUMENTS}"
        return [ctx.compare(name, ours, "sqlite3 agenda queries", reference, AGENDA_BOUND)]
    finally:
        conn.close()
        database.close()


# --- (c) search over 20,000 indexed pages, against a 50 ms budget -------------------------------------------

_PROVINCES = (
    "Hà Nội", "Hải Phòng", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Thừa Thiên Huế",
    "Đà Nẵng", "Quảng Nam", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Bình Dương", "Đồng Nai", "Long An",
    "Cần Thơ", "An Giang", "Kiên Giang", "Cà Mau", "Lào Cai", "Điện Biên", "Sơn La", "Hà Giang",
    "Bắc Ninh", "Thái Nguyên", "Nam Định", "Ninh Bình", "Bình Định", "Gia Lai",
)  # fmt: skip
_MINISTRIES = (
    "Bộ Tài chính", "Bộ Kế hoạch và Đầu tư", "Bộ Tư pháp", "Bộ Công Thương", "Bộ Giao thông vận tải",
    "Bộ Xây dựng", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Tài nguyên và Môi trường",
    "Bộ Thông tin và Truyền thông", "Bộ Y tế", "Bộ Giáo dục và Đào tạo", "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Nội vụ", "Bộ Khoa học và Công nghệ", "Ngân hàng Nhà nước Việt Nam",
)  # fmt: skip
_LAWS = (
    "Đầu tư công", "Đất đai", "Ngân sách nhà nước", "Đấu thầu", "Quy hoạch", "Xây dựng", "Nhà ở",
    "Kinh doanh bất động sản", "Bảo vệ môi trường", "Giao dịch điện tử", "Thuế thu nhập doanh nghiệp",
    "Quản lý thuế", "Doanh nghiệp", "Tổ chức chính quyền địa phương",
)  # fmt: skip
_SENTENCES = (
    "Giải ngân vốn đầu tư công đến hết tháng {month} ước đạt {pct}% kế hoạch Thủ tướng Chính phủ giao.",
    "Thu ngân sách nhà nước ước đạt {pct}% dự toán năm; chi ngân sách bảo đảm các nhiệm vụ chi thường xuyên.",
    "{org} đã chủ trì, phối hợp với các bộ, ngành hoàn thiện dự thảo Nghị định theo ý kiến thẩm định của Bộ Tư pháp.",
    "Ủy ban nhân dân tỉnh {province} đề nghị bổ sung {n} tỷ đồng để hoàn thành công tác giải phóng mặt bằng.",
    "Việc phân cấp, phân quyền phải gắn với phân bổ nguồn lực, nâng cao năng lực thực thi và tăng cường kiểm tra.",
    "Đẩy mạnh chuyển đổi số quốc gia, phát triển chính phủ số, kinh tế số và xã hội số tại {province}.",
    "Chủ động ứng phó với biến đổi khí hậu, phòng, chống thiên tai tại các tỉnh {province} và {province2}.",
    "Chỉ số giá tiêu dùng bình quân tăng {pct}% so với cùng kỳ năm {year}; lạm phát được kiểm soát.",
    "Kim ngạch xuất khẩu hàng hóa ước đạt {n} tỷ USD, trong đó xuất khẩu gạo tăng {pct}% so với cùng kỳ.",
    "Dự án đường bộ cao tốc đoạn qua tỉnh {province} đã hoàn thành {pct}% khối lượng xây lắp.",
    "Công tác an sinh xã hội được quan tâm; đã hỗ trợ {n} nghìn hộ nghèo, hộ cận nghèo tại {province}.",
    "Theo khoản {k} Điều {article} Luật {law}, cơ quan chủ trì phải lấy ý kiến các đối tượng chịu tác động.",
    "Đề nghị {org} khẩn trương rà soát, sửa đổi Thông tư số {n}/{year}/TT trước ngày {day}/{month}/{year2}.",
    "Dự thảo đã được đăng tải trên Cổng Thông tin điện tử Chính phủ trong thời gian {n} ngày để lấy ý kiến.",
    "Qua tổng kết {n} năm thi hành Luật {law}, một số quy định còn chồng chéo, chưa phù hợp với thực tiễn.",
    "{org} tiếp thu tối đa các ý kiến góp ý và giải trình cụ thể đối với những ý kiến chưa tiếp thu.",
    "Tổng mức đầu tư của dự án là {n} tỷ đồng từ nguồn vốn ngân sách trung ương giai đoạn {year}-{year2}.",
    "Người đứng đầu các bộ, ngành, địa phương chịu trách nhiệm trước Chính phủ về kết quả thực hiện.",
    "Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện và tổng hợp kết quả báo cáo Thủ tướng Chính phủ.",
    "Tăng cường công tác thông tin, truyền thông chính sách để tạo đồng thuận xã hội trong quá trình triển khai.",
    "Tỉnh {province} đã cấp {n} giấy chứng nhận quyền sử dụng đất, đạt {pct}% kế hoạch năm {year}.",
    "Bảo đảm vững chắc an ninh lương thực quốc gia; sản lượng lúa cả năm ước đạt {n} triệu tấn.",
    "Nghị quyết số {n}/NQ-CP ngày {day}/{month}/{year} của Chính phủ về các nhiệm vụ, giải pháp chủ yếu.",
    "Cắt giảm, đơn giản hóa {n} thủ tục hành chính liên quan đến hoạt động kinh doanh của doanh nghiệp.",
    "Tín dụng toàn nền kinh tế tăng {pct}% so với cuối năm {year}; mặt bằng lãi suất cho vay tiếp tục giảm.",
    "Phát triển năng lượng tái tạo, điện gió ngoài khơi và lưới điện truyền tải tại {province}.",
    "Số doanh nghiệp thành lập mới đạt {n} nghìn doanh nghiệp, tăng {pct}% so với cùng kỳ năm trước.",
    "Ý kiến thẩm tra của Ủy ban Kinh tế cơ bản thống nhất với sự cần thiết ban hành Luật {law} (sửa đổi).",
)


def _page_text(rng: random.Random, number: int, total: int) -> str:
    """About 2,400 characters of administrative Vietnamese (a page's worth), in lines of about 90."""
    words: list[str] = []
    length = 0
    while length < 2400:
        sentence = rng.choice(_SENTENCES).format(
            org=rng.choice(_MINISTRIES),
            province=rng.choice(_PROVINCES),
            province2=rng.choice(_PROVINCES),
            law=rng.choice(_LAWS),
            pct=f"{rng.randint(1, 99)},{rng.randint(0, 9)}",
            n=rng.randint(2, 999),
            k=rng.randint(1, 9),
            article=rng.randint(1, 120),
            day=rng.randint(1, 28),
            month=rng.randint(1, 12),
            year=rng.randint(2015, 2026),
            year2=rng.randint(2026, 2030),
        )
        words.extend(sentence.split())
        length += len(sentence) + 1
    lines: list[str] = []
    line: list[str] = []
    width = 0
    for word in words:
        if width + len(word) > 90 and line:
            lines.append(" ".join(line))
            line, width = [], 0
        line.append(word)
        width += len(word) + 1
    lines.append(" ".join(line))
    return "\n".join([*lines, f"{number}/{total}"])


@dataclass(frozen=True)
class _SearchFixture:
    home: Path
    officer_id: uuid.UUID
    minister_id: uuid.UUID


def _search_fixture(ctx: Context) -> _SearchFixture:
    shape = f"{SEARCH_SESSIONS}x{SEARCH_ITEMS}x{SEARCH_DOCUMENTS}x{SEARCH_PAGES}"
    target = _cache_dir(ctx, "search", f"{SEARCH_VERSION}:{shape}")
    if not (target / "manifest.json").exists():
        _build_search(target, ctx)
    manifest = json.loads((target / "manifest.json").read_text())
    return _SearchFixture(
        target / "home", uuid.UUID(manifest["officer_id"]), uuid.UUID(manifest["minister_id"])
    )


def _build_search(target: Path, ctx: Context) -> None:
    from ecabinet.agenda import documents as D
    from ecabinet.agenda import items as I
    from ecabinet.agenda import sessions as S
    from ecabinet.db import Database
    from ecabinet.model import Classification, DocumentKind, SessionKind
    from ecabinet.search import index_text

    scratch = _scratch(target)
    started = time.perf_counter()
    total = SEARCH_SESSIONS * SEARCH_ITEMS * SEARCH_DOCUMENTS * SEARCH_PAGES
    ctx.progress(f"building {SEARCH_SESSIONS} sessions with {total:,} pages of dossiers and indexing them")
    database = Database(f"sqlite:///{scratch / 'home' / 'ecabinet.db'}", scratch / "home")
    people = _people(database)
    officer = _actor(database, people.officer_id)
    blob = b"%PDF-1.4\n% e-Cabinet benchmark placeholder\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
    sha = database.blobs.put(blob)
    rng = random.Random(20_000)
    first = datetime(2025, 1, 10, 1, 0, tzinfo=UTC)
    for i in range(SEARCH_SESSIONS):
        versions: list[uuid.UUID] = []
        with database.write(officer) as s:
            session = S.create_session(
                s,
                officer,
                f"Phiên họp Chính phủ số {i + 1}",
                SessionKind.REGULAR,
                first + timedelta(days=30 * i),
            )
            for j in range(SEARCH_ITEMS):
                confidential = (i * SEARCH_ITEMS + j) % 10 == 9
                item = I.add_item(
                    s,
                    officer,
                    session.id,
                    f"{ITEM_TOPICS[(i + j) % len(ITEM_TOPICS)]} (phiên {i + 1}, nội dung {j + 1})",
                    classification=Classification.CONFIDENTIAL if confidential else Classification.NORMAL,
                )
                for k in range(SEARCH_DOCUMENTS):
                    doc = D.add_document(
                        s,
                        officer,
                        item.id,
                        f"{DOCUMENT_TITLES[k]} về {rng.choice(_LAWS).lower()} — {rng.choice(_PROVINCES)}",
                        sha,
                        f"p{i + 1}-nd{j + 1}-tl{k + 1}.pdf",
                        len(blob),
                        SEARCH_PAGES,
                        kind=list(DocumentKind)[k],
                    )
                    if confidential and k == 0:  # the minister is a named recipient of some of them
                        D.set_distribution(s, officer, doc.id, [people.minister_id])
                    assert doc.version_id is not None
                    versions.append(doc.version_id)
            S.publish_session(s, officer, session.id)
        with database.write(None) as s:
            for version_id in versions:
                pages = [(n, _page_text(rng, n, SEARCH_PAGES)) for n in range(1, SEARCH_PAGES + 1)]
                index_text(s, version_id, pages)
        elapsed = time.perf_counter() - started
        ctx.progress(f"{i + 1}/{SEARCH_SESSIONS} sessions, {elapsed:.0f} s")
    _checkpoint(database)
    database.close()
    manifest = {
        "data_version": SEARCH_VERSION,
        "officer_id": str(people.officer_id),
        "minister_id": str(people.minister_id),
        "pages": total,
        "built_seconds": round(time.perf_counter() - started, 1),
    }
    _finish(scratch, target, manifest, ctx)


# Typical queries: with and without diacritics, one to three words, a phrase, a name, a word being typed.
QUERIES = (
    "đầu tư công",
    "dau tu cong",
    "ngân sách",
    "ngan sach nha nuoc",
    "Nghị định",
    "thẩm định",
    "giải phóng mặt bằng",
    '"chuyển đổi số"',
    '"phân cấp, phân quyền"',
    "biến đổi khí hậu",
    "bien doi khi hau",
    "Quảng Ninh",
    "dien bien",
    "xuất khẩu gạo",
    "lạm phát",
    "gạo",
    "thuế",
    "an sinh xã hộ",  # as typed: the last word is a prefix
)


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@benchmark("search", "search over 20,000 indexed pages, typical queries, against a 50 ms budget")
def search_benchmark(ctx: Context) -> list[Measurement]:
    from sqlalchemy import func, select

    from ecabinet.db import Database
    from ecabinet.model import SearchPage
    from ecabinet.search import search

    fx = _search_fixture(ctx)
    database = Database(f"sqlite:///{fx.home / 'ecabinet.db'}", fx.home)
    try:
        with database.read() as s:
            pages = s.execute(select(func.count()).where(SearchPage.page > 0)).scalar_one()
        assert pages == SEARCH_SESSIONS * SEARCH_ITEMS * SEARCH_DOCUMENTS * SEARCH_PAGES, pages
        results: list[Measurement] = []
        for who, member_id in (("secretariat", fx.officer_id), ("minister", fx.minister_id)):
            actor = _actor(database, member_id)

            def query(text: str, actor: Actor = actor) -> Callable[[], object]:
                def run() -> object:
                    with database.read() as s:
                        return search(s, actor, text)

                return run

            calls = [query(q) for q in QUERIES]
            for q, call in zip(QUERIES, calls, strict=True):  # every query finds something
                assert call(), f"no hit for {q!r}"
            times = ctx.calls(calls)
            slowest = max(zip((statistics.median(t) for t in times), QUERIES, strict=True))
            ctx.progress(f"{who}: slowest query {slowest[1]!r}, median {slowest[0] * 1000:.1f} ms")
            every = [t for per_query in times for t in per_query]
            results.append(ctx.budget(f"median ({who})", statistics.median(every), SEARCH_BUDGET))
            p90 = _percentile(every, 0.9)
            results.append(
                Measurement(f"p90 ({who})", p90, f"budget {SEARCH_BUDGET * 1000:g} ms", SEARCH_BUDGET, None)
            )
        return results
    finally:
        database.close()
