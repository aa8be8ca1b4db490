"""The confirmed spreadsheet import runs as a background job: the rows are written by the
worker, all or none, and the editor reads the counts on the job's page."""

import pytest

from events.models import Topic
from jobs import work
from jobs.models import Job
from tests.events.test_admin_import_export import confirm, upload

pytestmark = pytest.mark.django_db

NO_QUEUE = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
TOPICS = "name;slug\nAbrüstung;abruestung\nSanktionen;sanktionen\nFrieden;frieden\n".encode()


@pytest.fixture
def editor(client, redaktion_user):
    client.force_login(redaktion_user)
    return client


def test_a_confirmed_import_is_a_job_with_its_counts(editor, redaktion_user):
    response = confirm(editor, Topic, upload(editor, Topic, TOPICS, name="themen.csv"))
    job = Job.objects.get()
    assert response.url == job.get_absolute_url()
    assert (job.kind, job.user, job.label, job.state) == (
        "spreadsheet_import",
        redaktion_user,
        "themen.csv",
        "done",
    )
    assert (job.done, job.total) == (3, 3)
    assert "3 neu, 0 geändert, 0 unverändert." in editor.get(job.get_absolute_url()).text
    assert Topic.objects.count() == 3


def test_a_cancelled_import_writes_nothing(editor, settings, monkeypatch):
    settings.TASKS = NO_QUEUE
    confirm(editor, Topic, upload(editor, Topic, TOPICS))
    job = Job.objects.get()
    report = work.Progress.report

    def cancel_after_the_first_rows(progress, done, total=None, **kwargs):
        if done:  # the editor presses "Auftrag abbrechen" while the rows are written
            Job.objects.filter(pk=job.pk).update(cancel_requested=True)
        return report(progress, done, total, **kwargs)

    monkeypatch.setattr(work.Progress, "report", cancel_after_the_first_rows)
    from newsroom.import_jobs import import_spreadsheet

    import_spreadsheet.call(job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.CANCELLED
    assert not Topic.objects.exists()


def test_a_confirmation_is_taken_once(editor, settings):
    settings.TASKS = NO_QUEUE
    preview = upload(editor, Topic, TOPICS)
    confirm(editor, Topic, preview)
    again = confirm(editor, Topic, preview)
    assert Job.objects.count() == 1
    assert again.status_code == 302 and again.url.endswith("/import/")
