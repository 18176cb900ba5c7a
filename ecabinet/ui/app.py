"""Start the desktop app: parse the command line, set up Qt, open the database, show the main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from ecabinet.db import open_database
from ecabinet.errors import DomainError
from ecabinet.ui.context import AppContext
from ecabinet.ui.errors import describe
from ecabinet.ui.first_start import FirstStart
from ecabinet.ui.i18n import Translations
from ecabinet.ui.main_window import MainWindow
from ecabinet.ui.prompts import Prompts
from ecabinet.ui.settings import APPLICATION, LANGUAGE, ORGANISATION, Settings
from ecabinet.ui.style import apply_style
from ecabinet.ui.tasks import TaskRunner


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="e-Cabinet", description="e-Cabinet desktop app")
    parser.add_argument("--home", help="data folder (default: $ECABINET_HOME or the user data folder)")
    parser.add_argument(
        "--db", help="database URL (default: $ECABINET_DB or the SQLite file in the home folder)"
    )
    args, _qt_args = parser.parse_known_args(argv)  # leave Qt's own options (-platform, -style) to Qt
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv[1:])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication(argv)
    app.setApplicationDisplayName("e-Cabinet")
    apply_style(app)
    settings = Settings()
    translations = Translations()
    translations.apply(settings.get(LANGUAGE))
    prompts = Prompts()
    try:
        database = open_database(args.home, args.db)
    except DomainError as exc:
        prompts.error(None, *describe(exc, translations.language))
        return exc.exit_code
    runner = TaskRunner(database)
    context = AppContext(database, settings, runner, prompts, translations)
    window = MainWindow(context)
    window.show()
    first_start = FirstStart(context, window)
    first_start.finished.connect(window.profile.reload)
    QTimer.singleShot(0, first_start.start)
    try:
        return app.exec()
    finally:
        runner.wait()
        database.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
