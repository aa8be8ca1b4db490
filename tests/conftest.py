import pytest

from events.demo import load_demo
from tests.factories import make_user


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
