#!/usr/bin/env python3
"""The two commands: `python3 dev.py run` (install and start the app) and `python3 dev.py test`.

Only the standard library is used here, so this runs on a fresh machine that has Python 3.11 and pip.
Everything is installed into `.venv/` beside this file; a stamp skips reinstalling when nothing changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".install-stamp"


def _run(*args: str | Path, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT, env=env)


def _check(*args: str | Path) -> None:
    code = _run(*args)
    if code:
        sys.exit(code)


def _install_fingerprint() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def install() -> None:
    """Create the virtual environment and install the app with its test tools (once per pyproject change)."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be started by an older python3
        sys.exit(f"e-Cabinet needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PY.exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    fingerprint = _install_fingerprint()
    if not STAMP.exists() or STAMP.read_text() != fingerprint:
        print("Installing e-Cabinet and its dependencies …", flush=True)
        _check(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        _check(PY, "-m", "pip", "install", "--quiet", "-e", ".[dev]")
        STAMP.write_text(fingerprint)
    build_translations()


def build_translations() -> None:
    """Compile resources/translations/*.ts into .qm files when the source is newer."""
    lrelease = BIN / ("pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease")
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            _check(lrelease, "-silent", ts, "-qm", qm)


def run(args: list[str]) -> int:
    install()
    return _run(PY, ROOT / "main.py", *args)


def test(args: list[str]) -> int:
    install()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    sources = [p for p in ("ecabinet", "tests", "bench", "main.py", "dev.py") if (ROOT / p).exists()]
    for step in (
        [BIN / "ruff", "check", *sources],
        [BIN / "ruff", "format", "--check", *sources],
        [BIN / "mypy"],
    ):
        print("$", " ".join(str(s.name) if isinstance(s, Path) else s for s in step), flush=True)
        code = _run(*step, env=env)
        if code:
            return code
    return _run(PY, "-m", "pytest", *args, env=env)


def main() -> int:
    command, rest = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if command == "run":
        return run(rest)
    if command == "test":
        return test(rest)
    if command == "install":
        install()
        return 0
    print("usage: python3 dev.py run [app args] | test [pytest args] | install", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
