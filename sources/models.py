from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from newsroom.editorial import Editorial

NOT_A_WEB_ADDRESS = _(
    "Nur Webadressen mit http:// oder https:// sind erlaubt, z. B. „https://www.mdr.de/…“."
)

# Readers follow this address: no `javascript:`, `data:` or `ftp:`, whatever else a URL may be.
# A code of its own, so that forms show this message rather than their own for "invalid".
web_address_validator = URLValidator(
    schemes=["http", "https"], message=NOT_A_WEB_ADDRESS, code="not_a_web_address"
)


class SourceArticle(Editorial):
    title = models.CharField(_("Titel"), max_length=300)
    slug = models.SlugField(_("Kurzname"), max_length=300, unique=True)
    kicker = models.CharField(_("Dachzeile"), max_length=200, blank=True)
    publisher = models.CharField(_("Medium"), max_length=200, blank=True)
    author = models.CharField(_("Autor/in"), max_length=200, blank=True)
    url = models.URLField(
        _("Adresse"), max_length=500, blank=True, validators=[web_address_validator]
    )
    published_on = models.DateField(_("erschienen am"), null=True, blank=True)
    dateline = models.CharField(_("Ortsmarke"), max_length=100, blank=True)
    language = models.CharField(_("Sprache"), max_length=8, default="de")
    body = models.TextField(_("bereinigter Text"))
    original = models.TextField(_("Originaltext"), blank=True, editable=False)
    checksum = models.CharField(
        _("Prüfsumme"),
        max_length=64,
        unique=True,
        editable=False,
        help_text=_("SHA-256 des normalisierten Textes: derselbe Text wird nur einmal angelegt."),
    )
    filename = models.CharField(_("Dateiname"), max_length=300, blank=True)
    summits = models.ManyToManyField(
        "events.Summit", verbose_name=_("Gipfel"), blank=True, related_name="sources"
    )
    removed = models.JSONField(
        _("entfernte Teile"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("Was der Import aus dem Text entfernt hat, mit Grund."),
    )

    # The file as imported and what the import cut never change: the history leaves them out.
    # Summits are part of each version: a change of summits is a change of the article.
    history = HistoricalRecords(
        excluded_fields=["original", "removed"],
        m2m_fields=[summits],
        # Read by object and date: the other columns' indexes only cost each write.
        no_db_index=["slug", "status", "checksum"],
    )

    class Meta:
        verbose_name = _("Quellartikel")
        verbose_name_plural = _("Quellartikel")
        ordering = ["-published_on", "title"]
        permissions = [
            ("publish_sourcearticle", _("Darf Quellartikel veröffentlichen")),
            ("import_sourcearticle", _("Darf Quellartikel importieren")),
            ("export_sourcearticle", _("Darf Quellartikel exportieren")),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("sources:source-detail", args=[self.slug])

    @property
    def link_url(self) -> str:
        """The address as a link for readers, or "": a row written past the validator, straight
        to the database, must not become a `javascript:` link."""
        try:
            web_address_validator(self.url)
        except ValidationError:
            return ""
        return self.url
