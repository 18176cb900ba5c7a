"""The form for one document of a dossier: title, kind, classification and who receives it.

Recipients are the directory's Government members and invited guests, grouped and ordered as the directory
is; people not invited to the session are marked, since a document reaches only those who are. Saving is
not the dialog's job: the agenda editor turns the changes into an undoable command.
"""

from __future__ import annotations

import itertools
import uuid
from typing import Any

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.documents import MAX_TITLE
from ecabinet.agenda.sessions import DocumentInfo
from ecabinet.model import Classification, DocumentKind, InviteRole, Role
from ecabinet.services.members import MemberInfo
from ecabinet.ui import labels

FIELDS = ("title", "kind", "classification")
GROUPS = (Role.MEMBER, Role.GUEST)
ID_ROLE = Qt.ItemDataRole.UserRole
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


class DocumentDialog(QDialog):
    """Filled from a DocumentInfo, the directory, the current recipients and the session's invitations.

    `item_classified`: the document's item is classified, so its documents are restricted whatever their own
    level. `changes()` gives (before, after) of the fields that changed; `recipients()` the ticked ids.
    """

    def __init__(
        self,
        document: DocumentInfo,
        people: list[MemberInfo],
        recipients: set[uuid.UUID],
        invited: dict[uuid.UUID, InviteRole],
        item_classified: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documentDialog")
        self.document = document
        self.initial_recipients = frozenset(recipients)
        self.invited = invited
        self.item_classified = item_classified

        self.title = QLineEdit(maxLength=MAX_TITLE, clearButtonEnabled=True)
        self.title.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.kind = QComboBox()
        for kind in DocumentKind:
            self.kind.addItem(labels.document_kind(kind), kind)
        self.classification = QComboBox()
        for level in Classification:
            self.classification.addItem(labels.classification(level), level)
        self.file = QLabel(objectName="muted", wordWrap=True)
        self.file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.people = QTreeWidget(objectName="recipientList")
        self.people.setHeaderHidden(True)
        self.people.setRootIsDecorated(False)
        self.people.setUniformRowHeights(True)
        self.people.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.groups: dict[Role, QTreeWidgetItem] = {}
        self.entries: dict[uuid.UUID, QTreeWidgetItem] = {}
        self._fill_people(people)
        self.all_members = QPushButton()
        self.no_one = QPushButton()
        self.count = QLabel(objectName="muted")
        self.hint = QLabel(objectName="muted", wordWrap=True)

        self.captions = {name: QLabel() for name in (*FIELDS, "file", "recipients")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, widget in (
            ("title", self.title),
            ("kind", self.kind),
            ("classification", self.classification),
            ("file", self.file),
        ):
            self.captions[name].setBuddy(widget)
            form.addRow(self.captions[name], widget)
        self.captions["recipients"].setBuddy(self.people)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.all_members)
        buttons_row.addWidget(self.no_one)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.count)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.captions["recipients"])
        layout.addWidget(self.people, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        order = [
            self.title,
            self.kind,
            self.classification,
            self.people,
            self.all_members,
            self.no_one,
            self.buttons,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

        self._fill(document)
        self._connect_signals()
        self.retranslate()
        self.resize(self.sizeHint().width(), int(self.sizeHint().height() * 1.3))
        self.title.setFocus()
        self.title.selectAll()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(self._title_changed)
        self.classification.currentIndexChanged.connect(self._update_hint)
        self.people.itemChanged.connect(self._update_hint)
        self.all_members.clicked.connect(self.tick_all_members)
        self.no_one.clicked.connect(self.tick_no_one)

    def _fill_people(self, people: list[MemberInfo]) -> None:
        """One group per role, in the directory's order; a group's box ticks or unticks all of it."""
        self._people = {m.id: m for m in people}
        for role in GROUPS:
            group = QTreeWidgetItem(self.people)
            group.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
            )
            group.setCheckState(0, UNCHECKED)
            self.groups[role] = group
        for m in people:
            group = self.groups.get(m.role)
            if group is None:
                continue  # the secretariat sees every document anyway
            entry = QTreeWidgetItem(group)
            entry.setData(0, ID_ROLE, m.id)
            entry.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
            )
            entry.setCheckState(0, CHECKED if m.id in self.initial_recipients else UNCHECKED)
            self.entries[m.id] = entry
        for group in self.groups.values():
            group.setHidden(group.childCount() == 0)
            group.setExpanded(True)

    def _fill(self, document: DocumentInfo) -> None:
        self.title.setText(document.title)
        self.kind.setCurrentIndex(self.kind.findData(document.kind))
        self.classification.setCurrentIndex(self.classification.findData(document.classification))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Document properties"))
        texts = {
            "title": (self.tr("&Title:"), self.tr("The document's name as members see it")),
            "kind": (self.tr("&Kind:"), self.tr("Submission, draft, appraisal report, annex or other")),
            "classification": (
                self.tr("&Classification:"),
                self.tr("A classified document goes only to the people ticked below"),
            ),
            "file": (self.tr("File:"), self.tr("The current version's file (Ctrl+R replaces it)")),
        }
        widgets = {
            "title": self.title,
            "kind": self.kind,
            "classification": self.classification,
            "file": self.file,
        }
        for name, (caption, tip) in texts.items():
            self.captions[name].setText(caption)
            widgets[name].setToolTip(tip)
        doc = self.document
        self.file.setText(
            self.tr("{name}, version {number}, {pages} pages").format(
                name=doc.filename or "—", number=doc.version_number, pages=doc.page_count
            )
        )
        self.captions["recipients"].setText(self.tr("&Recipients (Space ticks):"))
        self.people.setToolTip(
            self.tr("Who receives this document; only those invited to the session can open it")
        )
        for role, group in self.groups.items():
            group.setText(0, labels.role_group(role))
        for member_id, entry in self.entries.items():
            m = self._people[member_id]
            text = f"{m.full_name} — {m.title}" if m.title else m.full_name
            if member_id not in self.invited:
                text = self.tr("{name} (not invited)").format(name=text)
            entry.setText(0, text)
            entry.setToolTip(0, text)
        self.all_members.setText(self.tr("&All members"))
        self.all_members.setToolTip(self.tr("Tick every Government member (guests stay as they are)"))
        self.no_one.setText(self.tr("&None"))
        self.no_one.setToolTip(self.tr("Untick everyone"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._update_hint()

    # --- values ----------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text().strip(),
            "kind": DocumentKind(self.kind.currentData()),
            "classification": Classification(self.classification.currentData()),
        }

    def changes(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(before, after) of the fields that differ from the document being edited."""
        old = {name: getattr(self.document, name) for name in FIELDS}
        new = self.values()
        changed = [name for name in FIELDS if old[name] != new[name]]
        return {n: old[n] for n in changed}, {n: new[n] for n in changed}

    def recipients(self) -> frozenset[uuid.UUID]:
        return frozenset(i for i, entry in self.entries.items() if entry.checkState(0) == CHECKED)

    def restricted(self) -> bool:
        """Whether the document, as the form has it, goes only to its named recipients."""
        return self.item_classified or Classification(self.classification.currentData()).is_classified

    # --- slots -----------------------------------------------------------------------------------------

    @Slot()
    def tick_all_members(self) -> None:
        for entry in self._group_entries(Role.MEMBER):
            entry.setCheckState(0, CHECKED)

    @Slot()
    def tick_no_one(self) -> None:
        for entry in self.entries.values():
            entry.setCheckState(0, UNCHECKED)

    def _group_entries(self, role: Role) -> list[QTreeWidgetItem]:
        group = self.groups[role]
        return [group.child(n) for n in range(group.childCount())]

    @Slot(str)
    def _title_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    @Slot()
    def _update_hint(self, *_: object) -> None:
        ticked = self.recipients()
        self.count.setText(
            self.tr("{count} of {total} ticked").format(count=len(ticked), total=len(self.entries))
        )
        if not self.restricted():
            text = self.tr(
                "A normal document goes to everyone invited (guests only when it is meant for guests); the "
                "people ticked here are its readers once it, or its item, is classified."
            )
        elif not ticked:
            text = self.tr("Classified, and nobody is ticked: only the secretariat will see this document.")
        else:
            outside = sum(1 for i in ticked if i not in self.invited)
            text = self.tr("Classified: only the people ticked here, if invited, will see this document.")
            if outside:
                text += " " + self.tr("{count} of them are not invited to the session.").format(count=outside)
        self.hint.setText(text)
