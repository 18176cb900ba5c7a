"""Bad packages, one per check: each is refused with its own reason, and nothing in the database changes
(a dump of every table is equal before and after; the audit log gains the refusal event, and only that)."""

from __future__ import annotations

import hashlib
import json
import uuid
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from ecabinet.audit.chain import snapshot
from ecabinet.db import Database
from ecabinet.model import (
    AgendaItem,
    AttendanceStatus,
    Document,
    ItemPosition,
    OpinionAnswer,
    OpinionChoice,
    Stance,
    utcnow,
)
from ecabinet.model.sync import ProfileRole
from ecabinet.security import crypto, keystore
from ecabinet.security.keystore import Keyring
from ecabinet.sync import keys as K
from ecabinet.sync.container import Limits
from ecabinet.sync.errors import PackageRefused
from ecabinet.sync.schema import delete_record, upsert_record
from ecabinet.voting import attendance as A
from ecabinet.voting import ballots as B
from ecabinet.voting import positions as P
from ecabinet.voting import votes as V
from tests.sync.conftest import (
    SCRYPT_N,
    World,
    audit_events,
    craft,
    dump,
    read_entries,
    reopen,
    resign,
    write_zip,
)

MiB = 1 << 20


@dataclass
class Ctx:
    w: World
    tmp: Path
    p2: Path  # to pm, number 2, held back while 3 was applied
    p3: Path  # to pm, number 3, applied
    for_minister: Path
    m2: Path  # from pm, number 2: valid and not yet imported
    from_other: Path  # from a laptop whose key the secretariat revoked
    rogue: Keyring  # a key the secretariat imported but never confirmed
    stranger: Keyring  # a key the secretariat never saw
    answer: dict[str, Any]  # the image of pm's answer as the laptop sends it
    position: dict[str, Any]
    secret_vote: uuid.UUID
    foreign_question: uuid.UUID  # of a ballot not addressed to pm
    pm_item: dict[str, Any]  # an agenda item's image, as held on pm's laptop

    def path(self) -> Path:
        return self.tmp / f"{uuid.uuid4().hex[:10]}.ecab"

    @property
    def sec(self) -> Database:
        return self.w.sec

    @property
    def pm(self) -> Database:
        return self.w.laptops["pm"].db

    def member_package(
        self, records: list[dict[str, Any]], sequence: int = 2, ack: int = 0, **kw: Any
    ) -> Path:
        return craft(
            self.path(), self.w.laptops["pm"].keyring, self.sec, self.w.sec_keys, records, sequence, ack, **kw
        )

    def secretariat_package(self, records: list[dict[str, Any]], sequence: int = 4, **kw: Any) -> Path:
        pm = self.w.laptops["pm"]
        return craft(self.path(), self.w.sec_keys, pm.db, pm.keyring, records, sequence, 1, **kw)


def _image(database: Database, model: type, row_id: uuid.UUID) -> dict[str, Any]:
    with database.read() as s:
        return snapshot(s.get(model, row_id))


