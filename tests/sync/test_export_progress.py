"""Exporting: the plan says what the package will carry; the package reports its progress, can be cancelled
without a trace, refuses a damaged file of the store, and its zip is the one zipfile would write."""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ecabinet.cli import main
from ecabinet.errors import DomainError
from ecabinet.security import crypto
from ecabinet.sync import container
from ecabinet.sync.errors import PackageRefused
from ecabinet.sync.exporter import ExportCancelled, ExportPlan, ExportResult, plan_export
from tests.sync.conftest import World, dump, manifest_of, read_entries, resign


def _plan(world: World, name: str, **kw: Any) -> ExportPlan:
    laptop = world.laptops[name]
    return plan_export(world.sec, world.sec_keys, world.cast.officer, laptop.db.installation_id, **kw)


def _export(world: World, name: str, out: Path, **kw: Any) -> ExportResult:
    from ecabinet.sync.exporter import export_package

    laptop = world.laptops[name]
    return export_package(world.sec, world.sec_keys, world.cast.officer, laptop.db.installation_id, out, **kw)


def _closed_bytes(world: World) -> bytes:
    """The secretariat's SQLite file once closed (everything checkpointed into it); reopened afterwards."""
    world.sec.close()
    data = (world.sec.home / "ecabinet.db").read_bytes()
    assert not (world.sec.home / "ecabinet.db-wal").exists()
    world.sec = world.sec.__class__(world.sec.url, world.sec.home)
    return data


@pytest.mark.parametrize("name", ["pm", "minister"])
def test_the_plan_counts_what_the_export_then_writes(world: World, name: str) -> None:
    before = dump(world.sec, with_audit=True)
    plan = _plan(world, name)
    assert dump(world.sec, with_audit=True) == before, "planning changes nothing"
    out = world.root / f"to-{name}.ecab"
    result = _export(world, name, out)
    assert plan.sequence == result.sequence == 1 and plan.ack == result.ack == 0
    assert (plan.upserts, plan.deletes, plan.files) == (result.upserts, result.deletes, result.files)
    assert plan.watermarked == result.watermarked == (1 if name == "minister" else 0)
    assert tuple((t.table, t.upserts + t.deletes) for t in plan.tables) == result.tables
    assert plan.count("documents") == dict(result.tables)["documents"]
    entries = container.parse_manifest(read_entries(out)[container.MANIFEST]).entries
    files = [e for e in entries if e.kind == "file"]
    assert len(files) == plan.files
    if name == "pm":  # nothing stamped: the sizes are the files'
        assert plan.file_bytes == sum(e.plain_size for e in files)
        assert abs(plan.estimated_size - result.size) <= 64, (plan.estimated_size, result.size)
    else:  # a stamped copy is counted at its original's size: close, not exact
        assert abs(plan.estimated_size - result.size) <= result.size // 20
    # The next plan sees the package sent: the same rows again until the laptop confirms them.
    again = _plan(world, name)
    assert again.sequence == 2 and again.upserts == plan.upserts


def test_a_plan_needs_no_passphrase_and_withdrawals_are_counted(world: World) -> None:
    world.import_on_laptop("minister", world.to_laptop("minister"))
    world.import_on_sec(world.from_laptop("minister"))  # the laptop confirms what it holds
    assert _plan(world, "minister").upserts == 0
    from ecabinet.agenda import documents as D

    with world.sec.write(world.cast.officer) as s:
        D.set_distribution(s, world.cast.officer, world.secret_doc, [world.cast.pm.member_id])
    plan = plan_export(
        world.sec, world.sec_keys.profile, world.cast.officer, world.laptops["minister"].db.installation_id
    )
    withdrawn = {t.table: t.deletes for t in plan.tables if t.deletes}
    assert withdrawn.get("documents") == 1 and withdrawn.get("document_versions") == 1
    result = _export(world, "minister", world.root / "withdraw.ecab")
    assert result.deletes == plan.deletes and result.upserts == plan.upserts


