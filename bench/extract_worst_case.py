"""How long the statement extractor takes on hostile text, next to the seed articles.

    .venv/bin/python bench/extract_worst_case.py [--size 1000000] [--case NAME ...]

Builds bodies of about `--size` characters in memory, each the worst of one shape (many
quotations in one paragraph, many openers never closed, long runs of names, speech verbs
without quotations, sentences without punctuation, one line of words, and the densest text
of tiny sentences and statements, which costs what reading that many of them costs), runs
`extract_quotes` on each with a few known people, and prints size, seconds (wall and CPU)
and the number of statements found. The seed articles are the realistic case. Prints
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sources.importing.quotes import extract_quotes  # noqa: E402
from sources.importing.types import KnownPerson  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
PEOPLE = (
    KnownPerson("Donald Trump", ("Trump", "US-Präsident", "Präsident Trump")),
    KnownPerson("Kim Jong-un", ("Kim", "Kim Jong Un", "Machthaber")),
    KnownPerson("Mike Pompeo", ("Pompeo",)),
)
SURNAMES = "Meier Schulz Kraus Berger Roth Vogel Franke Lorenz Hahn Keller".split()
GIVEN_NAMES = "Anna Berta Carl Dora Emil Frieda Gustav Hanna Ida Jakob".split()


def quote(n: int) -> str:
    return "„" + " ".join(f"wort{n}" for _ in range(20)) + "“"


def fill(size: int, pieces: Iterator[str], separator: str) -> str:
    """Pieces joined by `separator` until the text is about `size` characters long."""
    parts, length = [], 0
    for piece in pieces:
        if length >= size:
            break
        parts.append(piece)
        length += len(piece) + len(separator)
    return separator.join(parts)


def quotes_in_one_paragraph(size: int) -> str:
    return fill(size, (f"{quote(n)} sagte Trump." for n in itertools.count()), " ")


def quotes_in_paragraphs(size: int) -> str:
    return fill(size, (f"{quote(n)} sagte Trump." for n in itertools.count()), "\n\n")


def openers_never_closed(size: int) -> str:
    # One closing mark at the end, so pairing cannot give up at the first stray opener.
    pieces = (f"„Wort{n} und noch mehr, sagte er." for n in itertools.count())
    return fill(size, pieces, " ") + " “"


def cues_far_from_quotes(size: int) -> str:
    # One sentence: every quotation has many cues around it, none right next to it.
    filler = " ".join(["x"] * 11)
    return fill(size, itertools.repeat(f"„a b c“ {filler} sagte {filler}"), " ")


def capitalised_names(size: int) -> str:
    """Runs of names without punctuation, speakers named by surname only, and the full name
    far back at the start."""

    def pieces() -> Iterator[str]:
        yield "Der Abgeordnete Hans Meier sagte: „Wir fangen an.“"
        for n in itertools.count():
            names = " ".join(
                f"{GIVEN_NAMES[(n + k) % 10]} {SURNAMES[(n * 3 + k) % 10]}" for k in range(8)
            )
            yield f"{names} Sprecher Minister Präsident {SURNAMES[n % 10]}{n} Berg."
            yield f"„Das ist Satz {n} der Rede“, sagte Meier. Er sagte: „Auch das {n}.“"

    return fill(size, pieces(), " ")


def speech_verbs_without_quotes(size: int) -> str:
    pieces = (
        f"{SURNAMES[n % 10]} sagte, es sei gut, und sie erklärte, er habe {n} gesagt"
        for n in itertools.count()
    )
    return fill(size, pieces, " ") + "."


def long_sentences(size: int) -> str:
    words = "der Minister sagte dass die Lage sehr ernst sei und man handeln werde".split()

    def sentence(n: int) -> str:
        return " ".join(words[k % len(words)] for k in range(n * 7, n * 7 + 2000)) + "."

    return fill(size, (sentence(n) for n in itertools.count()), " ")


def one_line_of_words(size: int) -> str:
    words = "Trump sagte er habe „nichts“ gewusst und Kim teilte mit sie sei bereit".split()
    return fill(size, (words[n % len(words)] for n in itertools.count()), " ")


def numbered_sentences(size: int) -> str:
    # A full stop after a small number may be an ordinal ("am 3. Mai"): each one looks ahead.
    pieces = (f"Es kamen {n % 100}. Leute und sagten „ja“." for n in itertools.count())
    return fill(size, pieces, " ")


def quotes_then_naming_sentence(size: int) -> str:
    pieces = (f"„Das Wort {n} gilt.“ Das sagte {SURNAMES[n % 10]}." for n in itertools.count())
    return fill(size, pieces, " ")


def pronouns_of_other_gender(size: int) -> str:
    pieces = itertools.chain(
        (f"Der Sprecher {SURNAMES[n % 10]}{n} sagte, es gehe voran." for n in range(20_000)),
        (f"„Nummer {n} ist da“, sagte sie." for n in itertools.count()),
    )
    return fill(size, pieces, " ")


def one_word_sentences(size: int) -> str:
    # Nothing to find, but every sentence is read: the cost of a sentence as such.
    return fill(size, itertools.repeat("Ja."), " ")


def headline_quotes(size: int) -> str:
    # A statement every dozen characters: the cost of a statement as such.
    return fill(size, itertools.repeat("Trump: „Ja“"), "\n")


CASES: dict[str, Callable[[int], str]] = {
    "quotes in one paragraph": quotes_in_one_paragraph,
    "quotes in paragraphs": quotes_in_paragraphs,
    "openers never closed": openers_never_closed,
    "cues far from quotes": cues_far_from_quotes,
    "capitalised names": capitalised_names,
    "speech verbs without quotes": speech_verbs_without_quotes,
    "long sentences": long_sentences,
    "one line of words": one_line_of_words,
    "numbered sentences": numbered_sentences,
    "quotes then 'Das sagte X'": quotes_then_naming_sentence,
    "pronouns of other gender": pronouns_of_other_gender,
    "one-word sentences": one_word_sentences,
    "headline quotes": headline_quotes,
}


def measure(label: str, text: str) -> None:
    # CPU seconds beside wall seconds: on a shared machine they are the steadier figure.
    started, cpu_started = time.perf_counter(), time.process_time()
    found = extract_quotes(text, people=PEOPLE)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(
        f"{label:<30} {len(text):>9} chars  {seconds:6.2f} s  ({cpu:5.2f} s CPU)  "
        f"{len(found):>6} statements"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per body")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only these")
    args = parser.parse_args()
    for name in args.case or CASES:
        measure(name, CASES[name](args.size))
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        sys.exit(f"no seed articles under {SEEDS}")
    for path in seeds:
        measure(f"seed {path.stem[:25]}", path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
