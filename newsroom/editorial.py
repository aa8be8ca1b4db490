"""The editorial status shared by everything that can be published.

Publishing is a permission (`<app>.publish_<model>`), held by the Chefredaktion group; the
Redaktion may write and revise but not put anything in front of readers.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce, Greatest, Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom import pagecache
from newsroom.history import ADMIN_ACTION, record_changed_rows

SCHEDULE_OUT_OF_ORDER = _("„Online bis“ muss nach „online ab“ liegen.")
CANNOT_PUBLISH = _("Sie dürfen nicht veröffentlichen: dazu fehlt Ihnen die Berechtigung.")
CANNOT_UNPUBLISH = _(
    "Sie dürfen Veröffentlichtes nicht zurückziehen: dazu fehlt Ihnen die Berechtigung."
)


class Status(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    REVIEW = "review", _("In Prüfung")
    PUBLISHED = "published", _("Veröffentlicht")


class StatementStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Vorgeschlagen")
    DRAFT = "draft", _("Entwurf")
    REVIEW = "review", _("In Prüfung")
    PUBLISHED = "published", _("Veröffentlicht")
    REJECTED = "rejected", _("Abgelehnt")


class EditorialQuerySet(models.QuerySet):
    """Two questions with two answers.

    `published()` is the status alone, as editors set it and the admin filters by it.
    `public()` is what a reader may see: the row published *and* every row it shows or names
    published too (a statement's summit, speaker, delegation and source). Every public page,
    feed, sitemap, search, JSON-LD graph and CSV reads through `public()`, never through
    `published()`; a model whose rows stand on no other row has the two the same.
    """

    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def public(self):
        """Published, and within its schedule: not before `publish_at`, not from
        `unpublish_at` on (to the second, whenever the scheduling job last ran)."""
        return self.published().filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=Now()),
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=Now()),
        )

    def scheduled(self):
        """Published, waiting for its `publish_at`."""
        return self.published().filter(publish_at__gt=Now())


class Editorial(models.Model):
    status = models.CharField(
        _("Status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("erstmals veröffentlicht"), null=True, blank=True, editable=False
    )
    publish_at = models.DateTimeField(
        _("online ab"),
        null=True,
        blank=True,
        help_text=_(
            "Geplante Veröffentlichung (Berliner Zeit): ein veröffentlichter Eintrag ist erst "
            "ab dann für Leserinnen und Leser sichtbar. Leer: sofort."
        ),
    )
    unpublish_at = models.DateTimeField(
        _("online bis"),
        null=True,
        blank=True,
        help_text=_(
            "Ab dann nicht mehr sichtbar (Berliner Zeit); der Eintrag geht danach zurück in "
            "den Entwurf. Leer: unbegrenzt."
        ),
    )
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    objects = EditorialQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def is_scheduled(self) -> bool:
        return (
            self.is_published and self.publish_at is not None and self.publish_at > timezone.now()
        )

    def clean(self) -> None:
        super().clean()
        if self.publish_at and self.unpublish_at and self.unpublish_at <= self.publish_at:
            raise ValidationError({"unpublish_at": SCHEDULE_OUT_OF_ORDER})

    def save(self, *args, **kwargs):
        if self.is_published and self.published_at is None:
            # First published when readers first see it.
            self.published_at = max(timezone.now(), self.publish_at or timezone.now())
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        super().save(*args, **kwargs)


def publish_permission(model: type[models.Model]) -> str:
    return f"{model._meta.app_label}.publish_{model._meta.model_name}"


def can_publish(user, model: type[models.Model]) -> bool:
    return user.has_perm(publish_permission(model))


def preview_permissions() -> list[str]:
    """Viewing every editorial model in the admin: who may, may also see drafts on the site."""
    return [
        f"{model._meta.app_label}.view_{model._meta.model_name}"
        for model in apps.get_models()
        if issubclass(model, Editorial)
    ]


def can_preview(user) -> bool:
    """Whether the public pages show `user` drafts. Being staff is not enough: a staff account
    without the editorial view permissions sees what every reader sees."""
    return user.is_staff and user.has_perms(preview_permissions())


def publish(queryset: models.QuerySet, *, user) -> int:
    """Publish the rows of `queryset`; the first publication date of each is kept."""
    if not can_publish(user, queryset.model):
        raise PermissionDenied(CANNOT_PUBLISH)
    return mark_published(queryset, user=user)


def mark_published(queryset: models.QuerySet, *, user=None) -> int:
    """Publish; without a user for trusted callers such as the demo loader."""
    return _change_status(
        queryset.exclude(status=Status.PUBLISHED),
        user=user,
        action=_("Veröffentlichen"),
        status=Status.PUBLISHED,
        # First published when readers first see it: now, or at its scheduled time.
        published_at=Coalesce("published_at", Greatest(Now(), Coalesce("publish_at", Now()))),
    )


def move_to_draft(queryset: models.QuerySet, *, user) -> int:
    """Send rows back to draft; taking published rows offline needs the publish permission."""
    if queryset.filter(status=Status.PUBLISHED).exists() and not can_publish(user, queryset.model):
        raise PermissionDenied(CANNOT_UNPUBLISH)
    return _change_status(
        queryset.exclude(status=Status.DRAFT),
        user=user,
        action=_("Zurück in den Entwurf"),
        status=Status.DRAFT,
    )


def accept_suggestions(queryset: models.QuerySet, *, user) -> int:
    """Take suggested statements into editing: they become drafts."""
    return _change_status(
        queryset.filter(status=StatementStatus.SUGGESTED),
        user=user,
        action=_("Vorschlag annehmen"),
        status=StatementStatus.DRAFT,
    )


def reject(queryset: models.QuerySet, *, user) -> int:
    """Mark statements as wrongly suggested; taking published ones offline needs the
    publish permission."""
    if queryset.filter(status=Status.PUBLISHED).exists() and not can_publish(user, queryset.model):
        raise PermissionDenied(CANNOT_UNPUBLISH)
    return _change_status(
        queryset.exclude(status=StatementStatus.REJECTED),
        user=user,
        action=_("Ablehnen"),
        status=StatementStatus.REJECTED,
    )


def _change_status(queryset: models.QuerySet, *, user, action, **values) -> int:
    """One UPDATE for all rows, and a version in each changed row's history."""
    with transaction.atomic():
        pks = list(queryset.values_list("pk", flat=True))
        changed = queryset.model._default_manager.filter(pk__in=pks).update(
            **values, updated_at=Now()
        )
        if hasattr(queryset.model, "history"):
            record_changed_rows(
                queryset, pks, user=user, reason=ADMIN_ACTION.format(action=action)
            )
        if changed:
            pagecache.bump()
    return changed


def apply_schedule(*, now=None) -> tuple[int, int]:
    """Carry out the schedule up to `now`: rows whose `publish_at` has come are online (their
    `publish_at` is cleared, with a version in their history); published rows whose
    `unpublish_at` has come go back to draft. Readers never depended on this having run
    (`public()` reads the times); it keeps the record and the admin's lists true. Returns
    (went online, withdrawn)."""
    now = now or timezone.now()
    online = withdrawn = 0
    for model in apps.get_models():
        if not issubclass(model, Editorial):
            continue
        rows = model._default_manager.filter(status=Status.PUBLISHED)
        online += _change_status(
            rows.filter(publish_at__lte=now),
            user=None,
            action=_("Zeitplan: online"),
            publish_at=None,
        )
        withdrawn += _change_status(
            rows.filter(unpublish_at__lte=now),
            user=None,
            action=_("Zeitplan: zurückgezogen"),
            status=Status.DRAFT,
            unpublish_at=None,
        )
    return online, withdrawn
