import re
import unicodedata
from collections import Counter
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sources.importing.normalize import normalize, text_checksum
from sources.importing.parse import (
    REMOVAL_LABELS,
    TITLE_MAX_CHARS,
    UNTITLED,
    RemovalReason,
    parse_article,
    parse_date,
    read_article,
)
from sources.importing.types import ParsedArticle, UnreadableFile
from tests.seeds import seed_path

PROSE = (
    "Das zweite Treffen von US-Präsident Trump und Nordkoreas Staatschef Kim hat keinen "
    "Durchbruch gebracht. Wie das Weiße Haus mitteilte, ist die Begegnung in Hanoi ohne "
    "Einigung vorzeitig zu Ende gegangen."
)
MORE_PROSE = (
    "Der USA-Nordkorea-Gipfel in der vietnamesischen Hauptstadt Hanoi ist vorzeitig beendet "
    "worden. Eine Einigung sei nicht erzielt worden, sagte ein Sprecher am Donnerstag."
)


def removed(article: ParsedArticle, reason: str) -> list[str]:
    return [removal.text for removal in article.removed if removal.reason == reason]


def words(text: str) -> Counter[str]:
    """Words as an editor would count them: letters and digits, whatever the Unicode form
    and the invisible characters inside."""
    text = "".join(
        char
        for char in unicodedata.normalize("NFD", text)
        if unicodedata.category(char)[0] != "M" and unicodedata.category(char) != "Cf"
    )
    return Counter(re.findall(r"\w+", text))


# Normalizing


def test_normalize_collapses_spaces_and_blank_lines_but_keeps_paragraphs():
    text = "  Erster\tAbsatz,\xa0 zwei  Zeilen  \r\nlang.\r\n\r\n\r\n\r\nZweiter Absatz. \n"
    assert normalize(text).text == "Erster Absatz, zwei Zeilen\nlang.\n\nZweiter Absatz."


def test_normalize_composes_decomposed_umlauts_and_drops_soft_hyphens():
    assert normalize("Gespra\u0308che u\u0308ber Ab\u00adru\u0308stung").text == (
        "Gespräche über Abrüstung"
    )


def test_normalize_maps_every_character_to_where_it_came_from():
    text = "A\r\nb\xa0\xa0a\u0308 d"
    normalized = normalize(text)
    assert normalized.text == "A\nb ä d"
    assert normalized.starts == (0, 1, 3, 4, 6, 8, 9)
    assert normalized.ends == (1, 3, 4, 6, 8, 9, 10)
    assert normalized.source_span(2, 5) == (3, 8)


def test_normalize_of_blank_text_is_empty():
    assert normalize(" \r\n\u200b\t").text == ""


# Footnote markers


def test_footnote_markers_are_cut():
    article = parse_article(f"{PROSE}[1] Am Abend folgte ein Essen.[2][3]\n{MORE_PROSE}[12]")
    assert "[" not in article.body
    assert "gegangen. Am Abend folgte ein Essen.\nDer USA" in article.body
    assert removed(article, "footnote-marker") == ["[1]", "[2][3]", "[12]"]


def test_cutting_a_footnote_marker_does_not_glue_sentences_or_words():
    article = parse_article(f"{PROSE} Das Treffen sollte.[5]Südkoreas Haus[6]Blau sprach[7], dann")
    assert "sollte. Südkoreas Haus Blau sprach, dann" in article.body


def test_brackets_that_are_not_footnotes_stay():
    article = parse_article(f"{PROSE} Er sagte, es gebe [...] keine Eile und [sic] nichts Neues.")
    assert "es gebe [...] keine Eile und [sic] nichts Neues." in article.body
    assert article.removed == ()


# Photo credits and captions


def test_photo_credit_after_a_caption_is_cut():
    article = parse_article(f"Kim und Trump in Hanoi. Bildrechte: dpa\n\n{PROSE}")
    assert article.body.startswith("Kim und Trump in Hanoi.\n\nDas zweite Treffen")
    assert removed(article, "photo-credit") == ["Bildrechte: dpa"]


