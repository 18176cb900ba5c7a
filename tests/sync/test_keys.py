"""Profiles and keys: sealed under the passphrase, signed key files, trust by fingerprint, rotation, revocation."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from ecabinet.db import Database
from ecabinet.errors import DomainError, PermissionDenied
from ecabinet.model.sync import ProfileRole
from ecabinet.security import crypto, keystore
from ecabinet.sync import keys as K
from tests.conftest import make_cast
from tests.sync.conftest import SCRYPT_N, World


def _store(
    home: Path, role: ProfileRole = ProfileRole.SECRETARIAT, member: uuid.UUID | None = None
) -> keystore.Profile:
    return keystore.create_keystore(home, uuid.uuid4(), role, member, "a long passphrase", SCRYPT_N)


def test_private_keys_are_sealed_and_open_only_with_the_passphrase(tmp_path: Path) -> None:
    profile = _store(tmp_path)
    keyring = keystore.unlock(tmp_path, "a long passphrase")
    text = keystore.keystore_path(tmp_path).read_text()
    secret = keyring._signing[profile.current.key_id]
    assert crypto.b64e(crypto.raw_private(secret)) not in text
    assert "a long passphrase" not in text and repr(keyring).endswith("unlocked>")
    with pytest.raises(DomainError) as wrong:
        keystore.unlock(tmp_path, "a wrong passphrase")
    assert wrong.value.code == "sync_wrong_passphrase"
    assert "Mật khẩu không đúng" in wrong.value.message("vi")
    keystore.change_passphrase(tmp_path, "a long passphrase", "another long passphrase")
    assert keystore.unlock(tmp_path, "another long passphrase").current.key_id == profile.current.key_id
    with pytest.raises(DomainError):
        keystore.unlock(tmp_path, "a long passphrase")


def test_a_profile_is_made_once_with_a_real_passphrase(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as weak:
        keystore.create_keystore(tmp_path, uuid.uuid4(), ProfileRole.SECRETARIAT, None, "short", SCRYPT_N)
    assert weak.value.code == "sync_weak_passphrase"
    _store(tmp_path)
    with pytest.raises(DomainError) as again:
        _store(tmp_path)
    assert again.value.code == "sync_profile_exists"
    assert keystore.set_idle_lock(tmp_path, 5).idle_lock_minutes == 5


def test_fingerprint_is_read_in_short_groups() -> None:
    key_id = crypto.key_id_of(b"\1" * 32, b"\2" * 32)
    shown = crypto.format_fingerprint(key_id)
    groups = shown.split(" ")
    assert len(groups) == 16 and all(len(g) == 4 and g == g.upper() for g in groups)
    assert crypto.normalise_fingerprint(shown) == key_id


def test_a_key_file_that_was_edited_is_refused(tmp_path: Path) -> None:
    profile = _store(tmp_path, ProfileRole.MEMBER, uuid.uuid4())
    document = json.loads(profile.current.document)
    assert keystore.parse_key_document(profile.current.document).key_id == profile.current.key_id
    for field, value in (
        ("member_id", str(uuid.uuid4())),
        ("role", "secretariat"),
        ("created", "2020-01-01T00:00:00+00:00"),
    ):
        forged = {**document, field: value}
        with pytest.raises(DomainError) as refused:
            keystore.parse_key_document(json.dumps(forged))
        assert refused.value.code == "sync_key_file_invalid"
    with pytest.raises(DomainError):
        keystore.parse_key_document(b"\xff not json")


def test_a_rotation_is_signed_by_the_old_key_only(tmp_path: Path) -> None:
    _store(tmp_path)
    old, new = keystore.rotate_keystore(tmp_path, "a long passphrase")
    assert keystore.verify_rotation(new, old)
    other = _store(tmp_path / "other")
    assert not keystore.verify_rotation(new, other.current)
    keyring = keystore.unlock(tmp_path, "a long passphrase")
    assert keyring.current.key_id == new.key_id and keyring.decryption_key(old.key_id) is not None


def test_trust_needs_the_fingerprint_and_the_right_people(world: World) -> None:
    sec, officer, profile = world.sec, world.cast.officer, world.sec_keys.profile
    outsider = _store(world.root / "outsider", ProfileRole.MEMBER, world.cast.guest.member_id)
    with sec.write(officer) as s:
        info = K.import_key(s, officer, profile, outsider.current.document)
    assert (info.status, info.member_name) == ("untrusted", world.cast.guest.name)
    with pytest.raises(DomainError) as short, sec.write(officer) as s:
        K.trust_key(s, officer, profile, info.fingerprint[:14])
    assert short.value.code == "sync_fingerprint_short"
    with pytest.raises(PermissionDenied), sec.write(world.cast.minister) as s:
        K.trust_key(s, world.cast.minister, profile, info.fingerprint)
    with sec.write(officer) as s:
        assert K.trust_key(s, officer, profile, info.fingerprint[:39]).status == "trusted"
        revoked = K.revoke_key(s, officer, profile, info.fingerprint, "lost on a train")
    assert revoked.status == "revoked"
    with pytest.raises(DomainError) as again, sec.write(officer) as s:
        K.trust_key(s, officer, profile, info.fingerprint)
    assert again.value.code == "sync_key_revoked"
    with pytest.raises(DomainError) as own, sec.write(officer) as s:
        K.revoke_key(s, officer, profile, world.sec_keys.current.key_id, "no")
    assert own.value.code == "sync_revoke_own"


def test_keys_from_the_wrong_side_or_unknown_people_are_refused(world: World) -> None:
    laptop = world.laptops["pm"]
    other = world.laptops["other"]
    with pytest.raises(DomainError) as wrong_role, laptop.db.write(None) as s:
        K.import_key(s, None, laptop.keyring.profile, other.keyring.current.document)
    assert wrong_role.value.code == "sync_key_wrong_role"
    stranger = _store(world.root / "stranger", ProfileRole.MEMBER, uuid.uuid4())
    with pytest.raises(DomainError) as unknown, world.sec.write(world.cast.officer) as s:
        K.import_key(s, world.cast.officer, world.sec_keys.profile, stranger.current.document)
    assert unknown.value.code == "sync_key_member_unknown"
    with pytest.raises(DomainError) as own, world.sec.write(world.cast.officer) as s:
        K.import_key(s, world.cast.officer, world.sec_keys.profile, world.sec_keys.current.document)
    assert own.value.code == "sync_key_is_own"


def test_profile_init_checks_who_acts(sqlite_db: Database) -> None:
    db, cast = sqlite_db, make_cast(sqlite_db)
    with pytest.raises(PermissionDenied), db.write(cast.minister) as s:
        K.init_profile(
            s,
            cast.minister,
            db.home,
            db.installation_id,
            ProfileRole.SECRETARIAT,
            None,
            "a long passphrase",
            SCRYPT_N,
        )
    assert keystore.load_profile(db.home) is None
    with db.write(cast.officer) as s:
        info = K.init_profile(
            s,
            cast.officer,
            db.home,
            db.installation_id,
            ProfileRole.SECRETARIAT,
            None,
            "a long passphrase",
            SCRYPT_N,
        )
    with db.read() as s:
        known = K.list_keys(s, keystore.load_profile(db.home))  # type: ignore[arg-type]
    assert [k.status for k in known] == ["own"] and known[0].key_id == info.current.key_id
