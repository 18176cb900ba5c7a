"""A dry run checks a package and applies it inside the transaction, then rolls back: it reports what the import
would do — the same counts, the same late changes refused — and leaves the database and the file store as
they were, on SQLite (byte for byte) and on PostgreSQL."""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from ecabinet.audit import verify_chain
from ecabinet.db import Database
from ecabinet.model import Document, OpinionAnswer, OpinionChoice, utcnow
from ecabinet.model.sync import SyncNotice, SyncPackage
from ecabinet.sync.apply import Changes
from ecabinet.sync.errors import PackageRefused
from ecabinet.sync.importer import ImportResult
from ecabinet.voting import ballots as B
from tests.conftest import _empty_pg
from tests.sync.conftest import World, audit_events, build_world, dump


def _closed_bytes(world: World, name: str) -> bytes:
    """A laptop's SQLite file once closed (everything checkpointed into it); the database is opened again."""
    laptop = world.laptops[name]
    laptop.db.close()
    data = (laptop.db.home / "ecabinet.db").read_bytes()
    laptop.db = Database(laptop.db.url, laptop.db.home)
    return data


def _store(database: Database) -> list[str]:
    """The files in the store (an empty fan-out folder may stay: another writer may be about to use it)."""
    return sorted(
        str(p.relative_to(database.blobs.root)) for p in database.blobs.root.rglob("*") if p.is_file()
    )


def _as_applied(trial: ImportResult) -> ImportResult:
    assert trial.dry_run
    return dataclasses.replace(trial, dry_run=False)


def test_a_dry_run_of_a_first_package_changes_nothing_then_the_import_does_what_it_said(world: World) -> None:
    package = world.to_laptop("minister")  # the directory, the session, a classified file watermarked
    laptop = world.laptops["minister"]
    files_before = _store(laptop.db)
    bytes_before = _closed_bytes(world, "minister")
    dump_before = dump(laptop.db, with_audit=True)
    now = utcnow()

    trial = world.import_on_laptop("minister", package, now=now, dry_run=True)
    assert trial.dry_run and not trial.already_applied
    assert trial.inserted > 0 and trial.files == 2 and dict(trial.tables)["documents"] == 2
    assert dump(laptop.db, with_audit=True) == dump_before
    assert _store(laptop.db) == files_before, "the files it wrote are gone again"
    assert _closed_bytes(world, "minister") == bytes_before

    applied = world.import_on_laptop("minister", package, now=now)
    assert applied == _as_applied(trial)
    assert len(_store(laptop.db)) > len(files_before)
    again = world.import_on_laptop("minister", package, dry_run=True)
    assert again.already_applied and again.dry_run


def test_a_dry_run_reports_a_late_answer_as_the_import_then_records_it(world: World) -> None:
    world.import_on_laptop("pm", world.to_laptop("pm"))
    pm = world.laptops["pm"]
    with pm.db.write(pm.member) as s:
        B.answer_ballot(s, pm.member, world.ballot_id, world.question_id, OpinionChoice.AGREE)
    package = world.from_laptop("pm")
    with world.sec.read() as s:
        deadline = B.get_ballot(s, world.cast.officer, world.ballot_id).summary.deadline
    late = deadline + timedelta(hours=1)
    before = dump(world.sec, with_audit=True)

    trial = world.import_on_sec(package, now=late, dry_run=True)
    assert [(r.entity, r.code) for r in trial.refused] == [("opinion_answers", "sync_late_answer")]
    assert "after the deadline" in trial.refused[0].message("en")
    assert dump(world.sec, with_audit=True) == before, "no notice, no package row, no audit event"

    applied = world.import_on_sec(package, now=late)
    assert applied == _as_applied(trial)
    with world.sec.read() as s:
        assert s.execute(select(SyncNotice.code)).scalars().all() == ["sync_late_answer"]
        assert s.execute(select(OpinionAnswer)).first() is None


def _dangling_current_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """After the changes apply, a document points at a version nobody has: SQLite only finds out at COMMIT,
    because an import defers the foreign keys (documents and their current version point at each other)."""
    original = Changes.apply

    def apply(self: Changes) -> None:
        original(self)
        self.s.flush()
        self.s.execute(update(Document).values(current_version_id=uuid.uuid4()))

    monkeypatch.setattr(Changes, "apply", apply)