@pytest.mark.parametrize(
    "credit", ["Foto: picture alliance/dpa", "Bild: imago images/ZUMA Wire", "© AP Photo"]
)
def test_photo_credit_lines_are_cut(credit):
    article = parse_article(f"{PROSE}\n\nKim winkt den Fotografen zu.\n{credit}\n\n{MORE_PROSE}")
    assert removed(article, "photo-credit") == [credit]
    assert "Kim winkt den Fotografen zu.\n\nDer USA-Nordkorea-Gipfel" in article.body


def test_photo_credit_in_parentheses_is_cut():
    article = parse_article(f"{PROSE} Trump und Kim (Foto: Evan Vucci/AP) gaben sich die Hand.")
    assert "Trump und Kim gaben sich die Hand." in article.body
    assert removed(article, "photo-credit") == ["(Foto: Evan Vucci/AP)"]


def test_the_word_bild_inside_a_sentence_is_not_a_credit():
    article = parse_article(f"{PROSE} Das zeigt das Bild: Trump lacht, Kim nicht.")
    assert article.body.endswith("Das zeigt das Bild: Trump lacht, Kim nicht.")
    assert article.removed == ()


def test_repeated_caption_block_is_cut_once_and_the_first_kept():
    caption = "Kim und Trump beim Treffen in Hanoi.\nDer Gipfel ist vorzeitig zu Ende gegangen."
    article = parse_article(f"{caption} Bildrechte: dpa\n\n{PROSE}\n\n{caption}\n\n{MORE_PROSE}")
    assert article.body.count(caption) == 1
    assert article.body.startswith(caption)
    assert removed(article, "duplicate-caption") == [caption]
    assert article.body.endswith(f"{PROSE}\n\n{MORE_PROSE}")


def test_repeated_long_paragraph_is_cut_as_duplicate_paragraph():
    long_paragraph = " ".join([PROSE, MORE_PROSE])
    article = parse_article(f"{long_paragraph}\n\n{PROSE}\n\n{long_paragraph}")
    assert article.body == f"{long_paragraph}\n\n{PROSE}"
    assert removed(article, "duplicate-paragraph") == [long_paragraph]


def test_short_repeated_lines_are_not_duplicates():
    article = parse_article(f"{PROSE}\n\nMehr dazu\n\n{MORE_PROSE}\n\nMehr dazu")
    assert article.body.count("Mehr dazu") == 2
    assert article.removed == ()


# Programme lines, date stamps, comments


def test_programme_line_is_cut_and_names_the_publisher_and_date():
    article = parse_article(
        f"{PROSE}\n\nDieses Thema im Programm: MDR AKTUELL RADIO | 28. Februar 2019 | 07:00 Uhr"
    )
    assert article.body == PROSE
    assert removed(article, "programme-line") == [
        "Dieses Thema im Programm: MDR AKTUELL RADIO | 28. Februar 2019 | 07:00 Uhr"
    ]
    assert article.publisher == "MDR"
    assert article.published_on == date(2019, 2, 28)


@pytest.mark.parametrize(
    ("footer", "expected"),
    [
        ("Zuletzt aktualisiert: 28. Februar 2019, 19:56 Uhr", date(2019, 2, 28)),
        ("Aktualisiert am 01.03.2019 um 08:15 Uhr", date(2019, 3, 1)),
        ("Stand: 27.02.2019 19:56 Uhr", date(2019, 2, 27)),
        ("Letzte Aktualisierung: Do, 28.2.19", date(2019, 2, 28)),
    ],
)
def test_updated_footer_is_cut_and_gives_the_date(footer, expected):
    article = parse_article(f"{PROSE}\n\n{footer}")
    assert article.body == PROSE
    assert removed(article, "updated-footer") == [footer]
    assert article.published_on == expected


def test_a_sentence_starting_with_aktualisiert_is_article_text():
    text = f"{PROSE}\n\nAktualisiert wurde die Liste der Teilnehmer am 28.02.2019 in Hanoi."
    article = parse_article(text)
    assert article.body == normalize(text).text
    assert article.published_on is None


