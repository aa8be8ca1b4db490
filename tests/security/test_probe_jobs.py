"""Probes of the background jobs."""

import pytest
from django.db import OperationalError

from newsroom import tasks
from tests.jobs.worker import DATABASE_QUEUE

pytestmark = pytest.mark.django_db


def test_one_failed_run_of_the_schedule_does_not_end_the_schedule(settings, monkeypatch):
    """The job queues its next run only after `apply_schedule()` succeeded: one database
    hiccup (a deadlock, a lock timeout, a restart) and no run is ever queued again, silently.
    Expired rows then stay 'published' in the admin, and with `next_boundary` in the past no
    public page is ever taken from the cache again."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_QUEUE

    def fails(**kwargs):
        raise OperationalError("deadlock detected")

    monkeypatch.setattr(tasks, "apply_schedule", fails)
    with pytest.raises(OperationalError):
        tasks.publish_on_schedule.call()
    assert DBTaskResult.objects.filter(status="READY").exists(), "no next run is queued"
