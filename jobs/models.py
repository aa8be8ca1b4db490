from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """Work that runs outside the request (an import, an export) as an editor sees it: what it
    is, how far it got, how it ended. The task queue (django-tasks) runs it; this row is what
    outlives the browser tab."""

    class Kind(models.TextChoices):
        ARTICLE_IMPORT = "article_import", _("Artikel-Import")
        EXPORT = "export", _("Export")
        SPREADSHEET_IMPORT = "spreadsheet_import", _("Tabellen-Import")

    class State(models.TextChoices):
        QUEUED = "queued", _("wartet")
        RUNNING = "running", _("läuft")
        DONE = "done", _("fertig")
        FAILED = "failed", _("fehlgeschlagen")
        CANCELLED = "cancelled", _("abgebrochen")

    FINISHED = (State.DONE, State.FAILED, State.CANCELLED)

    kind = models.CharField(_("Art"), max_length=32, choices=Kind.choices)
    label = models.CharField(_("Gegenstand"), max_length=300, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Benutzer/in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    state = models.CharField(
        _("Stand"), max_length=16, choices=State.choices, default=State.QUEUED, db_index=True
    )
    params = models.JSONField(_("Angaben"), default=dict, blank=True)
    done = models.PositiveIntegerField(_("erledigt"), default=0)
    total = models.PositiveIntegerField(_("insgesamt"), null=True, blank=True)
    unit = models.CharField(_("Einheit"), max_length=32, blank=True)
    result = models.JSONField(_("Ergebnis"), default=dict, blank=True)
    cancel_requested = models.BooleanField(_("Abbruch verlangt"), default=False)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    started_at = models.DateTimeField(_("begonnen"), null=True, blank=True)
    finished_at = models.DateTimeField(_("beendet"), null=True, blank=True)

    class Meta:
        verbose_name = _("Auftrag")
        verbose_name_plural = _("Aufträge")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display()}: {self.label}" if self.label else self.get_kind_display()
        )

    def get_absolute_url(self) -> str:
        return reverse("admin:jobs_job_change", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.state in self.FINISHED

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, round(100 * self.done / self.total))
