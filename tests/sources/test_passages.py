import pytest

from sources.passages import Cut, Segment, cut_around, marked_paragraphs, move_edge, passage_around

WORDS = " ".join(f"wort{n}" for n in range(100))


def test_a_short_paragraph_is_shown_whole_without_ellipses():
    body = "Erster Absatz.\nEr sagte: Nein. Dann ging er.\nLetzter Absatz."
    start = body.index("Nein.")
    assert cut_around(body, start, start + 5) == Cut(15, 44, False, False)
    assert passage_around(body, start, start + 5) == ("Er sagte: ", "Nein.", " Dann ging er.")


def test_a_long_paragraph_is_cut_at_word_boundaries_with_ellipses():
    start = WORDS.index("wort50")
    cut = cut_around(WORDS, start, start + 6, around=20)
    assert (cut.elided_before, cut.elided_after) == (True, True)
    assert WORDS[cut.start - 1] == " " and WORDS[cut.end] == " "
    assert start - cut.start <= 20 and cut.end - (start + 6) <= 20
    passage = passage_around(WORDS, start, start + 6, around=20)
    assert str(passage) == f"…{WORDS[cut.start : cut.end]}…"
    assert passage.quote == "wort50"


BODY = 'Kim sagte, er werde "sein Bestes" geben, so Kim.\nZweiter Absatz.'


def span_of(text: str) -> tuple[int, int]:
    start = BODY.index(text)
    return start, start + len(text)


@pytest.mark.parametrize(
    ("edge", "step", "expected"),
    [
        ("start", -1, 'werde "sein Bestes'),
        ("start", 1, "Bestes"),
        ("end", -1, "sein"),
        ("end", 1, 'sein Bestes" geben,'),
    ],
)
def test_an_edge_moves_by_one_whole_word(edge, step, expected):
    start, end = move_edge(BODY, *span_of("sein Bestes"), edge=edge, step=step)
    assert BODY[start:end] == expected


def test_a_span_keeps_at_least_one_word_and_stays_in_its_paragraph():
    one_word = span_of("geben")
    assert move_edge(BODY, *one_word, edge="start", step=1) == one_word
    assert move_edge(BODY, *one_word, edge="end", step=-1) == one_word
    last = span_of("so Kim.")
    assert move_edge(BODY, *last, edge="end", step=1) == last
    first = span_of("Zweiter")
    assert move_edge(BODY, *first, edge="start", step=-1) == first


def test_overlapping_spans_are_all_marked_in_place():
    whole = span_of('er werde "sein Bestes" geben')
    inner = span_of("sein Bestes")
    paragraphs = marked_paragraphs(BODY, [(1, *whole), (2, *inner)])
    assert len(paragraphs) == 2
    first = paragraphs[0]
    assert "".join(segment.text for segment in first) == BODY.split("\n")[0]
    marked = {segment.text: segment for segment in first if segment.covered_by}
    assert marked['er werde "'] == Segment('er werde "', (1,), (1,))
    assert marked["sein Bestes"] == Segment("sein Bestes", (1, 2), (2,))
    assert marked['" geben'] == Segment('" geben', (1,), ())
    assert paragraphs[1] == [Segment("Zweiter Absatz.", (), ())]


def test_empty_and_out_of_range_spans_mark_nothing():
    paragraphs = marked_paragraphs(BODY, [(1, 5, 5), (2, 10, len(BODY) + 5)])
    assert all(not segment.covered_by for paragraph in paragraphs for segment in paragraph)
