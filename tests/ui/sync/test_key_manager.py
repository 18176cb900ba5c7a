"""The key manager: the fingerprint to read out, a peer's key trusted only after confirming it, revoke, rotate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from ecabinet.model.sync import ProfileRole
from ecabinet.security import keystore
from ecabinet.sync import keys as K
from ecabinet.ui.sync.dialogs import FingerprintCheckDialog, PassphraseDialog, RevokeDialog
from ecabinet.ui.sync.keys_view import KeyManager
from ecabinet.ui.sync.models import KeyTableModel
from ecabinet.ui.sync.widgets import fingerprint_lines, strength
from tests.ui.conftest import FakePrompts, MakeContext
from tests.ui.sync.conftest import (
    LAPTOP_PASSPHRASE,
    SEC_PASSPHRASE,
    FakeFiles,
    Pair,
    init_profile,
    unlocked,
)


def manager_for(qtbot: Any, make_context: MakeContext, pair: Pair, files: FakeFiles) -> KeyManager:
    context = make_context(pair.sec, "vi")
    context.set_actor(pair.officer)
    unlocked(context, SEC_PASSPHRASE)
    manager = KeyManager(context)
    manager.files = files  # type: ignore[assignment]
    qtbot.addWidget(manager)
    manager.show()
    return manager


def second_laptop_key(tmp_path: Path, pair: Pair, sqlite_template: Path) -> Path:
    """Another member's laptop exports its key file (its database is empty, as on a new laptop)."""
    import shutil

    from ecabinet.model import Role
    from tests.ui.conftest import person
    from tests.ui.sync.conftest import open_home

    home = tmp_path / "laptop2"
    home.mkdir()
    shutil.copy(sqlite_template, home / "ecabinet.db")
    laptop = open_home(home)
    try:
        member = person(pair.sec, Role.MEMBER, 3)
        keys = init_profile(laptop, ProfileRole.MEMBER, member.member_id, "another laptop pass", None)
    finally:
        laptop.close()
    key_file = tmp_path / "laptop2.key"
    key_file.write_text(keys.current.document + "\n", encoding="utf-8")
    return key_file


def test_this_installations_fingerprint_in_groups_to_read_out(
    qtbot: Any, make_context: MakeContext, pair: Pair, tmp_path: Path, prompts: FakePrompts
) -> None:
    files = FakeFiles(save_as=tmp_path / "vpcp.key")
    manager = manager_for(qtbot, make_context, pair, files)
    profile = keystore.load_profile(pair.sec.home)
    assert profile is not None
    lines = manager.fingerprint.text().split("\n")
    assert len(lines) == 4 and all(len(line.split()) == 4 for line in lines)
    assert all(len(group) == 4 for line in lines for group in line.split())
    assert " ".join(lines) == profile.current.fingerprint
    assert "Văn phòng Chính phủ (máy chủ)" in manager.own_kind.text()
    assert fingerprint_lines("AAAA BBBB CCCC DDDD EEEE") == ["AAAA BBBB CCCC DDDD", "EEEE"]

    manager.export_action.trigger()
    assert files.asked == ["save_key_file"]
    written = keystore.parse_key_document((tmp_path / "vpcp.key").read_text(encoding="utf-8"))
    assert written.key_id == profile.current.key_id
    assert prompts.informed == ["Đã lưu tệp khóa"]

    # The laptop's key, trusted in the fixture, is listed with its state.
    assert manager.model.rowCount() == 1
    assert manager.model.index(0, KeyTableModel.STATUS).data() == "Đã tin cậy"


