"""Measure the quote extractor against the hand-annotated Wikinews articles.

    python bench/quotes.py [--split train|dev|all] [--limit N] [--data PATH]

For each split (train and dev unless one is given) it prints two sets of figures:

- the corpus measure of `../shared/eval/score_quotes.py` (token-level partial credit over every
  kind of reported speech, and the speaker mention), for all kinds and for direct quotes only.
  The articles go through the same pipeline as `manage.py extract_quotes --json` (decode, parse,
  extract, spans mapped back to the file's text), in process and without known people, which
  is what that command gives on a database without people;
- the "fair score" of the data set's README: precision, recall and speaker accuracy for direct
  quotes (and, separately, for indirect speech). A "shared capitalised word" is read strictly:
  words capitalised only because they open the mention ("Der", "Laut") do not count, so
  "Der Sprecher" does not match "Der Minister".

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sources.importing.decode import decode  # noqa: E402
from sources.importing.parse import parse_article  # noqa: E402
from sources.importing.quotes import extract_quotes  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "quotes-wikinews"
SCORER = ROOT.parent / "shared" / "eval" / "score_quotes.py"
DIRECT_GOLD = {"Direct"}
INDIRECT_GOLD = {"Indirect", "IndirectFreeIndirect"}
DIRECT_KINDS = {"direct", "fragment", "written"}
MIN_JACCARD = 0.5

WORD = re.compile(r"\w+")
# Speakers that are pronouns can't be judged by a shared capitalised word.
PRONOUNS = frozenset(
    "er sie es ich wir ihr du man der die das dieser diese dieses jener jene jenes welcher "
    "welche welches letzterer letztere ersterer erstere wer".split()
)
# Capitalised only because they open the mention, these words say nothing about who spoke.
FUNCTION_WORDS = frozenset(
    "Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Laut Nach Wie So Von Vom Zum Zur "
    "Auch Dieser Diese Dieses".split()
)


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    judged: int = 0
    speaker_right: int = 0

    def line(self, label: str) -> str:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        speaker = self.speaker_right / self.judged if self.judged else 0.0
        return (
            f"{label:<9} precision {precision:.3f}  recall {recall:.3f}  "
            f"speaker accuracy {speaker:.3f}  "
            f"(predicted {self.predicted}, gold {self.gold}, matched {self.matched}, "
            f"speaker {self.speaker_right}/{self.judged})"
        )


def words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in WORD.findall(text))


def capitalised(text: str) -> set[str]:
    found = {w.strip(".,;:()[]„“”\"'»«‚‘’") for w in text.split()}
    return {w for w in found if w[:1].isupper() and w not in FUNCTION_WORDS}


def is_pronoun(text: str) -> bool:
    return text.strip().lower() in PRONOUNS


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def score(
    *, predicted: list[tuple[str, str]], gold: list[tuple[str, str | None]], tally: Tally
) -> None:
    """Match one article's predictions to its gold quotes one to one, best overlap first."""
    tally.predicted += len(predicted)
    tally.gold += len(gold)
    pred_words = [words(text) for text, _ in predicted]
    gold_words = [words(text) for text, _ in gold]
    pairs = []
    for i, pw in enumerate(pred_words):
        for j, gw in enumerate(gold_words):
            overlap = jaccard(pw, gw)
            if overlap >= MIN_JACCARD:
                pairs.append((overlap, i, j))
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    for _, i, j in pairs:
        if i in used_pred or j in used_gold:
            continue
        used_pred.add(i)
        used_gold.add(j)
        tally.matched += 1
        gold_speaker = gold[j][1]
        if gold_speaker and not is_pronoun(gold_speaker):
            tally.judged += 1
            if capitalised(predicted[i][1]) & capitalised(gold_speaker):
                tally.speaker_right += 1


def gold_quotes(annotations: list[dict], types: set[str]) -> list[tuple[str, str | None]]:
    found = []
    for annotation in annotations:
        if annotation["type"] not in types or "quote" not in annotation:
            continue
        speaker = annotation.get("speaker")
        found.append((annotation["quote"]["text"], speaker["text"] if speaker else None))
    return found


