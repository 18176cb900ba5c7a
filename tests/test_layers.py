"""House rules that keep the layers apart and the schema honest."""

from __future__ import annotations

import ast
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from ecabinet.db import Database, upgrade
from ecabinet.model import Base

PACKAGE = Path(__file__).resolve().parent.parent / "ecabinet"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_qt_is_imported_only_under_ui() -> None:
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and _imports(path) & {"PySide6", "shiboken6", "qtawesome"}
    ]
    assert offenders == []


def test_services_do_not_import_ui_or_cli() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in ("ui", "cli") or rel.name == "__main__.py":
            continue
        source = path.read_text(encoding="utf-8")
        if "ecabinet.ui" in source or "ecabinet.cli" in source:
            offenders.append(str(rel))
    assert offenders == []


def _not_search_fts(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # The full-text objects are dialect-specific and outside the metadata (FTS5 table and its shadow tables
    # on SQLite, a GIN index declared PostgreSQL-only); migration 0002 makes them.
    return not (name or "").startswith("search_fts")


def test_migrations_from_empty_match_the_model(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _not_search_fts})
        diff = compare_metadata(context, Base.metadata)
        tables = set(inspect(conn).get_table_names())
    assert diff == [], f"the model has changes without a migration: {diff}"
    assert set(Base.metadata.tables) <= tables
    upgrade(engine)  # a second open is a no-op
    engine.dispose()


def test_sqlite_pragmas(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    import pytest

    from ecabinet.errors import DomainError

    url = f"sqlite:///{tmp_path / 'x.db'}"
    Database(url, tmp_path).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM alembic_version")
        conn.exec_driver_sql("INSERT INTO alembic_version (version_num) VALUES ('9999')")
    engine.dispose()
    with pytest.raises(DomainError, match="newer version"):
        Database(url, tmp_path)
