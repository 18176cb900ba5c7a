"""The commands: `minutes SESSION …`, `conclusion set`, `discussion set`, `report …`, `holidays`."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from ecabinet.cli import main
from tests.minutes.conftest import Template, pdf_text, squash
from tests.minutes.scenario import Scenario

LEADER = "Lê Thị Hoài Thu"


class Cli:
    def __init__(self, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.base = ["--home", str(home), "--db", f"sqlite:///{home / 'ecabinet.db'}"]
        self.capsys = capsys

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        code = main([*self.base, *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *argv: str) -> Any:
        code, out, err = self("--json", *argv)
        assert code == 0, err
        return json.loads(out)

    def refused(self, *argv: str) -> str:
        code, out, err = self(*argv)
        assert code == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err, (code, err)
        return err


@pytest.fixture
def cli(
    tmp_path: Path,
    scenario_template: Template,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Cli, Scenario]:
    monkeypatch.setattr("ecabinet.db.upgrade", lambda engine: None)  # the template is migrated
    home = tmp_path / "cli-home"
    shutil.copytree(scenario_template.home, home)
    return Cli(home, capsys), scenario_template.scenario


def test_show_edit_and_write_the_draft(cli: tuple[Cli, Scenario], tmp_path: Path) -> None:
    run, sc = cli
    sid = str(sc.session_id)[:8]
    shown = run.ok("minutes", sid)["minutes"]
    assert shown["minutes_state"] == "draft" and shown["notice_due"] == "2026-11-12"
    assert shown["items"][1]["conclusion_text"].startswith("Chính phủ thông qua dự thảo Nghị định")
    out = tmp_path / "bien ban.pdf"
    result = run.ok("minutes", sid, "--place", "Phòng họp A", "--out", str(out))
    assert result["file"]["approved_version"] is None and result["minutes"]["place"] == "Phòng họp A"
    data = out.read_bytes()
    assert hashlib.sha256(data).hexdigest() == result["file"]["sha256"]
    assert "Địa điểm: Phòng họp A." in squash(pdf_text(data)) and "DỰ THẢO" in pdf_text(data)
    assert not list(tmp_path.glob(".*.part"))  # written atomically: no temporary file left
    code, human, _err = run("minutes", sid)
    assert code == 0 and "notice of conclusions due by 2026-11-12" in human


def test_conclusion_and_discussion_from_the_command_line(cli: tuple[Cli, Scenario]) -> None:
    run, sc = cli
    item = str(sc.items[2])
    saved = run.ok(
        "conclusion", "set", item[:8], "--text", "Thống nhất thông qua.\n- giao Bộ Tư pháp", "--notice", "no"
    )
    assert saved["text"] == "<p>Thống nhất thông qua.</p><ul><li>giao Bộ Tư pháp</li></ul>"
    assert saved["needs_notice"] is False
    saved = run.ok("discussion", "set", item, "--html", "<p>Ý kiến <b>thống nhất</b><script>x</script></p>")
    assert saved["text"] == "<p>Ý kiến <b>thống nhất</b></p>"
    err = run.refused("conclusion", "set", "ffffffff", "--text", "x")
    assert "not found" in err


def test_approve_lock_correct_and_read_the_old_version(cli: tuple[Cli, Scenario], tmp_path: Path) -> None:
    run, sc = cli
    sid = str(sc.session_id)
    assert "may not approve the minutes" in run.refused("minutes", sid, "--approve")
    approved = run.ok("--as", LEADER, "minutes", sid, "--approve", "--out", str(tmp_path / "v1.pdf"))
    assert approved["approved"]["number"] == 1 and approved["file"]["approved_version"] == 1
    assert approved["approved"]["sha256"] == approved["file"]["sha256"]
    assert approved["minutes"]["session_state"] == "minutes_approved"
    assert "locked" in run.refused("conclusion", "set", str(sc.items[0]), "--text", "sửa")
    assert "locked" in run.refused("minutes", sid, "--place", "Khác")
    assert "reason" in run.refused("minutes", sid, "--correct")
    run.ok("minutes", sid, "--correct", "--reason", "Bổ sung ý kiến của Bộ Tài chính")
    run.ok("discussion", "set", str(sc.items[2]), "--text", "Bộ Tài chính đề nghị bổ sung đánh giá tác động.")
    second = run.ok(
        "--as", LEADER, "minutes", sid, "--approve", "--verify", "--out", str(tmp_path / "v2.pdf")
    )
    assert second["approved"]["number"] == 2 and [v["ok"] for v in second["verified"]] == [True, True]
    old = run.ok("minutes", sid, "--out", str(tmp_path / "old.pdf"), "--version", "1")
    assert old["file"]["sha256"] == approved["file"]["sha256"]
    assert (tmp_path / "old.pdf").read_bytes() == (tmp_path / "v1.pdf").read_bytes()
    assert "Bộ Tài chính đề nghị bổ sung" in squash(pdf_text((tmp_path / "v2.pdf").read_bytes()))


def test_every_report_command_writes_its_pdf(cli: tuple[Cli, Scenario], tmp_path: Path) -> None:
    run, sc = cli
    for kind, ref, expected in (
        ("resolution", sc.session_id, "NGHỊ QUYẾT"),
        ("conclusions", sc.session_id, "THÔNG BÁO"),
        ("attendance", sc.session_id, "DANH SÁCH"),
        ("ballot", sc.ballot_id, "Tổng hợp ý kiến thành viên Chính phủ"),
        ("vote", sc.open_vote_id, "Xác nhận kết quả biểu quyết"),
    ):
        out = tmp_path / f"{kind}.pdf"
        result = run.ok("report", kind, str(ref)[:8], "--out", str(out), "--date", "2026-11-06")
        text = squash(pdf_text(out.read_bytes()))
        assert result["pages"] >= 1 and expected in text, kind
        assert kind == "attendance" or "Hà Nội, ngày 06 tháng 11 năm 2026" in text, kind
    assert "not a date" in run.refused(
        "report", "resolution", str(sc.session_id), "--out", "x.pdf", "--date", "6/11"
    )


def test_holidays(cli: tuple[Cli, Scenario]) -> None:
    run, _sc = cli
    assert run.ok("holidays")["holidays"] == ["01-01", "04-30", "05-01", "09-02"]
    assert run.ok("holidays", "--set", "01-01", "2027-02-08")["holidays"] == ["01-01", "2027-02-08"]
    assert "not valid" in run.refused("holidays", "--set", "31-31")
