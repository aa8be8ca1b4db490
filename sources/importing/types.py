"""The values that flow through the text importer: plain, frozen data, no database."""

from __future__ import annotations

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
    entry for the end), so any span of the body can be shown in the original.
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

    def text_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `body` to the same span of `text`."""
        if start == end:
            return self.body_origin[start], self.body_origin[start]
        return self.body_origin[start], self.body_origin[end - 1] + 1


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
