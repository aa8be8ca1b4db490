from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.db.models.functions import Substr
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.models import Delegation, DelegationMember, Person, Statement, Summit, Topic
from events.resources import (
    DelegationMemberResource,
    DelegationResource,
    PersonResource,
    StatementResource,
    SummitResource,
    TopicResource,
)
from newsroom.admin import AutocompleteInline, EditorialAdmin
from newsroom.editorial import accept_suggestions, reject
from newsroom.importexport import SpreadsheetAdminMixin
from sources.passages import passage_around


class DelegationInline(AutocompleteInline):
    """Delegations at a glance on their summit; their status is changed in their own admin,
    where the publish permission is checked row by row."""

    model = Delegation
    fields = ["country", "leader", "status", "notes"]
    readonly_fields = ["status"]
    autocomplete_fields = ["leader"]
    show_change_link = True
    extra = 0


class DelegationMemberInline(AutocompleteInline):
    model = DelegationMember
    fields = ["person", "role", "position"]
    autocomplete_fields = ["person"]
    extra = 1


@admin.register(Summit)
class SummitAdmin(SpreadsheetAdminMixin, EditorialAdmin):
    resource_classes = [SummitResource]
    list_display = ["title", "starts_on", "ends_on", "city", "country", "status"]
    list_filter = ["status", "country"]
    search_fields = ["title", "city", "venue"]
    date_hierarchy = "starts_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["previous"]
    list_select_related = ["previous"]
    inlines = [DelegationInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "published_at"]}),
        (_("Wann und wo"), {"fields": ["starts_on", "ends_on", "city", "country", "venue"]}),
        (_("Inhalt"), {"fields": ["summary", "outcome", "previous"]}),
    ]


@admin.register(Person)
class PersonAdmin(SpreadsheetAdminMixin, EditorialAdmin):
    resource_classes = [PersonResource]
    list_display = ["name", "country", "status"]
    list_filter = ["status", "country"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "status", "published_at", "aliases", "country", "description"]


@admin.register(Delegation)
class DelegationAdmin(SpreadsheetAdminMixin, EditorialAdmin):
    resource_classes = [DelegationResource]
    list_display = ["__str__", "summit", "country", "leader", "status"]
    list_filter = ["status", "country", "summit"]
    search_fields = ["summit__title", "country", "leader__name"]
    autocomplete_fields = ["summit", "leader"]
    list_select_related = ["summit", "leader"]
    inlines = [DelegationMemberInline]
    fields = ["summit", "country", "leader", "status", "published_at", "notes"]


@admin.register(DelegationMember)
class DelegationMemberAdmin(SpreadsheetAdminMixin, admin.ModelAdmin):
    resource_classes = [DelegationMemberResource]
    list_display = ["person", "role", "delegation"]
    list_filter = ["delegation__summit", "delegation__country"]
    search_fields = ["person__name", "role", "delegation__summit__title"]
    autocomplete_fields = ["delegation", "person"]
    list_select_related = ["person", "delegation__summit"]


@admin.register(Topic)
class TopicAdmin(SpreadsheetAdminMixin, admin.ModelAdmin):
    resource_classes = [TopicResource]
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class SourceMatchFilter(admin.SimpleListFilter):
    title = _("Text wie in der Quelle")
    parameter_name = "matches_source"

    def lookups(self, request, model_admin):
        return [("yes", _("stimmt überein")), ("no", _("bearbeitet"))]

    def queryset(self, request, queryset):
        if self.value() not in {"yes", "no"}:
            return queryset
        with_span = queryset.filter(source__isnull=False, source_start__isnull=False)
        quoted = with_span.annotate(
            quoted=Substr(
                "source__body", F("source_start") + 1, F("source_end") - F("source_start")
            )
        )
        if self.value() == "yes":
            return quoted.filter(quoted=F("text"))
        return quoted.exclude(quoted=F("text"))


@admin.register(Statement)
class StatementAdmin(SpreadsheetAdminMixin, EditorialAdmin):
    resource_classes = [StatementResource]
    list_display = [
        "text_excerpt",
        "speaker_display",
        "kind",
        "confidence",
        "in_source",
        "source_passage",
        "status",
    ]
    list_filter = ["status", "kind", SourceMatchFilter, "summit", "topics"]
    search_fields = ["text", "speaker__name", "speaker_label", "context"]
    date_hierarchy = "said_on"
    autocomplete_fields = ["summit", "speaker", "delegation", "source", "topics"]
    list_select_related = ["speaker", "summit", "source"]
    readonly_fields = ["source_passage"]
    actions = [
        "accept_selected",
        "publish_selected",
        "reject_selected",
        "move_selected_to_draft",
    ]
    fieldsets = [
        (None, {"fields": ["text", "kind", "status", "published_at"]}),
        (
            _("Wer, wann, wo"),
            {"fields": ["speaker", "speaker_label", "delegation", "summit", "said_on"]},
        ),
        (_("Einordnung"), {"fields": ["context", "topics"]}),
        (
            _("Quelle"),
            {
                "fields": [
                    "source",
                    "source_passage",
                    "source_start",
                    "source_end",
                    "confidence",
                ]
            },
        ),
    ]

    @admin.display(description=_("Aussage"), ordering="text")
    def text_excerpt(self, statement):
        return statement.text if len(statement.text) <= 80 else f"{statement.text[:79]}…"

    @admin.display(description=_("Sprecher/in"), ordering="speaker__name")
    def speaker_display(self, statement):
        if statement.speaker_id:
            return statement.speaker.name
        return format_html("<em>{}</em>", statement.speaker_label or "?")

    @admin.display(description=_("wie in der Quelle"), boolean=True)
    def in_source(self, statement):
        return statement.matches_source

    @admin.display(description=_("in der Quelle"))
    def source_passage(self, statement):
        if not statement.has_source_span:
            return "–"
        passage = passage_around(
            statement.source.body, statement.source_start, statement.source_end, around=90
        )
        return format_html('<span class="source-passage">{}<mark>{}</mark>{}</span>', *passage)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.matches_source is False:
            self.message_user(
                request,
                _(
                    "Der Text weicht von der Quelle ab: die Aussage ist als bearbeitet "
                    "markiert. Prüfen Sie Anfang und Ende in der Quelle."
                ),
                messages.WARNING,
            )

    @admin.action(description=_("Vorschläge annehmen (als Entwurf)"), permissions=["change"])
    def accept_selected(self, request, queryset):
        count = accept_suggestions(queryset, user=request.user)
        self.message_user(
            request,
            ngettext("%d Vorschlag angenommen.", "%d Vorschläge angenommen.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Ausgewählte ablehnen"), permissions=["change"])
    def reject_selected(self, request, queryset):
        try:
            count = reject(queryset, user=request.user)
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(
            request,
            ngettext("%d Aussage abgelehnt.", "%d Aussagen abgelehnt.", count) % count,
            messages.SUCCESS,
        )
