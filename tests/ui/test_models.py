"""The item models, checked by qtmodeltester on the demo data and when empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from ecabinet.agenda.sessions import get_session, list_sessions
from ecabinet.db import Database
from ecabinet.model import Classification, Role
from ecabinet.ui.i18n import Translations
from ecabinet.ui.models import ID_ROLE
from ecabinet.ui.models.agenda import CLASSIFICATION, KIND, PAGES, TITLE, AgendaModel
from ecabinet.ui.models.sessions import STATE, SessionTableModel
from tests.ui.conftest import add_draft_session, person


def test_session_table_model(qtmodeltester: Any, demo_db: Database, languages: Translations) -> None:
    languages.apply("vi")
    add_draft_session(demo_db)
    leader = person(demo_db, Role.SECRETARIAT_LEADER)
    with demo_db.read() as s:
        rows = list_sessions(s, leader)
    model = SessionTableModel()
    qtmodeltester.check(model)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows) >= 2
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Thời gian"
    states = {model.index(r, STATE).data() for r in range(model.rowCount())}
    assert "Dự thảo" in states
    assert model.index(0, 0).data(ID_ROLE) == rows[0].id
    model.set_rows([])
    qtmodeltester.check(model)


def test_agenda_model_shows_items_sub_items_and_documents(
    qtmodeltester: Any, demo_db: Database, languages: Translations
) -> None:
    languages.apply("vi")
    leader = person(demo_db, Role.SECRETARIAT_LEADER)
    with demo_db.read() as s:
        summary = list_sessions(s, leader)[0]
        detail = get_session(s, leader, summary.id)
    model = AgendaModel()
    qtmodeltester.check(model)
    model.set_detail(detail)
    qtmodeltester.check(model)

    top = [i for i in detail.items if i.parent_id is None]
    assert model.rowCount() == len(top)
    assert model.index(0, TITLE).data() == f"1. {top[0].title}"
    assert model.headerData(CLASSIFICATION, Qt.Orientation.Horizontal) == "Độ mật"

    def walk(parent: QModelIndex) -> list[QModelIndex]:
        found = []
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found += [index, *walk(index)]
        return found

    everything = walk(QModelIndex())
    by_id = {index.data(ID_ROLE): index for index in everything}
    for item in detail.items:
        index = by_id[item.id]
        if item.parent_id is not None:
            assert index.parent().data(ID_ROLE) == item.parent_id
            assert index.data().startswith(f"{item.number}. ")
        for doc in item.documents:
            doc_index = by_id[doc.id]
            assert doc_index.parent() == index
            assert doc_index.siblingAtColumn(PAGES).data() == str(doc.page_count)
            assert doc_index.siblingAtColumn(KIND).data()  # a translated kind
            assert doc_index.siblingAtColumn(CLASSIFICATION).data() == doc.classification.mark
    assert len(everything) == len(detail.items) + sum(len(i.documents) for i in detail.items)

    classified = [i for i in detail.items if i.classification is not Classification.NORMAL]
    if classified:
        mark = by_id[classified[0].id].siblingAtColumn(CLASSIFICATION)
        assert mark.data() == classified[0].classification.mark != ""
        assert mark.data(Qt.ItemDataRole.ForegroundRole) is not None

    model.set_detail(None)
    assert model.rowCount() == 0
    qtmodeltester.check(model)
