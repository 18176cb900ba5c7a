"""A small rich-text editor for the minutes: bold, italics, underline, bullet and numbered lists, undo.

What it holds is the safe subset of `ecabinet.minutes.richtext`: pasted text is cleaned on the way in, and
`html()` hands back the canonical form the services store. `edited` fires after a pause in typing (and after
an undo), so the page saves each change at once without a save per keystroke.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCharFormat, QTextListFormat
from PySide6.QtWidgets import QLabel, QTextEdit, QToolBar, QVBoxLayout, QWidget

from ecabinet.minutes import richtext

NAVY = "#1f3a60"
TYPING_PAUSE_MS = 600


class _TextEdit(QTextEdit):
    def insertFromMimeData(self, source: QMimeData) -> None:
        # Pasted formatting (fonts, colours, links, images) never enters: only the subset we print.
        if source.hasHtml():
            self.textCursor().insertHtml(richtext.sanitize(source.html()))
        elif source.hasText():
            self.textCursor().insertHtml(richtext.from_plain(source.text()))

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasHtml() or source.hasText()


class RichTextEditor(QWidget):
    edited = Signal(str)  # the canonical rich text, after a pause

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(objectName="sectionTitle", wordWrap=True)
        self.text = _TextEdit()
        self.text.setAcceptRichText(True)
        self.text.setTabChangesFocus(True)
        self.label.setBuddy(self.text)
        self._loading = False
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.flush)

        self.toolbar = QToolBar()
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.8)
        self.toolbar.setMinimumWidth(1)  # an extension button shows what does not fit
        self.bold = self._action("mdi6.format-bold", QKeySequence.StandardKey.Bold, self._toggle_bold, True)
        self.italic = self._action(
            "mdi6.format-italic", QKeySequence.StandardKey.Italic, self._toggle_italic, True
        )
        self.underline = self._action(
            "mdi6.format-underline", QKeySequence.StandardKey.Underline, self._toggle_underline, True
        )
        self.bullets = self._action("mdi6.format-list-bulleted", QKeySequence("Ctrl+Shift+8"), self._bullets)
        self.numbers = self._action("mdi6.format-list-numbered", QKeySequence("Ctrl+Shift+7"), self._numbers)
        self.toolbar.addSeparator()
        self.undo = self._action("mdi6.undo", QKeySequence.StandardKey.Undo, self.text.undo)
        self.redo = self._action("mdi6.redo", QKeySequence.StandardKey.Redo, self.text.redo)
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        self.text.undoAvailable.connect(self.undo.setEnabled)
        self.text.redoAvailable.connect(self.redo.setEnabled)
        self.text.currentCharFormatChanged.connect(self._format_changed)
        self.text.textChanged.connect(self._changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        top = QVBoxLayout()
        top.addWidget(self.label)
        top.addWidget(self.toolbar)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        self.retranslate()

    def _action(
        self, icon: str, keys: QKeySequence | QKeySequence.StandardKey, slot: object, check: bool = False
    ) -> QAction:
        action = QAction(qta.icon(icon, color=NAVY), "", self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setCheckable(check)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    def retranslate(self) -> None:
        for action, text in (
            (self.bold, self.tr("Bold")),
            (self.italic, self.tr("Italic")),
            (self.underline, self.tr("Underline")),
            (self.bullets, self.tr("Bulleted list")),
            (self.numbers, self.tr("Numbered list")),
            (self.undo, self.tr("Undo")),
            (self.redo, self.tr("Redo")),
        ):
            action.setText(text)
            action.setToolTip(
                f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- content ---------------------------------------------------------------------------------------

    def set_html(self, html: str) -> None:
        """Show stored text (no `edited` signal); the undo history starts here."""
        self._loading = True
        try:
            self._timer.stop()
            self.text.setHtml(html)
            self.text.document().clearUndoRedoStacks()
        finally:
            self._loading = False

    def html(self) -> str:
        return richtext.sanitize(self.text.toHtml())

    def set_read_only(self, read_only: bool) -> None:
        self.text.setReadOnly(read_only)
        self.toolbar.setEnabled(not read_only)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def flush(self) -> None:
        """Report the text now (the pause is over, or the page needs everything saved before it acts)."""
        if self._timer.isActive():
            self._timer.stop()
        self.edited.emit(self.html())

    @Slot()
    def _changed(self) -> None:
        if not self._loading and not self.text.isReadOnly():
            self._timer.start()

    # --- formats ---------------------------------------------------------------------------------------

    def _merge(self, fmt: QTextCharFormat) -> None:
        # On a selection it formats the selection (one undo step); without one, what is typed next.
        self.text.mergeCurrentCharFormat(fmt)

    @Slot(bool)
    def _toggle_bold(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        self._merge(fmt)

    @Slot(bool)
    def _toggle_italic(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(on)
        self._merge(fmt)

    @Slot(bool)
    def _toggle_underline(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(on)
        self._merge(fmt)

    def _list(self, style: QTextListFormat.Style) -> None:
        cursor = self.text.textCursor()
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            # the same button again: back to plain paragraphs
            block = cursor.block()
            current.remove(block)
            fmt = cursor.blockFormat()
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)
            return
        fmt = QTextListFormat()
        fmt.setStyle(style)
        cursor.createList(fmt)

    @Slot()
    def _bullets(self) -> None:
        self._list(QTextListFormat.Style.ListDisc)

    @Slot()
    def _numbers(self) -> None:
        self._list(QTextListFormat.Style.ListDecimal)

    @Slot(QTextCharFormat)
    def _format_changed(self, fmt: QTextCharFormat) -> None:
        self.bold.setChecked(fmt.fontWeight() >= QFont.Weight.DemiBold)
        self.italic.setChecked(fmt.fontItalic())
        self.underline.setChecked(fmt.fontUnderline())
