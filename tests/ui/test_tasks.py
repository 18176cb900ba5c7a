"""The operation runner: work in a worker, outcomes on the main thread, progress, cancel, one writer at a time."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from ecabinet.db import Database
from ecabinet.errors import InvalidInput
from ecabinet.services.members import bootstrap_secretariat, list_members
from ecabinet.ui import tasks
from ecabinet.ui.tasks import Progress, SyncTaskRunner, TaskRunner


@pytest.fixture
def runner(qtbot: Any, sqlite_db: Database) -> Iterator[TaskRunner]:
    runner = TaskRunner(sqlite_db)
    yield runner
    assert runner.wait(5000)
    qtbot.wait(10)  # finished operations are deleted later; let that happen before the runner goes


def test_a_query_runs_in_a_worker_and_answers_on_the_main_thread(qtbot: Any, runner: TaskRunner) -> None:
    seen: dict[str, Any] = {}

    def body(session: Any) -> list[Any]:
        seen["worker"] = QThread.currentThread()
        return list_members(session)

    done = []
    runner.query(body).success(
        lambda result: done.append((result, QThread.currentThread()))
    ).run_in_background()
    qtbot.waitUntil(lambda: bool(done))
    assert done[0][0] == []
    assert done[0][1] is QApplication.instance().thread()
    assert seen["worker"] is not QApplication.instance().thread()


def test_a_write_commits_and_announces_the_change(qtbot: Any, runner: TaskRunner) -> None:
    source = object()
    with qtbot.waitSignal(runner.changed) as changed:
        runner.write(None, lambda s: bootstrap_secretariat(s, "Lê Văn Một")).from_source(
            source
        ).run_in_background()
    assert changed.args == [source]
    with runner.database.read() as s:
        assert [m.full_name for m in list_members(s)] == ["Lê Văn Một"]


def test_a_failure_goes_to_the_failure_handler_or_the_error_display(qtbot: Any, runner: TaskRunner) -> None:
    shown: list[Exception] = []
    runner.on_error = shown.append
    handled: list[Exception] = []

    def refuse(_session: Any) -> None:
        raise InvalidInput("field_required", field="name")

    runner.write(None, refuse).failure(handled.append).run_in_background()
    qtbot.waitUntil(lambda: bool(handled))
    runner.write(None, refuse).run_in_background()
    qtbot.waitUntil(lambda: bool(shown))
    assert isinstance(handled[0], InvalidInput) and isinstance(shown[0], InvalidInput)
    with qtbot.assertNotEmitted(runner.changed, wait=50):
        runner.write(None, refuse).failure(handled.append).run_in_background()
        qtbot.waitUntil(lambda: len(handled) == 2)


def test_writes_never_overlap(qtbot: Any, runner: TaskRunner) -> None:
    running = []
    overlaps = []
    lock = threading.Lock()

    def body(_progress: Progress) -> None:
        with lock:
            running.append(1)
            overlaps.append(len(running))
        time.sleep(0.02)
        with lock:
            running.pop()

    done = []
    for _ in range(4):
        runner.operation(body, writes=True).success(done.append).run_in_background()
    qtbot.waitUntil(lambda: len(done) == 4)
    assert max(overlaps) == 1


def test_progress_dialog_reports_and_cancel_stops_the_work(
    qtbot: Any, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tasks, "PROGRESS_DELAY_MS", 0)
    started = threading.Event()

    def body(progress: Progress) -> str:
        progress.report(40, "Bước 2/5")
        started.set()
        while True:
            progress.check()  # raises Cancelled once the user asks
            time.sleep(0.01)

    cancelled: list[bool] = []
    succeeded: list[object] = []
    op = runner.operation(body, writes=True).with_progress("Đang làm", None)
    op.success(succeeded.append).cancelled(lambda: cancelled.append(True)).run_in_background()

    def dialog() -> QProgressDialog | None:
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)), None)

    qtbot.waitUntil(lambda: dialog() is not None and dialog().isVisible() and dialog().value() == 40)
    assert dialog().labelText() == "Bước 2/5"
    cancel = dialog().findChild(QPushButton)
    assert cancel.text() == "&Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(cancelled))
    assert succeeded == []
    qtbot.waitUntil(lambda: dialog() is None or not dialog().isVisible())


def test_the_synchronous_runner_finishes_before_returning(qapp: Any, sqlite_db: Database) -> None:
    runner = SyncTaskRunner(sqlite_db)
    results: list[Any] = []
    reports: list[tuple[int, str]] = []

    def body(progress: Progress) -> int:
        progress.report(150, "xong")
        return 7

    op = runner.operation(body)
    op._relay.progressed.connect(lambda p, t: reports.append((p, t)))
    op.success(results.append).run_in_background()
    assert results == [7]
    assert reports == [(100, "xong")]
    assert not runner.busy