def run(*, files: list[Path]) -> None:
    direct = Tally()
    indirect = Tally()
    kinds: dict[str, int] = {}
    elapsed = 0.0
    for path in files:
        article = json.loads(path.read_text(encoding="utf-8"))
        text = article["originalText"]
        started = time.perf_counter()
        candidates = extract_quotes(text)
        elapsed += time.perf_counter() - started
        for candidate in candidates:
            kinds[candidate.kind] = kinds.get(candidate.kind, 0) + 1
        annotations = article["annotations"]
        score(
            predicted=[(c.text, c.speaker) for c in candidates if c.kind in DIRECT_KINDS],
            gold=gold_quotes(annotations, DIRECT_GOLD),
            tally=direct,
        )
        score(
            predicted=[(c.text, c.speaker) for c in candidates if c.kind == "indirect"],
            gold=gold_quotes(annotations, INDIRECT_GOLD),
            tally=indirect,
        )
    print(f"articles  {len(files)}")
    print(direct.line("direct"))
    print(indirect.line("indirect"))
    print("kinds     " + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())))
    rate = len(files) / elapsed if elapsed else float("inf")
    print(f"speed     {rate:.0f} articles/s (extraction only, {elapsed:.2f} s)")


def load_scorer():
    """The shared scorer as a module: its `score` is the corpus measure."""
    if not SCORER.exists():
        sys.exit(f"the corpus scorer is missing: {SCORER}")
    spec = importlib.util.spec_from_file_location("score_quotes", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predictions(articles: dict[str, dict]) -> dict[str, list[dict]]:
    """What `extract_quotes --json` reports for each article, keyed like the scorer's files."""
    found = {}
    for name, article in articles.items():
        text = article["originalText"]
        parsed = parse_article(decode(text.encode("utf-8"), filename=f"{name}.txt"))
        quotes = []
        for quote in extract_quotes(parsed.body):
            start, end = parsed.text_span(quote.start, quote.end)
            speaker_start = speaker_end = None
            if quote.speaker_start is not None:
                speaker_start, speaker_end = parsed.text_span(
                    quote.speaker_start, quote.speaker_end
                )
            quotes.append(
                {
                    "start": start,
                    "end": end,
                    "kind": quote.kind,
                    "speaker_start": speaker_start,
                    "speaker_end": speaker_end,
                }
            )
        found[name] = quotes
    return found


def corpus_measure(*, files: list[Path], scorer) -> None:
    articles = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in files}
    started = time.perf_counter()
    found = predictions(articles)
    elapsed = time.perf_counter() - started
    for kinds in ("all", "direct"):
        figures = scorer.score(articles, found, kinds)
        print(
            f"corpus {kinds:<6} message P {figures['message_p']:5.1f}  "
            f"R {figures['message_r']:5.1f}  F1 {figures['message_f1']:5.1f}  "
            f"speaker P {figures['speaker_p']:5.1f}  R {figures['speaker_r']:5.1f}  "
            f"F1 {figures['speaker_f1']:5.1f}  "
            f"(gold {figures['gold']}, predicted {figures['predicted']})"
        )
    rate = len(files) / elapsed if elapsed else float("inf")
    print(f"speed     {rate:.0f} articles/s (decode, parse and extract, {elapsed:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev", "all"), default=None)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    scorer = load_scorer()
    if args.split is None:
        groups = [("train",), ("dev",)]
    else:
        groups = [("train", "dev") if args.split == "all" else (args.split,)]
    for splits in groups:
        files = sorted(path for split in splits for path in (args.data / split).glob("*.json"))
        if args.limit is not None:
            files = files[: args.limit]
        if not files:
            sys.exit(f"no articles under {args.data} for split {'+'.join(splits)}")
        print(f"== {'+'.join(splits)}")
        corpus_measure(files=files, scorer=scorer)
        run(files=files)


if __name__ == "__main__":
    main()