def test_a_dry_run_refuses_what_the_commit_would_refuse(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = world.to_laptop("minister")
    laptop = world.laptops["minister"]
    files_before = _store(laptop.db)
    before, rows_before = dump(laptop.db, with_audit=True), dump(laptop.db)
    events = len(audit_events(laptop.db))
    _dangling_current_version(monkeypatch)

    with pytest.raises(PackageRefused) as trial:
        world.import_on_laptop("minister", package, dry_run=True)
    assert trial.value.code == "sync_conflict"
    assert dump(laptop.db, with_audit=True) == before

    with pytest.raises(PackageRefused) as real:
        world.import_on_laptop("minister", package)
    assert (real.value.code, real.value.params) == (trial.value.code, trial.value.params)
    assert [e.action for e in audit_events(laptop.db)[events:]] == ["sync.refused"]
    assert dump(laptop.db) == rows_before
    assert _store(laptop.db) == files_before, "a failed import leaves no file behind either"


# --- PostgreSQL: the secretariat's database ------------------------------------------------------------------


@pytest.fixture
def pg_world(tmp_path: Path, sqlite_template: Path, pg_schema_url: str) -> Iterator[World]:
    """The world with the secretariat on PostgreSQL (the laptops stay on SQLite, as in real use)."""
    (tmp_path / "sec").mkdir()
    sec = Database(pg_schema_url, tmp_path / "sec")
    _empty_pg(sec)
    built = build_world(tmp_path, sqlite_template, sec=sec)
    yield built
    built.close()


def _answer_everything(world: World, name: str) -> Any:
    world.import_on_laptop(name, world.to_laptop(name))
    laptop = world.laptops[name]
    with laptop.db.write(laptop.member) as s:
        B.answer_ballot(
            s, laptop.member, world.ballot_id, world.question_id, OpinionChoice.DISAGREE, "Chưa rõ"
        )
    return world.from_laptop(name)


@pytest.mark.pg
def test_dry_run_and_import_on_postgresql(pg_world: World) -> None:
    package = _answer_everything(pg_world, "minister")
    before = dump(pg_world.sec, with_audit=True)
    trial = pg_world.import_on_sec(package, dry_run=True)
    assert dict(trial.tables) == {"opinion_answers": 1} and trial.refused == ()
    assert dump(pg_world.sec, with_audit=True) == before

    applied = pg_world.import_on_sec(package, now=trial.applied_at)
    assert applied == _as_applied(trial)
    with pg_world.sec.read() as s:
        answer = s.execute(select(OpinionAnswer)).scalar_one()
        assert (answer.choice, answer.comment) == (OpinionChoice.DISAGREE, "Chưa rõ")
        assert s.execute(select(SyncPackage)).scalars().all() != []
        assert verify_chain(s) == []

    late = _answer_everything(pg_world, "pm")
    with pg_world.sec.read() as s:
        deadline = B.get_ballot(s, pg_world.cast.officer, pg_world.ballot_id).summary.deadline
    before = dump(pg_world.sec, with_audit=True)
    trial = pg_world.import_on_sec(late, now=deadline + timedelta(minutes=5), dry_run=True)
    assert [r.code for r in trial.refused] == ["sync_late_answer"]
    assert dump(pg_world.sec, with_audit=True) == before
    again = pg_world.import_on_sec(package, dry_run=True)
    assert again.already_applied and again.dry_run


# --- the command line ---------------------------------------------------------------------------------------


def test_import_dry_run_on_the_command_line(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecabinet.cli import main
    from tests.sync.conftest import PASSPHRASES
    from tests.sync.test_refusals import _flip

    package = _answer_everything(world, "pm")
    home = ("--home", str(world.sec.home))
    monkeypatch.setenv("ECABINET_PASSPHRASE", PASSPHRASES["sec"])
    before = dump(world.sec, with_audit=True)

    assert main([*home, "import", str(package), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "nothing was changed" in out and f"Would apply package #1 from {world.cast.pm.name}" in out
    assert "opinion_answers: 1" in out
    assert main([*home, "--json", "import", str(package), "--dry-run"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dry_run"] is True and data["inserted"] == 1 and data["already_applied"] is False
    bad = _flip(package, world.root / "bad.ecab", "manifest.json", b'"created":"')
    assert main([*home, "import", str(bad), "--dry-run"]) == 2
    assert "changed after it was signed" in capsys.readouterr().err
    assert dump(world.sec, with_audit=True) == before

    assert main([*home, "import", str(package)]) == 0
    assert f"Applied package #1 from {world.cast.pm.name}" in capsys.readouterr().out
