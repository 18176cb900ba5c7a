"""Background operations in the shape of Anki's: the body runs in a worker, its outcome comes back on the main thread.

    runner.query(lambda s: list_sessions(s, actor)).success(model.set_rows).run_in_background()
    runner.write(actor, lambda s: publish_session(s, actor, sid)).success(done).run_in_background()
    runner.operation(lambda p: create_demo(db, progress=p.report, cancelled=p.cancelled), writes=True)
        .with_progress(label, parent).success(done).run_in_background()

A body never touches widgets: it gets a database unit of work (query/write) or a `Progress` (operation) and
returns plain results. Writes go through a one-thread pool, so two writes of this app never race.
`SyncTaskRunner` runs everything inline, for tests.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

from ecabinet.db import Database
from ecabinet.services.actor import Actor

# Anki's numbers: short work should not flash a dialog.
PROGRESS_DELAY_MS = 600


class Cancelled(Exception):
    """Raised by `Progress.check()` when the user asked to stop."""


class Progress:
    """Handed to an operation's body (in the worker): report how far it got, and see whether to stop."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    def report(self, percent: int, text: str = "") -> None:
        self._relay.progressed.emit(max(0, min(100, int(percent))), text)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()


class _Relay(QObject):
    """Lives on the main thread; signals emitted from the worker are therefore queued to it."""

    progressed = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, body: Callable[[Progress], Any], progress: Progress, relay: _Relay) -> None:
        super().__init__()
        self._body = body
        self._progress = progress
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._body(self._progress)
        except Exception as exc:  # delivered to the main thread, shown there
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class Operation(QObject):
    """One piece of background work and what to do with its outcome; configure, then `run_in_background()`."""

    def __init__(self, runner: TaskRunner, body: Callable[[Progress], Any], writes: bool) -> None:
        super().__init__(runner)
        self._runner = runner
        self._body = body
        self.writes = writes
        self._relay = _Relay(self)
        self.progress = Progress(self._relay)
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[Exception], None] | None = None
        self._on_cancel: Callable[[], None] | None = None
        self._label: str | None = None
        self._parent: QWidget | None = None
        self._cancellable = True
        self._dialog: QProgressDialog | None = None
        self._last = (0, "")
        self._timer: QTimer | None = None
        self.source: object = None
        self.done = False

    def success(self, fn: Callable[[Any], None]) -> Operation:
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[Exception], None]) -> Operation:
        self._on_failure = fn
        return self

    def cancelled(self, fn: Callable[[], None]) -> Operation:
        self._on_cancel = fn
        return self

    def with_progress(self, label: str, parent: QWidget | None = None, cancellable: bool = True) -> Operation:
        """Show a progress dialog (with Cancel) if the work lasts longer than a moment."""
        self._label, self._parent, self._cancellable = label, parent, cancellable
        return self

    def from_source(self, source: object) -> Operation:
        """Who started it: passed along with `TaskRunner.changed`, so that screen can skip its own refresh."""
        self.source = source
        return self

    def run_in_background(self) -> None:
        self._relay.progressed.connect(self._progressed)
        self._relay.succeeded.connect(self._succeeded)
        self._relay.failed.connect(self._failed)
        if self._label is not None:
            self._timer = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
            self._timer.timeout.connect(self._show_dialog)
            self._timer.start()
        self._runner._start(self, _Job(self._body, self.progress, self._relay))

    # --- main thread ------------------------------------------------------------------------------------

    @Slot()
    def _show_dialog(self) -> None:
        if self.done:
            return
        dialog = QProgressDialog(self._parent)
        dialog.setWindowTitle(self._label or "")
        # A long step text wraps instead of widening the dialog on every report.
        label = QLabel(wordWrap=True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        dialog.setLabel(label)
        dialog.setFixedWidth(dialog.fontMetrics().averageCharWidth() * 64)
        dialog.setLabelText(self._label or "")
        dialog.setRange(0, 100)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self._cancellable:
            dialog.setCancelButtonText(self.tr("&Cancel"))
            dialog.canceled.connect(self._cancel_requested)
        else:
            dialog.setCancelButton(None)
        dialog.setValue(self._last[0])
        if self._last[1]:
            dialog.setLabelText(self._last[1])
        dialog.show()
        self._dialog = dialog

    @Slot()
    def _cancel_requested(self) -> None:
        self.progress.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Stopping…"))

    @Slot(int, str)
    def _progressed(self, percent: int, text: str) -> None:
        self._last = (percent, text or self._last[1])
        if self._dialog is not None and not self.progress.cancelled():
            self._dialog.setValue(percent)
            if text:
                self._dialog.setLabelText(text)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._finish()
        if self._on_success is not None:
            self._on_success(result)
        if self.writes:
            self._runner.changed.emit(self.source)

    @Slot(object)
    def _failed(self, exc: Exception) -> None:
        self._finish()
        if self.progress.cancelled():
            # Stopping a write rolls its unit of work back; there is nothing to report.
            if self._on_cancel is not None:
                self._on_cancel()
        elif self._on_failure is not None:
            self._on_failure(exc)
        else:
            self._runner.on_error(exc)

    def _finish(self) -> None:
        self.done = True
        if self._timer is not None:
            self._timer.stop()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self._runner._forget(self)


def _unhandled(exc: Exception) -> None:
    raise exc


class TaskRunner(QObject):
    """Runs operations: reads on a small pool, writes one at a time; outcomes come back as Qt signals."""

    changed = Signal(object)  # after each successful write: the operation's source (who started it)

    def __init__(
        self,
        database: Database,
        on_error: Callable[[Exception], None] = _unhandled,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.on_error = on_error
        self._active: set[Operation] = set()
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)

    def operation(self, body: Callable[[Progress], Any], writes: bool = False) -> Operation:
        """Work that opens its own units of work through `self.database` (e.g. building the demo)."""
        return Operation(self, body, writes)

    def query(self, body: Callable[[Any], Any]) -> Operation:
        """A read: `body(session)` in a read-only unit of work."""

        def run(_progress: Progress) -> Any:
            with self.database.read() as session:
                return body(session)

        return Operation(self, run, writes=False)

    def write(self, actor: Actor | None, body: Callable[[Any], Any]) -> Operation:
        """One user action: `body(session)` in a unit of work that commits when it returns."""

        def run(_progress: Progress) -> Any:
            with self.database.write(actor) as session:
                return body(session)

        return Operation(self, run, writes=True)

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the workers are idle (at shutdown; tests use the signals instead)."""
        return self._writes.waitForDone(msecs) and self._reads.waitForDone(msecs)

    def _start(self, op: Operation, job: _Job) -> None:
        self._active.add(op)
        (self._writes if op.writes else self._reads).start(job)

    def _forget(self, op: Operation) -> None:
        self._active.discard(op)
        op.deleteLater()


class SyncTaskRunner(TaskRunner):
    """Runs each operation inline on the calling thread: for tests, where waiting on threads only adds noise."""

    def _start(self, op: Operation, job: _Job) -> None:
        self._active.add(op)
        job.run()
