"""Site search over summits, people, statements and sources.

On PostgreSQL this is German full-text search (stemming, ranking, highlighted excerpts from
`ts_headline`). Elsewhere, e.g. on SQLite, every word of the query must occur somewhere in the
row, and the excerpt is the passage around the first match with every match marked, cut as
every passage is (`sources.passages`). Statements are found by their speaker's names, their
summit and their source too.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Func, Model, Q, QuerySet, TextField, Value
from django.db.models.functions import NullIf, Replace

from events.models import Person, Summit
from events.queries import statements_for_list, visible
from sources.models import SourceArticle
from sources.passages import passage_around

RESULTS_PER_KIND = 10
SNIPPET_CONTEXT = 90
MAX_QUERY_LENGTH = 200
# Snippets carry these private-use characters around the matches; the `with_matches` filter
# turns them into `<mark>` after escaping the text.
MATCH_START = "\ue000"
MATCH_END = "\ue001"


@dataclass(frozen=True)
class Hit:
    object: Model
    snippet: str  # plain text; matches are wrapped in MATCH_START ... MATCH_END


@dataclass(frozen=True)
class SearchResults:
    query: str
    summits: list[Hit]
    people: list[Hit]
    statements: list[Hit]
    sources: list[Hit]

    @property
    def total(self) -> int:
        return len(self.summits) + len(self.people) + len(self.statements) + len(self.sources)


@dataclass(frozen=True)
class Target:
    """One kind of result: which rows, which fields to search, which to quote from.

    The quoted fields hold every searched word a reader would recognise in the excerpt (a
    statement's excerpt starts with its speaker), so the excerpt shows the words that matched.
    """

    queryset: QuerySet
    fields: tuple[str, ...]
    excerpt_fields: tuple[str, ...]


# Between the fields of an excerpt, and between a person's other names (kept one a line).
FIELD_SEPARATOR = " · "
LINE_LISTS = {"aliases", "speaker__aliases"}


def search_for_results(query: str, *, preview: bool) -> SearchResults:
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    targets = {
        "summits": Target(
            visible(Summit.objects.all(), preview=preview),
            ("title", "city", "venue", "summary", "outcome"),
            ("summary", "outcome", "venue"),
        ),
        "people": Target(
            visible(Person.objects.all(), preview=preview),
            ("name", "aliases", "description"),
            ("aliases", "description"),
        ),
        "statements": Target(
            statements_for_list(preview=preview),
            (
                "text",
                "context",
                "speaker__name",
                "speaker__aliases",
                "speaker_label",
                "summit__title",
                "summit__city",
                "source__title",
            ),
            ("speaker__name", "text", "context"),
        ),
        "sources": Target(
            visible(SourceArticle.objects.all(), preview=preview),
            ("title", "publisher", "body"),
            ("body",),
        ),
    }
    if not query:
        return SearchResults(query, [], [], [], [])
    find = _full_text if connection.vendor == "postgresql" else _contains
    return SearchResults(
        query=query, **{kind: find(target, query) for kind, target in targets.items()}
    )


def _excerpt_expression(fields: tuple[str, ...]) -> Func:
    """PostgreSQL: the excerpt fields joined as `excerpt_text` joins them (empty ones left out)."""
    values = [
        NullIf(
            Replace(F(field), Value("\n"), Value(FIELD_SEPARATOR))
            if field in LINE_LISTS
            else F(field),
            Value(""),
        )
        for field in fields
    ]
    return Func(Value(FIELD_SEPARATOR), *values, function="CONCAT_WS", output_field=TextField())


def excerpt_text(row: Model, fields: tuple[str, ...]) -> str:
    values = []
    for field in fields:
        value = row
        for name in field.split("__"):
            value = getattr(value, name, None) if value is not None else None
        text = str(value or "").strip()
        if text and field in LINE_LISTS:
            text = FIELD_SEPARATOR.join(line.strip() for line in text.splitlines() if line.strip())
        if text:
            values.append(text)
    return FIELD_SEPARATOR.join(values)


def _full_text(target: Target, query: str) -> list[Hit]:
    from django.contrib.postgres.search import (
        SearchHeadline,
        SearchQuery,
        SearchRank,
        SearchVector,
    )

    search_query = SearchQuery(query, config="german", search_type="websearch")
    vector = SearchVector(*target.fields, config="german")
    rows = (
        target.queryset.annotate(
            document=vector,
            rank=SearchRank(vector, search_query),
            snippet=SearchHeadline(
                _excerpt_expression(target.excerpt_fields),
                search_query,
                config="german",
                start_sel=MATCH_START,
                stop_sel=MATCH_END,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .filter(document=search_query)
        .order_by("-rank", "-pk")[:RESULTS_PER_KIND]
    )
    return [Hit(row, row.snippet) for row in rows]


def _contains(target: Target, query: str) -> list[Hit]:
    words = query.split()
    condition = Q()
    for word in words:
        condition &= _any_field_contains(target.fields, word)
    rows = target.queryset.filter(condition)[:RESULTS_PER_KIND]
    return [Hit(row, snippet(excerpt_text(row, target.excerpt_fields), words)) for row in rows]


def _any_field_contains(fields: tuple[str, ...], word: str) -> Q:
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": word})
    return condition


def snippet(text: str, words: list[str], *, context: int = SNIPPET_CONTEXT) -> str:
    """The passage of `text` around the first match (the start of the text if none matches),
    every match wrapped in markers."""
    text = text.replace(MATCH_START, "").replace(MATCH_END, "")
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    first = pattern.search(text)
    if first is None:
        return str(passage_around(text, 0, 0, around=2 * context))

    def mark(piece: str) -> str:
        return pattern.sub(lambda m: f"{MATCH_START}{m.group(0)}{MATCH_END}", piece)

    before, quote, after = passage_around(text, first.start(), first.end(), around=context)
    return f"{mark(before)}{MATCH_START}{quote}{MATCH_END}{mark(after)}"
