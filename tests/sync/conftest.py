"""A small world for sync tests: the secretariat and three members' laptops, each with its own home folder
and SQLite database, keys exchanged and trusted; and helpers to craft packages and compare databases."""

from __future__ import annotations

import io
import json
import shutil
import uuid
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.db import Database
from ecabinet.model import AuditEvent, Base, Classification, SessionKind
from ecabinet.model.sync import ProfileRole
from ecabinet.security import keystore
from ecabinet.security.keystore import Keyring
from ecabinet.services.actor import Actor
from ecabinet.sync import container
from ecabinet.sync import keys as K
from ecabinet.sync.exporter import export_package
from ecabinet.sync.importer import ImportResult, import_package
from ecabinet.voting import ballots as B
from tests.conftest import TESTDATA, Cast, make_cast

SCRYPT_N = 2**10  # fast keys for tests; the app uses 2**17
PASSPHRASES = {
    "sec": "secretariat passphrase",
    "pm": "pm laptop passphrase",
    "minister": "minister laptop pass",
    "other": "other laptop passphrase",
    "rogue": "rogue laptop passphrase",
}


def open_home(folder: Path, template: Path) -> Database:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(template, folder / "ecabinet.db")
    return Database(f"sqlite:///{folder / 'ecabinet.db'}", folder)


@dataclass
class Laptop:
    name: str
    db: Database
    keyring: Keyring
    member: Actor


@dataclass
class World:
    root: Path
    sec: Database
    sec_keys: Keyring
    cast: Cast
    laptops: dict[str, Laptop]
    session_id: uuid.UUID
    item_id: uuid.UUID
    other_item_id: uuid.UUID
    draft_item_id: uuid.UUID
    normal_doc: uuid.UUID
    secret_doc: uuid.UUID
    ballot_id: uuid.UUID
    question_id: uuid.UUID
    extra: dict[str, Any] = field(default_factory=dict)

    def close(self) -> None:
        self.sec.close()
        for laptop in self.laptops.values():
            laptop.db.close()

    def laptop_actor(self, name: str) -> Actor | None:
        """The acting user on a laptop: its member once the directory has arrived."""
        laptop = self.laptops[name]
        from ecabinet.model import Member

        with laptop.db.read() as s:
            return laptop.member if s.get(Member, laptop.member.member_id) is not None else None

    def to_laptop(self, name: str, out: Path | None = None, **kw: Any) -> Path:
        laptop = self.laptops[name]
        path = out or self.root / f"to-{name}-{uuid.uuid4().hex[:6]}.ecab"
        export_package(self.sec, self.sec_keys, self.cast.officer, laptop.db.installation_id, path, **kw)
        return path

    def from_laptop(self, name: str, out: Path | None = None) -> Path:
        laptop = self.laptops[name]
        path = out or self.root / f"from-{name}-{uuid.uuid4().hex[:6]}.ecab"
        export_package(laptop.db, laptop.keyring, self.laptop_actor(name), self.sec.installation_id, path)
        return path

    def import_on_laptop(self, name: str, path: Path, **kw: Any) -> ImportResult:
        laptop = self.laptops[name]
        return import_package(laptop.db, laptop.keyring, path, self.laptop_actor(name), **kw)

    def import_on_sec(self, path: Path, **kw: Any) -> ImportResult:
        return import_package(self.sec, self.sec_keys, path, self.cast.officer, **kw)


def _pdf() -> bytes:
    return (TESTDATA / "minimal-document.pdf").read_bytes()


def _laptop_profile(name: str, db: Database, member: Actor) -> Keyring:
    with db.write(None) as s:
        K.init_profile(
            s,
            None,
            db.home,
            db.installation_id,
            ProfileRole.MEMBER,
            member.member_id,
            PASSPHRASES[name],
            SCRYPT_N,
        )
    return keystore.unlock(db.home, PASSPHRASES[name])


def exchange(
    sec: Database, sec_keys: Keyring, officer: Actor, db: Database, keys: Keyring, trust: bool = True
) -> None:
    """Each side imports the other's key file; both confirm the fingerprint unless `trust` is False."""
    with sec.write(officer) as s:
        info = K.import_key(s, officer, sec_keys.profile, keys.current.document)
        if trust:
            K.trust_key(s, officer, sec_keys.profile, info.fingerprint)
    with db.write(None) as s:
        info = K.import_key(s, None, keys.profile, sec_keys.current.document)
        K.trust_key(s, None, keys.profile, info.fingerprint)


