"""Where an installation keeps its data: the home folder (database, file store, keys) and the database URL."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ecabinet"


def resolve_home(home: str | os.PathLike[str] | None = None) -> Path:
    """`--home`, else `ECABINET_HOME`, else the platform's user data folder."""
    chosen = home or os.environ.get("ECABINET_HOME") or platformdirs.user_data_dir(APP_NAME, appauthor=False)
    path = Path(chosen).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def resolve_db_url(home: Path, db: str | None = None) -> str:
    """`--db`, else `ECABINET_DB`, else the SQLite file in the home folder."""
    return db or os.environ.get("ECABINET_DB") or f"sqlite:///{home / 'ecabinet.db'}"
