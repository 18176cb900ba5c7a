"""First-start setup (secretariat, member's laptop, later), the login dialog and the idle lock."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWizard

from ecabinet.db import Database
from ecabinet.model import Role
from ecabinet.model.sync import ProfileRole
from ecabinet.security import keystore
from ecabinet.services.members import list_members
from ecabinet.ui.main_window import MainWindow
from ecabinet.ui.sync.lock import IdleLock
from ecabinet.ui.sync.login import LoginDialog, ask_passphrase_at_start
from ecabinet.ui.sync.session import key_session
from ecabinet.ui.sync.setup import CREATE_PAGE, MEMBER_PAGE, PASSPHRASE_PAGE, ProfileSetupWizard
from ecabinet.ui.sync.startup import FirstSteps
from tests.ui.conftest import FakePrompts, MakeContext
from tests.ui.sync.conftest import SCRYPT_N, SEC_PASSPHRASE, init_profile

Make = Callable[..., MainWindow]
PASSPHRASE = "muoi hai con giap"  # keyClicks types Latin-1 only


def start(window: MainWindow) -> tuple[FirstSteps, ProfileSetupWizard]:
    key_session(window.context).scrypt_n = SCRYPT_N
    steps = FirstSteps(window.context, window)
    steps.start()
    assert steps.setup is not None, "an empty database without keys starts with the setup"
    return steps, steps.setup


def type_passphrase(qtbot: Any, wizard: ProfileSetupWizard, first: str, second: str) -> None:
    fields = wizard.passphrase_page.fields
    qtbot.keyClicks(fields.first, first)
    qtbot.keyClicks(fields.second, second)


def test_first_start_sets_up_the_government_office(
    qtbot: Any, make_window: Make, sqlite_db: Database, prompts: FakePrompts
) -> None:
    window = make_window(sqlite_db, "vi")
    prompts.answers = [False, "Nguyễn Văn Thư"]  # no demo; the first officer's name
    steps, wizard = start(window)
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Thiết lập &sau"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled(), "a role must be chosen"
    wizard.role_page.secretariat.click()
    wizard.next()
    assert wizard.currentId() == PASSPHRASE_PAGE, "the Government Office names no member"
    type_passphrase(qtbot, wizard, "ngan", "ngan")
    assert not wizard.passphrase_page.isComplete()
    assert "Quá ngắn" in wizard.passphrase_page.fields.hint.text()
    wizard.passphrase_page.fields.clear()
    type_passphrase(qtbot, wizard, PASSPHRASE, PASSPHRASE + "x")
    assert not wizard.passphrase_page.isComplete()
    assert "khác nhau" in wizard.passphrase_page.fields.hint.text()
    wizard.passphrase_page.fields.second.clear()
    qtbot.keyClicks(wizard.passphrase_page.fields.second, PASSPHRASE)
    assert wizard.passphrase_page.isComplete()
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Tạo khóa"
    wizard.next()  # makes the keys (inline: the test runner is synchronous)

    assert wizard.currentId() == CREATE_PAGE
    profile = keystore.load_profile(sqlite_db.home)
    assert profile is not None and profile.role is ProfileRole.SECRETARIAT
    assert wizard.create_page.fingerprint.text().split() == profile.current.fingerprint.split()
    assert "Văn phòng Chính phủ" in wizard.create_page.status.text()
    keys = key_session(window.context)
    assert keys.keyring is not None and keys.keyring.current.key_id == profile.current.key_id
    assert profile.keys[-1].key_id == keys.profile.current.key_id  # type: ignore[union-attr]

    finished: list[bool] = []
    steps.finished.connect(lambda: finished.append(True))
    wizard.accept()  # Done: then the first start of an empty database, as before
    assert finished == [True]
    assert prompts.asked == ["Tạo dữ liệu mẫu?", "Cán bộ Văn phòng Chính phủ đầu tiên"]
    assert window.context.actor is not None and window.context.actor.name == "Nguyễn Văn Thư"
    assert window.profile.isEnabled(), "the Government Office's staff choose who they are"
    assert steps.idle_lock.active and steps.idle_lock.timer.interval() == 10 * 60_000


def test_first_start_sets_up_a_members_laptop(
    qtbot: Any, make_window: Make, sqlite_db: Database, prompts: FakePrompts
) -> None:
    window = make_window(sqlite_db, "vi")
    member_id = uuid.uuid4()  # as the Government Office gave it: the laptop's directory is still empty
    steps, wizard = start(window)
    wizard.role_page.member.click()
    wizard.next()
    assert wizard.currentId() == MEMBER_PAGE
    assert wizard.member_page.member_id.isVisible() and not wizard.member_page.combo.isVisible()
    assert not wizard.member_page.isComplete()
    qtbot.keyClicks(wizard.member_page.member_id, "not an id")
    assert not wizard.member_page.isComplete()
    wizard.member_page.member_id.clear()
    qtbot.keyClicks(wizard.member_page.member_id, str(member_id))
    assert wizard.member_page.isComplete()
    wizard.next()
    type_passphrase(qtbot, wizard, PASSPHRASE, PASSPHRASE)
    wizard.next()

    profile = keystore.load_profile(sqlite_db.home)
    assert profile is not None and (profile.role, profile.member_id) == (ProfileRole.MEMBER, member_id)
    assert "máy của thành viên" in wizard.create_page.status.text().lower()
    wizard.accept()
    assert prompts.asked == [], "a laptop is never offered the demo: its data comes in packages"
    with sqlite_db.read() as s:
        assert list_members(s) == []
    assert window.context.actor is None
    assert not window.profile.isEnabled(), "a laptop always acts as its member"
    assert window.profile.placeholderText() == "Chờ gói đầu tiên"
    assert steps.idle_lock.active, "a laptop with keys locks when idle"


def test_setting_up_later_keeps_the_demo_first_start(
    qtbot: Any, make_window: Make, sqlite_db: Database, prompts: FakePrompts
) -> None:
    window = make_window(sqlite_db, "vi")
    prompts.answers = [False, None]
    steps, wizard = start(window)
    wizard.reject()
    assert prompts.asked == ["Tạo dữ liệu mẫu?", "Cán bộ Văn phòng Chính phủ đầu tiên"]
    assert keystore.load_profile(sqlite_db.home) is None
    assert not steps.idle_lock.active, "without keys there is nothing to lock"


def test_a_database_in_use_without_keys_starts_as_before(
    qtbot: Any, make_window: Make, demo_db: Database, prompts: FakePrompts
) -> None:
    window = make_window(demo_db, "vi")
    steps = FirstSteps(window.context, window)
    steps.start()
    assert steps.setup is None and prompts.asked == []
    assert window.page("sync").setup_banner.isVisibleTo(window.page("sync"))  # type: ignore[attr-defined]
    assert ask_passphrase_at_start(window.context) is True, "no keys: no passphrase to ask for"


def test_login_refuses_a_wrong_passphrase_then_opens_with_the_right_one(
    qtbot: Any, make_context: MakeContext, sqlite_db: Database
) -> None:
    init_profile(sqlite_db, ProfileRole.SECRETARIAT, None, SEC_PASSPHRASE, None)
    context = make_context(sqlite_db, "vi")
    keys = key_session(context)
    assert keys.locked
    dialog = LoginDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    assert "Văn phòng Chính phủ" in form.who.text()
    form.unlock_button.click()
    assert form.message.text() == "Hãy nhập mật khẩu trước."
    qtbot.keyClicks(form.field, "sai mat khau roi")
    qtbot.keyClick(form.field, Qt.Key.Key_Return)
    assert form.message.text().startswith("Mật khẩu không đúng")
    assert dialog.isVisible() and keys.keyring is None
    assert form.field.isEnabled() and form.field.hasSelectedText(), "ready for another try"
    qtbot.keyClicks(form.field, SEC_PASSPHRASE)  # replaces the selected wrong one
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        form.unlock_button.click()
    assert keys.keyring is not None and not keys.locked


def test_quit_at_login_leaves_the_keys_locked(
    qtbot: Any, make_context: MakeContext, sqlite_db: Database
) -> None:
    init_profile(sqlite_db, ProfileRole.SECRETARIAT, None, SEC_PASSPHRASE, None)
    context = make_context(sqlite_db, "en")
    dialog = LoginDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.form.quit_button.text() == "&Quit"
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        dialog.form.quit_button.click()
    assert key_session(context).keyring is None


def test_the_idle_lock_covers_the_window_and_unlocks(
    qtbot: Any, make_window: Make, demo_db: Database, prompts: FakePrompts
) -> None:
    with demo_db.read() as s:
        officer = list_members(s, {Role.SECRETARIAT_LEADER})[0]
    from ecabinet.services.actor import load_actor

    with demo_db.read() as s:
        actor = load_actor(s, officer.id)
    keyring = init_profile(demo_db, ProfileRole.SECRETARIAT, None, SEC_PASSPHRASE, actor)
    window = make_window(demo_db, "vi")
    keys = key_session(window.context)
    keys.unlocked(keyring)
    lock = IdleLock(window.context, window)
    assert lock.timer.interval() == 10 * 60_000, "the profile's default"

    lock.set_timeout_ms(10_000)
    lock.timer.start(10_000)
    qtbot.wait(60)
    before = lock.timer.remainingTime()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Shift)  # someone is using the app
    assert lock.timer.remainingTime() > before

    lock.set_timeout_ms(50)
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    assert keys.keyring is None, "locking drops the keys"
    assert lock.screen.geometry() == window.rect() and lock.screen.isVisible()
    assert lock.screen.form.heading.text() == "e-Cabinet đã bị khóa"
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    assert lock.eventFilter(window.sidebar, key) is True, "the window behind gets no input"
    assert lock.eventFilter(lock.screen.form.field, key) is False
    row = window.sidebar.currentRow()
    for action in window.page_actions:
        assert lock.eventFilter(action, QEvent(QEvent.Type.Shortcut)) is True
    assert window.sidebar.currentRow() == row

    assert lock.screen.focusNextPrevChild(True) and lock.screen.isAncestorOf(window.focusWidget())
    qtbot.keyClicks(lock.screen.form.field, "khong phai mat khau")
    lock.screen.form.unlock_button.click()
    assert lock.locked and "không đúng" in lock.screen.form.message.text()
    lock.screen.form.field.clear()
    qtbot.keyClicks(lock.screen.form.field, SEC_PASSPHRASE)
    qtbot.keyClick(lock.screen.form.field, Qt.Key.Key_Return)
    assert not lock.locked and keys.keyring is not None
    assert lock.timer.isActive(), "counting again"
    lock.set_timeout_ms(None)
    assert lock.timer.interval() == 10 * 60_000
