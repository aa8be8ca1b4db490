from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.db.models.functions import Substr
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events import publishing
from events.countries import country_name, sort_key
from events.models import Delegation, DelegationMember, Person, Statement, Summit, Topic
from events.resources import (
    DelegationMemberResource,
    DelegationResource,
    PersonResource,
    StatementResource,
    SummitResource,
    TopicResource,
)
from newsroom.admin import AutocompleteInline, EditorialAdmin, NewsroomAdmin
from newsroom.editorial import StatementStatus, accept_suggestions, reject
from newsroom.importexport import SpreadsheetAdminMixin
from sources.passages import passage_around


@admin.display(description=_("Land"), ordering="country")
def country_column(obj) -> str:
    return country_name(obj.country)


class CountryFilter(admin.SimpleListFilter):
    """Countries by name, only those the rows have, in alphabetical order of the names. The
    parameter is a lookup on the field, as with Django's own filter: Django checks it against
    the model, and bookmarked lists keep working."""

    title = _("Land")
    field = "country"
    parameter_name = "country__exact"

    def lookups(self, request, model_admin):
        codes = (
            model_admin.get_queryset(request)
            .order_by()
            .values_list(self.field, flat=True)
            .distinct()
        )
        names = [(code, country_name(code)) for code in codes if code]
        # "Österreich" among the O's, not after "Zypern".
        return sorted(names, key=lambda choice: sort_key(choice[1]))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.field: self.value()})
        return queryset


class DelegationCountryFilter(CountryFilter):
    title = _("Land der Delegation")
    field = "delegation__country"
    parameter_name = "delegation__country"


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
    list_display = ["title", "starts_on", "city", country_column, "status_label"]
    list_filter = ["status", CountryFilter]
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
    list_display = ["name", country_column, "status_label"]
    list_filter = ["status", CountryFilter]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "status", "published_at", "aliases", "country", "description"]


@admin.register(Delegation)
class DelegationAdmin(SpreadsheetAdminMixin, EditorialAdmin):
    resource_classes = [DelegationResource]
    # The country links to the row: "__str__" would repeat the two columns beside it.
    list_display = [country_column, "summit", "leader", "status_label"]
    list_filter = ["status", CountryFilter, "summit"]
    search_fields = ["summit__title", "country", "leader__name"]
    autocomplete_fields = ["summit", "leader"]
    list_select_related = ["summit", "leader"]
    inlines = [DelegationMemberInline]
    fields = ["summit", "country", "leader", "status", "published_at", "notes"]

    def get_search_results(self, request, queryset, search_term):
        """Also by country name, as the list and the autocomplete show delegations: a word of
        the search that is part of a country's name ("nordkorea hanoi") matches that country
        too."""
        words = search_term.split()
        if not words:
            return super().get_search_results(request, queryset, search_term)
        codes = set(queryset.order_by().values_list("country", flat=True).distinct())
        others, may_have_duplicates = [], False
        for word in words:
            named = [code for code in codes if word.casefold() in country_name(code).casefold()]
            if not named:
                others.append(word)
                continue
            by_text, duplicates = super().get_search_results(request, queryset, word)
            queryset = queryset.filter(country__in=named) | by_text
            may_have_duplicates |= duplicates
        queryset, duplicates = super().get_search_results(request, queryset, " ".join(others))
        return queryset, may_have_duplicates or duplicates


@admin.register(DelegationMember)
class DelegationMemberAdmin(SpreadsheetAdminMixin, NewsroomAdmin):
    resource_classes = [DelegationMemberResource]
    list_display = ["person", "role", "delegation"]
    list_filter = ["delegation__summit", DelegationCountryFilter]
    search_fields = ["person__name", "role", "delegation__summit__title"]
    autocomplete_fields = ["delegation", "person"]
    list_select_related = ["person", "delegation__summit"]


@admin.register(Topic)
class TopicAdmin(SpreadsheetAdminMixin, NewsroomAdmin):
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


