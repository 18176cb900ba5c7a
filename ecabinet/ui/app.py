"""Start the desktop app: parse the command line, set up Qt, open the database, unlock, show the main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from ecabinet.db import open_database
from ecabinet.errors import DomainError
from ecabinet.ui.context import AppContext
from ecabinet.ui.errors import describe
from ecabinet.ui.i18n import Translations
from ecabinet.ui.main_window import MainWindow
from ecabinet.ui.prompts import Prompts
from ecabinet.ui.settings import APPLICATION, LANGUAGE, ORGANISATION, Settings
from ecabinet.ui.style import apply_style
from ecabinet.ui.sync.login import ask_passphrase_at_start
from ecabinet.ui.sync.session import key_session
from ecabinet.ui.sync.startup import FirstSteps
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
    try:
        keys = key_session(context)
        if keys.problem is not None:  # a damaged key store, or one of another installation
            prompts.error(None, *describe(keys.problem, translations.language))
            return keys.problem.exit_code
        # An installation with keys shows nothing until its passphrase opens them.
        if not ask_passphrase_at_start(context):
            return 0
        window = MainWindow(context)
        window.show()
        steps = FirstSteps(context, window)
        QTimer.singleShot(0, steps.start)
        return app.exec()
    finally:
        runner.wait()
        database.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
