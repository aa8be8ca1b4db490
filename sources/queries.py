"""Page-shaped reads for the public source pages."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404

from events.models import Statement, Summit
from events.queries import statements_for_list, visible
from sources.models import SourceArticle


@dataclass(frozen=True)
class SourcePage:
    source: SourceArticle
    statements: list[Statement]
    summits: list[Summit]


def source_for_detail(slug: str, *, preview: bool) -> SourcePage:
    source = get_object_or_404(visible(SourceArticle.objects.all(), preview=preview), slug=slug)
    statements = statements_for_list(preview=preview).filter(source=source)
    return SourcePage(
        source=source,
        statements=list(statements.order_by("source_start", "pk")),
        summits=list(
            visible(Summit.objects.all(), preview=preview)
            .filter(sources=source)
            .order_by("starts_on")
        ),
    )
