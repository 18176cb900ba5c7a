"""The Search page: hits as you type, only what the acting user may see, Enter opens the reader there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from ecabinet.db import Database
from ecabinet.model import Classification
from ecabinet.search import index_pending, index_status, reindex_all
from ecabinet.search.normalize import fold
from ecabinet.ui.context import AppContext
from ecabinet.ui.reader import reader_windows
from ecabinet.ui.reader.search_page import HIT_ROLE, TYPING_PAUSE_MS, SearchPage, hit_fragments
from ecabinet.ui.reader.snippets import find_text, fragments_of, snippet_html
from ecabinet.ui.registry import page_classes
from tests.ui.reader.conftest import Doc, People, wait_ready

ContextFor = Callable[..., AppContext]


@pytest.fixture
def indexed(demo_db: Database) -> Database:
    """The demo with every document's text searchable (the demo may have indexed it already)."""
    assert not index_pending(demo_db).failed_files
    with demo_db.read() as s:
        assert index_status(s).pending == 0 and index_status(s).indexed > 0
    return demo_db


def _page(qtbot: Any, context: AppContext) -> SearchPage:
    page = SearchPage(context)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):  # keys reach the active window only
        page.show()
        page.activateWindow()
    return page


def _search(qtbot: Any, page: SearchPage, text: str) -> None:
    page.box.setFocus()
    page.box.clear()
    qtbot.keyClicks(page.box, text)  # ASCII: the index ignores the diacritics
    with qtbot.waitSignal(page._typing.timeout, timeout=TYPING_PAUSE_MS * 4):
        pass


def test_typing_lists_hits_with_the_words_in_bold(
    qtbot: Any, qtmodeltester: Any, indexed: Database, context_for: ContextFor, people: People
) -> None:
    page = _page(qtbot, context_for(people.minister))
    assert page.status.text() == "Type words to search for."
    _search(qtbot, page, "dau tu cong")
    hits = page.model.hits
    assert hits and page.status.text().endswith("best first:")
    # Diacritics or not, the words are found (the last one also as the start of a word: "cộng", "công").
    best = [fold(text) for text, is_hit in hit_fragments(hits[0]) if is_hit]
    assert {"dau", "tu"} <= set(best) and any(m.startswith("cong") for m in best)
    assert all(any(is_hit for _text, is_hit in hit_fragments(hit)) for hit in hits)
    html_text = page.model.html(hits[0], "#5b6475")
    assert "<b>" in html_text and hits[0].session_title in html_text
    assert page.results.currentIndex().row() == 0
    assert page.model.index(0).data(HIT_ROLE) is hits[0]
    qtmodeltester.check(page.model)
    # Clearing the box clears the list.
    page.box.clear()
    page.search_now()
    assert page.model.rowCount() == 0


def test_a_member_never_sees_hits_in_a_classified_document(
    qtbot: Any, indexed: Database, context_for: ContextFor, people: People, documents: list[Doc]
) -> None:
    classified = {d.id for d in documents if d.classification is not Classification.NORMAL}
    assert classified
    query = "chu quyen bien gioi"
    cleared = _page(qtbot, context_for(people.cleared))
    _search(qtbot, cleared, query)
    assert classified & {h.document_id for h in cleared.model.hits}
    page = _page(qtbot, context_for(people.minister))
    _search(qtbot, page, query)
    assert not classified & {h.document_id for h in page.model.hits}


def test_enter_opens_the_reader_at_the_page_with_the_words_to_find(
    qtbot: Any, indexed: Database, context_for: ContextFor, people: People
) -> None:
    context = context_for(people.minister)
    page = _page(qtbot, context)
    _search(qtbot, page, "dau tu cong")
    row = next(r for r, h in enumerate(page.model.hits) if h.page and h.page > 1)
    hit = page.model.hits[row]
    page.results.setFocus()
    page.results.setCurrentIndex(page.model.index(row))
    qtbot.keyClick(page.results, Qt.Key.Key_Return)
    [window] = reader_windows(context)
    wait_ready(qtbot, window)
    assert window.document_id == hit.document_id
    assert window.current_page == hit.page
    assert window.find_bar.isVisible()
    assert window.find_bar.edit.text().lower() == "đầu tư công"
    assert window.find_bar.model.searchString() == window.find_bar.edit.text()
    assert window.find_bar.current is not None and window.find_bar.current[0] >= hit.page - 1


def test_enter_in_the_box_opens_the_first_hit_and_down_goes_to_the_list(
    qtbot: Any, indexed: Database, context_for: ContextFor, people: People
) -> None:
    context = context_for(people.minister)
    page = _page(qtbot, context)
    page.box.setFocus()
    qtbot.keyClicks(page.box, "nghi dinh")
    qtbot.keyClick(page.box, Qt.Key.Key_Down)  # searches at once, without waiting for the pause
    assert page.model.hits and page.results.hasFocus()
    page.box.setFocus()
    qtbot.keyClick(page.box, Qt.Key.Key_Return)
    [window] = reader_windows(context)
    assert window.document_id == page.model.hits[0].document_id


def test_an_answer_to_an_older_query_is_dropped(
    qtbot: Any, indexed: Database, context_for: ContextFor, people: People
) -> None:
    page = _page(qtbot, context_for(people.minister))
    _search(qtbot, page, "dau tu cong")
    shown = list(page.model.hits)
    stale = page._generation - 1
    page._found(stale, "nghi dinh", [])
    assert page.model.hits == shown and page._searched == "dau tu cong"


def test_documents_not_yet_searchable_can_be_indexed_from_the_page(
    qtbot: Any, demo_db: Database, context_for: ContextFor, people: People
) -> None:
    reindex_all(demo_db)
    page = _page(qtbot, context_for(people.minister))
    assert page.index_button.isVisible() and "cannot be searched yet" in page.index_note.text()
    page.box.insert("nghi dinh")
    page.search_now()
    before = len(page.model.hits)
    qtbot.mouseClick(page.index_button, Qt.MouseButton.LeftButton)
    assert not page.index_button.isVisible()
    assert len(page.model.hits) > before  # the text of the pages is found now, not only titles


def test_the_search_page_is_in_the_sidebar_and_ctrl_k_goes_there(
    qtbot: Any, indexed: Database, make_window: Any, people: People
) -> None:
    assert SearchPage in page_classes()
    window = make_window(indexed, "en")
    window.context.set_actor(people.minister)
    search = window.page("search")
    qtbot.waitUntil(lambda: search.focus_action in window.actions())
    window.show_page(0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window only
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is search and search.box.hasFocus()


def test_snippets_become_safe_html() -> None:
    fragments = fragments_of("… vốn [[đầu]] [[tư]] <script>&[[công]] trung hạn [[unclosed")
    assert fragments == (
        ("… vốn ", False),
        ("đầu", True),
        (" ", False),
        ("tư", True),
        (" <script>&", False),
        ("công", True),
        (" trung hạn [[unclosed", False),
    )
    assert snippet_html(fragments) == (
        "… vốn <b>đầu</b> <b>tư</b> &lt;script&gt;&amp;<b>công</b> trung hạn [[unclosed"
    )
    assert find_text(fragments) == "đầu tư"
    assert find_text(
        (("a ", False), ("Đầu", True), (" ", False), ("Tư", True), (" ", False), ("Công", True))
    ) == ("Đầu Tư Công")
    assert find_text((), "dau tu") == "dau tu"
