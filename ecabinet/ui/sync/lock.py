"""The idle lock: after some minutes without input the keys are dropped and a lock screen covers the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from ecabinet.ui.context import AppContext
from ecabinet.ui.sync.login import UnlockForm
from ecabinet.ui.sync.session import KeySession, key_session

# What counts as someone using the app.
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)
# What must not reach the window behind the lock screen.
BLOCKED = ACTIVITY | {
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.ContextMenu,
    QEvent.Type.Shortcut,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.DragEnter,
    QEvent.Type.DragMove,
    QEvent.Type.Drop,
}
# A dialog of ours that may wait hidden while the app is locked (set by dialogs opened with open(), not exec()).
HIDE_WHEN_LOCKED = "hideWhenLocked"


class LockScreen(QWidget):
    """Covers the whole main window (menus and toolbar too) and asks for the passphrase again."""

    def __init__(self, context: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#lockScreen { background: #e8eef7; }")
        self.card = QFrame(objectName="lockCard")
        self.card.setStyleSheet(
            "QFrame#lockCard { background: #ffffff; border: 1px solid #d5dbe5; border-radius: 0.5em; }"
        )
        self.form = UnlockForm(context, self.card)
        self.note = QLabel(objectName="muted", wordWrap=True)
        inner = QVBoxLayout(self.card)
        inner.addWidget(self.form)
        inner.addWidget(self.note)
        self.card.setFixedWidth(self.fontMetrics().averageCharWidth() * 70)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.minutes = 0
        self.retranslate()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.form.set_heading(self.tr("e-Cabinet is locked"))
        if self.minutes:
            self.note.setText(
                self.tr(
                    "Locked after %n minute(s) without use. Type the passphrase to go on where you left off.",
                    "",
                    self.minutes,
                )
            )
        else:
            self.note.setText(self.tr("Type the passphrase to go on where you left off."))

    def cover(self, minutes: int) -> None:
        self.minutes = minutes
        self.retranslate()
        parent = self.parentWidget()
        assert parent is not None
        self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        # The card holds word-wrapped text: size it for its width, not for its (narrower) size hint.
        self.card.setMinimumHeight(self.card.layout().totalHeightForWidth(self.card.width()))
        self.form.reset()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab stays on the lock screen: it never moves focus to the window behind."""
        chain = [
            w for w in (self.form.field, self.form.unlock_button, self.form.quit_button) if w.isEnabled()
        ]
        if not chain:
            return True
        current = QApplication.focusWidget()
        index = chain.index(current) if current in chain else -1
        chain[(index + (1 if next else -1)) % len(chain)].setFocus(Qt.FocusReason.TabFocusReason)
        return True


class IdleLock(QObject):
    """An event filter on the application restarts a timer on every input; when it runs out the keys are
    dropped and the lock screen covers the window. Only an installation with a profile locks (without keys
    there is nothing to unlock with)."""

    def __init__(self, context: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("idleLock")
        self.context = context
        self.window = window
        self.keys: KeySession = key_session(context)
        self.screen = LockScreen(context, window)
        self.timer = QTimer(self, singleShot=True, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.lock)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        window.addAction(self.lock_action)
        self._hidden: list[QWidget] = []
        self._focus: QWidget | None = None  # where the user was, to go back there after unlocking
        self._override_ms: int | None = None
        self.active = False  # a profile and a non-zero idle time: input restarts the timer
        self.keys.changed.connect(self._configure)
        self.keys.lock_changed.connect(self._lock_changed)
        self.keys.lock_requested.connect(self.lock)
        self.screen.form.quit_requested.connect(window.close)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.retranslate()
        self._configure()

    def retranslate(self) -> None:
        self.lock_action.setText(self.tr("&Lock now"))
        self.lock_action.setToolTip(self.tr("Lock e-Cabinet until the passphrase is typed again (Ctrl+L)"))

    @property
    def locked(self) -> bool:
        return self.screen.isVisible()

    @property
    def minutes(self) -> int:
        return self.keys.profile.idle_lock_minutes if self.keys.profile is not None else 0

    def set_timeout_ms(self, msec: int | None) -> None:
        """Override the profile's idle time (tests); None goes back to the profile's minutes."""
        self._override_ms = msec
        self._configure()

    @Slot()
    def _configure(self) -> None:
        interval = self._override_ms if self._override_ms is not None else self.minutes * 60_000
        self.lock_action.setEnabled(self.keys.profile is not None)
        self.active = self.keys.profile is not None and interval > 0
        if not self.active:
            self.timer.stop()
            return
        self.timer.setInterval(interval)
        if not self.locked:
            self.timer.start()

    @Slot()
    def lock(self) -> None:
        if self.keys.profile is None or self.locked:
            return
        self.timer.stop()
        focused = QApplication.focusWidget()
        self._focus = focused if focused is not None and focused.window() is self.window else None
        self.keys.lock()
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QDialog)
                and widget.isVisible()
                and widget.property(HIDE_WHEN_LOCKED)
                and self._owned(widget)
            ):
                widget.hide()
                self._hidden.append(widget)
        self.screen.cover(self.minutes)

    @Slot(bool)
    def _lock_changed(self, locked: bool) -> None:
        if locked:
            return
        if self.screen.isVisible():
            self.screen.hide()
            for widget in self._hidden:
                widget.show()
            self._hidden = []
            if self._focus is not None and self._focus.isVisible():
                self._focus.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.window.setFocus(Qt.FocusReason.OtherFocusReason)
            self._focus = None
        self._configure()

    def _owned(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self.window:
                return True
            parent = parent.parentWidget()
        return False

    def _behind(self, obj: QObject) -> bool:
        """Whether `obj` belongs to the covered window (and not to the lock screen)."""
        if isinstance(obj, QWidget):
            if obj is self.screen or self.screen.isAncestorOf(obj):
                return False
            return obj.window() is self.window
        if isinstance(obj, (QAction, QShortcut)):
            parent = obj.parent()
            while parent is not None and not isinstance(parent, QWidget):
                parent = parent.parent()
            return parent is None or parent.window() is self.window
        return False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange and obj is self.window:
            self.retranslate()  # this is no widget: it hears of a new language through its window
        if self.screen.isVisible():
            if kind == QEvent.Type.Resize and obj is self.window:
                self.screen.setGeometry(self.window.rect())
            return kind in BLOCKED and self._behind(obj)
        if self.active and kind in ACTIVITY:
            self.timer.start()
        return False
