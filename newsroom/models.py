from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
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
        """Note an import into `model` that wrote rows."""
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
