from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from events.models import Statement
from newsroom.admin import EditorialAdmin
from newsroom.importexport import SpreadsheetAdminMixin
from sources import uploads
from sources.desk import ReviewDeskMixin
from sources.forms import ArticleConfirmForm, ArticleUploadForm
from sources.ingest import analyse_files
from sources.models import SourceArticle
from sources.resources import SourceArticleResource
from sources.tasks import start_article_import


class StatementInline(admin.TabularInline):
    """The statements found in an article, at a glance; they are reviewed and published in
    their own admin, so speaker and status are shown here, not edited."""

    model = Statement
    fields = ["text", "speaker", "kind", "confidence", "status"]
    readonly_fields = ["speaker", "confidence", "status"]
    show_change_link = True
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")


@admin.register(SourceArticle)
class SourceArticleAdmin(ReviewDeskMixin, SpreadsheetAdminMixin, EditorialAdmin):
    resource_classes = [SourceArticleResource]
    # Narrow enough for 1280 px beside the navigation and the filters (see css/admin.css).
    list_display = ["title", "publisher", "published_on", "status_label"]
    list_filter = ["status", "publisher", "summits"]
    search_fields = ["title", "publisher", "author", "filename"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["summits"]
    readonly_fields = ["checksum", "filename", "removed", "original"]
    inlines = [StatementInline]
    change_list_template = "admin/sources/sourcearticle/change_list.html"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["kicker", "title", "slug", "status", "published_at", "summits"]}),
        (
            _("Herkunft"),
            {"fields": ["publisher", "author", "url", "published_on", "dateline", "language"]},
        ),
        (_("Text"), {"fields": ["body"]}),
        (
            _("Import"),
            {
                "classes": ["collapse"],
                "fields": ["filename", "checksum", "removed", "original"],
            },
        ),
    ]

    def get_urls(self):
        return [
            path(
                "import-articles/",
                self.admin_site.admin_view(self.import_articles_view),
                name="sources_sourcearticle_import_articles",
            ),
            *super().get_urls(),
        ]

    def import_articles_view(self, request):
        """Upload, preview, confirm: the same analysis and saving as `import_articles`."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        user_id = request.user.pk
        if request.method == "POST" and "token" in request.POST:
            form = ArticleConfirmForm(request.POST)
            name = form.is_valid() and uploads.claim(form.cleaned_data["token"], user_id=user_id)
            if not name:
                self.message_user(request, uploads.EXPIRED, messages.ERROR)
                return redirect("admin:sources_sourcearticle_import_articles")
            publish_sources = form.cleaned_data["publish_sources"]
            if publish_sources and not self.has_publish_permission(request):
                raise PermissionDenied
            names = uploads.names_of(name)
            job = start_article_import(
                name=name,
                files=len(names),
                # An archive by its name, single files by theirs.
                label=", ".join(sorted({file_name.split("/")[0] for file_name in names})),
                user=request.user,
                summit=form.cleaned_data["summit"],
                publish_sources=publish_sources,
            )
            return redirect(job)

        form = ArticleUploadForm(request.POST or None, request.FILES or None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Artikel importieren"),
            "form": form,
        }
        if request.method == "POST" and form.is_valid():
            files, rejected = uploads.unpack(
                [(upload.name, upload) for upload in form.cleaned_data["files"]]
            )
            summit = form.cleaned_data["summit"]
            analyses = list(analyse_files(files, summit=summit))
            token = uploads.stage(files, user_id=user_id) if files else ""
            context.update(
                {
                    "title": _("Artikel importieren: Vorschau"),
                    "analyses": analyses,
                    "rejected": rejected,
                    "saveable": sum(analysis.can_be_saved for analysis in analyses),
                    "confirm_form": ArticleConfirmForm(initial={"token": token, "summit": summit}),
                    "can_publish": self.has_publish_permission(request),
                }
            )
        return TemplateResponse(
            request, "admin/sources/sourcearticle/import_articles.html", context
        )
