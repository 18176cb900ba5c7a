"""`ecabinet dossier rename|set|distribute|remove`: managing a document after import, from the command line."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ecabinet.audit import verify_chain
from ecabinet.db import Database
from tests.agenda.pdfs import make_pdf
from tests.agenda.test_cli_dossiers import run


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return out


@pytest.fixture
def document(home: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, str, str]:
    """(session id, item id, document id) of a published session with one imported document."""
    start = (datetime.now(UTC) + timedelta(days=10)).isoformat()
    out = ok(capsys, *home, "--json", "session", "create", "--title", "Phiên họp tháng 12", "--start", start)
    session_id = json.loads(out)["id"]
    item_id = json.loads(
        ok(capsys, *home, "--json", "item", "add", session_id, "--title", "Dự thảo Nghị định")
    )["id"]
    path = tmp_path / "scan_0042.pdf"
    path.write_bytes(make_pdf(["Ngân sách quốc phòng"]))
    report = json.loads(ok(capsys, *home, "--json", "dossier", "add", item_id, str(path)))
    doc_id = report["outcomes"][0]["document"]["id"]
    ok(capsys, *home, "session", "publish", session_id)
    return session_id, item_id, doc_id


def _titles(home: list[str], capsys: pytest.CaptureFixture[str], session_id: str, *who: str) -> list[str]:
    detail = json.loads(ok(capsys, *home, *who, "--json", "session", "show", session_id))
    return [d["title"] for i in detail["items"] for d in i["documents"]]


def test_rename_classify_and_distribute(
    home: list[str], capsys: pytest.CaptureFixture[str], document: tuple[str, str, str]
) -> None:
    session_id, _item_id, doc_id = document
    out = ok(capsys, *home, "dossier", "rename", doc_id[:8], "--title", "Phụ lục quốc phòng")
    assert f"Document {doc_id} is now «Phụ lục quốc phòng»." in out
    assert [h["title"] for h in json.loads(ok(capsys, *home, "--json", "search", "phu luc"))] == [
        "Phụ lục quốc phòng"
    ]  # the search index has the new title at once

    changed = json.loads(
        ok(capsys, *home, "--json", "dossier", "set", doc_id, "--kind", "annex", "--classification", "secret")
    )
    assert (changed["kind"], changed["classification"], changed["changed_since_published"]) == (
        "annex",
        "secret",
        True,
    )
    # Classified and named to nobody: the members no longer see it, by list or by search.
    assert _titles(home, capsys, session_id, "--as", "Hồ Đức Tài") == []
    assert json.loads(ok(capsys, *home, "--as", "Hồ Đức Tài", "--json", "search", "quoc phong")) == []

    out = ok(capsys, *home, "dossier", "distribute", doc_id, "--member", "Hồ Đức Tài")
    assert "goes to 1 named recipients" in out and "Hồ Đức Tài — Bộ trưởng Bộ Tài chính" in out
    assert _titles(home, capsys, session_id, "--as", "Hồ Đức Tài") == ["Phụ lục quốc phòng"]
    assert _titles(home, capsys, session_id, "--as", "Vũ Thị Hà") == []

    result = json.loads(ok(capsys, *home, "--json", "dossier", "distribute", doc_id, "--all"))
    assert [m["full_name"] for m in result["recipients"]] == ["Hồ Đức Tài", "Phạm Minh Thủ", "Vũ Thị Hà"]
    assert _titles(home, capsys, session_id, "--as", "Vũ Thị Hà") == ["Phụ lục quốc phòng"]


def test_remove_a_document_and_refusals(
    home: list[str], capsys: pytest.CaptureFixture[str], document: tuple[str, str, str]
) -> None:
    session_id, _item_id, doc_id = document
    code, _, err = run(capsys, *home, "dossier", "set", doc_id)
    assert code == 2 and "give --kind, --classification or both" in err
    code, _, err = run(capsys, *home, "dossier", "distribute", doc_id)
    assert code == 2 and "--member" in err
    code, _, err = run(capsys, *home, "dossier", "distribute", doc_id, "--all", "--member", "Vũ Thị Hà")
    assert code == 2
    code, _, err = run(capsys, *home, "--as", "Hồ Đức Tài", "--lang", "vi", "dossier", "remove", doc_id)
    assert code == 2 and "không có quyền chuẩn bị phiên họp" in err
    code, _, err = run(capsys, *home, "dossier", "rename", doc_id, "--title", "  ")
    assert code == 2 and "The title is required" in err

    out = ok(capsys, *home, "dossier", "remove", doc_id[:8])
    assert f"Removed «scan 0042» ({doc_id}) with 1 versions; its files stay in the file store." in out
    assert _titles(home, capsys, session_id) == []
    code, _, err = run(capsys, *home, "dossier", "remove", doc_id)
    assert code == 2 and "was not found" in err

    database = Database(home[3], Path(home[1]))
    try:
        with database.read() as s:
            assert verify_chain(s) == []
        assert sum(1 for p in database.blobs.root.rglob("*") if p.is_file()) == 1  # the file stays
    finally:
        database.close()

    ok(capsys, *home, "session", "start", session_id)
    code, _, err = run(capsys, *home, "dossier", "distribute", doc_id, "--all")
    assert code == 2 and "was not found" in err  # removed is removed; and once started, nothing changes