def test_progress_follows_the_bytes_and_reaches_the_total(world: World) -> None:
    calls: list[tuple[int, int]] = []
    result = _export(world, "minister", world.root / "p.ecab", progress=lambda d, t: calls.append((d, t)))
    totals = {t for _d, t in calls}
    assert len(totals) == 1
    total = totals.pop()
    done = [d for d, _t in calls]
    assert done == sorted(done) and done[-1] == total and len(calls) >= 3  # records, two files, the end
    # The total is the entries' bytes: all of the package but its zip headers and manifest.
    entries = container.parse_manifest(read_entries(result.path)[container.MANIFEST]).entries
    assert total == sum(e.size for e in entries) < result.size


def test_cancelling_leaves_no_file_and_changes_nothing(world: World) -> None:
    folder = world.root / "out"
    folder.mkdir()
    out = folder / "to-minister.ecab"
    before_dump = dump(world.sec, with_audit=True)
    before_bytes = _closed_bytes(world)
    calls: list[int] = []
    with pytest.raises(ExportCancelled) as stopped:
        _export(world, "minister", out, progress=lambda d, t: calls.append(d), cancelled=lambda: bool(calls))
    assert len(calls) == 1, "it stops at the next entry after the first report"
    assert stopped.value.code == "sync_export_cancelled" and isinstance(stopped.value, DomainError)
    assert "nothing was changed" in stopped.value.message("en")
    assert "không có gì thay đổi" in stopped.value.message("vi")
    assert list(folder.iterdir()) == [], "no package, no temporary file"
    assert _closed_bytes(world) == before_bytes
    assert dump(world.sec, with_audit=True) == before_dump
    assert _export(world, "minister", out).sequence == 1, "the number was not used"


def test_cancelling_before_the_stamping_is_done_stops_too(world: World) -> None:
    folder = world.root / "out"
    folder.mkdir()
    with pytest.raises(ExportCancelled):
        _export(world, "minister", folder / "x.ecab", cancelled=lambda: True)
    assert list(folder.iterdir()) == []


def _store_file(world: World) -> Path:
    with world.sec.read() as s:
        from ecabinet.model import DocumentVersion

        sha = s.query(DocumentVersion.sha256).first()[0]  # type: ignore[index]
    return world.sec.blobs.path(sha)


def test_a_damaged_file_of_the_store_stops_the_export(world: World) -> None:
    """Not a package every recipient would refuse: the export says which file is damaged."""
    path = _store_file(world)
    path.chmod(0o600)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    before = dump(world.sec, with_audit=True)
    folder = world.root / "out"
    folder.mkdir()
    with pytest.raises(DomainError) as refused:
        _export(world, "pm", folder / "to-pm.ecab")
    assert refused.value.code == "blob_corrupt"
    assert list(folder.iterdir()) == [] and dump(world.sec, with_audit=True) == before
    path.unlink()
    with pytest.raises(DomainError) as missing:
        _export(world, "pm", folder / "to-pm.ecab")
    assert missing.value.code == "blob_missing"
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("encrypt", [True, False])
def test_the_zip_is_the_one_zipfile_writes(world: World, encrypt: bool) -> None:
    out = world.root / "p.ecab"
    result = _export(world, "pm", out, encrypt=encrypt)
    data = out.read_bytes()
    assert result.size == len(data) and result.sha256 == hashlib.sha256(data).hexdigest()
    parts = read_entries(out)
    manifest = json.loads(parts.pop(container.MANIFEST))
    parts.pop(container.SIGNATURE)
    again = world.root / "again.ecab"
    with again.open("wb") as f:
        container.assemble(f, manifest, parts.items(), world.sec_keys)  # zipfile's writer
    assert again.read_bytes() == data
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
    assert world.import_on_laptop("pm", out).inserted > 0


