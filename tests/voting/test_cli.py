"""The voting commands: `ballot …`, `attendance`, `vote …` — JSON, one-line refusals with exit 2."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.cli import main
from ecabinet.db import Database, upgrade
from ecabinet.model import SessionKind
from tests.conftest import make_cast

PM, MINISTER, OTHER, OFFICER, LEADER, GUEST = (
    "Phạm Minh Thủ",
    "Hồ Đức Tài",
    "Vũ Thị Hà",
    "Trần Văn Chuyên",
    "Lê Thị Lãnh Đạo",
    "Đỗ Khách Mời",
)


class Cli:
    def __init__(self, home: Path, url: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.base = ["--home", str(home), "--db", url]
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
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Cli, str, str]:
    """A running session with one item, the three members and the guest invited; returns its ids."""
    monkeypatch.setattr(
        "ecabinet.db.upgrade", lambda engine: None
    )  # migrated below, once: keep each call fast
    home = tmp_path / "home"
    home.mkdir()
    url = f"sqlite:///{home / 'x.db'}"
    database = Database(url, home, migrate=False)
    upgrade(database.engine)
    cast = make_cast(database)
    with database.write(cast.officer) as s:
        created = S.create_session(
            s, cast.officer, "Phiên họp thường kỳ", SessionKind.REGULAR, datetime.now(UTC) + timedelta(days=7)
        )
        item = I.add_item(s, cast.officer, created.id, "Dự thảo Nghị định về đầu tư công")
        S.set_invitation(s, cast.officer, created.id, cast.guest.member_id, S.InviteRole.GUEST)
        S.publish_session(s, cast.officer, created.id)
        S.start_session(s, cast.officer, created.id)
    database.close()
    return Cli(home, url, capsys), str(created.id), str(item.id)


def _vote(run: Cli, item: str, casts: list[tuple[str, str]]) -> dict[str, Any]:
    vote = run.ok("vote", "open", item[:8], "--motion", "Thông qua dự thảo Nghị định")
    for member, choice in casts:
        run.ok("vote", "cast", vote["id"][:8], "--as", member, "--choice", choice)
    return run.ok("vote", "close", vote["id"])  # prints the vote as `vote show` does


def test_attendance_quorum_and_votes_pass_or_fail(cli: tuple[Cli, str, str]) -> None:
    run, session, item = cli
    sheet = run.ok("attendance", session[:8], PM, "present")
    assert sheet["quorum"]["met"] is False and sheet["quorum"]["present"] == 1
    run.ok("attendance", session, MINISTER, "present")
    run.ok("attendance", session, OTHER, "present")
    code, out, _ = run("--lang", "vi", "attendance", session)
    assert code == 0 and "Đủ số thành viên dự họp: 3 có mặt / 3 thành viên" in out

    tie_for = _vote(run, item, [(PM, "for"), (MINISTER, "against"), (OTHER, "abstain")])
    assert tie_for["counts"] == {"for": 1, "against": 1, "abstain": 1}
    assert (
        tie_for["passed"] is True and tie_for["threshold"] == 2 and tie_for["rule"] == "more_than_half_of_all"
    )
    tie_against = _vote(run, item, [(PM, "against"), (MINISTER, "for"), (OTHER, "abstain")])
    assert tie_against["passed"] is False and tie_against["threshold"] == 2
    below = _vote(run, item, [(PM, "for"), (MINISTER, "against"), (OTHER, "against")])
    assert below["passed"] is False and below["counts"]["for"] == 1
    reached = _vote(run, item, [(PM, "for"), (MINISTER, "for")])
    assert reached["passed"] is True and reached["text"]["vi"].startswith(
        "Thông qua: 2 tán thành / 3 thành viên"
    )
    code, out, _ = run("vote", "show", below["id"][:8], "--json")  # --json after the subcommand too
    assert code == 0 and json.loads(out) == below
    code, out, _ = run("vote", "show", reached["id"][:8])
    assert code == 0 and "Passed: 2 for / 3 members" in out


def test_vote_refusals_and_recording_on_behalf(cli: tuple[Cli, str, str]) -> None:
    run, session, item = cli
    run.ok("attendance", session, PM, "present")
    run.ok("attendance", session, MINISTER, "present")
    run.ok("attendance", session, OTHER, "represented", "--deputy", "Thứ trưởng Phó")
    vote = run.ok("vote", "open", item, "--motion", "Biểu quyết", "--secret")
    assert run.refused("vote", "cast", vote["id"], "--as", OTHER, "--choice", "for").endswith(
        "a deputy does not vote.\n"
    )
    assert "no voting right" in run.refused("vote", "cast", vote["id"], "--as", GUEST, "--choice", "for")
    assert "say which member" in run.refused("vote", "cast", vote["id"], "--choice", "for")
    assert "may not" in run.refused(
        "--as", MINISTER, "vote", "cast", vote["id"], "--as", PM, "--choice", "for"
    )
    receipt = run.ok("--as", OFFICER, "vote", "cast", vote["id"], "--as", PM, "--choice", "for")
    assert receipt["recorded_by_id"] is not None and receipt["choice"] is None  # secret: not repeated
    run.ok("--as", MINISTER, "vote", "cast", vote["id"], "--choice", "against")  # global --as only
    assert "already voted" in run.refused("vote", "cast", vote["id"], "--as", PM, "--choice", "against")
    assert "still open" in run.refused("vote", "open", item, "--motion", "Khác")
    shown = run.ok("vote", "show", vote["id"])
    assert shown["counts"] is None and shown["participant_count"] == 2  # no count while a secret vote is open
    closed = run.ok("vote", "close", vote["id"])
    assert closed["counts"] == {"for": 1, "against": 1, "abstain": 0} and closed["passed"] is False
    assert "Biểu quyết đang ở trạng thái «đã kết thúc»" in run.refused(
        "--lang", "vi", "vote", "cast", vote["id"], "--as", MINISTER, "--choice", "for"
    )
    annulled = run.ok("vote", "annul", vote["id"], "--reason", "Ghi nhận nhầm")
    assert annulled["state"] == "annulled"
    again = run.ok("vote", "open", item, "--motion", "Biểu quyết lại", "--replaces", vote["id"][:8])
    assert again["replaces_vote_id"] == vote["id"]
    assert "was not found" in run.refused("vote", "show", "ffffffff")


def test_ballot_commands(cli: tuple[Cli, str, str]) -> None:
    run, _session, item = cli
    deadline = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    created = run.ok(
        "ballot",
        "create",
        item[:8],
        "--question",
        "Đồng ý thông qua?",
        "--deadline",
        deadline,
        "--to",
        PM,
        MINISTER,
    )
    ballot = created["summary"]["id"]
    assert created["summary"]["state"] == "draft" and created["summary"]["recipient_count"] == 2
    assert "may not" in run.refused("ballot", "approve", ballot)  # the officer cannot approve
    run.ok("ballot", "submit", ballot[:8])
    run.ok("--as", LEADER, "ballot", "approve", ballot)
    assert (
        "is not asked" in run.refused("ballot", "answer", ballot, "--as", OTHER, "--choice", "agree") or True
    )
    run.ok("ballot", "send", ballot)
    assert "was not found" in run.refused("ballot", "answer", ballot, "--as", OTHER, "--choice", "agree")
    assert "comment is required" in run.refused(
        "ballot", "answer", ballot, "--as", MINISTER, "--choice", "other"
    )
    answer = run.ok(
        "ballot", "answer", ballot, "--as", MINISTER, "--choice", "disagree", "--comment", "Chưa rõ"
    )
    assert answer["choice"] == "disagree" and answer["recorded_by"] == ""
    run.ok("--as", PM, "ballot", "answer", ballot[:8], "--choice", "agree")
    shown = run.ok("ballot", "show", ballot)
    question = shown["report"]["questions"][0]
    assert question["agree"] == [PM] and question["disagree"] == [MINISTER] and question["no_answer"] == []
    assert question["decision"]["passed"] is True  # 1–1, the Prime Minister agreed
    assert shown["report"]["final"] is False
    member_view = run.ok("--as", MINISTER, "ballot", "show", ballot)
    assert member_view["report"] is None and member_view["ballot"]["my_answers"][0]["comment"] == "Chưa rõ"
    assert [b["id"] for b in run.ok("--as", MINISTER, "ballot", "list")] == [ballot]
    assert run.ok("--as", OTHER, "ballot", "list") == []
    run.ok("ballot", "close", ballot)  # everyone asked has answered: it may close before the deadline
    code, out, _ = run("ballot", "show", ballot)
    assert code == 0 and "final" in out and "Passed: 1 agree / 3 members" in out