def test_publication_date_beats_the_update_date():
    article = parse_article(
        f"Veröffentlicht am 27.02.2019\n\n{PROSE}\n\nZuletzt aktualisiert: 28.02.2019, 19:56 Uhr"
    )
    assert article.published_on == date(2019, 2, 27)
    assert removed(article, "date-line") == ["Veröffentlicht am 27.02.2019"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("28. Februar 2019", date(2019, 2, 28)),
        ("Donnerstag, 28. Feb. 2019", date(2019, 2, 28)),
        ("1. März 2019", date(2019, 3, 1)),
        ("28.02.2019", date(2019, 2, 28)),
        ("28.2.19", date(2019, 2, 28)),
        ("2019-02-28", date(2019, 2, 28)),
        ("31.02.2019 und 01.03.2019", date(2019, 3, 1)),
        ("am 28. Februar", None),
        ("Seite 28.02", None),
    ],
)
def test_german_date_forms(text, expected):
    assert parse_date(text) == expected


def test_reader_comments_are_cut_to_the_end_and_counted():
    comments = "Kommentare (3)\n\n01.03.2019 10:06 Jakob\n\nAde Friedensnobelpreis *schnief*"
    article = parse_article(f"{PROSE}\n\n{comments}")
    assert article.body == PROSE
    assert removed(article, "comments") == [comments]
    assert article.comment_count == 3


@pytest.mark.parametrize(
    "marker",
    [
        "Die Kommentierungsdauer ist abgelaufen. Der Beitrag kann nicht mehr kommentiert werden.",
        "15 Kommentare",
        "Leserkommentare",
        "Kommentare anzeigen",
    ],
)
def test_comment_section_markers(marker):
    article = parse_article(f"{PROSE}\n\n{marker}\n\nSchöner Mist, schreibt Meckersack.")
    assert "Meckersack" not in article.body
    assert article.body == PROSE


def test_comment_count_comes_from_the_heading_below_the_closed_notice():
    article = parse_article(
        f"{PROSE}\n\nDie Kommentierungsdauer ist abgelaufen.\n\n15 Kommentare\n\nWessi 15"
    )
    assert article.comment_count == 15


def test_a_sentence_about_comments_is_article_text():
    text = f"{PROSE}\n\nDie Zeitung erhielt 15 Kommentare zu ihrem Bericht."
    article = parse_article(text)
    assert article.body == normalize(text).text
    assert article.comment_count is None


def test_kommentar_rubric_above_the_headline_is_not_a_comment_section():
    article = parse_article(
        f"Kim in Hanoi. Foto: AP\n\nKommentar\nWarum der Gipfel scheitern musste\n\n{PROSE}"
    )
    assert article.kicker == "Kommentar"
    assert article.title == "Warum der Gipfel scheitern musste"
    assert article.body == f"Kim in Hanoi.\n\n{PROSE}"
    assert article.comment_count is None


# Title and kicker


def test_headline_line_becomes_the_title():
    article = parse_article(f"USA-Nordkorea-Gipfel in Hanoi endet ohne Ergebnis\n\n{PROSE}")
    assert article.title == "USA-Nordkorea-Gipfel in Hanoi endet ohne Ergebnis"
    assert article.kicker == ""
    assert article.body == PROSE
    assert removed(article, "headline") == [article.title]


def test_kicker_line_above_the_headline():
    article = parse_article(f"Nordkorea\nGipfel in Hanoi endet ohne Ergebnis\n\n{PROSE}")
    assert (article.kicker, article.title) == ("Nordkorea", "Gipfel in Hanoi endet ohne Ergebnis")
    assert removed(article, "kicker") == ["Nordkorea"]


def test_kicker_glued_in_front_of_the_headline_is_split_off():
    article = parse_article(
        f"Nach Gipfel in Hanoi Trump und Kim gehen ohne Einigung auseinander\n\n{PROSE}"
    )
    assert article.kicker == "Nach Gipfel in Hanoi"
    assert article.title == "Trump und Kim gehen ohne Einigung auseinander"
    assert removed(article, "kicker") == ["Nach Gipfel in Hanoi"]
    assert removed(article, "headline") == ["Trump und Kim gehen ohne Einigung auseinander"]


