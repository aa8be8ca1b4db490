"""Quotation marks paired, and text cut into sentences with quotations kept whole.

`find_quotations` pairs opening and closing marks of every style German text uses, nested ones
inside the outer quotation; `sentence_spans` cuts a text into sentences without cutting a
quotation; `pieces` reads an overlong sentence in pieces that keep each quotation with its cue.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sources.importing.lexicon import (
    ABBREVIATIONS,
    CUE_WORDS,
    ORDINAL_NOUNS,
)
from sources.importing.speakers import (
    Token,
)

WORD = re.compile(r"\w+")
QUOTE_CHARS = re.compile(r"[„“”\"»«‚‘’]")


CLOSERS = {"„": '“”"', "“": "”“", '"': '"', "»": "«", "«": "»", "‚": "‘’"}


ALL_CLOSERS = frozenset("".join(CLOSERS.values()))


# A full stop ends a sentence before a space, or glued to the next one ("sagte der Papst.Der
# Bruder"), which happens in pasted text.
SENTENCE_END = re.compile(
    r"[.!?]+(?:\[\d+\])*(?=[\s)\]]*(?:\s|$))|(?<=[a-zäöüß]{3})\.(?=[A-ZÄÖÜ][a-zäöüß])|\n+"
)


UPPER_START = re.compile(r"[\s)\]]*(?:[„“\"»«‚(]\s*)?[A-ZÄÖÜ0-9]")


NEXT_WORD = re.compile(r"\s*(\w+)")


LAST_WORD = re.compile(r"(\w+)\W*$")


# Past these, a sentence is longer, or fuller of quotations and cues, than anything reporters
# write (the longest in the annotated articles has 137 tokens and 7 of them).
MAX_PIECE_TOKENS = 250


MAX_PIECE_EVENTS = 20


@dataclass(frozen=True, slots=True)
class Quotation:
    """A pair of quotation marks: `open`/`close` include the marks, `start`/`end` do not."""

    open: int
    close: int

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close - 1


def find_quotations(text: str) -> list[Quotation]:
    """Pair quotation marks within each paragraph. Quotes may nest („… „…“ …“); an opening mark
    left without its closing one is taken as stray, and pairing resumes after it rather than
    swallowing the rest of the paragraph."""
    found: list[Quotation] = []
    lines: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        lines.append((start, start + len(line)))
        start += len(line) + 1
    k = 0
    while k < len(lines):
        start, end = lines[k]
        spanning = spanning_quotation(text, lines, k)
        if spanning is None:
            found.extend(pair_marks(text, start, end))
            k += 1
            continue
        quotation, last = spanning
        found.append(quotation)
        found.extend(pair_marks(text, quotation.close, lines[last][1]))
        k = last + 1
    return found


def spanning_quotation(
    text: str, lines: Sequence[tuple[int, int]], k: int
) -> tuple[Quotation, int] | None:
    """A quotation running over paragraphs: a line whose only mark is a „ at its start (or
    after a colon), then lines without marks, then a line whose first mark closes it. Returns
    the quotation and the index of the line it ends in."""
    start, end = lines[k]
    marks = [m.start() for m in QUOTE_CHARS.finditer(text, start, end)]
    if len(marks) != 1 or text[marks[0]] not in "„»":
        return None
    opener = marks[0]
    if text[start:opener].strip() and not text[start:opener].rstrip().endswith(":"):
        return None
    closers = CLOSERS[text[opener]]
    for j in range(k + 1, min(len(lines), k + 4)):
        line_start, line_end = lines[j]
        first = QUOTE_CHARS.search(text, line_start, line_end)
        if first is None:
            continue
        if first.group() in closers and first.group() not in "„»":
            return Quotation(opener, first.end()), j
        return None
    return None


def pair_marks(text: str, start: int, end: int) -> list[Quotation]:
    marks = [(m.start(), m.group()) for m in QUOTE_CHARS.finditer(text, start, end)]
    closing = closing_marks("".join(char for _, char in marks))
    last_closer = max((k for k, (_, char) in enumerate(marks) if char in ALL_CLOSERS), default=-1)
    found: list[Quotation] = []
    k = 0
    while k < len(marks):
        at, char = marks[k]
        if not opens(text, at, char):
            k += 1
            continue
        close = closing[k]
        if close is None:
            if last_closer <= k:
                break  # nothing after the stray mark could close a quotation
            k += 1
            continue
        if text[at + 1 : marks[close][0]].strip():
            found.append(Quotation(at, marks[close][0] + 1))
        k = close + 1
    return found


def closing_marks(chars: str) -> list[int | None]:
    """For each mark, the index of the mark that would close it if it opened a quotation.
    „, » and « nest (an inner one needs its own closer first); the others close at the next
    closer. Worked out for all marks at once, so a paragraph full of stray openers costs no
    more than one with none."""
    closing: list[int | None] = [None] * len(chars)
    for opener in "„»«":
        unclosed: list[int] = []
        for k, char in enumerate(chars):
            if char == opener:
                unclosed.append(k)
            elif char in CLOSERS[opener] and unclosed:
                closing[unclosed.pop()] = k
    following: dict[str, int] = {}
    for k in range(len(chars) - 1, -1, -1):
        char = chars[k]
        if char in CLOSERS and char not in "„»«":
            ahead = [following[c] for c in CLOSERS[char] if c in following]
            closing[k] = min(ahead, default=None)
        following[char] = k
    return closing


def opens(text: str, at: int, char: str) -> bool:
    after = text[at + 1 : at + 2]
    before = text[at - 1 : at] if at else " "
    if char in "„»«":
        return True
    if char == "‚":
        return opens_single(text, at)
    if char in '“"' and after and not after.isspace():
        return char == '"' or before.isspace() or before in "([/–-—:" or at == 0
    return False


def opens_single(text: str, at: int) -> bool:
    close = text.find("‘", at + 1, at + 200)
    return close > at + 1 and "\n" not in text[at:close]


def sentence_spans(text: str, quotations: Sequence[Quotation]) -> list[tuple[int, int]]:
    """Sentences, never cut inside a quotation (a quoted sentence stays part of its report)."""
    inside = inside_checker(quotations)
    spans = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        at = m.start()
        if "\n" not in m.group():
            if inside(at) or not ends_sentence(text, at, m.end()):
                continue
        elif inside(at):
            continue  # a quotation running over paragraphs
        end = m.end() if "\n" not in m.group() else at
        if text[start:end].strip():
            spans.append(trim(text, start, end))
        start = m.end()
    # A quotation ending in a full stop ends its sentence unless the report follows with a comma.
    opens = [q.open for q in quotations]
    result = []
    for s_start, s_end in spans + ([trim(text, start, len(text))] if text[start:].strip() else []):
        cut = s_start
        for q in quotations_within(quotations, opens, s_start, s_end):
            if s_start < q.close < s_end and text[q.close - 2 : q.close - 1] in ".!?":
                if text[q.close].isspace() and UPPER_START.match(text, q.close, s_end):
                    result.append(trim(text, cut, q.close))
                    cut = q.close
        result.append(trim(text, cut, s_end) if cut != s_start else (s_start, s_end))
    return [span for span in result if span[0] < span[1]]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def inside_checker(quotations: Sequence[Quotation]):
    opens = [q.open for q in quotations]

    def inside(at: int) -> bool:
        k = bisect.bisect_left(opens, at) - 1
        return k >= 0 and at < quotations[k].close - 1

    return inside


def quotations_within(
    quotations: Sequence[Quotation], opens: Sequence[int], start: int, end: int
) -> list[Quotation]:
    """The quotations that lie inside text[start:end]; `opens` is their sorted open offsets."""
    first = bisect.bisect_left(opens, start)
    last = bisect.bisect_left(opens, end)
    return [q for q in quotations[first:last] if q.close <= end]


def ends_sentence(text: str, at: int, after: int) -> bool:
    if not UPPER_START.match(text, after):
        return False
    word = LAST_WORD.search(text, max(0, at - 30), at)
    if word is None:
        return True
    last = word.group(1)
    if text[at] == "." and (last.lower() in ABBREVIATIONS or (len(last) == 1 and last.isupper())):
        return False
    if text[at] == "." and last.isdigit() and len(last) <= 2:
        following = NEXT_WORD.match(text, after)
        return not (following and following.group(1) in ORDINAL_NOUNS)
    return True


def pieces(tokens: list[Token]) -> list[list[Token]]:
    """The sentence as pieces to read one after the other: whole, unless it has more than
    MAX_PIECE_TOKENS tokens or MAX_PIECE_EVENTS quotations and cue words. Then it is cut, at a
    clause boundary where there is one, because the work of reading a sentence grows faster
    than its length, and hostile text must not make one sentence of a whole upload."""
    if len(tokens) <= MAX_PIECE_EVENTS:
        return [tokens]
    pieces = []
    start = 0
    while True:
        end, events = start, 0
        while end < len(tokens) and end - start < MAX_PIECE_TOKENS:
            if tokens[end].quote or tokens[end].lower in CUE_WORDS:
                if events == MAX_PIECE_EVENTS:
                    break
                events += 1
            end += 1
        if end < len(tokens):
            middle = start + (end - start) // 2
            end = next(
                (k + 1 for k in range(end - 1, middle, -1) if tokens[k].text in {",", ";", ":"}),
                end,
            )
        pieces.append(tokens[start:end])
        if end >= len(tokens):
            return pieces
        start = end
