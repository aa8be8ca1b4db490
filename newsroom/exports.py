"""Exports of large tables as background jobs: the admin's export of more rows than a request
should carry is written to a file by a worker, which the editor then downloads from the
job's page (for a day)."""

import time
import uuid
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import task

from jobs import work
from jobs.models import Job
from newsroom.importexport_forms import export_filename

# Up to this many rows the export is answered in the request, as before.
IN_REQUEST_ROWS = 5_000
KEPT_SECONDS = 24 * 60 * 60
PROGRESS_EVERY = 1_000
FILE_NAME_LENGTH = 32


def exports_root() -> Path:
    return Path(settings.IMPORT_STAGING_DIR) / "exports"


def start_export(*, model, user, pks, fields, file_format) -> Job:
    """Queue the export of the rows `pks` (None: the whole table) of `model`."""
    return work.start(
        kind=Job.Kind.EXPORT,
        user=user,
        label=export_filename(model, file_format.get_extension()),
        params={
            "model": model._meta.label,
            "pks": pks,
            "fields": fields,
            "format": f"{type(file_format).__module__}.{type(file_format).__qualname__}",
        },
        unit=_("Zeilen"),
        task=export_table,
    )


@task()
def export_table(job_id: int) -> None:
    work.run(job_id, _export)


def _export(job: Job, progress: work.Progress) -> dict:
    model = apps.get_model(job.params["model"])
    model_admin = admin.site._registry[model]
    format_class = import_string(job.params["format"])
    if format_class not in model_admin.get_export_formats():
        raise ValueError(job.params["format"])
    rows = model._default_manager.all()
    if job.params["pks"] is not None:
        rows = rows.filter(pk__in=job.params["pks"])
    total = rows.count()
    progress.report(0, total)
    resource = model_admin.resource_classes[0]()
    dataset = resource.export(
        rows,
        export_fields=job.params["fields"],
        on_rows=lambda done: progress.report(done) if done % PROGRESS_EVERY == 0 else None,
    )
    progress.report(total)
    _remove_stale()
    name = uuid.uuid4().hex
    exports_root().mkdir(parents=True, exist_ok=True)
    (exports_root() / name).write_bytes(_as_bytes(format_class().export_data(dataset)))
    return {
        "lines": [_("%(rows)d Zeilen exportiert.") % {"rows": total}],
        "links": [
            {
                "url": reverse("admin:jobs_job_download", args=[job.pk]),
                "text": _("Datei herunterladen: %(name)s") % {"name": job.label},
            }
        ],
        "file": name,
    }


def exported_file(job: Job) -> Path | None:
    """The file an export job wrote, while it is kept."""
    name = job.result.get("file", "")
    if job.kind != Job.Kind.EXPORT or len(name) != FILE_NAME_LENGTH or not name.isalnum():
        return None
    path = exports_root() / name
    return path if path.is_file() else None


def _as_bytes(data) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _remove_stale() -> None:
    cutoff = time.time() - KEPT_SECONDS
    for path in exports_root().glob("*"):
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
