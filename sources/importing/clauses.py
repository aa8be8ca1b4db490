"""Reporting cues and the clauses around them: where a source phrase stands ("laut X",
"nach Angaben der Polizei"), which particle closes a separable verb ("teilte … mit"), where a
reporting clause ends past an apposition, and what a clause says about writing or opinion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sources.importing.lexicon import (
    DETERMINERS,
    FORMS_OF_KOMMEN,
    FORMS_OF_SEIN,
    KONJUNKTIV_I,
    NAME_PARTICLES,
    NAMING_VERBS,
    OWNER_POSSESSIVES,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    SENTENCE_WORDS,
    SHARE_VERBS,
    SOURCE_NOUNS,
    SOURCE_SUFFIXES,
    WRITTEN_PHRASES,
)
from sources.importing.quotations import WORD
from sources.importing.speakers import (
    Token,
    noun_phrase_at,
)
from sources.importing.terms import (
    is_adjective_like,
)

WRITTEN = re.compile("|".join(re.escape(phrase) for phrase in WRITTEN_PHRASES))


def opens_noun_phrase(clause: Sequence[Token]) -> bool:
    """Whether "der"/"die"/"das" opening a clause is an article ("die Bundesregierung sehe …")
    rather than a relative pronoun ("die sich … geäußert hatte")."""
    following = [t for t in clause[1:3] if t.is_word]
    if not following:
        return False
    if following[0].is_capitalised:
        return True
    return len(following) > 1 and is_adjective_like(following[0]) and following[1].is_capitalised


def written_clauses(tokens: list[Token]) -> list[bool]:
    """For each token, whether its clause says that it was written ("auf Twitter")."""
    flags: list[bool] = []
    start = 0
    for k in range(len(tokens) + 1):
        if k == len(tokens) or tokens[k].text in {",", ":", ";"}:
            clause = " ".join(t.lower for t in tokens[start:k] if not t.quote)
            flags += [WRITTEN.search(clause) is not None] * (k - start)
            flags += [False] if k < len(tokens) else []
            start = k + 1
    return flags


def in_konjunktiv_clause(tokens: list[Token], i: int) -> bool:
    """Whether the verb at i is, or hangs on, a Konjunktiv I form of its clause: "verlange",
    "habe ... verlangt", "solle ... gefordert haben"."""
    word = tokens[i].lower
    if word.endswith("e") and not word.endswith("te"):
        return True
    k = i - 1
    while k >= 0 and tokens[k].text not in {",", ":", ";"} and not tokens[k].quote:
        if tokens[k].is_word and tokens[k].lower in KONJUNKTIV_I:
            return True
        k -= 1
    return False


# Endings of words in -e that are adjectives, pronouns or participles rather than verbs.
_NOT_VERB_ENDINGS = (
    *"te ne che ige ere nde lle ße se ze de ie ive ale are äre ame eme xe ange weile".split(),
)
_NOT_VERBS = frozenset(
    "heute gerade ohne bitte gerne viele beide hohe gute neue genaue infolge zufolge junge "
    "klare starke kranke".split()
)


def looks_konjunktiv_i(word: str) -> bool:
    """Whether a lower-case word reads as the Konjunktiv I of a verb outside the known forms:
    "funktioniere", "gehöre", "verfolge" (a guess, asked only while a report goes on)."""
    if len(word) < 5 or not word.islower() or not word.endswith("e") or word in _NOT_VERBS:
        return False
    if word.endswith("iere"):
        return True
    return not word.endswith(_NOT_VERB_ENDINGS)


def nearest_agent(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """The "von"/"vom" phrase nearest before `end`: the agent of "die Gefahr von Bränden wird
    vom Wetterdienst als „…“ eingestuft"."""
    for k in range(end - 2, start - 1, -1):
        if tokens[k].lower in {"von", "vom"} and tokens[k].text.islower():
            found = noun_phrase_at(tokens, k + 1)
            if found is not None and found[1] <= end:
                return found
    return None


