"""Admin behaviour shared by the apps: the admin's styles; for every publishable model the
publish and back-to-draft actions and the rule that only holders of the publish permission
can set or leave `published`; inlines whose autocomplete selects cost no query per row."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from newsroom import revisions
from newsroom.editorial import (
    CANNOT_PUBLISH,
    CANNOT_UNPUBLISH,
    Editorial,
    Status,
    can_publish,
    move_to_draft,
    publish,
)
from newsroom.history import version_changes
from newsroom.models import SYSTEM, ImportRun, Revision

REVISION_SUBMITTED = _("Änderung zur Freigabe eingereicht.")
SCHEDULED = _("geplant: {when}")


class NewsroomAdmin(SimpleHistoryAdmin):
    """A model admin with the newsroom's admin styles (css/admin.css): lists that fit 1280 px,
    compact status labels; and the object's history (django-simple-history): every version
    with who and why, what changed from the one before, any two versions compared, and an
    earlier version restored (saved as a new version)."""

    object_history_template = "admin/newsroom/object_history.html"
    object_history_list_template = "admin/newsroom/object_history_list.html"

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_historical_record_context_helper(self, request, historical_record):
        return GermanRecordContextHelper(self.model, historical_record)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.history_compare_view),
                name="{}_{}_history_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """An earlier version, and restoring it: restoring is a change (django-simple-history
        lets whoever may view save it)."""
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def history_compare_view(self, request, object_id):
        """Two versions side by side: the fields that differ, texts with the changed words
        marked."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = obj.history.all()
        try:
            older = versions.get(pk=int(request.GET.get("von", "")))
            newer = versions.get(pk=int(request.GET.get("bis", "")))
        except (ValueError, ObjectDoesNotExist):
            raise Http404(_("Diese Fassungen gibt es nicht.")) from None
        if older.history_date > newer.history_date:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": _("Fassungen vergleichen"),
            "media": self.media,
            "older": older,
            "newer": newer,
            "changes": version_changes(older, newer),
        }
        return TemplateResponse(request, "admin/newsroom/history_compare.html", context)


