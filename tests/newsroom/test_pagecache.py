"""Public pages cached whole for anonymous readers: never stale after a change, revalidated
with a 304 that renders nothing, never cached for (or served to) staff."""

import io
import os
import uuid

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Statement
from newsroom.editorial import StatementStatus, Status
from newsroom.pagecache import current
from tests.events.conftest import add_statement, build_world
from tests.factories import make_source

# As in production: the version moves on when a change commits.
pytestmark = [pytest.mark.django_db, pytest.mark.commit_bump]

NEW_QUOTE = "Wir sehen uns in Hanoi wieder."


@pytest.fixture
def world():
    return build_world()


def queries_for(client, url, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    return len(captured), response


def test_a_second_reader_gets_the_page_from_the_cache(client, world):
    url = world.hanoi.get_absolute_url()
    rendered, first = queries_for(client, url)
    cached, second = queries_for(client, url)
    assert rendered > 5
    assert cached == 1  # the site's version number, nothing else
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "max-age=0" in second["Cache-Control"] and "public" in second["Cache-Control"]


def test_a_reader_with_the_current_page_gets_304_without_rendering(client, world):
    url = world.hanoi.get_absolute_url()
    etag = client.get(url)["ETag"]
    count, response = queries_for(client, url, if_none_match=etag)
    assert (response.status_code, count) == (304, 1)
    # Only by the ETag: Last-Modified counts whole seconds, too coarse for a second change
    # within the same second.
    modified = client.get(url)["Last-Modified"]
    assert client.get(url, headers={"if_modified_since": modified}).status_code == 200


def test_no_stale_page_after_a_publish(
    client, world, chefredaktion_user, django_capture_on_commit_callbacks
):
    source = make_source(body=f"Trump sagte: „{NEW_QUOTE}“", status=Status.PUBLISHED)
    statement = add_statement(
        summit=world.hanoi,
        speaker=world.trump,
        source=source,
        quote=NEW_QUOTE,
        status=StatementStatus.DRAFT,
    )
    url = world.hanoi.get_absolute_url()
    before = client.get(url)
    assert NEW_QUOTE not in before.content.decode()

    staff = client.__class__()
    staff.force_login(chefredaktion_user)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            reverse("admin:events_statement_changelist"),
            {"action": "publish_selected", "_selected_action": [statement.pk], "post": "yes"},
        )
    assert Statement.objects.public().filter(pk=statement.pk).exists()
    after = client.get(url)
    assert NEW_QUOTE in after.content.decode()
    assert after["ETag"] != before["ETag"]
    # A reader revalidating with the old version gets the new page, not a 304.
    assert client.get(url, headers={"if_none_match": before["ETag"]}).status_code == 200


def test_a_save_and_a_withdrawal_make_pages_fresh(
    client, world, django_capture_on_commit_callbacks
):
    url = world.trump.get_absolute_url()
    client.get(url)
    world.trump.description = "Präsident der Vereinigten Staaten, 45."
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        world.trump.save()
    assert "Präsident der Vereinigten Staaten, 45." in client.get(url).content.decode()
    version = current().number
    world.trump.status = Status.DRAFT
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        world.trump.save()
    assert current().number > version
    assert client.get(url).status_code == 404


def test_staff_previews_are_never_cached_nor_served_from_the_cache(client, world, admin_user):
    statement = add_statement(
        summit=world.hanoi, speaker=world.trump, text=NEW_QUOTE, status=StatementStatus.DRAFT
    )
    url = world.hanoi.get_absolute_url()
    client.get(url)  # cached for readers, without the draft
    client.force_login(admin_user)
    preview = client.get(url)
    assert NEW_QUOTE in preview.content.decode()
    assert "private" in preview["Cache-Control"] and "no-store" in preview["Cache-Control"]
    client.logout()
    assert NEW_QUOTE not in client.get(url).content.decode()
    assert statement.status == StatementStatus.DRAFT


def test_a_spreadsheet_import_makes_pages_fresh(
    client, world, tmp_path, django_capture_on_commit_callbacks
):
    url = world.trump.get_absolute_url()
    client.get(url)
    path = tmp_path / "personen.csv"
    path.write_text(
        "name;slug;status;description\n"
        "Donald Trump;donald-trump;published;Geschäftsmann aus New York\n",
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_csv", "people", str(path), stdout=io.StringIO())
    assert "Geschäftsmann aus New York" in client.get(url).content.decode()


def test_pages_are_shared_through_redis_between_processes(
    client, world, settings, django_capture_on_commit_callbacks
):
    """Production keeps pages in Redis (PAGE_CACHE=redis): a real server on REDIS_URL."""
    settings.CACHES = {
        **settings.CACHES,
        settings.PAGE_CACHE: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
            # Keys of this test alone (clear() would empty the whole Redis database).
            "KEY_PREFIX": f"newsroom-test-{uuid.uuid4().hex}",
        },
    }
    url = world.hanoi.get_absolute_url()
    rendered, first = queries_for(client, url)
    cached, second = queries_for(client, url)
    assert (cached, second.content) == (1, first.content)
    world.hanoi.outcome = "Ohne Einigung abgebrochen, ohne gemeinsame Erklärung."
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        world.hanoi.save()
    assert "ohne gemeinsame Erklärung" in client.get(url).content.decode()


def test_each_host_gets_its_own_addresses(client, world, settings):
    settings.ALLOWED_HOSTS = ["newsroom.example", "www.newsroom.example"]
    url = world.hanoi.get_absolute_url()
    client.get(url, headers={"host": "newsroom.example"})
    page = client.get(url, headers={"host": "www.newsroom.example"}).content.decode()
    assert 'rel="canonical" href="http://www.newsroom.example/' in page


def test_the_version_moves_on_once_at_the_commit(world, django_capture_on_commit_callbacks):
    before = current().number
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        world.trump.description = "Geändert."
        world.trump.save()
        world.kim.description = "Auch geändert."
        world.kim.save()
        assert current().number == before  # nothing moves before the commit
    assert len(callbacks) == 1
    assert current().number == before + 1


def test_unknown_query_parameters_do_not_fill_the_cache(client, world):
    url = "/aussagen/"
    client.get(f"{url}?gipfel=hanoi-2019")
    cached, _ = queries_for(client, f"{url}?gipfel=hanoi-2019")
    assert cached == 1  # a filter the page reads: cached
    client.get(f"{url}?x=1")
    again, _ = queries_for(client, f"{url}?x=1")
    assert again > 1  # any other parameter: rendered, never stored