@pytest.mark.parametrize(
    "headline",
    [
        "Trump: Kim wollte Aufhebung aller Sanktionen",
        "Kim Jong Un reist im Sonderzug nach Hanoi",
        "Neue Hoffnung für die koreanische Halbinsel",
        "Außenminister Maas reist nach Seoul",
    ],
)
def test_headline_without_kicker_is_not_split(headline):
    body = (
        f"{PROSE} Kim Jong Un kam mit dem Zug. Sie hegen neue Hoffnung. Auch der deutsche "
        "Außenminister Heiko Maas will vermitteln. Maas fliegt am Montag."
    )
    article = parse_article(f"{headline}\n\n{body}")
    assert (article.kicker, article.title) == ("", headline)


def test_caption_above_the_headline_stays_in_the_body():
    article = parse_article(
        f"Kim und Trump in Hanoi. Bildrechte: dpa\n\nGipfel endet ohne Ergebnis\n\n{PROSE}"
    )
    assert article.title == "Gipfel endet ohne Ergebnis"
    assert article.body == f"Kim und Trump in Hanoi.\n\n{PROSE}"


def test_subheading_below_the_first_paragraph_is_not_the_title():
    article = parse_article(f"{PROSE}\n\nVerlauf\n\n{MORE_PROSE}")
    assert article.title.startswith("Das zweite Treffen von US-Präsident Trump")
    assert "\n\nVerlauf\n\n" in article.body


def test_without_headline_the_title_is_the_first_sentence():
    article = parse_article("Kim Jong-un war zuerst da. Trump kam Stunden später.")
    assert article.title == "Kim Jong-un war zuerst da"
    assert article.body == "Kim Jong-un war zuerst da. Trump kam Stunden später."


def test_long_first_sentence_is_shortened_at_a_word_boundary():
    article = parse_article(PROSE)
    assert len(article.title) <= TITLE_MAX_CHARS
    assert article.title.endswith("…")
    assert PROSE.startswith(article.title[:-1])
    assert PROSE[len(article.title) - 1] == " "


def test_first_sentence_skips_abbreviations_and_ordinals():
    article = parse_article("Am 28. Februar traf Dr. Kim in Hanoi ein. Dann kam Trump.")
    assert article.title == "Am 28. Februar traf Dr. Kim in Hanoi ein"


def test_a_single_line_article_keeps_its_text_in_the_body():
    article = parse_article("Trump trifft Kim")
    assert (article.title, article.body) == ("Trump trifft Kim", "Trump trifft Kim")


def test_title_is_never_empty():
    assert parse_article("[1]").title
    assert parse_article("").title == UNTITLED


# Publisher, author, dateline


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("© dpa-infocom, dpa:190228-99-123456/4", "dpa"),
        ("Quelle: tagesschau.de", "tagesschau.de"),
        ("Quelle: Hamburger Morgenpost", "Hamburger Morgenpost"),
        ("Copyright 2019 Reuters", "Reuters"),
    ],
)
def test_publisher_from_source_and_copyright_lines(line, publisher):
    article = parse_article(f"{PROSE}\n\n{line}")
    assert article.publisher == publisher
    assert removed(article, "source-credit") == [line]
    assert article.body == PROSE


def test_publisher_is_empty_when_unknown():
    assert parse_article(f"{PROSE} Die ARD berichtete live.").publisher == ""


def test_byline_gives_the_author_and_is_cut():
    article = parse_article(f"Gipfel ohne Ergebnis\n\nVon Max Mustermann, dpa\n\n{PROSE}")
    assert article.author == "Max Mustermann"
    assert article.publisher == "dpa"
    assert removed(article, "byline") == ["Von Max Mustermann, dpa"]
    assert article.body == PROSE


def test_author_line_at_the_end():
    article = parse_article(f"{PROSE}\n\nAutorin: Erika von Musterfrau")
    assert article.author == "Erika von Musterfrau"
    assert article.body == PROSE


