"""Spreadsheet columns of the events models and their import-export Resources.

Rows are identified by natural keys, never database ids: a summit, person or topic by its
slug, a delegation by summit and country, a member by delegation and person, a statement by
summit, speaker and text. The columns are documented in docs/csv.md.
"""

import re
import uuid

from django.db import connection
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz, process

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
    RowError,
    Table,
)
from sources.models import SourceArticle

SUMMIT_ENDS_BEFORE_IT_STARTS = _("das Ende liegt vor dem Beginn ({starts_on})")
SUMMIT_FOLLOWS_ITSELF = _("ein Gipfel kann nicht auf sich selbst folgen")
SPAN_OUT_OF_ORDER = _("das Ende liegt vor dem Beginn in der Quelle ({start})")
TOPIC_NAME_TAKEN = _("den Namen trägt schon das Thema '{slug}'")
DELEGATION_OF_OTHER_SUMMIT = _("die Delegation '{value}' gehört zu einem anderen Gipfel")
DELEGATION_FORMAT = _("Delegation als 'gipfel-kurzname/LAND' angeben, z. B. 'hanoi-2019/US'")
NOT_A_KEY = _("kein gültiger Schlüssel '{value}' (wie in der exportierten Spalte key)")
POSSIBLE_DUPLICATE = _(
    "neue Aussage, möglicherweise dieselbe wie Aussage {pk} derselben Person beim selben "
    "Gipfel: „{text}“"
)
NOT_A_SUMMIT = _("kein Gipfel")
NOT_A_TOPIC = _("kein Thema")
NOT_A_SOURCE = _("keine Quelle")
NOT_A_DELEGATION = _("keine Delegation")
# How close (0 to 100, rapidfuzz's ratio of the words) a new statement must come to one of
# the same speaker at the same summit to be noted as a possible duplicate.
NEAR_DUPLICATE_SCORE = 85


def summits() -> Resolver:
    return Resolver(Summit, noun=NOT_A_SUMMIT)


def people() -> Resolver:
    return PersonResolver(Person)


def topics() -> Resolver:
    return Resolver(Topic, noun=NOT_A_TOPIC)


def source_articles() -> Resolver:
    return Resolver(SourceArticle, noun=NOT_A_SOURCE)


class CountryColumn(Column):
    def parse(self, cell, *, values):
        return super().parse(str(cell).upper(), values=values)


class DelegationResolver(Resolver):
    """A delegation by (summit primary key, country)."""

    def __init__(self):
        super().__init__(Delegation, noun=NOT_A_DELEGATION)
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


class KeyColumn(Column):
    """A statement's stable key (a UUID), as exported."""

    def parse(self, cell, *, values):
        try:
            return uuid.UUID(_text(cell))
        except ValueError:
            raise ValueError(NOT_A_KEY.format(value=_text(cell))) from None

    @property
    def blank(self):
        return None

    def export(self, instance):
        return str(instance.key)


def _text(cell) -> str:
    return str(cell).strip()


