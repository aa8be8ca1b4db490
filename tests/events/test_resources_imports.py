"""events.resources and sources.resources import each other in neither direction: sources
builds on events and registers its table with it. Each is imported first in a fresh
interpreter, without the admin (whose autodiscovery would import both before the test)."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

IMPORT_FIRST = """
import sys
import django
from django.conf import settings

settings.INSTALLED_APPS = [
    "django.contrib.admin.apps.SimpleAdminConfig" if app == "django.contrib.admin" else app
    for app in settings.INSTALLED_APPS
]
django.setup()
assert "events.resources" not in sys.modules and "sources.resources" not in sys.modules
import {module}
print(sorted(name for name in ("events.resources", "sources.resources") if name in sys.modules))
from events.resources import tables
print(sorted(tables()))
"""


def import_first(module: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_FIRST.format(module=module)],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "newsroom.settings", "SECRET_KEY": "x", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


TABLES = "['delegations', 'members', 'people', 'sources', 'statements', 'summits', 'topics']"


def test_sources_resources_imports_first_and_brings_events_resources():
    assert import_first("sources.resources") == [
        "['events.resources', 'sources.resources']",
        TABLES,
    ]


def test_events_resources_imports_first_without_sources_resources():
    # The command-line tables still include the articles': found when they are asked for.
    assert import_first("events.resources") == ["['events.resources']", TABLES]


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            found.add(node.module)
    return found


def test_events_resources_never_imports_sources_resources():
    # Not even inside a function, which would only hide the cycle.
    assert "sources.resources" not in imported_modules(ROOT / "events" / "resources.py")
    assert "events.resources" in imported_modules(ROOT / "sources" / "resources.py")
