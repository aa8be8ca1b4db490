"""Who is speaking (sources/importing/speakers.py), on literal German sentences: the phrase
around a reporting verb, known people by any of their names, pronouns, fuller names."""

from sources.importing.speakers import (
    FullerNames,
    Mention,
    PeopleIndex,
    RecentSpeakers,
    mention_from,
    mention_gender,
    particle_name_before,
    pronoun_gender,
    strong_subject,
    subject_after,
    subject_before,
    tokenize,
)
from sources.importing.types import KnownPerson

PEOPLE = (
    KnownPerson("Kim Jong-un", ("Kim", "Machthaber")),
    KnownPerson("Donald Trump", ("Trump", "US-Präsident")),
)


def tokens_of(text: str, quotes=()):
    return tokenize(text=text, start=0, end=len(text), quotes=quotes)


def verb_at(tokens, verb: str) -> int:
    return [token.text for token in tokens].index(verb)


def quote_span(text: str) -> tuple[int, int]:
    return text.index("„"), text.index("“") + 1


def test_a_quotation_is_one_token_so_a_name_inside_it_is_never_the_speaker():
    text = "„Trump lügt“, sagte Kim am Montag."
    tokens = tokens_of(text, [quote_span(text)])
    assert [token.text for token in tokens] == [
        "„Trump lügt“",
        ",",
        "sagte",
        "Kim",
        "am",
        "Montag",
        ".",
    ]
    span = subject_after(tokens, verb_at(tokens, "sagte") + 1)
    assert mention_from(text, tokens, span).text == "Kim"


def test_the_subject_before_the_verb_is_named_without_its_article():
    text = "Der Sprecher des Weißen Hauses sagte, man rede weiter."
    tokens = tokens_of(text)
    span = subject_before(tokens, verb_at(tokens, "sagte"))
    assert mention_from(text, tokens, span).text == "Sprecher des Weißen Hauses"


def test_a_name_opening_with_von_is_a_name_and_not_a_preposition():
    text = "Von der Leyen sagte, Europa helfe."
    tokens = tokens_of(text)
    span = particle_name_before(tokens, verb_at(tokens, "sagte"))
    assert mention_from(text, tokens, span).text == "Von der Leyen"


def test_the_article_or_the_ending_tells_the_gender_of_a_mention():
    text = "Die Bundeskanzlerin sagte, sie komme."
    tokens = tokens_of(text)
    mention = mention_from(text, tokens, subject_before(tokens, verb_at(tokens, "sagte")))
    assert (mention.text, mention_gender(text, mention)) == ("Bundeskanzlerin", "f")
    assert (pronoun_gender("Sie"), pronoun_gender("er"), pronoun_gender("man")) == ("f", "m", "")


def test_only_a_phrase_that_must_be_the_subject_counts_after_the_verb():
    assert strong_subject(tokens_of("der Sprecher"), (0, 2))
    assert strong_subject(tokens_of("Henning Scherf"), (0, 2))
    assert not strong_subject(tokens_of("die Kritik"), (0, 2))  # may be the object


def test_known_people_are_found_by_any_name_but_not_inside_quotations():
    text = "Machthaber Kim Jong Un traf Trump. „Trump ist gut“, sagte Kim."
    index = PeopleIndex(text=text, people=PEOPLE, masked=[quote_span(text)])
    found = [(text[start:end], person.name) for start, end, person in index.mentions]
    assert found == [
        ("Machthaber", "Kim Jong-un"),
        ("Kim Jong Un", "Kim Jong-un"),  # a space where the name has a hyphen
        ("Trump", "Donald Trump"),
        ("Kim", "Kim Jong-un"),
    ]


def test_a_mention_names_the_person_of_its_longest_alias():
    index = PeopleIndex(text="", people=PEOPLE, masked=[])
    assert index.resolve("Nordkoreas Machthaber Kim Jong Un").name == "Kim Jong-un"
    assert index.resolve("US-Präsident Donald Trump").name == "Donald Trump"
    assert index.resolve("der Sprecher") is None


def test_a_pronoun_refers_to_the_last_speaker_of_a_matching_gender():
    text = "Trump lobte Kim. Die Ministerin sagte etwas. Er sagte dann."
    recent = RecentSpeakers(text=text)
    minister = text.index("Ministerin")
    recent.add(Mention(0, 5, "Trump"))
    recent.add(Mention(minister, minister + len("Ministerin"), "Ministerin"))
    pronoun = text.index("Er sagte")
    assert recent.last_before(pronoun, gender="m").text == "Trump"
    assert recent.last_before(pronoun, gender="f").text == "Ministerin"
    assert recent.last_before(0, gender="m") is None


def test_a_one_word_name_takes_the_fullest_form_the_text_gives():
    text = "Bundeskanzlerin Angela Merkel reiste an. Später sagte Merkel, sie sei zufrieden."
    later = text.index("Merkel,")
    names = FullerNames(text=text)
    assert names.of(Mention(later, later + 6, "Merkel")) == "Bundeskanzlerin Angela Merkel"
    assert names.of(Mention(0, 2, "er", pronoun=True)) == "er"
