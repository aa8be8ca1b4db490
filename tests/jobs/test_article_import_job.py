"""The admin's article upload runs as a background job: the editor follows it on a page of
its own, can cancel it, and reads its result there after the tab was closed."""

import pytest
from django.urls import reverse

from jobs import work
from jobs.models import Job
from sources import uploads
from sources.models import SourceArticle
from tests.factories import make_user
from tests.jobs.worker import DATABASE_QUEUE, REDIS_QUEUE, run_worker
from tests.sources.test_admin import confirm, preview, seed_upload

IMPORT_URL = "admin:sources_sourcearticle_import_articles"
NO_QUEUE = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def editor(client, redaktion_user, demo):
    client.force_login(redaktion_user)
    return client


def test_confirming_an_upload_starts_a_job_that_shows_its_result(editor, redaktion_user):
    response = confirm(editor, preview(editor, seed_upload("001"), seed_upload("003")))
    job = Job.objects.get()
    assert response.redirect_chain[-1][0] == job.get_absolute_url()
    assert (job.kind, job.user, job.state) == (Job.Kind.ARTICLE_IMPORT, redaktion_user, "done")
    assert (job.done, job.total) == (2, 2)
    assert job.label == ", ".join(
        sorted(name.name for name in [seed_upload("001"), seed_upload("003")])
    )
    page = response.content.decode()
    assert "2 Artikel angelegt" in page
    # The desk of the first article saved, whichever order the list shows them in.
    first = SourceArticle.objects.order_by("pk").first()
    assert reverse("admin:sources_sourcearticle_review", args=[first.pk]) in page
    assert SourceArticle.objects.count() == 2


def test_a_job_is_seen_only_by_whoever_started_it(editor, client, demo):
    confirm(editor, preview(editor, seed_upload("003")))
    job = Job.objects.get()
    other = make_user(username="kollege", groups=("Redaktion",))
    client.force_login(other)
    assert client.get(job.get_absolute_url()).status_code == 404
    assert client.post(job.get_absolute_url(), {"_cancel": "1"}).status_code == 404


def test_a_job_cancelled_before_a_worker_takes_it_never_runs(editor, settings):
    settings.TASKS = NO_QUEUE
    confirm(editor, preview(editor, seed_upload("003")))
    job = Job.objects.get()
    assert job.state == Job.State.QUEUED
    page = editor.get(job.get_absolute_url()).content.decode()
    assert '<meta http-equiv="refresh"' in page and "Auftrag abbrechen" in page
    editor.post(job.get_absolute_url(), {"_cancel": "1"})
    work.run(job.pk, lambda job, progress: pytest.fail("a cancelled job ran"))
    job.refresh_from_db()
    assert job.state == Job.State.CANCELLED
    assert SourceArticle.objects.count() == 0


def test_a_running_job_stops_after_the_step_it_is_in_and_keeps_what_it_finished(db):
    job = Job.objects.create(kind=Job.Kind.ARTICLE_IMPORT)
    steps = []

    def steps_until_cancelled(job, progress):
        for step in range(1, 4):
            steps.append(step)
            progress.report(step, 3, result={"lines": [f"{step} fertig"]})
            if step == 2:
                work.cancel(Job.objects.get(pk=job.pk))
        return {"lines": ["alles fertig"]}

    work.run(job.pk, steps_until_cancelled)
    job.refresh_from_db()
    assert steps == [1, 2, 3]  # the third step ran, its report found the request to stop
    assert job.state == Job.State.CANCELLED
    assert job.result["lines"] == ["2 fertig"]
    assert (job.done, job.total) == (2, 3)


def test_a_failing_job_says_so_in_german_and_keeps_what_it_finished(db):
    job = Job.objects.create(kind=Job.Kind.ARTICLE_IMPORT)

    def fails(job, progress):
        progress.report(1, 2, result={"lines": ["1 Artikel angelegt"]})
        raise OSError("disk")

    work.run(job.pk, fails)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert job.result["lines"] == ["1 Artikel angelegt"]
    assert job.result["message"].startswith(
        "Der Auftrag ist mit einem Fehler abgebrochen (OSError)"
    )


def test_files_handed_to_a_job_are_read_once(editor, settings):
    settings.TASKS = NO_QUEUE
    confirm(editor, preview(editor, seed_upload("003")))
    name = Job.objects.get().params["files"]
    assert uploads.take(name) is not None
    assert uploads.take(name) is None


@pytest.mark.django_db(transaction=True)
def test_a_worker_process_runs_the_queued_job(client, settings):
    """The database queue and `manage.py db_worker`, as in production: the request only
    queues the job, a separate process runs it."""
    from events.demo import load_demo
    from tests.browser.test_admin_fit import restore_editorial_groups

    restore_editorial_groups()
    load_demo()
    settings.TASKS = DATABASE_QUEUE
    user = make_user(username="redakteurin", groups=("Redaktion",))
    client.force_login(user)
    confirm(client, preview(client, seed_upload("001"), seed_upload("003")))
    job = Job.objects.get()
    assert job.state == Job.State.QUEUED
    assert SourceArticle.objects.count() == 0

    run_worker()
    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.result
    assert (job.done, job.total) == (2, 2)
    assert SourceArticle.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_job_queued_in_redis_is_run_by_an_rq_worker(client, settings):
    """For many workers on many machines: the queue in Redis (django-tasks-rq), worked by
    `manage.py rqworker`, against a real Redis server."""
    import django_rq

    from events.demo import load_demo
    from tests.browser.test_admin_fit import restore_editorial_groups

    restore_editorial_groups()
    load_demo()
    settings.TASKS = REDIS_QUEUE
    django_rq.get_queue("default").empty()
    user = make_user(username="redakteurin", groups=("Redaktion",))
    client.force_login(user)
    confirm(client, preview(client, seed_upload("003")))
    job = Job.objects.get()
    assert job.state == Job.State.QUEUED
    assert django_rq.get_queue("default").count == 1

    worker = run_worker("redis")
    job.refresh_from_db()
    assert job.state == Job.State.DONE, worker.stdout[-3000:] + worker.stderr[-3000:]
    assert SourceArticle.objects.count() == 1