@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory, world_template: World) -> Any:
    tmp = tmp_path_factory.mktemp("refusals")
    w = reopen(world_template, tmp / "world")
    w.import_on_laptop("pm", w.to_laptop("pm"))
    p2, p3 = w.to_laptop("pm"), w.to_laptop("pm")
    w.import_on_laptop("pm", p3)
    for_minister = w.to_laptop("minister")
    pm = w.laptops["pm"]
    with pm.db.write(pm.member) as s:
        answer = B.answer_ballot(s, pm.member, w.ballot_id, w.question_id, OpinionChoice.AGREE)
        P.set_position(s, pm.member, w.item_id, Stance.NO_OBJECTION)
    w.import_on_sec(w.from_laptop("pm"))
    with pm.db.write(pm.member) as s:
        B.answer_ballot(s, pm.member, w.ballot_id, w.question_id, OpinionChoice.OTHER, "Đề nghị làm rõ")
    m2 = w.from_laptop("pm")
    with pm.db.read() as s:
        answer_row = s.execute(select(OpinionAnswer)).scalar_one()
        position_row = s.execute(select(ItemPosition)).scalar_one()
        answer_image, position_image = snapshot(answer_row), snapshot(position_row)
    w.import_on_laptop("other", w.to_laptop("other"))
    from_other = w.from_laptop("other")
    other_keys = w.laptops["other"].keyring
    with w.sec.write(w.cast.officer) as s:
        K.revoke_key(s, w.cast.officer, w.sec_keys.profile, other_keys.current.key_id, "laptop lost")
    # A guest's laptop whose key was imported but never confirmed, and a key nobody imported.
    keystore.create_keystore(
        tmp / "rogue-keys",
        uuid.uuid4(),
        ProfileRole.MEMBER,
        w.cast.guest.member_id,
        "rogue passphrase",
        SCRYPT_N,
    )
    rogue = keystore.unlock(tmp / "rogue-keys", "rogue passphrase")
    with w.sec.write(w.cast.officer) as s:
        K.import_key(s, w.cast.officer, w.sec_keys.profile, rogue.current.document)
    keystore.create_keystore(
        tmp / "stranger-keys",
        uuid.uuid4(),
        ProfileRole.MEMBER,
        w.cast.pm.member_id,
        "stranger passphrase",
        SCRYPT_N,
    )
    stranger = keystore.unlock(tmp / "stranger-keys", "stranger passphrase")
    # A ballot only the minister receives, and a secret vote in the session.
    officer, leader = w.cast.officer, w.cast.leader
    with w.sec.write(officer) as s:
        other_ballot = B.create_ballot(
            s,
            officer,
            w.other_item_id,
            ["Ý kiến về báo cáo?"],
            utcnow() + timedelta(days=2),
            recipient_ids=[w.cast.minister.member_id],
            document_ids=[],
        )
        B.submit_ballot(s, officer, other_ballot.summary.id)
    with w.sec.write(leader) as s:
        B.approve_ballot(s, leader, other_ballot.summary.id)
        B.send_ballot(s, leader, other_ballot.summary.id)
    with w.sec.write(officer) as s:
        from ecabinet.agenda import sessions as S

        S.start_session(s, officer, w.session_id)
        for member in (w.cast.pm, w.cast.minister, w.cast.other_minister):
            A.record_attendance(
                s,
                officer,
                w.session_id,
                member.member_id,
                AttendanceStatus.PRESENT,
                now=utcnow() - timedelta(minutes=5),
            )
        secret_vote = V.open_vote(s, officer, w.other_item_id, "Bỏ phiếu kín về nhân sự", secret=True)
    context = Ctx(
        w=w,
        tmp=tmp,
        p2=p2,
        p3=p3,
        for_minister=for_minister,
        m2=m2,
        from_other=from_other,
        rogue=rogue,
        stranger=stranger,
        answer=answer_image,
        position=position_image,
        secret_vote=secret_vote.id,
        foreign_question=other_ballot.questions[0].id,
        pm_item=_image(pm.db, AgendaItem, w.item_id),
    )
    assert answer.member_id == w.cast.pm.member_id
    yield context
    w.close()


# --- the bad packages ------------------------------------------------------------------------------------------


