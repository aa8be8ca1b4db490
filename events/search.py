"""Site search over summits, people, statements and sources.

On PostgreSQL this is German full-text search (stemming, ranking, highlighted snippets; the
statement text has a GIN index, see migration 0004). Elsewhere, e.g. on SQLite, every word of
the query must occur somewhere in the row, and the snippet is the passage around the first
match, cut as every passage is (`sources.passages`).
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Model, Q, QuerySet

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
    """One kind of result: which rows, which fields to search, which field to quote from."""

    queryset: QuerySet
    fields: tuple[str, ...]
    snippet_field: str


def search_for_results(query: str, *, preview: bool) -> SearchResults:
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    targets = {
        "summits": Target(
            visible(Summit.objects.all(), preview=preview),
            ("title", "city", "venue", "summary", "outcome"),
            "summary",
        ),
        "people": Target(
            visible(Person.objects.all(), preview=preview),
            ("name", "aliases", "description"),
            "description",
        ),
        "statements": Target(statements_for_list(preview=preview), ("text",), "text"),
        "sources": Target(
            visible(SourceArticle.objects.all(), preview=preview),
            ("title", "body"),
            "body",
        ),
    }
    if not query:
        return SearchResults(query, [], [], [], [])
    find = _full_text if connection.vendor == "postgresql" else _contains
    return SearchResults(
        query=query, **{kind: find(target, query) for kind, target in targets.items()}
    )


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
                target.snippet_field,
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
    return [Hit(row, snippet(getattr(row, target.snippet_field), words)) for row in rows]


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
