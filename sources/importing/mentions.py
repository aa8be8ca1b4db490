"""A speaker mention as the text gives it: the whole noun phrase around the words that name.

The attribution rules find the naming core of a mention ("Außenminister Frank-Walter
Steinmeier", "Sicherheitsbehörden"); an editor, and the corpus, read the whole phrase: its
article and adjectives ("der ehemalige Außenminister …"), the source noun it hangs on ("Angaben
der Sicherheitsbehörden"), a party or country in brackets ("Gitta Trauernicht (SPD)"), where
the person works ("Theo Kitz vom Bankhaus Merck Finck") and an apposition between commas
("Olli Rehn, EU-Erweiterungskommissar,").
"""

from __future__ import annotations

import re

from sources.importing.lexicon import (
    ADVERBS,
    DETERMINERS,
    LEADING_ADVERBS,
    POSSESSIVES,
    REPORTING_VERBS,
    SOURCE_NOUNS,
    SOURCE_SUFFIXES,
)

_WORD_BEFORE = re.compile(r"(?<![\w-])(\w[\w-]*)[ \t]+$")
_ADJECTIVE = re.compile(r"[a-zäöüß][\w-]*(?:e|en|er|es|em)")
_BRACKETS = re.compile(r"[ \t]*\([^()\n]{1,40}\)")
# "vom Bankhaus Merck Finck", "von der Universität Wien": where the person works.
_AFFILIATION = re.compile(
    r"[ \t]+(?:vom|von[ \t]+der|von[ \t]+den|aus[ \t]+dem)"
    r"(?:[ \t]+[a-zäöü][\w-]*(?:e|en|er))*(?:[ \t]+[A-ZÄÖÜ][\w&-]*(?:\.[\w&-]+)*)+"
)
# ", EU-Erweiterungskommissar," or ", ein Anwalt des Natural Resources Defense Council,".
_APPOSITION = re.compile(
    r",[ \t]+((?:(?:ein|eine|einem|eines|der|die|dem|des)[ \t]+)?"
    r"(?:[a-zäöü][\w-]*(?:e|en|er|es|em)[ \t]+)*"
    r"[A-ZÄÖÜ][\w-]*(?:[ \t]+(?:des|der|von|vom|für|im|am|an|in|bei|beim"
    r"|[A-ZÄÖÜ][\w&-]*(?:\.[\w&-]+)*"
    r"|[a-zäöü][\w-]*(?:e|en|er|es|em)))*)"
    r"[ \t]*(?:\([^()\n]{1,40}\))?(?=[,.;:]|[ \t]*[„“\"»])"
)
# What a common noun's phrase goes on with: "der Einsatzleiter der Polizei in Dortmund", "Ken
# Rice vom Institut für Astronomie", "die Sprecherin der Stiftung Warentest".
_POSTMODIFIER = re.compile(
    r"[ \t]+(?:des|der|eines|einer|(?:vom|von|für|im)(?:[ \t]+(?:der|dem|den|des))?)"
    r"(?:[ \t]+[a-zäöü][\w-]*(?:e|en|er|es|em))*(?:[ \t]+[A-ZÄÖÜ0-9][\w&-]*(?:\.[\w&-]+)*)+"
)
# "Einschätzung politischer Beobachter", "Ansicht einiger Juristen".
_BARE_GENITIVE = re.compile(r"(?:[ \t]+[a-zäöü][\w-]*(?:er|en))+[ \t]+[A-ZÄÖÜ][\w-]*")
# "der Überläufer und Diplomat Ri Il-gyu": a second title and the name both belong to.
_COORDINATED = re.compile(r"[ \t]+und[ \t]+[A-ZÄÖÜ][\w-]*(?:[ \t]+[A-ZÄÖÜ][\w-]+){2,3}(?![\w-])")
# Subjects in coordination, both the speaker: "SPD und Linke", "Die IADB und der MIF".
_AND_AFTER = re.compile(
    r"[ \t]+und[ \t]+(?:(?:der|die|das|den|dem)[ \t]+)?[A-ZÄÖÜ][\w&-]*(?:[ \t]+[A-ZÄÖÜ][\w&-]*)*"
    r"(?=[ \t]+[a-zäöü]|[,.;:])"
)
_AND_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:Der|Die|Das|der|die|das)[ \t]+)?[A-ZÄÖÜ][\w&-]*[ \t]+und[ \t]+$"
)
_NAME_LEAD = re.compile(r"^(?:,[ \t]+|[ \t]+und[ \t]+[A-ZÄÖÜ][\w-]*[ \t]+)")
_NAME_AT_END = re.compile(r"[A-ZÄÖÜ][\w-]+(?:[ \t]+(?:[A-ZÄÖÜ][\w-]+|de|van|von|al|bin))+")
_ROLE_ENDINGS = (
    "minister", "präsident", "sprecher", "sprecherin", "chef", "chefin", "leiter", "leiterin",
    "kommissar", "at", "ent", "ist", "eur", "or", "in",
)  # fmt: skip
# "die Wochenzeitung „Die Zeit“": the name of a paper, a station, an agency.
_QUOTED_NAME = re.compile(r"[ \t]+„[^“”\n]{1,40}[“”]")
# Shapes of German adverbs and predicative adjectives; a few names end like this, but not as a
# single capitalised word opening a sentence before a verb of saying.
_ADVERB_SHAPE = re.compile(
    r"[A-ZÄÖÜ][a-zäöüß]+(?:lich|isch|weise|wärtig|mals|dings|falls|seits|dessen)"
    r"|Nicht|Einzig|Kritik|Thema|Unterdessen|Offiziell|Besorgt|Weiterhin|Demgegenüber"
)
_SOURCE_LINK = frozenset({"der", "des", "von", "vom"})
_LEFT_WORDS = DETERMINERS | POSSESSIVES


