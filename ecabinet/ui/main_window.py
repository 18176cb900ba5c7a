"""The main window: a sidebar of the registered pages, the profile picker, menus, and the status line."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QEvent, QSize, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

import ecabinet
from ecabinet.services.actor import Actor
from ecabinet.ui import labels
from ecabinet.ui.context import AppContext
from ecabinet.ui.geometry import PreserveGeometry
from ecabinet.ui.profile import ProfilePicker
from ecabinet.ui.registry import Page, page_classes
from ecabinet.ui.settings import MAIN_GEOMETRY, MAIN_STATE

NAVY = "#1f3a60"


class MainWindow(PreserveGeometry, QMainWindow):
    geometry_option = MAIN_GEOMETRY
    state_option = MAIN_STATE

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("mainWindow")
        self.setWindowIcon(qta.icon("mdi6.bank", color=NAVY))

        self.sidebar = QListWidget(objectName="sidebar")
        self.sidebar.setIconSize(QSize(22, 22))
        self.stack = QStackedWidget(objectName="pageStack")
        self.pages: list[Page] = [cls(context, self.stack) for cls in page_classes()]
        self.page_group = QActionGroup(self)
        self.page_actions: list[QAction] = []
        for number, page in enumerate(self.pages, 1):
            self.stack.addWidget(page)
            icon = qta.icon(page.icon, color=NAVY, color_selected="#ffffff")
            self.sidebar.addItem(QListWidgetItem(icon, ""))
            action = QAction(icon, "", self.page_group, checkable=True)
            if number < 10:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, row=number - 1: self.show_page(row))
            self.page_actions.append(action)

        central = QWidget(objectName="central")
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.profile = ProfilePicker(context, self)
        self.profile_label = QLabel(objectName="toolbarLabel")
        self.profile_label.setBuddy(self.profile)
        self.brand = QLabel(objectName="brand")
        self.refresh_action = QAction(qta.icon("mdi6.refresh", color=NAVY), "", self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.profile_action = QAction(qta.icon("mdi6.account-switch-outline", color=NAVY), "", self)
        self.profile_action.setShortcut(QKeySequence("Ctrl+P"))
        self.quit_action = QAction(qta.icon("mdi6.exit-to-app", color=NAVY), "", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # StandardKey.Quit is empty on some desktops
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.about_action = QAction(qta.icon("mdi6.information-outline", color=NAVY), "", self)
        self.about_action.setShortcut(QKeySequence("F1"))

        self.toolbar = self.addToolBar("main")
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.addWidget(self.brand)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.profile_label)
        self.toolbar.addWidget(self.profile)
        self.toolbar.toggleViewAction().setVisible(False)

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.refresh_action, self.profile_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions(self.page_actions)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)
        self.actor_status = QLabel(objectName="statusLabel")
        self.statusBar().addWidget(self.actor_status, 1)

        self._connect_signals()
        self.retranslate()
        self.show_page(0)
        if not self.restore_geometry(context.settings):
            self._default_size()

    def _connect_signals(self) -> None:
        self.sidebar.currentRowChanged.connect(self.show_page)
        self.refresh_action.triggered.connect(self.refresh)
        self.profile_action.triggered.connect(self._focus_profile)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self._about)
        self.context.actor_changed.connect(self._actor_changed)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("e-Cabinet — Government sessions"))
        self.brand.setText(self.tr("GOVERNMENT · e-Cabinet"))
        self.profile_label.setText(self.tr("Acting &as:"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self._set_action(self.refresh_action, self.tr("&Refresh"), self.tr("Load the data again (F5)"))
        self._set_action(
            self.profile_action,
            self.tr("Choose &profile…"),
            self.tr("Choose who is using e-Cabinet (Ctrl+P)"),
        )
        self._set_action(self.quit_action, self.tr("&Quit"), self.tr("Close e-Cabinet (Ctrl+Q)"))
        self._set_action(self.about_action, self.tr("&About e-Cabinet"), self.tr("Version and purpose (F1)"))
        for row, (page, action) in enumerate(zip(self.pages, self.page_actions, strict=True)):
            self.sidebar.item(row).setText(page.title())
            self.sidebar.item(row).setToolTip(f"{page.tooltip()} ({action.shortcut().toString()})".strip())
            self._set_action(action, page.title(), page.tooltip())
        width = max(self.sidebar.fontMetrics().horizontalAdvance(p.title()) for p in self.pages)
        self.sidebar.setFixedWidth(
            width + self.sidebar.iconSize().width() + self.fontMetrics().averageCharWidth() * 10
        )
        self._actor_changed(self.context.actor)

    @staticmethod
    def _set_action(action: QAction, text: str, tip: str) -> None:
        action.setText(text)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})" if shortcut and shortcut not in tip else tip)
        action.setStatusTip(tip)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry(self.context.settings)
        super().closeEvent(event)

    def _default_size(self) -> None:
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(1280, int(screen.width() * 0.9)), min(800, int(screen.height() * 0.9)))

    # --- slots -----------------------------------------------------------------------------------------

    @Slot(int)
    def show_page(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            return
        self.stack.setCurrentIndex(row)
        self.page_actions[row].setChecked(True)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)

    def page(self, page_id: str) -> Page:
        return next(p for p in self.pages if p.page_id == page_id)

    @Slot()
    def refresh(self) -> None:
        self.profile.reload()
        for page in self.pages:
            page.refresh()

    @Slot()
    def _focus_profile(self) -> None:
        self.profile.setFocus()
        self.profile.showPopup()

    @Slot(object)
    def _actor_changed(self, actor: Actor | None) -> None:
        if actor is None:
            self.actor_status.setText(self.tr("No profile chosen"))
        else:
            self.actor_status.setText(
                self.tr("Acting as {name} — {role}").format(name=actor.name, role=labels.role(actor.role))
            )

    @Slot()
    def _about(self) -> None:
        self.context.prompts.inform(
            self,
            self.tr("About e-Cabinet"),
            self.tr(
                "e-Cabinet {version}\n\nPaperless Government sessions: agendas, dossiers, opinion ballots, votes "
                "and minutes, working offline.\n\nData: {home}"
            ).format(version=ecabinet.__version__, home=self.context.database.home),
        )
