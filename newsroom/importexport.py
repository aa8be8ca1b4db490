"""django-import-export, wired to `newsroom.tables`: the Resource every model's spreadsheet
columns hang on, the CSV/XLSX formats German Excel needs, and the admin mixin (size-limited
upload, dry-run preview then confirm, German row errors, an empty template per model)."""

import hashlib
import io
import os
import re
import secrets
import time
from pathlib import Path

import tablib
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import ConfirmImportForm, ImportForm
from import_export.resources import ModelResource
from import_export.results import InvalidRow, Result, RowResult
from import_export.tmp_storages import BaseStorage

from newsroom import exports, import_jobs
from newsroom.importexport_forms import GermanExportMixin, template_filename
from newsroom.models import ImportRun
from newsroom.spreadsheets import (
    REQUEST_LIMITS,
    SpreadsheetError,
    csv_bytes,
    open_sheet,
    write_xlsx,
)
from newsroom.tables import ImportReport, Sheet, import_table
from newsroom.uploads import MAX_UPLOAD_BYTES, STAGING_SECONDS

FILE_TOO_LARGE = _("Die Datei ist zu groß: höchstens {limit} MB, diese hat {size} MB.")
IMPORT_FAILED = _("Nichts importiert: {count} Zeilen sind fehlerhaft. Erster Fehler: {first}")
FOR_REVIEW = _(
    "{count} veröffentlichte Zeilen gehen zur Freigabe an die Chefredaktion (Redaktion → "
    "Freigaben); bis dahin bleiben sie, wie sie sind."
)
UPLOAD_NOT_YOURS = _(
    "Diese Bestätigung gehört zu keiner Datei, die Sie in dieser Sitzung hochgeladen haben, "
    "oder sie ist abgelaufen: bitte die Datei erneut hochladen. Nichts wurde importiert."
)
UPLOAD_GONE = _(
    "Die hochgeladene Datei „{name}“ ist nicht mehr vorhanden (schon importiert oder "
    "abgelaufen): bitte erneut hochladen. Nichts wurde importiert."
)
UNREADABLE_FILE = _("{name}: {reason}")
# The preview shows this many new or changed rows; more are counted, not kept in memory.
PREVIEW_ROWS = 500
SIGNING_SALT = "newsroom.importexport.staged-upload"


class TableResource(ModelResource):
    """A Resource whose import and export run through a `newsroom.tables.Table`, so that the
    admin and `import_csv` share one column set, one validation and one writer."""

    table_class: type

    @staticmethod
    def sheet_of(dataset) -> Sheet:
        """The rows of import-export's Dataset with their lines in the file (see
        `dataset_of`), and the cells beyond the header's width."""
        lines = getattr(dataset, "lines", None) or range(2, len(dataset) + 2)
        overflow = getattr(dataset, "overflow", {})
        return Sheet(
            header=tuple(str(name or "").strip() for name in dataset.headers or ()),
            rows=(
                (line, tuple(row) + overflow.get(line, ()))
                for line, row in zip(lines, dataset, strict=False)
            ),
        )

    def import_data(self, dataset, dry_run=False, raise_errors=False, **kwargs) -> Result:
        sheet = self.sheet_of(dataset)
        report = import_table(
            table=self.table_class(),
            sheet=sheet,
            # The admin passes the user; without one, nothing may be published.
            user=kwargs.get("user"),
            dry_run=dry_run,
            keep_outcomes=PREVIEW_ROWS,
            file_name=kwargs.get("file_name") or "",
            via=ImportRun.Via.ADMIN,
        )
        result = result_of(report, header=list(sheet.header))
        result.file_name = kwargs.get("file_name")
        return result

    def export(self, queryset=None, **kwargs) -> tablib.Dataset:
        table = self.table_class()
        chosen = kwargs.get("export_fields")
        header = table.header()
        indexes = [i for i, name in enumerate(header) if not chosen or name in chosen]
        dataset = tablib.Dataset(headers=[header[i] for i in indexes])
        on_rows = kwargs.get("on_rows")  # told the number of rows done, as they are
        for done, row in enumerate(table.export_rows(queryset), start=1):
            dataset.append([row[i] for i in indexes])
            if on_rows is not None:
                on_rows(done)
        return dataset


