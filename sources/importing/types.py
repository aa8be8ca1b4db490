"""The values that flow through the text importer: plain, frozen data, no database."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

QuoteKind = Literal["direct", "fragment", "indirect", "written"]


class UnreadableFile(ValueError):
    """A file the importer refuses: empty, binary, or in no text encoding it knows."""

    def __init__(self, filename: str, reason: str) -> None:
        super().__init__(f"{filename}: {reason}")
        self.filename = filename
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Removal:
    """A part of the input that is not in the clean body, with the reason it was cut.

    `start`/`end` index the decoded text (`ParsedArticle.text`).
    """

    start: int
    end: int
    reason: str
    text: str


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """One article as the parser understood it.

    `text` is the decoded input, exactly as received. `body` is the clean, normalized text an
    editor reads; `body_origin[i]` is the offset in `text` of body character `i` (one extra
    entry for the end), so any span of the body can be shown in the original. `checksum` is the
    SHA-256 of the whole normalized input (not just the body): the same file arrives with the
    same checksum whatever its encoding or line endings, and whatever version of the parser.
    """

    text: str
    title: str
    body: str
    body_origin: tuple[int, ...]
    kicker: str = ""
    publisher: str = ""
    author: str = ""
    published_on: date | None = None
    dateline: str = ""
    removed: tuple[Removal, ...] = ()
    comment_count: int | None = None
    checksum: str = ""

    def text_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `body` to the same span of `text`."""
        if start == end:
            return self.body_origin[start], self.body_origin[start]
        stop = self.body_origin[end - 1] + 1
        following = end
        while following < len(self.body) and self.body_origin[following] < stop:
            following += 1  # NFC can turn one letter and its marks into two characters
        limit = self.body_origin[following]
        # One body character can stand for several of `text`: "\r\n", a letter and the
        # combining marks NFC merged into it, invisible characters normalizing dropped.
        while stop < limit and _continues_character(self.text, stop):
            stop += 1
        return self.body_origin[start], stop


def _continues_character(text: str, index: int) -> bool:
    char = text[index]
    if char == "\n":
        return text[index - 1] == "\r"
    category = unicodedata.category(char)
    return category[0] == "M" or category == "Cf" or "\u1160" <= char <= "\u11ff"


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A person the extractor may name as a speaker: the full name and the other ways texts
    refer to them ("Trump", "US-Präsident")."""

    name: str
    aliases: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class QuoteCandidate:
    """A statement the extractor suggests; spans index the text it was given."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str
    speaker_start: int | None
    speaker_end: int | None
    cue: str
    confidence: float
    # The day the text says the statement was made ("sagte am Mittwoch"), when the article's
    # own date was given to read it against; None when the text does not say.
    said_on: date | None = None
