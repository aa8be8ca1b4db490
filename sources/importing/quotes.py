"""Statements in German news text: quotations, fragments, indirect speech, and who said them.

`extract_quotes(text, people=...)` is the one entry point. It is rule based: quotation marks are
paired, the text is cut into sentences with quotations kept whole, and each sentence's reporting
clause ("sagte Trump", "so der Sprecher", "Kim entgegnete:", "laut dem Bericht") names the
speaker. Sentences in Konjunktiv carry the last speaker on, which is how German reports go on
quoting someone. Quoted names of things (titles, ships, newspapers, "so genannte" terms) and
scare quotes without a report around them are left out.

The parts, each in its module: `quotations` (marks paired, sentences cut), `clauses` (cues and
the clauses and source phrases around them), `reports` (indirect speech without Konjunktiv,
decisions and announcements), `speakers` and `mentions` (who is named, and the whole mention),
`terms` (quoted words that are no statement), `lexicon` (every word list, once). This module
reads a text sentence by sentence and decides what each sentence reports and for whom.

Confidence says how the speaker was found: 0.9 cue and speaker right at the quotation, 0.8 in
the same sentence, 0.7 a pronoun resolved, 0.6 carried over from an earlier sentence, 0.4-0.45
a guess or a cue without a speaker, 0.3 a quoted sentence with nobody named; fragments 0.05 less.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sources.importing.clauses import (
    clause_start,
    closing_particle,
    conclusion_verb,
    ends_verb_final_clause,
    in_konjunktiv_clause,
    looks_konjunktiv_i,
    medium_phrase,
    names_a_paper,
    nearest_agent,
    object_of_report,
    opens_noun_phrase,
    opinion_verb,
    past_apposition,
    past_inserts,
    phrase_back,
    source_phrase,
    starts_with_preposition,
    written_clauses,
    written_on,
)
from sources.importing.dates import said_on
from sources.importing.lexicon import (
    ADVERBS,
    AUXILIARIES,
    CLAUSE_OPENERS,
    CLAUSE_WORDS,
    CONCLUSION_NOUNS,
    CUE_WORDS,
    DECISION_WORDS,
    DEMONSTRATIVES,
    DEMONYM_ENDINGS,
    DETERMINERS,
    INDEFINITE_ARTICLES,
    KONJUNKTIV,
    KONJUNKTIV_I,
    LABEL_VERBS,
    NAME_ARTICLES,
    NAME_MARKERS,
    NAME_PREPOSITIONS,
    NAMING_VERBS,
    NOT_SPEECH_OBJECTS,
    OPINION_NOUNS,
    OWNER_POSSESSIVES,
    PASSIVE_AUXILIARIES,
    POSSESSIVES,
    PREPOSITIONS,
    PROPOSAL_NOUNS,
    RELATIVE_PRONOUNS,
    REPORT_ADVERBS,
    REPORTING_VERBS,
    SENTENCE_WORDS,
    SLOGANS,
    SOURCE_PREPOSITIONS,
    SOURCE_VERBS,
    SPEAK_FORMS,
    SPEECH_ACT_VERBS,
    STATUS_WORDS,
    THOUGHT_WORDS,
    TRANSLATION_WORDS,
    VIEW_VERBS,
)
from sources.importing.mentions import apposed_name, mention_extent, without_sentence_adverb
from sources.importing.quotations import (
    WORD,
    Quotation,
    find_quotations,
    pieces,
    quotations_within,
    sentence_spans,
)
from sources.importing.reports import (
    decision_clause,
    hearsay,
    indicative_after,
    indicative_before,
    zu_infinitive_end,
)
from sources.importing.speakers import (
    FullerNames,
    Mention,
    PeopleIndex,
    RecentSpeakers,
    Token,
    clause_subject,
    mention_from,
    noun_phrase_at,
    particle_name_before,
    passive_agent,
    pronoun_gender,
    quoted_name,
    relative_clause_opening,
    subject_after,
    subject_before,
    subject_of_verb_final,
    tokenize,
)
from sources.importing.terms import (
    ends_in_punctuation,
    in_heading,
    is_adjective_like,
    is_designation,
    is_phrase_fragment,
    name_like,
    names_a_title,
    names_a_work,
    proper_name,
    title_noun,
)
from sources.importing.types import KnownPerson, QuoteCandidate, QuoteKind

# Words that make a sentence worth reading for a report: cues and Konjunktiv forms.
_WORTH_READING = CUE_WORDS | KONJUNKTIV
# While a report goes on from the sentence before, Konjunktiv II reports too ("Der Papst
# hätte …"); "könnte" is as often the writer's own guess.
_GOING_ON = KONJUNKTIV - frozenset({"könnte", "könnten"})
# "soll"/"sollen" while a report goes on: what the source says is planned or happened.
_PLANS = frozenset({"soll", "sollen"})
# How many sentences a report in Konjunktiv I goes on after its speaker was last named.
CONTINUATION_SENTENCES = 4
FOOTNOTE_TAIL = re.compile(r"(?:\[\d+\])+$")
# Two or more capitalised words in a row, the shape of a person's name.
NAME_RUN = re.compile(r"(?<![.!?]\s)\b[A-ZÄÖÜ][\w-]+(?:[ \t]+[A-ZÄÖÜ][\w-]+)+")

# The words a reporting clause is read from (`_cues`): speech verbs, "so der Sprecher", "laut",
# "heißt es", "der Meinung", "zu dem Ergebnis", "zeigte sich".


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: Mention | None
    cue: str
    written: bool
    adjacent: bool
    carried: bool = False
    naming: bool = False
    # For "laut X", "X zufolge", "nach Angaben X": the token range of that source phrase.
    phrase: tuple[int, int] | None = None
    # The speaker is only the last one the article named, not tied to this sentence.
    guess: bool = False
    # The cue's own verb is in Konjunktiv I ("Kim habe ... verlangt"): itself reported speech.
    reported: bool = False
    # Where the text refers to the source without naming a speaker ("nach Polizeiangaben",
    # "Demnach"): the character span of that reference.
    reference: tuple[int, int] | None = None

    def with_speaker(self, speaker: Mention) -> Attribution:
        return dataclasses.replace(self, speaker=speaker)


@dataclass
class _Context:
    """The speaker reports are currently attributed to, for sentences that go on reporting."""

    attribution: Attribution | None = None
    sentence: int = -10
    paragraph: int = -1


@dataclass
class _Subject:
    """A sentence without quotations, for a quotation right after it that may be its
    subject's. The subject is found only when asked for: most sentences never are."""

    text: str
    tokens: list[Token]
    sentence: int
    paragraph: int

    @functools.cached_property
    def mention(self) -> Mention | None:
        span = clause_subject(self.tokens, len(self.tokens))
        if span is None or self.tokens[span[0]].lower in {"es", "das", "dies"}:
            return None
        return mention_from(self.text, self.tokens, span)


def extract_quotes(
    text: str, *, people: Sequence[KnownPerson] = (), published_on: date | None = None
) -> list[QuoteCandidate]:
    """Statements in `text`, sorted by start; spans index `text`.

    Speakers are resolved against `people` (full name preferred: "Kim" -> "Kim Jong-un");
    without a match, the speaker is the mention as fully as the text names it nearby. Given
    the day the article appeared, a statement whose sentence says when it was made ("sagte am
    Mittwoch") carries that day as `said_on`.
    """
    quotations = find_quotations(text)
    people_index = PeopleIndex(
        text=text, people=people, masked=[(q.open, q.close) for q in quotations]
    )
    extractor = _Extractor(
        text=text, quotations=quotations, people=people_index, published_on=published_on
    )
    return extractor.run()


def mostly_quoted(tokens: Sequence[Token]) -> bool:
    """Whether quotations make up half the sentence or more: then they are what it reports."""
    quoted = sum(len(t.text) for t in tokens if t.quote)
    return quoted > 0.5 * (tokens[-1].end - tokens[0].start)


