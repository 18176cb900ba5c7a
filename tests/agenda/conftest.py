"""Fixtures of the dossier tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecabinet.db import Database
from tests.conftest import make_cast


@pytest.fixture
def home(tmp_path: Path) -> list[str]:
    """Global options for a fresh database that has the test cast in it."""
    folder = tmp_path / "home"
    folder.mkdir()
    url = f"sqlite:///{folder / 'x.db'}"
    database = Database(url, folder)
    make_cast(database)
    database.close()
    return ["--home", str(folder), "--db", url]
