"""The pieces around the window: error display, settings, stylesheet, command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QFile, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from ecabinet.errors import NotFound
from ecabinet.ui import app, errors, style
from ecabinet.ui.i18n import Translations
from ecabinet.ui.settings import LANGUAGE, MAIN_GEOMETRY, PROFILE, Option, Settings

ROOT = Path(__file__).resolve().parents[2]


def test_a_domain_error_is_described_in_the_interface_language(qapp: Any) -> None:
    exc = NotFound("not_found", what="session", ref="abc")
    text, details = errors.describe(exc, "vi")
    assert text == "Không tìm thấy phiên họp abc."
    assert "not_found" in details and "Session abc was not found." in details
    assert errors.describe(exc, "en")[0] == "Session abc was not found."


def test_a_bug_is_described_plainly_with_its_traceback(languages: Translations) -> None:
    languages.apply("vi")
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        text, details = errors.describe(exc, "vi")
    assert text.startswith("Đã xảy ra lỗi ngoài dự kiến")
    assert "ZeroDivisionError: boom" in details and "Traceback" in details


def test_the_error_box_copies_its_details(qtbot: Any, languages: Translations) -> None:
    languages.apply("vi")
    seen: dict[str, Any] = {}

    def press_copy() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        buttons = {b.text(): b for b in box.findChildren(QPushButton)}
        seen["buttons"] = sorted(buttons)
        buttons["Sao &chép chi tiết"].click()

    QTimer.singleShot(0, press_copy)
    errors.show_error(None, "Không mở được cơ sở dữ liệu", "OperationalError: disk I/O error")
    assert seen["text"] == "Không mở được cơ sở dữ liệu"
    assert "Đón&g" in seen["buttons"]
    assert (
        QGuiApplication.clipboard().text()
        == "Không mở được cơ sở dữ liệu\n\nOperationalError: disk I/O error"
    )


def test_options_are_typed_and_announce_changes(qtbot: Any) -> None:
    settings = Settings()
    assert settings.get(LANGUAGE) == "vi"
    assert settings.get(PROFILE) == ""
    assert settings.get(MAIN_GEOMETRY).isEmpty()
    with qtbot.waitSignal(settings.changed) as changed:
        settings.set(LANGUAGE, "en")
    assert changed.args == [LANGUAGE.key]
    with qtbot.assertNotEmitted(settings.changed):
        settings.set(LANGUAGE, "en")
    settings.set(MAIN_GEOMETRY, QByteArray(b"\x01\x02"))
    settings.sync()
    again = Settings()
    assert again.get(LANGUAGE) == "en"
    assert again.get(MAIN_GEOMETRY) == QByteArray(b"\x01\x02")
    assert Option("x/flag", False).convert("true") is True
    assert Option("x/count", 3).convert("nonsense") == 3


def test_settings_live_in_the_test_folder(qsettings_dir: Path) -> None:
    settings = Settings()
    settings.set(PROFILE, "someone")
    settings.sync()
    assert Path(settings.file_name).is_relative_to(qsettings_dir)


def test_the_stylesheet_parses_without_warnings(qtbot: Any, qapp: Any) -> None:
    sheet = style.stylesheet()
    assert "#1f3a60" in sheet and "px;" not in sheet.replace("1px", "").replace("2px", "")
    before = qapp.style().name()
    style.apply_style(qapp)  # a parse error would be a Qt warning, and warnings fail the test
    try:
        assert QFile.exists("icons:chevron-down.svg")
        label = QLabel("Đã phát hành", objectName="stateBadge")
        label.setProperty("state", "published")
        qtbot.addWidget(label)
        label.show()
        label.ensurePolished()
    finally:
        qapp.setStyleSheet("")
        qapp.setStyle(before)


def test_command_line_options() -> None:
    args = app.parse_args(["--home", "/tmp/x", "--db", "sqlite:///y.db", "-platform", "offscreen"])
    assert (args.home, args.db) == ("/tmp/x", "sqlite:///y.db")
    assert app.parse_args([]).home is None


@pytest.mark.parametrize("flag", ["--help"])
def test_main_py_starts_the_ui_entry_point(flag: str) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), flag], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0
    assert "--home" in done.stdout and "--db" in done.stdout


def test_an_unopenable_database_is_reported_not_raised(
    qapp: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(app.Prompts, "error", lambda self, parent, text, details="": shown.append(text))
    monkeypatch.setattr(app, "QApplication", lambda argv: QApplication.instance())
    style = qapp.style().name()
    try:
        code = app.main(
            ["e-Cabinet", "--home", str(tmp_path), "--db", "postgresql+psycopg://nobody@127.0.0.1:1/x"]
        )
    finally:  # main() styles the application; the shared test QApplication goes back as it was
        qapp.setStyleSheet("")
        qapp.setStyle(style)
    assert code == 2
    assert shown and shown[0].startswith(("Không mở được cơ sở dữ liệu", "The database cannot be opened"))
