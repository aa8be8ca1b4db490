"""The admin's confirmed spreadsheet import as a background job: the editor confirms the
preview, a worker writes the rows (all of them or none, as `import_table` always does) with
the progress on the job's page, and the result stays there."""

from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from jobs import work
from jobs.models import Job
from newsroom.models import ImportRun
from newsroom.tables import import_table

SHOWN_ERRORS = 50


def start_import(*, model, user, staged: str, format_index: int, file_name: str) -> Job:
    """Queue the import of the spreadsheet `StagedUpload.hand_over` kept under `staged`."""
    return work.start(
        kind=Job.Kind.SPREADSHEET_IMPORT,
        user=user,
        label=file_name,
        params={
            "model": model._meta.label,
            "staged": staged,
            "format": format_index,
            "file_name": file_name,
        },
        unit=_("Zeilen"),
        task=import_spreadsheet,
    )


@task()
def import_spreadsheet(job_id: int) -> None:
    work.run(job_id, _import)


def _import(job: Job, progress: work.Progress) -> dict:
    from newsroom.importexport import UNREADABLE_FILE, UPLOAD_GONE, StagedUpload

    model = apps.get_model(job.params["model"])
    model_admin = admin.site._registry[model]
    name = job.params["file_name"]
    try:
        data = StagedUpload(name=job.params["staged"]).take()
    except FileNotFoundError:
        return {"message": str(UPLOAD_GONE).format(name=name)}
    input_format = model_admin.get_import_formats()[job.params["format"]]()
    try:
        dataset = input_format.create_dataset(data)
    except ValueError as error:
        return {"message": str(UNREADABLE_FILE).format(name=name, reason=str(error))}
    resource = model_admin.resource_classes[0]()
    progress.report(0, len(dataset))
    report = import_table(
        table=resource.table_class(),
        sheet=resource.sheet_of(dataset),
        user=job.user,
        file_name=name,
        via=ImportRun.Via.ADMIN,
        progress=progress.report,
    )
    progress.report(report.total)
    return summary(report, model)


def summary(report, model) -> dict:
    """What the editor reads on the job's page: the counts, or why nothing was written."""
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    if not report.ok:
        return {
            "message": _("Nichts importiert: %(count)d Zeilen sind fehlerhaft.")
            % {"count": report.invalid or len(report.errors)},
            "errors": [
                {
                    "where": _("Zeile %(line)d, %(column)s")
                    % {"line": error.line, "column": error.column},
                    "message": error.message,
                }
                for error in report.errors[:SHOWN_ERRORS]
            ],
        }
    lines = [
        _("%(new)d neu, %(updated)d geändert, %(skipped)d unverändert.")
        % {"new": report.new, "updated": report.updated, "skipped": report.skipped}
    ]
    if report.for_review:
        lines.append(
            _(
                "%(count)d veröffentlichte Zeilen gehen zur Freigabe an die Chefredaktion; "
                "bis dahin bleiben sie, wie sie sind."
            )
            % {"count": report.for_review}
        )
    return {
        "lines": lines,
        "links": [{"url": changelist, "text": str(model._meta.verbose_name_plural)}],
    }
