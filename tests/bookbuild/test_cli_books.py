"""`ecabinet bookbuild SESSION --member MEMBER --out FILE.pdf`: exit codes, output, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecabinet.cli import main
from ecabinet.db import Database
from tests.bookbuild.conftest import prepare


@pytest.fixture
def home(tmp_path: Path) -> tuple[Path, str, str]:
    home = tmp_path / "home"
    home.mkdir()
    url = f"sqlite:///{home / 'x.db'}"
    database = Database(url, home)
    prepared = prepare(database, with_latex=False)
    database.close()
    return home, url, str(prepared.session_id)


def test_bookbuild_writes_the_book(
    home: tuple[Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, url, session_id = home
    out = tmp_path / "Hồ Đức Tài.pdf"
    argv = [
        "--home",
        str(folder),
        "--db",
        url,
        "--json",
        "bookbuild",
        session_id[:8],
        "--member",
        "Hồ Đức Tài",
    ]
    assert main([*argv, "--out", str(out)]) == 0
    stdout, stderr = capsys.readouterr()
    result = json.loads(stdout)
    assert result["reader_name"] == "Hồ Đức Tài" and result["path"] == str(out)
    assert len(PdfReader(str(out)).pages) == result["page_count"]
    assert stderr == ""  # no progress lines with --json

    out.unlink()
    assert (
        main(
            [
                "--home",
                str(folder),
                "--db",
                url,
                "bookbuild",
                session_id,
                "--member",
                "Hồ Đức Tài",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    stdout, stderr = capsys.readouterr()
    assert stdout.startswith("Board book for Hồ Đức Tài written to") and "[100%]" in stderr


def test_bookbuild_refusals_exit_2(
    home: tuple[Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, url, session_id = home
    out = tmp_path / "b.pdf"
    base = ["--home", str(folder), "--db", url, "--lang", "vi"]
    code = main(
        [*base, "--as", "Hồ Đức Tài", "bookbuild", session_id, "--member", "Vũ Thị Hà", "--out", str(out)]
    )
    assert code == 2
    assert "không được tạo bộ tài liệu của Vũ Thị Hà" in capsys.readouterr().err
    code = main(
        [*base, "bookbuild", session_id, "--member", "Hồ Đức Tài", "--out", str(tmp_path / "no" / "b.pdf")]
    )
    assert code == 2
    assert "Không ghi được tệp" in capsys.readouterr().err
    assert not out.exists()
