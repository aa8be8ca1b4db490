"""The periodic job of scheduled publishing: once a minute, in the worker, for as long as
the queue runs. `manage.py schedule_publishing` starts it (once; again it does nothing)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from newsroom.editorial import apply_schedule

INTERVAL = timedelta(minutes=1)


@task()
def publish_on_schedule() -> tuple[int, int]:
    counts = apply_schedule()
    backend = publish_on_schedule.get_backend()
    if backend.supports_defer and not already_queued():
        publish_on_schedule.using(run_after=timezone.now() + INTERVAL).enqueue()
    return counts


def already_queued() -> bool:
    """Whether a run of the job waits in the queue (the database queue can tell)."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=publish_on_schedule.module_path, status__in=["READY"]
    ).exists()