def medium_phrase(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """Where a passive "zitiert" was printed: "im italienischen Fachblatt „…“", "auf der
    Internetseite von Borussia Dortmund"."""
    for k in range(start, end - 1):
        if tokens[k].lower in {"im", "in", "auf", "bei"} and (k == 0 or tokens[k].text.islower()):
            k += 1
            while k < end and is_adjective_like(tokens[k]):
                k += 1  # "im italienischen Fachblatt": the article is in the preposition
            found = noun_phrase_at(tokens, k) if k < end else None
            if found is not None and found[1] <= end:
                return found
    return None


def past_inserts(tokens: list[Token], k: int) -> int:
    """Past a bracket and a relative clause after a noun phrase ending at k: "der Anordnung
    (Subpoena), die Twitter zugestellt wurde, heißt es"."""
    if k < len(tokens) and tokens[k].text == "(":
        close = next((j for j in range(k, min(len(tokens), k + 8)) if tokens[j].text == ")"), None)
        k = close + 1 if close is not None else k
    if k + 1 < len(tokens) and tokens[k].text == "," and tokens[k + 1].lower in RELATIVE_PRONOUNS:
        close = next((j for j in range(k + 2, len(tokens)) if tokens[j].text == ","), None)
        k = close + 1 if close is not None else k
    return k


def opinion_verb(tokens: list[Token], i: int) -> int | None:
    """The verb that makes the opinion noun at i a report: "ist der Meinung", "sind der
    gegenteiligen Auffassung", "teilen die Ansicht"."""
    k = i - 1
    while k >= 0 and is_adjective_like(tokens[k]):
        k -= 1
    if k < 1:
        return None
    article, verb = tokens[k].lower, tokens[k - 1].lower
    if article == "der" and verb in FORMS_OF_SEIN:
        return k - 1
    if article == "die" and verb in SHARE_VERBS:
        return k - 1
    return None


def written_on(tokens: list[Token], ci: int) -> tuple[int, int] | None:
    """The antecedent of a relative clause that says where words stand: "ein Zettel, auf dem
    geschrieben stand", "das Plakat, auf dem zu lesen war"."""
    a = clause_start(tokens, ci)
    if not (
        a >= 2
        and a + 1 < ci
        and tokens[a - 1].text == ","
        and tokens[a].lower in {"auf", "in", "an"}
        and tokens[a + 1].lower in {"dem", "der", "denen", "welchem", "welcher"}
    ):
        return None
    end = a - 1
    while end > 1 and end > a - 3 and tokens[end - 1].text.islower():
        end -= 1  # "ein Zettel kleben, auf dem": past the verb that closes the main clause
    start = phrase_back(tokens, end)
    found = noun_phrase_at(tokens, start) if start is not None else None
    return found if found is not None and found[1] == end else None


def object_of_report(tokens: list[Token], qi: int) -> bool:
    """A quoted noun after a preposition the reporting verb before it governs: "warnte vor
    den „Lohnverzichtstheorien“", "sprach von einer „Kampagne“"."""
    k = qi - 1
    while k >= 0 and is_adjective_like(tokens[k]):
        k -= 1
    if k < 1 or tokens[k].lower not in DETERMINERS or tokens[k - 1].lower not in PREPOSITIONS:
        return False
    start = clause_start(tokens, qi)
    return any(
        t.is_word
        and t.text.islower()
        and t.lower in REPORTING_VERBS
        and t.lower not in NAMING_VERBS
        for t in tokens[start : k - 1]
    )


def conclusion_verb(tokens: list[Token], i: int) -> int | None:
    """The form of "kommen" that makes the noun at i a conclusion someone reached: "kam zu
    dem Ergebnis", "ist zum Schluss gekommen"."""
    k = i - 1
    while k >= 0 and is_adjective_like(tokens[k]):
        k -= 1
    if k >= 1 and tokens[k].lower == "dem" and tokens[k - 1].lower == "zu":
        k -= 1
    elif k < 0 or tokens[k].lower != "zum":
        return None
    start = clause_start(tokens, i)
    before = [j for j in range(start, k) if tokens[j].lower in FORMS_OF_KOMMEN]
    if before:
        return before[-1]
    after = next(
        (j for j in range(i + 1, min(len(tokens), i + 3)) if tokens[j].lower in FORMS_OF_KOMMEN),
        None,
    )
    return after


def clause_start(tokens: list[Token], i: int) -> int:
    k = i
    while k > 0 and tokens[k - 1].text not in {",", ":", ";"}:
        k -= 1
    return k


def names_a_paper(tokens: list[Token], k: int) -> bool:
    """A quotation that is the name of a paper or station ("sagte zum „Algemeen Dagblad“")
    does not end the reporting clause; any other quotation does."""
    if not tokens[k].quote:
        return False
    return (
        k > 0
        and tokens[k - 1].lower in {"zum", "dem", "der", "im", "gegenüber"}
        and len(WORD.findall(tokens[k].text)) <= 4
    )


def past_apposition(tokens: list[Token], k: int, end: int) -> int:
    """After "gab der Leiter der Dienststelle, Andreas Huber, bekannt": the comma that closes
    the reporting clause, past an apposition of its subject."""
    if k >= end or tokens[k].text != ",":
        return k
    m = k + 1
    while m < end and m - k <= 6 and tokens[m].text not in {",", ":", ";"} and not tokens[m].quote:
        if (
            tokens[m].is_word
            and not tokens[m].is_capitalised
            and tokens[m].lower not in (NAME_PARTICLES | {"der", "des", "von", "vom"})
        ):
            return k
        m += 1
    if m < end and m > k + 1 and tokens[m].text == ",":
        # The apposition is followed by the rest of the reporting clause: "bekannt,"
        n = m + 1
        while n < end and tokens[n].text != "," and not tokens[n].quote:
            n += 1
        if n < end and n - m <= 3 and all(t.is_word for t in tokens[m + 1 : n]):
            return n
    return k


def ends_verb_final_clause(tokens: list[Token], i: int) -> bool:
    return i + 1 >= len(tokens) or tokens[i + 1].text in {",", ".", ";", ":"}


def closing_particle(tokens: list[Token], i: int, particles: frozenset[str]) -> str | None:
    """The separable particle that closes the clause of the verb at i: "teilte ... mit", not
    "geben, um ... zu erzielen"."""
    for k in range(i + 1, len(tokens)):
        if tokens[k].lower in particles:
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if after is None or after.quote or after.text in {",", ".", ":", ";", "!", "?", "("}:
                return tokens[k].lower
    return None


# After "nach", nouns that as often say when as who: never a source, and a source only with
# the one it names ("nach den Ermittlungen der Polizei").
_TIMELY_SOURCES = (
    ("veröffentlichung", "zählung"),
    ("ermittlungen", "untersuchung", "untersuchungen", "nachricht"),
)


def source_phrase(
    tokens: list[Token], i: int
) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """The source phrase around "laut", "zufolge" or "nach" at i and the source it names:
    "laut Greenpeace-Experte Then", "dem Bericht zufolge", "nach Angaben der Polizei",
    "Nach israelischen Militärangaben"."""
    word = tokens[i].lower
    if word in {"laut", "gemäß"}:
        span = noun_phrase_at(tokens, i + 1)
        return ((i, span[1]), span) if span else None
    if word == "zufolge":
        start = phrase_back(tokens, i)
        span = noun_phrase_at(tokens, start) if start is not None else None
        return ((span[0], i + 1), span) if span else None
    j = i + 1
    while (
        j < len(tokens)
        and j - i <= 3
        and (
            tokens[j].lower in {"den", "dem", "der", "einem", "einer", "eigenen", "eigenem"}
            or tokens[j].lower in OWNER_POSSESSIVES
            or is_adjective_like(tokens[j])
        )
    ):
        j += 1
    if j >= len(tokens) or not tokens[j].is_capitalised:
        return None
    noun = tokens[j].lower
    if noun not in SOURCE_NOUNS and not noun.endswith(SOURCE_SUFFIXES):
        return None
    if word == "nach" and noun.endswith(_TIMELY_SOURCES[0]):
        return None  # "Nach der Veröffentlichung kam es zu Demonstrationen", "nach Auszählung"
    j += 1
    if j < len(tokens) and tokens[j].lower in {"von", "vom"}:
        j += 1
    span = noun_phrase_at(tokens, j) if j < len(tokens) else None
    if span is None and j < len(tokens) and tokens[j].lower in {"der", "des"}:
        span = noun_phrase_at(tokens, j)
    if span is None and word == "nach" and noun.endswith(_TIMELY_SOURCES[1]):
        return None  # "Erst nach umfangreichen Ermittlungen, …": a time, not a source
    return ((i, span[1] if span else j), span)


def starts_with_preposition(token: Token) -> bool:
    return token.text in SENTENCE_WORDS and token.lower not in DETERMINERS


def phrase_back(tokens: list[Token], i: int) -> int | None:
    """Start of the noun phrase that ends just before token i ("dem Bericht" in "dem Bericht
    zufolge")."""
    k = i - 1
    while k >= 0 and (
        (tokens[k].is_capitalised and tokens[k].text not in SENTENCE_WORDS)
        or tokens[k].lower in DETERMINERS
        or is_adjective_like(tokens[k])
    ):
        if tokens[k].lower in DETERMINERS:
            k -= 1
            break
        k -= 1
    return k + 1 if k + 1 < i else None
