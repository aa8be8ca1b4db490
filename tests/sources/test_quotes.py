"""The statement extractor: literal German sentences for each rule, then the seed articles."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sources.importing.parse import parse_article
from sources.importing.quotes import extract_quotes, find_quotations
from sources.importing.types import KnownPerson, QuoteCandidate
from tests.seeds import seed_path

PEOPLE = (
    KnownPerson("Donald Trump", ("Trump", "US-Präsident", "Präsident Trump")),
    KnownPerson("Kim Jong-un", ("Kim", "Kim Jong Un", "Machthaber", "Staatschef Kim")),
    KnownPerson("Mike Pompeo", ("Pompeo",)),
)


def only(candidates: list[QuoteCandidate], text: str) -> QuoteCandidate:
    found = [c for c in candidates if c.text == text]
    assert len(found) == 1, f"{text!r} not found once in {[c.text for c in candidates]}"
    return found[0]


def assert_spans_index_text(text: str, candidates: list[QuoteCandidate]) -> None:
    for candidate in candidates:
        assert text[candidate.start : candidate.end] == candidate.text
        if candidate.speaker_start is not None:
            assert candidate.speaker_end is not None
            assert 0 <= candidate.speaker_start < candidate.speaker_end <= len(text)
        assert 0.0 <= candidate.confidence <= 1.0
    assert [c.start for c in candidates] == sorted(c.start for c in candidates)


# Quotation marks


@pytest.mark.parametrize(
    "text",
    [
        "Er sagte: „Wir kommen wieder.“",
        'Er sagte: "Wir kommen wieder."',
        "Er sagte: »Wir kommen wieder.«",
        "Er sagte: «Wir kommen wieder.»",
        "Er sagte: “Wir kommen wieder.”",
        "Er sagte: ‚Wir kommen wieder.‘",
    ],
)
def test_every_quotation_mark_style_is_paired(text):
    (quotation,) = find_quotations(text)
    assert text[quotation.start : quotation.end] == "Wir kommen wieder."


def test_nested_quotation_stays_inside_the_outer_one():
    text = "Er sagte: „Wir haben Anmeldungen für „Small Business“ gehabt.“"
    (quotation,) = find_quotations(text)
    assert (
        text[quotation.start : quotation.end]
        == "Wir haben Anmeldungen für „Small Business“ gehabt."
    )


def test_unbalanced_mark_does_not_swallow_the_next_paragraph():
    text = "Er sprach von „einem Erfolg.\nDann sagte Kim: „Wir sind bereit.“"
    quotations = find_quotations(text)
    assert [text[q.start : q.end] for q in quotations] == ["Wir sind bereit."]


def test_quotation_running_over_paragraphs_is_one_quotation():
    text = (
        "In dem Urteil heißt es:\n„Wir sind überzeugt, richtig entschieden zu haben.\n"
        "Befriedigung verspüren wir dadurch nicht.“\nDas Gericht vertagte sich."
    )
    (quotation,) = find_quotations(text)
    assert text[quotation.start : quotation.end].startswith("Wir sind überzeugt")
    assert text[quotation.start : quotation.end].endswith("dadurch nicht.")
    quote = only(extract_quotes(text), text[quotation.start : quotation.end])
    assert quote.speaker == "Urteil"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("„Eins „Zwei „Drei, sagte er. „Das ist wahr“, sagte Kim.", ["Das ist wahr"]),
        (
            "»Eins »Zwei« sagte er. „Das ist „wahr“ und gut“, sagte Kim. „Offen",
            ["Zwei", "Das ist „wahr“ und gut"],
        ),
    ],
)
def test_stray_openers_are_passed_over_however_many_come_before_a_closer(text, quoted):
    assert [text[q.start : q.end] for q in find_quotations(text)] == quoted


# Where the reporting clause stands


def test_cue_after_the_quote_names_the_speaker():
    text = "„Wir konnten das nicht tun“, sagte Trump am Donnerstag."
    quote = only(extract_quotes(text), "Wir konnten das nicht tun")
    assert (quote.speaker, quote.cue, quote.kind) == ("Trump", "sagte", "direct")
    assert text[quote.speaker_start : quote.speaker_end] == "Trump"
    assert quote.confidence >= 0.85


def test_cue_before_the_quote_with_a_colon():
    text = "Kim entgegnete: „Ich hoffe, dass wir alles erreichen.“"
    quote = only(extract_quotes(text), "Ich hoffe, dass wir alles erreichen.")
    assert (quote.speaker, quote.cue, quote.kind) == ("Kim", "entgegnete", "direct")


def test_inverted_cue_before_the_quote():
    text = "Zum Auftakt des Treffens in Hanoi sagte Trump: „Ihr Land hat gewaltiges Potenzial.“"
    quote = only(extract_quotes(text), "Ihr Land hat gewaltiges Potenzial.")
    assert quote.speaker == "Trump"


def test_cue_inside_a_split_quote():
    text = "„Das ist gut“, sagte die Ministerin, „aber es reicht nicht.“"
    candidates = extract_quotes(text)
    assert only(candidates, "Das ist gut").speaker == "Ministerin"
    assert only(candidates, "aber es reicht nicht.").speaker == "Ministerin"


def test_so_after_the_quote():
    text = "„Wir bleiben hart“, so der Sprecher des Weißen Hauses."
    quote = only(extract_quotes(text), "Wir bleiben hart")
    assert quote.cue == "so"
    assert quote.speaker == "Sprecher des Weißen Hauses"


def test_headline_style_colon():
    text = "Merkel: „Wir schaffen das.“"
    quote = only(extract_quotes(text), "Wir schaffen das.")
    assert quote.speaker == "Merkel"


def test_separable_verb_needs_its_particle():
    text = "„Die Gespräche sind beendet“, teilte ein Sprecher mit."
    quote = only(extract_quotes(text), "Die Gespräche sind beendet")
    assert (quote.speaker, quote.cue) == ("ein Sprecher", "teilte mit")


def test_verb_right_after_the_quotation_reports_it_even_when_unknown():
    text = "„Wo ist meine Stimme?“, wollen die Demonstranten wissen."
    quote = only(extract_quotes(text), "Wo ist meine Stimme?")
    assert quote.speaker == "Demonstranten"


def test_next_sentence_can_name_the_speaker():
    text = "„Ja, es gibt Zumutungen“. Das musste Bundesfinanzminister Peer Steinbrück einräumen."
    quote = only(extract_quotes(text), "Ja, es gibt Zumutungen")
    assert quote.speaker == "Bundesfinanzminister Peer Steinbrück"


def test_zitiert_names_the_person_quoted_not_the_newspaper():
    text = "Die Rundschau zitiert einen Augenzeugen mit den Worten: „Der Mann ist weggerannt.“"
    spoken = [c for c in extract_quotes(text) if c.kind != "written"]
    quote = only(spoken, "Der Mann ist weggerannt.")
    assert quote.speaker == "einen Augenzeugen"


def test_heisst_es_takes_the_source_it_names():
    text = "In dem Antrag heißt es wörtlich: „Die Einstufung wäre ein wichtiger Schritt.“"
    quote = only(extract_quotes(text), "Die Einstufung wäre ein wichtiger Schritt.")
    assert (quote.speaker, quote.cue, quote.kind) == ("Antrag", "heißt es", "written")


def test_chanted_slogans_belong_to_the_crowd():
    text = "Die Demonstranten skandierten Parolen wie „Stoppt den Überwachungswahn“."
    quote = only(extract_quotes(text), "Stoppt den Überwachungswahn")
    assert quote.speaker == "Demonstranten"


def test_so_dass_is_not_a_reporting_clause():
    text = "Die Funktion war unterbunden, so dass die Tiere „beeinträchtigt“ waren."
    assert [c for c in extract_quotes(text) if c.kind != "indirect"] == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("„Ich bin bereit“, sagte die in New York City geborene Lopez.", "Lopez"),
        (
            "Die das Unglück überlebende Alice Kakamara beschrieb den Hergang: „Die See war rau.“",
            "Alice Kakamara",
        ),
    ],
)
def test_speaker_named_after_a_participle_attribute(text, speaker):
    (quote,) = [c for c in extract_quotes(text) if c.kind == "direct"]
    assert quote.speaker == speaker


def test_name_with_a_particle_at_the_sentence_start_is_the_speaker():
    text = "Von der Leyen sagte am Montag: „Wir stehen zusammen.“"
    quote = only(extract_quotes(text), "Wir stehen zusammen.")
    assert quote.speaker == "Von der Leyen"


def test_apposition_names_the_speaker_when_the_phrase_before_it_is_unclear():
    text = (
        "Die Sprecherin von Bündnis 90/Die Grünen, Anja Hajduk, kritisierte die Pläne. "
        "„Das ist völlig unrealistisch.“"
    )
    quote = only(extract_quotes(text), "Das ist völlig unrealistisch.")
    assert quote.speaker == "Anja Hajduk"


def test_inserted_clauses_do_not_hide_the_subject_of_the_sentence_before():
    text = (
        "Sadiq Khan, eines der Mitglieder, die den Brief unterschrieben, verurteilte die Haltung "
        "der Regierung. „Diese Regierung hat einige große Erfolge zu verzeichnen.“"
    )
    quote = only(extract_quotes(text), "Diese Regierung hat einige große Erfolge zu verzeichnen.")
    assert quote.speaker == "Sadiq Khan"


def test_whose_words_a_speech_noun_names():
    text = "Das Fazit von Sandra Boser nach fünf Jahren fällt klar aus: „Darauf sind wir stolz.“"
    quote = only(extract_quotes(text), "Darauf sind wir stolz.")
    assert quote.speaker == "Sandra Boser"


def test_quotation_in_brackets_after_a_name_is_theirs():
    text = (
        "Auch der Leiter der Behörde, Mohammed ElBaradei („Niemand verdient es mehr.“), "
        "gratulierte."
    )
    quote = only(extract_quotes(text), "Niemand verdient es mehr.")
    assert quote.speaker == "Mohammed ElBaradei"


def test_possessive_before_a_colon_goes_on_with_the_speaker():
    text = (
        "Der Außenbeauftragte Javier Solana äußerte sich zuversichtlich: „Es wird gelingen.“ "
        "Seine Zuversicht gründet sich auf frühere Erfahrungen: „Das war immer so.“"
    )
    quote = only(extract_quotes(text), "Das war immer so.")
    assert quote.speaker == "Außenbeauftragte Javier Solana"


def test_konjunktiv_report_after_a_sentence_about_someone_is_theirs():
    text = (
        "„Das war ein Fehler“, sagte der Verbandschef. "
        "Am Nachmittag nahm die Ministerin Ute Kraus zu der Frage Stellung. "
        "Jeder Lehrer könne „das Konto jetzt oder später einlösen“."
    )
    quote = only(extract_quotes(text), "das Konto jetzt oder später einlösen")
    assert quote.speaker == "Ministerin Ute Kraus"


def test_document_named_before_heisst_es_is_the_source():
    text = (
        "Im letzten Satz der Anordnung (Subpoena), die der Firma zugestellt wurde, heißt es: "
        "„Die Firma darf die Nutzer nicht informieren.“"
    )
    quote = only(extract_quotes(text), "Die Firma darf die Nutzer nicht informieren.")
    assert (quote.speaker, quote.kind) == ("letzten Satz der Anordnung", "written")


def test_opinion_noun_with_an_adjective_reports_the_view():
    text = (
        "Viele Befragte sind der gegenteiligen Auffassung, dass das System „schlecht“ "
        "funktioniert."
    )
    quote = only(extract_quotes(text), "schlecht")
    assert quote.speaker == "Viele Befragte"


def test_assessment_by_a_named_agent_is_a_statement():
    text = "Die Gefahr wird vom Deutschen Wetterdienst als „sehr hoch“ eingestuft."
    quote = only(extract_quotes(text), "sehr hoch")
    assert quote.speaker == "Deutschen Wetterdienst"


def test_quoted_words_after_a_title_noun_in_lower_case_are_a_statement():
    text = (
        "Wie der Minister erklärte, sieht die Regierung in dem Gesetz "
        "„kein Hindernis für Investoren“."
    )
    quote = only(extract_quotes(text), "kein Hindernis für Investoren")
    assert quote.speaker == "Minister"


# Who "er" and "Kim" are


def test_pronoun_resolves_to_the_last_person_named():
    text = (
        "Kim hatte sich für ein Verbindungsbüro ausgesprochen. "
        "Ein solches Büro wäre „begrüßenswert“, sagte er vor Journalisten."
    )
    quote = only(extract_quotes(text, people=PEOPLE), "begrüßenswert")
    assert quote.speaker == "Kim Jong-un"
    assert text[quote.speaker_start : quote.speaker_end] == "er"
    assert quote.kind == "fragment"
    assert quote.confidence < 0.9


def test_pronoun_without_known_people_takes_the_last_speaker_of_matching_gender():
    text = (
        "Bundeskanzlerin Angela Merkel sagte, die Lage sei ernst. "
        "„Wir müssen handeln“, betonte sie."
    )
    quote = only(extract_quotes(text), "Wir müssen handeln")
    assert quote.speaker == "Bundeskanzlerin Angela Merkel"


def test_aliases_resolve_to_the_full_name():
    text = "„Wir haben sehr interessante Gespräche geführt“, sagte Kim Jong Un."
    quote = only(
        extract_quotes(text, people=PEOPLE), "Wir haben sehr interessante Gespräche geführt"
    )
    assert quote.speaker == "Kim Jong-un"
    assert text[quote.speaker_start : quote.speaker_end] == "Kim Jong Un"


def test_surname_resolves_to_the_known_person_the_text_names_in_full():
    people = [KnownPerson("Ri Yong-ho", ("Ri Yong Ho", "Außenminister Ri"))]
    text = (
        "Nordkoreas Außenminister Ri Yong-ho widersprach. "
        "„Das war der größte Schritt“, sagte Ri vor Journalisten."
    )
    quote = only(extract_quotes(text, people=people), "Das war der größte Schritt")
    assert quote.speaker == "Ri Yong-ho"
    assert text[quote.speaker_start : quote.speaker_end] == "Ri"
    without_people = only(extract_quotes(text), "Das war der größte Schritt")
    assert without_people.speaker == "Nordkoreas Außenminister Ri Yong-ho"


def test_fuller_name_resolves_only_to_the_person_the_mention_is_part_of():
    people = [KnownPerson("Ri Yong-ho", ("Ri Yong Ho",)), KnownPerson("Kim Jong-un", ("Kim",))]
    text = "Kim empfing Ri Yong-ho. „Wir sind bereit“, sagte Ri."
    quote = only(extract_quotes(text, people=people), "Wir sind bereit")
    assert quote.speaker == "Ri Yong-ho"


def test_title_resolves_to_the_person_it_stands_for():
    text = "Dennoch sprach der US-Präsident von einem „produktiven“ Treffen."
    quote = only(extract_quotes(text, people=PEOPLE), "produktiven")
    assert (quote.speaker, quote.kind, quote.cue) == ("Donald Trump", "fragment", "sprach von")


def test_surname_is_named_as_fully_as_the_text_names_it():
    text = (
        "Bundeskanzlerin Angela Merkel reiste nach Paris. "
        "„Europa muss zusammenstehen“, sagte Merkel dort."
    )
    quote = only(extract_quotes(text), "Europa muss zusammenstehen")
    assert quote.speaker == "Bundeskanzlerin Angela Merkel"
    assert text[quote.speaker_start : quote.speaker_end] == "Merkel"


def test_surname_is_named_as_fully_as_the_text_named_it_long_before():
    text = (
        "Bundeskanzlerin Angela Merkel reiste nach Paris. "
        + "Die Sitzung dauerte lange. " * 300
        + "„Europa muss zusammenstehen“, sagte Merkel."
    )
    quote = only(extract_quotes(text), "Europa muss zusammenstehen")
    assert quote.speaker == "Bundeskanzlerin Angela Merkel"


def test_pronoun_refers_back_past_any_number_of_speakers_of_the_other_gender():
    others = " ".join(f"Der Sprecher Meier{k} sagte, es gehe voran." for k in range(300))
    text = (
        "Die Ministerin Anna Roth kam zuerst. Roth sagte, sie sei froh. "
        f"{others} „Wir sind bereit“, sagte sie."
    )
    quote = only(extract_quotes(text), "Wir sind bereit")
    assert quote.speaker == "Ministerin Anna Roth"


# Fragments, scare quotes, titles


def test_fragment_carried_over_from_the_previous_sentence():
    text = (
        "Dennoch sprach der US-Präsident von einem „produktiven“ Treffen. "
        "Es habe „verschiedene Optionen“ gegeben."
    )
    quote = only(extract_quotes(text, people=PEOPLE), "verschiedene Optionen")
    assert (quote.speaker, quote.kind) == ("Donald Trump", "fragment")
    assert quote.confidence < only(extract_quotes(text, people=PEOPLE), "produktiven").confidence


def test_scare_quotes_around_a_term_are_not_statements():
    text = (
        "So dreht sich alles um Etappen auf dem Weg zu einer „Denuklearisierung“ Nordkoreas. "
        "Die Spekulationen reichten bis zur Schließung - bei „korrespondierenden“ Gegenleistungen."
    )
    assert extract_quotes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Der Film „Der Schrei“ lief gestern im Fernsehen.",
        "Das sagte er der Zeitung „Die Welt“ am Montag.",
        "Die Operation „Wüstensturm“ begann im Januar.",
        "Der Roman „Atemschaukel“ wurde ausgezeichnet, sagte der Verleger.",
    ],
)
def test_titles_of_works_are_not_statements(text):
    assert [c for c in extract_quotes(text) if c.kind != "indirect"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Mondlandefähre „Eagle“ setzte am Abend auf, sagte der Sprecher.",
        "Das Profil, auch „Bonus View“ genannt, erklärte der Hersteller, sei neu.",
        "Wie die „Aktion Deutschland hilft“ mitteilte, kamen Helfer an.",
        "Der Verband (kurz: „IG Bau“) befürchtet einen Abbau von Stellen.",
        "Der wissenschaftliche Name lautet „Tiktaalik roseae“, sagte der Forscher.",
    ],
)
def test_names_of_things_are_not_statements(text):
    assert [c for c in extract_quotes(text) if c.kind != "indirect"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Shelby hält mit seinem „Ultimate Aero“ den Rekord, bestätigte der Hersteller.",
        "Für die Finanzierung einer neuen „Do 228“ stellt das Institut einen Antrag, sagte er.",
        "Das Bündnis (übersetzt etwa: „Vereinigte Front für Demokratie“) rief zur Kundgebung.",
        "„Gewalt gegen Kinder“, so lautet der Titel einer Studie.",
        "Der Name bedeutet auf Zulu etwa „Menschlichkeit“, erklärte der Entwickler.",
    ],
)
def test_names_designations_translations_and_titles_are_not_statements(text):
    assert [c for c in extract_quotes(text) if c.kind != "indirect"] == []


def test_capitalised_words_the_report_calls_something_are_quoted():
    text = "Die Männer wurden heute als „Feinde Gottes“ bezeichnet, sagte der Sprecher."
    assert only(extract_quotes(text), "Feinde Gottes").kind == "fragment"


def test_heisst_es_before_a_colon_introduces_a_statement():
    text = (
        "In der Anordnung heißt es: "
        "„Twitter darf die Existenz dieser Entscheidung nicht enthüllen.“"
    )
    quote = only(
        extract_quotes(text), "Twitter darf die Existenz dieser Entscheidung nicht enthüllen."
    )
    assert quote.speaker == "Anordnung"


def test_example_before_a_slogan_does_not_make_it_a_title():
    text = "Die Demonstranten skandierten Parolen wie zum Beispiel „Stoppt den Überwachungswahn“."
    quote = only(extract_quotes(text), "Stoppt den Überwachungswahn")
    assert quote.speaker == "Demonstranten"


def test_single_quoted_noun_counts_when_the_report_calls_something_that():
    text = "SPD-Innenexperte Wiefelspütz nannte den Bericht eine „Zeitungsente“."
    quote = only(extract_quotes(text), "Zeitungsente")
    assert (quote.speaker, quote.kind, quote.cue) == (
        "SPD-Innenexperte Wiefelspütz",
        "fragment",
        "nannte",
    )


# Indirect and written statements


def test_indirect_speech_with_konjunktiv():
    text = (
        "Trump sagte am Dienstag, es gebe noch viel Arbeit zu tun, aber sein Verhältnis sei gut."
    )
    (quote,) = extract_quotes(text)
    assert quote.kind == "indirect"
    assert quote.text == "es gebe noch viel Arbeit zu tun, aber sein Verhältnis sei gut"
    assert (quote.speaker, quote.cue) == ("Trump", "sagte")


def test_source_phrase_makes_the_rest_of_the_sentence_indirect():
    text = "Nach Angaben der Polizei wurden am Abend zwölf Menschen festgenommen."
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.text, quote.speaker) == (
        "indirect",
        "wurden am Abend zwölf Menschen festgenommen",
        "Polizei",
    )


def test_konjunktiv_goes_on_reporting_the_last_speaker():
    text = (
        "Kim Jong-un sagte, er würde ein Büro begrüßen. Es solle auch ein Büro in Washington "
        "eröffnet werden."
    )
    candidates = extract_quotes(text, people=PEOPLE)
    carried = only(candidates, "Es solle auch ein Büro in Washington eröffnet werden")
    assert (carried.kind, carried.speaker) == ("indirect", "Kim Jong-un")
    assert carried.confidence < only(candidates, "er würde ein Büro begrüßen").confidence


def test_konjunktiv_report_of_someone_else_does_not_change_the_speaker():
    text = (
        "Vor der Presse erklärte Trump den Abbruch. „Es ging um die Sanktionen“, sagte der "
        "US-Präsident. Kim habe die Aufhebung aller Strafmaßnahmen verlangt. "
        "„Manchmal muss man einfach gehen.“"
    )
    candidates = extract_quotes(text, people=PEOPLE)
    assert only(candidates, "Manchmal muss man einfach gehen.").speaker == "Donald Trump"
    reported = only(candidates, "Kim habe die Aufhebung aller Strafmaßnahmen verlangt")
    assert (reported.kind, reported.speaker) == ("indirect", "Donald Trump")


def test_indicative_report_of_someone_else_changes_the_speaker():
    text = (
        "„Es ging um die Sanktionen“, sagte der US-Präsident. Kim verlangte die Aufhebung "
        "aller Strafmaßnahmen. „Das ist unser Recht.“"
    )
    quote = only(extract_quotes(text, people=PEOPLE), "Das ist unser Recht.")
    assert quote.speaker == "Kim Jong-un"


def test_indicative_after_a_reporting_verb_is_not_indirect_speech():
    text = "Trump sagte am Dienstag, bevor er abreiste, nichts mehr."
    assert extract_quotes(text) == []


def test_indicative_clause_after_a_verb_of_saying_is_indirect_speech():
    text = "Der Minister sagte am Montag, das Gesetz verletzt internationale Absprachen."
    quote = only(extract_quotes(text), "das Gesetz verletzt internationale Absprachen")
    assert (quote.kind, quote.speaker, quote.cue) == ("indirect", "Minister", "sagte")


def test_subject_with_its_apposition_before_the_verb_is_no_speech():
    text = (
        "Auch die Fraktionschefin der Grünen, Renate Künast, äußerte sich kritisch über "
        "deutsche Autos."
    )
    assert not [c for c in extract_quotes(text) if c.text.startswith("Auch die")]


def test_indicative_clause_after_the_subjects_apposition_is_no_speech():
    text = "„Die Nachfrage ist stark“, sagte Edmon Chung, Chef von DotAsia."
    assert [c.text for c in extract_quotes(text)] == ["Die Nachfrage ist stark"]


def test_zu_infinitive_after_a_verb_of_announcing_is_indirect_speech():
    text = (
        "Der Verteidigungsminister kündigte indes an, diese Problematik bei seinem Besuch "
        "anzusprechen, wie er es versprochen hatte."
    )
    quote = only(extract_quotes(text), "diese Problematik bei seinem Besuch anzusprechen")
    assert (quote.kind, quote.speaker) == ("indirect", "Verteidigungsminister")


def test_konjunktiv_goes_on_reporting_over_following_sentences():
    text = (
        "Der Sprecher der Polizei sagte, die Lage sei ruhig. Am Abend hatten sich Hunderte "
        "versammelt. Niemand sei verletzt worden."
    )
    carried = only(extract_quotes(text), "Niemand sei verletzt worden")
    assert (carried.kind, carried.speaker) == ("indirect", "Sprecher der Polizei")


def test_konjunktiv_going_on_over_sentences_of_a_paragraph_is_one_statement():
    text = (
        "Die Polizei teilte mit, der Täter sei geflohen. Er habe zuvor einen Mann verletzt. "
        "Die Fahndung laufe noch."
    )
    candidates = extract_quotes(text)
    carried = only(candidates, "Er habe zuvor einen Mann verletzt. Die Fahndung laufe noch")
    assert (carried.kind, carried.speaker) == ("indirect", "Polizei")
    assert only(candidates, "der Täter sei geflohen").speaker == "Polizei"


def test_sentence_joined_to_a_report_leaves_no_second_candidate():
    text = (
        "Das Weiße Haus teilte mit, das Treffen sei beendet. Eine Einigung sei nicht erzielt "
        "worden. Das Mittagessen sei gestrichen worden."
    )
    candidates = extract_quotes(text)
    assert [c.text for c in candidates] == [
        "das Treffen sei beendet",
        "Eine Einigung sei nicht erzielt worden. Das Mittagessen sei gestrichen worden",
    ]


def test_konjunktiv_going_on_with_quoted_words_reports_the_whole_sentence():
    text = (
        "Der Sprecher sagte, der Zug sei entgleist. Die Bahn habe „sofort reagiert“ und die "
        "Strecke gesperrt."
    )
    candidates = extract_quotes(text)
    carried = only(candidates, "Die Bahn habe „sofort reagiert“ und die Strecke gesperrt")
    assert (carried.kind, carried.speaker) == ("indirect", "Sprecher")
    assert only(candidates, "sofort reagiert").speaker == "Sprecher"


def test_konjunktiv_of_a_verb_outside_the_known_forms_goes_on_reporting():
    text = "Die Firma erklärte, das neue Gerät sei fertig. Es funktioniere auch ohne Netz."
    carried = only(extract_quotes(text), "Es funktioniere auch ohne Netz")
    assert (carried.kind, carried.speaker) == ("indirect", "Firma")


@pytest.mark.parametrize(
    ("text", "report", "mention"),
    [
        (
            "Die Fördermenge wird vorerst nicht reduziert. Dies teilte der Ölminister Ali "
            "al-Omair am Montag mit.",
            "Die Fördermenge wird vorerst nicht reduziert",
            "Ölminister Ali al-Omair",
        ),
        (
            "Im Jahr 2007 starben 300 Menschen an Malaria. Das geht aus einem Bericht der "
            "Weltgesundheitsorganisation hervor.",
            "Im Jahr 2007 starben 300 Menschen an Malaria",
            "einem Bericht der Weltgesundheitsorganisation",
        ),
    ],
)
def test_sentence_reported_by_the_next_one_dies_teilte_x_mit(text, report, mention):
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.text) == ("indirect", report)
    assert mention in text[quote.speaker_start : quote.speaker_end]


def test_dass_clause_after_a_verb_of_holding_is_indirect_speech():
    text = "Die Bank schätzt, dass im nächsten Jahr mehr Geld in die Region fließen wird."
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.speaker, quote.cue) == ("indirect", "Bank", "schätzt")
    assert quote.text == "dass im nächsten Jahr mehr Geld in die Region fließen wird"


def test_dass_clause_after_a_verb_of_saying_with_its_addressee_between():
    text = (
        "Der Staatssekretär sagte der „Berliner Zeitung“, dass an jeder Tankstelle Biodiesel "
        "angeboten werden sollte."
    )
    quote = only(
        extract_quotes(text), "dass an jeder Tankstelle Biodiesel angeboten werden sollte"
    )
    assert (quote.kind, quote.speaker) == ("indirect", "Staatssekretär")


@pytest.mark.parametrize(
    ("text", "report"),
    [
        (
            "Zeller schlägt vor, die Maut nur für den Verkehr durch das Elsass zu erheben.",
            "die Maut nur für den Verkehr durch das Elsass zu erheben",
        ),
        (
            "Unterstützung erhält der Vorschlag, die Flaggen des Landes zu wechseln.",
            "die Flaggen des Landes zu wechseln",
        ),
    ],
)
def test_zu_infinitive_after_a_proposal_is_indirect_speech(text, report):
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.text) == ("indirect", report)


def test_zu_infinitive_of_purpose_is_no_report():
    assert extract_quotes("Er ging nach Hause, um dort in Ruhe zu essen.") == []


def test_dass_clause_after_a_verb_without_its_particle_is_no_report():
    text = "Messungen deuteten darauf hin, dass das Magnetfeld der Erde dort stark abweicht."
    assert extract_quotes(text) == []


def test_indirect_clause_keeps_the_quoted_words_inside_it():
    text = "Der Minister sagte, dass die Regierung „keine neuen Schulden“ machen werde."
    candidates = extract_quotes(text)
    clause = only(candidates, "dass die Regierung „keine neuen Schulden“ machen werde")
    assert (clause.kind, clause.speaker) == ("indirect", "Minister")
    assert only(candidates, "keine neuen Schulden").kind == "fragment"


def test_konjunktiv_sentence_without_anyone_named_is_left_for_the_editor():
    text = "Das Feuer brach am Morgen aus. Die Ursache sei noch unklar."
    quote = only(extract_quotes(text), "Die Ursache sei noch unklar")
    assert (quote.kind, quote.speaker, quote.speaker_start) == ("indirect", "", None)


def test_reported_demand_is_the_whole_sentence():
    text = "Die EU fordert seit Jahren eine bessere Bekämpfung der Korruption in Bulgarien."
    (quote,) = extract_quotes(text)
    assert quote.kind == "indirect"
    assert quote.text == text.rstrip(".")
    assert text[quote.speaker_start : quote.speaker_end] == "Die EU"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Der ehemalige Umweltminister Jürgen Trittin sagte, er sei zufrieden.",
            "Der ehemalige Umweltminister Jürgen Trittin",
        ),
        ("Nach Angaben der Sicherheitsbehörden wurden zwölf Menschen verletzt.", None),
        (
            "„Wir sind bereit“, sagte Ministerin Gitta Trauernicht (SPD) am Abend.",
            "Ministerin Gitta Trauernicht (SPD)",
        ),
        (
            "„Die Kurse fallen“, sagte Theo Kitz vom Bankhaus Merck Finck.",
            "Theo Kitz vom Bankhaus Merck Finck",
        ),
        (
            "„Wir prüfen das“, sagte Olli Rehn, EU-Erweiterungskommissar, in Brüssel.",
            "Olli Rehn, EU-Erweiterungskommissar",
        ),
        (
            "„Wir sind vorbereitet“, sagte der Einsatzleiter der Polizei im Kreis Unna.",
            "der Einsatzleiter der Polizei im Kreis Unna",
        ),
        (
            "Nach Einschätzung politischer Beobachter ist die Wahl entschieden.",
            "Einschätzung politischer Beobachter",
        ),
        ("SPD und Linke kritisierten, der Haushalt sei nicht gedeckt.", "SPD und Linke"),
        (
            "Die IADB und der MIF erklärten, die Kredite würden helfen.",
            "Die IADB und der MIF",
        ),
    ],
)
def test_speaker_mention_is_the_whole_noun_phrase(text, mention):
    (quote,) = extract_quotes(text)
    mention = mention or "Angaben der Sicherheitsbehörden"
    assert text[quote.speaker_start : quote.speaker_end] == mention


def test_article_after_the_comma_opens_the_report_not_a_relative_clause():
    text = (
        "Der Außenminister sagte vor der Presse, die Bundesregierung sehe mit Sorge nach Teheran."
    )
    quote = only(extract_quotes(text), "die Bundesregierung sehe mit Sorge nach Teheran")
    assert (quote.kind, quote.speaker) == ("indirect", "Außenminister")


def test_quoted_words_inside_a_report_closed_by_so_belong_to_it():
    text = "Dennoch habe er seiner „Vorbildfunktion“ nicht entsprochen, so Nacke."
    quote = only(
        extract_quotes(text), "Dennoch habe er seiner „Vorbildfunktion“ nicht entsprochen"
    )
    assert (quote.kind, quote.speaker) == ("indirect", "Nacke")


def test_demnach_reports_what_the_source_last_named_says():
    text = (
        "Das Ministerium legte am Montag einen Gesetzentwurf vor. Die Flugsicherung solle "
        "verkauft werden, teilte ein Sprecher mit. Demnach darf die Flugsicherung "
        "privatisiert werden."
    )
    quote = only(extract_quotes(text), "darf die Flugsicherung privatisiert werden")
    assert (quote.kind, quote.speaker) == ("indirect", "ein Sprecher")


def test_source_phrase_with_a_report_noun():
    text = "Nach einem Fernsehbericht des Senders Al-Dschasira ist der Machthaber beerdigt worden."
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.text) == ("indirect", "ist der Machthaber beerdigt worden")
    mention = "einem Fernsehbericht des Senders Al-Dschasira"
    assert text[quote.speaker_start : quote.speaker_end] == mention


@pytest.mark.parametrize(
    "text",
    [
        "Unterdessen sagte, die Gespräche seien gescheitert.",
        "Kritisch äußerte sich, man habe zu wenig erreicht.",
    ],
)
def test_sentence_adverb_is_no_speaker(text):
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.speaker, quote.speaker_start) == ("indirect", "", None)


def test_source_named_only_by_a_compound_is_the_mention_without_a_speaker():
    text = "Nach Polizeiangaben wurden drei Menschen verletzt."
    (quote,) = extract_quotes(text)
    assert (quote.text, quote.speaker) == ("wurden drei Menschen verletzt", "")
    assert text[quote.speaker_start : quote.speaker_end] == "Polizeiangaben"


def test_wie_clause_with_its_particle_before_the_verb_attributes_the_rest():
    text = (
        "Wie der Sportartikelhersteller Adidas am Morgen bekannt gab, wird er den "
        "Konkurrenten Reebok übernehmen."
    )
    (quote,) = extract_quotes(text)
    assert (quote.text, quote.speaker, quote.cue) == (
        "wird er den Konkurrenten Reebok übernehmen",
        "Sportartikelhersteller Adidas",
        "gab bekannt",
    )


def test_wie_clause_around_an_apposition_attributes_the_rest():
    text = (
        "Wie Steve Marshall, Sprecher der UN-Büros in Birma, in Bangkok mitteilte, hat die "
        "Regierung nur sechs Hubschrauber im Einsatz."
    )
    (quote,) = extract_quotes(text)
    assert (quote.text, quote.speaker) == (
        "hat die Regierung nur sechs Hubschrauber im Einsatz",
        "Steve Marshall",
    )


def test_heisst_es_with_a_clause_after_the_comma():
    text = "In der Pressemitteilung heißt es weiter, dass ein Nebeneinander unwahrscheinlich sei."
    (quote,) = extract_quotes(text)
    assert (quote.text, quote.cue) == ("dass ein Nebeneinander unwahrscheinlich sei", "heißt es")


def test_wonach_clause_reports_what_the_noun_before_says():
    text = "Für 2002 gibt es eine Schätzung, wonach in diesem Jahr 53.000 Kinder ermordet wurden."
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.text, quote.cue) == (
        "indirect",
        "in diesem Jahr 53.000 Kinder ermordet wurden",
        "wonach",
    )


def test_zu_infinitive_after_a_perfect_of_announcing():
    text = (
        "Die Regierung Guatemalas hat am 25. November angekündigt, eine Kommission gegen "
        "Gewalt an Frauen zu gründen."
    )
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.text, quote.speaker) == (
        "indirect",
        "eine Kommission gegen Gewalt an Frauen zu gründen",
        "Regierung Guatemalas",
    )


def test_decision_with_a_dass_clause_is_indirect_speech():
    text = "Der Verfassungsgerichtshof hat entschieden, dass die Anlagen außer Betrieb gehen."
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.text, quote.speaker, quote.cue) == (
        "indirect",
        "dass die Anlagen außer Betrieb gehen",
        "Verfassungsgerichtshof",
        "entschieden",
    )


def test_agreement_with_a_zu_infinitive_is_indirect_speech():
    text = "Beide Seiten hatten vereinbart, alle Truppen bis zum 17. Mai zurückzuziehen."
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.text) == ("indirect", "alle Truppen bis zum 17. Mai zurückzuziehen")


def test_apposition_resolves_a_title_to_the_name():
    text = (
        "Insofern gab der Überläufer und Diplomat Ri Il-gyu nach seiner Flucht an, dass der "
        "Außenminister hingerichtet worden sei."
    )
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Ri Il-gyu"
    assert text[quote.speaker_start : quote.speaker_end] == "der Überläufer und Diplomat Ri Il-gyu"


def test_title_with_the_name_after_a_comma_is_that_person():
    text = (
        "Das bestätigte der Präsident Indonesiens, Susilo Bambang Yudhoyono, am Abend, dass "
        "der Gesuchte getötet worden sei."
    )
    (quote,) = extract_quotes(text)
    assert (quote.text, quote.speaker) == (
        "dass der Gesuchte getötet worden sei",
        "Susilo Bambang Yudhoyono",
    )


def test_description_resolves_to_the_person_named_last():
    text = (
        "Kim bekräftigte zugleich seine Bereitschaft. Der Nordkoreaner hatte allerdings schon "
        "erklärt, er sei zu einer Denuklearisierung bereit."
    )
    quote = only(extract_quotes(text, people=PEOPLE), "er sei zu einer Denuklearisierung bereit")
    assert quote.speaker == "Kim Jong-un"
    assert text[quote.speaker_start : quote.speaker_end] == "Der Nordkoreaner"


@pytest.mark.parametrize(
    "text",
    [
        "Der Minister sprach von einem geringen Risiko für die Bevölkerung.",
        "Bundesdatenschutzbeauftragter Peter Schaar nannte den Vorstoß einen Schritt zu weit.",
        "Die Behörden warnten vor weiteren Nachbeben in der Region.",
    ],
)
def test_reported_speech_act_without_quotation_is_the_whole_sentence(text):
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.text) == ("indirect", text.rstrip("."))


def test_hearsay_with_sollen_and_a_perfect_goes_on_a_report():
    text = (
        "Die Polizei sagte, der Prozess beginne am Montag. Die Frau soll von ihrem Vater "
        "jahrelang misshandelt worden sein."
    )
    quote = only(
        extract_quotes(text), "Die Frau soll von ihrem Vater jahrelang misshandelt worden sein"
    )
    assert (quote.kind, quote.speaker) == ("indirect", "Polizei")


def test_hearsay_without_a_report_going_on_is_the_writers_caution():
    text = (
        "Der Prozess beginnt am Montag. Die Frau soll von ihrem Vater jahrelang "
        "misshandelt worden sein."
    )
    assert extract_quotes(text) == []


def test_konjunktiv_ii_goes_on_a_report_from_the_sentence_before():
    text = (
        "Vatikansprecher Navarro-Valls sagte, das Treffen sei freundlich gewesen. Der Papst "
        "hätte mit Küng keine Glaubensfragen besprochen."
    )
    report = "Der Papst hätte mit Küng keine Glaubensfragen besprochen"
    carried = only(extract_quotes(text), report)
    assert (carried.kind, carried.speaker) == ("indirect", "Vatikansprecher Navarro-Valls")


def test_sollen_goes_on_a_report_from_the_sentence_before():
    text = (
        "Die Gewerkschaft kündigte an, der Streik beginne am Mittwoch. Die Busse sollen in "
        "ihren Depots bleiben."
    )
    carried = only(extract_quotes(text), "Die Busse sollen in ihren Depots bleiben")
    assert (carried.kind, carried.speaker) == ("indirect", "Gewerkschaft")


def test_konjunktiv_ii_of_a_guess_does_not_go_on_a_report():
    text = (
        "Der Sprecher sagte, das Treffen sei freundlich gewesen. Die Gespräche könnten bald "
        "weitergehen."
    )
    assert [c.text for c in extract_quotes(text)] == ["das Treffen sei freundlich gewesen"]


@pytest.mark.parametrize(
    "text",
    [
        "Nach der Veröffentlichung kam es zu Demonstrationen gegen die Regierung.",
        "Erst nach umfangreichen Ermittlungen war genug Material beisammen.",
    ],
)
def test_nach_with_a_noun_of_time_is_no_source(text):
    assert extract_quotes(text) == []


def test_sollen_with_a_plain_infinitive_is_no_report():
    assert extract_quotes("Das Gerät soll ab September geliefert werden.") == []


def test_first_person_indicative_does_not_go_on_reporting():
    text = "Er sagte, die Lage sei ruhig. Ich habe das Gefühl, dass er recht behält."
    assert [c.text for c in extract_quotes(text)] == ["die Lage sei ruhig"]


def test_source_phrase_inside_a_relative_clause_reports_that_clause():
    text = (
        "Schuld war das Verfahren, das nach Angaben eines Sprechers nicht rechtzeitig "
        "abgeschlossen werden konnte."
    )
    (quote,) = extract_quotes(text)
    assert quote.text == (
        "das nach Angaben eines Sprechers nicht rechtzeitig abgeschlossen werden konnte"
    )


def test_trailing_wie_clause_attributes_the_main_clause():
    text = "Die Entscheidung fiel am Todestag, wie die Staatsanwaltschaft Darmstadt mitteilte."
    (quote,) = extract_quotes(text)
    assert (quote.text, quote.speaker) == (
        "Die Entscheidung fiel am Todestag",
        "Staatsanwaltschaft Darmstadt",
    )


def test_zu_infinitive_after_a_charge_with_its_object():
    text = "Die Armee warf den Rebellen vor, Zivilisten als Schutzschilde zu missbrauchen."
    (quote,) = extract_quotes(text)
    assert (quote.text, quote.speaker) == (
        "Zivilisten als Schutzschilde zu missbrauchen",
        "Armee",
    )


def test_dass_clause_after_a_complaint_with_its_subject_between():
    text = "Außerdem bemängeln die Kläger, dass der Bundesrat übergangen wurde."
    (quote,) = extract_quotes(text)
    assert (quote.text, quote.speaker) == ("dass der Bundesrat übergangen wurde", "Kläger")


def test_heading_with_a_verb_of_naming_is_no_statement():
    assert extract_quotes("Kim nennt weiter keine Details\n\nDas Treffen endete früh.") == []


def test_written_statement_after_geschrieben():
    text = (
        "Trump lobte die Beziehungen. Schon vor der Begegnung hatte er geschrieben: "
        "„Wir werden sehr hart daran arbeiten.“"
    )
    quote = only(extract_quotes(text, people=PEOPLE), "Wir werden sehr hart daran arbeiten.")
    assert (quote.kind, quote.speaker, quote.cue) == ("written", "Donald Trump", "geschrieben")


def test_written_statement_on_twitter():
    text = "Trump, der ihn zuvor auf Twitter als „Freund“ beschrieben hatte, lobte ihn erneut."
    quote = only(extract_quotes(text, people=PEOPLE), "Freund")
    assert (quote.kind, quote.speaker) == ("written", "Donald Trump")


# Fragments without a reporting clause, and subjects the reporting verb is far from


def test_long_quoted_phrase_is_a_fragment_without_reporting_clause():
    text = "Meteorologen rechnen mit „sehr ergiebigen Niederschlägen in der Nacht“."
    quote = only(extract_quotes(text), "sehr ergiebigen Niederschlägen in der Nacht")
    assert quote.kind == "fragment"


@pytest.mark.parametrize(
    "text",
    [
        "Die Delegation traf sich „in dubio pro reo“ im Hotel.",  # foreign, no German syntax
        "Der Verein lud zur „offenen Tür“ ein.",  # a short term
    ],
)
def test_short_or_foreign_quoted_phrase_stays_a_term(text):
    assert extract_quotes(text) == []


def test_leading_adverb_before_the_subject_of_an_als_quotation():
    text = "Auch der Minister Donald Rumsfeld attackierte den Iran als den „führenden Förderer“."
    quote = only(extract_quotes(text), "führenden Förderer")
    assert quote.speaker == "Minister Donald Rumsfeld"


def test_quoted_name_closes_the_subject_before_its_verb():
    text = (
        "Selbst die Wochenzeitschrift „Jungle World“ hatte im September kritisiert, dass sie "
        "„zu unkritisch gegenüber Terrorgruppen“ sei."
    )
    quote = only(extract_quotes(text), "zu unkritisch gegenüber Terrorgruppen")
    assert "Wochenzeitschrift" in quote.speaker


def test_zitiert_man_names_the_quoted_person():
    text = "„Wir sind unwillkommene Zeugen“, zitierte man Yolanda Alvarez vom Sender RTVE."
    quote = only(extract_quotes(text), "Wir sind unwillkommene Zeugen")
    assert quote.speaker.startswith("Yolanda Alvarez")


def test_compound_with_lower_case_first_part_is_a_noun():
    text = "Auf der documenta-Homepage heißt es: „Die Zählstriche wurden bewusst gewählt.“"
    quote = only(extract_quotes(text), "Die Zählstriche wurden bewusst gewählt.")
    assert quote.speaker == "documenta-Homepage"


def test_a_medium_quoting_someone_gives_one_statement_of_the_person_quoted():
    text = "Der Spiegel zitiert den Prediger mit den Worten: „Wir warnen das Abendland.“"
    found = [c for c in extract_quotes(text) if c.text == "Wir warnen das Abendland."]
    assert [(c.speaker, c.kind) for c in found] == [("Prediger", "direct")]


def test_passive_quotation_by_a_medium_is_the_person_quoted():
    text = (
        "Der Fraktionschef Volker Ratzmann wird von der „Netzeitung“ mit den Worten zitiert: "
        "„Wowereit ist angeschlagen.“"
    )
    found = [c for c in extract_quotes(text) if c.text == "Wowereit ist angeschlagen."]
    assert len(found) == 1
    assert "Ratzmann" in found[0].speaker and "Netzeitung" not in found[0].speaker


def test_quotation_inside_a_verb_final_clause_keeps_its_subject():
    text = (
        "Der Bericht ist brisant, weil die US-Regierung Georgien im letzten Monat als "
        "„junge couragierte Demokratie“ bezeichnet hat."
    )
    quote = only(extract_quotes(text), "junge couragierte Demokratie")
    assert quote.speaker.startswith("US-Regierung")


def test_quoted_motto_before_the_verb_of_the_subject():
    text = (
        "Unter dem Motto „Freiheit statt Angst“ zogen die Demonstranten durch die Stadt und "
        "skandierten dabei Parolen wie „Stoppt den Überwachungswahn“."
    )
    quote = only(extract_quotes(text), "Stoppt den Überwachungswahn")
    assert quote.speaker == "Demonstranten"


def test_a_conclusion_reached_is_a_statement():
    text = (
        "Das Gericht kam damit zu dem Ergebnis, „dass keine tragfähige Grundlage für eine "
        "Verurteilung besteht“."
    )
    quote = only(
        extract_quotes(text), "dass keine tragfähige Grundlage für eine Verurteilung besteht"
    )
    assert quote.speaker == "Gericht"
    assert quote.cue == "kam zum Ergebnis"


def test_quoted_noun_governed_by_the_reporting_verb_is_quoted():
    text = "Bereits während seiner Amtszeit warnte Kluncker vor den „Lohnverzichtstheorien“."
    quote = only(extract_quotes(text), "Lohnverzichtstheorien")
    assert quote.speaker == "Kluncker"


def test_quoted_noun_after_a_preposition_without_report_stays_a_name():
    assert extract_quotes("Die Mannschaft reiste mit der „Europa“ nach New York.") == []


def test_article_or_preposition_after_the_comma_is_no_reporting_verb():
    text = "Die Grundlage der Technologie sind „Alfvenwellen“, eine Entdeckung des Physikers."
    assert extract_quotes(text) == []
    text = "Der Senat plant eine zentrale „Schülerdatei“, in der Daten gespeichert werden."
    assert extract_quotes(text) == []


def test_name_after_a_relative_pronoun_is_the_subject_of_the_relative_clause():
    text = (
        "Damit ist die Marke unterschritten, die Gerhard Schröder zum Erfolgskriterium "
        "erklärt hatte: „Ich rechne damit, dass es uns gelingt.“"
    )
    quote = only(extract_quotes(text), "Ich rechne damit, dass es uns gelingt.")
    assert quote.speaker == "Gerhard Schröder"


def test_relative_clause_between_subject_and_verb_final_cue():
    text = (
        "Wie Norman Paech, der als Beobachter anwesend war, dazu feststellt, verlangt "
        "„der Tatbestand der Verschwörung zumindest das Mitwissen des Abschusses“."
    )
    quote = only(
        extract_quotes(text),
        "der Tatbestand der Verschwörung zumindest das Mitwissen des Abschusses",
    )
    assert quote.speaker == "Norman Paech"


def test_quoted_word_listed_with_a_name_is_a_name_too():
    assert extract_quotes("Als Beispiele nennt VW die Modelle „Touareg“ und „Phaeton“.") == []
    text = "Er bezeichnete die Pläne als „Wortbruch“ und „Betrug“."
    assert {c.text for c in extract_quotes(text)} == {"Wortbruch", "Betrug"}


def test_quoted_word_after_a_reflexive_pronoun_names_the_subject():
    text = "Der Sprecher wies darauf hin, dass sich „Larry“ vor dem Landfall abgeschwächt habe."
    assert all(c.text != "Larry" for c in extract_quotes(text))


def test_agent_of_a_passive_zitiert_is_the_medium_not_part_of_the_name():
    text = (
        "Der Betreuer habe jedem Geld gegeben „um uns zu vergnügen, was wir auch taten“, wie "
        "Hoyzer von Spiegel-Online zitiert wird."
    )
    found = [c for c in extract_quotes(text) if c.text.startswith("um uns zu vergnügen")]
    assert [(c.speaker, c.kind) for c in found] == [("Hoyzer", "fragment")]


def test_single_quoted_infinitive_after_zu_is_distance():
    text = "Der Pilot sah sich gezwungen, den Fluggast zu „entsorgen“."
    assert [c for c in extract_quotes(text) if c.kind != "indirect"] == []


def test_single_lower_case_word_the_report_calls_something_is_quoted():
    text = "Bundestrainer Joachim Löw bezeichnete die Kritik als „übertrieben“."
    assert only(extract_quotes(text), "übertrieben").speaker == "Bundestrainer Joachim Löw"


def test_relative_clause_between_auxiliary_and_participle():
    text = (
        "Im Vorfeld haben Anhänger der Organisation mit der Parole „Wir erwarten euch“, die auf "
        "viele Wände gesprüht war, den Homosexuellen gedroht."
    )
    quote = only(extract_quotes(text), "Wir erwarten euch")
    assert quote.speaker.startswith("Anhänger der Organisation")


def test_words_written_on_something_named_by_a_relative_clause():
    text = (
        "An jedem Volksempfänger musste ein Zettel kleben, auf dem geschrieben stand: "
        "„Denke daran: Das Abhören ausländischer Sender ist ein Verbrechen.“"
    )
    quote = only(
        extract_quotes(text), "Denke daran: Das Abhören ausländischer Sender ist ein Verbrechen."
    )
    assert (quote.speaker, quote.kind) == ("ein Zettel", "written")


def test_quoted_term_listed_after_a_name_in_brackets_is_a_name():
    text = (
        "Sie lehnte Verschlechterungen der Ansprüche ab („Hartz IV“, „Rente mit 67“) und "
        "verteidigte die Partei."
    )
    assert [c.text for c in extract_quotes(text) if c.kind != "indirect"] == []


# Any text


def test_overlong_sentence_is_read_in_pieces_that_keep_each_quotation_with_its_cue():
    # Lower-case quotations after a full stop do not start a sentence: one sentence of 45.
    text = " ".join(f"„wort{k} {' '.join(['wort'] * 10)}“ sagte Trump." for k in range(45))
    found = extract_quotes(text, people=PEOPLE)
    assert len(found) == 45
    for quote in found:
        assert quote.speaker == "Donald Trump"
        assert text[quote.end : quote.speaker_start] == "“ sagte "


PIECES = [*"abc ABC.,:;!?\n„“”\"»«‚‘’'", "sagte ", "Er ", "er ", "Kim ", "so ", "laut "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_any_text_gives_sorted_candidates_whose_spans_index_it(text):
    assert_spans_index_text(text, extract_quotes(text, people=PEOPLE))


# The seed articles


def seed(prefix: str) -> str:
    text = seed_path(prefix).read_text(encoding="utf-8")
    if prefix == "001":
        # The parser cuts the programme line, the footer and the reader comments.
        text = text[: text.index("Dieses Thema im Programm")]
    return text


def test_seed_001_every_quote_of_trump_and_kim_has_its_speaker():
    text = seed("001")
    candidates = extract_quotes(text, people=PEOPLE)
    assert_spans_index_text(text, candidates)
    expected = {
        "produktiven": ("Donald Trump", "fragment"),
        "verschiedene Optionen": ("Donald Trump", "fragment"),
        "wir konnten das nicht tun": ("Donald Trump", None),
        "mussten wir davon Abstand nehmen": ("Donald Trump", None),
        "begrüßenswert": ("Kim Jong-un", None),
        "großartigen Sache": ("Donald Trump", "fragment"),
        "Das ist es, worüber wir jetzt diskutieren.": ("Kim Jong-un", "direct"),
    }
    for quoted, (speaker, kind) in expected.items():
        quote = only(candidates, quoted)
        assert quote.speaker == speaker, quoted
        assert kind is None or quote.kind == kind, quoted
    assert only(candidates, "großartigen Sache").cue == "sprach von"
    assert only(candidates, "Das ist es, worüber wir jetzt diskutieren.").cue == "antwortete"
    quoted = [c for c in candidates if c.kind != "indirect"]
    assert len(quoted) == len(expected)


def test_seed_003_every_quote_of_trump_and_kim_has_its_speaker():
    text = seed("003")
    candidates = extract_quotes(text, people=PEOPLE)
    assert_spans_index_text(text, candidates)
    expected = {
        "Ich denke, dass Ihr Land gewaltiges wirtschaftliches Potenzial hat. Unglaublich. "
        "Unbegrenzt.": ("Donald Trump", "direct"),
        "Ich hoffe, dass wir alles erreichen, was die Leute erwarten.": ("Kim Jong-un", "direct"),
        "sein Bestes": ("Kim Jong-un", "fragment"),
        "von allen begrüßte": ("Kim Jong-un", "fragment"),
        "Es ist eine Ehre, mit dem Vorsitzenden Kim zu sein. Es ist eine Ehre, zusammen in "
        "Vietnam zu sein, wo sie wirklich den roten Teppich ausgerollt haben": (
            "Donald Trump",
            "direct",
        ),
        "großen Erfolg": ("Donald Trump", "fragment"),
        "gleich oder größer": ("Donald Trump", "fragment"),
        "Wir haben sehr interessante Gespräche geführt.": ("Kim Jong-un", "direct"),
        "Freund": ("Donald Trump", "written"),
        "Unser Verhältnis ist sehr besonders.": ("Donald Trump", "direct"),
        "sehr hilfreich": ("Donald Trump", None),
    }
    for quoted, (speaker, kind) in expected.items():
        quote = only(candidates, quoted)
        assert quote.speaker == speaker, quoted
        assert kind is None or quote.kind == kind, quoted
    tweet = [c for c in candidates if c.text.startswith("Kim Jong Un und ich werden")]
    assert len(tweet) == 1
    assert (tweet[0].speaker, tweet[0].kind, tweet[0].cue) == (
        "Donald Trump",
        "written",
        "geschrieben",
    )
    assert only(candidates, "sein Bestes").cue == "sagte"


def test_seed_002_scare_quotes_are_not_statements():
    text = seed("002")
    candidates = extract_quotes(text, people=PEOPLE)
    quoted = {c.text for c in candidates}
    assert not quoted & {"Denuklearisierung", "Sicherheitsgarantien", "korrespondierenden"}
    assert not any(
        term in c.text
        for c in candidates
        for term in ("Denuklearisierung", "Sicherheitsgarantien", "korrespondierenden")
    )


def test_seed_000_kims_indirect_speech():
    text = seed("000")
    candidates = extract_quotes(text, people=PEOPLE)
    assert_spans_index_text(text, candidates)
    (quote,) = [c for c in candidates if c.text.startswith("er würde die Eröffnung")]
    assert (quote.kind, quote.speaker, quote.cue) == ("indirect", "Kim Jong-un", "sagte")
    assert quote.text.endswith("begrüßen")


def test_seed_004_trumps_indirect_speech():
    text = seed("004")
    candidates = extract_quotes(text, people=PEOPLE)
    assert_spans_index_text(text, candidates)
    quote = only(
        candidates, "es gebe noch viel Arbeit zu tun, aber sein Verhältnis zu Kim Jong-un sei gut"
    )
    assert (quote.kind, quote.speaker, quote.cue) == ("indirect", "Donald Trump", "sagte")


def test_seed_001_through_the_article_parser():
    article = parse_article(seed_path("001").read_text(encoding="utf-8"))
    candidates = extract_quotes(article.body, people=PEOPLE)
    assert_spans_index_text(article.body, candidates)
    assert only(candidates, "begrüßenswert").speaker == "Kim Jong-un"
    assert not [c for c in candidates if "Vogelschiss" in c.text or "unter aller Sau" in c.text]


def test_seed_speakers_without_known_people_are_surface_mentions():
    text = seed("003")
    candidates = extract_quotes(text)
    assert (
        only(candidates, "Unser Verhältnis ist sehr besonders.").speaker
        == "US-Präsident Donald Trump"
    )
    kim = only(candidates, "Ich hoffe, dass wir alles erreichen, was die Leute erwarten.")
    assert kim.speaker == "Nordkoreas Machthaber Kim Jong Un"


# When a statement was made


@pytest.mark.parametrize(
    ("text", "said_on"),
    [
        ("„Wir sind zufrieden“, sagte Trump am Mittwoch.", date(2019, 2, 27)),
        ("„Wir sind zufrieden“, sagte Trump am Freitagabend.", date(2019, 3, 1)),
        ("Kim sagte gestern, er werde am Montag abreisen.", date(2019, 2, 28)),
        ("Am Abend zuvor hatte der Minister erklärt, die Lage sei ruhig.", date(2019, 2, 28)),
        ("Der Sprecher sagte am 28. Dezember, alles sei gut.", date(2018, 12, 28)),
        ("Trump sagte, er werde am Mittwoch reisen.", None),
    ],
)
def test_day_a_statement_was_made_is_read_against_the_articles_date(text, said_on):
    (quote,) = extract_quotes(text, published_on=date(2019, 3, 1))  # a Friday
    assert quote.said_on == said_on


def test_day_a_statement_was_made_needs_the_articles_date():
    (quote,) = extract_quotes("„Wir sind zufrieden“, sagte Trump am Mittwoch.")
    assert quote.said_on is None
