"""Cài đặt: the interface language (applied at once) and where this installation keeps its data."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ecabinet.ui.context import AppContext
from ecabinet.ui.i18n import LANGUAGE_NAMES
from ecabinet.ui.registry import Page, register_page


@register_page
class SettingsPage(Page):
    page_id = "settings"
    icon = "mdi6.cog-outline"
    order = 1000  # always last

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.heading = QLabel(objectName="pageTitle")
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.data_heading = QLabel(objectName="sectionTitle")
        self.home = QLabel(context.database.home.as_posix())
        self.database = QLabel(context.database.engine.url.render_as_string(hide_password=True))
        self.preferences = QLabel(context.settings.file_name)
        self.home_label, self.database_label, self.preferences_label = QLabel(), QLabel(), QLabel()
        for value in (self.home, self.database, self.preferences):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.language_label, self.language)
        data = QFormLayout()
        data.addRow(self.home_label, self.home)
        data.addRow(self.database_label, self.database)
        data.addRow(self.preferences_label, self.preferences)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.data_heading)
        layout.addLayout(data)
        layout.addStretch(1)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Settings")

    def tooltip(self) -> str:
        return self.tr("Language and data folders")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Settings"))
        self.language_label.setText(self.tr("Interface &language:"))
        self.language.setToolTip(self.tr("The language of menus, labels and messages; it changes at once"))
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(self.context.language)))
        self.language.blockSignals(False)
        self.data_heading.setText(self.tr("Data of this installation"))
        self.home_label.setText(self.tr("Home folder:"))
        self.database_label.setText(self.tr("Database:"))
        self.preferences_label.setText(self.tr("Preferences file:"))

    @Slot(int)
    def _language_chosen(self, index: int) -> None:
        self.context.set_language(self.language.itemData(index))
