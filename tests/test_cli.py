"""The `ecabinet` command: exit codes, JSON output, audit verify, one-line errors."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.cli import main
from ecabinet.db import Database
from ecabinet.model import SessionKind
from tests.conftest import make_cast


@pytest.fixture
def populated(tmp_path: Path) -> tuple[str, Path, str]:
    home = tmp_path / "home"
    home.mkdir()
    url = f"sqlite:///{home / 'x.db'}"
    database = Database(url, home)
    cast = make_cast(database)
    sha = database.blobs.put(b"%PDF-1.4 test")
    with database.write(cast.officer) as s:
        created = S.create_session(
            s,
            cast.officer,
            "Phiên họp thường kỳ tháng 11",
            SessionKind.REGULAR,
            datetime.now(UTC) + timedelta(days=7),
            place="Hà Nội",
        )
        item = I.add_item(s, cast.officer, created.id, "Dự thảo Nghị định về đầu tư công")
        D.add_document(s, cast.officer, item.id, "Tờ trình Chính phủ", sha, "t.pdf", 13, 12)
        S.publish_session(s, cast.officer, created.id)
    database.close()
    return url, home, str(created.id)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sessions_json_and_show(populated: tuple[str, Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    url, home, session_id = populated
    code, out, _ = run(capsys, "--home", str(home), "--db", url, "--json", "sessions")
    assert code == 0
    rows = json.loads(out)
    assert [r["title"] for r in rows] == ["Phiên họp thường kỳ tháng 11"]
    assert rows[0]["state"] == "published" and rows[0]["document_count"] == 1
    code, out, _ = run(capsys, "--home", str(home), "--db", url, "session", "show", session_id[:8])
    assert code == 0
    assert "1. Dự thảo Nghị định về đầu tư công" in out and "Tờ trình Chính phủ (other, 12 pages, v1)" in out
    code, out, _ = run(capsys, "--home", str(home), "--db", url, "--json", "session", "show", session_id)
    assert json.loads(out)["items"][0]["documents"][0]["page_count"] == 12


def test_members_lists_voting_right(
    populated: tuple[str, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url, home, _ = populated
    code, out, _ = run(capsys, "--home", str(home), "--db", url, "--json", "members")
    people = {p["full_name"]: p for p in json.loads(out)}
    assert (
        code == 0
        and people["Phạm Minh Thủ"]["has_vote"] is True
        and people["Đỗ Khách Mời"]["has_vote"] is False
    )


def test_acting_as_a_member_hides_drafts(
    populated: tuple[str, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url, home, _ = populated
    code, out, _ = run(capsys, "--home", str(home), "--db", url, "--as", "Hồ Đức Tài", "--json", "sessions")
    assert code == 0 and len(json.loads(out)) == 1


def test_unknown_session_is_a_one_line_error(
    populated: tuple[str, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url, home, _ = populated
    code, out, err = run(capsys, "--home", str(home), "--db", url, "session", "show", "ffffffff")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "was not found" in err and "Traceback" not in err
    code, _, err = run(
        capsys, "--home", str(home), "--db", url, "--lang", "vi", "session", "show", "ffffffff"
    )
    assert "Không tìm thấy phiên họp" in err


def test_audit_verify_passes_then_fails_after_a_hand_edit(
    populated: tuple[str, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url, home, _ = populated
    code, out, _ = run(capsys, "--home", str(home), "--db", url, "audit", "verify")
    assert code == 0 and "holds" in out
    with sqlite3.connect(home / "x.db") as conn:
        conn.execute("UPDATE agenda_items SET title = 'Nội dung bị sửa'")
    code, _, err = run(capsys, "--home", str(home), "--db", url, "audit", "verify")
    assert code == 2 and "changed outside the app after event #" in err and "agenda_items/" in err


def test_db_upgrade_and_unreachable_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--home", str(tmp_path), "db", "upgrade")
    assert code == 0 and "revision" in out
    assert (tmp_path / "ecabinet.db").exists()
    code, _, err = run(
        capsys, "--home", str(tmp_path), "--db", f"sqlite:///{tmp_path}/no/such/dir/x.db", "sessions"
    )
    assert code == 2 and "cannot be opened" in err


def test_empty_database_has_no_actor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--home", str(tmp_path), "sessions")
    assert code == 2 and "ecabinet demo" in err
