"""Spreadsheet columns of the events models and their import-export Resources.

Rows are identified by natural keys, never database ids: a summit, person or topic by its
slug, a delegation by summit and country, a member by delegation and person, a statement by
summit, speaker and text. The columns are documented in docs/csv.md.
"""

from django.utils.translation import gettext_lazy as _

from events.models import Delegation, DelegationMember, Person, Statement, Summit, Topic
from newsroom.importexport import resource_for
from newsroom.tables import (
    NOT_FOUND,
    ChoiceColumn,
    Column,
    DateColumn,
    DecimalColumn,
    IntegerColumn,
    LinesColumn,
    ManyColumn,
    PersonResolver,
    RefColumn,
    Resolver,
    Table,
)

SUMMIT_ENDS_BEFORE_IT_STARTS = _("das Ende liegt vor dem Beginn ({starts_on})")
SUMMIT_FOLLOWS_ITSELF = _("ein Gipfel kann nicht auf sich selbst folgen")
SPAN_OUT_OF_ORDER = _("das Ende liegt vor dem Beginn in der Quelle ({start})")
TOPIC_NAME_TAKEN = _("den Namen trägt schon das Thema '{slug}'")
DELEGATION_OF_OTHER_SUMMIT = _("die Delegation '{value}' gehört zu einem anderen Gipfel")
DELEGATION_FORMAT = _("Delegation als 'gipfel-kurzname/LAND' angeben, z. B. 'hanoi-2019/US'")


def summits() -> Resolver:
    return Resolver(Summit, noun="kein Gipfel")


def people() -> Resolver:
    return PersonResolver(Person)


def topics() -> Resolver:
    return Resolver(Topic, noun="kein Thema")


def source_articles() -> Resolver:
    from sources.models import SourceArticle

    return Resolver(SourceArticle, noun="keine Quelle")


class CountryColumn(Column):
    def parse(self, cell, *, values):
        return super().parse(str(cell).upper(), values=values)


class DelegationResolver(Resolver):
    """A delegation by (summit primary key, country)."""

    def __init__(self):
        super().__init__(Delegation, noun="keine Delegation")
        self.summits = summits()

    @property
    def cache(self):
        if self._cache is None:
            self._cache = {
                (summit, country): pk
                for summit, country, pk in Delegation.objects.values_list(
                    "summit_id", "country", "pk"
                )
            }
        return self._cache


class DelegationColumn(RefColumn):
    """`hanoi-2019/US`; in a statement row the country alone means the row's summit."""

    def __init__(self, name: str, **kwargs):
        super().__init__(name, resolver=DelegationResolver, **kwargs)

    def parse(self, cell, *, values):
        text = str(cell).strip()
        slug, _, country = text.rpartition("/")
        country = country.strip().upper()
        if slug:
            summit = self.resolver.summits.resolve(slug.strip())
            if values.get("summit", summit) != summit:
                raise ValueError(DELEGATION_OF_OTHER_SUMMIT.format(value=text))
        elif values.get("summit"):
            summit = values["summit"]
        else:
            raise ValueError(DELEGATION_FORMAT)
        try:
            return self.resolver.cache[(summit, country)]
        except KeyError:
            raise ValueError(NOT_FOUND.format(noun=self.resolver.noun, value=text)) from None

    def export(self, instance):
        delegation = getattr(instance, self.name)
        return None if delegation is None else f"{delegation.summit.slug}/{delegation.country}"


def status_column() -> ChoiceColumn:
    return ChoiceColumn("status")


