"""A newcomer's local `.env`, as `make demo` writes it: read where nothing else configures the
site, never over the real environment, never by a configured one."""

import os
import subprocess
import sys
from pathlib import Path

from newsroom.settings import read_env_file

ROOT = Path(__file__).resolve().parents[2]


def env_file(tmp_path, text: str) -> Path:
    path = tmp_path / ".env"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_fills_what_the_environment_does_not_set(tmp_path):
    path = env_file(
        tmp_path,
        "# local only\nDEBUG=1\n\nexport DATABASE_URL='sqlite:////tmp/x.sqlite3'\n"
        'SECRET_KEY="abc=def"\nLOG_LEVEL=INFO\n',
    )
    environ = {"LOG_LEVEL": "DEBUG"}
    assert read_env_file(path, environ)
    assert environ == {
        "DEBUG": "1",
        "DATABASE_URL": "sqlite:////tmp/x.sqlite3",
        "SECRET_KEY": "abc=def",
        "LOG_LEVEL": "DEBUG",  # the environment wins
    }


def test_a_configured_environment_reads_no_file(tmp_path):
    path = env_file(tmp_path, "DEBUG=1\n")
    environ = {"SECRET_KEY": "from-production"}
    assert not read_env_file(path, environ)
    assert environ == {"SECRET_KEY": "from-production"}


def test_no_file_changes_nothing(tmp_path):
    environ = {}
    assert not read_env_file(tmp_path / ".env", environ)
    assert environ == {}


def test_make_writes_a_git_ignored_env_that_manage_py_runs_with(tmp_path):
    """`make .env` in a copy of the Makefile: the file it writes lets a command run with
    nothing typed in front."""
    (tmp_path / "Makefile").write_text((ROOT / "Makefile").read_text())
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    made = subprocess.run(
        ["make", "--no-print-directory", ".env", f"PYTHON={sys.executable}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    written = dict(
        line.split("=", 1) for line in (tmp_path / ".env").read_text().splitlines() if line
    )
    assert written["DEBUG"] == "1"
    assert len(written["SECRET_KEY"]) >= 50
    assert written["DATABASE_URL"] == f"sqlite:///{tmp_path}/var/db.sqlite3"
    assert (tmp_path / "var").is_dir()

    environ = {"PATH": os.environ["PATH"]}
    assert read_env_file(tmp_path / ".env", environ)
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings;"
            " print(settings.DEBUG, settings.DATABASES['default']['NAME'])",
        ],
        cwd=ROOT,
        env={**environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.stdout.split() == ["True", f"{tmp_path}/var/db.sqlite3"], check.stderr


def test_env_is_ignored_by_git():
    assert "/.env" in (ROOT / ".gitignore").read_text().splitlines()