def resource_for(table_class: type) -> type[TableResource]:
    """The admin's Resource for a table: its columns and natural key, nothing else."""
    model = table_class.model
    meta = type(
        "Meta",
        (),
        {"model": model, "fields": table_class.header(), "import_id_fields": table_class.key},
    )
    return type(
        f"{model.__name__}Resource",
        (TableResource,),
        {"table_class": table_class, "Meta": meta, "__module__": table_class.__module__},
    )


def result_of(report: ImportReport, *, header: list[str]) -> Result:
    """An import-export `Result` for the admin's preview and confirmation pages."""
    result = Result()
    result.diff_headers = header
    result.report = report
    result.messages = [str(error) for error in report.errors]
    result.changes = report.outcomes
    for outcome in report.outcomes:
        row = RowResult()
        row.import_type = outcome.kind
        row.diff = list(outcome.cells)
        row.instance = outcome.instance
        result.append_row_result(row)
    errors_by_line: dict[int, dict[str, list[str]]] = {}
    for error in report.errors:
        errors_by_line.setdefault(error.line, {}).setdefault(error.column, []).append(
            error.message
        )
    for line, errors in errors_by_line.items():
        result.invalid_rows.append(
            InvalidRow(number=line, validation_error=ValidationError(errors), values=())
        )
    result.totals[RowResult.IMPORT_TYPE_NEW] = report.new
    result.totals[RowResult.IMPORT_TYPE_UPDATE] = report.updated
    result.totals[RowResult.IMPORT_TYPE_SKIP] = report.skipped
    result.totals[RowResult.IMPORT_TYPE_INVALID] = report.invalid
    result.total_rows = report.total
    return result


def dataset_of(data: bytes) -> tablib.Dataset:
    """A tablib Dataset (what import-export's admin passes around) of a CSV or XLSX file; it
    keeps each row's line number and the cells beyond the header's width, which the import
    reports, as `lines` and `overflow`."""
    try:
        sheet = open_sheet(stream=io.BytesIO(data), limits=REQUEST_LIMITS)
        dataset = tablib.Dataset(headers=list(sheet.header))
        width = len(sheet.header)
        lines, overflow = [], {}
        for line, cells in sheet.rows:
            dataset.append((list(cells) + [""] * width)[:width])
            lines.append(line)
            if len(cells) > width:
                overflow[line] = tuple(cells[width:])
    except SpreadsheetError as error:
        raise ValueError(str(error)) from error
    dataset.lines, dataset.overflow = lines, overflow
    return dataset


class CSVFormat(base_formats.CSV):
    """CSV in, with delimiter and encoding detected; `;`-separated UTF-8 with BOM out."""

    CONTENT_TYPE = "text/csv; charset=utf-8"

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        return dataset_of(in_stream)

    def export_data(self, dataset, **kwargs):
        return csv_bytes(header=dataset.headers, rows=dataset)


class XLSXFormat(base_formats.XLSX):
    def create_dataset(self, in_stream):
        return dataset_of(in_stream)

    def export_data(self, dataset, **kwargs):
        buffer = io.BytesIO()
        write_xlsx(stream=buffer, header=dataset.headers, rows=dataset)
        return buffer.getvalue()


class StagedUpload(BaseStorage):
    """Where an uploaded spreadsheet waits between the preview and the confirmation: a file
    in the staging folder under a random name the server chose, never a name taken from a
    request (the confirm form carries it signed, see `StagedConfirmForm`)."""

    NAME = re.compile(r"^[0-9a-f]{32}$")

    @staticmethod
    def folder() -> Path:
        return Path(settings.IMPORT_STAGING_DIR) / "spreadsheets"

    def path(self) -> Path:
        if not self.name or not self.NAME.fullmatch(self.name):
            raise FileNotFoundError(self.name)
        return self.folder() / self.name

    def save(self, data: bytes) -> None:
        self.write_chunks([data])

    def write_chunks(self, chunks) -> None:
        self.name = secrets.token_hex(16)
        self.folder().mkdir(parents=True, exist_ok=True)
        self._remove_stale()
        with self.path().open("xb") as file:
            for chunk in chunks:
                file.write(chunk)

    def read(self) -> bytes:
        return self.path().read_bytes()

    def hand_over(self) -> "StagedUpload":
        """Claim the file for the import job: it moves to a new name, which only one
        confirmation can do (a double click finds nothing), and its time to wait starts
        again. FileNotFoundError when it is gone."""
        claimed = StagedUpload(name=secrets.token_hex(16))
        self.path().rename(claimed.path())
        os.utime(claimed.path())
        return claimed

    def take(self) -> bytes:
        """Read and remove. FileNotFoundError when it is gone."""
        data = self.read()
        self.path().unlink()
        return data

    def remove(self) -> None:
        self.path().unlink(missing_ok=True)

    def _remove_stale(self) -> None:
        cutoff = time.time() - STAGING_SECONDS
        for staged in self.folder().iterdir():
            if self.NAME.fullmatch(staged.name) and staged.stat().st_mtime < cutoff:
                staged.unlink(missing_ok=True)


