import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from events.countries import country_name, is_country_code
from newsroom.editorial import Editorial, EditorialQuerySet, StatementStatus

UNKNOWN_COUNTRY = _("„%(code)s“ ist kein Ländercode nach ISO 3166, z. B. „US“ oder „KP“.")

country_code_validator = RegexValidator(
    r"^[A-Z]{2}$", _("Ländercode nach ISO 3166 mit zwei Großbuchstaben, z. B. „US“ oder „KP“.")
)


def validate_country_code(code: str) -> None:
    if code.isupper() and not is_country_code(code):
        raise ValidationError(UNKNOWN_COUNTRY, params={"code": code}, code="unknown_country")


def country_field(**kwargs) -> models.CharField:
    return models.CharField(
        _("Land"),
        max_length=2,
        validators=[country_code_validator, validate_country_code],
        help_text=_("ISO-3166-Code, z. B. US, KP, VN."),
        **kwargs,
    )


class SummitQuerySet(EditorialQuerySet):
    def upcoming(self, *, today):
        return self.filter(ends_on__gte=today).order_by("starts_on")


def _public_or_unset(field: models.ForeignKey) -> Q:
    """A nullable reference that is empty or points to a row readers may see."""
    return Q(**{f"{field.name}__isnull": True}) | Q(
        **{f"{field.name}__in": field.related_model.objects.public()}
    )


