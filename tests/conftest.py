"""Shared fixtures: data folders in tmp_path, a migrated database per test on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from ecabinet.db import Database
from ecabinet.model import Base
from ecabinet.services.actor import Actor, load_actor

ROOT = Path(__file__).resolve().parent.parent
TESTDATA = ROOT.parent / "shared" / "testdata"
PG_URL = os.environ.get("ECABINET_TEST_PG_URL", "")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing a test does reaches the user's real data folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ECABINET_HOME", str(home))
    monkeypatch.delenv("ECABINET_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    return home


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file, copied for each test (cheaper than migrating each time)."""
    folder = tmp_path_factory.mktemp("template")
    database = Database(f"sqlite:///{folder / 'template.db'}", folder)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return folder / "template.db"


@pytest.fixture(scope="session")
def pg_schema_url() -> Iterator[str]:
    """A private schema in the test PostgreSQL database, migrated once, dropped at the end."""
    if not PG_URL:
        pytest.skip("PostgreSQL tests skipped: ECABINET_TEST_PG_URL is not set (.ci/run sets it)")
    schema = f"ecab_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL tests skipped: no server answers at {PG_URL} ({exc.orig})")
    sep = "&" if "?" in PG_URL else "?"
    url = f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    yield url
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def _empty_pg(database: Database) -> None:
    """DELETE, children first: milliseconds on these small tables, where TRUNCATE takes most of a second."""
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE documents SET current_version_id = NULL"))
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(text(f'DELETE FROM "{table.name}"'))


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def db(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """A fresh, migrated, empty database with its own home folder — on each backend."""
    home = tmp_path / "db-home"
    home.mkdir()
    if request.param == "sqlite":
        shutil.copy(sqlite_template, home / "ecabinet.db")
        database = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
        yield database
        database.close()
    else:
        url = request.getfixturevalue("pg_schema_url")
        database = Database(url, home)
        _empty_pg(database)
        yield database
        database.close()


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """A fresh SQLite database only (for tests about files, the CLI or the GUI)."""
    home = tmp_path / "db-home"
    home.mkdir()
    shutil.copy(sqlite_template, home / "ecabinet.db")
    database = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
    yield database
    database.close()


@dataclass
class Cast:
    """A small cast of people for service tests."""

    officer: Actor
    leader: Actor
    pm: Actor
    minister: Actor
    other_minister: Actor
    guest: Actor


@pytest.fixture
def cast(db: Database) -> Cast:
    return make_cast(db)


def make_cast(database: Database) -> Cast:
    from ecabinet.model import OrgKind, Role
    from ecabinet.services import members as M

    with database.write(None) as s:
        leader = M.bootstrap_secretariat(s, "Lê Thị Lãnh Đạo", "Vụ trưởng Vụ Tổng hợp")
    with database.read() as s:
        leader_actor = load_actor(s, leader.id)
    with database.write(leader_actor) as s:
        org = M.add_organisation(s, leader_actor, "BTC", "Bộ Tài chính", "Tài chính", OrgKind.MINISTRY)
        officer = M.add_member(s, leader_actor, "Trần Văn Chuyên", "Chuyên viên", Role.SECRETARIAT)
        pm = M.add_member(
            s,
            leader_actor,
            "Phạm Minh Thủ",
            "Thủ tướng Chính phủ",
            Role.MEMBER,
            has_vote=True,
            is_head_of_government=True,
        )
        minister = M.add_member(
            s, leader_actor, "Hồ Đức Tài", "Bộ trưởng Bộ Tài chính", Role.MEMBER, org.id, True
        )
        other = M.add_member(s, leader_actor, "Vũ Thị Hà", "Bộ trưởng Bộ Y tế", Role.MEMBER, None, True)
        guest = M.add_member(s, leader_actor, "Đỗ Khách Mời", "Thứ trưởng", Role.GUEST)
    with database.read() as s:
        return Cast(
            load_actor(s, officer.id),
            leader_actor,
            load_actor(s, pm.id),
            load_actor(s, minister.id),
            load_actor(s, other.id),
            load_actor(s, guest.id),
        )


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """A home folder holding the demo, built once per test run (rendering the dossiers takes seconds)."""
    from ecabinet.demo.build import create_demo

    home = tmp_path_factory.mktemp("demo-template")
    shutil.copy(sqlite_template, home / "ecabinet.db")
    database = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
    create_demo(database)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return home


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Iterator[Database]:
    """A private copy of the demo database and its file store."""
    home = tmp_path / "demo-home"
    shutil.copytree(demo_template, home)
    database = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
    yield database
    database.close()
