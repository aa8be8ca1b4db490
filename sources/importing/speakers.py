"""Who is speaking: noun phrases around a reporting verb, pronouns, and known people.

Works on the tokens of one sentence, where each quotation is a single opaque token, so a name
inside a quote is never taken for the speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sources.importing.lexicon import (
    ADVERBS,
    CLAUSE_OPENERS,
    CONJUNCTIONS,
    DETERMINERS,
    INNER_PREPOSITIONS,
    LEADING_ADVERBS,
    NAME_PARTICLES,
    NUMBER_WORDS,
    OBJECT_DETERMINERS,
    OBJECT_PRONOUNS,
    PARTITIVES,
    PREPOSITIONS,
    PRONOUNS,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
    QUANTIFIERS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    SENTENCE_WORDS,
    SPEECH_NOUNS,
    SUBJECT_DETERMINERS,
    WEEKDAYS,
)
from sources.importing.types import KnownPerson

TOKEN = re.compile(r"\w+(?:[-‐’']\w+)*-?|[^\w\s]")
WORD_CHARS = re.compile(r"\w")
NUMBER_PREFIX = re.compile(r"^\d+-(?=\w)")
# Capitalised words (and name particles) right before or after a name.
NAME_BEFORE = re.compile(r"(?:[A-ZÄÖÜ][\w\-]*[ \t]+(?:(?:von|van|de|zu)[ \t]+)?){1,4}$")
NAME_AFTER = re.compile(r"(?:[ \t]+[A-ZÄÖÜ][\w\-]*){1,2}")
# What counts as part of a word when a name is looked for as a whole word.
WORD_RUN = re.compile(r"[\w-]+")
ALIAS_SEPARATORS = re.compile(r"[\s\-‐]+")


class Token(NamedTuple):
    """A word, a punctuation mark, or a whole quotation with its marks. What the rules ask of
    a token is worked out once (`make_token`): they ask it of every token many times over."""

    text: str
    start: int
    end: int
    quote: bool
    lower: str
    is_word: bool
    is_capitalised: bool


def make_token(text: str, start: int, end: int, *, quote: bool = False) -> Token:
    is_word = not quote and WORD_CHARS.match(text) is not None
    # "58-Jährige" counts: a noun with a number in front.
    # So does "documenta-Homepage": a German compound takes the case of its last part.
    word = NUMBER_PREFIX.sub("", text) if is_word and text[0].isdigit() else text
    capitalised = is_word and (word[:1].isupper() or word.rpartition("-")[2][:1].isupper())
    return Token(text, start, end, quote, text.lower(), is_word, capitalised)


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker mention: its span in the text, its words, and whether it is a pronoun."""

    start: int
    end: int
    text: str
    pronoun: bool = False


def tokenize(*, text: str, start: int, end: int, quotes: Sequence[tuple[int, int]]) -> list[Token]:
    """Tokens of text[start:end]; each (open, close) quote span, marks included, is one token."""
    tokens: list[Token] = []
    position = start
    for q_start, q_end in quotes:
        if q_end <= start or q_start >= end:
            continue
        tokens.extend(_plain_tokens(text, position, max(position, q_start)))
        tokens.append(make_token(text[q_start:q_end], q_start, q_end, quote=True))
        position = q_end
    tokens.extend(_plain_tokens(text, position, end))
    return tokens


def _plain_tokens(text: str, start: int, end: int) -> list[Token]:
    """What `make_token` gives for each match, worked out inline: every sentence's every word
    goes through here, and the call per token was the extractor's largest single cost."""
    tokens: list[Token] = []
    append = tokens.append
    new = tuple.__new__
    for match in TOKEN.finditer(text, start, end):
        word = match.group()
        first = word[0]
        if first.isalnum() or first == "_":  # what \w matches
            bare = NUMBER_PREFIX.sub("", word) if first.isdigit() else word
            capitalised = bare[:1].isupper() or bare.rpartition("-")[2][:1].isupper()
            fields = (word, match.start(), match.end(), False, word.lower(), True, capitalised)
        else:
            fields = (word, match.start(), match.end(), False, word.lower(), False, False)
        append(new(Token, fields))
    return tokens


def _is_adjective(token: Token) -> bool:
    word = token.text
    if token.is_word and word[:1].isdigit() and (word.isdigit() or word[-1:].islower()):
        return True  # "der 84-jährige Küng", "der 13 beteiligten"
    return (
        token.is_word
        and word[:1].islower()
        and not token.is_capitalised
        and word.endswith(("e", "en", "er", "es", "em"))
        and word.lower() not in DETERMINERS
        and word.lower() not in PRONOUNS
        and word.lower() not in ADVERBS
        and word.lower() not in REPORTING_VERBS
        and len(word) > 3
    )


