"""The passage of a source body around a span: what editors and readers see of a quote in
its context."""

from typing import NamedTuple

AROUND = 160


class Passage(NamedTuple):
    before: str
    quote: str
    after: str

    def __str__(self) -> str:
        return f"{self.before}{self.quote}{self.after}"


def passage_around(body: str, start: int, end: int, *, around: int = AROUND) -> Passage:
    """The span with up to `around` characters either side, within its paragraph, cut at a
    word boundary and marked with an ellipsis where it was cut."""
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
    before = ("…" if left > paragraph_start else "") + body[left:start].lstrip()
    after = body[end:right].rstrip() + ("…" if right < paragraph_end else "")
    return Passage(before, body[start:end], after)
