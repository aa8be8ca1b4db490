"""Admin behaviour shared by every publishable model: the publish and back-to-draft actions
and the rule that only holders of the publish permission can set or leave `published`."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from newsroom.editorial import CANNOT_PUBLISH, Status, can_publish, move_to_draft, publish


class PublishPermissionMixin:
    """For model admins and inlines alike: `published` is only offered to those who may
    publish, and a published row's status is read-only for everyone else."""

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


class EditorialAdmin(PublishPermissionMixin, admin.ModelAdmin):
    actions = ["publish_selected", "move_selected_to_draft"]

    def save_model(self, request, obj, form, change):
        if (
            "status" in form.changed_data
            and obj.is_published
            and not self.has_publish_permission(request)
        ):
            raise PermissionDenied(CANNOT_PUBLISH)
        super().save_model(request, obj, form, change)

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
