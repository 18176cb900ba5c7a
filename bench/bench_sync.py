"""Sync by export files: a 1 GB package to a member vs `tar -cf` of the same files; importing 1,000 answers.

Issue #6 item 11. Two benchmarks, each on data built through the real services (audit log included) and
cached under bench/out/ keyed by the data version and the migrations (`--fresh` rebuilds it):

- `sync_export`: a secretariat whose published session holds ~1 GB of PDF files (200 MB with `--quick`):
  one generated ~8 MB dossier (40 text pages from the demo's `render_dossier` and 3 "scanned" pages of
  incompressible 150 dpi grey noise), made into distinct files by appending a unique PDF comment after
  `%%EOF` (so every file is its own blob). One member (with a vote, so invited) has a laptop profile; keys
  are exchanged and trusted both ways. Ours: `export_package` to that member, encrypted (as in real use),
  which scopes, builds the records, checks every file against its hash, encrypts it (AES-256-GCM), hashes
  and zips it, fsyncs and records the export (the hashing and writing on worker threads).
  Reference: `tar -cf` of the same blob files (from the file store) into a file in the same folder. Bound:
  ours ≤ 2 × tar (= at least half tar's throughput). An INFO row compares against `tar -cf` + fsync, since
  our export fsyncs its file and tar does not.
- `sync_import`: a member laptop that answered 1,000 questions (20 ballots × 50 questions, the most a ballot
  may have) through `answer_ballot`; its return package is exported once. Each repetition copies the
  secretariat's home (database, installation id, key store) to a fresh folder outside the timing, then
  times `import_package` — a real apply of 1,000 `OpinionAnswer` rows, not "already applied". Median
  against a 1 s budget; p90 reported.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import statistics
import subprocess
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from bench.harness import Context, Measurement, benchmark, require_command

DATA_VERSION = "sync-v2"
EXPORT_MB_FULL = 1024
EXPORT_MB_QUICK = 200
DOCS_PER_ITEM = 4
N_BALLOTS = 20
QUESTIONS_PER_BALLOT = 50  # ecabinet.voting.ballots.MAX_QUESTIONS
EXPORT_BOUND = 2.0
IMPORT_BUDGET = 1.0  # seconds
FAR_FUTURE = datetime(2036, 6, 1, 2, 0, tzinfo=UTC)  # the cached ballots stay open, the session unstarted
SESSION_TITLE = "Phiên họp Chính phủ thường kỳ tháng 11 năm 2026"
PASSPHRASES = {"sec": "secretariat bench passphrase", "member": "member laptop bench passphrase"}


@dataclass(frozen=True)
class World:
    """A cached secretariat home and one member's laptop home, keys trusted both ways."""

    root: Path
    officer_id: uuid.UUID
    member_id: uuid.UUID
    manifest: dict[str, object]

    @property
    def sec(self) -> Path:
        return self.root / "sec"

    @property
    def laptop(self) -> Path:
        return self.root / "laptop"


def _cache_key(extra: str) -> str:
    from ecabinet.db import MIGRATIONS

    digest = hashlib.sha256(f"{DATA_VERSION}:{extra}".encode())
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def _cached(ctx: Context, prefix: str, extra: str, build) -> World:  # type: ignore[no-untyped-def]
    target = ctx.out_dir / f"{prefix}-{_cache_key(extra)}"
    if ctx.fresh and target.exists():
        shutil.rmtree(target)
    if not (target / "manifest.json").exists():
        for stale in ctx.out_dir.glob(f"{prefix}-*"):
            if ".tmp" not in stale.name:
                shutil.rmtree(stale, ignore_errors=True)
        scratch = target.with_name(f"{target.name}.tmp{os.getpid()}")
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir(parents=True)
        started = time.perf_counter()
        manifest = build(scratch, ctx)
        manifest["built_seconds"] = round(time.perf_counter() - started, 1)
        (scratch / "manifest.json").write_text(json.dumps(manifest, indent=2))
        os.replace(scratch, target)
        ctx.progress(f"built in {manifest['built_seconds']} s, cached in {target}")
    manifest = json.loads((target / "manifest.json").read_text())
    return World(target, uuid.UUID(manifest["officer_id"]), uuid.UUID(manifest["member_id"]), manifest)


