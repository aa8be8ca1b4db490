"""Source text with statements highlighted, built from escaped pieces only.

Spans may overlap or cross paragraphs: the text is cut at every span boundary and each piece is
marked on its own, so the marks never nest and the HTML stays well-formed.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from events.search import MATCH_END, MATCH_START
from sources.passages import cut_around

register = template.Library()

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
EXCERPT_CONTEXT = 240


@dataclass(frozen=True)
class Span:
    statement_id: int
    start: int
    end: int


def spans_of(statements: Iterable) -> list[Span]:
    return [
        Span(s.pk, s.source_start, s.source_end)
        for s in statements
        if s.source_start is not None and s.source_end is not None
    ]


def _paragraphs(body: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = []
    cursor = start
    for match in PARAGRAPH_BREAK.finditer(body, start, end):
        bounds.append((cursor, match.start()))
        cursor = match.end()
    bounds.append((cursor, end))
    return [(a, b) for a, b in bounds if b > a]


def _piece(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def render_passage(
    body: str,
    spans: list[Span],
    *,
    start: int = 0,
    end: int | None = None,
    anchors: bool = True,
    elided_before: bool = False,
    elided_after: bool = False,
) -> SafeString:
    """`body[start:end]` as paragraphs, each span in `<mark>`, each span start anchored, with
    an ellipsis where text was left out."""
    end = len(body) if end is None else end
    anchored: set[int] = set()
    paragraphs = []
    for p_start, p_end in _paragraphs(body, start, end):
        points = {p_start, p_end}
        points.update(s.start for s in spans if p_start < s.start < p_end)
        points.update(s.end for s in spans if p_start < s.end < p_end)
        ordered = sorted(points)
        parts = ["… " if elided_before and p_start == start else ""]
        for a, b in zip(ordered, ordered[1:], strict=False):
            for span in spans:
                if anchors and span.statement_id not in anchored and span.start <= a:
                    anchored.add(span.statement_id)
                    parts.append(
                        f'<span class="passage-anchor" id="statement-{span.statement_id}"></span>'
                    )
            active = [span.statement_id for span in spans if span.start <= a and b <= span.end]
            text = _piece(body[a:b])
            if active:
                ids = " ".join(f"statement-{pk}" for pk in active)
                parts.append(f'<mark class="quote" data-statements="{ids}">{text}</mark>')
            else:
                parts.append(text)
        if elided_after and p_end == end:
            parts.append(" …")
        paragraphs.append(f"<p>{''.join(parts)}</p>")
    return mark_safe("\n".join(paragraphs))


@register.simple_tag
def source_passage(body: str, statements) -> SafeString:
    return render_passage(body, spans_of(statements))


@register.simple_tag
def source_excerpt(statement, context: int = EXCERPT_CONTEXT) -> SafeString:
    """The statement's span in its source with some text of its paragraph on either side."""
    body = statement.source.body
    if statement.source_start is None or statement.source_end is None:
        return mark_safe("")
    span = Span(statement.pk, statement.source_start, statement.source_end)
    cut = cut_around(body, span.start, span.end, around=context)
    return render_passage(
        body,
        [span],
        start=cut.start,
        end=cut.end,
        anchors=False,
        elided_before=cut.elided_before,
        elided_after=cut.elided_after,
    )


@register.filter
def with_matches(snippet: str) -> SafeString:
    """Escape a search snippet, then turn its match markers into `<mark>`."""
    return mark_safe(escape(snippet).replace(MATCH_START, "<mark>").replace(MATCH_END, "</mark>"))
