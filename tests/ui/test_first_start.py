"""The first start on an empty database: the demo with progress, or the first secretariat officer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ecabinet.agenda.sessions import list_sessions
from ecabinet.db import Database
from ecabinet.model import Role
from ecabinet.services.members import list_members
from ecabinet.ui.first_start import FirstStart
from ecabinet.ui.main_window import MainWindow
from tests.ui.conftest import FakePrompts, build_with_services

Make = Callable[..., MainWindow]


def demo_builder() -> Callable[..., Any]:
    """The real create_demo once it exists; until then a stand-in with the same signature."""
    try:
        from ecabinet.demo.build import create_demo
    except ImportError:

        def create_demo(database: Database, progress: Any = None, cancelled: Any = None) -> None:
            progress(50, "…")
            build_with_services(database)

    return create_demo


def run_first_start(window: MainWindow, builder: Callable[..., Any] | None = None) -> list[bool]:
    outcome: list[bool] = []
    first = FirstStart(window.context, window, **({"demo_builder": builder} if builder else {}))
    first.finished.connect(outcome.append)
    first.finished.connect(window.profile.reload)
    first.start()
    return outcome


def test_first_start_builds_the_demo_when_asked(
    qtbot: Any, make_window: Make, sqlite_db: Database, prompts: FakePrompts
) -> None:
    window = make_window(sqlite_db, "vi")
    assert window.context.actor is None
    assert window.profile.count() == 0
    assert window.actor_status.text() == "Chưa chọn người dùng"
    prompts.answers = [True]
    reports: list[tuple[int, str]] = []
    builder = demo_builder()

    def watched(database: Database, progress: Any, cancelled: Any) -> Any:
        def report(percent: int, text: str) -> None:
            reports.append((percent, text))
            progress(percent, text)

        return builder(database, progress=report, cancelled=cancelled)

    assert run_first_start(window, watched) == [True]
    assert prompts.asked == ["Tạo dữ liệu mẫu?"]
    assert reports, "the demo reports its progress"
    assert prompts.errors == []
    with sqlite_db.read() as s:
        assert list_members(s)
    actor = window.context.actor
    assert actor is not None and actor.is_secretariat
    with sqlite_db.read() as s:
        expected = list_sessions(s, actor)
    page = window.page("sessions")
    assert page.list.model.rowCount() == len(expected) > 0  # type: ignore[attr-defined]


def test_first_start_without_demo_asks_for_the_first_officer(
    qtbot: Any, make_window: Make, sqlite_db: Database, prompts: FakePrompts
) -> None:
    window = make_window(sqlite_db, "vi")
    prompts.answers = [False, "Nguyễn Văn Thư"]
    assert run_first_start(window) == [True]
    assert prompts.asked == ["Tạo dữ liệu mẫu?", "Cán bộ Văn phòng Chính phủ đầu tiên"]
    with sqlite_db.read() as s:
        people = list_members(s)
    assert [(p.full_name, p.role) for p in people] == [("Nguyễn Văn Thư", Role.SECRETARIAT_LEADER)]
    assert window.context.actor is not None and window.context.actor.name == "Nguyễn Văn Thư"
    assert "Nguyễn Văn Thư" in window.actor_status.text()


def test_first_start_cancelled_leaves_the_database_empty(
    qtbot: Any, make_window: Make, sqlite_db: Database, prompts: FakePrompts
) -> None:
    window = make_window(sqlite_db, "vi")
    prompts.answers = [False, None]
    assert run_first_start(window) == [False]
    with sqlite_db.read() as s:
        assert list_members(s) == []
    assert window.context.actor is None


def test_cancelling_the_demo_rolls_back_and_asks_again(
    qtbot: Any, make_window: Make, sqlite_db: Database, prompts: FakePrompts
) -> None:
    window = make_window(sqlite_db, "vi")
    prompts.answers = [True, False, None]  # build the demo, cancel it; then decline and give no name

    def cancelled_demo(database: Database, progress: Any, cancelled: Any) -> None:
        window.context.runner._active.copy().pop().progress.cancel()  # the user pressed Cancel
        assert cancelled()
        raise RuntimeError("stopped")

    assert run_first_start(window, cancelled_demo) == [False]
    assert prompts.asked == ["Tạo dữ liệu mẫu?", "Tạo dữ liệu mẫu?", "Cán bộ Văn phòng Chính phủ đầu tiên"]
    assert prompts.errors == []


def test_a_database_with_people_skips_the_first_start(
    qtbot: Any, make_window: Make, demo_db: Database, prompts: FakePrompts
) -> None:
    window = make_window(demo_db, "vi")
    assert run_first_start(window) == [True]
    assert prompts.asked == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_refused_demo_shows_the_reason_in_the_language(
    qtbot: Any, make_window: Make, sqlite_db: Database, prompts: FakePrompts, lang: str
) -> None:
    from ecabinet.errors import InvalidState

    window = make_window(sqlite_db, lang)
    prompts.answers = [True, False, None]

    def refuse(database: Database, progress: Any, cancelled: Any) -> None:
        raise InvalidState("demo_exists")

    run_first_start(window, refuse)
    assert len(prompts.errors) == 1
    text, details = prompts.errors[0]
    assert text == InvalidState("demo_exists").message(lang)
    assert "demo_exists" in details