def test_headline_starting_with_von_is_not_a_byline():
    article = parse_article(f"Von Singapur nach Hanoi\n\n{PROSE}")
    assert article.author == ""
    assert article.title == "Von Singapur nach Hanoi"


@pytest.mark.parametrize(
    ("opening", "dateline", "publisher"),
    [
        ("Hanoi. Kim Jong-un war zuerst da.", "Hanoi", ""),
        ("Hanoi (dpa) - Kim Jong-un war zuerst da.", "Hanoi", "dpa"),
        ("HANOI (AFP) – Kim Jong-un war zuerst da.", "Hanoi", "AFP"),
        ("Washington/Hanoi (dpa) Kim Jong-un war zuerst da.", "Washington/Hanoi", "dpa"),
        ("Bad Tölz. Kim Jong-un war nie da.", "Bad Tölz", ""),
        ("Dr. Kim war zuerst da.", "", ""),
        ("Kim Jong-un war zuerst da.", "", ""),
        ("Trump: Kim war zuerst da.", "", ""),
    ],
)
def test_dateline(opening, dateline, publisher):
    article = parse_article(f"{opening} {PROSE}")
    assert (article.dateline, article.publisher) == (dateline, publisher)
    assert article.body.startswith(opening)


def test_dateline_is_not_the_title():
    assert parse_article(f"Hanoi. Kim Jong-un war zuerst da. {PROSE}").title == (
        "Kim Jong-un war zuerst da"
    )


# Checksum, removals, reading files


def test_checksum_ignores_encoding_and_line_endings():
    text = f"Gipfel ohne Ergebnis\n\n{PROSE}\n\n{MORE_PROSE}\n"
    utf8 = read_article(text.encode(), filename="a.txt")
    crlf = read_article(text.replace("\n", "\r\n").encode(), filename="b.txt")
    cp1252 = read_article(text.encode("cp1252"), filename="c.txt")
    utf16 = read_article(text.encode("utf-16"), filename="d.txt")
    assert len(utf8.checksum) == 64
    assert utf8.checksum == crlf.checksum == cp1252.checksum == utf16.checksum
    assert utf8.body == crlf.body == cp1252.body
    assert read_article(f"{text} Neu.".encode(), filename="e.txt").checksum != utf8.checksum
    assert utf8.checksum == text_checksum(text.replace("\n", "\r\n")) == text_checksum(text)


def test_removal_spans_index_the_decoded_text_even_with_crlf():
    text = f"Kim und Trump in Hanoi. Bildrechte: dpa\r\n\r\n{PROSE}[1]\r\n".replace(" ", "  ")
    article = parse_article(text)
    for removal in article.removed:
        assert text[removal.start : removal.end] == removal.text
    assert [removal.text for removal in article.removed] == ["Bildrechte:  dpa", "[1]"]


def test_text_span_maps_a_body_span_to_the_original():
    text = "Hanoi.\r\nDer Gipfel in Hano\u0308i\r\nist  vorbei."
    article = parse_article(text)
    start = article.body.index("Hanöi")
    assert text[slice(*article.text_span(start, start + 5))] == "Hano\u0308i"
    start = article.body.index("Hanöi\nist")
    assert text[slice(*article.text_span(start, start + 6))] == "Hano\u0308i\r\n"


def test_every_reason_has_a_german_label():
    assert set(REMOVAL_LABELS) == {reason.value for reason in RemovalReason}
    assert all(label and label[0].isupper() for label in REMOVAL_LABELS.values())


def test_read_article_refuses_binary_files():
    with pytest.raises(UnreadableFile, match="bild.png"):
        read_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", filename="bild.png")


# Properties: nothing is lost, every body span maps back

WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ0123456789",
    min_size=1,
    max_size=10,
)
SENTENCE = st.builds(
    lambda words, end: " ".join(words) + end,
    st.lists(WORD, min_size=1, max_size=14),
    st.sampled_from([".", "!", "?", "", ":", ".[3]", "[12]", ". Bildrechte: dpa", " (Foto: AP)"]),
)
BOILERPLATE = st.sampled_from(
    [
        "Kein Durchbruch USA-Nordkorea-Gipfel in Hanoi endet ohne Ergebnis",
        "Der USA-Nordkorea-Gipfel in Hanoi ist vorzeitig beendet worden.",
        "Kim und Trump beim Treffen in Hanoi.",
        "Bildrechte: dpa",
        "Foto: picture alliance/dpa",
        "© dpa",
        "Quelle: tagesschau.de",
        "Von Max Mustermann, dpa",
        "Veröffentlicht am 27.02.2019",
        "Dieses Thema im Programm: MDR AKTUELL RADIO | 28. Februar 2019 | 07:00 Uhr",
        "Zuletzt aktualisiert: 28. Februar 2019, 19:56 Uhr",
        "Die Kommentierungsdauer ist abgelaufen.",
        "15 Kommentare",
        "Kommentare (3)",
        "Hanoi. Kim Jong-un war zuerst da.",
        "Hanoi (dpa) - Trump kam später.",
        "stattfinden sollte.[5]Südkoreas Blaues Haus",
        "Wort[1]Wort",
        "Ge\u00adspra\u0308che\u00a0\u00a0u\u0308ber\tAbru\u0308stung",
    ]
)
LINE = st.one_of(
    st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join),
    BOILERPLATE,
    st.lists(WORD, min_size=1, max_size=6).map(" ".join),
)
BREAK = st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\n\n\n\n", "  \n", "\t\n \n"])


@st.composite
def articles(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.tuples(LINE, BREAK), min_size=1, max_size=14))
    if len(lines) > 2 and draw(st.booleans()):
        start = draw(st.integers(0, len(lines) - 2))
        lines.append(lines[start])
        lines.extend(lines[start : start + draw(st.integers(1, 2))])
    return "".join(line + brk for line, brk in lines)


def assert_nothing_is_lost(article: ParsedArticle) -> None:
    kept = words(article.body)
    for removal in article.removed:
        kept.update(words(removal.text))
    assert kept == words(article.text)


def assert_body_maps_back(article: ParsedArticle) -> None:
    text, body = article.text, article.body
    assert len(article.body_origin) == len(body) + 1
    assert list(article.body_origin) == sorted(article.body_origin)
    cut_starts = {removal.start for removal in article.removed}
    for index, char in enumerate(body):
        start, end = article.text_span(index, index + 1)
        if char.isspace():
            source = text[start]
            assert source.isspace() or unicodedata.category(source) == "Cc" or start in cut_starts
        else:
            source = text[start:end]
            visible = "".join(c for c in source if unicodedata.category(c) != "Cf")
            assert char in unicodedata.normalize("NFC", source) + unicodedata.normalize(
                "NFC", visible
            )
    position = 0
    for line in body.split("\n"):
        start, end = article.text_span(position, position + len(line))
        position += len(line) + 1
        if not any(start <= removal.start < end for removal in article.removed):
            assert normalize(text[start:end]).text == line


def assert_removals_are_exact(article: ParsedArticle) -> None:
    previous_end = 0
    for removal in article.removed:
        assert removal.reason in REMOVAL_LABELS
        assert article.text[removal.start : removal.end] == removal.text
        assert previous_end <= removal.start < removal.end
        previous_end = removal.end


@settings(max_examples=300, deadline=None)
@given(articles())
def test_article_words_are_in_the_body_or_a_removal(text):
    article = parse_article(text)
    assert_nothing_is_lost(article)
    assert_removals_are_exact(article)
    assert article.title


@settings(max_examples=300, deadline=None)
@given(articles())
def test_body_spans_map_back_to_the_same_text(text):
    assert_body_maps_back(parse_article(text))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_parses_without_losing_words(text):
    article = parse_article(text)
    assert_nothing_is_lost(article)
    assert_removals_are_exact(article)
    assert_body_maps_back(article)
    assert article.title