def _modifies_adjective(tokens: Sequence[Token], k: int) -> bool:
    """An adverb in front of an adjective inside a noun phrase: "staatlich kontrollierten"."""
    token = tokens[k]
    return (
        token.is_word
        and token.text.isalpha()
        and token.text.islower()
        and token.lower not in DETERMINERS
        and token.lower not in PREPOSITIONS
        and token.lower not in CONJUNCTIONS
        and token.lower not in REPORTING_VERBS
        and k + 1 < len(tokens)
        and _is_adjective(tokens[k + 1])
        and _after_adjectives(tokens, k + 1).is_capitalised
    )


def _after_adjectives(tokens: Sequence[Token], j: int) -> Token:
    while j < len(tokens) - 1 and _is_adjective(tokens[j]):
        j += 1
    return tokens[j]


def _name_run(tokens: Sequence[Token], i: int) -> int:
    """Index after the run of capitalised words (with name particles inside) starting at i."""
    j = i
    while j < len(tokens):
        token = tokens[j]
        if token.is_capitalised:
            j += 1
        elif (
            token.lower in NAME_PARTICLES
            and j > i
            and j + 1 < len(tokens)
            and tokens[j + 1].is_capitalised
            and token.text.islower()
            and token.lower not in {"der", "den"}
        ):
            j += 1
        elif token.text == "." and j > i and len(tokens[j - 1].text) <= 4 and j + 1 < len(tokens):
            # "Dr. Heino Stoever", "Rafik Y."
            if tokens[j - 1].text in {"Dr", "Prof", "St"} and tokens[j + 1].is_capitalised:
                j += 1
            else:
                break
        else:
            break
    return j


