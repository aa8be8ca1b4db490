"""Reported speech without Konjunktiv: the clause after a verb of saying in the indicative
("Die Bahn gab an, den Mitarbeiter nicht mehr einzusetzen"; "Er sagte, das Gesetz verletzt
Absprachen") and before one ("Das Gesetz verletzt Absprachen, sagte er").

The Konjunktiv rules in `quotes` decide first; these are asked only when they found nothing,
and they ask more of the cue: a finite verb of saying with its subject before it, so that an
apposition after the subject ("sagte Edmon Chung, CEO von DotAsia") or a passive ("wurde
bestätigt, dass") is not taken for what was said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sources.importing.lexicon import (
    CLAUSE_OPENERS,
    DECISION_WORDS,
    NOT_REPORT_OPENERS,
    REPORT_BREAKS,
    SAY_FORMS,
    ZU_VERBS,
)
from sources.importing.speakers import Token, subject_after

_ZU_INFIX = re.compile(r"\w+zu\w+en")
_TIME_PREPOSITIONS = frozenset("am im vom seit".split())
_SEPARABLE_PARTICLES = frozenset("an mit ein fest klar hinzu hin zu vor auf".split())


def indicative_after(
    tokens: Sequence[Token], ci: int, comma: int, end: int
) -> tuple[int, int] | None:
    """The clause tokens[comma + 1 : ...] after the cue at ci, if it reports in the indicative
    or as a zu-infinitive; None if it does not or the cue is not a verb of saying."""
    word = tokens[ci].lower
    if word in {"heißt", "hieß"}:
        word = "sagt"  # "heißt es, …" reports like "sagt"
    if word not in SAY_FORMS and word not in ZU_VERBS:
        return None
    a = comma + 1
    if ci == 0 or a >= end or not _opens_report(tokens[a]):
        return None
    # A zu-infinitive is never an apposition: "warf den Rebellen vor, … zu missbrauchen".
    if word in ZU_VERBS and (comma - ci <= 8 or _only_particles_between(tokens, ci, comma)):
        for k in range(a, end):
            if tokens[k].quote:
                continue
            if (tokens[k].lower == "zu" and k + 1 < end and tokens[k + 1].is_word) or (
                _ZU_INFIX.fullmatch(tokens[k].lower) and k > a
            ):
                stop = k + 2 if tokens[k].lower == "zu" else k + 1
                if stop >= end or tokens[stop].text in {",", ";", ":"}:
                    return (a, stop) if _words(tokens[a:stop]) >= 3 else None
    if word not in SAY_FORMS or not _only_particles_between(tokens, ci, comma):
        return None
    b = end
    for k in range(a, end):
        if tokens[k].text == ";" or (
            tokens[k].text == "," and k + 1 < end and tokens[k + 1].lower in REPORT_BREAKS
        ):
            b = k
            break
    return (a, b) if _words(tokens[a:b]) >= 3 else None


def indicative_before(tokens: Sequence[Token], ci: int) -> bool:
    """Whether the clause before ", <cue>" at ci opens the sentence and reports what was said:
    "Das Gesetz verletzt Absprachen, sagte er"."""
    if tokens[ci].lower not in SAY_FORMS:
        return False
    clause = tokens[: ci - 1]
    if not clause or not _opens_report(clause[0]) or _words(clause) < 4:
        return False
    # The speaker follows the verb; without one the clause before is the subject and its
    # apposition: "Auch die Fraktionschefin der Grünen, Renate Künast, äußerte sich …".
    return subject_after(tokens, ci + 1) is not None


def _opens_report(token: Token) -> bool:
    if token.quote or not token.is_word:
        return False
    # After a verb, "das"/"die" open a noun phrase, not a relative clause.
    return token.lower not in NOT_REPORT_OPENERS and token.lower not in CLAUSE_OPENERS


def _only_particles_between(tokens: Sequence[Token], ci: int, comma: int) -> bool:
    """ "X sagte, …", "X gab an, …", "X kündigte am Montag an, …": nothing that could
    be a subject after the cue (then the text after the comma may be its apposition)."""
    between = tokens[ci + 1 : comma]
    if len(between) > 4:
        return False
    return all(
        t.is_word
        and (
            t.text.islower()
            or t.lower in _SEPARABLE_PARTICLES
            or (k > 0 and between[k - 1].lower in _TIME_PREPOSITIONS)
        )
        for k, t in enumerate(between)
    )


def _words(tokens: Sequence[Token]) -> int:
    return sum(1 for t in tokens if t.is_word)


def decision_clause(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The "dass"/"ob" clause or zu-infinitive after a verb of deciding or announcing at i
    ("Der VfGH hat entschieden, dass …"), as a token range."""
    if tokens[i].lower not in DECISION_WORDS or not tokens[i].text.islower():
        return None
    end = len(tokens) - 1 if tokens[-1].text in {".", "!", "?"} else len(tokens)
    comma = i + 1
    # "Außerdem bemängeln die Kläger, dass …": the subject may stand between.
    while comma < end and comma - i <= 5 and tokens[comma].is_word:
        comma += 1
    a = comma + 1
    if a >= end or tokens[comma].text != ",":
        return None
    if tokens[a].lower in {"dass", "ob"}:
        return (a, end) if _words(tokens[a:end]) >= 4 else None
    if not _opens_report(tokens[a]):
        return None
    for k in range(a, end):
        if tokens[k].quote:
            continue
        if (tokens[k].lower == "zu" and k + 1 < end and tokens[k + 1].is_word) or (
            _ZU_INFIX.fullmatch(tokens[k].lower) and k > a
        ):
            stop = k + 2 if tokens[k].lower == "zu" else k + 1
            if stop >= end or tokens[stop].text in {",", ";", ":"}:
                return (a, stop) if _words(tokens[a:stop]) >= 3 else None
    return None


def hearsay(words: Sequence[Token]) -> bool:
    """ "soll … getötet worden sein", "sollen … geführt haben": what others say happened."""
    return words[-1].lower in {"haben", "sein"} and any(
        t.lower in {"soll", "sollen"} for t in words
    )


def zu_infinitive_end(tokens: Sequence[Token], a: int, end: int) -> int | None:
    """Where the zu-infinitive opening at a ends ("die Maut nur für den Transit zu erheben"),
    if the clause at a is one; the infinitive closes it or a comma follows."""
    if not _opens_report(tokens[a]):
        return None
    for k in range(a, end):
        if tokens[k].quote:
            continue
        if tokens[k].text in {",", ";", ":"} and k > a and tokens[k + 1 : k + 2]:
            if tokens[k + 1].lower not in {"und", "oder"}:
                return None
        if (tokens[k].lower == "zu" and k + 1 < end and tokens[k + 1].is_word) or (
            _ZU_INFIX.fullmatch(tokens[k].lower) and k > a
        ):
            stop = k + 2 if tokens[k].lower == "zu" else k + 1
            if stop >= end or tokens[stop].text in {",", ";", ":"}:
                return stop if _words(tokens[a:stop]) >= 3 else None
    return None
