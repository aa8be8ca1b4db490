from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from events.models import Statement
from newsroom.admin import EditorialAdmin
from sources.models import SourceArticle


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
class SourceArticleAdmin(EditorialAdmin):
    list_display = ["title", "publisher", "published_on", "dateline", "status"]
    list_filter = ["status", "publisher", "summits"]
    search_fields = ["title", "publisher", "author", "filename"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["summits"]
    readonly_fields = ["checksum", "filename", "removed", "original"]
    inlines = [StatementInline]
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
