"""The command line for preparing a session: session create/publish/start/close, item add, dossier add, search."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ecabinet.cli import main
from tests.agenda.pdfs import encrypted, make_pdf, with_attachment


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _prepare(home: list[str], capsys: pytest.CaptureFixture[str], days: int = 10) -> tuple[str, str]:
    start = (datetime.now(UTC) + timedelta(days=days)).isoformat()
    code, out, err = run(
        capsys,
        *home,
        "--json",
        "session",
        "create",
        "--title",
        "Phiên họp Chính phủ thường kỳ tháng 12",
        "--kind",
        "regular",
        "--start",
        start,
        "--place",
        "Hà Nội",
    )
    assert code == 0, err
    session_id = json.loads(out)["id"]
    code, out, err = run(
        capsys,
        *home,
        "--json",
        "item",
        "add",
        session_id[:8],
        "--title",
        "Dự thảo Nghị định về đầu tư công",
        "--kind",
        "decision",
        "--minutes",
        "30",
    )
    assert code == 0, err
    item = json.loads(out)
    assert (item["kind"], item["planned_minutes"]) == ("decision", 30)
    return session_id, item["id"]


def test_prepare_add_dossiers_and_search(
    home: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _session_id, item_id = _prepare(home, capsys)
    good = tmp_path / "to_trinh.pdf"
    good.write_bytes(make_pdf(["Tờ trình Chính phủ", "Nghị định quy định chi tiết Luật Đầu tư công"]))
    risky = tmp_path / "phu_luc.pdf"
    risky.write_bytes(with_attachment(make_pdf(["Phụ lục"]), "macro.xlsm"))
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.4\ngarbage")
    text = tmp_path / "ghi_chu.pdf"
    text.write_text("not a pdf")

    code, out, err = run(
        capsys,
        *home,
        "dossier",
        "add",
        item_id,
        str(good),
        str(broken),
        str(risky),
        str(text),
        "--kind",
        "submission",
    )
    assert code == 2
    assert f"{broken}: The PDF file is damaged" in err
    assert f"{text}: This is not a PDF file" in err
    assert f"warning: {risky}: The PDF carries embedded files (macro.xlsm)" in err
    assert "Stored" in out and "«to trinh», 2 pages" in out and "«phu luc», 1 pages" in out

    code, out, err = run(capsys, *home, "search", "nghi dinh dau tu", "--json")
    assert code == 0, err
    (hit,) = json.loads(out)
    assert (hit["title"], hit["page"]) == ("to trinh", 2)
    assert "[[Nghị]] [[định]]" in hit["snippet"] and "[[Đầu]] [[tư]]" in hit["snippet"]
    # the global --json works as well, and the human output names the page
    code, out, _ = run(capsys, *home, "--json", "search", "phu luc")
    assert code == 0 and len(json.loads(out)) == 2  # the title, and the page
    code, out, _ = run(capsys, *home, "search", "nghi dinh")
    assert "to trinh (page 2, v1) — Phiên họp Chính phủ thường kỳ tháng 12 / Dự thảo Nghị định" in out
    code, out, _ = run(capsys, *home, "search", '"')
    assert code == 0 and "No documents found." in out


def test_search_as_a_member_of_a_draft_session_finds_nothing(
    home: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _session_id, item_id = _prepare(home, capsys)
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf(["Ngân sách nhà nước"]))
    assert run(capsys, *home, "dossier", "add", item_id, str(path))[0] == 0
    code, out, _ = run(capsys, *home, "--as", "Hồ Đức Tài", "--json", "search", "ngan sach")
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(capsys, *home, "--json", "search", "ngan sach")
    assert [h["page"] for h in json.loads(out)] == [1]


def test_encrypted_dossier_on_the_command_line(
    home: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _session_id, item_id = _prepare(home, capsys)
    path = tmp_path / "mat.pdf"
    path.write_bytes(encrypted(make_pdf(["Báo cáo an ninh"]), "bí-mật"))
    code, _, err = run(capsys, *home, "--lang", "vi", "dossier", "add", item_id, str(path))
    assert code == 2 and "Tệp PDF được mã hóa, cần mật khẩu để mở" in err
    code, out, err = run(capsys, *home, "dossier", "add", item_id, str(path), "--password", "sai")
    assert code == 2 and "password given does not open" in err
    code, out, err = run(
        capsys,
        *home,
        "--json",
        "dossier",
        "add",
        item_id,
        str(path),
        "--password",
        "bí-mật",
        "--title",
        "Báo cáo",
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["outcomes"][0]["warnings"][0]["code"] == "pdf_decrypted"
    code, out, _ = run(capsys, *home, "--json", "search", "an ninh")
    assert [h["page"] for h in json.loads(out)] == [1]


def test_replace_and_size_limit(home: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _session_id, item_id = _prepare(home, capsys)
    first = tmp_path / "v1.pdf"
    first.write_bytes(make_pdf(["Phương án một"]))
    code, out, _ = run(capsys, *home, "--json", "dossier", "add", item_id, str(first))
    doc_id = json.loads(out)["outcomes"][0]["document"]["id"]
    second = tmp_path / "v2.pdf"
    second.write_bytes(make_pdf(["Phương án hai"] * 2))
    code, out, err = run(
        capsys, *home, "dossier", "replace", doc_id[:8], str(second), "--reason", "Sửa theo ý kiến"
    )
    assert code == 0, err
    assert "is now version 2 (2 pages)" in out
    code, out, _ = run(capsys, *home, "--json", "search", "phuong an")
    assert [h["version_number"] for h in json.loads(out)] == [2, 2]
    code, _, err = run(capsys, *home, "dossier", "replace", doc_id, str(second), "--reason", "again")
    assert code == 2 and "same as the current version" in err
    code, _, err = run(capsys, *home, "dossier", "add", item_id, str(first), "--max-mb", "0")
    assert code == 2 and "too large" in err
    code, _, err = run(capsys, *home, "dossier", "add", item_id, str(first), "--title", "a", "--title", "b")
    assert code == 2 and "once per file" in err


def test_session_lifecycle(home: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    session_id, item_id = _prepare(home, capsys, days=1)
    code, out, err = run(
        capsys,
        *home,
        "item",
        "add",
        session_id,
        "--title",
        "Nội dung con",
        "--parent",
        item_id[:8],
        "--classification",
        "confidential",
    )
    assert code == 0, err
    code, out, err = run(capsys, *home, "session", "publish", session_id[:8])
    assert code == 0, err
    assert "warning: Published less than 3 days before the session starts" in err
    assert "is now published" in out
    code, out, err = run(capsys, *home, "--lang", "vi", "session", "start", session_id)
    assert code == 0 and "in_progress" in out and err == ""
    code, _, err = run(capsys, *home, "item", "add", session_id, "--title", "Muộn")
    assert code == 2 and "can no longer be changed" in err
    code, out, _ = run(capsys, *home, "--json", "session", "close", session_id)
    assert code == 0 and json.loads(out)["session"]["state"] == "closed"
    code, _, err = run(capsys, *home, "session", "close", session_id)
    assert code == 2 and "cannot be" in err
    code, out, _ = run(capsys, *home, "session", "show", session_id)
    assert "1.1. Nội dung con [MẬT]" in out
    code, _, err = run(capsys, *home, "session", "create", "--title", "X", "--start", "tomorrow")
    assert code == 2 and "ISO 8601" in err