class StatementForm(forms.ModelForm):
    """Publishing from the change form follows the publication rule (events/publishing.py)."""

    CHECKED = ["status", "speaker", "source", "summit", "delegation"]

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status", self.instance.status)
        if status != StatementStatus.PUBLISHED or not set(self.CHECKED) & set(self.changed_data):
            return cleaned
        statement = Statement(
            **{
                name: cleaned.get(name, getattr(self.instance, name, None))
                for name in self.CHECKED[1:]
            }
        )
        for name, messages_ in publishing.form_errors(statement).items():
            for message in messages_:
                self.add_error(name if name in self.fields else None, message)
        return cleaned


@admin.register(Statement)
class StatementAdmin(SpreadsheetAdminMixin, EditorialAdmin):
    resource_classes = [StatementResource]
    form = StatementForm
    # Fits 1280 px beside the filters (see css/admin.css): whether the text still reads as
    # in the source is shown in the passage column, and the page has no navigation sidebar.
    change_list_template = "admin/events/statement/change_list.html"
    list_display = [
        "text_excerpt",
        "speaker_display",
        "kind",
        "confidence_display",
        "passage_excerpt",
        "status_label",
    ]
    list_filter = [
        "status",
        "kind",
        SourceMatchFilter,
        "summit",
        DelegationCountryFilter,
        "topics",
    ]
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
        (_("Einordnung"), {"fields": ["context", "topics", "correction_note"]}),
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

    @admin.display(description=_("Sicherheit"), ordering="confidence")
    def confidence_display(self, statement):
        if statement.confidence is None:
            return "–"
        return f"{round(statement.confidence * 100)}\u00a0%"

    @admin.display(description=_("in der Quelle"))
    def source_passage(self, statement):
        if not statement.has_source_span:
            return "–"
        passage = passage_around(
            statement.source.body, statement.source_start, statement.source_end, around=90
        )
        return format_html('<span class="source-passage">{}<mark>{}</mark>{}</span>', *passage)

    @admin.display(description=_("in der Quelle"))
    def passage_excerpt(self, statement):
        """The passage for the list: shorter, and marked when the text was edited away from
        what the source says."""
        if not statement.has_source_span:
            return "–"
        passage = passage_around(
            statement.source.body, statement.source_start, statement.source_end, around=60
        )
        edited = (
            format_html(
                '<span class="status-label status-label--edited">{}</span> ', _("bearbeitet")
            )
            if not statement.matches_source
            else ""
        )
        return format_html(
            '{}<span class="source-passage">{}<mark>{}</mark>{}</span>', edited, *passage
        )

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

    @admin.action(description=_("Ausgewählte veröffentlichen"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        """Asks once, naming what cannot go live (and why) and what goes live with the
        statements; then publishes all of it together (events/publishing.py)."""
        plan = publishing.publication_plan(queryset)
        if request.POST.get("post") != "yes":
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("Aussagen veröffentlichen"),
                "media": self.media,
                "plan": plan,
                "missing": publishing.missing_permissions_message(missing)
                if (missing := plan.missing_permissions(request.user))
                else "",
                "selected": queryset.values_list("pk", flat=True),
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/newsroom/publish_statements.html", context)
        try:
            count = publishing.publish_together(plan, user=request.user)
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
            return None
        together = sum(len(rows) for rows in plan.together.values())
        self.message_user(
            request,
            ngettext(
                "%(count)d Aussage und %(together)d Einträge, die sie nennt, veröffentlicht.",
                "%(count)d Aussagen und %(together)d Einträge, die sie nennen, veröffentlicht.",
                count,
            )
            % {"count": count, "together": together},
            messages.SUCCESS,
        )
        if plan.blocked:
            self.message_user(
                request,
                ngettext(
                    "%d Aussage nicht veröffentlicht: siehe die Gründe auf der Bestätigungsseite.",
                    "%d Aussagen nicht veröffentlicht: siehe die Gründe auf der "
                    "Bestätigungsseite.",
                    len(plan.blocked),
                )
                % len(plan.blocked),
                messages.WARNING,
            )
        return None

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
