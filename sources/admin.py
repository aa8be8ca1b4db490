from itertools import islice

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from events.models import Statement
from newsroom.admin import EditorialAdmin
from newsroom.importexport import SpreadsheetAdminMixin
from newsroom.models import ImportRun
from sources import uploads
from sources.desk import ReviewDeskMixin
from sources.forms import ArticleConfirmForm, ArticleUploadForm
from sources.ingest import BATCH_SIZE, analyse_files, record_import_run, save_articles
from sources.models import SourceArticle
from sources.resources import SourceArticleResource


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
            files = form.is_valid() and uploads.claim(form.cleaned_data["token"], user_id=user_id)
            if not files:
                self.message_user(request, uploads.EXPIRED, messages.ERROR)
                return redirect("admin:sources_sourcearticle_import_articles")
            publish_sources = form.cleaned_data["publish_sources"]
            if publish_sources and not self.has_publish_permission(request):
                raise PermissionDenied
            outcomes = []
            analyses = analyse_files(files, summit=form.cleaned_data["summit"])
            while batch := list(islice(analyses, BATCH_SIZE)):
                outcomes += save_articles(
                    batch, publish_sources=publish_sources, user=request.user
                )
            record_import_run(
                created=sum(outcome.status == "created" for outcome in outcomes),
                duplicates=sum(outcome.status == "duplicate" for outcome in outcomes),
                file_name=", ".join(sorted({name.split("/")[0] for name, _data in files})),
                user=request.user,
                via=ImportRun.Via.ADMIN,
            )
            self.report_outcomes(request, outcomes)
            return redirect("admin:sources_sourcearticle_changelist")

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

    def report_outcomes(self, request, outcomes):
        created = [o for o in outcomes if o.status == "created"]
        if created:
            statements = sum(o.statements for o in created)
            self.message_user(
                request,
                _("%(articles)d Artikel angelegt, %(statements)d Aussagen vorgeschlagen.")
                % {"articles": len(created), "statements": statements},
                messages.SUCCESS,
            )
        for outcome in outcomes:
            if outcome.status == "duplicate":
                self.message_user(request, f"{outcome.filename}: {outcome.message}", messages.INFO)
            elif outcome.status == "failed":
                self.message_user(
                    request, f"{outcome.filename}: {outcome.message}", messages.ERROR
                )
        to_review = [o.source for o in created if o.statements and o.source is not None]
        if to_review:
            self.message_user(
                request,
                format_html(
                    '<a href="{}">{}</a>',
                    reverse("admin:sources_sourcearticle_review", args=[to_review[0].pk]),
                    _("Die vorgeschlagenen Aussagen am Prüftisch entscheiden"),
                ),
                messages.INFO,
            )
