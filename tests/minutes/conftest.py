"""Fixtures: the demo-like session of `scenario`, built once on SQLite and copied for each test."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecabinet.db import Database
from ecabinet.minutes.draft import MinutesDraft, minutes_draft
from tests.conftest import ROOT
from tests.minutes.scenario import Scenario, build_scenario

ARTIFACTS = ROOT / "test-artifacts"


@dataclasses.dataclass(frozen=True)
class Template:
    home: Path
    scenario: Scenario


@pytest.fixture(scope="session")
def scenario_template(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Template:
    home = tmp_path_factory.mktemp("minutes-template")
    shutil.copy(sqlite_template, home / "ecabinet.db")
    database = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
    sc = build_scenario(database, classified=True)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return Template(home, sc)


@pytest.fixture(scope="session")
def template_draft(scenario_template: Template) -> MinutesDraft:
    """The draft minutes of the template scenario (read only, so built once for the printing tests)."""
    home = scenario_template.home
    database = Database(f"sqlite:///{home / 'ecabinet.db'}", home, migrate=False)
    try:
        with database.read() as s:
            return minutes_draft(s, scenario_template.scenario.officer, scenario_template.scenario.session_id)
    finally:
        database.close()


@pytest.fixture
def sc(tmp_path: Path, scenario_template: Template) -> Iterator[Scenario]:
    """A private copy of the closed session with its texts written (SQLite)."""
    home = tmp_path / "minutes-home"
    shutil.copytree(scenario_template.home, home)
    database = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
    yield dataclasses.replace(scenario_template.scenario, db=database)
    database.close()


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages)


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages]


def squash(text: str) -> str:
    """Text with its line breaks and runs of spaces made single spaces (a PDF wraps where it likes)."""
    return " ".join(text.split())


def fonts_not_embedded(data: bytes) -> list[str]:
    """Every font of every page that is neither a TrueType with /FontFile2 nor a Type0 with an embedded
    descendant (nor a Type1/Type3 with its program): [] when all are embedded."""
    problems = []
    reader = PdfReader(BytesIO(data))
    for number, page in enumerate(reader.pages, 1):
        fonts = page.get("/Resources", {}).get("/Font", {})
        for name, ref in fonts.items():
            font = ref.get_object()
            subtype = font.get("/Subtype")
            if subtype == "/Type0":
                descendant = font["/DescendantFonts"][0].get_object()
                descriptor = descendant.get("/FontDescriptor", {})
            else:
                descriptor = font.get("/FontDescriptor", {})
            descriptor = descriptor.get_object() if hasattr(descriptor, "get_object") else descriptor
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                problems.append(f"page {number}: {name} {font.get('/BaseFont')} ({subtype}) not embedded")
    return problems


def page_number_at_top(data: bytes) -> list[str]:
    """Per page, the text drawn in the top 20 mm band (where the page number stands)."""
    out = []
    for page in PdfReader(BytesIO(data)).pages:
        height = float(page.mediabox.height)
        found: list[str] = []

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            _fd: object,
            _fs: object,
            found: list[str] = found,
            top: float = height - 57,
        ) -> None:
            y = tm[5] * cm[3] + cm[5]
            if text.strip() and y > top:
                found.append(text.strip())

        page.extract_text(visitor_text=visit)
        out.append(" ".join(found))
    return out


def save_artifacts(data: bytes, name: str, first: int = 1, last: int = 2) -> list[Path]:
    """Rendered pages as PNG in test-artifacts/ (skipped, with the reason, without pdftoppm)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed: no page images were kept")
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / f"{name}.pdf"
    pdf.write_bytes(data)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(
        [tool, "-r", "70", "-png", "-f", str(first), "-l", str(last), str(pdf), str(ARTIFACTS / name)],
        check=True,
    )
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))
