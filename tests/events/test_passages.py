import re
from types import SimpleNamespace

from events.search import MATCH_END, MATCH_START
from events.templatetags.passages import Span, render_passage, source_excerpt, with_matches
from sources.passages import passage_around


def test_passage_keeps_paragraphs_and_line_breaks():
    html = render_passage("Erster Absatz\nzweite Zeile.\n\nZweiter Absatz.", [])
    assert html == "<p>Erster Absatz<br>zweite Zeile.</p>\n<p>Zweiter Absatz.</p>"


def test_passage_marks_a_span_and_anchors_its_start():
    html = render_passage("Er sagte: Nein.", [Span(7, 10, 15)])
    assert html == (
        '<p>Er sagte: <span class="passage-anchor" id="statement-7"></span>'
        '<mark class="quote" data-statements="statement-7">Nein.</mark></p>'
    )


def test_overlapping_spans_are_cut_into_flat_marks():
    html = render_passage("abcdef", [Span(1, 0, 4), Span(2, 2, 6)])
    assert html == (
        '<p><span class="passage-anchor" id="statement-1"></span>'
        '<mark class="quote" data-statements="statement-1">ab</mark>'
        '<span class="passage-anchor" id="statement-2"></span>'
        '<mark class="quote" data-statements="statement-1 statement-2">cd</mark>'
        '<mark class="quote" data-statements="statement-2">ef</mark></p>'
    )


def test_span_across_paragraphs_is_marked_in_each():
    html = render_passage("eins\n\nzwei", [Span(3, 2, 8)])
    assert html.count("<mark") == 2
    assert html.count('id="statement-3"') == 1


def test_passage_escapes_the_text():
    html = render_passage('<b>"&"</b>', [Span(1, 0, 3)])
    assert "<b>" not in html
    assert "&lt;b&gt;" in html


def quoting(body: str, quote: str):
    start = body.index(quote)
    return SimpleNamespace(
        pk=5, source=SimpleNamespace(body=body), source_start=start, source_end=start + len(quote)
    )


def test_excerpt_shows_the_span_with_context_and_ellipses():
    body = " ".join(f"wort{n}" for n in range(200))
    html = source_excerpt(quoting(body, "wort100"), context=30)
    assert html.startswith("<p>… ") and html.endswith(" …</p>")
    assert '<mark class="quote" data-statements="statement-5">wort100</mark>' in html
    assert "id=" not in html


def test_excerpt_is_cut_where_every_passage_is_cut():
    body = "Vorher.\n\n" + " ".join(f"wort{n}" for n in range(100)) + "\n\nNachher."
    statement = quoting(body, "wort50")
    text = re.sub("<[^>]+>", "", source_excerpt(statement, context=40))
    before, quote, after = passage_around(
        body, statement.source_start, statement.source_end, around=40
    )
    assert before.startswith("…") and after.endswith("…")
    assert text == f"… {before[1:]}{quote}{after[:-1]} …"


def test_excerpt_of_a_short_paragraph_is_that_paragraph():
    body = "Vorher.\n\nEr sagte: Nein.\n\nNachher."
    html = source_excerpt(quoting(body, "Nein."))
    assert html == (
        '<p>Er sagte: <mark class="quote" data-statements="statement-5">Nein.</mark></p>'
    )


def test_search_snippet_markers_become_marks_after_escaping():
    assert (
        with_matches(f"<i>{MATCH_START}Kim{MATCH_END}</i>")
        == "&lt;i&gt;<mark>Kim</mark>&lt;/i&gt;"
    )
