"""Who is acting: a combo of the people in the directory, grouped by role.

On the Government Office's installation (and one not set up for sync) staff choose who they are; the
passphrase unlocks the installation, not a person. A member's laptop always acts as its member: the combo
shows only them and cannot be changed (before the first package brings the directory, nobody acts).
"""

from __future__ import annotations

import contextlib
import uuid

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from ecabinet.services.actor import Actor, load_actor
from ecabinet.services.members import MemberInfo, list_members
from ecabinet.ui import labels
from ecabinet.ui.context import AppContext
from ecabinet.ui.models import ID_ROLE
from ecabinet.ui.settings import PROFILE
from ecabinet.ui.sync.session import key_session

ROLE_ROLE = Qt.ItemDataRole.UserRole + 3  # a heading row's Role


class ProfilePicker(QComboBox):
    """Choosing a person loads their Actor from the database and makes it the context's actor."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("profilePicker")
        self.setModel(QStandardItemModel(self))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumContentsLength(24)
        self.members: list[MemberInfo] = []
        self.keys = key_session(context)
        self.activated.connect(self._chosen)
        context.data_changed.connect(self.reload)
        self.keys.changed.connect(self.reload)
        self.retranslate()

    @property
    def owner(self) -> uuid.UUID | None:
        """The member a laptop belongs to; None where staff choose."""
        profile = self.keys.profile
        return profile.member_id if self.keys.is_member_laptop and profile is not None else None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self.owner is None:
            self.setToolTip(
                self.tr("Who is using e-Cabinet: every page shows what this person may see (Ctrl+P)")
            )
            self.setPlaceholderText(self.tr("No profile yet"))
        else:
            self.setToolTip(self.tr("This laptop belongs to one member and always acts as them"))
            self.setPlaceholderText(self.tr("Waiting for the first package"))
        model = self.model()
        for row in range(model.rowCount()):
            role = model.item(row).data(ROLE_ROLE)
            if role is not None:
                model.item(row).setText(labels.role_group(role))

    @Slot()
    def reload(self, *_: object) -> None:
        self.context.runner.query(list_members).success(self._fill).run_in_background()

    def _fill(self, members: list[MemberInfo]) -> None:
        owner = self.owner
        if owner is not None:
            members = [m for m in members if m.id == owner]
        self.setEnabled(owner is None)
        self.retranslate()
        self.members = members
        model: QStandardItemModel = self.model()
        model.clear()
        heading_font = QFont(self.font())
        heading_font.setBold(True)
        for role in labels.ROLE_ORDER:
            people = [m for m in members if m.role is role]
            if not people:
                continue
            heading = QStandardItem(labels.role_group(role))
            heading.setData(role, ROLE_ROLE)
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setFont(heading_font)
            model.appendRow(heading)
            for person in people:
                item = QStandardItem(person.full_name)
                item.setData(person.id, ID_ROLE)
                item.setToolTip(", ".join(p for p in (person.title, person.organisation) if p))
                model.appendRow(item)
        self._select(self._preferred())

    def _preferred(self) -> uuid.UUID | None:
        """The laptop's member; else the current actor, else the remembered profile, else the first officer."""
        if self.owner is not None:
            return self.owner if any(m.id == self.owner for m in self.members) else None
        wanted = [self.context.actor.member_id] if self.context.actor else []
        with contextlib.suppress(ValueError):
            wanted.append(uuid.UUID(self.context.settings.get(PROFILE)))
        ids = [m.id for m in self.members]
        for member_id in wanted:
            if member_id in ids:
                return member_id
        # Otherwise the first person as the picker lists them: a secretariat leader when there is one.
        listed = sorted(self.members, key=lambda m: labels.ROLE_ORDER.index(m.role))
        return listed[0].id if listed else None

    def _row_of(self, member_id: uuid.UUID | None) -> int:
        # Not findData: a QVariant holding a Python object compares by identity, not by value.
        rows = (row for row in range(self.count()) if self.itemData(row, ID_ROLE) == member_id)
        return next(rows, -1) if member_id is not None else -1

    def _select(self, member_id: uuid.UUID | None) -> None:
        row = self._row_of(member_id)
        self.setCurrentIndex(row)
        if row < 0:
            self.context.set_actor(None)
        else:
            self._chosen(row)

    def choose(self, member_id: uuid.UUID) -> None:
        """Act as this person (as if picked in the combo); a laptop acts as its member only."""
        if self.owner is None or member_id == self.owner:
            self._select(member_id)

    def showPopup(self) -> None:
        if self.owner is None:
            super().showPopup()

    @Slot(int)
    def _chosen(self, row: int) -> None:
        member_id = self.itemData(row, ID_ROLE)
        if member_id is None:
            return
        current = self.context.actor
        if current is not None and current.member_id == member_id:
            return
        self.context.runner.query(lambda s: load_actor(s, member_id)).success(
            self._loaded
        ).run_in_background()

    def _loaded(self, actor: Actor) -> None:
        self.context.set_actor(actor)
