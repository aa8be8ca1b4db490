"""The periodic job of scheduled publishing: once a minute, in the worker, for as long as
the queue runs. `manage.py schedule_publishing` starts it (once; again it does nothing)."""

from datetime import timedelta

import django_rq
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult
from django_tasks_rq import RQBackend
from rq.job import Job as RQJob
from rq.registry import ScheduledJobRegistry

from newsroom.editorial import apply_schedule

INTERVAL = timedelta(minutes=1)


@task()
def publish_on_schedule() -> tuple[int, int]:
    try:
        return apply_schedule()
    finally:
        # The next run is queued whatever became of this one: one failure (the database
        # away for a moment) must not end the schedule.
        backend = publish_on_schedule.get_backend()
        if backend.supports_defer and not already_queued():
            publish_on_schedule.using(run_after=timezone.now() + INTERVAL).enqueue()


def already_queued() -> bool:
    """Whether a run of the job waits in the queue: in its table (the database queue) or
    among the jobs Redis holds for later (RQ)."""
    backend = publish_on_schedule.get_backend()
    if isinstance(backend, DatabaseBackend):
        return DBTaskResult.objects.filter(
            task_path=publish_on_schedule.module_path, status=TaskResultStatus.READY
        ).exists()
    if isinstance(backend, RQBackend):
        queue = django_rq.get_queue("default")
        waiting = [*ScheduledJobRegistry(queue=queue).get_job_ids(), *queue.get_job_ids()]
        return any(
            job is not None and job.func_name == publish_on_schedule.module_path
            for job in RQJob.fetch_many(waiting, connection=queue.connection)
        )
    return False