def test_a_peer_key_is_trusted_only_after_confirming_the_fingerprint(
    qtbot: Any,
    make_context: MakeContext,
    pair: Pair,
    tmp_path: Path,
    sqlite_template: Path,
    prompts: FakePrompts,
) -> None:
    key_file = second_laptop_key(tmp_path, pair, sqlite_template)
    files = FakeFiles(key_file=key_file)
    manager = manager_for(qtbot, make_context, pair, files)
    manager.import_action.trigger()
    dialog = manager.findChild(FingerprintCheckDialog)
    assert isinstance(dialog, FingerprintCheckDialog) and dialog.isVisible()
    imported = keystore.parse_key_document(key_file.read_text(encoding="utf-8"))
    assert dialog.view.text().split() == imported.fingerprint.split(), "the peer's fingerprint, to compare"
    assert not dialog.trust_button.isEnabled(), "nothing is trusted before the tick"
    assert dialog.not_now.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter means "not now", never "trust"
    with pair.sec.read() as s:
        states = {k.key_id: k.status for k in K.list_keys(s, keystore.load_profile(pair.sec.home))}  # type: ignore[arg-type]
    assert states[imported.key_id] == "untrusted"
    assert manager.trust_action.isEnabled(), "the new key is selected and may be trusted"

    manager.trust_action.trigger()
    dialog = next(d for d in manager.findChildren(FingerprintCheckDialog) if d.isVisible())
    dialog.matches.click()
    assert dialog.trust_button.isEnabled()
    dialog.trust_button.click()
    with pair.sec.read() as s:
        states = {k.key_id: k.status for k in K.list_keys(s, keystore.load_profile(pair.sec.home))}  # type: ignore[arg-type]
    assert states[imported.key_id] == "trusted"
    row = manager.model.row_of(imported.key_id)
    assert manager.model.index(row, KeyTableModel.STATUS).data() == "Đã tin cậy"
    assert prompts.errors == []


def test_revoking_a_key_needs_a_reason(
    qtbot: Any, make_context: MakeContext, pair: Pair, prompts: FakePrompts
) -> None:
    manager = manager_for(qtbot, make_context, pair, FakeFiles())
    manager.table.selectRow(0)
    assert manager.revoke_action.isEnabled() and not manager.trust_action.isEnabled()
    manager.revoke_action.trigger()
    dialog = manager.findChild(RevokeDialog)
    assert isinstance(dialog, RevokeDialog)
    assert not dialog.revoke_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "Mat may ngay 12/11")
    assert dialog.revoke_button.isEnabled()
    dialog.revoke_button.click()
    key = manager.model.row(0)
    assert key.status == "revoked" and key.revoked_reason == "Mat may ngay 12/11"
    assert manager.model.index(0, KeyTableModel.NOTE).data().startswith("Thu hồi lúc")
    assert not manager.revoke_action.isEnabled()


def test_new_keys_and_the_idle_time(
    qtbot: Any, make_context: MakeContext, pair: Pair, prompts: FakePrompts
) -> None:
    manager = manager_for(qtbot, make_context, pair, FakeFiles())
    old = manager.fingerprint.text()
    manager.rotate_action.trigger()
    dialog = manager.findChild(PassphraseDialog)
    assert isinstance(dialog, PassphraseDialog) and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.current, SEC_PASSPHRASE)
    dialog.ok_button.click()
    assert prompts.informed == ["Đã tạo khóa mới"]
    assert manager.fingerprint.text() != old
    keys = manager.keys
    assert keys.keyring is not None and keys.keyring.current.key_id == keys.profile.current.key_id  # type: ignore[union-attr]

    manager.idle.setValue(5)
    manager.idle.editingFinished.emit()
    assert keystore.load_profile(pair.sec.home).idle_lock_minutes == 5  # type: ignore[union-attr]
    assert keys.profile.idle_lock_minutes == 5  # type: ignore[union-attr]
    assert LAPTOP_PASSPHRASE  # the laptop keeps its own passphrase (unchanged here)


def test_the_strength_hint(qtbot: Any) -> None:  # qtbot: a window of the previous test may still close
    assert strength("short") == 0
    assert strength("abcdefghij") == 1
    assert strength("four words to remember") >= 2
    assert strength("Bốn từ dễ nhớ, khó đoán 2026!") == 4