def _flip(path: Path, dst: Path, entry: str, needle: bytes | None = None) -> Path:
    """`path` with one byte of `entry`'s stored content changed (inside `needle` when given)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(entry)
        content = zf.read(info)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    at = content.index(needle) + len(needle) if needle else len(content) // 2
    data[start + at] = ord("7") if data[start + at] != ord("7") else ord("8")
    dst.write_bytes(bytes(data))
    return dst


def _with_zip(
    src: Path, dst: Path, extra: list[tuple[str, bytes]], drop: str | None = None, **kw: Any
) -> Path:
    entries = [(n, d) for n, d in read_entries(src).items() if n != drop]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a duplicate name, which is the point
        write_zip(dst, [*extra, *entries], **kw)
    return dst


def _answer(c: Ctx, **changes: Any) -> dict[str, Any]:
    return upsert_record("opinion_answers", {**c.answer, "version": c.answer["version"] + 1, **changes})


def _new_id() -> str:
    return str(uuid.uuid4())


def _manifest(change: Callable[[dict[str, Any]], None]) -> Callable[[Ctx], Path]:
    return lambda c: resign(c.m2, c.path(), c.w.laptops["pm"].keyring, manifest=change)


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(m: dict[str, Any]) -> None:
        m[key] = value

    return change


def _records_entry(m: dict[str, Any]) -> dict[str, Any]:
    return next(e for e in m["entries"] if e["kind"] == "records")


def _version_row(c: Ctx, sha: str) -> dict[str, Any]:
    now = utcnow().isoformat()
    return {
        "id": _new_id(),
        "document_id": str(c.w.normal_doc),
        "number": 2,
        "sha256": sha,
        "filename": "v2.pdf",
        "size": 4,
        "page_count": 1,
        "outline": None,
        "reason": "",
        "added_by_id": None,
        "text_indexed": False,
        "created_at": now,
        "updated_at": now,
        "version": 1,
    }


def _bomb(c: Ctx) -> Path:
    """A small zip whose first entry inflates to twice the limit."""
    return _with_zip(
        c.m2, c.path(), [(f"files/{'0' * 64}", b"\0" * (2 * MiB))], compress=zipfile.ZIP_DEFLATED
    )


def _swapped_file(c: Ctx) -> Path:
    real = b"%PDF-1.4 real"
    sha = hashlib.sha256(real).hexdigest()
    plain = c.secretariat_package(
        [upsert_record("document_versions", _version_row(c, sha))], files=[(sha, real)], encrypt=False
    )

    def swap(parts: dict[str, bytes]) -> None:
        parts[f"files/{sha}"] = b"%PDF-1.4 fake"

    def relist(m: dict[str, Any]) -> None:
        for e in m["entries"]:
            if e["kind"] == "file":
                e["sha256"] = hashlib.sha256(b"%PDF-1.4 fake").hexdigest()
                e["size"] = len(b"%PDF-1.4 fake")

    return resign(plain, c.path(), c.w.sec_keys, manifest=relist, entries=swap)


def _lying_records_size(m: dict[str, Any]) -> None:
    _records_entry(m)["plain_size"] = 10


CASES: dict[str, tuple[str, Callable[[Ctx], Path], str, Limits | None]] = {
    # the container
    "tampered manifest byte": (
        "sec",
        lambda c: _flip(c.m2, c.path(), "manifest.json", b'"created":"'),
        "sync_bad_signature",
        None,
    ),
    "tampered records byte": (
        "sec",
        lambda c: _flip(c.m2, c.path(), "records.jsonl.z"),
        "sync_entry_hash",
        None,
    ),
    "truncated": ("sec", lambda c: _write(c.path(), c.m2.read_bytes()[:-200]), "sync_damaged", None),
    "not a zip at all": ("sec", lambda c: _write(c.path(), b"PK\x03\x04" + b"x" * 500), "sync_damaged", None),
    "no manifest": (
        "sec",
        lambda c: _with_zip(c.m2, c.path(), [], drop="manifest.json"),
        "sync_not_a_package",
        None,
    ),
    "path traversal": (
        "sec",
        lambda c: _with_zip(c.m2, c.path(), [("../../etc/evil", b"x")]),
        "sync_unsafe_path",
        None,
    ),
    "absolute path": (
        "sec",
        lambda c: _with_zip(c.m2, c.path(), [("/tmp/evil", b"x")]),
        "sync_unsafe_path",
        None,
    ),
    "zip bomb (declared size)": ("sec", _bomb, "sync_too_large", Limits(entry_bytes=MiB)),
    "compressed entry": (
        "sec",
        lambda c: _with_zip(c.m2, c.path(), [], compress=zipfile.ZIP_DEFLATED),
        "sync_compressed_entry",
        None,
    ),
    "records bomb (lying size)": ("sec", _manifest(_lying_records_size), "sync_too_large", None),
    "records too large": (
        "sec",
        lambda c: c.member_package([_answer(c, comment="x" * 200_000)]),
        "sync_too_large",
        Limits(records_bytes=64 * 1024),
    ),
    "too many entries": ("sec", lambda c: c.m2, "sync_too_many_entries", Limits(entries=2)),
    "duplicate entry": (
        "sec",
        lambda c: _with_zip(c.m2, c.path(), [("manifest.sig", b"x")]),
        "sync_duplicate_entry",
        None,
    ),
    "entry not in manifest": (
        "sec",
        lambda c: _with_zip(c.m2, c.path(), [(f"files/{'1' * 64}", b"x")]),
        "sync_unexpected_entry",
        None,
    ),
    "entry missing": (
        "sec",
        lambda c: resign(
            c.m2, c.path(), c.w.laptops["pm"].keyring, entries=lambda p: p.pop("records.jsonl.z")
        ),
        "sync_missing_entry",
        None,
    ),
    "entry hash in manifest wrong": (
        "sec",
        _manifest(lambda m: _records_entry(m).update(sha256="0" * 64)),
        "sync_entry_hash",
        None,
    ),
    "file does not match its name": ("pm", _swapped_file, "sync_file_hash", None),
    # the manifest
    "newer format": ("sec", _manifest(_set("format_version", 2)), "sync_format_newer", None),
    "unknown format version": (
        "sec",
        _manifest(_set("format_version", "1.0")),
        "sync_format_unsupported",
        None,
    ),
    "manifest field missing": ("sec", _manifest(lambda m: m.pop("sequence")), "sync_manifest_invalid", None),
    "record count differs": (
        "sec",
        _manifest(lambda m: m.update(record_count=m["record_count"] + 1)),
        "sync_record_invalid",
        None,
    ),
    # keys and trust
    "signed by another key": (
        "sec",
        lambda c: resign(c.m2, c.path(), c.w.laptops["minister"].keyring),
        "sync_bad_signature",
        None,
    ),
    "wrong signer": (
        "sec",
        _manifest(lambda m: m["sender"].update(installation_id=str(m["recipient"]["installation_id"]))),
        "sync_signer_mismatch",
        None,
    ),
    "untrusted key": (
        "sec",
        lambda c: craft(c.path(), c.rogue, c.sec, c.w.sec_keys, [], 1),
        "sync_untrusted_key",
        None,
    ),
    "unknown key": (
        "sec",
        lambda c: craft(c.path(), c.stranger, c.sec, c.w.sec_keys, [], 1),
        "sync_unknown_key",
        None,
    ),
    "revoked key": ("sec", lambda c: c.from_other, "sync_revoked_key", None),
    "wrong recipient": ("pm", lambda c: c.for_minister, "sync_wrong_recipient", None),
    "recipient key not ours": (
        "sec",
        _manifest(lambda m: m["recipient"].update(key_id="ab" * 32)),
        "sync_unknown_recipient_key",
        None,
    ),
    "cannot decrypt": (
        "sec",
        _manifest(
            lambda m: m["encryption"].update(
                ephemeral_public=crypto.b64e(crypto.raw_public(X25519PrivateKey.generate().public_key()))
            )
        ),
        "sync_decrypt_failed",
        None,
    ),
    "from this installation itself": (
        "sec",
        lambda c: craft(c.path(), c.w.sec_keys, c.sec, c.w.sec_keys, [], 1),
        "sync_wrong_direction",
        None,
    ),
    # order
    "replay of a used number": ("pm", lambda c: c.secretariat_package([], sequence=3), "sync_replay", None),
    "older package": ("pm", lambda c: c.p2, "sync_older", None),
    "confirms a package never sent": ("sec", lambda c: c.member_package([], ack=99), "sync_bad_ack", None),
    # the records: schema
    "unknown table": (
        "sec",
        lambda c: c.member_package([{"op": "upsert", "table": "private_notes", "row": {}}]),
        "sync_unknown_table",
        None,
    ),
    "bad column type": (
        "sec",
        lambda c: c.member_package([_answer(c, choice=5)]),
        "sync_record_invalid",
        None,
    ),
    "missing column": (
        "sec",
        lambda c: c.member_package(
            [upsert_record("opinion_answers", {k: v for k, v in c.answer.items() if k != "comment"})]
        ),
        "sync_record_invalid",
        None,
    ),
    "unknown column": (
        "sec",
        lambda c: c.member_package([_answer(c, secret_note="x")]),
        "sync_record_invalid",
        None,
    ),
    "same row twice": (
        "sec",
        lambda c: c.member_package([_answer(c), _answer(c)]),
        "sync_record_invalid",
        None,
    ),
    # the records: authority
    "member changes the agenda": (
        "sec",
        lambda c: c.member_package(
            [upsert_record("agenda_items", {**c.pm_item, "title": "Nội dung do thành viên tự đặt"})]
        ),
        "sync_table_not_allowed",
        None,
    ),
    "member answers for another": (
        "sec",
        lambda c: c.member_package(
            [_answer(c, id=_new_id(), member_id=str(c.w.cast.minister.member_id), version=1)]
        ),
        "sync_other_member",
        None,
    ),
    "member deletes an answer": (
        "sec",
        lambda c: c.member_package([delete_record("opinion_answers", uuid.UUID(c.answer["id"]))]),
        "sync_member_delete",
        None,
    ),
    "member answers a ballot not sent to them": (
        "sec",
        lambda c: c.member_package(
            [_answer(c, id=_new_id(), question_id=str(c.foreign_question), version=1)]
        ),
        "sync_not_visible",
        None,
    ),
    "member states a position on a draft session": (
        "sec",
        lambda c: c.member_package(
            [
                upsert_record(
                    "item_positions", {**c.position, "id": _new_id(), "item_id": str(c.w.draft_item_id)}
                )
            ]
        ),
        "sync_not_visible",
        None,
    ),
    "secret vote in a package": (
        "sec",
        lambda c: c.member_package(
            [
                upsert_record(
                    "vote_casts",
                    {
                        "id": _new_id(),
                        "vote_id": str(c.secret_vote),
                        "member_id": str(c.w.cast.pm.member_id),
                        "choice": "for",
                        "recorded_by_id": None,
                        "created_at": utcnow().isoformat(),
                        "updated_at": utcnow().isoformat(),
                        "version": 1,
                    },
                )
            ]
        ),
        "sync_secret_vote",
        None,
    ),
    "secretariat sends another member's answer": (
        "pm",
        lambda c: c.secretariat_package(
            [_answer(c, id=_new_id(), member_id=str(c.w.cast.minister.member_id))]
        ),
        "sync_other_member",
        None,
    ),
    # the records: references and files
    "refers to a missing row": (
        "pm",
        lambda c: c.secretariat_package(
            [upsert_record("agenda_items", {**c.pm_item, "id": _new_id(), "session_id": _new_id()})]
        ),
        "sync_missing_reference",
        None,
    ),
    "file entry missing": (
        "pm",
        lambda c: c.secretariat_package([upsert_record("document_versions", _version_row(c, "c" * 64))]),
        "sync_missing_file",
        None,
    ),
    "classified without encryption": (
        "pm",
        lambda c: c.secretariat_package(
            [upsert_record("agenda_items", {**c.pm_item, "classification": "secret"})], encrypt=False
        ),
        "sync_unencrypted_classified",
        None,
    ),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_there_are_enough_distinct_checks() -> None:
    assert len(CASES) >= 25
    assert len({code for _t, _b, code, _l in CASES.values()}) >= 25


@pytest.mark.parametrize("case", list(CASES))
def test_bad_package_is_refused_and_changes_nothing(ctx: Ctx, case: str) -> None:
    target, build, code, limits = CASES[case]
    package = build(ctx)
    database = ctx.sec if target == "sec" else ctx.pm
    keyring = ctx.w.sec_keys if target == "sec" else ctx.w.laptops["pm"].keyring
    actor = ctx.w.cast.officer if target == "sec" else ctx.w.laptops["pm"].member
    before = dump(database)
    events = len(audit_events(database))
    from ecabinet.sync.importer import import_package

    with pytest.raises(PackageRefused) as refused:
        import_package(database, keyring, package, actor, **({"limits": limits} if limits else {}))
    assert refused.value.code == code, refused.value.message("en")
    assert dump(database) == before
    new = audit_events(database)[events:]
    assert [(e.action, json.loads(e.change)["reason"]) for e in new] == [("sync.refused", code)]
    assert "Nothing was changed" in refused.value.message("en")
    assert "Không có gì thay đổi" in refused.value.message("vi")


@pytest.mark.parametrize("case", list(CASES))
def test_a_dry_run_of_a_bad_package_gives_the_same_reason_and_records_nothing(ctx: Ctx, case: str) -> None:
    target, build, code, limits = CASES[case]
    package = build(ctx)
    database = ctx.sec if target == "sec" else ctx.pm
    keyring = ctx.w.sec_keys if target == "sec" else ctx.w.laptops["pm"].keyring
    actor = ctx.w.cast.officer if target == "sec" else ctx.w.laptops["pm"].member
    before = dump(database, with_audit=True)
    from ecabinet.sync.importer import import_package

    with pytest.raises(PackageRefused) as refused:
        import_package(
            database, keyring, package, actor, dry_run=True, **({"limits": limits} if limits else {})
        )
    assert refused.value.code == code, refused.value.message("en")
    assert dump(database, with_audit=True) == before, "not even the refusal is recorded"


def test_the_valid_package_behind_the_bad_ones_still_applies(ctx: Ctx) -> None:
    """The refusals above were refusals of bad packages, not a broken setup: the good one applies."""
    result = ctx.w.import_on_sec(ctx.m2)
    assert dict(result.tables) == {"opinion_answers": 1}
    with ctx.sec.read() as s:
        assert s.execute(select(OpinionAnswer.choice)).scalar_one() is OpinionChoice.OTHER
        assert s.get(Document, ctx.w.secret_doc) is not None
