import os
import tempfile
from pathlib import Path

import pytest

from events.demo import load_demo
from tests.factories import make_user


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On SQLite the test database is a file, not memory: a worker process started by a test
    (`manage.py db_worker`) must see it. One file per test run."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        name = Path(tempfile.gettempdir()) / f"newsroom-test-{os.getpid()}.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(name)
        # A test database need not survive a power cut: no waiting for the disk.
        database["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"


@pytest.fixture(autouse=True)
def page_versions_move_at_once(request, monkeypatch):
    """Tests run in a transaction that never commits, and the site's version moves on at the
    commit: here it moves on at once. Tests marked `commit_bump` keep the real deferral."""
    if request.node.get_closest_marker("commit_bump") is None:
        from newsroom import pagecache

        monkeypatch.setattr(pagecache, "bump", pagecache._move_on)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Every test starts its site from nothing: no page cached by an earlier test (whose
    database had the same version number)."""
    from django.conf import settings
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    cache = caches[settings.PAGE_CACHE]
    if isinstance(cache, LocMemCache):  # never a shared cache's clear(): it empties it all
        cache.clear()


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    # The manifest storage needs `collectstatic`; tests render templates without it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def import_staging_in_tmp(settings, tmp_path):
    settings.IMPORT_STAGING_DIR = tmp_path / "import-staging"


@pytest.fixture
def demo(db):
    load_demo()


@pytest.fixture
def redaktion_user(db):
    return make_user(username="redakteurin", groups=("Redaktion",))


@pytest.fixture
def chefredaktion_user(db):
    return make_user(username="chefin", groups=("Chefredaktion",))