def _upload_owner(request) -> list:
    """Who may confirm an upload: the user, in the session that uploaded it."""
    session = request.session.session_key or ""
    return [request.user.pk, hashlib.sha256(session.encode()).hexdigest()[:16]]


class StagedConfirmForm(ConfirmImportForm):
    """The confirm step names its file by a token signed for the uploading user and session
    and the table it was previewed for, with the format and resource it was read with; a
    name typed into the form, another user's or another table's token finds nothing, and
    the posted format and resource are not trusted."""

    def __init__(self, *args, request, model_label: str, **kwargs):
        self.request = request
        self.model_label = model_label
        super().__init__(*args, **kwargs)

    def clean_import_file_name(self):
        # Checked as a whole in clean(); the stock method would take the base name.
        return self.cleaned_data["import_file_name"]

    def clean(self):
        cleaned = super().clean()
        try:
            name, owner, model_label, file_format, resource = signing.loads(
                cleaned.get("import_file_name", ""), salt=SIGNING_SALT, max_age=STAGING_SECONDS
            )
        except (signing.BadSignature, TypeError, ValueError):
            raise ValidationError(UPLOAD_NOT_YOURS, code="foreign_upload") from None
        if owner != _upload_owner(self.request) or model_label != self.model_label:
            raise ValidationError(UPLOAD_NOT_YOURS, code="foreign_upload")
        cleaned.update(import_file_name=name, format=file_format, resource=resource)
        return cleaned


def sign_upload(initial: dict, *, request, model_label: str) -> str:
    """The token the confirm form carries for a staged upload."""
    return signing.dumps(
        [
            initial["import_file_name"],
            _upload_owner(request),
            model_label,
            str(initial["format"]),
            str(initial.get("resource") or ""),
        ],
        salt=SIGNING_SALT,
    )


class SizeLimitedImportForm(ImportForm):
    max_upload_bytes = MAX_UPLOAD_BYTES

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > self.max_upload_bytes:
            raise ValidationError(
                FILE_TOO_LARGE.format(
                    limit=self.max_upload_bytes // 2**20, size=round(upload.size / 2**20, 1)
                )
            )
        return upload


