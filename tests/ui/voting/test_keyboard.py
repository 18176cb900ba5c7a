"""Keyboard first: every action and button of the voting screens has a shortcut or a mnemonic, and a tooltip."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QTabWidget, QToolButton, QWidget

from ecabinet.model import Role
from ecabinet.ui.voting import OpinionsPage, open_live_view
from tests.ui.conftest import MakeContext, person
from tests.ui.voting.conftest import Live


def reachable(widget: QWidget) -> list[str]:
    """What a keyboard user could not reach or would not understand: texts of actions and buttons at fault."""
    faults = []
    for action in widget.findChildren(QAction):
        if not action.isVisible() or not action.text():
            continue
        if action.shortcut().isEmpty() and "&" not in action.text():
            faults.append(f"no key: {action.text()}")
        if not action.toolTip() or action.toolTip() == action.text().replace("&", ""):
            faults.append(f"no tooltip: {action.text()}")
    for button in widget.findChildren(QAbstractButton):
        if button.isHidden() or not button.text():
            continue
        action = button.defaultAction() if isinstance(button, QToolButton) else None
        keyed = "&" in button.text() or (action is not None and not action.shortcut().isEmpty())
        if not keyed and button.focusPolicy() == button.focusPolicy().NoFocus:
            faults.append(f"no key: {button.text()}")
    for tabs in widget.findChildren(QTabWidget):
        faults += [
            f"no key: tab {tabs.tabText(n)}" for n in range(tabs.count()) if "&" not in tabs.tabText(n)
        ]
    return faults


def test_the_live_view_and_the_opinions_page_are_keyboard_reachable(
    qtbot: Any, make_context: MakeContext, live: Live
) -> None:
    context = make_context(live.db)
    context.set_actor(live.officer)
    view = open_live_view(context, live.session_id)
    qtbot.addWidget(view)
    assert reachable(view) == []
    keys = {a.shortcut().toString() for a in view.findChildren(QAction) if not a.shortcut().isEmpty()}
    assert {"P", "A", "R", "L", "1", "2", "3", "F6", "F7", "F8", "F9", "Shift+F9", "Ins", "Del"} <= keys
    assert {"Ctrl+Up", "Ctrl+Down", "Ctrl+W"} <= keys

    context.set_actor(person(live.db, Role.SECRETARIAT_LEADER))
    page = OpinionsPage(context)
    qtbot.addWidget(page)
    page.show()
    assert reachable(page) == []
    assert page.new_action.shortcut().toString() == "Ctrl+N"
    assert page.panel.edit_action.shortcut().toString() == "Ctrl+E"
