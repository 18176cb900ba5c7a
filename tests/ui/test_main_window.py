"""The main window driven as a person would: open a session, switch language, switch profile, come back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication

from ecabinet.agenda.sessions import get_session, list_sessions
from ecabinet.db import Database
from ecabinet.model import Role, SessionState
from ecabinet.ui.main_window import MainWindow
from ecabinet.ui.models import ID_ROLE
from ecabinet.ui.models.sessions import STATE, TITLE
from ecabinet.ui.pages.sessions import SessionsPage
from ecabinet.ui.pages.settings import SettingsPage
from ecabinet.ui.registry import page_classes
from ecabinet.ui.settings import LANGUAGE, MAIN_GEOMETRY, PROFILE, Settings
from tests.ui.conftest import add_draft_session, person

Make = Callable[..., MainWindow]


def sessions_page(window: MainWindow) -> SessionsPage:
    page = window.page("sessions")
    assert isinstance(page, SessionsPage)
    return page


def listed_titles(window: MainWindow) -> list[str]:
    table = sessions_page(window).list.table
    model = table.model()
    return [model.index(row, TITLE).data() for row in range(model.rowCount())]


def tree_titles(window: MainWindow) -> list[str]:
    model = sessions_page(window).view.model
    found: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found.append(index.data())
            walk(index)

    walk(QModelIndex())
    return found


def test_pages_register_themselves_in_sidebar_order(qapp: Any) -> None:
    ids = [cls.page_id for cls in page_classes()]
    assert ids[0] == "sessions"
    assert ids[-1] == "settings"


def test_opens_in_vietnamese_lists_sessions_and_shows_an_agenda(
    qtbot: Any, make_window: Make, demo_db: Database
) -> None:
    window = make_window(demo_db, "vi")
    leader = person(demo_db, Role.SECRETARIAT_LEADER)
    assert window.context.actor == leader  # the first secretariat leader, when nothing is remembered
    with demo_db.read() as s:
        expected = list_sessions(s, leader)
    assert window.windowTitle() == "e-Cabinet — Phiên họp Chính phủ"
    assert window.sidebar.item(0).text() == "Phiên họp"
    assert window.file_menu.title() == "&Tệp"
    page = sessions_page(window)
    assert page.list.heading.text() == "Phiên họp Chính phủ"
    table = page.list.table
    assert table.model().headerData(0, Qt.Orientation.Horizontal) == "Thời gian"
    assert sorted(listed_titles(window)) == sorted(s.title for s in expected)
    assert page.list.count.text() == f"{len(expected)} phiên họp"

    # Keyboard: the newest session is current; Enter opens it.
    table.setFocus()
    assert table.currentIndex().data(ID_ROLE) == expected[0].id
    qtbot.keyClick(table, Qt.Key.Key_Return)
    view = page.view
    assert page.stack.currentWidget() is view
    with demo_db.read() as s:
        detail = get_session(s, leader, expected[0].id)
    assert view.title.text() == expected[0].title
    assert view.badge.text() == {
        SessionState.PUBLISHED: "Đã phát hành",
        SessionState.CLOSED: "Đã kết thúc",
    }.get(expected[0].state, view.badge.text())
    assert view.captions["chair"].text() == "Chủ tọa:"
    assert view.agenda_heading.text() == "&Chương trình và tài liệu"
    assert view.values["length"].text().startswith(f"{detail.planned_minutes} phút")
    assert view.model.headerData(1, Qt.Orientation.Horizontal) == "Cơ quan trình"
    titles = tree_titles(window)
    for item in detail.items:
        assert f"{item.number}. {item.title}" in titles
        assert all(doc.title in titles for doc in item.documents)

    # Esc goes back to the list.
    qtbot.keyClick(view.tree, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.list


def test_double_click_opens_a_session(qtbot: Any, make_window: Make, demo_db: Database) -> None:
    window = make_window(demo_db, "vi")
    table = sessions_page(window).list.table
    index = table.model().index(1, TITLE)
    rect = table.visualRect(index)
    # A real double click is press, release, double-click; QTest's mouseDClick sends only the last.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = sessions_page(window).view
    assert view.detail is not None and view.detail.summary.id == index.data(ID_ROLE)


def test_switching_to_english_retranslates_at_once(qtbot: Any, make_window: Make, demo_db: Database) -> None:
    window = make_window(demo_db, "vi")
    page = sessions_page(window)
    page.list.table.setFocus()
    qtbot.keyClick(page.list.table, Qt.Key.Key_Return)
    assert page.view.captions["place"].text() == "Địa điểm:"

    settings_page = window.page("settings")
    assert isinstance(settings_page, SettingsPage)
    window.show_page(window.pages.index(settings_page))
    combo = settings_page.language
    assert combo.currentText() == "Tiếng Việt"
    combo.setCurrentIndex(combo.findData("en"))

    # Qt posts QEvent.LanguageChange to every window; it arrives with the next turn of the event loop.
    qtbot.waitUntil(lambda: window.windowTitle() == "e-Cabinet — Government sessions", timeout=1000)
    assert window.sidebar.item(0).text() == "Sessions"
    assert window.sidebar.item(window.sidebar.count() - 1).text() == "Settings"
    assert window.file_menu.title() == "&File"
    assert settings_page.language_label.text() == "Interface &language:"
    assert page.view.captions["place"].text() == "Place:"
    assert page.view.model.headerData(0, Qt.Orientation.Horizontal) == "Agenda item / document"
    assert page.list.table.model().headerData(3, Qt.Orientation.Horizontal) == "State"
    states = {page.list.model.index(r, STATE).data() for r in range(page.list.model.rowCount())}
    assert states <= {"Published", "Closed", "Draft", "In progress", "Minutes approved"}
    assert window.context.settings.get(LANGUAGE) == "en"

    combo.setCurrentIndex(combo.findData("vi"))
    qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "Phiên họp", timeout=1000)
    assert Settings().get(LANGUAGE) == "vi"


def test_a_member_does_not_see_draft_sessions(qtbot: Any, make_window: Make, demo_db: Database) -> None:
    draft_id = add_draft_session(demo_db, "Phiên họp chuyên đề về xây dựng pháp luật tháng 12")
    window = make_window(demo_db, "vi")
    assert "Phiên họp chuyên đề về xây dựng pháp luật tháng 12" in listed_titles(window)
    states = [
        sessions_page(window).list.model.index(r, STATE).data() for r in range(len(listed_titles(window)))
    ]
    assert "Dự thảo" in states

    minister = person(demo_db, Role.MEMBER, 1)
    window.profile.choose(minister.member_id)
    assert window.context.actor == minister
    with demo_db.read() as s:
        visible = list_sessions(s, minister)
    assert draft_id not in {s.id for s in visible}
    assert sorted(listed_titles(window)) == sorted(s.title for s in visible)
    assert "Phiên họp chuyên đề về xây dựng pháp luật tháng 12" not in listed_titles(window)
    assert minister.name in window.actor_status.text()
    assert window.context.settings.get(PROFILE) == str(minister.member_id)

    # The combo lists people under role headings that cannot be chosen.
    texts = [window.profile.itemText(row) for row in range(window.profile.count())]
    assert "Thành viên Chính phủ" in texts
    heading = texts.index("Thành viên Chính phủ")
    assert not window.profile.model().item(heading).isEnabled()


def test_the_chosen_profile_is_remembered(qtbot: Any, make_window: Make, demo_db: Database) -> None:
    minister = person(demo_db, Role.MEMBER, 2)
    first = make_window(demo_db, "vi")
    first.profile.choose(minister.member_id)
    first.close()
    second = make_window(demo_db, "vi")
    assert second.context.actor == minister
    assert second.profile.currentText() == minister.name


def test_window_geometry_is_remembered(qtbot: Any, make_window: Make, demo_db: Database) -> None:
    first = make_window(demo_db, "vi")
    first.resize(790, 560)  # within the offscreen platform's 800×600 screen, or Qt shrinks it back
    size = (first.width(), first.height())  # what the pages' minimum sizes allowed
    first.close()
    assert not Settings().get(MAIN_GEOMETRY).isEmpty()
    store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "ecabinet", "ecabinet")
    assert store.contains(MAIN_GEOMETRY.key)
    second = make_window(demo_db, "vi")
    assert (second.width(), second.height()) == size


def test_keyboard_reaches_every_page_and_action(qtbot: Any, make_window: Make, demo_db: Database) -> None:
    window = make_window(demo_db, "vi")
    actions = [window.refresh_action, window.profile_action, window.quit_action, window.about_action]
    actions += window.page_actions
    for action in actions:
        assert not action.shortcut().isEmpty(), action.text()
        assert action.toolTip(), action.text()
    window.page_actions[-1].trigger()
    assert window.stack.currentWidget() is window.page("settings")
    assert window.sidebar.currentRow() == window.sidebar.count() - 1
    window.about_action.trigger()
    assert window.context.prompts.informed == ["Giới thiệu e-Cabinet"]  # type: ignore[attr-defined]
    window.refresh_action.trigger()
    assert window.context.actor is not None
    QApplication.processEvents()
