from sources.passages import Cut, cut_around, passage_around

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