class _Extractor:
    def __init__(
        self,
        *,
        text: str,
        quotations: list[Quotation],
        people: PeopleIndex,
        published_on: date | None = None,
    ) -> None:
        self.text = text
        self.published_on = published_on
        self.quotations = quotations
        self.opens = [q.open for q in quotations]
        self.people = people
        self.context = _Context()
        # Explicit (non-pronoun) speaker mentions so far, for pronouns to refer back to.
        self.seen = RecentSpeakers(text=text)
        self.fuller_names = FullerNames(text=text)
        # The last sentence, if it had no quotations, for the subject it names.
        self.subject: _Subject | None = None
        # A standalone quotation still without a speaker: its tokens, index, its sentence, and
        # how many candidates there were when that sentence began.
        self.pending: tuple[list[Token], int, int, int] | None = None
        self.candidates: list[QuoteCandidate] = []
        # The subject found for each auxiliary of the sentence being read, by token index.
        self.auxiliary_subjects: dict[int, tuple[int, int] | None] = {}
        # The last report carried on without a cue of its own: its sentence, paragraph and
        # place among the candidates, for the next sentence going on with it to join.
        self.continued: tuple[int, int, int] | None = None
        # Whether the last sentence gave a candidate.
        self.last_reported = False

    def run(self) -> list[QuoteCandidate]:
        paragraph = 0
        previous_end = 0
        index = 0
        for start, end in sentence_spans(self.text, self.quotations):
            if "\n" in self.text[previous_end:start]:
                paragraph += 1
            previous_end = end
            spans = [
                (q.open, q.close)
                for q in quotations_within(self.quotations, self.opens, start, end)
            ]
            tokens = tokenize(text=self.text, start=start, end=end, quotes=spans)
            for piece in pieces(tokens):
                self._sentence(index=index, paragraph=paragraph, tokens=piece)
                index += 1
        self.candidates.sort(key=lambda c: (c.start, c.end))
        return self.candidates

    def _sentence(self, *, index: int, paragraph: int, tokens: list[Token]) -> None:
        if not tokens:
            return
        first_candidate = len(self.candidates)
        self._settle_pending(tokens, index=index)
        if not any(t.quote or t.lower in _WORTH_READING for t in tokens) and not (
            self._live(index) and any(looks_konjunktiv_i(t.text) for t in tokens)
        ):
            # Nothing here reports anything; the sentence can only name whom the next quotes.
            self.subject = _Subject(self.text, tokens, index, paragraph)
            self.last_reported = False
            return
        cues = self._cues(tokens)
        if self._report_named_after(tokens, cues, index=index, paragraph=paragraph):
            self.last_reported = True
            self.subject = None
            return
        reported = self._is_reported(tokens)
        # A report in Konjunktiv I without a reporting clause of its own goes on with the
        # current speaker, even when it says what someone else did or demanded.
        continues = reported and self._live(index) and all(a.reported for _, a in cues)
        found_attribution: Attribution | None = None
        for qi, token in enumerate(tokens):
            if not token.quote or self._is_name(tokens, qi):
                continue
            attribution = self._resolve(
                tokens, qi, cues, index=index, paragraph=paragraph, reported=reported
            )
            if attribution is None and qi == 0:
                # "„Ja, es gibt Zumutungen“. Das musste Steinbrück einräumen." The next sentence
                # may still name the speaker.
                self.pending = (tokens, qi, index, first_candidate)
            if attribution is None and not (
                self._is_clear_statement(tokens, qi) or is_phrase_fragment(tokens[qi].text)
            ):
                continue
            if attribution is not None and names_a_title(attribution.speaker):
                continue  # "„…“, so lautet der Titel der Studie"
            if not self._single_word_is_quoted(tokens, qi, attribution):
                continue
            quoting = self._quoting_medium(tokens, attribution)
            if quoting is not None:
                # One suggestion per quote, for the person quoted: the medium that printed the
                # words is where they were reported, not who said them.
                attribution, _medium = quoting
            self._emit_quote(Quotation(token.start, token.end), tokens, qi, attribution)
            if (
                attribution is not None
                and attribution.speaker is not None
                and not (continues and attribution.reported)
            ):
                found_attribution = attribution
        indirect = self._indirect(
            tokens, [] if continues else cues, index=index, paragraph=paragraph, reported=reported
        )
        if indirect is not None and indirect.speaker is not None:
            found_attribution = found_attribution or indirect
        if found_attribution is None and not continues:
            with_speaker = [a for _, a in cues if a.speaker is not None and not a.naming]
            found_attribution = with_speaker[-1] if with_speaker else None
        # A sentence joined to the report before it left no candidate of its own behind.
        joined = self.continued is not None and self.continued[0] == index
        if not joined and not any(c.kind == "indirect" for c in self.candidates[first_candidate:]):
            before = len(self.candidates)
            decided = self._decision(tokens)
            if decided is None and len(self.candidates) == before:
                decided = self._object_clause(tokens)
            if decided is not None:
                found_attribution = found_attribution or decided
            elif not self._speech_act(tokens, cues) and found_attribution is None:
                self._continuation(tokens, index=index, paragraph=paragraph)
        self.subject = None
        self.last_reported = len(self.candidates) > first_candidate or (
            self.continued is not None and self.continued[0] == index
        )
        if not any(t.quote for t in tokens):
            self.subject = _Subject(self.text, tokens, index, paragraph)
        if found_attribution is not None:
            self.context = _Context(found_attribution, index, paragraph)
        elif reported and self.context.sentence == index - 1:
            self.context.sentence = index
            self.context.paragraph = paragraph

    def _live(self, index: int) -> bool:
        """Whether a report with a speaker runs up to the sentence before this one."""
        context = self.context
        return (
            context.sentence == index - 1
            and context.attribution is not None
            and context.attribution.speaker is not None
        )

    def _resolve(
        self,
        tokens: list[Token],
        qi: int,
        cues: list[tuple[int, Attribution]],
        *,
        index: int,
        paragraph: int,
        reported: bool,
    ) -> Attribution | None:
        """Who said the quotation at token qi: the sentence's own cue first, then the report
        being carried on, then whoever the sentence or the one before is about."""
        attribution = self._attribute(tokens, qi, cues)
        carried = self._carry(tokens, qi, index=index, paragraph=paragraph, reported=True)
        if attribution is None:
            attribution = self._carry(
                tokens, qi, index=index, paragraph=paragraph, reported=reported
            )
            fresher = self._previous_subject(
                qi, index=index, paragraph=paragraph, reported=reported
            )
            if attribution is not None and fresher is not None:
                if self.context.sentence < index - 1:
                    # The sentence just before is about someone else than the old report.
                    return fresher
        elif attribution.cue == ":" and not attribution.adjacent and reported and carried:
            attribution = carried
        elif attribution.speaker is None:
            # A cue without a subject we can find ("heißt es", passives).
            ci = next((k for k, t in enumerate(tokens) if t.lower == attribution.cue), None)
            place = written_on(tokens, ci) if ci is not None else None
            if place is not None:
                # "ein Zettel, auf dem geschrieben stand: „…“": what the words are written on.
                return attribution.with_speaker(self._mention(tokens, place))
            if carried is not None:
                return dataclasses.replace(attribution, speaker=carried.speaker, carried=True)
            impersonal = attribution.cue.endswith(" es")  # "heißt es" has no subject to find
            span = None if impersonal else clause_subject(tokens, qi)
            if span is not None:
                speaker = self._mention(tokens, span)
                return dataclasses.replace(attribution, speaker=speaker, carried=True)
        if attribution is not None:
            return attribution
        # "Ursprünglich wollte er „ein Konzept vorlegen“": the pronoun the clause is about.
        span = clause_subject(tokens, qi)
        if span is not None and span[1] - span[0] == 1 and tokens[span[0]].lower in {"er", "sie"}:
            return Attribution(self._mention(tokens, span), "", False, False, carried=True)
        fresher = self._previous_subject(qi, index=index, paragraph=paragraph)
        if fresher is not None:
            return fresher
        last = self.context.attribution
        if (
            last is not None
            and last.speaker is not None
            and len(tokens[qi].text.split()) > 1
            and any(t.is_word and t.lower in KONJUNKTIV_I for t in tokens)
        ):
            # Konjunktiv I is reported speech even when the report began further back; the
            # last speaker is the best guess, and the confidence says so.
            return dataclasses.replace(
                last, adjacent=False, carried=True, written=False, guess=True
            )
        return None

    def _previous_subject(
        self, qi: int, *, index: int, paragraph: int, reported: bool = False
    ) -> Attribution | None:
        """A quotation standing alone after a sentence about someone is usually theirs; so is
        one inside a Konjunktiv report that follows it ("X nahm Stellung. Jeder könne „…“")."""
        subject = self.subject
        if (qi != 0 and not reported) or subject is None:
            return None
        if subject.sentence != index - 1 or subject.paragraph != paragraph:
            return None
        if subject.mention is None:
            return None
        return Attribution(subject.mention, "", False, False, carried=True)

    def _settle_pending(self, tokens: list[Token], *, index: int) -> None:
        """A quotation left without a speaker, named by the next sentence: "Das sagte X"."""
        pending, self.pending = self.pending, None
        if pending is None or pending[2] != index - 1 or len(tokens) < 3:
            return
        if tokens[0].lower not in {"das", "dies", "so"} or not tokens[1].text.islower():
            return
        span = subject_after(tokens, 2)
        if span is None:
            return
        quote_tokens, qi, _, first = pending
        token = quote_tokens[qi]
        attribution = Attribution(self._mention(tokens, span), tokens[1].text, False, True)
        # Only that sentence's candidates can lie inside its quotation.
        self.candidates[first:] = [
            c for c in self.candidates[first:] if not token.start < c.start < token.end
        ]
        self._emit_quote(Quotation(token.start, token.end), quote_tokens, qi, attribution)

    # Cues and speakers

    def _cues(self, tokens: list[Token]) -> list[tuple[int, Attribution]]:
        """Reporting cues in the sentence, each with the speaker it names (if any)."""
        self.auxiliary_subjects = {}
        lowered = [t.lower if t.is_word else "" for t in tokens]
        cues: list[tuple[int, Attribution]] = []
        for i, token in enumerate(tokens):
            if not token.is_word or lowered[i] not in CUE_WORDS:
                continue
            word = lowered[i]
            cue = REPORTING_VERBS.get(word) if token.text[:1].islower() or i == 0 else None
            if cue is not None:
                label = word
                if cue.particles:
                    particle = closing_particle(tokens, i, cue.particles)
                    if particle is None and ends_verb_final_clause(tokens, i):
                        # "Wie der Hersteller am Morgen bekannt gab, …"
                        if i > 0 and tokens[i - 1].lower in cue.particles:
                            particle = tokens[i - 1].lower
                    if particle is None:
                        continue
                    label = f"{word} {particle}"  # "teilte mit"
                if word in SPEAK_FORMS:
                    # "sprach von einer großartigen Sache"; "sprach" alone is not a report.
                    # "hatten von der Notwendigkeit eines „…“ gesprochen": anywhere in the clause.
                    if not {"von", "vom"} & set(lowered[clause_start(tokens, i) : i + 8]):
                        continue
                    label = f"{word} von"
                attribution = Attribution(
                    self._verb_subject(tokens, i),
                    label,
                    cue.written,
                    adjacent=True,
                    naming=word in NAMING_VERBS,
                    reported=in_konjunktiv_clause(tokens, i),
                )
                cues.append((i, attribution))
                continue
            if (
                word == "so"
                and i > 0
                and (tokens[i - 1].text in {",", "–", "-"} or tokens[i - 1].quote)
            ):
                span = subject_after(tokens, i + 1)
                label = "so"
                after_quote = tokens[i - 1].quote or (
                    i > 1 and tokens[i - 1].text == "," and tokens[i - 2].quote
                )
                if (
                    span is None
                    and after_quote
                    and i + 1 < len(tokens)
                    and tokens[i + 1].text.islower()
                    and tokens[i + 1].lower not in CLAUSE_WORDS
                ):
                    # "„…“, so charakterisierte ihn der Funktionär"
                    span = subject_after(tokens, i + 2)
                    label = f"so {tokens[i + 1].text}"
                if span is not None:
                    cues.append((i, Attribution(self._mention(tokens, span), label, False, True)))
            elif word in {"laut", "gemäß", "zufolge", "nach"}:
                source = source_phrase(tokens, i)
                if source is not None:
                    phrase, span = source
                    speaker = self._mention(tokens, span) if span else None
                    label = word if word != "nach" else f"nach {tokens[phrase[1] - 1].text}"
                    reference = None
                    if speaker is None and word == "nach":
                        # "nach Polizeiangaben", "nach eigenen Angaben"
                        reference = (tokens[phrase[0] + 1].start, tokens[phrase[1] - 1].end)
                    cues.append(
                        (
                            i,
                            Attribution(
                                speaker, label, False, True, phrase=phrase, reference=reference
                            ),
                        )
                    )
            elif word == "wonach" and i > 1 and tokens[i - 1].text == ",":
                # "eine Schätzung, wonach …", "Medienberichte, wonach …"
                start = phrase_back(tokens, i - 1)
                span = noun_phrase_at(tokens, start) if start is not None else None
                speaker = self._mention(tokens, span) if span else None
                cues.append((i, Attribution(speaker, "wonach", False, True)))
            elif (
                word in {"heißt", "hieß", "geheißen"}
                and "es" in lowered[clause_start(tokens, i) : i + 2]
            ):
                span = self._source_of_heisst_es(tokens, i)
                speaker = self._mention(tokens, span) if span else None
                cues.append((i, Attribution(speaker, f"{word} es", True, True)))
            elif word in OPINION_NOUNS and (verb := opinion_verb(tokens, i)) is not None:
                # "X ist der (gegenteiligen) Meinung, dass ...", "X teilen die Auffassung, ..."
                speaker = self._verb_subject(tokens, verb)
                label = f"{tokens[verb].text} {tokens[verb + 1].lower} {token.text}"
                cues.append((i, Attribution(speaker, label, False, True)))
            elif word in CONCLUSION_NOUNS and (verb := conclusion_verb(tokens, i)) is not None:
                # "Das Gericht kam zu dem Ergebnis, „dass …“": a conclusion is a statement.
                speaker = self._verb_subject(tokens, verb)
                label = f"{tokens[verb].text} zum {token.text}"
                cues.append((i, Attribution(speaker, label, False, True)))
            elif word == "zeigte" and i + 1 < len(tokens) and lowered[i + 1] == "sich":
                speaker = self._verb_subject(tokens, i)
                cues.append((i, Attribution(speaker, "zeigte sich", False, True)))
        return self._inherit_subjects(tokens, cues)

    def _inherit_subjects(
        self, tokens: list[Token], cues: list[tuple[int, Attribution]]
    ) -> list[tuple[int, Attribution]]:
        """Settle each cue's medium, and let a verb without a subject of its own share the one
        before it ("X bezeichnete ... und erklärte"; "..., weiter hieß es")."""
        result: list[tuple[int, Attribution]] = []
        previous: Mention | None = None
        written: list[bool] | None = None
        for i, attribution in cues:
            if not attribution.written:
                written = written or written_clauses(tokens)
                if written[i]:
                    attribution = dataclasses.replace(attribution, written=True)
            if attribution.speaker is None and previous is not None:
                attribution = attribution.with_speaker(previous)
            if attribution.speaker is not None and not attribution.speaker.pronoun:
                self.seen.add(attribution.speaker)
            previous = attribution.speaker or previous
            result.append((i, attribution))
        return result

    @staticmethod
    def _quoted_person(tokens: list[Token], i: int) -> tuple[int, int] | None:
        """Whom "zitiert" quotes: "Die Rundschau zitiert einen Augenzeugen mit den Worten",
        "„…“, zitiert die „Computerwoche“ Lynch"."""
        j = i + 1
        while j < len(tokens) and (tokens[j].lower in ADVERBS or tokens[j].lower == "man"):
            j += 1
        first = noun_phrase_at(tokens, j) if j < len(tokens) else None
        if first is None:
            return None
        k = first[1]
        if k < len(tokens) and tokens[k].lower == "mit":
            return first
        if any(t.lower == "man" for t in tokens[i + 1 : first[0]]):
            return first  # "„…“, zitierte man Yolanda Alvarez": whom one quotes spoke
        second = noun_phrase_at(tokens, k) if k < len(tokens) else None
        if second is not None and tokens[k].is_capitalised:
            return second
        return None

    def _quoting_medium(
        self, tokens: list[Token], attribution: Attribution | None
    ) -> tuple[Attribution, Attribution] | None:
        """A medium that quotes someone reports the words a second time, in writing: "Der
        Spiegel zitiert den Prediger mit den Worten „…“", "„…“, zitiert die „Computerwoche“
        Lynch", "X wird von der „Netzeitung“ (im Fachblatt Y) mit den Worten zitiert". Returns
        the attribution to the person quoted and the one to the medium."""
        if attribution is None or attribution.carried or attribution.speaker is None:
            return None
        if not attribution.cue.startswith("zitiert") or attribution.speaker.pronoun:
            return None
        ci = next((k for k, t in enumerate(tokens) if t.lower == attribution.cue), None)
        if ci is None:
            return None
        start = clause_start(tokens, ci)
        after = tokens[ci + 1].lower if ci + 1 < len(tokens) else ""
        if after in PASSIVE_AUXILIARIES or any(
            t.lower in PASSIVE_AUXILIARIES for t in tokens[start:ci]
        ):
            # "wird X von der „Netzeitung“ zitiert", "wird X im Fachblatt „…“ zitiert".
            span = passive_agent(tokens, start, ci) or medium_phrase(tokens, start, ci)
        else:
            span = subject_before(tokens, ci) or subject_after(tokens, ci + 1)
        if span is None:
            return None
        medium = self._mention(tokens, span)
        speaker = attribution.speaker
        if speaker.start < medium.start < speaker.end:
            # "wie Hoyzer von Spiegel-Online zitiert wird": the agent is no part of the name.
            von = tokens[span[0] - 1] if span[0] > 0 else None
            if von is None or von.lower not in {"von", "vom"} or von.start <= speaker.start:
                return None
            cut = self.text[speaker.start : von.start].rstrip()
            speaker = Mention(speaker.start, speaker.start + len(cut), cut)
            attribution = attribution.with_speaker(speaker)
        elif medium.start < speaker.end and speaker.start < medium.end:
            return None  # the same words: no second source
        return attribution, Attribution(medium, attribution.cue, True, attribution.adjacent)

    @staticmethod
    def _source_of_heisst_es(tokens: list[Token], i: int) -> tuple[int, int] | None:
        """ "hieß es vom Abgeordneten X", "Aus Paris hieß es", "In der Erklärung heißt es"."""
        j = i + 2
        while j < len(tokens) and tokens[j].lower in ADVERBS:
            j += 1
        if j + 1 < len(tokens) and tokens[j].lower in SOURCE_PREPOSITIONS:
            found = noun_phrase_at(tokens, j + 1)
            if found is not None:
                return found
        if i >= 2 and tokens[0].lower in SOURCE_PREPOSITIONS:
            found = noun_phrase_at(tokens, 1)
            k = 1
            while found is None and k < i and is_adjective_like(tokens[k]):
                k += 1  # "Im letzten Satz der Anordnung": the article is in the preposition
                found = noun_phrase_at(tokens, k)
                found = (1, found[1]) if found is not None else None
            if found is not None and all(
                t.text not in {",", ":"} for t in tokens[past_inserts(tokens, found[1]) : i]
            ):
                return found
        return None

    def _verb_subject(self, tokens: list[Token], i: int) -> Mention | None:
        span = self._finite_subject(tokens, i)
        return self._mention(tokens, span) if span is not None else None

    def _finite_subject(self, tokens: list[Token], i: int) -> tuple[int, int] | None:
        # "hatte er geschrieben", "Die Bundesregierung hatte ... zurückgewiesen": a participle's
        # subject stands by the finite auxiliary earlier in its clause.
        k = i - 1
        while k >= 0:
            if tokens[k].text == ",":
                # "haben Anhänger mit der Parole „…“, die … war, gedroht": past the clause.
                opening = relative_clause_opening(tokens, k)
                if opening is None:
                    break
                k = opening - 1
                continue
            if tokens[k].text in {":", ";"}:
                break
            if tokens[k].is_word and tokens[k].lower in AUXILIARIES and tokens[k].text.islower():
                if tokens[k].lower in PASSIVE_AUXILIARIES and not tokens[i].lower.startswith(
                    "zitiert"
                ):
                    agent = passive_agent(tokens, k + 1, i)
                    if agent is not None:
                        return agent
                # Worked out once per auxiliary, however many verbs of the sentence hang on it.
                if k not in self.auxiliary_subjects:
                    self.auxiliary_subjects[k] = self._finite_subject(tokens, k)
                span = self.auxiliary_subjects[k]
                if span is not None and span[0] < i:
                    return span
                break
            k -= 1
        if i > 0 and tokens[i - 1].lower in {"und", "sowie", "oder"}:
            # "X bezeichnete ... und erklärte": the subject of the whole clause.
            span = clause_subject(tokens, i)
            return span if span is not None and span[1] < i else None
        if tokens[i].lower.startswith("zitier"):
            quoted = self._quoted_person(tokens, i)
            if quoted is not None:
                return quoted
        next_text = tokens[i + 1].text if i + 1 < len(tokens) else "."
        verb_final = next_text in {",", ".", ":", ";", "!", "?"} or (
            i + 1 < len(tokens) and (tokens[i + 1].quote or tokens[i + 1].lower in AUXILIARIES)
        )
        if verb_final:
            span = subject_of_verb_final(tokens, i)
            if span is not None:
                return span
        after = subject_after(tokens, i + 1)
        if after is None:
            named = particle_name_before(tokens, i)
            if named is not None:
                return named
        if i > 1 and quoted_name(tokens[i - 1]) and tokens[i - 2].is_capitalised:
            # "die Wochenzeitschrift „Jungle World“ hatte": the name closes the subject.
            before = subject_before(tokens, i)
            if before is not None:
                return before
        if i == 0 or tokens[i - 1].quote or tokens[i - 1].text in {":", ";", "–"}:
            return after or subject_before(tokens, i)
        if tokens[i - 1].text == ",":
            # Either a subject with an apposition ("Henning Scherf (SPD), warnte die CDU") or
            # a reporting clause after the report (", sagte Trump").
            return subject_before(tokens, i) or after
        return subject_before(tokens, i) or after

    def _mention(self, tokens: list[Token], span: tuple[int, int]) -> Mention:
        return mention_from(self.text, tokens, span)

    def _attribute(
        self, tokens: list[Token], qi: int, cues: list[tuple[int, Attribution]]
    ) -> Attribution | None:
        """The cue in this sentence that reports the quotation at token qi."""
        # "„Wo ist meine Stimme?“, wollen die Demonstranten wissen": the verb right after the
        # quotation's comma reports it, whether or not we know the verb.
        if (
            2 <= qi < len(tokens) - 1
            and tokens[qi - 1].text == "("
            and tokens[qi + 1].text == ")"
            and tokens[qi - 2].is_capitalised
            and len(tokens[qi].text.split()) >= 3
        ):
            # "der Leiter der IAEA, Mohammed ElBaradei („…“)": the words of the one just named.
            start = phrase_back(tokens, qi - 1)
            span = noun_phrase_at(tokens, start) if start is not None else None
            if span is not None and span[1] == qi - 1:
                return Attribution(self._mention(tokens, span), "(", False, True)
        adjacent_verb: Attribution | None = None
        if (
            qi + 2 < len(tokens)
            and tokens[qi + 1].text == ","
            and tokens[qi + 2].is_word
            and (tokens[qi + 2].text.islower() and tokens[qi + 2].lower not in CLAUSE_WORDS)
            # "„Alfvenwellen“, eine Entdeckung …", "„Schülerdatei“, in der …": no verb.
            and tokens[qi + 2].lower not in DETERMINERS
            and tokens[qi + 2].lower not in PREPOSITIONS
        ):
            span = subject_after(tokens, qi + 3)
            if span is not None:
                speaker = self._mention(tokens, span)
                adjacent_verb = Attribution(speaker, tokens[qi + 2].text, False, True)
        if cues:
            attribution, distance = self._nearest_cue(tokens, qi, cues)
            if adjacent_verb is not None and distance > 2:
                return adjacent_verb
            if attribution.adjacent == (distance <= 3):
                return attribution
            return dataclasses.replace(attribution, adjacent=distance <= 3)
        if adjacent_verb is not None:
            return adjacent_verb
        # "skandierten Parolen wie „…“", "Transparente mit der Aufschrift „…“": chanted and
        # written slogans are the words of whoever carries them.
        slogan = next(
            (t for t in tokens[max(0, qi - 4) : qi] if t.is_capitalised and t.lower in SLOGANS),
            None,
        )
        if slogan is not None:
            span = self._relative_antecedent(tokens, qi) or clause_subject(tokens, qi)
            speaker = self._mention(tokens, span) if span is not None else None
            written = slogan.lower.startswith("aufschrift")
            return Attribution(speaker, slogan.text, written, False)
        # "Für den Theologen Hans Küng sei der Rücktritt „verständlich“": whose view it is.
        if tokens[0].lower == "für" and qi > 2:
            span = noun_phrase_at(tokens, 1)
            after = past_inserts(tokens, span[1]) if span is not None else qi
            if span is not None and after < qi and tokens[after].is_word:
                if tokens[after].text.islower():
                    return Attribution(self._mention(tokens, span), "für", False, False)
        # "X attackierte den Iran als den „führenden Förderer“": a description of the subject's.
        if any(t.lower == "als" for t in tokens[max(0, qi - 3) : qi]) and not self._is_status(
            tokens, qi
        ):
            start = clause_start(tokens, qi)
            passive = any(t.lower in PASSIVE_AUXILIARIES for t in tokens[start:qi])
            # "wird vom Wetterdienst als „sehr hoch“ eingestuft": the agent is the speaker.
            span = (nearest_agent(tokens, start, qi) if passive else None) or (
                self._relative_antecedent(tokens, qi) or clause_subject(tokens, qi)
            )
            if span is not None:
                return Attribution(self._mention(tokens, span), "als", False, False, naming=True)
        # Headline style "Trump: „…“", "Koppelin wörtlich: „…“", and a colon after a clause
        # whose verb we don't know: "Hier sparte der Bundespräsident nicht mit Kritik: „…“".
        if qi >= 2 and tokens[qi - 1].text == ":":
            span = noun_phrase_at(tokens, 0)
            if span is not None and not starts_with_preposition(tokens[0]):
                k = span[1]
                while k < qi - 1 and in_heading(tokens, k):
                    k += 1
                if k == qi - 1:
                    return Attribution(self._mention(tokens, span), ":", False, True)
            span = clause_subject(tokens, qi - 1)
            if span is not None and tokens[span[0]].lower in OWNER_POSSESSIVES:
                # "Seine Zuversicht gründet sich auf …:": the one whose report goes on.
                last = self.context.attribution
                if last is not None and last.speaker is not None:
                    return dataclasses.replace(last, cue=":", adjacent=False, carried=True)
                return None
            if span is not None and not names_a_work(tokens, span):
                return Attribution(self._mention(tokens, span), ":", False, False)
        return None

    @staticmethod
    def _is_status(tokens: list[Token], qi: int) -> bool:
        """ "gilt als „…“", "wurde als „…“ bekannt", "präsentiert sich als „…“": a label, not
        someone's words."""
        inner = tokens[qi].text[1:-1].split()
        if len(inner) > 1 and name_like(inner):
            return True
        words = {t.lower for t in tokens if t.is_word}
        passive = words & PASSIVE_AUXILIARIES
        agent = bool({"von", "vom"} & words)
        if words & LABEL_VERBS:
            return True
        if words & STATUS_WORDS:
            # "wird vom Wetterdienst als „sehr hoch“ eingestuft": the agent's assessment.
            return not (passive and agent)
        return bool(passive) and not agent

    def _relative_antecedent(self, tokens: list[Token], qi: int) -> tuple[int, int] | None:
        """For a quotation inside ", der ... als „…“ sieht", the phrase the clause is about."""
        k = qi - 1
        while k > 0 and tokens[k].text != ",":
            k -= 1
        if k <= 0 or k + 1 >= qi or tokens[k + 1].lower not in RELATIVE_PRONOUNS:
            return None
        start = phrase_back(tokens, k)
        return noun_phrase_at(tokens, start) if start is not None else None

    def _nearest_cue(
        self, tokens: list[Token], qi: int, cues: list[tuple[int, Attribution]]
    ) -> tuple[Attribution, float]:
        """The cue nearest the quotation at token qi by `_cue_distance` (of equals, the first)
        and its distance. No cue is nearer than it stands in tokens, so cues are weighed
        outward from the quotation, and no further than the best one found."""
        positions = [ci for ci, _ in cues]  # rising: cues are found in token order
        right = bisect.bisect_right(positions, qi)
        left = right - 1
        best_distance, best = float("inf"), 0
        while left >= 0 or right < len(cues):
            if right == len(cues) or (left >= 0 and qi - positions[left] <= positions[right] - qi):
                k, left = left, left - 1
            else:
                k, right = right, right + 1
            if abs(positions[k] - qi) > best_distance:
                break
            distance = self._cue_distance(tokens, qi, *cues[k])
            if (distance, k) < (best_distance, best):
                best_distance, best = distance, k
        return cues[best][1], best_distance

    @staticmethod
    def _cue_distance(tokens: list[Token], qi: int, ci: int, attribution: Attribution) -> float:
        # Cues after the quotation's comma or before its colon are the closest reading.
        distance = abs(ci - qi)
        if attribution.speaker is None:
            distance += 4
        if attribution.phrase is not None:
            distance += 3  # "laut X" names a source; a verb's subject names a speaker
        if attribution.cue in VIEW_VERBS:
            distance += 3  # "Wie X erklärte, sieht Y in … „…“": the speech verb reports it
        between = tokens[min(ci, qi) + 1 : max(ci, qi)]
        if any(t.quote for t in between):
            distance += 2
        if ci < qi and any(t.text in {".", ";"} for t in between):
            distance += 20
        return distance

    def _carry(
        self, tokens: list[Token], qi: int, *, index: int, paragraph: int, reported: bool
    ) -> Attribution | None:
        context = self.context
        if context.attribution is None or context.attribution.speaker is None:
            return None
        recent = context.sentence >= index - 1 or (context.sentence >= index - 3 and reported)
        if not recent:
            return None
        # The report goes on in Konjunktiv, in a quotation standing alone, or in the same
        # paragraph.
        standalone = qi == 0 or (qi == 1 and tokens[0].text in {"(", "–"})
        if not (reported or standalone or context.paragraph == paragraph):
            return None
        return Attribution(
            context.attribution.speaker,
            context.attribution.cue,
            False,
            adjacent=False,
            carried=True,
        )

    def _is_reported(self, tokens: list[Token]) -> bool:
        return any(t.is_word and t.lower in KONJUNKTIV for t in tokens)

    def _single_word_is_quoted(
        self, tokens: list[Token], qi: int, attribution: Attribution | None
    ) -> bool:
        """A single quoted noun is someone's word only when the report says so ("nannte ihn
        einen „Verräter“", "bezeichnete es als „Wortbruch“"); "die Fähre „Eagle“" or "der
        „Sonnenwind“" name things."""
        words = tokens[qi].text[1:-1].split()
        if len(words) != 1:
            return True
        if not words[0][:1].isupper():
            # "den Fluggast zu „entsorgen“": a verb in quotes is the writer's distance.
            return not (qi and tokens[qi - 1].lower == "zu")
        if attribution is None or attribution.speaker is None or attribution.carried:
            return False
        if attribution.cue.split(" ", 1)[0] in {"laut", "nach", "zufolge", "so", "als", "gemäß"}:
            return False
        k = qi - 1
        while k >= 0 and is_adjective_like(tokens[k]):
            k -= 1
        if k < 0:
            return True
        before = tokens[k]
        if before.lower in {"und", "oder", "sowie"} and k > 0 and tokens[k - 1].quote:
            # "die Modelle „Touareg“ und „Phaeton“": as the quotation it is listed with.
            return not self._is_name(tokens, k - 1) and self._single_word_is_quoted(
                tokens, k - 1, attribution
            )
        if before.lower == "sich":
            return False  # "dass sich „Larry“ abgeschwächt habe": the name of the subject
        if object_of_report(tokens, qi):
            return True  # "warnte Kluncker vor den „Lohnverzichtstheorien“"
        if before.is_capitalised or before.lower in NAME_ARTICLES or before.lower in POSSESSIVES:
            return False
        passive = {t.lower for t in tokens} & PASSIVE_AUXILIARIES
        return not (passive and before.lower == "als")

    def _is_clear_statement(self, tokens: list[Token], qi: int) -> bool:
        inner = tokens[qi].text[1:-1].strip()
        words = WORD.findall(inner)
        return (
            len(words) >= 6
            and inner[:1].isupper()
            and inner.rstrip('“”"«»')[-1:] in {".", "!", "?"}
        )

    @staticmethod
    def _opens_a_clause_subject(tokens: list[Token], qi: int) -> bool:
        """The quotation is the subject of a verb-final clause: "wie die „…“ mitteilte"."""
        follows = tokens[qi + 1] if qi + 1 < len(tokens) else None
        return (
            follows is not None
            and follows.is_word
            and follows.text.islower()
            and follows.lower not in DETERMINERS
            and tokens[0].lower in CLAUSE_OPENERS
        )

    def _is_name(self, tokens: list[Token], qi: int) -> bool:
        """A title of a work, a name or a term in quotes, rather than something said."""
        inner = tokens[qi].text[1:-1].strip()
        words = inner.split()
        previous = [t for t in tokens[max(0, qi - 3) : qi] if not t.quote]
        lowered = [t.lower for t in previous]
        following = [t.lower for t in tokens[qi + 1 : qi + 4] if not t.quote]
        if any(
            w in NAME_MARKERS and lowered[k + 1 : k + 2] != ["es"] for k, w in enumerate(lowered)
        ):
            return True
        nearby = [t.lower for t in tokens[max(0, qi - 5) : qi]]
        if any(w in TRANSLATION_WORDS for w in nearby) or ("deutsch" in nearby and "(" in nearby):
            return True  # "(übersetzt etwa: „…“)", "bedeutet auf Zulu etwa „…“", "(deutsch „…“)"
        # "der Film „…“", "die Zeitung „…“", "Operation „…“".
        if (
            qi > 0
            and tokens[qi - 1].is_capitalised
            and title_noun(tokens[qi - 1].lower)
            and not inner[:1].islower()  # "sieht in dem Gesetz „kein Hindernis“"
        ):
            return True
        if following[:1] and following[0] in SOURCE_VERBS:
            return True
        # "das sich selbst „…“ nennt", "„…“ (AIE)", "(„Hartz IV“, …)".
        if "sich" in lowered and any(w in NAMING_VERBS for w in following):
            return True
        if following[:1] == ["("] and len(tokens) > qi + 2 and tokens[qi + 2].text.isupper():
            return True
        # "auch „Apogäum“ genannt", ", kurz „DFB“", "Dies nennt man einen „Aktiensplit“".
        if any(w.startswith(("genannt", "bekannt")) for w in following[:2]):
            return True  # "auch „Apogäum“ genannt", "das als „Dschungel“ bekannte Lager"
        later = [t.lower for t in tokens[qi + 1 : qi + 6]]
        if "genannt" in later and "," in later[:1]:
            return True  # "„Uncle Ted“, wie der Senator genannt wurde"
        if "als" in lowered[-2:] and LABEL_VERBS & {
            t.lower for t in tokens[clause_start(tokens, qi) :] if t.is_word
        }:
            return True  # "galt als „heimlicher Regierungschef“", "präsentiert sich als „…“"
        if "kurz" in lowered[-2:] and qi > 1 and tokens[qi - 1].text in {"kurz", ":"}:
            return True
        # "Der wissenschaftliche Name lautet „…“".
        if (
            qi > 1
            and tokens[qi - 1].lower in {"lautet", "lautete", "heißt", "hieß"}
            and any(
                t.is_capitalised and title_noun(t.lower) for t in tokens[max(0, qi - 4) : qi - 1]
            )
        ):
            return True
        if "man" in lowered and any(w in NAMING_VERBS for w in lowered):
            return True
        short = len(words) <= 5 and not ends_in_punctuation(inner)
        if short and qi > 0 and tokens[qi - 1].text in {"(", "/"}:
            return True
        if (
            short
            and qi > 1
            and tokens[qi - 1].lower in {",", "und", "oder", "sowie"}
            and tokens[qi - 2].quote
            and self._is_name(tokens, qi - 2)
        ):
            return True  # "(„Hartz IV“, „Rente mit 67“)": listed with a name, a name too
        if short and previous and previous[-1].lower in {"laut", "gegenüber", "zitiert", "via"}:
            return True
        if (
            short
            and len(words) > 1
            and words[0][:1].isupper()
            and previous
            and previous[-1].lower in NAME_ARTICLES
            and not any(t.lower in NAMING_VERBS for t in tokens[clause_start(tokens, qi) : qi])
            and (name_like(words) or self._opens_a_clause_subject(tokens, qi))
        ):
            # "Wie die „Aktion Deutschland hilft“ mitteilte"; but "würdigte seinen Einsatz zur
            # „Stärkung der internationalen Diplomatie“" quotes words.
            return True
        if 2 <= len(words) <= 4 and not ends_in_punctuation(inner) and proper_name(words):
            # Every word capitalised ("Ultimate Aero", "BBC News") or a designation ("Do 228",
            # "Plan B"): a name, unless the report calls something that ("als „Feinde Gottes“").
            k = qi - 1
            while k >= 0 and is_adjective_like(tokens[k]):
                k -= 1
            before = tokens[k].lower if k >= 0 else ""
            designation = any(is_designation(w) for w in words)
            # "Mair rief laut Zeugenaussagen „Britain First“": words shouted or said.
            uttered = (
                k == qi - 1
                and words[0].lower() not in DETERMINERS
                and before not in DETERMINERS
                and before not in NAME_ARTICLES
                and before not in NAME_PREPOSITIONS
                and any(
                    t.is_word and t.lower in REPORTING_VERBS and t.lower not in NAMING_VERBS
                    for t in tokens[clause_start(tokens, qi) : qi]
                )
            )
            if designation or not (before == "als" or before in INDEFINITE_ARTICLES or uttered):
                return True
        if not words or len(words) > 6 or not name_like(words) or ends_in_punctuation(inner):
            return False
        naming = (
            any(
                t.lower in {"als", "einen", "einem", "einer", "eine"}
                for t in tokens[max(0, qi - 3) : qi]
            )
            or any(t.lower in NAMING_VERBS for t in tokens[clause_start(tokens, qi) : qi])
            or (len(words) == 1 and object_of_report(tokens, qi))
        )
        # "riet zu „Gelassenheit und Aufmerksamkeit“": a phrase, not a name, what was advised.
        advised = (
            len(words) > 1
            and not proper_name(words)
            and words[0].lower() not in DETERMINERS
            and any(
                t.is_word and t.lower in REPORTING_VERBS
                for t in tokens[clause_start(tokens, qi) : qi]
            )
        )
        if qi > 0 and tokens[qi - 1].lower in NAME_PREPOSITIONS and not (naming or advised):
            return True
        # "die Musikzeitschrift „Billboard“", "einer Trägerrakete „Falcon 1“": a name in
        # apposition to the noun before it.
        if (
            qi > 1
            and tokens[qi - 1].is_capitalised
            and tokens[qi - 1].text not in SENTENCE_WORDS
            and (len(words) > 1 or not words[0].isalpha() or not words[0][1:].islower())
            and (tokens[qi - 2].lower in DETERMINERS or tokens[qi - 2].text[:1].islower())
        ):
            return True
        k = qi - 1
        while (
            k >= 0
            and tokens[k].is_word
            and tokens[k].text.islower()
            and (tokens[k].lower not in NAME_ARTICLES and tokens[k].lower not in NAME_PREPOSITIONS)
            and tokens[k].text.endswith(("e", "en", "er", "es", "em"))
            and len(tokens[k].text) > 3
        ):
            k -= 1  # adjectives between the article and the name
        if k >= 0 and tokens[k].is_word and tokens[k].lower in NAME_ARTICLES and not naming:
            return True
        if qi == 0 and len(tokens) > 1 and len(words) <= 3:
            # A quoted name opening the sentence as its subject.
            follows = tokens[1]
            return follows.is_word and follows.text[:1].islower()
        return False

    # Output

    def _emit_quote(
        self, quotation: Quotation, tokens: list[Token], qi: int, attribution: Attribution | None
    ) -> None:
        start, end = quotation.start, quotation.end
        inner = self.text[start:end]
        lead = len(inner) - len(inner.lstrip())
        trail = len(inner) - len(inner.rstrip())
        start, end = start + lead, end - trail
        if start >= end:
            return
        text = self.text[start:end]
        speaker_name, speaker_start, speaker_end, resolved = self._speaker(attribution)
        kind = self._kind(text, tokens, qi, attribution)
        confidence = self._confidence(attribution, resolved=resolved, kind=kind)
        self.candidates.append(
            QuoteCandidate(
                text=text,
                start=start,
                end=end,
                kind=kind,
                speaker=speaker_name,
                speaker_start=speaker_start,
                speaker_end=speaker_end,
                cue=attribution.cue if attribution else "",
                confidence=confidence,
                said_on=self._said_on(tokens, (qi, qi + 1)),
            )
        )

    def _said_on(self, tokens: list[Token], outside: tuple[int, int]) -> date | None:
        if self.published_on is None:
            return None
        return said_on(tokens, outside, self.published_on)

    def _kind(
        self, text: str, tokens: list[Token], qi: int, attribution: Attribution | None
    ) -> QuoteKind:
        if attribution is not None and attribution.written and not attribution.carried:
            return "written"
        words = WORD.findall(text)
        before = tokens[qi - 1].text if qi else ""
        # A quotation opens its own sentence: at the start, after a colon, or closing the
        # sentence after its reporting clause (", sagte Trump, „wir konnten das nicht tun“").
        opens = (
            qi == 0
            or before in {":", "(", "–"}
            or (
                before == ","
                and qi >= 2
                and tokens[qi - 2].is_word
                and tokens[qi - 2].lower not in DETERMINERS
                and attribution is not None
                and attribution.adjacent
                and text[:1].islower()
                and len(words) >= 3
                and qi + 1 >= len(tokens) - 2
            )
        )
        if opens and (len(words) >= 3 or ends_in_punctuation(text)):
            return "direct"
        if text[:1].isupper() and ends_in_punctuation(text) and len(words) >= 3:
            return "direct"
        return "fragment"

    def _speaker(
        self, attribution: Attribution | None
    ) -> tuple[str, int | None, int | None, bool]:
        """Name, mention span, and whether a pronoun was resolved to someone."""
        if attribution is not None and attribution.reference is not None:
            name = self._speaker(dataclasses.replace(attribution, reference=None))[0]
            return name, *mention_extent(self.text, *attribution.reference), bool(name)
        if attribution is None or attribution.speaker is None:
            return "", None, None, False
        mention = attribution.speaker
        if mention.pronoun:
            return self._resolve_pronoun(mention)
        span = without_sentence_adverb(self.text, mention.start, mention.end)
        if span is None:
            return "", None, None, False
        if span[0] != mention.start:
            mention = dataclasses.replace(
                mention, start=span[0], text=self.text[span[0] : mention.end]
            )
        start, end = mention_extent(self.text, mention.start, mention.end)
        named = apposed_name(self.text, mention.end, end) if end > mention.end else None
        if (named is not None and len(mention.text.split()) == 1) or start < mention.start:
            # "der Überläufer und Diplomat Ri Il-gyu", "der Präsident Indonesiens, Susilo …"
            if named is not None:
                person = self.people.resolve(named)
                return (person.name if person is not None else named), start, end, True
            described = self._described_person(mention)
            if described is not None:
                return described, start, end, True
        return self._name(mention), start, end, True

    def _described_person(self, mention: Mention) -> str | None:
        """The known person named last before a description by origin that stands for them:
        "der Nordkoreaner", "die Vietnamesin"."""
        head = mention.text.split()[-1]
        if not head.endswith(DEMONYM_ENDINGS):
            return None
        if self.people.resolve(mention.text) is not None:
            return None
        known = self.people.last_before(mention.start)
        return known[2].name if known is not None else None

    def _name(self, mention: Mention) -> str:
        """A known person's full name when the mention, or the fuller name the text gives for
        it ("Ri" -> "Außenminister Ri Yong-ho"), names them; else the fuller name."""
        person = self.people.resolve(mention.text)
        if person is not None:
            return person.name
        full = self.fuller_names.of(mention)
        if full != mention.text:
            person = self.people.resolve(full, containing=mention.text)
        return person.name if person is not None else full

    def _resolve_pronoun(self, mention: Mention) -> tuple[str, int | None, int | None, bool]:
        """The person "er", "sie" or "dieser" stands for: the last known person named, else the
        last speaker of matching gender; unresolved, the pronoun itself."""
        gender = pronoun_gender(mention.text)
        known = self.people.last_before(mention.start)
        if known is not None:
            return known[2].name, mention.start, mention.end, True
        if mention.text.lower() in DEMONSTRATIVES:
            # "In einem Interview mit dem Anwalt Rainer Wittner sagte dieser": the last name.
            names = list(NAME_RUN.finditer(self.text, max(0, mention.start - 200), mention.start))
            if names:
                person = self.people.resolve(names[-1].group())
                name = person.name if person is not None else names[-1].group()
                return name, mention.start, mention.end, True
        last = self.seen.last_before(mention.start, gender=gender)
        if last is not None:
            return self._name(last), mention.start, mention.end, True
        return mention.text, mention.start, mention.end, False

    @staticmethod
    def _confidence(attribution: Attribution | None, *, resolved: bool, kind: QuoteKind) -> float:
        if attribution is None:
            return 0.3
        if attribution.speaker is None:
            score = 0.45
        elif attribution.guess:
            score = 0.4
        elif attribution.carried:
            score = 0.6
        elif attribution.speaker.pronoun:
            score = 0.7 if resolved else 0.45
        else:
            score = 0.9 if attribution.adjacent else 0.8
        if kind == "fragment":
            score -= 0.05
        return round(score, 2)

    # Indirect speech

    def _indirect(
        self,
        tokens: list[Token],
        cues: list[tuple[int, Attribution]],
        *,
        index: int,
        paragraph: int,
        reported: bool,
    ) -> Attribution | None:
        plain = [t for t in tokens if not t.quote]
        if len(plain) < 4:
            return None
        for ci, attribution in cues:
            if attribution.naming:
                continue
            clause = self._reported_clause(tokens, ci, attribution)
            if clause is None:
                continue
            a, b = clause
            if not any(tokens[k].is_word for k in range(a, b)):
                continue
            self._emit_indirect(tokens, a, b, attribution, carried=False)
            return attribution
        if reported and self.context.attribution is not None and not cues:
            context = self.context
            # Free indirect speech goes on in Konjunktiv I; Konjunktiv II alone ("wäre") is as
            # often the writer's own hypothetical.
            if (
                context.sentence == index - 1
                and context.attribution.speaker is not None
                and not mostly_quoted(tokens)
                and any(t.is_word and t.lower in KONJUNKTIV_I for t in tokens)
                and not any(t.lower == "ich" for t in tokens)
            ):
                carried = Attribution(
                    context.attribution.speaker, context.attribution.cue, False, False, True
                )
                self._emit_indirect(tokens, 0, len(tokens), carried, carried=True)
                self._join_continuation(index=index, paragraph=paragraph)
                return None
        return None

    def _report_named_after(
        self,
        tokens: list[Token],
        cues: list[tuple[int, Attribution]],
        *,
        index: int,
        paragraph: int,
    ) -> bool:
        """A sentence reported by the one after it: "Die Fördermenge wird nicht reduziert.
        Dies teilte der Ölminister mit." / "Dies geht aus einem Bericht der UN hervor." """
        before = self.subject
        if (
            before is None
            or self.last_reported
            or (before.sentence, before.paragraph) != (index - 1, paragraph)
            or len(tokens) < 4
            or tokens[0].lower not in {"dies", "das"}
            or not tokens[1].text.islower()
            or len([t for t in before.tokens if t.is_word]) < 4
        ):
            return False
        if tokens[1].lower in {"geht", "ging"} and tokens[2].lower == "aus":
            span = noun_phrase_at(tokens, 3)
            if span is None or not any(t.lower == "hervor" for t in tokens[span[1] :]):
                return False
            label = f"{tokens[1].lower} aus hervor"
        elif any(ci == 1 for ci, _ in cues):
            span = subject_after(tokens, 2)
            label = next(a.cue for ci, a in cues if ci == 1)
        else:
            return False
        if span is None:
            return False
        attribution = Attribution(self._mention(tokens, span), label, False, True)
        self._emit_indirect(before.tokens, 0, len(before.tokens), attribution, carried=False)
        self.context = _Context(attribution, index, paragraph)
        return True

    def _object_clause(self, tokens: list[Token]) -> Attribution | None:
        """A "dass" clause or zu-infinitive after a comma whose own clause has a verb of
        saying, deciding or holding, or a noun of claim or proposal: "Die IADB schätzt,
        dass …", "sagte der „Zeitung“, dass …", "Der Vorschlag, die Flaggen zu wechseln"."""
        end = len(tokens) - 1 if tokens[-1].text in {".", "!", "?"} else len(tokens)
        for k in range(2, end - 3):
            if tokens[k - 1].text != "," or not tokens[k].is_word:
                continue
            dass = tokens[k].lower == "dass"
            i = self._governing_word(tokens, k - 1, proposal=not dass)
            if i is None:
                continue
            stop = end if dass else zu_infinitive_end(tokens, k, end)
            if stop is None:
                continue
            speaker = self._verb_subject(tokens, i) if tokens[i].text.islower() else None
            attribution = Attribution(speaker, tokens[i].lower, False, True)
            self._emit_indirect(tokens, k, stop, attribution, carried=False)
            return attribution if speaker is not None else None
        return None

    @staticmethod
    def _governing_word(tokens: list[Token], comma: int, *, proposal: bool) -> int | None:
        """The verb of saying or holding, or noun of claim (or proposal), at most eight words
        before the comma in its clause."""
        start = clause_start(tokens, comma)
        for i in range(comma - 1, max(start, comma - 8) - 1, -1):
            token = tokens[i]
            if not token.is_word:
                continue
            word = token.lower
            if word in DECISION_WORDS or word in THOUGHT_WORDS:
                return i
            if proposal and word in PROPOSAL_NOUNS:
                return i
            cue = REPORTING_VERBS.get(word) if token.text.islower() else None
            # "deuten darauf hin", "führt dazu": no report without its particle
            if cue is not None and (
                not cue.particles or closing_particle(tokens, i, cue.particles) is not None
            ):
                return i
        return None

    def _decision(self, tokens: list[Token]) -> Attribution | None:
        """A decision, finding or announcement with its "dass" clause or zu-infinitive."""
        for i, token in enumerate(tokens):
            clause = decision_clause(tokens, i) if token.lower in DECISION_WORDS else None
            if clause is None:
                continue
            speaker = self._verb_subject(tokens, i)
            attribution = Attribution(speaker, token.lower, False, True)
            self._emit_indirect(tokens, *clause, attribution, carried=False)
            return attribution if speaker is not None else None
        return None

    def _speech_act(self, tokens: list[Token], cues: list[tuple[int, Attribution]]) -> bool:
        """A sentence that reports a demand or a charge without saying its words: "Die EU
        fordert eine bessere Bekämpfung der Korruption", "Er warf der Regierung Versagen vor"."""
        if any(t.quote for t in tokens) or tokens[-1].text not in {".", "!", "?"}:
            return False  # quoted words are reported on their own; a heading reports nothing
        for ci, attribution in cues:
            if attribution.speaker is None or tokens[ci].lower not in SPEECH_ACT_VERBS:
                continue
            if ci + 1 < len(tokens) and tokens[ci + 1].lower == "sich":
                continue  # "bezeichnet sich selbst als …" describes, "wie er sich nannte"
            start = clause_start(tokens, ci)
            opener = tokens[start]
            if opener.lower in CLAUSE_OPENERS or (
                start > 0 and opener.lower in RELATIVE_PRONOUNS and opener.text.islower()
            ):
                continue  # the report is not the sentence's own: "…, wie er sich nannte, …"
            if any(t.lower in NOT_SPEECH_OBJECTS for t in tokens):
                continue  # "In Vietnam forderte die Flut 92 Menschenleben"
            self._emit_indirect(tokens, 0, len(tokens), attribution, carried=False)
            return True
        return False

    def _continuation(self, tokens: list[Token], *, index: int, paragraph: int) -> None:
        """A sentence in Konjunktiv I that no cue of its own attributes goes on reporting: the
        speaker of a report at most four sentences back in this or the last paragraph, else
        nobody (the editor decides)."""
        words = [t for t in tokens if t.is_word]
        if len(words) < 4 or any(t.quote for t in tokens):
            return
        start = 0
        if tokens[0].lower in REPORT_ADVERBS:
            start = 1  # "Demnach darf die Flugsicherung privatisiert werden."
        context = self.context
        live = (
            context.attribution is not None
            and context.attribution.speaker is not None
            and 0 < index - context.sentence <= CONTINUATION_SENTENCES
            and context.paragraph >= paragraph - 1
        )
        if not start and (
            tokens[0].lower in CLAUSE_OPENERS
            or not (
                any(t.lower in KONJUNKTIV_I for t in words)
                # hearsay without anyone to report it is the writer's own caution
                or (live and hearsay(words))
                or (
                    self._live(index)
                    and any(
                        t.lower in _GOING_ON or t.lower in _PLANS or looks_konjunktiv_i(t.text)
                        for t in words
                    )
                )
            )
            # "ich habe", "ich werde": the first person's indicative, as interviews speak
            or any(t.lower == "ich" for t in words)
        ):
            return
        speaker = context.attribution.speaker if live else None
        cue = context.attribution.cue if live else ""
        carried = Attribution(speaker, cue, False, False, True)
        if start:
            carried = dataclasses.replace(carried, reference=(tokens[0].start, tokens[0].end))
        self._emit_indirect(tokens, start, len(tokens), carried, carried=True)
        self._join_continuation(index=index, paragraph=paragraph)
        if live:
            context.sentence = index

    def _join_continuation(self, *, index: int, paragraph: int) -> None:
        """A report that goes on over several sentences of a paragraph is one statement: the
        sentence just emitted joins the one before when that went on the same report."""
        added = self.candidates[-1]
        before = self.continued
        self.continued = (index, paragraph, len(self.candidates) - 1)
        if before is None or before[:2] != (index - 1, paragraph):
            return
        previous = self.candidates[before[2]]
        if (previous.speaker_start, previous.speaker) != (added.speaker_start, added.speaker):
            return
        self.candidates.pop()
        self.candidates[before[2]] = dataclasses.replace(
            previous, text=self.text[previous.start : added.end], end=added.end
        )
        self.continued = (index, paragraph, before[2])

    def _reported_clause(
        self, tokens: list[Token], ci: int, attribution: Attribution
    ) -> tuple[int, int] | None:
        """The reported clause for a cue at ci, as a token range, if it is indirect speech."""
        n = len(tokens)
        end = n - 1 if tokens[-1].text in {".", "!", "?"} else n
        cue = attribution.cue.split(" ", 1)[0]
        if attribution.phrase is not None:
            # The sentence around the source phrase, without it when it stands at either end.
            a, b = attribution.phrase
            if a <= 1:
                a = b + 1 if b < end and tokens[b].text == "," else b
                return (a, end) if end - a >= 3 else None
            if b >= end:
                b = a - 1 if tokens[a - 1].text == "," else a
                return (0, b) if b >= 3 else None
            if (
                a >= 2
                and tokens[a - 1].lower in RELATIVE_PRONOUNS
                and tokens[a - 1].text.islower()
                and tokens[a - 2].text == ","
            ):
                # "…, das nach Angaben eines Sprechers nicht abgeschlossen werden konnte": the
                # report is the relative clause.
                k = b
                while k < end and tokens[k].text not in {",", ";", "–", "(", ")"}:
                    k += 1
                return a - 1, k
            return 0, end
        if cue == "so" and ci > 0 and tokens[ci - 1].text == ",":
            # Quoted words inside a report in Konjunktiv belong to it: "Dennoch habe er seiner
            # „Vorbildfunktion“ nicht entsprochen, so Nacke."
            if any(t.quote for t in tokens[:ci]) and not self._reports(tokens[: ci - 1]):
                return None
            return 0, ci - 1
        if cue in {"heißt", "hieß"}:
            # "In der Erklärung heißt es (weiter), dass …" / ", die Lage sei ruhig"
            k = ci + 1
            while k < end and k - ci <= 3 and tokens[k].text != "," and tokens[k].is_word:
                k += 1
            if k < end and tokens[k].text == ",":
                clause = tokens[k + 1 : end]
                if self._reports(clause) or indicative_after(tokens, ci, k, end) is not None:
                    return k + 1, end
            return None
        if cue == "so":
            return None
        if cue == "wonach":
            return (ci + 1, end) if end - ci > 3 else None
        # "X sagte (...), es gebe ..." or "..., sagte X."
        k = ci + 1
        while k < end and tokens[k].text != "," and not names_a_paper(tokens, k):
            if tokens[k].text in {":", ";"}:
                return None
            k += 1
        k = past_apposition(tokens, k, end)
        if k < end and tokens[k].text == ",":
            a = k + 1
            b = end
            for m in range(a, end):
                if (
                    tokens[m].text == ","
                    and m + 1 < end
                    and (tokens[m + 1].lower in REPORTING_VERBS or tokens[m + 1].lower == "so")
                ):
                    b = m
                    break
            clause = tokens[a:b]
            if self._reports(clause):
                return a, b
            plain = indicative_after(tokens, ci, k, b)
            if plain is not None:
                return plain
        if ci >= 2 and tokens[ci - 1].text == "," and not tokens[ci - 2].quote:
            clause = tokens[: ci - 1]
            opener = clause[0].lower if clause else ""
            if opener not in CLAUSE_OPENERS and (
                self._reports(clause) or indicative_before(tokens, ci)
            ):
                return 0, ci - 1
        if tokens[0].lower == "wie" and (
            all(t.text != "," for t in tokens[:ci]) or ends_verb_final_clause(tokens, ci)
        ):
            k = ci + 1
            while k < end and tokens[k].text != ",":
                k += 1
            if k + 1 < end:
                return k + 1, end
        start = clause_start(tokens, ci)
        if (
            start >= 4
            and tokens[start].lower == "wie"
            and tokens[start - 1].text == ","
            and ends_verb_final_clause(tokens, ci)
            and ci + 1 >= end
            and not any(t.quote for t in tokens[: start - 1])
        ):
            # "Die Entscheidung fiel am Todestag, wie die Staatsanwaltschaft mitteilte."
            return 0, start - 1
        return None

    @staticmethod
    def _reports(clause: Sequence[Token]) -> bool:
        if len([t for t in clause if t.is_word]) < 3:
            return False
        if clause[0].lower in {"dass", "ob"}:
            return True
        if (
            clause[0].lower in RELATIVE_PRONOUNS
            and clause[0].text.islower()
            and not opens_noun_phrase(clause)
        ):
            return False
        return any(t.is_word and t.lower in KONJUNKTIV for t in clause)

    def _emit_indirect(
        self, tokens: list[Token], a: int, b: int, attribution: Attribution, *, carried: bool
    ) -> None:
        start, end = tokens[a].start, tokens[b - 1].end
        text = FOOTNOTE_TAIL.sub("", self.text[start:end]).rstrip(" .!?,;")
        end = start + len(text)
        if start >= end:
            return
        speaker_name, speaker_start, speaker_end, resolved = self._speaker(attribution)
        score = 0.5 if carried else 0.75 if attribution.speaker is not None else 0.4
        if attribution.speaker is not None and attribution.speaker.pronoun and not carried:
            score = 0.6 if resolved else 0.4
        self.candidates.append(
            QuoteCandidate(
                text=self.text[start:end],
                start=start,
                end=end,
                kind="indirect",
                speaker=speaker_name,
                speaker_start=speaker_start,
                speaker_end=speaker_end,
                cue=attribution.cue,
                confidence=score,
                said_on=None if carried else self._said_on(tokens, (a, b)),
            )
        )
