"""Small pieces the sync screens share: a fingerprint to read out by phone, and a passphrase typed twice."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ecabinet.security.keystore import MIN_PASSPHRASE

GROUPS_PER_LINE = 4


def fit_to_window(dialog: QWidget, chars: int, lines: int) -> None:
    """A dialog's first size: about `chars` × `lines` of text, or 60 % × 75 % of a larger window (at most
    80 % of it)."""
    metrics = dialog.fontMetrics()
    width, height = metrics.averageCharWidth() * chars, metrics.lineSpacing() * lines
    parent = dialog.parentWidget()
    window = parent.window() if parent is not None else None
    if window is not None and window.width() > 400 and window.height() > 300:
        width = min(max(width, int(window.width() * 0.6)), int(window.width() * 0.8))
        height = min(max(height, int(window.height() * 0.75)), int(window.height() * 0.8))
    dialog.resize(width, height)


def fingerprint_lines(fingerprint: str) -> list[str]:
    """'3F2A 9C01 …' (16 groups) as four lines of four groups: easy to read out and to compare by eye."""
    groups = fingerprint.split()
    return [" ".join(groups[i : i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)]


class FingerprintView(QLabel):
    """A key's fingerprint in large monospace, four groups a line, selectable to copy."""

    def __init__(self, fingerprint: str = "", point_size: int = 18, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fingerprint")
        family = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        # The app stylesheet fixes every widget's font size; a local sheet is the one way to enlarge this one.
        self.setStyleSheet(
            f'QLabel#fingerprint {{ font-family: "{family}", monospace; font-size: {point_size}pt;'
            " font-weight: bold; color: #1f3a60; background: #f5f7fa; border: 1px solid #d5dbe5;"
            " border-radius: 0.3em; padding: 0.4em 0.8em; }"
        )
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.set_fingerprint(fingerprint)

    def set_fingerprint(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.setText("\n".join(fingerprint_lines(fingerprint)))
        self.setAccessibleDescription(fingerprint)

    def groups(self) -> list[str]:
        return self.fingerprint.split()


def strength(passphrase: str) -> int:
    """A rough hint, 0-4: too short, weak, fair, good, strong. The key store's minimum length is the only
    rule; the rest only nudges people towards long passphrases (length counts more than symbols)."""
    if len(passphrase) < MIN_PASSPHRASE:
        return 0
    kinds = sum(
        (
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() for c in passphrase),
        )
    )
    distinct = len(set(passphrase))
    score = 1
    if len(passphrase) >= 14 and distinct >= 8:
        score += 1
    if len(passphrase) >= 20 or (len(passphrase) >= 14 and kinds >= 3):
        score += 1
    if len(passphrase) >= 24 and kinds >= 2 and distinct >= 12:
        score += 1
    return score


class PassphraseFields(QWidget):
    """A new passphrase, typed twice, with a strength hint. `changed(acceptable)` as the user types."""

    changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="newPassphrase")
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="repeatPassphrase")
        self.first_label, self.second_label = QLabel(), QLabel()
        self.first_label.setBuddy(self.first)
        self.second_label.setBuddy(self.second)
        self.meter = QProgressBar(textVisible=False, maximum=4)
        self.meter.setMaximumHeight(self.fontMetrics().height() // 2)
        self.hint = QLabel(objectName="muted", wordWrap=True)
        form = QFormLayout()
        form.addRow(self.first_label, self.first)
        form.addRow("", self.meter)
        form.addRow("", self.hint)
        form.addRow(self.second_label, self.second)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        self.setTabOrder(self.first, self.second)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.first_label.setText(self.tr("New &passphrase:"))
        self.second_label.setText(self.tr("&Repeat it:"))
        self.first.setToolTip(
            self.tr(
                "At least {n} characters. A few unrelated words are easy to remember and hard to guess."
            ).format(n=MIN_PASSPHRASE)
        )
        self.second.setToolTip(self.tr("Type the same passphrase again, to be sure of it"))
        self._update()

    @property
    def passphrase(self) -> str:
        return self.first.text()

    def acceptable(self) -> bool:
        return len(self.first.text()) >= MIN_PASSPHRASE and self.first.text() == self.second.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    @Slot()
    def _update(self, *_: object) -> None:
        text = self.first.text()
        score = strength(text)
        self.meter.setValue(score)
        colour = ("#b3261e", "#b3261e", "#8a5300", "#1e6b3a", "#1e6b3a")[score]
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        if not text:
            hint = self.tr("At least {n} characters.").format(n=MIN_PASSPHRASE)
        elif score == 0:
            hint = self.tr("Too short: at least {n} characters.").format(n=MIN_PASSPHRASE)
        else:
            hint = (
                self.tr("Weak: add more words."),
                self.tr("Fair: a longer passphrase is safer."),
                self.tr("Good."),
                self.tr("Strong."),
            )[score - 1]
        if self.second.text() and self.second.text() != text:
            hint += " " + self.tr("The two passphrases differ.")
        self.hint.setText(hint)
        self.meter.setAccessibleName(hint)
        self.changed.emit(self.acceptable())
