from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from events.models import Delegation, DelegationMember, Person, Statement, Summit, Topic
from newsroom.admin import EditorialAdmin, PublishPermissionMixin


class DelegationInline(PublishPermissionMixin, admin.TabularInline):
    model = Delegation
    fields = ["country", "leader", "status", "notes"]
    autocomplete_fields = ["leader"]
    show_change_link = True
    extra = 0


class DelegationMemberInline(admin.TabularInline):
    model = DelegationMember
    fields = ["person", "role", "position"]
    autocomplete_fields = ["person"]
    extra = 1


@admin.register(Summit)
class SummitAdmin(EditorialAdmin):
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
class PersonAdmin(EditorialAdmin):
    list_display = ["name", "country", "status"]
    list_filter = ["status", "country"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "status", "published_at", "aliases", "country", "description"]


@admin.register(Delegation)
class DelegationAdmin(EditorialAdmin):
    list_display = ["__str__", "summit", "country", "leader", "status"]
    list_filter = ["status", "country", "summit"]
    search_fields = ["summit__title", "country", "leader__name"]
    autocomplete_fields = ["summit", "leader"]
    list_select_related = ["summit", "leader"]
    inlines = [DelegationMemberInline]
    fields = ["summit", "country", "leader", "status", "published_at", "notes"]


@admin.register(DelegationMember)
class DelegationMemberAdmin(admin.ModelAdmin):
    list_display = ["person", "role", "delegation"]
    list_filter = ["delegation__summit", "delegation__country"]
    search_fields = ["person__name", "role", "delegation__summit__title"]
    autocomplete_fields = ["delegation", "person"]
    list_select_related = ["person", "delegation__summit"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Statement)
class StatementAdmin(EditorialAdmin):
    list_display = ["__str__", "speaker", "summit", "kind", "said_on", "confidence", "status"]
    list_filter = ["status", "kind", "summit", "topics"]
    search_fields = ["text", "speaker__name", "speaker_label", "context"]
    date_hierarchy = "said_on"
    autocomplete_fields = ["summit", "speaker", "delegation", "source", "topics"]
    list_select_related = ["speaker", "summit"]
    fieldsets = [
        (None, {"fields": ["text", "kind", "status", "published_at"]}),
        (
            _("Wer, wann, wo"),
            {"fields": ["speaker", "speaker_label", "delegation", "summit", "said_on"]},
        ),
        (_("Einordnung"), {"fields": ["context", "topics"]}),
        (_("Quelle"), {"fields": ["source", "source_start", "source_end", "confidence"]}),
    ]