def names_nobody(words: str) -> bool:
    """Whether a capitalised word taken for a speaker is an adverb or adjective that opens the
    sentence ("Unterdessen", "Offiziell", "Besorgt", "Kritisch") or a bare negation."""
    if " " in words or "-" in words or not words[:1].isupper():
        return False
    return (
        words in LEADING_ADVERBS
        or words.lower() in ADVERBS
        or _ADVERB_SHAPE.fullmatch(words) is not None
    )


def without_sentence_adverb(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The mention text[start:end] without an adverb that opens it ("Einzig Sony" -> "Sony");
    None when nothing but the adverb is left."""
    first, _, rest = text[start:end].partition(" ")
    if not names_nobody(first):
        return start, end
    if not rest or not rest[:1].isupper():
        return None
    return start + len(first) + 1, end


def apposed_name(text: str, start: int, end: int) -> str | None:
    """The name an extension of a mention ends in: "Ri Il-gyu" for "…Überläufer und Diplomat
    Ri Il-gyu", "Susilo Bambang Yudhoyono" for "der Präsident Indonesiens, Susilo …"."""
    tail = text[start:end].rstrip(" ,")
    if ")" in tail[-1:]:
        tail = tail[: tail.rfind("(")].rstrip()
    # Only a name right after the comma or after "und <title>": not the last name of a longer
    # apposition ("Berlusconi, der Leiter der Atomenergiebehörde IAEA").
    tail = _NAME_LEAD.sub("", tail, count=1)
    found = _NAME_AT_END.fullmatch(tail)
    if found is None:
        return None
    words = found.group().split()
    while len(words) > 2 and words[0].lower().endswith(_ROLE_ENDINGS):
        words = words[1:]
    return " ".join(words)


def mention_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the whole noun phrase around the mention text[start:end]."""
    start = _extend_left(text, start)
    end = _extend_right(text, start, end)
    if (found := _AND_AFTER.match(text, end)) is not None:
        end = found.end()
    elif (found := _AND_BEFORE.search(text, max(0, start - 40), start)) is not None:
        start = found.start()
    return start, end


def _extend_left(text: str, start: int) -> int:
    # Adjectives count only when an article or possessive opens them: "der ehemalige …".
    position = start
    while True:
        found = _WORD_BEFORE.search(text, max(0, position - 40), position)
        if found is None:
            return start
        word = found.group(1)
        lower = word.lower()
        if lower in _SOURCE_LINK and (noun := _source_noun_before(text, found.start(1))):
            # "Angaben der Polizei", "einem Bericht des Senders", "Angaben von Augenzeugen"
            return _extend_left(text, noun)
        if lower in _LEFT_WORDS:
            return found.start(1)
        if position == start and _is_source_noun(lower):
            return _extend_left(text, found.start(1))
        if _ADJECTIVE.fullmatch(word) is None or lower in REPORTING_VERBS:
            return start
        position = found.start(1)


def _source_noun_before(text: str, position: int) -> int | None:
    noun = _WORD_BEFORE.search(text, max(0, position - 40), position)
    if noun is not None and _is_source_noun(noun.group(1).lower()):
        return noun.start(1)
    return None


def _is_source_noun(word: str) -> bool:
    return word in SOURCE_NOUNS or word.endswith(SOURCE_SUFFIXES)


def _extend_right(text: str, start: int, end: int) -> int:
    head = text[start:end]
    found = _BRACKETS.match(text, end)
    if found is not None:
        end = found.end()
    elif head[-1:].islower() and (found := _QUOTED_NAME.match(text, end)) is not None:
        end = found.end()
    first = head.split(" ", 1)[0].lower()
    if first in _LEFT_WORDS or _is_source_noun(first):
        if " " not in head and (found := _BARE_GENITIVE.match(text, end)) is not None:
            end = found.end()
        for _ in range(3):
            found = _POSTMODIFIER.match(text, end)
            if found is None:
                break
            end = found.end()
            if (found := _BRACKETS.match(text, end)) is not None:
                end = found.end()
    found = _AFFILIATION.match(text, end)
    if found is not None and not head.islower():
        end = found.end()
        found = _BRACKETS.match(text, end)
        if found is not None:
            end = found.end()
    if head[:1].islower() or " " not in head:
        found = _COORDINATED.match(text, end)
        if found is not None:
            end = found.end()
    if end < len(text) and text[end] == ",":
        found = _APPOSITION.match(text, end)
        if found is not None:
            end = found.end()
    return end