# --- the common setup: a secretariat, a member, keys exchanged and trusted --------------------------------


def _open(home: Path):  # type: ignore[no-untyped-def]
    from ecabinet.db import Database

    home.mkdir(parents=True, exist_ok=True)
    return Database(f"sqlite:///{home / 'ecabinet.db'}", home)


def _secretariat(root: Path):  # type: ignore[no-untyped-def]
    """The secretariat's database with its directory; (database, leader, officer, member id)."""
    from ecabinet.model import OrgKind, Role
    from ecabinet.services import members as M
    from ecabinet.services.actor import load_actor

    sec = _open(root / "sec")
    with sec.write(None) as s:
        leader_id = M.bootstrap_secretariat(s, "Lê Thị Lãnh Đạo", "Vụ trưởng Vụ Tổng hợp").id
    with sec.read() as s:
        leader = load_actor(s, leader_id)
    with sec.write(leader) as s:
        org = M.add_organisation(s, leader, "BTC", "Bộ Tài chính", "Tài chính", OrgKind.MINISTRY).id
        officer_id = M.add_member(s, leader, "Trần Văn Chuyên", "Chuyên viên", Role.SECRETARIAT).id
        M.add_member(s, leader, "Phạm Minh Thủ", "Thủ tướng Chính phủ", Role.MEMBER, None, True, True)
        member_id = M.add_member(s, leader, "Hồ Đức Tài", "Bộ trưởng Bộ Tài chính", Role.MEMBER, org, True).id
    with sec.read() as s:
        officer = load_actor(s, officer_id)
    return sec, leader, officer, member_id


def _keys(root: Path, sec, officer, member_id: uuid.UUID):  # type: ignore[no-untyped-def]
    """Profiles on both sides (the app's scrypt cost), key files exchanged, fingerprints trusted both ways."""
    from ecabinet.model.sync import ProfileRole
    from ecabinet.security import keystore
    from ecabinet.sync import keys as K

    with sec.write(officer) as s:
        K.init_profile(
            s, officer, sec.home, sec.installation_id, ProfileRole.SECRETARIAT, None, PASSPHRASES["sec"]
        )
    sec_keys = keystore.unlock(sec.home, PASSPHRASES["sec"])
    laptop = _open(root / "laptop")
    with laptop.write(None) as s:
        K.init_profile(
            s, None, laptop.home, laptop.installation_id, ProfileRole.MEMBER, member_id, PASSPHRASES["member"]
        )
    laptop_keys = keystore.unlock(laptop.home, PASSPHRASES["member"])
    with sec.write(officer) as s:
        info = K.import_key(s, officer, sec_keys.profile, laptop_keys.current.document)
        K.trust_key(s, officer, sec_keys.profile, info.fingerprint)
    with laptop.write(None) as s:
        info = K.import_key(s, None, laptop_keys.profile, sec_keys.current.document)
        K.trust_key(s, None, laptop_keys.profile, info.fingerprint)
    return sec_keys, laptop, laptop_keys


def _checkpoint_close(*databases) -> None:  # type: ignore[no-untyped-def]
    for database in databases:
        with database.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()


# --- export: ~1 GB of dossier files ------------------------------------------------------------------------


def _scanned_pages(n_pages: int, seed: int) -> bytes:
    """`n_pages` A4 pages each holding a 150 dpi grey "scan" of noise (incompressible, like real scans)."""
    import random

    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    rng = random.Random(seed)
    buffer = BytesIO()
    c = Canvas(buffer, pagesize=A4, invariant=True)
    for _ in range(n_pages):
        image = Image.frombytes("L", (1240, 1754), rng.randbytes(1240 * 1754))
        c.drawImage(ImageReader(image), 0, 0, *A4)
        c.showPage()
    c.save()
    return buffer.getvalue()


