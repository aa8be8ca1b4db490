"""Quoted words that are no statement: titles of works, names of things, designations and
short phrases, told from what the sentence around them says.
"""

from __future__ import annotations

from collections.abc import Sequence

from sources.importing.lexicon import (
    ADVERBS,
    COMPOUND_TITLE_HEADS,
    DETERMINERS,
    NAME_ARTICLES,
    NAME_INNER,
    NAME_PREPOSITIONS,
    PHRASE_WORDS,
    REPORTING_VERBS,
    TITLE_NOUN_SET,
    TITLE_WORDS,
)
from sources.importing.speakers import (
    Mention,
    Token,
)


def title_noun(word: str) -> bool:
    if word in TITLE_NOUN_SET:
        return True
    if word == "beispiel":
        return False  # "zum Beispiel" only looks like a kind of "Spiel"
    return any(word.endswith(noun) and len(word) > len(noun) + 2 for noun in COMPOUND_TITLE_HEADS)


def in_heading(tokens: list[Token], k: int) -> bool:
    """Words that may stand between a speaker's name and the colon of a heading: "Erkki
    Tuomioja, Präsident des Rats der EU:", "Ein Hauptkommissar nach der Festnahme:",
    "Nina Hagen zur neuen Heimat:"."""
    token = tokens[k]
    if is_adjective_like(token) and tokens[k - 1].lower in NAME_ARTICLES | NAME_PREPOSITIONS:
        return k + 1 < len(tokens) and tokens[k + 1].is_capitalised
    if token.text in {",", "(", ")"}:
        return True
    return token.is_word and (
        token.lower in ADVERBS
        or token.lower in NAME_PREPOSITIONS
        or token.lower in NAME_ARTICLES
        or token.is_capitalised
    )


def names_a_title(mention: Mention | None) -> bool:
    words = mention.text.split() if mention is not None else []
    return bool(words) and words[0].lower() in TITLE_WORDS


def names_a_work(tokens: list[Token], span: tuple[int, int]) -> bool:
    head = next((t for t in tokens[span[0] : span[1]] if t.is_capitalised), None)
    return head is not None and head.lower in TITLE_NOUN_SET


def is_adjective_like(token: Token) -> bool:
    word = token.text
    return (
        token.is_word
        and word.islower()
        and word.endswith(("e", "en", "er", "es", "em"))
        and len(word) > 3
        and word not in DETERMINERS
        and word not in REPORTING_VERBS
    )


def name_like(words: Sequence[str]) -> bool:
    """Every word capitalised (or a small word inside a name, or a number)."""
    stripped = [w.strip(",;:()") for w in words]
    return stripped[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in NAME_INNER or not w for w in stripped
    )


def proper_name(words: Sequence[str]) -> bool:
    """No word in lower case: German phrases have lower-case words, names often do not."""
    stripped = [w.strip(",;:()") for w in words]
    return all(w[:1].isupper() or w[:1].isdigit() for w in stripped if w)


def is_designation(word: str) -> bool:
    """A number, a single capital letter or a Roman numeral: "228", "B", "II"."""
    word = word.strip(",;:()")
    return (
        word.isdigit()
        or (word.isupper() and len(word) == 1)
        or (len(word) > 1 and set(word) <= set("IVX"))
    )


def is_phrase_fragment(quoted: str) -> bool:
    """A piece of a sentence lifted from someone's words, not a name or a scare-quoted term:
    four or more words opening in lower case, with the small words of German syntax inside
    ("rechnen mit „sehr ergiebigen Niederschlägen durch den Sturm“"). Names and terms in quotes
    are short, capitalised, or foreign ("in dubio pro reo")."""
    words = quoted[1:-1].split()
    if len(words) < 4 or not words[0][:1].islower():
        return False
    return any(w.strip(",;:.!?()") in PHRASE_WORDS for w in words[1:])


def ends_in_punctuation(text: str) -> bool:
    return text.rstrip()[-1:] in {".", "!", "?", "…"}
