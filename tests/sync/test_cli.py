"""The sync commands end to end: profiles, key exchange, export, import — exit codes and plain reasons."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.cli import main
from ecabinet.db import Database
from ecabinet.model import SessionKind
from ecabinet.voting import ballots as B
from tests.conftest import TESTDATA, make_cast
from tests.sync.test_refusals import _flip

SEC_PASS = "secretariat passphrase"
LAPTOP_PASS = "minister laptop passphrase"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_three_homes_walkthrough(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sec_home, lap_home = tmp_path / "sec", tmp_path / "laptop"
    sec_home.mkdir()
    database = Database(f"sqlite:///{sec_home / 'ecabinet.db'}", sec_home)
    cast = make_cast(database)
    pdf = (TESTDATA / "minimal-document.pdf").read_bytes()
    sha = database.blobs.put(pdf)
    with database.write(cast.officer) as s:
        created = S.create_session(
            s, cast.officer, "Phiên họp thường kỳ", SessionKind.REGULAR, datetime.now(UTC) + timedelta(days=7)
        )
        item = I.add_item(s, cast.officer, created.id, "Dự thảo Nghị định")
        D.add_document(s, cast.officer, item.id, "Tờ trình", sha, "t.pdf", len(pdf), 1)
        S.publish_session(s, cast.officer, created.id)
        ballot = B.create_ballot(
            s,
            cast.officer,
            item.id,
            ["Đồng ý?"],
            datetime.now(UTC) + timedelta(days=3),
            recipient_ids=[cast.minister.member_id],
        )
        B.submit_ballot(s, cast.officer, ballot.summary.id)
    with database.write(cast.leader) as s:
        B.approve_ballot(s, cast.leader, ballot.summary.id)
        B.send_ballot(s, cast.leader, ballot.summary.id)
    database.close()
    sec, lap = ("--home", str(sec_home)), ("--home", str(lap_home))
    minister = str(cast.minister.member_id)

    monkeypatch.setenv("ECABINET_PASSPHRASE", SEC_PASS)
    code, out, _ = run(capsys, *sec, "profile", "init", "--secretariat")
    assert code == 0 and "Key fingerprint:" in out
    code, _, err = run(capsys, *sec, "profile", "init", "--secretariat")
    assert code == 2 and "already has a profile" in err
    monkeypatch.setenv("ECABINET_PASSPHRASE", LAPTOP_PASS)
    assert run(capsys, *lap, "profile", "init", "--member", minister)[0] == 0

    assert run(capsys, *sec, "keys", "export", "--out", str(tmp_path / "sec.key"))[0] == 0
    assert run(capsys, *lap, "keys", "export", "--out", str(tmp_path / "lap.key"))[0] == 0
    code, out, _ = run(capsys, *sec, "keys", "import", str(tmp_path / "lap.key"))
    assert code == 0 and "Hồ Đức Tài (untrusted)" in out
    assert run(capsys, *lap, "keys", "import", str(tmp_path / "sec.key"))[0] == 0
    fingerprints = {}
    for name, home in (("sec", sec), ("lap", lap)):
        code, out, _ = run(capsys, *home, "keys", "show", "--json")
        fingerprints[name] = json.loads(out)["profile"]["current"]["fingerprint"]
    # Refused before the fingerprint is confirmed.
    monkeypatch.setenv("ECABINET_PASSPHRASE", SEC_PASS)
    code, _, err = run(capsys, *sec, "export", "--to", "Hồ Đức Tài", "--out", str(tmp_path / "x.ecab"))
    assert code == 2 and "no trusted key" in err
    assert run(capsys, *sec, "keys", "trust", *fingerprints["lap"].split()[:8])[0] == 0
    assert run(capsys, *lap, "keys", "trust", fingerprints["sec"])[0] == 0
    code, out, _ = run(capsys, *sec, "keys", "show")
    assert "Hồ Đức Tài" in out and "trusted" in out

    package = tmp_path / "to-minister.ecab"
    code, out, _ = run(capsys, *sec, "export", "--to", "Hồ Đức Tài", "--out", str(package))
    assert code == 0 and "Package #1 for Hồ Đức Tài" in out and package.exists()
    code, out, _ = run(capsys, *sec, "--json", "export", "--to", minister, "--out", str(tmp_path / "2.ecab"))
    assert code == 0 and json.loads(out)["sequence"] == 2 and json.loads(out)["path"].endswith("2.ecab")

    monkeypatch.setenv("ECABINET_PASSPHRASE", LAPTOP_PASS)
    code, out, _ = run(capsys, *lap, "import", str(package))
    assert code == 0 and "Applied package #1 from secretariat" in out
    code, out, _ = run(capsys, *lap, "import", str(package))
    assert code == 0 and "already applied" in out
    code, out, _ = run(capsys, *lap, "--json", "import", str(tmp_path / "2.ecab"))
    assert code == 0 and json.loads(out)["already_applied"] is False and json.loads(out)["sequence"] == 2
    bad = _flip(package, tmp_path / "bad.ecab", "manifest.json", b'"created":"')
    code, _, err = run(capsys, *lap, "import", str(bad))
    assert code == 2 and "changed after it was signed" in err
    code, _, err = run(capsys, *lap, "--lang", "vi", "import", str(bad))
    assert code == 2 and "Gói đã bị sửa đổi sau khi ký (chữ ký không khớp). Không có gì thay đổi." in err

    code, _, _ = run(
        capsys, *lap, "--as", minister, "ballot", "answer", str(ballot.summary.id), "--choice", "agree"
    )
    assert code == 0
    back = tmp_path / "from-minister.ecab"
    code, out, _ = run(capsys, *lap, "export", "--to", "secretariat", "--out", str(back))
    assert code == 0 and "opinion_answers: 1" in out

    monkeypatch.delenv("ECABINET_PASSPHRASE")
    code, _, err = run(capsys, *sec, "import", str(back))
    assert code == 2 and "passphrase is needed" in err
    secret = tmp_path / "pass.txt"
    secret.write_text(SEC_PASS + "\n")
    code, out, _ = run(capsys, *sec, "import", str(back), "--passphrase-file", str(secret))
    assert code == 0 and "Applied package #1 from Hồ Đức Tài" in out and "opinion_answers: 1" in out
    code, _, err = run(capsys, *sec, "import", str(back), "--passphrase-file", str(tmp_path / "sec.key"))
    assert code == 2 and "passphrase is wrong" in err
    assert run(capsys, *sec, "audit", "verify")[0] == 0
    assert run(capsys, *lap, "audit", "verify")[0] == 0
