from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from jobs import work
from jobs.models import Job
from newsroom.admin import ReadOnlyAdmin
from newsroom.exports import exported_file

CANCEL_ASKED = _("Der Auftrag wird abgebrochen.")


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    """Each editor's jobs (all jobs for superusers), read-only: a job page shows how far it
    got and its result, and cancels it while it has not finished."""

    list_display = ["__str__", "state", "progress_display", "created_at", "finished_at"]
    list_filter = ["state", "kind"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        jobs = super().get_queryset(request).select_related("user")
        return jobs if request.user.is_superuser else jobs.filter(user=request.user)

    def has_view_permission(self, request, obj=None):
        # Everyone with access to the admin sees their own jobs (the queryset says which).
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    @admin.display(description=_("Fortschritt"))
    def progress_display(self, job):
        if job.total is None:
            return "–"
        return f"{job.done} / {job.total} {job.unit}".strip()

    def get_urls(self):
        return [
            path(
                "<path:object_id>/datei/",
                self.admin_site.admin_view(self.download_view),
                name="jobs_job_download",
            ),
            *super().get_urls(),
        ]

    def download_view(self, request, object_id):
        """The file an export job wrote, for whoever started the job."""
        job = self.get_object(request, unquote(object_id))
        path = exported_file(job) if job is not None else None
        if path is None:
            raise Http404(_("Diese Datei gibt es nicht (mehr)."))
        return FileResponse(path.open("rb"), as_attachment=True, filename=job.label)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        job = self.get_object(request, unquote(object_id))
        if job is None:
            raise Http404(_("Diesen Auftrag gibt es nicht (oder er gehört jemand anderem)."))
        if request.method == "POST":
            if "_cancel" not in request.POST:
                raise PermissionDenied
            work.cancel(job)
            self.message_user(request, CANCEL_ASKED, messages.INFO)
            return HttpResponseRedirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": str(job),
            "job": job,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/jobs/job/job.html", context)
