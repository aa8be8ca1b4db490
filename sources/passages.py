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


def move_edge(body: str, start: int, end: int, *, edge: str, step: int) -> tuple[int, int]:
    """The span with its `edge` ("start" or "end") moved by one word: `step` -1 moves it left,
    +1 right. Edges land on word boundaries (punctuation goes with its word), never past the
    paragraph or the other edge; a span keeps at least one word."""
    paragraph_start = body.rfind("\n", 0, start) + 1
    paragraph_end = body.find("\n", end)
    if paragraph_end == -1:
        paragraph_end = len(body)
    if edge == "start":
        if step < 0:
            start = _by_a_word(body, start, _word_start_before, paragraph_start)
        else:
            following = _by_a_word(body, start, _word_start_after, end)
            if following < end:
                start = following
    else:
        if step > 0:
            end = _by_a_word(body, end, _word_end_after, paragraph_end)
        else:
            preceding = _by_a_word(body, end, _word_end_before, start)
            if preceding > start:
                end = preceding
    return start, end


def _by_a_word(body: str, index: int, move, limit: int) -> int:
    """`move` repeated until it has passed a word, not only a quotation mark or a dash."""
    moved = move(body, index, limit)
    while moved != limit and not any(
        char.isalnum() for char in body[min(index, moved) : max(index, moved)]
    ):
        further = move(body, moved, limit)
        if further == moved:
            break
        moved = further
    return moved


def _word_start_before(body: str, index: int, limit: int) -> int:
    index = _skip_back(body, index, limit, str.isspace)
    return _skip_back(body, index, limit, lambda char: not char.isspace())


def _word_start_after(body: str, index: int, limit: int) -> int:
    index = _skip_forward(body, index, limit, lambda char: not char.isspace())
    return _skip_forward(body, index, limit, str.isspace)


def _word_end_after(body: str, index: int, limit: int) -> int:
    index = _skip_forward(body, index, limit, str.isspace)
    return _skip_forward(body, index, limit, lambda char: not char.isspace())


def _word_end_before(body: str, index: int, limit: int) -> int:
    index = _skip_back(body, index, limit, lambda char: not char.isspace())
    return _skip_back(body, index, limit, str.isspace)


def _skip_back(body: str, index: int, limit: int, test) -> int:
    """Move left from `index` while the character before it passes `test`."""
    while index > limit and test(body[index - 1]):
        index -= 1
    return index


def _skip_forward(body: str, index: int, limit: int, test) -> int:
    while index < limit and test(body[index]):
        index += 1
    return index


class Segment(NamedTuple):
    """A stretch of a body paragraph: the numbers of the spans covering it, and of those
    that begin with it."""

    text: str
    covered_by: tuple[int, ...]
    begins: tuple[int, ...]


def marked_paragraphs(body: str, spans: list[tuple[int, int, int]]) -> list[list[Segment]]:
    """The body cut into paragraphs and each paragraph into segments at every edge of the
    numbered `spans` ((number, start, end)), so overlapping spans can all be marked in place."""
    spans = [(n, start, end) for n, start, end in spans if 0 <= start < end <= len(body)]
    edges = {0, len(body)}
    for _number, start, end in spans:
        edges.update((start, end))
    position = 0
    while (newline := body.find("\n", position)) != -1:
        edges.update((newline, newline + 1))
        position = newline + 1
    starting, ending = {}, {}
    for number, start, end in spans:
        starting.setdefault(start, []).append(number)
        ending.setdefault(end, []).append(number)
    paragraphs, current, active = [], [], []
    ordered = sorted(edges)
    # One sweep from edge to edge: the spans open at each segment are those begun and not
    # yet ended.
    for left, right in zip(ordered, ordered[1:], strict=False):
        active = [n for n in active if n not in ending.get(left, ())]
        begins = tuple(sorted(starting.get(left, ())))
        active += begins
        text = body[left:right]
        if text == "\n":
            paragraphs.append(current)
            current = []
            continue
        current.append(Segment(text, tuple(sorted(active)), begins))
    paragraphs.append(current)
    return [paragraph for paragraph in paragraphs if paragraph]
