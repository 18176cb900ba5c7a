"""Đồng bộ: the Sync centre — the peers and how far each sync got, export and import, history, keys."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ecabinet.model.sync import ProfileRole
from ecabinet.ui.context import AppContext
from ecabinet.ui.models import SORT_ROLE
from ecabinet.ui.registry import Page
from ecabinet.ui.settings import Option
from ecabinet.ui.sync import state, text
from ecabinet.ui.sync.export_wizard import ExportWizard
from ecabinet.ui.sync.files import FileChooser, documents_folder
from ecabinet.ui.sync.import_dialog import ImportDialog
from ecabinet.ui.sync.keys_view import KeyManager, page_action, set_action, tool_button
from ecabinet.ui.sync.models import HistoryModel, PeerTableModel
from ecabinet.ui.sync.session import KeySession, key_session
from ecabinet.ui.sync.setup import ProfileSetupWizard
from ecabinet.ui.sync.state import PackageRecord, PeerState

IMPORT_FOLDER = Option("sync/import_folder", "")  # where packages were last picked from
PACKAGE_SUFFIX = ".ecab"


def package_paths(urls: list[Any]) -> list[Path]:
    """The local .ecab files among dropped URLs."""
    out = []
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() == PACKAGE_SUFFIX:
                out.append(path)
    return out


def table(model: Any, stretch: int) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortLocaleAware(True)
    view = QTableView()
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSortIndicator(
        -1, Qt.SortOrder.AscendingOrder
    )  # the model's order until clicked
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    return view, proxy


class SyncPage(Page):
    """Registered by `ecabinet.ui.pages.sync`. Drop .ecab files anywhere on the page to import them."""

    page_id = "sync"
    icon = "mdi6.sync"
    order = 900

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("syncPage")
        self.setAcceptDrops(True)
        self.keys: KeySession = key_session(context)
        self.files = FileChooser()
        self.peers: list[PeerState] = []
        self.own_name = ""
        self.dialogs: list[QDialog] = []  # the last dialog opened (tests reach it here)

        self.heading = QLabel(objectName="pageTitle")
        self.identity = QLabel(objectName="muted", wordWrap=True)
        self.export_action = page_action(self, "mdi6.tray-arrow-up", "Ctrl+E")
        self.import_action = page_action(self, "mdi6.tray-arrow-down", "Ctrl+I")
        self.setup_banner = QFrame(objectName="setupBanner")
        self.setup_banner.setStyleSheet(
            "QFrame#setupBanner { background: #fff4e0; border: 1px solid #e8c88f; border-radius: 0.3em; }"
        )
        self.setup_text = QLabel(wordWrap=True)
        self.setup_button = QPushButton(objectName="setupButton")
        banner = QHBoxLayout(self.setup_banner)
        banner.addWidget(self.setup_text, 1)
        banner.addWidget(self.setup_button)

        self.tabs = QTabWidget(objectName="syncTabs")
        self.peer_model = PeerTableModel(self)
        self.peer_table, self.peer_proxy = table(self.peer_model, PeerTableModel.TITLE)
        self.peer_table.setObjectName("peerTable")
        self.peer_summary = QLabel(wordWrap=True, objectName="peerSummary")
        self.copy_id_action = page_action(self, "mdi6.content-copy")
        self.copy_id_action.setShortcut("Ctrl+Shift+C")
        self.copy_id_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.peer_table.addAction(self.copy_id_action)
        self.peer_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.drop_hint = QLabel(objectName="muted", wordWrap=True)
        peers_tab = QWidget()
        peer_buttons = QHBoxLayout()
        for action in (self.export_action, self.import_action):
            peer_buttons.addWidget(tool_button(action))
        self.copy_id_button = tool_button(self.copy_id_action)
        peer_buttons.addWidget(self.copy_id_button)
        peer_buttons.addStretch(1)
        peers_layout = QVBoxLayout(peers_tab)
        peers_layout.addLayout(peer_buttons)
        peers_layout.addWidget(self.peer_table, 1)
        peers_layout.addWidget(self.peer_summary)
        peers_layout.addWidget(self.drop_hint)

        self.history_model = HistoryModel(self)
        self.history_model.language = lambda: self.context.language
        self.history_table, self.history_proxy = table(self.history_model, HistoryModel.NOTE)
        self.history_table.setObjectName("historyTable")
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_table.sortByColumn(HistoryModel.WHEN, Qt.SortOrder.DescendingOrder)
        self.history_filter = QComboBox(objectName="historyFilter")
        self.history_filter_label = QLabel()
        self.history_filter_label.setBuddy(self.history_filter)
        self.history_rows: list[PackageRecord] = []
        history_tab = QWidget()
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.history_filter_label)
        filter_row.addWidget(self.history_filter)
        filter_row.addStretch(1)
        history_layout = QVBoxLayout(history_tab)
        history_layout.addLayout(filter_row)
        history_layout.addWidget(self.history_table, 1)

        self.key_manager = KeyManager(context)
        keys_tab = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        keys_tab.setWidget(self.key_manager)  # the page stays usable in a small window
        self.tabs.addTab(peers_tab, "")
        self.tabs.addTab(history_tab, "")
        self.tabs.addTab(keys_tab, "")

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.identity)
        top.addLayout(titles, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.setup_banner)
        layout.addWidget(self.tabs, 1)
        self._connect_signals()
        self.retranslate()
        self.reload()

    def _connect_signals(self) -> None:
        self.export_action.triggered.connect(self.open_export)
        self.import_action.triggered.connect(self.choose_packages)
        self.copy_id_action.triggered.connect(self.copy_member_id)
        self.setup_button.clicked.connect(self.open_setup)
        self.peer_table.selectionModel().selectionChanged.connect(self._peer_selected)
        self.peer_table.activated.connect(lambda _index: self.open_export())
        self.history_filter.currentIndexChanged.connect(self._filter_history)
        self.keys.changed.connect(self.reload)
        self.keys.lock_changed.connect(self._update_actions)
        self.context.data_changed.connect(self.reload)
        self.context.actor_changed.connect(self._update_actions)

    # --- Page -----------------------------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Sync")

    def tooltip(self) -> str:
        return self.tr("Sync packages with members' laptops, keys and history")

    def refresh(self) -> None:
        if self.keys.profile is None:  # set up meanwhile with the command line
            self.keys.reload()
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Sync"))
        laptop = self.keys.is_member_laptop
        self.peer_model.laptop = laptop
        set_action(
            self.export_action,
            self.tr("&Export package…"),
            self.tr("Write a package for the Government Office")
            if laptop
            else self.tr("Write packages for the members' laptops"),
        )
        set_action(
            self.import_action,
            self.tr("&Import package…"),
            self.tr("Check and apply .ecab packages (or drop them on this page)"),
        )
        set_action(
            self.copy_id_action,
            self.tr("&Copy member id"),
            self.tr("Copy the selected member's id, which their laptop's setup asks for"),
        )
        self.tabs.setTabText(0, self.tr("&Government Office") if laptop else self.tr("&Members"))
        self.tabs.setTabToolTip(
            0, self.tr("Each installation this one exchanges packages with, and how far it got")
        )
        self.tabs.setTabText(1, self.tr("Hi&story"))
        self.tabs.setTabToolTip(1, self.tr("Packages written, applied and refused here"))
        self.tabs.setTabText(2, self.tr("&Keys"))
        self.tabs.setTabToolTip(2, self.tr("Fingerprints, key files, trust and revocation"))
        self.setup_text.setText(
            self.tr(
                "This installation has no profile and no keys yet, so it cannot export or import packages. "
                "Set it up as the Government Office's server or as a member's laptop."
            )
        )
        self.setup_button.setText(self.tr("Set &up…"))
        self.setup_button.setToolTip(self.tr("Choose what this computer is for, and make its keys"))
        self.drop_hint.setText(self.tr("Tip: drop .ecab package files anywhere on this page to import them."))
        self.history_filter_label.setText(self.tr("Sho&w:"))
        self.peer_table.setToolTip(
            self.tr("Enter or double-click: export a package for the selected members")
        )
        self.peer_model.retranslate()
        self.history_model.retranslate()
        self._fill_history_filter()
        self._show_identity()
        self._peer_selected()
        self._update_actions()

    # --- loading --------------------------------------------------------------------------------------------

    @Slot()
    def reload(self, *_: object) -> None:
        profile = self.keys.profile
        self.setup_banner.setVisible(profile is None)
        if profile is None:
            self._loaded(([], [], ""))
            return

        def load(s: Any) -> tuple[list[PeerState], list[PackageRecord], str]:
            return (
                state.peer_states(s, profile),
                state.package_history(s, profile),
                state.member_name(s, profile.member_id),
            )

        self.context.runner.query(load).success(self._loaded).run_in_background()

    def _loaded(self, loaded: tuple[list[PeerState], list[PackageRecord], str]) -> None:
        peers, history, own_name = loaded
        selected = self.selected_peers()
        self.peers, self.own_name, self.history_rows = peers, own_name, history
        self.peer_model.laptop = self.keys.is_member_laptop
        self.peer_model.set_rows(peers)
        for peer in selected:
            row = self.peer_model.row_of(self.peer_model.row_id(peer))
            if row >= 0:
                index = self.peer_proxy.mapFromSource(self.peer_model.index(row, 0))
                self.peer_table.selectRow(index.row())
        names = {p.installation_id: text.peer_name(p.role, p.name) for p in peers if p.installation_id}
        if self.keys.profile is not None:  # a package made here and brought back (the wrong file picked)
            names[self.keys.profile.installation_id] = self.tr("this installation")
        self.history_model.set_names(names)
        self._fill_history_filter()
        self._filter_history()
        self._show_identity()
        self._peer_selected()
        self._update_actions()

    def _show_identity(self) -> None:
        profile = self.keys.profile
        if profile is None:
            self.identity.setText(self.tr("This installation is not set up for sync yet."))
            return
        if profile.role is ProfileRole.SECRETARIAT:
            who = text.installation_kind(profile.role)
        else:
            who = self.tr("Laptop of {name}").format(name=self.own_name or str(profile.member_id))
        self.identity.setText(
            self.tr("This installation: {who} · key {fingerprint} …").format(
                who=who, fingerprint=" ".join(profile.current.fingerprint.split()[:4])
            )
        )

    def _fill_history_filter(self) -> None:
        current = self.history_filter.currentData()
        self.history_filter.blockSignals(True)
        self.history_filter.clear()
        self.history_filter.addItem(self.tr("All installations"), None)
        for peer in self.peers:
            if peer.installation_id is not None:
                self.history_filter.addItem(text.peer_name(peer.role, peer.name), peer.installation_id)
        index = next(
            (i for i in range(self.history_filter.count()) if self.history_filter.itemData(i) == current), 0
        )
        self.history_filter.setCurrentIndex(index)
        self.history_filter.blockSignals(False)

    @Slot()
    def _filter_history(self, *_: object) -> None:
        wanted = self.history_filter.currentData()
        rows = [r for r in self.history_rows if wanted is None or r.peer_installation_id == wanted]
        self.history_model.set_rows(rows)

    def selected_peers(self) -> list[PeerState]:
        rows = {self.peer_proxy.mapToSource(i).row() for i in self.peer_table.selectionModel().selectedRows()}
        return [self.peer_model.row(r) for r in sorted(rows) if 0 <= r < self.peer_model.rowCount()]

    @Slot()
    def _peer_selected(self, *_: object) -> None:
        chosen = self.selected_peers()
        if len(chosen) == 1:
            peer = chosen[0]
            self.peer_summary.setText(
                f"{text.peer_name(peer.role, peer.name)}: {self.peer_model.summary(peer)}"
            )
        elif len(self.peers) == 1 and not chosen:
            peer = self.peers[0]
            self.peer_summary.setText(
                f"{text.peer_name(peer.role, peer.name)}: {self.peer_model.summary(peer)}"
            )
        else:
            self.peer_summary.setText("")
        self.copy_id_action.setEnabled(len(chosen) == 1 and chosen[0].member_id is not None)

    @Slot()
    def _update_actions(self, *_: object) -> None:
        ready = self.keys.profile is not None and self.keys.keyring is not None
        self.export_action.setEnabled(ready)
        self.import_action.setEnabled(ready)
        laptop = self.keys.is_member_laptop
        self.copy_id_action.setVisible(not laptop)
        self.copy_id_button.setVisible(not laptop)  # a tool button does not follow its action's visibility
        self.peer_table.setColumnHidden(PeerTableModel.TITLE, laptop)
        self.peer_table.horizontalHeader().setSectionResizeMode(
            PeerTableModel.LAST,
            QHeaderView.ResizeMode.Stretch if laptop else QHeaderView.ResizeMode.ResizeToContents,
        )

    # --- actions --------------------------------------------------------------------------------------------

    def _opened(self, dialog: QDialog) -> QDialog:
        self.dialogs = [dialog]
        dialog.open()
        return dialog

    @Slot()
    def open_setup(self) -> ProfileSetupWizard:
        wizard = ProfileSetupWizard(self.context, self)
        wizard.finished.connect(lambda _result: self.reload())
        self._opened(wizard)
        return wizard

    @Slot()
    def open_export(self) -> ExportWizard | None:
        if not self.export_action.isEnabled():
            return None
        preselected: set[uuid.UUID | None] = {p.member_id for p in self.selected_peers()}
        wizard = ExportWizard(self.context, self.peers, self.own_name, preselected, self.files, self)
        self._opened(wizard)
        return wizard

    @Slot()
    def choose_packages(self) -> None:
        if not self.import_action.isEnabled():
            return
        folder = Path(self.context.settings.get(IMPORT_FOLDER) or documents_folder())
        paths = self.files.open_packages(self, folder)
        if paths:
            self.context.settings.set(IMPORT_FOLDER, str(paths[0].parent))
            self.import_files(paths)

    def import_files(self, paths: list[Path]) -> ImportDialog | None:
        """The import dialog for these files: first what they say, then, on Import, what happened."""
        if not paths:
            return None
        if self.keys.profile is None:
            self.context.prompts.inform(
                self,
                self.tr("Import sync packages"),
                self.tr("This installation has no keys yet: set it up first (Sync → Set up…)."),
            )
            return None
        dialog = ImportDialog(self.context, paths, self)
        self._opened(dialog)
        return dialog

    @Slot()
    def copy_member_id(self) -> None:
        chosen = self.selected_peers()
        if len(chosen) == 1 and chosen[0].member_id is not None:
            QGuiApplication.clipboard().setText(str(chosen[0].member_id))

    # --- drag and drop --------------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and package_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls() and package_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = package_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_files(paths)
