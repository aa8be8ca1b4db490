"""When a statement was made, where the sentence reporting it says so: "sagte am Mittwoch",
"erklärte gestern", "hatte am Abend zuvor mitgeteilt", "sagte am 12. März" — read relative to
the day the article appeared."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sources.importing.lexicon import MONTH_NUMBERS
from sources.importing.speakers import Token

_WEEKDAY_NUMBERS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonnabend": 5, "sonntag": 6,
}  # fmt: skip
_TIMES_OF_DAY = ("morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht")
# Words that name the day before the article's: "gestern", "am Vortag", "am Abend zuvor".
_DAYS_BACK = {"heute": 0, "gestern": 1, "vorgestern": 2, "vortag": 1}


def said_on(tokens: Sequence[Token], outside: tuple[int, int], published: date) -> date | None:
    """The day the tokens (a sentence) say the statement at tokens[outside[0]:outside[1]] was
    made, read only outside it: the time of what was said is not the time of saying it."""
    for k, token in enumerate(tokens):
        if outside[0] <= k < outside[1] or not token.is_word:
            continue
        day = _day_at(tokens, k, published)
        if day is not None:
            return day
    return None


def _day_at(tokens: Sequence[Token], k: int, published: date) -> date | None:
    word = tokens[k].lower
    before = tokens[k - 1].lower if k > 0 else ""
    if word in _DAYS_BACK and (word != "vortag" or before in {"am", "vom"}):
        return published - timedelta(days=_DAYS_BACK[word])
    if before not in {"am", "vom"}:
        return None
    if word in _TIMES_OF_DAY and k + 1 < len(tokens) and tokens[k + 1].lower == "zuvor":
        return published - timedelta(days=1)  # "am Abend zuvor"
    weekday = _weekday(word)
    if weekday is not None:
        # The last such day up to the article's: "am Mittwoch" in Friday's paper.
        return published - timedelta(days=(published.weekday() - weekday) % 7)
    if word.isdigit() and k + 2 < len(tokens) and tokens[k + 1].text == ".":
        month = MONTH_NUMBERS.get(tokens[k + 2].lower)
        if month is None or not 1 <= int(word) <= 31:
            return None
        try:
            day = date(published.year, month, int(word))
        except ValueError:
            return None
        if day <= published:
            return day
        # A day after the article's was in the year before: "am 30. Dezember" in January.
        return day.replace(year=day.year - 1) if (month, int(word)) != (2, 29) else None
    return None


def _weekday(word: str) -> int | None:
    """ "mittwoch", "mittwochabend", "montagmorgen" -> the weekday's number."""
    for name, number in _WEEKDAY_NUMBERS.items():
        if word == name or (word.startswith(name) and word[len(name) :] in _TIMES_OF_DAY):
            return number
    return None