class StatementTable(Table):
    """A statement is identified by its `key` where the row gives one (an exported file: its
    text can then be edited), else by summit, speaker and text: re-importing a file changes
    nothing, and editing any other column updates the statement in place. A new statement
    close to one the same speaker said at the same summit is noted as a possible duplicate."""

    model = Statement
    key = ["summit", "speaker", "text"]
    indexed_in_memory = True
    select_related = ["summit", "speaker", "delegation__summit", "source"]
    prefetch_related = ["topics"]
    columns = [
        KeyColumn("key"),
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

    def prepare(self, instance):
        """A published statement whose text, speaker or source the file changes carries a
        correction note, as after an edit in its form."""
        if instance.note_correction():
            return ("corrected_at", "correction_note")
        return ()

    def key_of(self, values):
        if values.get("key") is not None:
            return ("key", values["key"])
        # No key given: matched by its words; a new statement draws a key of its own.
        values.pop("key", None)
        return ("text", *super().key_of(values))

    def existing(self, keys):
        keys = list(keys)
        by_key = [key[1] for key in keys if key[0] == "key"]
        by_text = [key[1:] for key in keys if key[0] == "text"]
        found = {("text", *key): instance for key, instance in super().existing(by_text).items()}
        if by_key:
            instances = list(self.model.objects.filter(key__in=by_key))
            self.load_many(instances)
            found.update((("key", instance.key), instance) for instance in instances)
        return found

    def notes(self, new):
        """A new statement whose words are close to a statement of the same speaker at the
        same summit: named, for the editor to decide (possibly the same, edited)."""
        said = statements_of_speakers(
            {(values["summit"], values.get("speaker")) for _, values in new}
        )
        for line, values in new:
            candidates = said.get((values["summit"], values.get("speaker")), [])
            if match := closest_statement(values["text"], candidates):
                pk, text = match
                yield RowError(
                    line=line,
                    column="text",
                    message=str(POSSIBLE_DUPLICATE.format(pk=pk, text=_excerpt(text))),
                )

    def check(self, values, existing):
        if values.get("source_start") is None and values.get("source_end") is None:
            return
        start = self.value("source_start", values, existing)
        end = self.value("source_end", values, existing)
        if start is not None and end is not None and end < start:
            yield "source_end", SPAN_OUT_OF_ORDER.format(start=start)


def statements_of_speakers(pairs: set[tuple[int, int | None]]) -> dict[tuple, list]:
    """(summit, speaker) -> [(pk, text), ...] of the stored statements, in one query: a row
    value IN list, which uses the speaker index on PostgreSQL and SQLite alike."""
    said: dict[tuple, list[tuple[int, str]]] = {}
    named = [pair for pair in pairs if pair[1] is not None]
    unnamed = [summit for summit, speaker in pairs if speaker is None]
    conditions, params = [], []
    if named:
        conditions.append(f"(summit_id, speaker_id) IN ({', '.join(['(%s, %s)'] * len(named))})")
        params += [value for pair in named for value in pair]
    if unnamed:
        conditions.append(
            f"(speaker_id IS NULL AND summit_id IN ({', '.join(['%s'] * len(unnamed))}))"
        )
        params += unnamed
    if not conditions:
        return said
    table = connection.ops.quote_name(Statement._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT summit_id, speaker_id, id, text FROM {table} WHERE {' OR '.join(conditions)}",
            params,
        )
        for summit, speaker, pk, text in cursor.fetchall():
            said.setdefault((summit, speaker), []).append((pk, text))
    return said


def closest_statement(text: str, candidates: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The candidate (pk, text) whose words are closest to `text` when close enough to be
    possibly the same statement (and not the same words: that row would have matched)."""
    others = [(pk, candidate) for pk, candidate in candidates if candidate != text]
    match = process.extractOne(
        _comparable(text),
        [_comparable(candidate) for _, candidate in others],
        scorer=fuzz.ratio,
        score_cutoff=NEAR_DUPLICATE_SCORE,
    )
    return None if match is None else others[match[2]]


def _comparable(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _excerpt(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


SummitResource = resource_for(SummitTable)
PersonResource = resource_for(PersonTable)
TopicResource = resource_for(TopicTable)
DelegationResource = resource_for(DelegationTable)
DelegationMemberResource = resource_for(DelegationMemberTable)
StatementResource = resource_for(StatementTable)


_TABLES: dict[str, type[Table]] = {}


def register_table(name: str, table: type[Table]) -> None:
    """Make `table` known to `import_csv` and `export_csv` as `name`. Each app registers its
    own in its resources module, so this one needs no import of the apps built on events."""
    _TABLES[name] = table


def tables() -> dict[str, type[Table]]:
    """The tables `import_csv` and `export_csv` know, by the name used on the command line."""
    autodiscover_modules("resources")
    return dict(_TABLES)


register_table("summits", SummitTable)
register_table("people", PersonTable)
register_table("delegations", DelegationTable)
register_table("members", DelegationMemberTable)
register_table("statements", StatementTable)
register_table("topics", TopicTable)