@settings(max_examples=100, deadline=None)
@given(articles())
def test_checksum_is_the_same_with_crlf(text):
    lf = text.replace("\r\n", "\n")
    assert parse_article(lf).checksum == parse_article(lf.replace("\n", "\r\n")).checksum


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_checksum_of_an_article_is_the_checksum_of_its_text(text):
    # A spreadsheet row's checksum is `text_checksum` of its body: the same rule.
    assert parse_article(text).checksum == text_checksum(text)


# The seed corpus


def seed(prefix: str) -> ParsedArticle:
    path = seed_path(prefix)
    return read_article(path.read_bytes(), filename=path.name)


def sentences(text: str) -> list[str]:
    pieces = re.split(r"(?<=[.!?])\s*(?=[A-ZÄÖÜ„\"])|\n+", text)
    return [" ".join(piece.split()) for piece in pieces if piece.strip()]


def test_seed_001_mdr_article():
    article = seed("001")
    assert article.title == "USA-Nordkorea-Gipfel in Hanoi endet ohne Ergebnis"
    assert article.kicker == "Kein Durchbruch"
    assert article.publisher == "MDR"
    assert article.published_on == date(2019, 2, 28)
    caption = (
        "Kim und Trump beim Treffen in Hanoi.\n"
        "Der Gipfel in Hanoi ist ohne eine Eingung vorzeitig zu Ende gegangen."
    )
    assert article.body.count(caption) == 1
    assert article.body.count("Kim und Trump beim Treffen in Hanoi.") == 1
    for boilerplate in ("Bildrechte", "Dieses Thema im Programm", "Zuletzt aktualisiert"):
        assert boilerplate not in article.body
    for commenter_word in ("Wessi", "Meckersack", "Vogelschiss", "Kommentare", "Merseburger"):
        assert commenter_word not in article.body
    assert article.comment_count == 15
    assert article.body.split("\n\n")[-1].endswith(
        "Über den konkreten Inhalt der Gespräche wurde bisher nichts bekannt."
    )
    assert "Kein Durchbruch" not in article.body
    assert [removal.reason for removal in article.removed] == [
        "photo-credit",
        "kicker",
        "headline",
        "duplicate-caption",
        "programme-line",
        "updated-footer",
        "comments",
    ]


def test_seed_000_wikipedia_article_has_no_footnote_markers():
    article = seed("000")
    assert re.search(r"\[\d+\]", article.body) is None
    assert "stattfinden sollte. Südkoreas" in article.body
    assert len(removed(article, "footnote-marker")) == 12


def test_seed_002_dateline_and_paragraphs():
    article = seed("002")
    assert article.dateline == "Hanoi"
    assert article.body.startswith("Hanoi. Kim Jong-un war zuerst da.")
    assert "\n\n\n" not in article.body
    assert len(article.body.split("\n\n")) == 6
    assert "\n\nEnde des Korea-Kriegs?\n\n" in article.body


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_title_and_every_sentence_kept(prefix):
    article = seed(prefix)
    assert article.title
    assert len(article.title) <= max(TITLE_MAX_CHARS, 60)
    article_text = article.text.split("Dieses Thema im Programm")[0]
    article_text = re.sub(r"\[\d+\]|Bildrechte: dpa|Kein Durchbruch USA-.*", "", article_text)
    flat_body = " ".join(article.body.split())
    for sentence in sentences(article_text):
        assert sentence in flat_body
    assert_nothing_is_lost(article)
    assert_body_maps_back(article)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_reads_the_same_in_windows_1252_with_crlf(prefix):
    article = seed(prefix)
    crlf = article.text.replace("\n", "\r\n")
    try:
        data = crlf.encode("cp1252")
    except UnicodeEncodeError:  # 000 names a Vietnamese town Windows-1252 cannot spell
        data = crlf.encode("utf-8")
    windows = read_article(data, filename="windows.txt")
    assert windows.checksum == article.checksum
    assert (windows.title, windows.kicker, windows.body) == (
        article.title,
        article.kicker,
        article.body,
    )
    assert [removal.reason for removal in windows.removed] == [
        removal.reason for removal in article.removed
    ]
