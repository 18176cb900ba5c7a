"""Secretariat → three members' laptops → answers, positions and votes back: in three-plus-one databases."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda import reading as R
from ecabinet.agenda import sessions as S
from ecabinet.audit import verify_chain
from ecabinet.errors import DomainError
from ecabinet.model import (
    AttendanceStatus,
    CabinetSession,
    Document,
    DocumentVersion,
    ItemPosition,
    OpinionAnswer,
    OpinionChoice,
    ReadReceipt,
    Stance,
    VoteCast,
    VoteChoice,
    utcnow,
)
from ecabinet.model.reading import PrivateNote
from ecabinet.model.sync import SyncNotice, SyncPackage
from ecabinet.security import keystore
from ecabinet.sync import keys as K
from ecabinet.sync.exporter import export_package
from ecabinet.sync.schema import MEMBER_TABLES
from ecabinet.voting import attendance as A
from ecabinet.voting import ballots as B
from ecabinet.voting import positions as P
from ecabinet.voting import speaking as SP
from ecabinet.voting import votes as V
from tests.sync.conftest import PASSPHRASES, World, dump, manifest_of

CHOICES = {"pm": OpinionChoice.AGREE, "minister": OpinionChoice.DISAGREE, "other": OpinionChoice.AGREE}
STANCES = {"pm": Stance.NO_OBJECTION, "minister": Stance.OBJECT, "other": Stance.WISH_TO_SPEAK}


def _distribute(world: World) -> None:
    for name in world.laptops:
        world.import_on_laptop(name, world.to_laptop(name))


def _respond(world: World, name: str) -> None:
    laptop = world.laptops[name]
    me = laptop.member
    with laptop.db.write(me) as s:
        comment = "" if CHOICES[name] is OpinionChoice.AGREE else "Cần làm rõ nguồn vốn"
        B.answer_ballot(s, me, world.ballot_id, world.question_id, CHOICES[name], comment)
        P.set_position(s, me, world.item_id, STANCES[name], "Ý kiến của " + me.name)
        R.mark_read(s, me, world.normal_doc)
        if STANCES[name] is Stance.WISH_TO_SPEAK:
            SP.request_to_speak(s, me, world.item_id)


def _chains_hold(world: World) -> None:
    for database in [world.sec, *(laptop.db for laptop in world.laptops.values())]:
        with database.read() as s:
            assert verify_chain(s) == []


def test_round_trip_secretariat_to_three_members_and_back(world: World) -> None:
    _distribute(world)
    for name, laptop in world.laptops.items():
        with laptop.db.read() as s:
            titles = set(s.execute(select(CabinetSession.title)).scalars())
            docs = set(s.execute(select(Document.title)).scalars())
        assert titles == {"Phiên họp thường kỳ"}, "a draft session never leaves the secretariat"
        assert ("Phụ lục mật" in docs) is (name == "minister"), "a classified document only to its recipient"
    for name in world.laptops:
        _respond(world, name)
    for name in world.laptops:
        result = world.import_on_sec(world.from_laptop(name))
        expected = {"item_positions": 1, "opinion_answers": 1, "read_receipts": 1}
        if name == "other":
            expected["speaking_requests"] = 1
        assert dict(result.tables) == expected
        assert result.refused == ()
    with world.sec.read() as s:
        report = B.ballot_report(s, world.cast.leader, world.ballot_id)
        overview = P.positions_overview(s, world.cast.officer, world.session_id)
    tally = report.questions[0].tally
    assert (tally.yes, tally.no) == (2, 1)
    with world.sec.read() as s:
        queue = SP.speaking_queue(s, world.cast.officer, world.item_id)
        readers = set(s.execute(select(ReadReceipt.member_id)).scalars())
    assert [e.name for e in queue] == [world.cast.other_minister.name]
    assert readers == {laptop.member.member_id for laptop in world.laptops.values()}
    first = next(i for i in overview if i.item_id == world.item_id)
    assert first.no_objection == (world.cast.pm.name,)
    assert [p.name for p in first.objections] == [world.cast.minister.name]
    assert [p.name for p in first.wish_to_speak] == [world.cast.other_minister.name]
    _chains_hold(world)
    # Both sides confirmed what they hold: the next packages carry nothing, in either direction.
    for name in world.laptops:
        again = world.import_on_laptop(name, world.to_laptop(name))
        assert (again.inserted, again.updated, again.deleted) == (0, 0, 0)
        assert manifest_of(world.from_laptop(name))["record_count"] == 0


def test_classified_file_is_watermarked_for_its_reader(world: World) -> None:
    world.import_on_laptop("minister", world.to_laptop("minister"))
    laptop = world.laptops["minister"]
    with world.sec.read() as s:
        original = s.execute(
            select(DocumentVersion).where(DocumentVersion.document_id == world.secret_doc)
        ).scalar_one()
    with laptop.db.read() as s:
        copy = s.execute(select(DocumentVersion).where(DocumentVersion.id == original.id)).scalar_one()
        normal = s.execute(
            select(DocumentVersion).where(DocumentVersion.document_id == world.normal_doc)
        ).scalar_one()
    assert copy.sha256 != original.sha256 and normal.sha256 == original.sha256
    stamped = laptop.db.blobs.read(copy.sha256)
    reader = PdfReader(io.BytesIO(stamped))
    assert len(reader.pages) == 1
    assert "Hồ Đức Tài" in reader.pages[0].extract_text()


def test_withdrawn_and_changed_rows_follow_and_files_go(world: World) -> None:
    world.import_on_laptop("minister", world.to_laptop("minister"))
    laptop = world.laptops["minister"]
    with laptop.db.read() as s:
        stamped = s.execute(
            select(DocumentVersion.sha256).where(DocumentVersion.document_id == world.secret_doc)
        ).scalar_one()
    assert laptop.db.blobs.has(stamped)
    with world.sec.write(world.cast.officer) as s:
        I.update_item(s, world.cast.officer, world.item_id, None, title="Dự thảo Nghị định (sửa đổi)")
        D.set_distribution(s, world.cast.officer, world.secret_doc, [])
    result = world.import_on_laptop("minister", world.to_laptop("minister"))
    assert dict(result.tables) == {
        "agenda_items": 1,
        "documents": 1,
        "document_versions": 1,
        "distributions": 1,
    }
    assert (result.updated, result.deleted) == (1, 3)
    with laptop.db.read() as s:
        assert s.get(Document, world.secret_doc) is None
    assert not laptop.db.blobs.has(stamped), "a withdrawn classified copy does not linger on the laptop"
    _chains_hold(world)


def test_late_answer_is_recorded_as_refused_on_both_sides(world: World) -> None:
    world.import_on_laptop("pm", world.to_laptop("pm"))
    _respond(world, "pm")
    package = world.from_laptop("pm")
    with world.sec.read() as s:
        ballot = B.get_ballot(s, world.cast.officer, world.ballot_id)
    result = world.import_on_sec(package, now=ballot.summary.deadline + timedelta(hours=1))
    assert [(r.entity, r.code) for r in result.refused] == [("opinion_answers", "sync_late_answer")]
    assert "after the deadline" in result.refused[0].message("en")
    assert "đến sau thời hạn" in result.refused[0].message("vi")
    assert dict(result.tables) == {"item_positions": 1, "read_receipts": 1}, "the rest of it applied"
    with world.sec.read() as s:
        assert s.execute(select(OpinionAnswer)).first() is None
        assert s.execute(select(SyncNotice.code)).scalars().all() == ["sync_late_answer"]
    back = world.import_on_laptop("pm", world.to_laptop("pm"))
    assert [n.code for n in back.notices] == ["sync_late_answer"]
    with world.laptops["pm"].db.read() as s:
        assert s.execute(select(SyncNotice.code)).scalars().all() == ["sync_late_answer"]
        assert s.execute(select(OpinionAnswer)).scalar_one().choice is OpinionChoice.AGREE  # the member's own
    _chains_hold(world)


def test_reimport_changes_nothing_and_says_so(world: World) -> None:
    package = world.to_laptop("pm")
    assert not world.import_on_laptop("pm", package).already_applied
    before = dump(world.laptops["pm"].db, with_audit=True)
    again = world.import_on_laptop("pm", package)
    assert again.already_applied and again.applied_at is not None
    assert dump(world.laptops["pm"].db, with_audit=True) == before


def test_withdrawn_position_and_changed_answer_travel(world: World) -> None:
    world.import_on_laptop("other", world.to_laptop("other"))
    _respond(world, "other")
    world.import_on_sec(world.from_laptop("other"))
    world.import_on_laptop("other", world.to_laptop("other"))  # brings the confirmation
    laptop = world.laptops["other"]
    me = laptop.member
    with laptop.db.write(me) as s:
        P.withdraw_position(s, me, world.item_id)
        B.answer_ballot(s, me, world.ballot_id, world.question_id, OpinionChoice.OTHER, "Đề nghị bổ sung")
    result = world.import_on_sec(world.from_laptop("other"))
    assert (result.updated, result.deleted) == (1, 1)
    with world.sec.read() as s:
        assert s.execute(select(ItemPosition)).first() is None
        answer = s.execute(select(OpinionAnswer)).scalar_one()
    assert (answer.choice, answer.comment) == (OpinionChoice.OTHER, "Đề nghị bổ sung")
    _chains_hold(world)


def test_members_own_answer_replaces_one_recorded_on_paper(world: World) -> None:
    world.import_on_laptop("minister", world.to_laptop("minister"))
    with world.sec.write(world.cast.officer) as s:
        B.answer_ballot(
            s,
            world.cast.officer,
            world.ballot_id,
            world.question_id,
            OpinionChoice.AGREE,
            member_id=world.cast.minister.member_id,
        )
    _respond(world, "minister")
    world.import_on_sec(world.from_laptop("minister"))
    with world.sec.read() as s:
        answer = s.execute(select(OpinionAnswer)).scalar_one()
    assert (answer.choice, answer.recorded_by_id) == (OpinionChoice.DISAGREE, None)
    _chains_hold(world)


def test_open_vote_cast_on_a_laptop_counts(world: World) -> None:
    officer = world.cast.officer
    now = utcnow()
    with world.sec.write(officer) as s:
        S.start_session(s, officer, world.session_id)
        for member in (world.cast.pm, world.cast.minister, world.cast.other_minister):
            A.record_attendance(
                s,
                officer,
                world.session_id,
                member.member_id,
                AttendanceStatus.PRESENT,
                now=now - timedelta(minutes=5),
            )
        vote = V.open_vote(s, officer, world.item_id, "Thông qua dự thảo Nghị định", now=now)
    world.import_on_laptop("minister", world.to_laptop("minister"))
    laptop = world.laptops["minister"]
    with laptop.db.write(laptop.member) as s:
        V.cast_vote(s, laptop.member, vote.id, VoteChoice.FOR)
    result = world.import_on_sec(world.from_laptop("minister"))
    assert dict(result.tables) == {"vote_casts": 1}
    with world.sec.read() as s:
        cast = s.execute(select(VoteCast)).scalar_one()
    assert (cast.member_id, cast.choice) == (world.cast.minister.member_id, VoteChoice.FOR)
    _chains_hold(world)


def test_packages_carry_only_whitelisted_tables_and_never_private_notes(world: World) -> None:
    world.import_on_laptop("pm", world.to_laptop("pm"))
    _respond(world, "pm")
    laptop = world.laptops["pm"]
    with laptop.db.read() as s:
        version_id = s.execute(
            select(DocumentVersion.id).where(DocumentVersion.document_id == world.normal_doc)
        ).scalar_one()
    with laptop.db.write(laptop.member) as s:
        s.add(PrivateNote(member_id=laptop.member.member_id, version_id=version_id, page=1, text="riêng tư"))
    result = export_package(
        laptop.db, laptop.keyring, laptop.member, world.sec.installation_id, world.root / "back.ecab"
    )
    assert {name for name, _ in result.tables} <= MEMBER_TABLES
    assert "private_notes" not in MEMBER_TABLES


def test_unencrypted_packages_only_without_classified_content(world: World) -> None:
    plain = world.to_laptop("pm", encrypt=False)
    assert manifest_of(plain)["encryption"] is None
    assert world.import_on_laptop("pm", plain).inserted > 0
    with pytest.raises(DomainError) as refused:
        world.to_laptop("minister", encrypt=False)
    assert refused.value.code == "sync_classified_needs_encryption"
    assert not list(world.root.glob("to-minister-*.ecab*"))


def test_rotated_key_is_accepted_without_a_new_phone_check(world: World) -> None:
    laptop = world.laptops["pm"]
    world.import_on_laptop("pm", world.to_laptop("pm"))
    with laptop.db.write(laptop.member) as s:
        old, new = K.rotate_keys(s, laptop.member, laptop.db.home, PASSPHRASES["pm"])
    assert old.status == "superseded" and new.rotated_from == old.key_id
    laptop.keyring = keystore.unlock(laptop.db.home, PASSPHRASES["pm"])
    profile = world.sec_keys.profile
    with world.sec.write(world.cast.officer) as s:
        info = K.import_key(s, world.cast.officer, profile, laptop.keyring.current.document)
    assert info.status == "trusted"
    assert world.import_on_sec(world.from_laptop("pm")).sequence == 1
    # The secretariat now encrypts for the new key, which the laptop holds.
    assert manifest_of(world.to_laptop("pm"))["recipient"]["key_id"] == new.key_id
    with world.sec.read() as s:
        assert s.execute(select(SyncPackage)).scalars().all()