def noun_phrase_at(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The noun phrase starting exactly at token i, as a token range, or None."""
    j = i
    if (
        j + 2 < len(tokens)
        and tokens[j].lower in PARTITIVES
        and tokens[j + 1].lower in {"der", "des"}
    ):
        # "Einer der 13 beteiligten Feuerwehrmänner"
        found = noun_phrase_at(tokens, j + 1)
        return (i, found[1]) if found else None
    if j < len(tokens) and tokens[j].lower in DETERMINERS and tokens[j].is_word:
        j += 1
        while j < len(tokens) and tokens[j].lower in QUANTIFIERS:
            j += 1  # "die beiden Mitglieder"
        while j < len(tokens) and (_is_adjective(tokens[j]) or _modifies_adjective(tokens, j)):
            j += 1
        if j < len(tokens) and tokens[j].quote and len(tokens[j].text.split()) <= 4:
            # A name in quotation marks: "schreibt die „Computerwoche“".
            return i, j + 1
        if j < len(tokens) and not tokens[j].is_capitalised:
            j = _past_participle_attribute(tokens, j)
        if j >= len(tokens) or not tokens[j].is_capitalised:
            return None
    elif j + 1 < len(tokens) and tokens[j].text.isdigit() and tokens[j + 1].is_capitalised:
        j += 1  # "22 Prozent", "300 Demonstranten"
    elif j >= len(tokens) or not tokens[j].is_capitalised:
        return None
    j = _name_run(tokens, j)
    # Genitive attributes: "ein Sprecher des Weißen Hauses", "die Anwendung der
    # Richtlinienkompetenz des Bundeskanzlers".
    for _ in range(3):
        if not (
            j + 1 < len(tokens) and tokens[j].lower in {"des", "der"} and tokens[j].text.islower()
        ):
            break
        k = j + 1
        while k < len(tokens) and _is_adjective(tokens[k]):
            k += 1
        if k >= len(tokens) or not tokens[k].is_capitalised:
            break
        j = _name_run(tokens, k)
    return i, j


def _is_participle(token: Token) -> bool:
    """A participle used as an adjective: "überlebende", "geborene", "gewählten"."""
    word = token.text
    if not (token.is_word and word.islower() and len(word) > 5):
        return False
    if word.endswith(("ende", "enden", "endem", "ender")):
        return True
    return (word.startswith("ge") or "ge" in word[2:6] or "ier" in word) and word.endswith(
        ("ene", "enen", "ener", "te", "ten", "ter")
    )


# Subordinators that cannot stand inside a participle attribute ("als" and "wie" can).
_CLAUSE_ONLY = CLAUSE_OPENERS - {"als", "wie"}


def _past_participle_attribute(tokens: Sequence[Token], j: int) -> int:
    """Past an extended participle attribute after an article, to the noun it describes:
    "die [in New York City geborene] Lopez", "Die [das Unglück überlebende] Alice Kakamara".
    Returns j unchanged when there is none."""
    for k in range(j, min(len(tokens) - 1, j + 10)):
        token = tokens[k]
        if not token.is_word or token.lower in CONJUNCTIONS or token.lower in _CLAUSE_ONLY:
            return j
        if k > j and _is_participle(token) and tokens[k + 1].is_capitalised:
            return k + 1
    return j


def _participle_opening(tokens: Sequence[Token], p: int) -> int | None:
    """The article that opens the extended attribute of the participle at p, when it opens
    its clause: "Die das Unglück überlebende", "und der sich ... inszenierende"."""
    found = None
    for k in range(p - 1, max(-1, p - 11), -1):
        token = tokens[k]
        if not token.is_word or token.lower in CONJUNCTIONS or token.lower in _CLAUSE_ONLY:
            break
        if token.lower in {"der", "die", "das", "ein", "eine"} and (
            k == 0 or _opens_clause(tokens, k - 1)
        ):
            found = k
    return found


def _pronoun_at(tokens: Sequence[Token], i: int) -> bool:
    return i < len(tokens) and tokens[i].is_word and tokens[i].lower in PRONOUNS


def subject_after(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """Subject standing after a verb at i-1: "sagte Kim weiter", "so der Sprecher"."""
    j = i
    while j < len(tokens):
        token = tokens[j]
        if (
            token.is_word
            and (token.lower in ADVERBS or token.lower in OBJECT_PRONOUNS)
            and (token.lower != "am")
        ):
            j += 1
        elif token.lower == "am" and j + 1 < len(tokens) and tokens[j + 1].text in WEEKDAYS:
            j += 2
        else:
            break
    if j >= len(tokens):
        return None
    if _pronoun_at(tokens, j) and tokens[j].text.islower():
        return j, j + 1
    token = tokens[j]
    if token.is_word and token.lower in DETERMINERS and token.lower not in SUBJECT_DETERMINERS:
        return None
    if token.quote and len(token.text.split()) <= 4 and token.text[1:2].isupper():
        return j, j + 1  # "„…“, schrieb „Die Zeit“"
    return noun_phrase_at(tokens, j)


def subject_before(tokens: Sequence[Token], verb: int) -> tuple[int, int] | None:
    """Subject in front of a verb at `verb`, when it opens its clause: "Trump sagte",
    "der Sprecher des Hauses erklärte", "Trump, der ... hatte, lobte"."""
    end = verb
    apposition = None
    if end > 0 and tokens[end - 1].text == ",":
        # Skip one inserted clause or apposition back to its opening comma.
        k = end - 2
        while k >= 0 and tokens[k].text != ",":
            k -= 1
        if k <= 0:
            return None
        if 1 <= end - 2 - k <= 4 and all(t.is_capitalised for t in tokens[k + 1 : end - 1]):
            apposition = (k + 1, end - 1)  # "Die Politikerin von Bündnis 90, Anja Hajduk,"
        end = k
    start = _phrase_start(tokens, end)
    if start is None or start == end or (start > 0 and not _opens_clause(tokens, start - 1)):
        if apposition is not None and tokens[end - 1].is_capitalised:
            return apposition
        return None
    if tokens[start].lower in OBJECT_DETERMINERS:
        return None
    if (
        tokens[start].lower == "der"
        and start + 1 < end
        and tokens[start + 1].text.islower()
        and tokens[start + 1].text.endswith("en")
    ):
        return None  # "Der englischsprachigen Zeitung sagte Karma": dative, not the subject
    if end - start == 1 and _pronoun_at(tokens, start):
        return start, end
    return noun_phrase_at(tokens, start)


def particle_name_before(tokens: Sequence[Token], verb: int) -> tuple[int, int] | None:
    """A name opening with a particle capitalised at the start of its clause, right before
    its verb: "Von der Leyen sagte", which otherwise reads as a preposition."""
    if tokens[verb].lower in {"wird", "werden", "wurde", "wurden"}:
        return None  # "Von der Regierung wurde betont": the agent of a passive
    start = verb - 1
    while start >= 0 and tokens[start].is_capitalised:
        start -= 1
    if start < 0 or start == verb - 1 or tokens[start].lower not in {"der", "den"}:
        return None
    start -= 1
    if start < 0 or tokens[start].text not in {"Von", "Van", "Vom"}:
        return None
    if start > 0 and not _opens_clause(tokens, start - 1):
        return None
    return start, verb


def relative_clause_opening(tokens: Sequence[Token], k: int) -> int | None:
    """The comma opening a relative clause that the comma at k closes, after a noun."""
    j = k - 1
    while j > 0 and tokens[j].text not in {",", ":", ";"} and not tokens[j].quote:
        j -= 1
    if (
        j > 0
        and tokens[j].text == ","
        and j + 1 < k
        and tokens[j + 1].lower in RELATIVE_PRONOUNS
        and tokens[j + 1].text.islower()
        and (tokens[j - 1].is_capitalised or tokens[j - 1].quote)
    ):
        return j
    return None


def subject_of_verb_final(tokens: Sequence[Token], verb: int) -> tuple[int, int] | None:
    """Subject in a verb-final clause: "wie das Weiße Haus mitteilte", "der ... geschrieben hatte"
    (the antecedent of the relative pronoun)."""
    k = verb - 1
    commas = 0
    while k >= 0 and tokens[k].text not in {":", ";"} and not _closes_clause(tokens, k):
        if (
            tokens[k].lower in CLAUSE_OPENERS
            and tokens[k].is_word
            and (k == 0 or tokens[k - 1].text in {",", "(", "–"} or tokens[k - 1].quote)
        ):
            found = subject_after(tokens, k + 1)
            if found and found[0] < verb:
                return found
            return None
        if tokens[k].text == ",":
            opening = relative_clause_opening(tokens, k)
            if opening is not None:
                # Past a relative clause: "Wie Norman Paech, der … anwesend war, feststellt".
                k = opening - 1
                continue
            # Past an apposition: "wie der Vorsitzende Richter, Ottmar Breidling, ausführte".
            commas += 1
            if commas > 2 or not (k > 0 and tokens[k - 1].is_capitalised):
                break
        k -= 1
    k = verb - 1
    while k >= 0 and tokens[k].text not in {",", ":", ";"}:
        k -= 1
    if (
        k >= 0
        and tokens[k].text == ","
        and k + 1 < verb
        and tokens[k + 1].lower in RELATIVE_PRONOUNS
    ):
        if k + 3 < verb and tokens[k + 2].is_capitalised and tokens[k + 3].is_capitalised:
            # "die Marke, die Gerhard Schröder … erklärt hatte": a name right after the
            # relative pronoun is the subject, the pronoun the object.
            found = noun_phrase_at(tokens, k + 2)
            if found is not None and found[1] <= verb:
                return found
        start = _phrase_start(tokens, k)
        if start is not None and start < k:
            return noun_phrase_at(tokens, start) or (start, k)
    return None


def _phrase_start(tokens: Sequence[Token], end: int) -> int | None:
    """Walk back from `end` over a noun phrase; the index where it starts. Genitive attributes
    and place phrases inside it are kept: "der Sprecher des Weißen Hauses",
    "das Nobelkomitee im norwegischen Oslo"."""
    k = end - 1
    if k < 0:
        return None
    if _pronoun_at(tokens, k):
        return k
    while k >= 0 and tokens[k].is_word and tokens[k].lower in ADVERBS:
        k -= 1  # "Die Kanadier hingegen sagen"
    end = k + 1
    if k > 0 and quoted_name(tokens[k]) and tokens[k - 1].is_capitalised:
        # A name in quotation marks after its noun: "die Wochenzeitschrift „Jungle World“".
        end = k
        k -= 1
    while k >= 0:
        token = tokens[k]
        if token.is_capitalised or _is_adjective(token):
            k -= 1
        elif (
            token.lower == "und"
            and 0 < k < end - 1
            and tokens[k - 1].is_capitalised
            and tokens[k + 1].is_capitalised
        ):
            k -= 1  # "Der frühere Bürgermeister und Justizsenator"
        elif _modifies_adjective(tokens, k) and k > 0 and tokens[k - 1].lower in DETERMINERS:
            k -= 1  # "Die staatlich kontrollierten Medien"
        elif token.text == ")" and k > 0:
            # "Gitta Trauernicht (SPD)"
            opening = k - 1
            while opening >= 0 and tokens[opening].text != "(" and k - opening < 8:
                opening -= 1
            if opening <= 0 or tokens[opening].text != "(":
                break
            k = opening - 1
        elif token.is_word and token.lower in DETERMINERS:
            if k > 0 and tokens[k - 1].is_capitalised and token.lower in {"des", "der"}:
                k -= 1
                continue
            if (
                k > 1
                and tokens[k - 1].lower in INNER_PREPOSITIONS
                and tokens[k - 2].is_capitalised
            ):
                k -= 2  # "Robert Halver von der Baader Bank"
                continue
            k -= 1
            break
        elif (
            token.is_word
            and token.lower in INNER_PREPOSITIONS
            and token.text.islower()
            and k > 0
            and tokens[k - 1].is_capitalised
        ):
            k -= 1
        elif token.is_word and token.lower in NAME_PARTICLES and token.text.islower() and k > 0:
            k -= 1
        elif token.text == "." and k > 0 and tokens[k - 1].text in {"Dr", "Prof"}:
            k -= 1
        else:
            break
    start = k + 1
    # The phrase must end on a noun or a name.
    if start >= end or not (tokens[end - 1].is_capitalised or tokens[end - 1].text == ")"):
        return None
    for p in range(start, end - 1):
        if _is_participle(tokens[p]) and tokens[p + 1].is_capitalised:
            opening = _participle_opening(tokens, p)
            if opening is not None and opening < start:
                return opening
            break
    while start < end and not (
        tokens[start].is_capitalised
        or tokens[start].lower in DETERMINERS
        or tokens[start].text.isdigit()
    ):
        start += 1
    # Sentence adverbs in front ("Auch der Minister sagte") are not part of the phrase.
    while start < end - 1 and tokens[start].text in LEADING_ADVERBS:
        start += 1
    if start < end and _not_a_subject(tokens[start]):
        return None
    return start


def _closes_clause(tokens: Sequence[Token], k: int) -> bool:
    """A quotation before a verb-final clause, unless it stands inside the clause after a
    small word: "weil die Regierung Georgien als „junge Demokratie“ bezeichnet hat"."""
    if not tokens[k].quote or k == 0:
        return tokens[k].quote
    before = tokens[k - 1]
    return not (before.is_word and before.text.islower() and before.lower not in DETERMINERS)


def quoted_name(token: Token) -> bool:
    return token.quote and len(token.text.split()) <= 4 and token.text[1:2].isupper()


def _not_a_subject(token: Token) -> bool:
    """Capitalised words that open a sentence without being its subject ("Angesichts",
    "Relativierend", "Hierzu")."""
    word = token.text
    if word in SENTENCE_WORDS and word.lower() not in DETERMINERS:
        return True
    return word[:1].isupper() and word.endswith(("end", "weise", "lich", "dings"))


def _opens_clause(tokens: Sequence[Token], k: int) -> bool:
    token = tokens[k]
    if token.text in LEADING_ADVERBS and all(t.text in LEADING_ADVERBS for t in tokens[: k + 1]):
        return True
    return (
        token.quote
        or token.text in {",", ":", ";", "(", "–", "-"}
        or (token.is_word and token.lower in CONJUNCTIONS)
    )


def mention_from(text: str, tokens: Sequence[Token], span: tuple[int, int]) -> Mention:
    first, last = tokens[span[0]], tokens[span[1] - 1]
    start = first.start
    if span[1] - span[0] > 1 and first.lower in {"der", "die", "das", "den", "dem", "des"}:
        start = tokens[span[0] + 1].start
    if span[1] - span[0] > 2 and first.lower in DETERMINERS:
        # "die in New York City geborene Lopez" is named by what follows the participle.
        head = _past_participle_attribute(tokens, span[0] + 1)
        if span[0] + 1 < head < span[1]:
            start = tokens[head].start
    pronoun = span[1] - span[0] == 1 and first.lower in PRONOUNS
    return Mention(start, last.end, text[start : last.end], pronoun=pronoun)


def pronoun_gender(word: str) -> str:
    lower = word.lower()
    if lower in PRONOUNS_MALE:
        return "m"
    if lower in PRONOUNS_FEMALE:
        return "f"
    return ""


def mention_gender(text: str, mention: Mention) -> str:
    """Gender of a noun phrase mention, when its article or title shows it."""
    before = text[max(0, mention.start - 4) : mention.start].lower()
    head = mention.text.split()[0] if mention.text.split() else ""
    if before.endswith(("der ", "ein ")):
        return "m"
    if before.endswith(("die ", "eine ")):
        return "f"
    if re.search(r"\w(in|frau)$", head) and head[:1].isupper() and len(mention.text.split()) > 1:
        return "f"
    return ""


def _alias_key(name: str) -> str:
    return ALIAS_SEPARATORS.sub(" ", name).strip().lower()


class PeopleIndex:
    """Known people and where the text names them, for aliases and pronouns."""

    def __init__(
        self, *, text: str, people: Sequence[KnownPerson], masked: Sequence[tuple[int, int]]
    ):
        self.text = text
        self.people = tuple(people)
        self.by_alias: dict[str, KnownPerson] = {}
        for person in self.people:
            for alias in (person.name, *person.aliases):
                self.by_alias.setdefault(_alias_key(alias), person)
        self.mentions: list[tuple[int, int, KnownPerson]] = []
        self.mention_starts: list[int] = []
        # The same mention comes back with every statement of its speaker.
        self.resolved: dict[tuple[str, str], KnownPerson | None] = {}
        if not self.by_alias:
            self.pattern = None
            return
        variants = sorted(self.by_alias, key=len, reverse=True)
        alternatives = "|".join(
            r"[\s\-‐]+".join(re.escape(part) for part in key.split(" ")) for key in variants
        )
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
        # A position is masked when a span opening at or before it reaches past it.
        spans = sorted(masked)
        opens = [a for a, _ in spans]
        reach = []
        for _, b in spans:
            reach.append(max(b, reach[-1]) if reach else b)
        for m in self.pattern.finditer(text):
            k = bisect.bisect_right(opens, m.start()) - 1
            if k >= 0 and reach[k] > m.start():
                continue
            person = self.by_alias.get(_alias_key(m.group()))
            if person is not None:
                self.mentions.append((m.start(), m.end(), person))
                self.mention_starts.append(m.start())

    def resolve(self, mention_text: str, *, containing: str = "") -> KnownPerson | None:
        """The known person a mention names: the longest alias inside it wins. With
        `containing`, only an alias that takes in that word counts ("Ri" inside "Außenminister
        Ri Yong-ho", not an unrelated title in front of it)."""
        if self.pattern is None:
            return None
        key = (mention_text, containing)
        if key not in self.resolved:
            self.resolved[key] = self._longest_alias(self.pattern, mention_text, containing)
        return self.resolved[key]

    def _longest_alias(
        self, pattern: re.Pattern[str], mention_text: str, containing: str
    ) -> KnownPerson | None:
        best: tuple[int, KnownPerson] | None = None
        for m in pattern.finditer(mention_text):
            if containing and not re.search(
                rf"(?<![\w-]){re.escape(containing)}(?![\w-])", m.group()
            ):
                continue
            person = self.by_alias.get(_alias_key(m.group()))
            if person is not None and (best is None or len(m.group()) > best[0]):
                best = (len(m.group()), person)
        return best[1] if best else None

    def last_before(self, position: int) -> tuple[int, int, KnownPerson] | None:
        k = bisect.bisect_left(self.mention_starts, position) - 1
        return self.mentions[k] if k >= 0 else None


class RecentSpeakers:
    """The speakers named so far, for a pronoun to refer back to: the one named last before
    it whose gender does not contradict the pronoun's.

    Speakers are kept per gender as a chain in the order they were named, from which each
    speaker starting at or after a newer one's start is dropped: the last one named before a
    position is always still in its chain, and the chain's starts rise, so it is found by
    bisection however many speakers the text names."""

    def __init__(self, *, text: str) -> None:
        self.text = text
        self.named = 0
        # Per gender ("m", "f", "" unknown): starts, and (order named, mention).
        self.chains: dict[str, tuple[list[int], list[tuple[int, Mention]]]] = {
            gender: ([], []) for gender in ("m", "f", "")
        }

    def add(self, mention: Mention) -> None:
        starts, entries = self.chains[mention_gender(self.text, mention)]
        while starts and starts[-1] >= mention.start:
            starts.pop()
            entries.pop()
        starts.append(mention.start)
        entries.append((self.named, mention))
        self.named += 1

    def last_before(self, position: int, *, gender: str) -> Mention | None:
        found: tuple[int, Mention] | None = None
        for chain_gender, (starts, entries) in self.chains.items():
            if gender and chain_gender and chain_gender != gender:
                continue
            k = bisect.bisect_left(starts, position) - 1
            if k >= 0 and (found is None or entries[k][0] > found[0]):
                found = entries[k]
        return found[1] if found is not None else None


class FullerNames:
    """The fullest form of a one-word name the text gives, preferring the first one before
    the mention: "Merkel" -> "Bundeskanzlerin Angela Merkel", "Kim" -> "Machthaber Kim Jong Un".

    The forms of a name are read once for all its occurrences, found through an index of the
    text's words, so naming the same person a thousand times costs about as much as once."""

    def __init__(self, *, text: str) -> None:
        self.text = text
        self.runs: dict[str, list[int]] | None = None
        # Per name: where it occurs, the best form up to each occurrence, and the index of the
        # first occurrence that is fuller than the name alone (or None).
        self.forms: dict[str, tuple[list[int], list[str], int | None]] = {}

    def of(self, mention: Mention) -> str:
        name = mention.text
        if mention.pronoun or " " in name or not name[:1].isupper():
            return name
        if name not in self.forms:
            self.forms[name] = self._read(name)
        starts, best, first_fuller = self.forms[name]
        if first_fuller is None:
            return name
        # Read on to the first occurrence after the mention, and further until a fuller form
        # has turned up.
        k = max(bisect.bisect_right(starts, mention.start), first_fuller)
        return best[min(k, len(starts) - 1)]

    def _read(self, name: str) -> tuple[list[int], list[str], int | None]:
        starts = self._occurrences(name)
        best: list[str] = []
        first_fuller = None
        for k, start in enumerate(starts):
            end = start + len(name)
            before = NAME_BEFORE.search(self.text, max(0, start - 80), start)
            after = NAME_AFTER.match(self.text, end, end + 60)
            words_before = before.group().split() if before else []
            while words_before and words_before[0] in SENTENCE_WORDS:
                words_before.pop(0)
            words_after = after.group().split() if after else []
            while words_after and words_after[-1] in SENTENCE_WORDS:
                words_after.pop()
            candidate = " ".join([*words_before, name, *words_after])
            previous = best[-1] if best else name
            best.append(candidate if len(candidate) > len(previous) else previous)
            if first_fuller is None and len(candidate) > len(name):
                first_fuller = k
        return starts, best, first_fuller

    def _occurrences(self, name: str) -> list[int]:
        """Offsets where `name` stands as a whole word, not at the very start or end of the
        text. Each run of word characters in the name is a whole run in the text wherever the
        name occurs, so the rarest one gives the places to check."""
        if self.runs is None:
            self.runs = {}
            for m in WORD_RUN.finditer(self.text):
                self.runs.setdefault(m.group(), []).append(m.start())
        pieces = [(m.start(), m.group()) for m in WORD_RUN.finditer(name)]
        offset, rarest = min(pieces, key=lambda piece: len(self.runs.get(piece[1], ())))
        found = []
        for at in self.runs.get(rarest, ()):
            start, end = at - offset, at - offset + len(name)
            if (
                start > 0
                and end < len(self.text)
                and self.text.startswith(name, start)
                and WORD_RUN.match(self.text, start - 1, start) is None
                and WORD_RUN.match(self.text, end, end + 1) is None
            ):
                found.append(start)
        return found


def strong_subject(tokens: Sequence[Token], span: tuple[int, int]) -> bool:
    """A phrase after the verb that can only be its subject: "der Sprecher", "er", or a full
    name ("Henning Scherf"), as against "die Kritik", which may be the object."""
    first = tokens[span[0]]
    if first.lower in {"der", "ein", "kein"} and first.text.islower():
        return True
    if span[1] - span[0] == 1 and first.lower in PRONOUNS and first.text.islower():
        return True
    # A bare name: common nouns rarely stand without an article.
    return all(t.is_capitalised for t in tokens[span[0] : span[1]]) and (
        first.text not in SENTENCE_WORDS
    )


def clause_subject(tokens: Sequence[Token], end: int) -> tuple[int, int] | None:
    """The subject of the main clause that ends at token `end` (a colon, say), when the verb is
    not one we know: "Hier sparte der Bundespräsident nicht mit Kritik:", "Die Firma empfindet
    die Kritik als ungerecht:"."""
    if end <= 0:
        return None
    # "Europapolitik: Die SPD will ...": the clause starts after a heading's colon.
    base = max((k + 1 for k in range(end) if tokens[k].text in {":", ";"}), default=0)
    if base:
        found = clause_subject(tokens[base:end], end - base) if base < end else None
        return (found[0] + base, found[1] + base) if found else None
    if tokens[0].lower in {"er", "sie"} and end > 1 and _is_verb_like(tokens[1]):
        return 0, 1  # "Er halte das für vertretbar und bezeichnete ..."
    if tokens[0].text in LEADING_ADVERBS and end > 2 and not _is_verb_like(tokens[1]):
        # "Auch der Außenminister attackierte ...": the adverb stands before the subject.
        found = clause_subject(tokens[1:end], end - 1)
        if found is not None:
            return found[0] + 1, found[1] + 1
    if tokens[0].lower in CLAUSE_OPENERS:
        # A leading subordinate clause; the main clause starts with its verb.
        return _subject_after_comma_verb(tokens, end)
    first = None
    if not _not_a_subject(tokens[0]) and tokens[0].lower not in OBJECT_DETERMINERS:
        first = noun_phrase_at(tokens, 0)
    if first is not None and first[1] < end:
        said_by = _speech_noun_owner(tokens, first, end)
        if said_by is not None:
            return said_by
        v = _skip_attributes(tokens, first[1], end)
        # Appositions and relative clauses: "Sadiq Khan, eines der Mitglieder, die den Brief
        # unterschrieben, verurteilte ...".
        for _ in range(3):
            if v >= end or tokens[v].text != ",":
                break
            v += 1
            while v < end and tokens[v].text != ",":
                v += 1
            if v + 1 < end and not _is_verb_like(tokens[v + 1]):
                continue  # another inserted clause follows this comma
            v += 1
        if v < end and _is_verb_like(tokens[v]):
            after = subject_after(tokens, v + 1)
            if after is not None and after[1] <= end and strong_subject(tokens, after):
                return after
            return first
        return None
    j = 0
    while j < end and (
        # "Unter dem Motto „Freiheit statt Angst“ zogen die Demonstranten": a quoted name.
        (j > 0 and quoted_name(tokens[j]) and tokens[j - 1].is_capitalised)
        or (
            tokens[j].is_word
            and (
                tokens[j].is_capitalised
                or tokens[j].lower in DETERMINERS
                or tokens[j].lower in PREPOSITIONS
                or tokens[j].lower in ADVERBS
                or (_is_adjective(tokens[j]) and j + 1 < end and tokens[j + 1].is_capitalised)
            )
        )
    ):
        j += 1
    if j < end and _is_verb_like(tokens[j]):
        found = subject_after(tokens, j + 1)
        if found and found[1] <= end:
            return found
    # "Um die Zeit zu gewinnen, will Oettinger ...": the verb follows a comma.
    return _subject_after_comma_verb(tokens, end)


def _speech_noun_owner(
    tokens: Sequence[Token], phrase: tuple[int, int], end: int
) -> tuple[int, int] | None:
    """Whose words these are: "Das Fazit von Sandra Boser ...", "Die Antwort des Ministers"."""
    head = next(
        (
            t
            for t in tokens[phrase[0] : phrase[1]]
            if t.is_capitalised and t.lower not in DETERMINERS
        ),
        None,
    )
    if head is None or head.lower not in SPEECH_NOUNS:
        return None
    k = phrase[1]
    inner_von = next(
        (j for j in range(phrase[0] + 2, phrase[1] - 1) if tokens[j].lower in {"von", "vom"}),
        None,
    )
    if inner_von is not None:
        # The name run took in the owner: "Das Fazit von Sandra Boser".
        return inner_von + 1, phrase[1]
    if k < end and tokens[k].lower in {"von", "vom"}:
        k += 1
    elif phrase[1] - phrase[0] > 2:
        # The genitive owner is already inside the phrase: "Die Antwort des Ministers".
        genitive = next(
            (j for j in range(phrase[0] + 1, phrase[1]) if tokens[j].lower in {"des", "der"}),
            None,
        )
        return (genitive, phrase[1]) if genitive is not None else None
    found = noun_phrase_at(tokens, k) if k < end else None
    return found if found is not None and found[1] <= end else None


def _is_verb_like(token: Token) -> bool:
    return (
        token.is_word
        and token.text.islower()
        and token.lower not in DETERMINERS
        and token.lower not in PREPOSITIONS
        and token.lower not in RELATIVE_PRONOUNS
        and token.lower not in CONJUNCTIONS
    )


def _skip_attributes(tokens: Sequence[Token], v: int, end: int) -> int:
    """Past prepositional attributes of a noun: "Jegliche Mitverantwortung für die Affäre"."""
    while v < end and tokens[v].is_word and tokens[v].lower in PREPOSITIONS:
        v += 1
        while (
            v < end
            and tokens[v].is_word
            and (
                tokens[v].is_capitalised
                or tokens[v].lower in DETERMINERS
                or tokens[v].lower in PREPOSITIONS
                or tokens[v].lower in NUMBER_WORDS
                or tokens[v].text.isdigit()
                or _is_adjective(tokens[v])
            )
        ):
            v += 1
    return v


def _subject_after_comma_verb(tokens: Sequence[Token], end: int) -> tuple[int, int] | None:
    for comma in range(1, end - 1):
        if tokens[comma].text == "," and _is_verb_like(tokens[comma + 1]):
            found = subject_after(tokens, comma + 2)
            if found and found[1] <= end:
                return found
    return None


def passive_agent(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int] | None:
    """The agent of a passive clause: "... werden von Musikkennern als „…“ bezeichnet"."""
    for k in range(start, end - 1):
        if tokens[k].lower in {"von", "vom"} and tokens[k].text.islower():
            found = noun_phrase_at(tokens, k + 1)
            if found is None and tokens[k].lower == "von":
                continue
            if found is None:
                continue
            return found
    return None
