"""The passage of a source body around a span: what editors and readers see of a quote in
its context. `cut_around` is the one rule for where such a passage starts and ends; the
admin, the statement page and the search snippets all cut with it."""

from typing import NamedTuple

AROUND = 160


class Cut(NamedTuple):
    """Where a passage starts and ends in the body, and whether text of its paragraph was
    left out before or after it (shown as an ellipsis)."""

    start: int
    end: int
    elided_before: bool
    elided_after: bool


class Passage(NamedTuple):
    before: str
    quote: str
    after: str

    def __str__(self) -> str:
        return f"{self.before}{self.quote}{self.after}"


def cut_around(body: str, start: int, end: int, *, around: int = AROUND) -> Cut:
    """The span with up to `around` characters either side, within its paragraph (line),
    cut at a word boundary; no spaces at either end."""
    paragraph_start = body.rfind("\n", 0, start) + 1
    paragraph_end = body.find("\n", end)
    if paragraph_end == -1:
        paragraph_end = len(body)
    left, right = paragraph_start, paragraph_end
    if start - left > around:
        left = body.find(" ", start - around, start) + 1 or start - around
    if right - end > around:
        right = body.rfind(" ", end, end + around)
        if right == -1:
            right = end + around
    return Cut(
        start=start - len(body[left:start].lstrip()),
        end=end + len(body[end:right].rstrip()),
        elided_before=left > paragraph_start,
        elided_after=right < paragraph_end,
    )


def passage_around(body: str, start: int, end: int, *, around: int = AROUND) -> Passage:
    """`cut_around` as text, marked with an ellipsis where the paragraph was cut."""
    cut = cut_around(body, start, end, around=around)
    before = ("…" if cut.elided_before else "") + body[cut.start : start]
    after = body[end : cut.end] + ("…" if cut.elided_after else "")
    return Passage(before, body[start:end], after)
