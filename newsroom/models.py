from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SYSTEM = _("System")


class ImportRun(models.Model):
    """One import that wrote rows: of which table, from which file, by whom, with what
    result. The rows it wrote carry a version each in their own history."""

    class Via(models.TextChoices):
        ADMIN = "admin", _("Verwaltung")
        COMMAND = "command", _("Kommandozeile")

    table = models.ForeignKey(
        ContentType, verbose_name=_("Tabelle"), on_delete=models.CASCADE, related_name="+"
    )
    file_name = models.CharField(_("Datei"), max_length=300, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Benutzer/in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    via = models.CharField(_("über"), max_length=16, choices=Via.choices)
    finished_at = models.DateTimeField(_("abgeschlossen"), auto_now_add=True)
    new = models.PositiveIntegerField(_("neu"), default=0)
    updated = models.PositiveIntegerField(_("geändert"), default=0)
    skipped = models.PositiveIntegerField(_("unverändert"), default=0)

    class Meta:
        verbose_name = _("Importlauf")
        verbose_name_plural = _("Importläufe")
        ordering = ["-finished_at", "-pk"]

    @classmethod
    def record(cls, *, model, file_name: str, user, via: str, new: int, updated=0, skipped=0):
        """Note an import into `model` that wrote rows: what readers may see may have
        changed (the imports write in bulk, past the signals that note a save)."""
        from newsroom import pagecache

        pagecache.bump()
        field = cls._meta.get_field("file_name")
        return cls.objects.create(
            table=ContentType.objects.get_for_model(model),
            file_name=file_name[-field.max_length :],
            user=user,
            via=via,
            new=new,
            updated=updated,
            skipped=skipped,
        )

    def __str__(self) -> str:
        who = self.user or SYSTEM
        return f"{self.table.name}: {self.file_name} ({who}, {self.finished_at:%d.%m.%Y %H:%M})"


class Revision(models.Model):
    """A change to published content by someone who may not publish it: the proposed field
    values wait here, the live row stays as it was, until the Chefredaktion publishes or
    discards them (see newsroom/revisions.py)."""

    class State(models.TextChoices):
        PENDING = "pending", _("wartet auf Freigabe")
        PUBLISHED = "published", _("veröffentlicht")
        DISCARDED = "discarded", _("verworfen")
        SUPERSEDED = "superseded", _("durch eine neuere Fassung ersetzt")

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("Art"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("Objekt-ID"))
    target = GenericForeignKey("content_type", "object_id")
    # Field name -> proposed value as JSON (foreign keys and many-to-many as ids), only the
    # fields that differ from the live row; `base` holds the live values they replace.
    values = models.JSONField(_("vorgeschlagene Werte"), default=dict, encoder=DjangoJSONEncoder)
    base = models.JSONField(_("Werte bei Einreichung"), default=dict, encoder=DjangoJSONEncoder)
    # Rows of inlines: [{"model": "events.delegation", "pk": 3 | None, "values": {...},
    # "delete": false}].
    inlines = models.JSONField(_("geänderte Zeilen"), default=list, encoder=DjangoJSONEncoder)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eingereicht von"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("eingereicht"), auto_now_add=True)
    state = models.CharField(
        _("Stand"), max_length=16, choices=State.choices, default=State.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entschieden von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("entschieden"), null=True, blank=True)

    class Meta:
        verbose_name = _("Freigabe")
        verbose_name_plural = _("Freigaben")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "state"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(state="pending"),
                name="one_pending_revision_per_object",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.name} {self.object_id} ({self.get_state_display()})"


class PublicVersion(models.Model):
    """One row counting the changes to what readers may see: every write to content (a save,
    a bulk action, an import, the schedule) moves it on, in the same transaction. Cached
    public pages are kept under this number (newsroom.pagecache), so a change makes every
    page fresh at once, in every process, whatever the cache."""

    number = models.BigIntegerField(_("Stand"), default=0)
    changed_at = models.DateTimeField(_("geändert"), default=timezone.now)
    # The next time a scheduled row goes online or offline: from then until the scheduling
    # job has moved the number on, pages are not taken from the cache.
    next_boundary = models.DateTimeField(_("nächster Zeitplan"), null=True, blank=True)

    class Meta:
        verbose_name = _("Stand der Website")
        verbose_name_plural = _("Stand der Website")