class SpreadsheetAdminMixin(GermanExportMixin, ImportExportMixin):
    """Import (CSV, XLSX) and export (CSV, XLSX, JSON) for a model admin whose
    `resource_classes` are `TableResource`s; gated by the `import_`/`export_` permissions."""

    import_formats = [CSVFormat, XLSXFormat]
    export_formats = [CSVFormat, XLSXFormat, base_formats.JSON]
    import_form_class = SizeLimitedImportForm
    confirm_form_class = StagedConfirmForm
    tmp_storage_class = StagedUpload
    import_template_name = "admin/newsroom/import.html"

    def init_change_list_template(self):
        # An admin with a change list template of its own extends
        # "admin/import_export/change_list_import_export.html" itself (the source articles'
        # adds its "Artikel importieren" button so); stock import-export would make that
        # template its base, and the two would extend each other.
        if getattr(self, "change_list_template", None):
            self.ie_base_change_list_template = "admin/change_list.html"
        else:
            super().init_change_list_template()

    def _do_file_export(self, file_format, request, queryset, export_form=None):
        """A small export is the response; a large one a background job, whose page offers
        the file when it is written (newsroom.exports)."""
        if queryset.count() <= exports.IN_REQUEST_ROWS:
            return super()._do_file_export(file_format, request, queryset, export_form)
        filtered = queryset.query.where or queryset.query.is_sliced
        job = exports.start_export(
            model=self.model,
            user=request.user,
            pks=list(queryset.values_list("pk", flat=True)) if filtered else None,
            fields=self.get_export_resource_fields_from_form(export_form),
            file_format=file_format,
        )
        return redirect(job)

    def get_urls(self):
        info = self.get_model_info()
        return [
            path(
                "import/template/",
                self.admin_site.admin_view(self.import_template_view),
                name="{}_{}_import_template".format(*info),
            ),
            *super().get_urls(),
        ]

    def import_template_view(self, request):
        """An empty CSV with just the header row, to fill in and upload."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        resource = self.get_import_resource_classes(request)[0]
        response = HttpResponse(
            csv_bytes(header=resource.table_class.header(), rows=[]),
            content_type=CSVFormat.CONTENT_TYPE,
        )
        filename = template_filename(self.model)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def write_to_tmp_storage(self, import_file, input_format):
        # Streamed to disk a chunk at a time (import-export would join the chunks in memory).
        storage = self.get_tmp_storage_class()(read_mode=input_format.get_read_mode())
        storage.write_chunks(import_file.chunks())
        return storage

    def get_confirm_form_kwargs(self, request, import_form=None):
        return {
            **super().get_confirm_form_kwargs(request, import_form),
            "request": request,
            "model_label": self.model._meta.label,
        }

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if initial.get("import_file_name"):
            initial["import_file_name"] = sign_upload(
                initial, request=request, model_label=self.model._meta.label
            )
        return initial

    def import_action(self, request, **kwargs):
        """The preview; an upload it refuses is not kept for a confirmation that cannot
        come."""
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None) or {}
        if request.method == "POST" and not context.get("confirm_form"):
            # import-export notes the staged name on the uploaded file object.
            name = getattr(request.FILES.get("import_file"), "tmp_storage_name", None)
            if name:
                self.get_tmp_storage_class()(name=name).remove()
        return response

    @method_decorator(require_POST)
    def process_import(self, request, **kwargs):
        """The confirmation: only the user's own staged file is read, and only once; a token
        that is not theirs reads and deletes nothing."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.create_confirm_form(request)
        if not form.is_valid():
            return self._refuse_confirmation(request, UPLOAD_NOT_YOURS)
        storage = self.get_tmp_storage_class()(name=form.cleaned_data["import_file_name"])
        try:
            claimed = storage.hand_over()
        except FileNotFoundError:
            name = form.cleaned_data["original_file_name"]
            return self._refuse_confirmation(request, UPLOAD_GONE.format(name=name))
        job = import_jobs.start_import(
            model=self.model,
            user=request.user,
            staged=claimed.name,
            format_index=int(form.cleaned_data["format"]),
            file_name=form.cleaned_data["original_file_name"],
        )
        return redirect(job)

    def _refuse_confirmation(self, request, message):
        self.message_user(request, message, messages.ERROR)
        importing = "admin:{}_{}_import".format(*self.get_model_info())
        return HttpResponseRedirect(reverse(importing, current_app=self.admin_site.name))

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e.__cause__, SpreadsheetError):
            upload = form.cleaned_data.get("import_file")
            name = getattr(upload, "name", "")
            form.add_error("import_file", UNREADABLE_FILE.format(name=name, reason=str(e)))
        else:
            super().add_data_read_fail_error_to_form(form, e)

    def generate_log_entries(self, result, request):
        """Nothing for the admin log: every row written has a version in its history, and
        the import itself is an `ImportRun` (see `newsroom.tables.import_table`)."""

    def add_success_message(self, result, request):
        super().add_success_message(result, request)
        waiting = getattr(getattr(result, "report", None), "for_review", 0)
        if waiting:
            self.message_user(request, FOR_REVIEW.format(count=waiting), messages.WARNING)

    def process_result(self, result, request):
        report = getattr(result, "report", None)
        if report is not None and not report.ok:
            # The rows changed between preview and confirmation, or another import kept the
            # table too long; nothing was written.
            message = (
                IMPORT_FAILED.format(count=report.invalid, first=result.messages[0])
                if report.invalid
                else result.messages[0]
            )
            self.message_user(request, message, messages.ERROR)
            changelist = "admin:{}_{}_changelist".format(*self.get_model_info())
            return HttpResponseRedirect(reverse(changelist, current_app=self.admin_site.name))
        return super().process_result(result, request)
