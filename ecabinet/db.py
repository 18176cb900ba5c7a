"""Opening a database: engine, SQLite pragmas, migrations on open, the installation id, units of work."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ecabinet.audit import install_audit_hooks
from ecabinet.config import resolve_db_url, resolve_home
from ecabinet.errors import DomainError
from ecabinet.storage.atomic import atomic_write
from ecabinet.storage.blobs import BlobStore

if TYPE_CHECKING:
    from ecabinet.services.actor import Actor

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself, so writes can take the lock up front.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=15000")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # A writing unit of work takes the write lock at BEGIN, so two writers never interleave read-then-write.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("ecab_write") else "BEGIN")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision; refuse a database written by a newer app."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    heads = set(ScriptDirectory.from_config(cfg).get_heads())
    known = {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}
    with engine.begin() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
        if current - known:
            raise DomainError("database_newer", revision=", ".join(sorted(current - known)))
        if current != heads:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")


def _installation_id(home: Path) -> uuid.UUID:
    """This installation's id: kept in the home folder (not the database, which staff may share)."""
    path = home / "installation.id"
    try:
        return uuid.UUID(path.read_text().strip())
    except (FileNotFoundError, ValueError):
        new = uuid.uuid4()
        atomic_write(path, str(new).encode())
        return new


def _refuse_flush(session: Session, _context: object, _instances: object) -> None:
    if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
        raise RuntimeError("a change was made in a read-only unit of work; use Database.write(actor)")


class Database:
    """An open e-Cabinet database with its file store; hands out short units of work."""

    def __init__(self, url: str, home: Path, migrate: bool = True) -> None:
        self.url = url
        self.home = home
        self.engine = make_engine(url)
        self._write_engine = self.engine.execution_options(ecab_write=True)
        try:
            if migrate:
                upgrade(self.engine)
        except OperationalError as exc:
            self.engine.dispose()
            raise DomainError("database_unreachable", reason=str(exc.orig).strip()) from exc
        self.installation_id = _installation_id(home)
        self.blobs = BlobStore(home / "files")
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self._write_engine, expire_on_commit=False)
        install_audit_hooks(self._writer)
        event.listen(self._reader, "before_flush", _refuse_flush)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work: it refuses to flush changes (they would bypass the audit log)."""
        with self._reader() as session:  # closing rolls back without expiring the objects handed out
            session.info["installation_id"] = self.installation_id
            yield session

    @contextmanager
    def write(self, actor: Actor | None) -> Iterator[Session]:
        """One user action: everything in it commits together, or nothing does."""
        with self._writer() as session, session.begin():
            session.info["installation_id"] = self.installation_id
            session.info["actor"] = actor
            session.info["db"] = self
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(home: str | Path | None = None, db: str | None = None, migrate: bool = True) -> Database:
    home_path = resolve_home(home)
    return Database(resolve_db_url(home_path, db), home_path, migrate=migrate)
