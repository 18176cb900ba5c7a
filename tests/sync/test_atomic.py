"""All or nothing: a failure or a kill in the middle of an import leaves the database as it was; an
interrupted export leaves no .ecab behind and uses no sequence number."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from ecabinet.sync import container, exporter
from ecabinet.sync.apply import Changes
from tests.conftest import ROOT
from tests.sync.conftest import PASSPHRASES, World, dump


def _file_bytes(world: World, name: str) -> bytes:
    """The laptop's SQLite file once closed (everything checkpointed into it)."""
    laptop = world.laptops[name]
    laptop.db.close()
    data = (laptop.db.home / "ecabinet.db").read_bytes()
    assert not (laptop.db.home / "ecabinet.db-wal").exists()
    return data


def test_a_failure_midway_through_applying_changes_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = world.to_laptop("minister")
    before_dump = dump(world.laptops["minister"].db, with_audit=True)
    before_bytes = _file_bytes(world, "minister")
    calls = {"n": 0}
    original = Changes._upsert

    def flaky(self: Any, up: Any, fixes: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 12:
            self.s.flush()  # some rows are already written inside the transaction
            raise RuntimeError("disk pulled out")
        original(self, up, fixes)

    monkeypatch.setattr(Changes, "_upsert", flaky)
    with pytest.raises(RuntimeError, match="disk pulled out"):
        world.import_on_laptop("minister", package)
    assert calls["n"] == 12
    assert _file_bytes(world, "minister") == before_bytes
    monkeypatch.undo()
    reopened = world.laptops["minister"].db.__class__(
        world.laptops["minister"].db.url, world.laptops["minister"].db.home
    )
    world.laptops["minister"].db = reopened
    assert dump(reopened, with_audit=True) == before_dump
    assert not world.import_on_laptop("minister", package).already_applied  # and it applies afterwards


_IMPORT_AND_HANG = """
import sys, time
from pathlib import Path
from ecabinet.db import Database
from ecabinet.security import keystore
from ecabinet.sync import importer
from ecabinet.sync.apply import Changes

home, package, passphrase = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]

def hang(self):
    self.s.flush()
    print("applied, not committed", flush=True)
    time.sleep(60)

Changes.store_files = hang
database = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
importer.import_package(database, keystore.unlock(home, passphrase), package, None)
"""


def _run_until(script: str, args: list[str], marker: str) -> None:
    """Run `script`, wait until it prints `marker`, then kill it (as a power cut would)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        try:
            line = proc.stdout.readline()
            if marker not in line:
                proc.kill()
                pytest.fail(f"the child did not reach the point to kill it: {line}{proc.stderr.read()}")
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL


def test_a_killed_import_changes_nothing(world: World) -> None:
    package = world.to_laptop("pm")
    laptop = world.laptops["pm"]
    before = dump(laptop.db, with_audit=True)
    laptop.db.close()
    _run_until(
        _IMPORT_AND_HANG, [str(laptop.db.home), str(package), PASSPHRASES["pm"]], "applied, not committed"
    )
    reopened = laptop.db.__class__(laptop.db.url, laptop.db.home)
    laptop.db = reopened
    assert dump(reopened, with_audit=True) == before
    assert world.import_on_laptop("pm", package).inserted > 0


def test_an_interrupted_export_leaves_no_package_and_uses_no_number(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dump(world.sec, with_audit=True)
    original = container.write_package

    def half(out: Any, *args: Any, **kwargs: Any) -> Any:
        out.write(b"PK\x03\x04 half a package")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(container, "write_package", half)
    out = world.root / "out" / "to-pm.ecab"
    from ecabinet.errors import DomainError

    with pytest.raises(DomainError) as failed:
        world.to_laptop("pm", out=out)
    assert failed.value.code == "disk_write_failed"
    assert list(out.parent.iterdir()) == []
    assert dump(world.sec, with_audit=True) == before
    monkeypatch.setattr(container, "write_package", original)
    world.to_laptop("pm", out=out)
    assert container.parse_manifest(__import__("zipfile").ZipFile(out).read("manifest.json")).sequence == 1


_EXPORT_AND_HANG = """
import sys, time
from pathlib import Path
from ecabinet.db import Database
from ecabinet.security import keystore
from ecabinet.services.actor import load_actor
from ecabinet.sync import container, exporter
import uuid

home, out, passphrase, peer, officer = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
original = container.write_package

def slow(handle, *args, **kwargs):
    handle.write(b"PK\\x03\\x04" + b"x" * 4096)
    handle.flush()
    print("half written", flush=True)
    time.sleep(60)

container.write_package = slow
database = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
with database.read() as s:
    actor = load_actor(s, uuid.UUID(officer))
exporter.export_package(database, keystore.unlock(home, passphrase), actor, uuid.UUID(peer), out)
"""


def test_a_killed_export_leaves_no_package(world: World) -> None:
    out = world.root / "out" / "to-pm.ecab"
    out.parent.mkdir()
    before = dump(world.sec, with_audit=True)
    world.sec.close()
    args = [
        str(world.sec.home),
        str(out),
        PASSPHRASES["sec"],
        str(world.laptops["pm"].db.installation_id),
        str(world.cast.officer.member_id),
    ]
    _run_until(_EXPORT_AND_HANG, args, "half written")
    assert not out.exists()
    assert [p.name for p in out.parent.iterdir() if p.suffix == ".ecab"] == []
    world.sec = world.sec.__class__(world.sec.url, world.sec.home)
    assert dump(world.sec, with_audit=True) == before
    assert exporter is not None