class SummitTable(Table):
    model = Summit
    key = ["slug"]
    select_related = ["previous"]
    export_ordering = ["starts_on", "slug"]
    columns = [
        Column("slug", required=True),
        Column("title", required=True),
        DateColumn("starts_on", required=True),
        DateColumn("ends_on", required=True),
        Column("city", required=True),
        CountryColumn("country", required=True),
        Column("venue"),
        Column("summary"),
        Column("outcome"),
        RefColumn("previous", resolver=summits),
        status_column(),
    ]

    @property
    def previous(self) -> Resolver:
        return self.by_name["previous"].resolver

    def check(self, values, existing):
        starts_on = self.value("starts_on", values, existing)
        ends_on = self.value("ends_on", values, existing)
        if starts_on and ends_on and ends_on < starts_on:
            yield "ends_on", SUMMIT_ENDS_BEFORE_IT_STARTS.format(starts_on=starts_on)
        previous = values.get("previous")
        if existing is not None and previous is not None and previous == existing.pk:
            yield "previous", SUMMIT_FOLLOWS_ITSELF

    def queued(self, values):
        # A later row may name this summit as its `previous` before it is written.
        if values["slug"] not in self.previous.cache:
            self.previous.pending.add(values["slug"])

    def written(self, instances):
        for summit in instances:
            self.previous.add(summit.slug, summit.pk)


class PersonTable(Table):
    model = Person
    key = ["slug"]
    columns = [
        Column("slug", required=True),
        Column("name", required=True),
        LinesColumn("aliases"),
        CountryColumn("country"),
        Column("description"),
        status_column(),
    ]


class TopicTable(Table):
    model = Topic
    key = ["slug"]
    columns = [
        Column("slug", required=True),
        Column("name", required=True),
        Column("description"),
    ]

    def __init__(self):
        super().__init__()
        self.names = {name: slug for name, slug in Topic.objects.values_list("name", "slug")}

    def check(self, values, existing):
        owner = self.names.get(values.get("name"))
        if owner is not None and owner != values["slug"]:
            yield "name", TOPIC_NAME_TAKEN.format(slug=owner)

    def written(self, instances):
        self.names.update((topic.name, topic.slug) for topic in instances)


class DelegationTable(Table):
    model = Delegation
    key = ["summit", "country"]
    select_related = ["summit", "leader"]
    columns = [
        RefColumn("summit", resolver=summits, required=True),
        CountryColumn("country", required=True),
        RefColumn("leader", resolver=people),
        Column("notes"),
        status_column(),
    ]


class DelegationMemberTable(Table):
    model = DelegationMember
    key = ["delegation", "person"]
    select_related = ["delegation__summit", "person"]
    columns = [
        DelegationColumn("delegation", required=True),
        RefColumn("person", resolver=people, required=True),
        Column("role"),
        IntegerColumn("position"),
    ]


class StatementTable(Table):
    """A statement is identified by summit, speaker and text: re-importing a file changes
    nothing, and editing any other column updates the statement in place."""

    model = Statement
    key = ["summit", "speaker", "text"]
    indexed_in_memory = True
    select_related = ["summit", "speaker", "delegation__summit", "source"]
    prefetch_related = ["topics"]
    columns = [
        RefColumn("summit", resolver=summits, required=True),
        RefColumn("speaker", resolver=people),
        Column("speaker_label"),
        DelegationColumn("delegation"),
        Column("text", required=True),
        ChoiceColumn("kind"),
        DateColumn("said_on"),
        Column("context"),
        ManyColumn("topics", resolver=topics),
        RefColumn("source", resolver=source_articles),
        IntegerColumn("source_start"),
        IntegerColumn("source_end"),
        DecimalColumn("confidence"),
        status_column(),
    ]

    def check(self, values, existing):
        if values.get("source_start") is None and values.get("source_end") is None:
            return
        start = self.value("source_start", values, existing)
        end = self.value("source_end", values, existing)
        if start is not None and end is not None and end < start:
            yield "source_end", SPAN_OUT_OF_ORDER.format(start=start)


SummitResource = resource_for(SummitTable)
PersonResource = resource_for(PersonTable)
TopicResource = resource_for(TopicTable)
DelegationResource = resource_for(DelegationTable)
DelegationMemberResource = resource_for(DelegationMemberTable)
StatementResource = resource_for(StatementTable)


def tables() -> dict[str, type[Table]]:
    """The tables `import_csv` and `export_csv` know, by the name used on the command line."""
    from sources.resources import SourceArticleTable

    return {
        "summits": SummitTable,
        "people": PersonTable,
        "delegations": DelegationTable,
        "members": DelegationMemberTable,
        "statements": StatementTable,
        "sources": SourceArticleTable,
        "topics": TopicTable,
    }
