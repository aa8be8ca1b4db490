"""Scheduled publishing and embargo: a published row is online only from `publish_at` and
until `unpublish_at`, everywhere readers look, whether or not the scheduling job has run yet;
the job brings the record in line (and leaves a version in the history)."""

import io
import time
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from events.models import Statement, Summit
from newsroom.editorial import Status, apply_schedule
from tests.events.conftest import add_statement, build_world
from tests.factories import make_summit
from tests.jobs.worker import DATABASE_QUEUE, REDIS_QUEUE, run_worker

pytestmark = pytest.mark.django_db

EMBARGOED = "Das sagen wir erst am Montag."


def reader_pages(statement) -> list[str]:
    return [
        "/aussagen/",
        statement.get_absolute_url(),
        statement.speaker.get_absolute_url(),
        statement.summit.get_absolute_url(),
        "/aussagen/export.csv",
        "/suche/?q=Montag",
        "/feeds/aussagen/",
        "/sitemap-aussagen.xml",
    ]


def page_text(client, url) -> str:
    response = client.get(url)
    assert response.status_code in (200, 404), url
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def embargo(*, until):
    world = build_world()
    statement = add_statement(summit=world.hanoi, speaker=world.trump, text=EMBARGOED)
    statement.publish_at = until
    statement.save()
    return statement


@pytest.fixture
def embargoed():
    return embargo(until=timezone.now() + timedelta(hours=2))


def test_a_scheduled_statement_is_invisible_everywhere_until_its_time(client, embargoed):
    for url in reader_pages(embargoed):
        assert EMBARGOED not in page_text(client, url), url
    assert client.get(embargoed.get_absolute_url()).status_code == 404


@pytest.mark.commit_bump
def test_readers_see_a_scheduled_statement_at_its_time_before_the_job_has_run(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the commit of the editor's save
        statement = embargo(until=timezone.now() + timedelta(seconds=2))
    assert EMBARGOED not in page_text(client, "/aussagen/")  # and the page is cached
    assert client.get(statement.get_absolute_url()).status_code == 404
    time.sleep(2.1)
    assert client.get(statement.get_absolute_url()).status_code == 200
    assert EMBARGOED in page_text(client, "/aussagen/")


def test_a_row_past_its_unpublish_time_is_gone_and_the_job_takes_it_offline(client):
    summit = make_summit(
        slug="singapur-2018",
        title="Singapur 2018",
        status=Status.PUBLISHED,
        unpublish_at=timezone.now() - timedelta(seconds=1),
    )
    assert client.get(summit.get_absolute_url()).status_code == 404
    assert apply_schedule() == (0, 1)
    summit.refresh_from_db()
    assert (summit.status, summit.unpublish_at) == (Status.DRAFT, None)
    version = summit.history.order_by("-history_id").first()
    assert (version.history_user, version.history_change_reason) == (
        None,
        "Aktion: Zeitplan: zurückgezogen",
    )


def test_the_job_clears_a_schedule_whose_time_has_come(embargoed):
    Statement.objects.filter(pk=embargoed.pk).update(publish_at=timezone.now())
    assert apply_schedule() == (1, 0)
    embargoed.refresh_from_db()
    assert embargoed.publish_at is None
    assert embargoed.history.order_by("-history_id").first().history_change_reason == (
        "Aktion: Zeitplan: online"
    )


def test_the_first_publication_date_of_a_scheduled_row_is_its_time(db):
    later = timezone.now() + timedelta(days=1)
    summit = make_summit(status=Status.PUBLISHED, publish_at=later)
    assert summit.published_at == later


def test_offline_must_come_after_online(db):
    now = timezone.now()
    summit = Summit(
        title="Gipfel",
        slug="gipfel",
        starts_on=now.date(),
        ends_on=now.date(),
        city="Hanoi",
        country="VN",
        publish_at=now,
        unpublish_at=now,
    )
    with pytest.raises(ValidationError) as error:
        summit.full_clean()
    assert error.value.message_dict["unpublish_at"] == [
        "„Online bis“ muss nach „online ab“ liegen."
    ]


def test_the_admin_shows_scheduled_rows_and_their_time(admin_client, embargoed):
    changelist = reverse("admin:events_statement_changelist")
    page = admin_client.get(changelist, {"zeitplan": "geplant"}).content.decode()
    when = timezone.localtime(embargoed.publish_at).strftime("%d.%m.%Y %H:%M")
    assert f'<span class="status-label status-label--scheduled">geplant: {when}</span>' in page
    form = admin_client.get(reverse("admin:events_statement_change", args=[embargoed.pk]))
    assert 'name="publish_at_0"' in form.content.decode()  # date and time, Berlin time


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_schedule_every_minute(settings):
    settings.TASKS = DATABASE_QUEUE
    summit = make_summit(status=Status.PUBLISHED, publish_at=timezone.now())
    call_command("schedule_publishing")
    call_command("schedule_publishing")  # a second start does not start a second cycle
    run_worker()
    summit.refresh_from_db()
    assert summit.publish_at is None
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(status="READY")
    assert waiting.count() == 1  # the next run, a minute later
    assert waiting.get().run_after > timezone.now() + timedelta(seconds=30)


def test_the_schedule_is_started_once_on_the_redis_queue(settings):
    import django_rq

    settings.TASKS = REDIS_QUEUE
    queue = django_rq.get_queue("default")
    queue.empty()
    call_command("schedule_publishing", stdout=io.StringIO())
    call_command("schedule_publishing", stdout=io.StringIO())
    assert queue.count == 1
    queue.empty()
