"""The reader-facing filters. Parameter names are German and part of the shareable URLs."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models import Delegation, Person, Statement, Summit, Topic
from events.templatetags.countries import country_name


def delegation_countries() -> list[tuple[str, str]]:
    codes = (
        Delegation.objects.public()
        .order_by("country")
        .values_list("country", flat=True)
        .distinct()
    )
    return [(code, country_name(code)) for code in codes]


def summit_countries() -> list[tuple[str, str]]:
    codes = Summit.objects.public().order_by("country").values_list("country", flat=True)
    return [(code, country_name(code)) for code in dict.fromkeys(codes)]


def summit_cities() -> list[tuple[str, str]]:
    cities = Summit.objects.public().order_by("city").values_list("city", flat=True)
    return [(city, city) for city in dict.fromkeys(cities)]


def summit_years() -> list[tuple[str, str]]:
    years = Summit.objects.public().dates("starts_on", "year", order="DESC")
    return [(str(day.year), str(day.year)) for day in years]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class StatementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Text enthält"), method="filter_text", widget=forms.SearchInput
    )
    gipfel = django_filters.ModelChoiceFilter(
        label=pgettext_lazy("ein Gipfel", "Gipfel"),
        field_name="summit",
        to_field_name="slug",
        queryset=Summit.objects.public().order_by("-starts_on"),
        empty_label=_("alle Gipfel"),
    )
    person = django_filters.ModelChoiceFilter(
        label=_("Person"),
        field_name="speaker",
        to_field_name="slug",
        queryset=Person.objects.public().order_by("name"),
        empty_label=_("alle Personen"),
    )
    land = django_filters.ChoiceFilter(
        label=_("Land der Delegation"),
        field_name="delegation__country",
        choices=delegation_countries,
        empty_label=_("alle Länder"),
    )
    thema = django_filters.ModelChoiceFilter(
        label=_("Thema"),
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.public().order_by("name"),
        empty_label=_("alle Themen"),
    )
    art = django_filters.ChoiceFilter(
        label=_("Art"),
        field_name="kind",
        choices=Statement.Kind.choices,
        empty_label=_("alle Arten"),
    )
    von = django_filters.DateFilter(
        label=_("gesagt ab"), field_name="said_on", lookup_expr="gte", widget=DateInput
    )
    bis = django_filters.DateFilter(
        label=_("gesagt bis"), field_name="said_on", lookup_expr="lte", widget=DateInput
    )
    sortierung = django_filters.OrderingFilter(
        label=_("Sortierung"),
        fields=(("said_on", "datum"), ("speaker__name", "person")),
        # Ascending choices are labelled by field, descending ones by parameter ("-datum"):
        # a descending label missing here would read "… (absteigend)".
        field_labels={
            "said_on": _("Datum (älteste zuerst)"),
            "-datum": _("Datum (neueste zuerst)"),
            "speaker__name": _("Person (A–Z)"),
            "-person": _("Person (Z–A)"),
        },
        empty_label=_("neueste zuerst"),
    )

    class Meta:
        model = Statement
        fields = []

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(text__icontains=value) | Q(context__icontains=value))

    @property
    def qs(self):
        queryset = super().qs
        if queryset.query.order_by:
            # A tie-break keeps the pages stable when many statements share a date or speaker.
            queryset = queryset.order_by(*queryset.query.order_by, "-pk")
        return queryset


class PersonStatementFilter(StatementFilter):
    """The statement filter on a person page, where the person is already chosen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.filters["person"]


class SummitFilter(django_filters.FilterSet):
    jahr = django_filters.ChoiceFilter(
        label=_("Jahr"),
        field_name="starts_on__year",
        choices=summit_years,
        empty_label=_("alle Jahre"),
    )
    land = django_filters.ChoiceFilter(
        label=_("Land"),
        field_name="country",
        choices=summit_countries,
        empty_label=_("alle Länder"),
    )
    stadt = django_filters.ChoiceFilter(
        label=_("Stadt"), field_name="city", choices=summit_cities, empty_label=_("alle Städte")
    )

    class Meta:
        model = Summit
        fields = []