def _dossier_body() -> bytes:
    """One realistic ~8 MB dossier: 40 text pages (render_dossier) followed by 3 scanned annex pages."""
    from pypdf import PdfWriter

    from ecabinet.demo.dossiers import render_dossier

    text = render_dossier(
        "submission", "Tờ trình dự án Luật Đầu tư công (sửa đổi)", "BTC", 40, SESSION_TITLE, 7
    )
    writer = PdfWriter()
    writer.append(BytesIO(text))
    writer.append(BytesIO(_scanned_pages(3, 7)))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _build_export(mb: int):  # type: ignore[no-untyped-def]
    def build(scratch: Path, ctx: Context) -> dict[str, object]:
        from ecabinet.agenda import documents as D
        from ecabinet.agenda import items as I
        from ecabinet.agenda import sessions as S
        from ecabinet.model import DocumentKind, SessionKind

        ctx.progress(f"building a secretariat with ~{mb} MB of dossier files and a member laptop")
        body = _dossier_body()
        n_files = max(1, round(mb * 2**20 / len(body)))
        sec, _leader, officer, member_id = _secretariat(scratch)
        blobs: list[str] = []
        with sec.write(officer) as s:
            session = S.create_session(s, officer, SESSION_TITLE, SessionKind.REGULAR, FAR_FUTURE, "Hà Nội")
            item = None
            for n in range(n_files):
                if n % DOCS_PER_ITEM == 0:
                    title = f"Nội dung {n // DOCS_PER_ITEM + 1}: dự án Luật sửa đổi, bổ sung một số điều"
                    item = I.add_item(s, officer, session.id, title)
                # A unique comment after %%EOF: still a valid PDF (readers ignore it), another blob.
                data = body + f"\n% e-Cabinet bench copy {n:05d}\n".encode()
                sha = sec.blobs.put(data)
                blobs.append(sha)
                assert item is not None
                D.add_document(
                    s,
                    officer,
                    item.id,
                    f"Tài liệu {n + 1:03d}",
                    sha,
                    f"tai-lieu-{n + 1:03d}.pdf",
                    len(data),
                    43,
                    kind=DocumentKind.SUBMISSION,
                )
            S.publish_session(s, officer, session.id)
        sec_keys, laptop, _laptop_keys = _keys(scratch, sec, officer, member_id)
        del sec_keys
        _checkpoint_close(sec, laptop)
        return {
            "data_version": DATA_VERSION,
            "officer_id": str(officer.member_id),
            "member_id": str(member_id),
            "laptop_installation_id": (scratch / "laptop" / "installation.id").read_text().strip(),
            "blobs": blobs,
            "body_bytes": len(body),
        }

    return build


def _run_copy(world: World, run: Path, link_files: bool) -> Path:
    """A private copy of the secretariat's home under `run` (the file store linked, not copied)."""
    shutil.rmtree(run, ignore_errors=True)
    home = run / "sec"
    home.mkdir(parents=True)
    for name in ("ecabinet.db", "installation.id"):
        shutil.copy2(world.sec / name, home / name)
    shutil.copytree(world.sec / "keys", home / "keys")
    if (world.sec / "files").exists():
        if link_files:
            (home / "files").symlink_to(world.sec / "files", target_is_directory=True)
        else:
            shutil.copytree(world.sec / "files", home / "files")
    return home