class GermanRecordContextHelper(HistoricalRecordContextHelper):
    """A version's changes in the history list as editors read them: choices by their
    labels ("Veröffentlicht", not "published"), an empty value as "–"."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.many_to_many:
            names = super().prepare_delta_change_value(change, value)
            return ", ".join(map(str, names)) or "–"
        if value is None or value == "" or getattr(value, "pk", True) is None:
            return "–"  # simple-history shows an empty reference as a "Deleted ..." object
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        return value


class ScheduleFilter(admin.SimpleListFilter):
    """Rows waiting for their time to go online, and rows that will go offline."""

    title = _("Zeitplan")
    parameter_name = "zeitplan"

    def lookups(self, request, model_admin):
        return [("geplant", _("geplant")), ("befristet", _("befristet"))]

    def queryset(self, request, queryset):
        if self.value() == "geplant":
            return queryset.scheduled()
        if self.value() == "befristet":
            return queryset.filter(unpublish_at__isnull=False)
        return queryset


class EditorialAdmin(NewsroomAdmin):
    """`published` is only offered to those who may publish, and a published row's status is
    read-only for everyone else; publishing and unpublishing are also bulk actions."""

    actions = ["publish_selected", "move_selected_to_draft"]

    def has_publish_permission(self, request) -> bool:
        return can_publish(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "published_at"]
        if obj is not None and obj.is_published and not self.has_publish_permission(request):
            readonly.append("status")
        return readonly

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.has_publish_permission(request):
            kwargs["choices"] = [
                choice for choice in db_field.choices if choice[0] != Status.PUBLISHED
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        # The form already offers no way to do this; a forged request, or a version restored
        # from the history (whose status the form leaves as it was then), still must not.
        was_published = (
            change
            and type(obj)._default_manager.filter(pk=obj.pk, status=Status.PUBLISHED).exists()
        )
        if not self.has_publish_permission(request):
            if obj.is_published and not was_published:
                raise PermissionDenied(CANNOT_PUBLISH)
            if was_published and not obj.is_published:
                raise PermissionDenied(CANNOT_UNPUBLISH)
            if was_published:
                # Four eyes: nothing of this form reaches the live row (nor its many-to-many
                # fields, which the change form and simple-history's revert save afterwards).
                obj._in_review = True
                form.save_m2m = lambda: None
                obj._revision = revisions.submit_revision(obj=obj, form=form, user=request.user)
                return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        obj = form.instance
        if getattr(obj, "_in_review", False):
            obj._revision = revisions.add_inline_changes(
                obj=obj, revision=obj._revision, formsets=formsets, user=request.user
            )
            return
        # Published rows of an inline (a draft article's published statements) are content
        # of their own: their changes wait for approval too, each as its own revision.
        submitted = False
        for formset in formsets:
            deleted = set(formset.deleted_forms)
            for row_form in formset.initial_forms:
                row = row_form.instance
                if row_form in deleted or not row_form.has_changed():
                    continue
                if revisions.needs_review(request.user, row):
                    revisions.submit_revision(obj=row, form=row_form, user=request.user)
                    row_form.has_changed = lambda: False
                    submitted = True
        if submitted:
            self.message_user(request, revisions.PENDING, messages.WARNING)
        super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(form.instance, "_in_review", False):
            return ""  # nothing was saved; `log_change` notes the submission
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if getattr(obj, "_in_review", False):
            message = str(REVISION_SUBMITTED) if obj._revision else ""
            if not message:
                return None
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if getattr(obj, "_in_review", False):
            if obj._revision is None:
                self.message_user(request, revisions.NOTHING_TO_REVIEW, messages.INFO)
            else:
                self.message_user(request, revisions.PENDING, messages.WARNING)
            return redirect(
                reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
            )
        return super().response_change(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        """A change form of published content for someone who may not publish it starts from
        the revision waiting for approval, if there is one."""
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if not change or obj is None or self.has_publish_permission(request):
            return form_class
        pending = revisions.pending_revision(obj)
        if pending is None:
            return form_class
        initial = revisions.form_initial(pending, self.model)

        class PendingRevisionForm(form_class):
            def __init__(self, *args, **kwargs):
                kwargs["initial"] = {**initial, **(kwargs.get("initial") or {})}
                super().__init__(*args, **kwargs)

        PendingRevisionForm.__name__ = form_class.__name__
        PendingRevisionForm.pending_revision = pending
        return PendingRevisionForm

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, unquote(object_id))
            pending = obj is not None and revisions.pending_revision(obj)
            if pending and self.has_publish_permission(request):
                self.message_user(
                    request,
                    format_html(
                        '{} <a href="{}">{}</a>',
                        revisions.HAS_PENDING,
                        reverse("admin:newsroom_revision_change", args=[pending.pk]),
                        _("Zur Freigabe"),
                    ),
                    messages.INFO,
                )
            elif pending:
                self.message_user(
                    request,
                    revisions.SHOWS_PENDING.format(
                        date=date_format(
                            timezone.localtime(pending.created_at), "SHORT_DATETIME_FORMAT"
                        ),
                        author=pending.author or revisions.UNKNOWN_AUTHOR,
                    ),
                    messages.INFO,
                )
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("Status"), ordering="status")
    def status_label(self, obj):
        """The status as a small coloured label, narrow enough for a crowded list; a
        scheduled row says from when (Berlin time)."""
        if obj.is_scheduled:
            return format_html(
                '<span class="status-label status-label--scheduled">{}</span>',
                SCHEDULED.format(
                    when=date_format(timezone.localtime(obj.publish_at), "SHORT_DATETIME_FORMAT")
                ),
            )
        return format_html(
            '<span class="status-label status-label--{}">{}</span>',
            obj.status,
            obj.get_status_display(),
        )

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), ScheduleFilter]

    def get_fieldsets(self, request, obj=None):
        """The schedule beside the status, in every editorial form."""
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            fields = list(options.get("fields", ()))
            if "status" in fields and "publish_at" not in fields:
                after = fields.index("published_at" if "published_at" in fields else "status")
                fields[after + 1 : after + 1] = ["publish_at", "unpublish_at"]
            fieldsets.append((name, {**options, "fields": fields}))
        return fieldsets

    @admin.action(description=_("Ausgewählte veröffentlichen"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        count = publish(queryset, user=request.user)
        self.message_user(
            request,
            ngettext("%d Eintrag veröffentlicht.", "%d Einträge veröffentlicht.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Ausgewählte zurück in den Entwurf"), permissions=["change"])
    def move_selected_to_draft(self, request, queryset):
        try:
            count = move_to_draft(queryset, user=request.user)
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(
            request,
            ngettext(
                "%d Eintrag zurück in den Entwurf gesetzt.",
                "%d Einträge zurück in den Entwurf gesetzt.",
                count,
            )
            % count,
            messages.SUCCESS,
        )


class LabelledAutocompleteSelect(AutocompleteSelect):
    """An autocomplete select that shows the selected option from labels its inline has
    already read with the rows, instead of a query per row."""

    labels: dict[str, str] | None = None

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if self.labels is None or not selected <= self.labels.keys():
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        for choice in sorted(selected):
            options.append(
                self.create_option(name, choice, self.labels[choice], selected, len(options))
            )
        return [(None, options, 0)]


class AutocompleteInline(admin.TabularInline):
    """A tabular inline whose autocomplete fields cost no query per row: the related objects
    come with the rows (`select_related`) and label the selects."""

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.autocomplete_fields)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = LabelledAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset_class = super().get_formset(request, obj, **kwargs)
        fields = self.get_autocomplete_fields(request)

        class LabelledFormSet(formset_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name in fields:
                    labels = {}
                    for form in self.forms:
                        related = getattr(form.instance, name, None) if form.instance.pk else None
                        if related is not None:
                            labels[str(related.pk)] = str(related)
                    for form in self.forms:
                        if name in form.fields:
                            widget = form.fields[name].widget
                            getattr(widget, "widget", widget).labels = labels

        return LabelledFormSet


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record the admin shows and never lets anyone add, change or delete, in the
    newsroom's admin styles."""

    class Media:
        css = {"all": ["css/admin.css"]}

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    """Every import that wrote rows, read-only: the rows themselves carry a version each."""

    list_display = ["finished_at", "table", "file_name", "who", "via", "new", "updated", "skipped"]
    list_filter = ["via", "table"]
    search_fields = ["file_name", "user__username"]
    date_hierarchy = "finished_at"
    list_select_related = ["table", "user"]

    @admin.display(description=_("Benutzer/in"), ordering="user__username")
    def who(self, run):
        return run.user or SYSTEM


