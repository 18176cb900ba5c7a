"""Flipped and cut bytes anywhere in a package: the import refuses with a reason (or, when the change
touched nothing that matters, says the package was already applied) — never a crash, never a change."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecabinet.db import Database
from ecabinet.model import OpinionChoice
from ecabinet.security.keystore import Keyring
from ecabinet.services.actor import Actor
from ecabinet.sync.errors import PackageRefused
from ecabinet.sync.importer import import_package
from ecabinet.voting import ballots as B
from tests.sync.conftest import World, dump, reopen


@dataclass
class Target:
    database: Database
    keyring: Keyring
    actor: Actor
    raw: bytes


@pytest.fixture(scope="module")
def targets(tmp_path_factory: pytest.TempPathFactory, world_template: World) -> Iterator[dict[str, Target]]:
    root = tmp_path_factory.mktemp("fuzz")
    w = reopen(world_template, root / "world")
    to_pm = w.to_laptop("pm")
    w.import_on_laptop("pm", to_pm)
    pm = w.laptops["pm"]
    with pm.db.write(pm.member) as s:
        B.answer_ballot(s, pm.member, w.ballot_id, w.question_id, OpinionChoice.AGREE)
    back = w.from_laptop("pm")
    w.import_on_sec(back)
    yield {
        "to laptop": Target(pm.db, pm.keyring, pm.member, to_pm.read_bytes()),
        "to secretariat": Target(w.sec, w.sec_keys, w.cast.officer, back.read_bytes()),
    }
    w.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_packages_are_refused_cleanly(
    targets: dict[str, Target], tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    target = targets[data.draw(st.sampled_from(sorted(targets)), label="package")]
    raw = bytearray(target.raw)
    how = data.draw(st.sampled_from(["flip", "flips", "truncate", "cut a slice"]), label="damage")
    if how == "flip":
        at = data.draw(st.integers(0, len(raw) - 1), label="at")
        raw[at] ^= data.draw(st.integers(1, 255), label="xor")
    elif how == "flips":
        for at in data.draw(st.lists(st.integers(0, len(raw) - 1), min_size=2, max_size=8), label="at"):
            raw[at] = data.draw(st.integers(0, 255))
    elif how == "truncate":
        raw = raw[: data.draw(st.integers(0, len(raw) - 1), label="length")]
    else:
        start = data.draw(st.integers(0, len(raw) - 1), label="start")
        raw = raw[:start] + raw[start + data.draw(st.integers(1, 64), label="length") :]
    path: Path = tmp_path_factory.mktemp("damaged") / "damaged.ecab"
    path.write_bytes(bytes(raw))
    before = dump(target.database)
    try:
        result = import_package(target.database, target.keyring, path, target.actor)
    except PackageRefused as refused:
        assert refused.message("vi") and refused.message("en")
    else:
        assert result.already_applied
    assert dump(target.database) == before
