"""The statement extractor's work grows with the length of the text, whatever the text: an
upload of hostile text must not hold a worker for minutes. Work is counted in function calls,
never timed, so these tests say the same on any machine."""

from __future__ import annotations

import cProfile
from collections.abc import Callable

import pytest

from sources.importing import quotes
from sources.importing.quotes import extract_quotes
from sources.importing.types import KnownPerson

PEOPLE = (
    KnownPerson("Donald Trump", ("Trump", "US-Präsident")),
    KnownPerson("Kim Jong-un", ("Kim", "Machthaber")),
)


def quotation(n: int) -> str:
    return "„" + " ".join([f"wort{n}"] * 20) + "“"


# Text made of n repetitions of one hostile shape.
SHAPES: dict[str, Callable[[int], str]] = {
    "quotations in one paragraph": lambda n: " ".join(
        f"{quotation(k)} sagte Trump." for k in range(n)
    ),
    "quotations in paragraphs": lambda n: "\n\n".join(
        f"{quotation(k)} sagte Trump." for k in range(n)
    ),
    "openers never closed": lambda n: (
        " ".join(f"„Wort{k} und noch mehr, sagte er." for k in range(n)) + " “"
    ),
    "surname far from the full name": lambda n: (
        "Der Abgeordnete Hans Meier sprach. "
        + " ".join(f"„Satz {k} der Rede“, sagte Meier." for k in range(n))
    ),
    "speech verbs without quotations": lambda n: (
        " ".join(
            f"Meier sagte, es sei gut, und sie erklärte, er habe {k} gesagt" for k in range(n)
        )
        + "."
    ),
    "one sentence of words": lambda n: " ".join(
        ["Trump sagte er habe „nichts“ gewusst und Kim teilte mit sie sei bereit"] * n
    ),
    "pronouns of the other gender": lambda n: (
        " ".join(f"Der Sprecher Meier{k} sagte, es gehe voran." for k in range(n))
        + " "
        + " ".join(f"„Nummer {k} ist da“, sagte sie." for k in range(n))
    ),
    "quotations named by the next sentence": lambda n: " ".join(
        f"„Das Wort {k} gilt.“ Das sagte Meier." for k in range(n)
    ),
    "small numbers before full stops": lambda n: " ".join(
        f"Es kamen {k % 100}. Leute und sagten „ja“." for k in range(n)
    ),
}


def calls(text: str) -> int:
    """Every function call, ours and the standard library's, that extracting from `text` makes."""
    profiler = cProfile.Profile()
    profiler.runcall(extract_quotes, text, people=PEOPLE)
    return sum(entry.callcount for entry in profiler.getstats())


@pytest.mark.parametrize("shape", SHAPES)
def test_work_grows_linearly_with_hostile_text(shape):
    build = SHAPES[shape]
    once, twice = calls(build(150)), calls(build(300))
    # Linear work doubles; quadratic work would quadruple.
    assert twice <= 2.2 * once, f"{shape}: {once} calls for 150, {twice} for 300"


def test_each_quotation_is_weighed_against_a_bounded_number_of_cues(monkeypatch):
    weighed = 0
    distance = quotes._Extractor._cue_distance

    def counted(*args):
        nonlocal weighed
        weighed += 1
        if weighed > 50 * 2000:
            raise AssertionError("more than 50 cue distances per quotation")
        return distance(*args)

    monkeypatch.setattr(quotes._Extractor, "_cue_distance", staticmethod(counted))
    found = extract_quotes(SHAPES["quotations in one paragraph"](2000), people=PEOPLE)
    assert len(found) == 2000
    assert {candidate.speaker for candidate in found} == {"Donald Trump"}


def test_a_sentence_of_a_hundred_thousand_words_is_read_without_running_out_of_stack():
    text = " ".join(["Die Regierung habe erklärt und werde sagen"] * 15_000) + "."
    extract_quotes(text, people=PEOPLE)
