"""Normalize decoded article text and remember where every character came from.

The result is NFC, has "\\n" line endings, one space between words, no spaces at line ends, no
invisible format characters (soft hyphens, zero-width spaces, byte order marks) and at most one
blank line between paragraphs. `starts[i]`/`ends[i]` give the span of the input that character
`i` stands for, so whatever is found in the clean text can be shown in the original.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# Invisible and never meant to be read: soft hyphen, zero-width characters, bidi controls,
# word joiners, byte order marks. They are dropped, not turned into spaces.
_INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
# Every character `str.isspace` accepts, except " " and "\n", plus the control characters.
_ODD_SPACE = (
    "\t\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
    "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"
)
_SPACING = f" \n{_ODD_SPACE}{_INVISIBLE}"

_ODD = re.compile(f"[{_ODD_SPACE}{_INVISIBLE}]")
# Runs that change: two or more spacing characters, or one that is not a plain " "/"\n".
_RUN = re.compile(f"[{_SPACING}](?:[{_SPACING}]+|(?<![ \n]))")
_CONTENT = re.compile(f"[^{_SPACING}]")
_SPACING_RUN = re.compile(f"[{_SPACING}]*")
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
_VISIBLE = re.compile(f"[^{_INVISIBLE}]")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Clean text plus, per character, the span of the original it stands for."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` to the span of the original it came from."""
        if start == end:
            offset = self.starts[start] if start < len(self.starts) else self._end()
            return offset, offset
        return self.starts[start], self.ends[end - 1]

    def _end(self) -> int:
        return self.ends[-1] if self.ends else 0


def normalize(text: str) -> NormalizedText:
    """Normalize `text` (see the module docstring), keeping the offset map."""
    clean, starts, ends = normalize_mapped(text, range(len(text)), range(1, len(text) + 1))
    return NormalizedText(clean, tuple(starts), tuple(ends))


def text_checksum(text: str) -> str:
    """SHA-256 of the normalized `text`: the same whatever its line endings, spacing or
    Unicode composition. It is what keeps a source article from being stored twice."""
    clean, _, _ = normalize_mapped(text, range(len(text)), range(1, len(text) + 1))
    return hashlib.sha256(clean.encode("utf-8")).hexdigest()


def normalize_mapped(
    text: str, starts: Sequence[int], ends: Sequence[int]
) -> tuple[str, Sequence[int], Sequence[int]]:
    """Normalize `text` whose characters already map to spans `starts[i]`..`ends[i]` of some
    original; the result maps into the same original."""
    text, starts, ends = _tidy_spacing(text, starts, ends)
    # Composing comes last: dropping a soft hyphen can bring a letter and its mark together.
    if not unicodedata.is_normalized("NFC", text):
        text, starts, ends = _compose(text, starts, ends)
    return text, starts, ends


def _tidy_spacing(
    text: str, starts: Sequence[int], ends: Sequence[int]
) -> tuple[str, Sequence[int], Sequence[int]]:
    first = _CONTENT.search(text)
    if first is None:
        return "", [], []
    stop = len(text) - _SPACING_RUN.match(text[::-1]).end()
    if _is_tidy(text):
        return text[first.start() : stop], starts[first.start() : stop], ends[first.start() : stop]
    parts: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    position = first.start()
    for run in _RUN.finditer(text, position, stop):
        parts.append(text[position : run.start()])
        new_starts.extend(starts[position : run.start()])
        new_ends.extend(ends[position : run.start()])
        for char, source in _replace_run(text, run.start(), run.end()):
            parts.append(char)
            new_starts.append(starts[source.start])
            new_ends.append(ends[source.stop - 1])
        position = run.end()
    parts.append(text[position:stop])
    new_starts.extend(starts[position:stop])
    new_ends.extend(ends[position:stop])
    return "".join(parts), new_starts, new_ends


def _is_tidy(text: str) -> bool:
    """Whether `text` needs no more than trimming (the common case, checked fast)."""
    return (
        "  " not in text
        and " \n" not in text
        and "\n " not in text
        and "\n\n\n" not in text
        and _ODD.search(text) is None
    )


def _replace_run(text: str, start: int, end: int) -> list[tuple[str, range]]:
    """What a run of spacing characters between two words becomes, with the characters of
    the run each replacement stands for."""
    breaks = [(found.start(), found.end()) for found in _LINE_BREAK.finditer(text, start, end)]
    if not breaks:
        visible = _VISIBLE.search(text, start, end)
        if visible is None:
            return []
        return [(" ", range(visible.start(), end))]
    if len(breaks) == 1:
        return [("\n", range(*breaks[0]))]
    return [("\n", range(*breaks[0])), ("\n", range(breaks[1][0], end))]


def _compose(
    text: str, starts: Sequence[int], ends: Sequence[int]
) -> tuple[str, Sequence[int], Sequence[int]]:
    """NFC, one base character and the marks that attach to it at a time."""
    parts: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    length = len(text)
    index = 0
    while index < length:
        stop = index + 1
        while stop < length and _attaches(text[stop]):
            stop += 1
        composed = unicodedata.normalize("NFC", text[index:stop])
        parts.append(composed)
        new_starts.extend([starts[index]] * len(composed))
        new_ends.extend([ends[stop - 1]] * len(composed))
        index = stop
    return "".join(parts), new_starts, new_ends


def _attaches(char: str) -> bool:
    # Combining marks, and the Hangul vowel and final jamo NFC merges into a syllable.
    return unicodedata.category(char)[0] == "M" or "\u1160" <= char <= "\u11ff"
