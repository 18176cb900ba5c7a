"""Sync UI fixtures: a secretariat (the demo) and a member's laptop with keys exchanged and trusted — built once
per module with a cheap passphrase derivation, copied for each test — and a scripted file chooser."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ecabinet.db import Database
from ecabinet.model import Role
from ecabinet.model.sync import ProfileRole
from ecabinet.security import keystore
from ecabinet.security.keystore import Keyring
from ecabinet.services.actor import Actor
from ecabinet.sync import keys as K
from ecabinet.ui.context import AppContext
from ecabinet.ui.sync.session import KeySession, key_session
from tests.ui.conftest import person

SCRYPT_N = 2**10  # fast keys for tests; the app uses the key store's default (2**17)
SEC_PASSPHRASE = "secretariat passphrase"
LAPTOP_PASSPHRASE = "laptop passphrase one"


@dataclass
class FakeFiles:
    """Scripted answers for the file dialogs; None means the user cancelled."""

    packages: list[Path] = field(default_factory=list)
    folder: Path | None = None
    key_file: Path | None = None
    save_as: Path | None = None
    asked: list[str] = field(default_factory=list)

    def open_packages(self, parent: Any, folder: Path) -> list[Path]:
        self.asked.append("open_packages")
        return list(self.packages)

    def choose_folder(self, parent: Any, folder: Path) -> Path | None:
        self.asked.append("choose_folder")
        return self.folder

    def open_key_file(self, parent: Any, folder: Path) -> Path | None:
        self.asked.append("open_key_file")
        return self.key_file

    def save_key_file(self, parent: Any, suggested: Path) -> Path | None:
        self.asked.append("save_key_file")
        return self.save_as


def open_home(home: Path) -> Database:
    return Database(f"sqlite:///{home / 'ecabinet.db'}", home)


def init_profile(
    database: Database, role: ProfileRole, member_id: uuid.UUID | None, passphrase: str, actor: Actor | None
) -> Keyring:
    with database.write(actor) as s:
        K.init_profile(
            s, actor, database.home, database.installation_id, role, member_id, passphrase, SCRYPT_N
        )
    return keystore.unlock(database.home, passphrase)


def exchange(sec: Database, sec_keys: Keyring, officer: Actor, laptop: Database, lap_keys: Keyring) -> None:
    """Both sides import each other's key file and confirm the fingerprint (as by phone)."""
    with sec.write(officer) as s:
        info = K.import_key(s, officer, sec_keys.profile, lap_keys.current.document)
        K.trust_key(s, officer, sec_keys.profile, info.fingerprint)
    with laptop.write(None) as s:
        info = K.import_key(s, None, lap_keys.profile, sec_keys.current.document)
        K.trust_key(s, None, lap_keys.profile, info.fingerprint)


@dataclass
class Pair:
    """The secretariat's demo installation and one member's laptop, opened for one test."""

    sec: Database
    laptop: Database
    officer: Actor
    member: Actor

    def close(self) -> None:
        self.sec.close()
        self.laptop.close()


@pytest.fixture(scope="module")
def pair_template(
    tmp_path_factory: pytest.TempPathFactory, demo_template: Path, sqlite_template: Path
) -> tuple[Path, uuid.UUID, uuid.UUID]:
    """Built once per module: (folder, officer id, member id). Each test gets a copy (`pair`)."""
    root = tmp_path_factory.mktemp("sync-pair")
    shutil.copytree(demo_template, root / "sec")
    (root / "laptop").mkdir()
    shutil.copy(sqlite_template, root / "laptop" / "ecabinet.db")
    sec, laptop = open_home(root / "sec"), open_home(root / "laptop")
    officer = person(sec, Role.SECRETARIAT_LEADER)
    member = person(sec, Role.MEMBER, 2)
    sec_keys = init_profile(sec, ProfileRole.SECRETARIAT, None, SEC_PASSPHRASE, officer)
    lap_keys = init_profile(laptop, ProfileRole.MEMBER, member.member_id, LAPTOP_PASSPHRASE, None)
    exchange(sec, sec_keys, officer, laptop, lap_keys)
    for database in (sec, laptop):
        with database.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()
    return root, officer.member_id, member.member_id


@pytest.fixture
def pair(tmp_path: Path, pair_template: tuple[Path, uuid.UUID, uuid.UUID]) -> Iterator[Pair]:
    root, officer_id, member_id = pair_template
    shutil.copytree(root, tmp_path / "pair")
    sec, laptop = open_home(tmp_path / "pair" / "sec"), open_home(tmp_path / "pair" / "laptop")
    from ecabinet.services.actor import load_actor

    with sec.read() as s:
        officer, member = load_actor(s, officer_id), load_actor(s, member_id)
    opened = Pair(sec, laptop, officer, member)
    yield opened
    opened.close()


def unlocked(context: AppContext, passphrase: str) -> KeySession:
    """The context's key session with its keys open, as after the login dialog."""
    keys = key_session(context)
    keys.unlocked(keystore.unlock(keys.home, passphrase))
    return keys