class Summit(Editorial):
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname"), max_length=200, unique=True)
    starts_on = models.DateField(_("Beginn"))
    ends_on = models.DateField(_("Ende"))
    city = models.CharField(_("Stadt"), max_length=100)
    country = country_field()
    venue = models.CharField(_("Tagungsort"), max_length=200, blank=True)
    summary = models.TextField(_("Zusammenfassung"), blank=True)
    outcome = models.TextField(_("Ergebnis"), blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("vorheriger Gipfel"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="following",
        help_text=_("Der Gipfel, auf den dieser folgt (Hanoi 2019 folgt auf Singapur 2018)."),
    )

    objects = SummitQuerySet.as_manager()
    history = HistoricalRecords(no_db_index=["slug", "status", "previous"])

    class Meta:
        verbose_name = _("Gipfel")
        verbose_name_plural = _("Gipfel")
        ordering = ["-starts_on", "title"]
        permissions = [
            ("publish_summit", _("Darf Gipfel veröffentlichen")),
            ("import_summit", _("Darf Gipfel importieren")),
            ("export_summit", _("Darf Gipfel exportieren")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__lte=F("ends_on")), name="summit_dates_in_order"
            ),
            models.CheckConstraint(
                condition=~Q(previous=F("pk")), name="summit_not_its_own_previous"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:summit-detail", args=[self.slug])

    @property
    def country_name(self) -> str:
        return country_name(self.country)


class Person(Editorial):
    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzname"), max_length=200, unique=True)
    aliases = models.TextField(
        _("andere Schreibweisen"),
        blank=True,
        help_text=_(
            "Eine je Zeile: wie Texte die Person noch nennen, z. B. „Trump“, „US-Präsident“."
        ),
    )
    country = country_field(blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)

    history = HistoricalRecords(no_db_index=["slug", "status"])

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["name"]
        permissions = [
            ("publish_person", _("Darf Personen veröffentlichen")),
            ("import_person", _("Darf Personen importieren")),
            ("export_person", _("Darf Personen exportieren")),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("events:person-detail", args=[self.slug])

    @property
    def country_name(self) -> str:
        return country_name(self.country)

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class TopicQuerySet(models.QuerySet):
    def public(self):
        # Topics have no editorial status: a topic is a label, public with what it labels.
        return self.all()


class Topic(models.Model):
    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(_("Kurzname"), max_length=100, unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)

    objects = TopicQuerySet.as_manager()
    history = HistoricalRecords(no_db_index=["name", "slug"])

    class Meta:
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        ordering = ["name"]
        permissions = [
            ("import_topic", _("Darf Themen importieren")),
            ("export_topic", _("Darf Themen exportieren")),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("events:topic-detail", args=[self.slug])


class DelegationQuerySet(EditorialQuerySet):
    def public(self):
        return super().public().filter(summit__in=Summit.objects.public())


class Delegation(Editorial):
    summit = models.ForeignKey(
        Summit, verbose_name=_("Gipfel"), on_delete=models.CASCADE, related_name="delegations"
    )
    country = country_field()
    leader = models.ForeignKey(
        Person,
        verbose_name=_("Leitung"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_delegations",
    )
    notes = models.TextField(_("Anmerkungen"), blank=True)

    objects = DelegationQuerySet.as_manager()
    history = HistoricalRecords(no_db_index=["status", "summit", "leader"])

    class Meta:
        verbose_name = _("Delegation")
        verbose_name_plural = _("Delegationen")
        ordering = ["summit", "country"]
        permissions = [
            ("publish_delegation", _("Darf Delegationen veröffentlichen")),
            ("import_delegation", _("Darf Delegationen importieren")),
            ("export_delegation", _("Darf Delegationen exportieren")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["summit", "country"],
                name="one_delegation_per_country_per_summit",
                violation_error_message=_(
                    "Dieses Land hat bei diesem Gipfel schon eine Delegation."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country_name} – {self.summit}"

    def get_absolute_url(self) -> str:
        # Reads the summit: callers hand over delegations with it (`select_related`, or
        # prefetched from the summit), never one query per delegation.
        return reverse("events:delegation-detail", args=[self.summit.slug, self.country.lower()])

    @property
    def country_name(self) -> str:
        return country_name(self.country)


class DelegationMemberQuerySet(models.QuerySet):
    def public(self):
        return self.filter(
            person__in=Person.objects.public(), delegation__in=Delegation.objects.public()
        )


class DelegationMember(models.Model):
    delegation = models.ForeignKey(
        Delegation, verbose_name=_("Delegation"), on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("Rolle"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )

    objects = DelegationMemberQuerySet.as_manager()
    history = HistoricalRecords(no_db_index=["delegation", "person"])

    class Meta:
        verbose_name = _("Delegationsmitglied")
        verbose_name_plural = _("Delegationsmitglieder")
        ordering = ["delegation", "position", "person__name"]
        permissions = [
            ("import_delegationmember", _("Darf Delegationsmitglieder importieren")),
            ("export_delegationmember", _("Darf Delegationsmitglieder exportieren")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "person"],
                name="one_membership_per_person_per_delegation",
                violation_error_message=_("Diese Person gehört der Delegation schon an."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.role})" if self.role else str(self.person)


class StatementQuerySet(EditorialQuerySet):
    def public(self):
        """Published, of a public summit, and every speaker, delegation and source it names
        public: a statement never shows what readers may not see."""
        references = [
            self.model._meta.get_field(name) for name in ("speaker", "delegation", "source")
        ]
        return (
            super()
            .public()
            .filter(
                *(_public_or_unset(field) for field in references),
                summit__in=Summit.objects.public(),
            )
        )


# The history is read by object and date: the other columns' indexes only cost each version's
# write (an import writes one per row).
UNINDEXED_IN_HISTORY = ["status", "key", "summit", "speaker", "delegation", "source"]

# What a reader relies on in a statement: changing it after publication is a correction.
CORRECTED_FIELDS = {
    "text": _("Text geändert"),
    "speaker_id": _("Sprecher/in geändert"),
    "source_id": _("Quelle geändert"),
}


class Statement(Editorial):
    class Kind(models.TextChoices):
        DIRECT = "direct", _("Wörtliches Zitat")
        FRAGMENT = "fragment", _("Zitatfragment")
        INDIRECT = "indirect", _("Indirekte Rede")
        WRITTEN = "written", _("Schriftlich")

    status = models.CharField(
        _("Status"),
        max_length=16,
        choices=StatementStatus.choices,
        default=StatementStatus.DRAFT,
        db_index=True,
    )
    key = models.UUIDField(
        _("Schlüssel"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_(
            "Bleibt, wenn sich Text oder Sprecher ändern: eine bearbeitete Tabelle findet "
            "die Aussage daran wieder."
        ),
    )
    summit = models.ForeignKey(
        Summit, verbose_name=_("Gipfel"), on_delete=models.CASCADE, related_name="statements"
    )
    speaker = models.ForeignKey(
        Person,
        verbose_name=_("Sprecher/in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
    )
    speaker_label = models.CharField(
        _("Sprecher/in laut Text"),
        max_length=200,
        blank=True,
        help_text=_("Der Name, wie ihn der Text nennt."),
    )
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("Delegation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
    )
    text = models.TextField(_("Text"))
    kind = models.CharField(_("Art"), max_length=16, choices=Kind.choices, default=Kind.DIRECT)
    said_on = models.DateField(_("gesagt am"), null=True, blank=True)
    context = models.TextField(_("Zusammenhang"), blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("Themen"), blank=True, related_name="statements"
    )
    source = models.ForeignKey(
        "sources.SourceArticle",
        verbose_name=_("Quelle"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
    )
    source_start = models.PositiveIntegerField(_("Beginn in der Quelle"), null=True, blank=True)
    source_end = models.PositiveIntegerField(_("Ende in der Quelle"), null=True, blank=True)
    confidence = models.FloatField(
        _("Sicherheit"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("Wie sicher sich der Import war (0 bis 1)."),
    )
    corrected_at = models.DateTimeField(_("korrigiert am"), null=True, blank=True, editable=False)
    correction_note = models.CharField(
        _("Korrekturhinweis"),
        max_length=300,
        blank=True,
        help_text=_(
            "Für Leser/innen, wenn Text, Sprecher/in oder Quelle einer veröffentlichten "
            "Aussage geändert werden. Leer: ein Hinweis, was geändert wurde (z. B. "
            "„Text geändert“)."
        ),
    )

    objects = StatementQuerySet.as_manager()
    # Topics are part of each version: a change of topics is a change of the statement.
    history = HistoricalRecords(m2m_fields=[topics], no_db_index=UNINDEXED_IN_HISTORY)

    class Meta:
        verbose_name = _("Aussage")
        verbose_name_plural = _("Aussagen")
        ordering = ["-said_on", "-pk"]
        permissions = [
            ("publish_statement", _("Darf Aussagen veröffentlichen")),
            ("import_statement", _("Darf Aussagen importieren")),
            ("export_statement", _("Darf Aussagen exportieren")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(source_start__isnull=True)
                | Q(source_end__isnull=True)
                | Q(source_start__lte=F("source_end")),
                name="statement_source_span_in_order",
            ),
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__gte=0.0, confidence__lte=1.0),
                name="statement_confidence_between_0_and_1",
            ),
        ]

    @property
    def has_source_span(self) -> bool:
        return (
            self.source_id is not None
            and self.source_start is not None
            and self.source_end is not None
        )

    @property
    def matches_source(self) -> bool | None:
        """Whether the text still reads exactly as the source passage it points to (None when
        it points to none)."""
        if not self.has_source_span:
            return None
        return self.source.body[self.source_start : self.source_end] == self.text

    def align_to_source(self) -> None:
        """After an edit, point the span at the text's place in the source if the source has
        it exactly once; otherwise keep the span, and `matches_source` tells it was edited."""
        if not self.has_source_span or self.matches_source:
            return
        body = self.source.body
        first = body.find(self.text)
        if first != -1 and body.find(self.text, first + 1) == -1:
            self.source_start, self.source_end = first, first + len(self.text)

    def clean(self) -> None:
        super().clean()
        self.align_to_source()

    def get_absolute_url(self) -> str:
        return reverse("events:statement-detail", args=[self.pk])

    def save(self, *args, **kwargs):
        if self.note_correction() and kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "corrected_at",
                "correction_note",
            }
        super().save(*args, **kwargs)

    def note_correction(self) -> bool:
        """A published statement whose text, speaker or source changes carries a public
        correction note: the editor's, if this change wrote one, else what changed."""
        if self.pk is None or not self.is_published:
            return False
        stored = (
            type(self)
            ._default_manager.filter(pk=self.pk)
            .values("status", "correction_note", *CORRECTED_FIELDS)
            .first()
        )
        if stored is None or stored["status"] != StatementStatus.PUBLISHED:
            return False
        changed = [name for name in CORRECTED_FIELDS if getattr(self, name) != stored[name]]
        if not changed:
            return False
        self.corrected_at = timezone.now()
        if not self.correction_note or self.correction_note == stored["correction_note"]:
            with translation.override(settings.LANGUAGE_CODE):
                self.correction_note = ", ".join(str(CORRECTED_FIELDS[name]) for name in changed)
        return True

    def __str__(self) -> str:
        speaker = self.speaker.name if self.speaker_id else self.speaker_label or "?"
        excerpt = self.text if len(self.text) <= 60 else f"{self.text[:59]}…"
        return f"{speaker}: „{excerpt}“"