def build_world(root: Path, template: Path, sec: Database | None = None) -> World:
    """The world on SQLite, or with `sec` as the secretariat's (empty, migrated) database — PostgreSQL."""
    sec = sec or open_home(root / "sec", template)
    cast = make_cast(sec)
    pdf = _pdf()
    sha = sec.blobs.put(pdf)
    starts = datetime.now(UTC) + timedelta(days=7)
    with sec.write(cast.officer) as s:
        created = S.create_session(
            s, cast.officer, "Phiên họp thường kỳ", SessionKind.REGULAR, starts, place="Hà Nội"
        )
        item = I.add_item(s, cast.officer, created.id, "Dự thảo Nghị định về đầu tư công")
        other_item = I.add_item(s, cast.officer, created.id, "Báo cáo kinh tế - xã hội")
        normal = D.add_document(s, cast.officer, item.id, "Tờ trình", sha, "to-trinh.pdf", len(pdf), 1)
        secret = D.add_document(
            s,
            cast.officer,
            item.id,
            "Phụ lục mật",
            sha,
            "phu-luc.pdf",
            len(pdf),
            1,
            classification=Classification.CONFIDENTIAL,
        )
        D.set_distribution(s, cast.officer, secret.id, [cast.minister.member_id])
        S.publish_session(s, cast.officer, created.id)
        draft = S.create_session(s, cast.officer, "Phiên họp chưa phát hành", SessionKind.THEMATIC, starts)
        draft_item = I.add_item(s, cast.officer, draft.id, "Nội dung nháp")
        ballot = B.create_ballot(
            s,
            cast.officer,
            item.id,
            ["Đồng ý thông qua dự thảo?"],
            datetime.now(UTC) + timedelta(days=3),
            recipient_ids=[cast.pm.member_id, cast.minister.member_id, cast.other_minister.member_id],
            document_ids=[normal.id],
        )
        B.submit_ballot(s, cast.officer, ballot.summary.id)
    with sec.write(cast.leader) as s:
        B.approve_ballot(s, cast.leader, ballot.summary.id)
        B.send_ballot(s, cast.leader, ballot.summary.id)
    with sec.write(cast.officer) as s:
        K.init_profile(
            s,
            cast.officer,
            sec.home,
            sec.installation_id,
            ProfileRole.SECRETARIAT,
            None,
            PASSPHRASES["sec"],
            SCRYPT_N,
        )
    sec_keys = keystore.unlock(sec.home, PASSPHRASES["sec"])
    laptops = {}
    for name, member in (("pm", cast.pm), ("minister", cast.minister), ("other", cast.other_minister)):
        db = open_home(root / name, template)
        keys = _laptop_profile(name, db, member)
        exchange(sec, sec_keys, cast.officer, db, keys)
        laptops[name] = Laptop(name, db, keys, member)
    return World(
        root=root,
        sec=sec,
        sec_keys=sec_keys,
        cast=cast,
        laptops=laptops,
        session_id=created.id,
        item_id=item.id,
        other_item_id=other_item.id,
        draft_item_id=draft_item.id,
        normal_doc=normal.id,
        secret_doc=secret.id,
        ballot_id=ballot.summary.id,
        question_id=ballot.questions[0].id,
    )


def reopen(template: World, root: Path) -> World:
    """A copy of a closed world under `root`: its home folders copied, databases and keys opened again."""
    shutil.copytree(template.root, root, dirs_exist_ok=True)
    sec = Database(f"sqlite:///{root / 'sec' / 'ecabinet.db'}", root / "sec")
    laptops = {}
    for name, laptop in template.laptops.items():
        db = Database(f"sqlite:///{root / name / 'ecabinet.db'}", root / name)
        laptops[name] = Laptop(name, db, keystore.unlock(db.home, PASSPHRASES[name]), laptop.member)
    return World(
        **{
            **template.__dict__,
            "root": root,
            "sec": sec,
            "sec_keys": keystore.unlock(sec.home, PASSPHRASES["sec"]),
            "laptops": laptops,
            "extra": dict(template.extra),
        }
    )


@pytest.fixture(scope="session")
def world_template(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> World:
    """Built once: the databases are closed, so each test gets a copy (`world`)."""
    built = build_world(tmp_path_factory.mktemp("world-template"), sqlite_template)
    built.close()
    return built


@pytest.fixture
def world(tmp_path: Path, world_template: World) -> Iterator[World]:
    built = reopen(world_template, tmp_path / "world")
    yield built
    built.close()


# --- comparing databases ---------------------------------------------------------------------------------------


def dump(database: Database, with_audit: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in key order (the audit log apart unless `with_audit`)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with database.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name == "audit_events" and not with_audit:
                continue
            query = select(table).order_by(*table.primary_key.columns)
            rows = [tuple(r) for r in conn.execute(query)]
            if table.name == "settings" and not with_audit:
                rows = [r for r in rows if r[0] != "audit_head"]
            out[table.name] = rows
        out["alembic_version"] = [
            tuple(r) for r in conn.execute(text("SELECT * FROM alembic_version ORDER BY 1"))
        ]
    return out


def audit_events(database: Database) -> list[AuditEvent]:
    with database.read() as s:
        return list(s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars())


# --- crafting packages -------------------------------------------------------------------------------------------


def read_entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def manifest_of(path: Path) -> dict[str, Any]:
    return json.loads(read_entries(path)[container.MANIFEST])


def write_zip(path: Path, entries: list[tuple[str, bytes]], compress: int = zipfile.ZIP_STORED) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compress) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = compress
            zf.writestr(info, data)
    path.write_bytes(buffer.getvalue())


def resign(
    src: Path,
    dst: Path,
    keyring: Keyring,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    entries: Callable[[dict[str, bytes]], None] | None = None,
) -> Path:
    """A copy of `src` with its manifest and entries changed, signed again with `keyring` (so only the checks
    after the signature can catch it)."""
    parts = read_entries(src)
    data = json.loads(parts.pop(container.MANIFEST))
    parts.pop(container.SIGNATURE)
    if entries:
        entries(parts)
    if manifest:
        manifest(data)
    with dst.open("wb") as out:
        container.assemble(out, data, parts.items(), keyring)
    return dst


def craft(
    path: Path,
    sender: Keyring,
    recipient: Database,
    recipient_keys: Keyring,
    records: list[dict[str, Any]],
    sequence: int,
    ack: int = 0,
    files: list[tuple[str, bytes]] | None = None,
    encrypt: bool = True,
) -> Path:
    """A well-formed package with these records, signed by `sender` and encrypted for `recipient`."""
    header = container.Header(
        package_id=uuid.uuid4(),
        created=datetime.now(UTC),
        recipient_installation_id=recipient.installation_id,
        recipient_key_id=recipient_keys.current.key_id,
        sequence=sequence,
        ack=ack,
    )
    with path.open("wb") as out:
        container.write_package(
            out, header, sender, records, files or [], recipient_keys.current.enc_public if encrypt else None
        )
    return path
