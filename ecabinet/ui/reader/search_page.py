"""Tìm kiếm: one box over the titles and text of every dossier the acting user may see; Enter opens the page."""

from __future__ import annotations

import html
from typing import Any

import qtawesome as qta
from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ecabinet.search import SearchHit, index_pending, index_status, search
from ecabinet.search.index import IndexReport, IndexStatus
from ecabinet.services.actor import Actor
from ecabinet.ui import formatting, labels
from ecabinet.ui.context import AppContext
from ecabinet.ui.reader import open_reader
from ecabinet.ui.reader.snippets import find_text, fragments_of, snippet_html
from ecabinet.ui.registry import Page

NAVY = "#1f3a60"
MUTED = "#5b6475"
TYPING_PAUSE_MS = 250
LIMIT = 100
HIT_ROLE = Qt.ItemDataRole.UserRole + 10

Index = QModelIndex | QPersistentModelIndex


def hit_fragments(hit: SearchHit) -> tuple[tuple[str, bool], ...]:
    """The snippet as (text, is_hit) pieces: the service gives them, or they are read from its markers."""
    fragments = getattr(hit, "fragments", None)
    return tuple(fragments) if fragments else fragments_of(hit.snippet)


class SearchResultsModel(QAbstractListModel):
    """The hits of the last search, best first; each row carries its `SearchHit` (HIT_ROLE)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == HIT_ROLE:
            return hit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            snippet = "".join(text for text, _hit in hit_fragments(hit))
            return f"{hit.title} — {self.where(hit)}\n{snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{session}\n{item}\nEnter opens it in the reader").format(
                session=hit.session_title, item=hit.item_title
            )
        return None

    def where(self, hit: SearchHit) -> str:
        if hit.page is None:
            return self.tr("in the title")
        return self.tr("page {page}").format(page=formatting.number(hit.page))

    def html(self, hit: SearchHit, muted: str | None) -> str:
        """Title in bold, where the hit is, the session and item, then the snippet with its hits in bold.

        Everything that comes from the database is escaped; the only markup is ours.
        """

        def grey(text: str) -> str:
            return f"<span style='color:{muted}'>{text}</span>" if muted else text

        kind = labels.document_kind(hit.kind)
        where = f"· {html.escape(kind)} · {html.escape(self.where(hit))}"
        context = f"{html.escape(hit.session_title)} › {html.escape(hit.item_title)}"
        if hit.page is None:  # found in the title: the (bold) title shows the words, underlined
            return f"<b>{snippet_html(hit_fragments(hit), 'u')}</b> {grey(where)}<br/>{grey(context)}"
        return (
            f"<b>{html.escape(hit.title)}</b> {grey(where)}<br/>{grey(context)}<br/>"
            f"{snippet_html(hit_fragments(hit))}"
        )


class ResultDelegate(QStyledItemDelegate):
    """Paints a result as rich text (the model's HTML), wrapped to the list's width."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex, selected: bool) -> QTextDocument:
        model = index.model()
        hit = index.data(HIT_ROLE)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(6)
        html_text = model.html(hit, None if selected else MUTED) if hit is not None else ""
        document.setHtml(html_text)
        document.setTextWidth(max(100, option.rect.width()))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        document = self._document(opt, index, selected)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(group, role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = opt.widget
        if isinstance(view, QListView):
            opt.rect.setWidth(view.viewport().width())
        document = self._document(opt, index, False)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 2)


class SearchPage(Page):
    """Searches as the user types (after a pause), in a worker; an answer to an older query is dropped."""

    page_id = "search"
    icon = "mdi6.file-search-outline"
    order = 50  # after the sessions and the live session; Ctrl+K reaches it from anywhere

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = SearchResultsModel(self)
        self._generation = 0  # bumped by every search started; answers carry the number they were asked with
        self._searched = ""  # the query whose results are shown

        self.heading = QLabel(objectName="pageTitle")
        self.box_label = QLabel()
        self.box = QLineEdit(objectName="searchBox", clearButtonEnabled=True)
        self.box.addAction(qta.icon("mdi6.magnify", color=NAVY), QLineEdit.ActionPosition.LeadingPosition)
        self.box_label.setBuddy(self.box)
        self.status = QLabel(objectName="muted")
        self.index_note = QLabel(objectName="muted", wordWrap=True)
        self.index_button = QPushButton()
        self.results = QListView(objectName="searchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setUniformItemSizes(False)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self.focus_action = QAction(self)
        self.focus_action.setShortcut(QKeySequence("Ctrl+K"))
        self.focus_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        row = QHBoxLayout()
        row.addWidget(self.box_label)
        row.addWidget(self.box, 1)
        index_row = QHBoxLayout()
        index_row.addWidget(self.index_note, 1)
        index_row.addWidget(self.index_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addLayout(index_row)
        layout.addWidget(self.results, 1)
        self.setTabOrder(self.box, self.results)
        self._connect_signals()
        self.retranslate()
        self._show_index_status(None)
        # The main window is known only once this page sits in it; Ctrl+K is then added to the window.
        QTimer.singleShot(0, self._install_shortcut)

    def _connect_signals(self) -> None:
        self.box.textEdited.connect(self._typed)
        self.box.installEventFilter(self)
        self._typing.timeout.connect(self.search_now)
        self.results.activated.connect(self.open_result)
        self.index_button.clicked.connect(self.index_now)
        self.focus_action.triggered.connect(self.focus_search)
        self.context.actor_changed.connect(self._actor_changed)
        self.context.data_changed.connect(self._data_changed)

    def title(self) -> str:
        return self.tr("Search")

    def tooltip(self) -> str:
        return self.tr("Find words in the titles and text of every dossier you may see (Ctrl+K)")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Search the dossiers"))
        self.box_label.setText(self.tr("&Search:"))
        self.box.setPlaceholderText(self.tr("Words from a title or the text; accents optional: dau tu cong"))
        self.box.setToolTip(
            self.tr(
                'All words must appear; "words in quotes" must stand together. Down goes to the results, '
                "Enter opens the first one (Ctrl+K)"
            )
        )
        self.results.setToolTip(self.tr("Enter opens the document at the page of the match"))
        self.index_button.setText(self.tr("Make them searchable &now"))
        self.index_button.setToolTip(
            self.tr("Read the text of the documents not yet searchable (in the background)")
        )
        self.focus_action.setText(self.tr("Search"))
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0), self.model.index(self.model.rowCount() - 1))
        self._show_status()

    def refresh(self) -> None:
        self._check_index()
        if self.box.text().strip():
            self._searched = ""
            self.search_now()

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        self._check_index()

    def _install_shortcut(self) -> None:
        window = self.window()
        if window is not self:
            window.addAction(self.focus_action)

    # --- searching --------------------------------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        """Ctrl+K: show this page and put the cursor in the box."""
        window = self.window()
        pages = getattr(window, "pages", None)
        actions = getattr(window, "page_actions", None)
        if pages and actions and self in pages:
            actions[pages.index(self)].trigger()
        self.box.setFocus()
        self.box.selectAll()

    @Slot(str)
    def _typed(self, _text: str) -> None:
        self._typing.start()

    @Slot()
    def search_now(self) -> None:
        self._typing.stop()
        query = self.box.text()
        if query.strip() == self._searched.strip() and query.strip():
            return
        self._generation += 1
        generation = self._generation
        actor = self.context.actor
        if actor is None or not query.strip():
            self._searched = ""
            self.model.set_hits([])
            self._show_status()
            return
        self.status.setText(self.tr("Searching…"))
        self.context.runner.query(lambda s: search(s, actor, query, LIMIT)).success(
            lambda hits: self._found(generation, query, hits)
        ).failure(lambda exc: self._failed(generation, exc)).run_in_background()

    def _found(self, generation: int, query: str, hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return  # the user typed more meanwhile: a newer search is on its way
        self._searched = query
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
        self._show_status()

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.status.setText("")
            self.context.show_error(exc, self)

    def _show_status(self) -> None:
        if self.context.actor is None:
            self.status.setText(self.tr("Choose a profile first: search shows what that person may see."))
        elif not self._searched.strip():
            self.status.setText(self.tr("Type words to search for."))
        elif not self.model.hits:
            self.status.setText(self.tr("Nothing found for “{query}”.").format(query=self._searched.strip()))
        elif len(self.model.hits) >= LIMIT:
            self.status.setText(self.tr("The first %n matches, best first:", "", len(self.model.hits)))
        else:
            self.status.setText(self.tr("Found: %n, best first:", "", len(self.model.hits)))

    @Slot(QModelIndex)
    def open_result(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE) if index.isValid() else None
        if hit is None:
            return
        words = find_text(hit_fragments(hit), self._searched)
        open_reader(self.context, hit.document_id, hit.page or 1, self.window(), find=words)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.search_now()
                if self._searched.strip() == self.box.text().strip() and self.model.hits:
                    current = self.results.currentIndex()
                    self.open_result(current if current.isValid() else self.model.index(0))
                return True
            if event.key() == Qt.Key.Key_Down:
                self.search_now()  # typed and went straight down: no need to wait for the pause
                if not self.model.hits:
                    return True
                self.results.setFocus()
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self.model.index(0))
                return True
        return super().eventFilter(watched, event)

    @Slot(object)
    def _actor_changed(self, _actor: Actor | None) -> None:
        # Results belong to what the previous person may see.
        self._searched = ""
        self.model.set_hits([])
        if self.box.text().strip():
            self.search_now()
        else:
            self._show_status()
        self._check_index()

    @Slot(object)
    def _data_changed(self, source: object) -> None:
        if source is not self and self.isVisible():
            self._check_index()

    # --- the index --------------------------------------------------------------------------------------

    def _check_index(self) -> None:
        if self.context.actor is None:
            self._show_index_status(None)
            return
        self.context.runner.query(index_status).success(self._show_index_status).failure(
            lambda _exc: self._show_index_status(None)
        ).run_in_background()

    @Slot(object)
    def _show_index_status(self, status: IndexStatus | None) -> None:
        pending = status.pending if status is not None else 0
        self.index_note.setVisible(pending > 0)
        self.index_button.setVisible(pending > 0)
        if pending:
            self.index_note.setText(self.tr("Documents whose text cannot be searched yet: %n.", "", pending))

    @Slot()
    def index_now(self) -> None:
        database = self.context.database

        def body(progress: Any) -> IndexReport:
            return index_pending(
                database,
                progress=lambda done, total, _title: progress.report(100 * done // max(total, 1)),
                cancelled=progress.cancelled,
            )

        self.context.runner.operation(body, writes=True).with_progress(
            self.tr("Making the documents searchable…"), self
        ).from_source(self).success(self._indexed).run_in_background()

    @Slot(object)
    def _indexed(self, _report: IndexReport) -> None:
        self._check_index()
        self._searched = ""
        self.search_now()