def test_a_zip64_package_reads_back(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Packages past 2 GiB or 65,535 entries need the ZIP64 records: the same code path, with the limits
    lowered so that a small package takes it."""
    monkeypatch.setattr(container, "_ZIP64_LIMIT", 100)
    monkeypatch.setattr(container, "_COUNT_LIMIT", 2)
    out = world.root / "wide.ecab"
    result = _export(world, "minister", out)
    data = out.read_bytes()
    assert b"PK\x06\x06" in data and b"PK\x06\x07" in data
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None and len(zf.infolist()) == result.files + 3
        assert max(i.header_offset for i in zf.infolist()) > 100
    assert world.import_on_laptop("minister", out).inserted > 0


def test_the_cli_dry_run_prints_the_plan_and_writes_nothing(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    before = dump(world.sec, with_audit=True)
    member = str(world.cast.minister.member_id)
    home = str(world.sec.home)
    assert main(["--home", home, "export", "--to", member, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "dry run: nothing was written" in out and "(1 watermarked)" in out and "documents: 2 sent" in out
    assert main(["--home", home, "--json", "export", "--to", member, "--dry-run"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["watermarked"] == 1 and plan["files"] == 2 and plan["sequence"] == 1
    assert plan["estimated_size"] > plan["file_bytes"] > 0
    assert uuid.UUID(plan["recipient_installation_id"]) == world.laptops["minister"].db.installation_id
    assert main(["--home", home, "export", "--to", member]) == 2, "--out is needed to write"
    assert "--out" in capsys.readouterr().err
    assert dump(world.sec, with_audit=True) == before


def test_packages_are_written_with_aes_gcm_and_chacha_ones_still_import(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    aes = world.to_laptop("pm")
    assert manifest_of(aes)["encryption"]["alg"] == crypto.AES_GCM_CIPHER
    # A package as the first version of the app wrote it: ChaCha20-Poly1305.
    original = container.write_package
    monkeypatch.setattr(
        container,
        "write_package",
        lambda *a, **k: original(*a, **k, cipher=crypto.CHACHA_CIPHER),
    )
    chacha = world.to_laptop("minister")
    monkeypatch.undo()
    assert manifest_of(chacha)["encryption"]["alg"] == crypto.CHACHA_CIPHER
    # The cipher is the one the signed manifest names: the same bytes under the other name do not open.
    renamed = resign(
        chacha,
        world.root / "renamed.ecab",
        world.sec_keys,
        manifest=lambda m: m["encryption"].update(alg=crypto.AES_GCM_CIPHER),
    )
    with pytest.raises(PackageRefused) as refused:
        world.import_on_laptop("minister", renamed)
    assert refused.value.code == "sync_decrypt_failed"
    unknown = resign(
        chacha,
        world.root / "unknown.ecab",
        world.sec_keys,
        manifest=lambda m: m["encryption"].update(alg="X25519-HKDF-SHA256-ROT13"),
    )
    with pytest.raises(PackageRefused) as refused:
        world.import_on_laptop("minister", unknown)
    assert refused.value.code == "sync_manifest_invalid"
    applied = world.import_on_laptop("minister", chacha)
    assert applied.inserted > 0 and applied.files == 2
    assert world.import_on_laptop("pm", aes).inserted > 0


def test_a_disk_error_while_writing_leaves_no_file_and_changes_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writing thread's failure reaches the export, whichever entry it hits."""
    calls = {"n": 0}
    original = container._ZipStream._write

    def full(self: Any, head: bytes, data: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        original(self, head, data)

    monkeypatch.setattr(container._ZipStream, "_write", full)
    folder = world.root / "out"
    folder.mkdir()
    before = dump(world.sec, with_audit=True)
    with pytest.raises(DomainError) as failed:
        _export(world, "minister", folder / "to-minister.ecab")
    assert failed.value.code == "disk_write_failed" and "No space left" in failed.value.message("en")
    assert calls["n"] >= 2 and list(folder.iterdir()) == []
    assert dump(world.sec, with_audit=True) == before
