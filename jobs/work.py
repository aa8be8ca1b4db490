"""Running a job: the one place that moves a `Job` through its states. An app's task
(`sources.tasks`, ...) hands `run` its job and the work to do; the work reports its progress
and learns there whether the editor asked to cancel."""

import logging
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db import DatabaseBackend

from jobs.models import Job

logger = logging.getLogger(__name__)

FAILED = _(
    "Der Auftrag ist mit einem Fehler abgebrochen ({error}). Was er bis dahin geschrieben hat, "
    "ist vollständig; der Rest ist nicht geschrieben."
)
CANCELLED = _("Abgebrochen auf Wunsch.")


class Cancelled(Exception):
    """The editor asked to stop: the work ends after the step it is in."""


class Progress:
    """How far a job has got, written to its row (one UPDATE per report, which also tells
    whether the editor asked to cancel)."""

    def __init__(self, job: Job):
        self.job = job

    def report(self, done: int, total: int | None = None, *, result: dict | None = None) -> None:
        """`done` of `total` steps; `result`, what is finished so far, is kept if the job
        is cancelled or fails after this."""
        values = {"done": done}
        if total is not None:
            values["total"] = total
        if result is not None:
            values["result"] = result
        if not Job.objects.filter(pk=self.job.pk, cancel_requested=False).update(**values):
            raise Cancelled


def start(
    *, kind: str, user, label: str, params: dict, unit: str, task, total: int | None = None
) -> Job:
    """A new job, queued for `task` (a django-tasks task taking the job's id)."""
    job = Job.objects.create(
        kind=kind, user=user, label=label[:300], params=params, unit=unit, total=total
    )
    if isinstance(task.get_backend(), DatabaseBackend | ImmediateBackend):
        # The queue is this database (or no queue at all): the task row commits, or not,
        # with the job's.
        task.enqueue(job.pk)
    else:
        # A queue elsewhere (Redis) could hand the task to a worker before the job is
        # visible to it.
        transaction.on_commit(lambda: task.enqueue(job.pk))
    return job


def run(job_id: int, work: Callable[[Job, Progress], dict]) -> None:
    """Run `work(job, progress)` for the queued job `job_id`, which returns the result to keep.
    A job cancelled before it started is not run; a failure is kept as a German message."""
    claimed = Job.objects.filter(pk=job_id, state=Job.State.QUEUED, cancel_requested=False).update(
        state=Job.State.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return
    job = Job.objects.get(pk=job_id)
    try:
        result, state = work(job, Progress(job)), Job.State.DONE
    except Cancelled:
        job.refresh_from_db(fields=["result"])
        result, state = {**job.result, "message": str(CANCELLED)}, Job.State.CANCELLED
    except Exception as error:
        logger.exception("Job %s failed", job_id)
        job.refresh_from_db(fields=["result"])
        message = str(FAILED).format(error=type(error).__name__)
        result, state = {**job.result, "message": message}, Job.State.FAILED
    Job.objects.filter(pk=job_id).update(state=state, result=result, finished_at=timezone.now())


def cancel(job: Job) -> None:
    """Ask the job to stop: one not yet started never starts, one running stops after the
    step it is in."""
    Job.objects.filter(pk=job.pk, state=Job.State.QUEUED).update(
        state=Job.State.CANCELLED,
        cancel_requested=True,
        finished_at=timezone.now(),
        result={"message": str(CANCELLED)},
    )
    Job.objects.filter(pk=job.pk, state=Job.State.RUNNING).update(cancel_requested=True)
    job.refresh_from_db()