class RevisionStateFilter(admin.SimpleListFilter):
    """Pending revisions unless asked otherwise: the queue is what waits."""

    title = _("Stand")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [*Revision.State.choices, ("all", _("Alle"))]

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": (self.value() or Revision.State.PENDING) == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or Revision.State.PENDING
        return queryset if value == "all" else queryset.filter(state=value)


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdmin):
    """Freigaben: changes to published content waiting for the Chefredaktion, each with a
    page that compares it with the live version and publishes or discards it. Who may decide
    is the publish permission of the revision's model; both editorial groups may look."""

    list_display = ["target_display", "content_type", "author", "created_at", "state"]
    list_filter = [RevisionStateFilter, "content_type"]
    list_select_related = ["content_type", "author"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        # Each object read with what its name needs (as its own list reads it): a constant
        # number of queries however many revisions are listed.
        targets = []
        for model, model_admin in self.admin_site._registry.items():
            if issubclass(model, Editorial):
                related = model_admin.list_select_related
                queryset = model._default_manager.all()
                if related is True:
                    queryset = queryset.select_related()
                elif related:
                    queryset = queryset.select_related(*related)
                targets.append(queryset)
        return super().get_queryset(request).prefetch_related(GenericPrefetch("target", targets))

    @admin.display(description=_("Eintrag"))
    def target_display(self, revision):
        return revision.target if revision.target is not None else "–"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The review page: the revision against the live version, field by field, and the
        decision."""
        revision = self.get_object(request, unquote(object_id))
        if revision is None or not self.has_view_permission(request, revision):
            raise PermissionDenied
        model = revision.content_type.model_class()
        live = model._default_manager.filter(pk=revision.object_id).first()
        if live is None:
            raise Http404(_("Den Eintrag gibt es nicht mehr."))
        may_decide = revisions.can_decide(request.user, revision)
        if request.method == "POST":
            if not may_decide:
                raise PermissionDenied
            try:
                if "_publish" in request.POST:
                    revisions.publish_revision(revision, user=request.user)
                    self.message_user(request, revisions.PUBLISHED, messages.SUCCESS)
                elif "_discard" in request.POST:
                    revisions.discard_revision(revision, user=request.user)
                    self.message_user(request, revisions.DISCARDED, messages.SUCCESS)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            return redirect("admin:newsroom_revision_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "target_opts": model._meta,
            "title": _("Änderung prüfen"),
            "media": self.media,
            "revision": revision,
            "live": live,
            "changes": revisions.revision_changes(revision, live),
            "inline_changes": revisions.inline_changes(revision),
            "live_changed": revisions.live_changed_since(revision, live),
            "pending": revision.state == Revision.State.PENDING,
            "may_decide": may_decide,
        }
        return TemplateResponse(request, "admin/newsroom/revision_review.html", context)
