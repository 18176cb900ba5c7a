"""The form for one agenda item: title, presenter body, kind, planned minutes and classification."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.items import MAX_MINUTES
from ecabinet.agenda.sessions import ItemInfo
from ecabinet.model import Classification, ItemKind
from ecabinet.services.members import OrganisationInfo
from ecabinet.ui import labels

FIELDS = ("title", "presenter_org_id", "kind", "planned_minutes", "classification")


class ItemDialog(QDialog):
    """Filled from an ItemInfo (edit) or with defaults (add); `values()` gives the service's field names.

    Saving is not the dialog's job: the agenda editor turns the accepted values into an undoable command.
    """

    def __init__(
        self,
        organisations: list[OrganisationInfo],
        item: ItemInfo | None = None,
        parent_title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("itemDialog")
        self.item = item
        self.parent_title = parent_title
        self.title = QLineEdit(maxLength=500, clearButtonEnabled=True)
        self.title.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.presenter = QComboBox()
        self.presenter.addItem("—", None)
        for org in organisations:
            self.presenter.addItem(org.name, str(org.id))  # a str: QVariant cannot compare Python UUIDs
        self.kind = QComboBox()
        for kind in ItemKind:
            self.kind.addItem(labels.item_kind(kind), kind)
        self.minutes = QSpinBox(minimum=0, maximum=MAX_MINUTES, singleStep=5)
        self.classification = QComboBox()
        for level in Classification:
            self.classification.addItem(labels.classification(level), level)
        self.under = QLabel(objectName="muted", wordWrap=True)
        self.under.setVisible(bool(parent_title))

        self.captions = {name: QLabel() for name in FIELDS}
        buddies = {
            "title": self.title,
            "presenter_org_id": self.presenter,
            "kind": self.kind,
            "planned_minutes": self.minutes,
            "classification": self.classification,
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, widget in buddies.items():
            self.captions[name].setBuddy(widget)
            form.addRow(self.captions[name], widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.under)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for first, second in zip(
            [self.title, self.presenter, self.kind, self.minutes, self.classification],
            [self.presenter, self.kind, self.minutes, self.classification, self.buttons],
            strict=True,
        ):
            self.setTabOrder(first, second)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(self._title_changed)
        self._fill(item)
        self.retranslate()
        self.title.setFocus()

    def _fill(self, item: ItemInfo | None) -> None:
        if item is None:
            self.kind.setCurrentIndex(self.kind.findData(ItemKind.DISCUSSION))
            self.minutes.setValue(15)
            self.classification.setCurrentIndex(0)
            self._title_changed("")
            return
        self.title.setText(item.title)
        row = self.presenter.findData(str(item.presenter_org_id) if item.presenter_org_id else None)
        self.presenter.setCurrentIndex(max(row, 0))
        self.kind.setCurrentIndex(self.kind.findData(item.kind))
        self.minutes.setValue(item.planned_minutes)
        self.classification.setCurrentIndex(self.classification.findData(item.classification))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self.item is not None:
            self.setWindowTitle(self.tr("Edit agenda item {number}").format(number=self.item.number))
        elif self.parent_title:
            self.setWindowTitle(self.tr("New sub-item"))
        else:
            self.setWindowTitle(self.tr("New agenda item"))
        self.under.setText(self.tr("A sub-item of «{title}»").format(title=self.parent_title))
        texts = {
            "title": (self.tr("&Title:"), self.tr("What the Government is asked to consider")),
            "presenter_org_id": (
                self.tr("&Presenter:"),
                self.tr("The body that presents the item (cơ quan trình)"),
            ),
            "kind": (self.tr("&Kind:"), self.tr("Decision, discussion or information")),
            "planned_minutes": (
                self.tr("Planned &minutes:"),
                self.tr("Time planned for the item; the session's planned end follows from the total"),
            ),
            "classification": (
                self.tr("&Classification:"),
                self.tr("A classified item's documents go only to the members named for each"),
            ),
        }
        widgets = {
            "title": self.title,
            "presenter_org_id": self.presenter,
            "kind": self.kind,
            "planned_minutes": self.minutes,
            "classification": self.classification,
        }
        for name, (caption, tip) in texts.items():
            self.captions[name].setText(caption)
            widgets[name].setToolTip(tip)
        self.minutes.setSuffix(self.tr(" min"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    @Slot(str)
    def _title_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    def values(self) -> dict[str, Any]:
        org = self.presenter.currentData()
        return {
            "title": self.title.text().strip(),
            "presenter_org_id": uuid.UUID(org) if org else None,
            "kind": ItemKind(self.kind.currentData()),
            "planned_minutes": self.minutes.value(),
            "classification": Classification(self.classification.currentData()),
        }

    def changes(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(before, after) of the fields that differ from the item being edited."""
        assert self.item is not None
        old = {name: getattr(self.item, name) for name in FIELDS}
        new = self.values()
        changed = [name for name in FIELDS if old[name] != new[name]]
        return {n: old[n] for n in changed}, {n: new[n] for n in changed}