def _cpu_seconds(children: bool = False) -> float:
    """CPU seconds (user + system) used so far by this process, or by its finished children."""
    import resource  # Unix only, like tar

    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@benchmark(
    "sync_export", "export ~1 GB of dossier files to a member (encrypted) vs tar -cf of the same files"
)
def sync_export(ctx: Context) -> list[Measurement]:
    from ecabinet.db import Database
    from ecabinet.security import keystore
    from ecabinet.services.actor import load_actor
    from ecabinet.sync import export_package

    tar = require_command("tar", "apt-get install tar")
    mb = EXPORT_MB_QUICK if ctx.quick else EXPORT_MB_FULL
    world = _cached(ctx, f"sync-export{mb}", str(mb), _build_export(mb))
    run = ctx.out_dir / f"sync-export-run{os.getpid()}"
    try:
        home = _run_copy(world, run, link_files=True)
        sec = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
        sec_keys = keystore.unlock(home, PASSPHRASES["sec"])
        with sec.read() as s:
            officer = load_actor(s, world.officer_id)
        peer = uuid.UUID(str(world.manifest["laptop_installation_id"]))
        blobs = [str(b) for b in world.manifest["blobs"]]  # type: ignore[attr-defined]
        rel = [f"{b[:2]}/{b[2:]}" for b in blobs]
        store = world.sec / "files"
        out_dir = run / "out"  # both outputs in the same folder
        out_dir.mkdir()
        package = out_dir / "to-member.ecab"
        archive = out_dir / "files.tar"
        list_file = run / "files.list"
        list_file.write_text("\n".join(rel) + "\n")
        total = sum((store / r).stat().st_size for r in rel)

        def ours() -> None:
            export_package(sec, sec_keys, officer, peer, package)

        def reference() -> None:
            subprocess.run([tar, "-cf", str(archive), "-C", str(store), "-T", str(list_file)], check=True)

        def reference_fsync() -> None:
            reference()
            fd = os.open(archive, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

        # Check once: the package carries every file, encrypted, and its progress reaches the end; tar holds
        # the same bytes. The CPU time of each, too: ours hashes, encrypts and writes on two threads, so on a
        # machine busy with other work its time moves towards the ratio of CPU times.
        ctx.progress(f"checking: {len(blobs)} files, {total / 2**20:.0f} MiB")
        reports: list[tuple[int, int]] = []
        cpu = _cpu_seconds()
        result = export_package(
            sec, sec_keys, officer, peer, package, progress=lambda d, t: reports.append((d, t))
        )
        cpu_ours = _cpu_seconds() - cpu
        assert result.encrypted and result.files == len(blobs), (result.files, len(blobs))
        assert result.size >= total, (result.size, total)
        assert reports and reports[-1][0] == reports[-1][1] >= total, reports[-1:]
        cpu = _cpu_seconds(children=True)
        reference()
        cpu_tar = _cpu_seconds(children=True) - cpu
        assert archive.stat().st_size >= total
        ctx.progress(f"CPU time of one run: ours {cpu_ours:.2f} s, tar {cpu_tar:.2f} s")

        saved = ctx.repeat
        ctx.repeat = min(ctx.repeat, 3 if ctx.quick else 7)  # each sample moves a gigabyte or so
        try:
            ctx.progress(f"timing export vs tar, {ctx.repeat} samples each")
            main = ctx.compare(f"export_{mb}MB", ours, "tar -cf", reference, bound=EXPORT_BOUND)
            fsynced = ctx.time(reference_fsync)
        finally:
            ctx.repeat = saved
        sec.close()
        assert main.ours_seconds is not None and main.reference_seconds is not None
        mibs = total / 2**20
        ctx.progress(
            f"throughput: ours {mibs / main.ours_seconds:.0f} MiB/s, tar {mibs / main.reference_seconds:.0f}"
            f" MiB/s, tar+fsync {mibs / fsynced:.0f} MiB/s"
        )
        return [
            main,
            Measurement(f"export_{mb}MB", main.ours_seconds, "tar -cf + fsync", fsynced, None),
        ]
    finally:
        shutil.rmtree(run, ignore_errors=True)


# --- import: a return package with 1,000 answers ------------------------------------------------------------


def _build_import(scratch: Path, ctx: Context) -> dict[str, object]:
    from ecabinet.agenda import items as I
    from ecabinet.agenda import sessions as S
    from ecabinet.model import OpinionChoice, SessionKind
    from ecabinet.services.actor import load_actor
    from ecabinet.sync import export_package, import_package
    from ecabinet.voting import ballots as B

    n = N_BALLOTS * QUESTIONS_PER_BALLOT
    ctx.progress(f"building {N_BALLOTS} ballots x {QUESTIONS_PER_BALLOT} questions, answered on a laptop")
    sec, leader, officer, member_id = _secretariat(scratch)
    ballots: list[tuple[uuid.UUID, list[uuid.UUID]]] = []
    with sec.write(officer) as s:
        session = S.create_session(s, officer, SESSION_TITLE, SessionKind.REGULAR, FAR_FUTURE, "Hà Nội")
        for b in range(N_BALLOTS):
            item = I.add_item(s, officer, session.id, f"Nội dung {b + 1}: dự thảo Nghị định về đầu tư công")
            questions = [
                f"Câu {q + 1}: Đồng ý với phương án {q + 1} của dự thảo số {b + 1}?"
                for q in range(QUESTIONS_PER_BALLOT)
            ]
            detail = B.create_ballot(s, officer, item.id, questions, FAR_FUTURE, recipient_ids=[member_id])
            B.submit_ballot(s, officer, detail.summary.id)
            ballots.append((detail.summary.id, [q.id for q in detail.questions]))
        S.publish_session(s, officer, session.id)
    with sec.write(leader) as s:
        for ballot_id, _questions in ballots:
            B.approve_ballot(s, leader, ballot_id)
            B.send_ballot(s, leader, ballot_id)
    sec_keys, laptop, laptop_keys = _keys(scratch, sec, officer, member_id)
    outgoing = scratch / "to-member.ecab"
    export_package(sec, sec_keys, officer, laptop.installation_id, outgoing)
    import_package(laptop, laptop_keys, outgoing, None)
    outgoing.unlink()
    with laptop.read() as s:
        member = load_actor(s, member_id)
    choices = (OpinionChoice.AGREE, OpinionChoice.DISAGREE, OpinionChoice.AGREE)
    for ballot_id, question_ids in ballots:
        with laptop.write(member) as s:
            for q, question_id in enumerate(question_ids):
                choice = choices[q % len(choices)]
                comment = "" if choice is OpinionChoice.AGREE else "Đề nghị làm rõ nguồn vốn và tiến độ"
                B.answer_ballot(s, member, ballot_id, question_id, choice, comment)
    result = export_package(laptop, laptop_keys, member, sec.installation_id, scratch / "return.ecab")
    assert dict(result.tables).get("opinion_answers") == n, result.tables
    _checkpoint_close(sec, laptop)
    return {
        "data_version": DATA_VERSION,
        "officer_id": str(officer.member_id),
        "member_id": str(member_id),
        "answers": n,
        "records": result.upserts + result.deletes,
    }


@benchmark("sync_import", "import a member's return package with 1,000 answers (fresh apply), 1 s budget")
def sync_import(ctx: Context) -> list[Measurement]:
    from sqlalchemy import func, select

    from ecabinet.audit import verify_chain
    from ecabinet.db import Database
    from ecabinet.model import AuditEvent, OpinionAnswer
    from ecabinet.security import keystore
    from ecabinet.services.actor import load_actor
    from ecabinet.sync import import_package

    world = _cached(ctx, "sync-import", f"{N_BALLOTS}x{QUESTIONS_PER_BALLOT}", _build_import)
    n = int(world.manifest["answers"])  # type: ignore[call-overload]
    package = world.root / "return.ecab"
    run = ctx.out_dir / f"sync-import-run{os.getpid()}"
    keyring = keystore.unlock(world.sec, PASSPHRASES["sec"])  # the same keys in every copy
    times: list[float] = []
    try:
        for r in range(ctx.repeat + 1):  # the first is a warm-up, not counted
            home = _run_copy(world, run / str(r), link_files=False)
            sec = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
            with sec.read() as s:
                officer = load_actor(s, world.officer_id)
                assert s.execute(select(func.count()).select_from(OpinionAnswer)).scalar_one() == 0
            started = time.perf_counter()
            result = import_package(sec, keyring, package, officer)
            elapsed = time.perf_counter() - started
            assert not result.already_applied and result.refused == (), result
            assert dict(result.tables) == {"opinion_answers": n}, result.tables
            with sec.read() as s:
                assert s.execute(select(func.count()).select_from(OpinionAnswer)).scalar_one() == n
                if not r:  # once, outside the timing: every answer is in the audit chain, and it holds
                    inserts = select(func.count()).where(
                        AuditEvent.entity == "opinion_answers", AuditEvent.action == "insert"
                    )
                    assert s.execute(inserts).scalar_one() == n
                    assert verify_chain(s) == []
            sec.close()
            shutil.rmtree(run / str(r))
            if r:
                times.append(elapsed)
    finally:
        shutil.rmtree(run, ignore_errors=True)
    if ctx.profile:
        home = _run_copy(world, run / "profile", link_files=False)
        sec = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
        with sec.read() as s:
            officer = load_actor(s, world.officer_id)
        ctx.print_profile("import_1000_answers", lambda: import_package(sec, keyring, package, officer), 1)
        sec.close()
        shutil.rmtree(run, ignore_errors=True)
    p90 = statistics.quantiles(times, n=10)[-1] if len(times) >= 2 else times[0]
    label = f"budget {IMPORT_BUDGET * 1000:g} ms"
    return [
        ctx.budget(f"import_{n}_answers (median)", statistics.median(times), IMPORT_BUDGET),
        Measurement(f"import_{n}_answers (p90)", p90, label, IMPORT_BUDGET, None),
    ]
