"""Article text made clean (sources/importing/normalize.py), and every clean character
traced back to the original, so a quotation found in the clean text is marked in the file."""

from sources.importing.normalize import normalize, text_checksum


def test_line_endings_spaces_and_blank_lines_are_made_plain():
    text = "  Gipfel\r\n\r\n\r\n\r\nin  Hanoi \t\nZeile eins \nZeile zwei\n"
    assert normalize(text).text == "Gipfel\n\nin Hanoi\nZeile eins\nZeile zwei"


def test_invisible_characters_are_dropped_and_odd_spaces_become_spaces():
    assert normalize("\ufeffGip\u00adfel in Ha\u200bnoi").text == "Gipfel in Hanoi"
    assert normalize("Kim\u00a0Jong\u202fUn").text == "Kim Jong Un"


def test_decomposed_umlauts_are_composed():
    assert normalize("Gru\u0308ße aus Hanoi").text == "Grüße aus Hanoi"


def test_a_text_of_spaces_alone_is_empty():
    assert normalize(" \n\t\u00a0").text == ""


def test_a_span_of_the_clean_text_maps_back_to_the_words_in_the_original():
    original = "  Gipfel\r\n\r\n\r\nin  Ha\u00adnoi."
    clean = normalize(original)
    start = clean.text.index("Hanoi")
    first, last = clean.source_span(start, start + len("Hanoi"))
    assert original[first:last] == "Ha\u00adnoi"


def test_a_composed_letter_maps_back_to_the_letter_and_its_mark():
    original = "Gru\u0308ße"
    first, last = normalize(original).source_span(2, 3)
    assert original[first:last] == "u\u0308"


def test_an_empty_span_at_the_end_maps_to_the_end_of_the_original():
    assert normalize("Hanoi. ").source_span(6, 6) == (6, 6)


def test_the_checksum_ignores_line_endings_spacing_and_composition():
    unix = "Gipfel in Hanoi\n\nGrüße"
    assert text_checksum("Gipfel  in Hanoi\r\n\r\nGru\u0308ße\r\n") == text_checksum(unix)
    assert text_checksum("Gipfel in Hanoi\n\nGrüsse") != text_checksum(unix)
    assert len(text_checksum(unix)) == 64  # SHA-256 in hex
