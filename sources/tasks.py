"""The admin's article upload as a background job: the files an editor confirmed are
analysed and saved by a worker, batch by batch, with the progress on the job's page."""

from itertools import islice

from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from events.models import Summit
from jobs import work
from jobs.models import Job
from newsroom.models import ImportRun
from sources import uploads
from sources.ingest import BATCH_SIZE, FileOutcome, analyse_files, record_import_run, save_articles


def start_article_import(*, name: str, files: int, label: str, user, summit, publish_sources):
    """Queue the import of the files `uploads.claim` handed over under `name`."""
    return work.start(
        kind=Job.Kind.ARTICLE_IMPORT,
        user=user,
        label=label,
        params={
            "files": name,
            "summit": summit.pk if summit else None,
            "publish_sources": publish_sources,
        },
        unit=_("Dateien"),
        total=files,
        task=import_articles,
    )


@task()
def import_articles(job_id: int) -> None:
    work.run(job_id, _import_articles)


def _import_articles(job: Job, progress: work.Progress) -> dict:
    files = uploads.take(job.params["files"])
    if files is None:
        return {"message": str(uploads.EXPIRED)}
    summit = Summit.objects.filter(pk=job.params["summit"]).first()
    outcomes: list[FileOutcome] = []
    progress.report(0, len(files))
    analyses = analyse_files(files, summit=summit)
    while batch := list(islice(analyses, BATCH_SIZE)):
        outcomes += save_articles(
            batch, publish_sources=job.params["publish_sources"], user=job.user
        )
        progress.report(len(outcomes), result=outcome_summary(outcomes))
    record_import_run(
        created=sum(outcome.status == "created" for outcome in outcomes),
        duplicates=sum(outcome.status == "duplicate" for outcome in outcomes),
        file_name=job.label,
        user=job.user,
        via=ImportRun.Via.ADMIN,
    )
    return outcome_summary(outcomes)


def outcome_summary(outcomes: list[FileOutcome]) -> dict:
    """What the editor reads on the job's page: the counts, each file that was not saved and
    why, and where to review what was."""
    created = [o for o in outcomes if o.status == "created"]
    statements = sum(o.statements for o in created)
    lines = [
        _("%(articles)d Artikel angelegt, %(statements)d Aussagen vorgeschlagen.")
        % {"articles": len(created), "statements": statements}
    ]
    lines += [f"{o.filename}: {o.message}" for o in outcomes if o.status == "duplicate"]
    errors = [
        {"where": o.filename, "message": o.message} for o in outcomes if o.status == "failed"
    ]
    to_review = [o.source for o in created if o.statements and o.source is not None]
    links = (
        [
            {
                "url": reverse("admin:sources_sourcearticle_review", args=[to_review[0].pk]),
                "text": _("Die vorgeschlagenen Aussagen am Prüftisch entscheiden"),
            }
        ]
        if to_review
        else []
    )
    return {"lines": lines, "errors": errors, "links": links}
