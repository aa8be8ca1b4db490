"""The one place that turns plain-text article files into SourceArticles and suggested
Statements. The command line (`import_articles`), the admin upload and the demo all go
through `analyse_files` (read-only) and `save_article` (writes one file, atomically)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from itertools import islice

from django.db import DatabaseError, models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from events.models import DelegationMember, Person, Statement, Summit
from newsroom import pagecache
from newsroom.editorial import StatementStatus, Status
from newsroom.history import ARTICLE_IMPORT, CREATED, record_history
from newsroom.models import ImportRun
from newsroom.tables import IMPORT_BUSY, LOCK_WAIT_SECONDS, ImportBusy, take_turn
from sources.importing.decode import decode
from sources.importing.parse import MONTHS, REMOVAL_LABELS, parse_article
from sources.importing.quotes import extract_quotes
from sources.importing.types import KnownPerson, ParsedArticle, QuoteCandidate, UnreadableFile
from sources.models import SourceArticle

DUPLICATE = _("Dieser Text ist schon als Quellartikel „{title}“ vorhanden.")
REPEATED = _("Derselbe Text wie {filename}.")
NOT_SAVED = _("Die Datei konnte nicht gespeichert werden: {error}")
BATCH_SIZE = 50
# Far beyond any news article (the 850 annotated Wikinews articles: at most a few dozen).
MAX_STATEMENTS = 500
TOO_MANY_STATEMENTS = _(
    "Der Text enthält mehr als {limit} mögliche Aussagen: das ist kein Zeitungsartikel. "
    "Nicht importiert."
)
NO_SUMMIT = _("Kein Gipfel erkannt: bitte einen Gipfel angeben.")
AMBIGUOUS_SUMMIT = _("Gipfel nicht eindeutig ({candidates}): bitte einen Gipfel angeben.")


@dataclass(frozen=True)
class SuggestedStatement:
    quote: QuoteCandidate
    speaker: Person | None
    delegation_id: int | None


@dataclass(frozen=True)
class FileAnalysis:
    """What the importer would do with one file; nothing is written yet."""

    filename: str
    article: ParsedArticle | None = None
    error: str = ""
    duplicate_of: SourceArticle | None = None
    summit: Summit | None = None
    summit_problem: str = ""
    statements: tuple[SuggestedStatement, ...] = ()
    repeat_of: str = ""  # an earlier file of the same upload with the same text

    @property
    def removed_parts(self) -> list[tuple[str, str]]:
        """What the parser cut, as (reason in words, text)."""
        if self.article is None:
            return []
        return [(REMOVAL_LABELS.get(p.reason, p.reason), p.text) for p in self.article.removed]

    @property
    def can_be_saved(self) -> bool:
        return (
            self.article is not None
            and self.summit is not None
            and self.duplicate_of is None
            and not self.repeat_of
            and not self.error
        )


@dataclass(frozen=True)
class FileOutcome:
    filename: str
    status: str  # "created", "duplicate", "failed", or on a dry run "would-create"
    message: str = ""
    source: SourceArticle | None = None
    statements: int = 0


@dataclass
class ImportContext:
    """What every file of one import run is checked against, read once per run."""

    people: list[Person]
    summits: list[Summit]
    members: dict[tuple[int, int], int] = field(
        default_factory=dict
    )  # (summit, person) -> delegation

    @classmethod
    def load(cls) -> ImportContext:
        members = {
            (summit_id, person_id): delegation_id
            for summit_id, person_id, delegation_id in DelegationMember.objects.values_list(
                "delegation__summit_id", "person_id", "delegation_id"
            )
        }
        return cls(
            people=list(Person.objects.all()),
            summits=list(Summit.objects.all()),
            members=members,
        )

    @cached_property
    def known_people(self) -> list[KnownPerson]:
        return [
            KnownPerson(name=person.name, aliases=tuple(person.alias_list))
            for person in self.people
        ]

    @cached_property
    def people_by_name(self) -> dict[str, Person]:
        return {person.name: person for person in self.people}


def detect_summit(article: ParsedArticle, summits: Sequence[Summit]) -> tuple[Summit | None, str]:
    """The summit an article is about, when the text makes it unambiguous.

    A summit is a candidate when its city or one of its days ("28. Februar") is named. Articles
    look back at earlier meetings of a series, so a candidate that another candidate follows
    is dropped; a known publication date far from a summit rules it out.
    """
    text = f"{article.dateline}\n{article.title}\n{article.body}"
    candidates = [
        summit
        for summit in summits
        if _names_city(text, summit.city) or _names_a_day_of(text, summit)
    ]
    if article.published_on:
        candidates = [s for s in candidates if _near(article.published_on, s)] or candidates
    followed = {s.previous_id for s in candidates}
    candidates = [s for s in candidates if s.pk not in followed]
    if len(candidates) == 1:
        return candidates[0], ""
    if not candidates:
        return None, str(NO_SUMMIT)
    names = ", ".join(sorted(s.title for s in candidates))
    return None, str(AMBIGUOUS_SUMMIT).format(candidates=names)


def _names_city(text: str, city: str) -> bool:
    return bool(city) and re.search(rf"\b{re.escape(city)}\b", text) is not None


def _names_a_day_of(text: str, summit: Summit) -> bool:
    days = {summit.starts_on, summit.ends_on}
    for day in days:
        # Every spelling the parser knows: "28. Februar", "28. Feb.", "27. und 28. Februar".
        month = "|".join(name for name, number in MONTHS.items() if number == day.month)
        pattern = rf"\b{day.day}\.(?:\s+und\s+\d{{1,2}}\.)?\s+(?:{month})\b"
        if re.search(pattern, text, re.IGNORECASE):
            return True
        if f"{day.day:02d}.{day.month:02d}.{day.year}" in text:
            return True
    return False


def _near(day: date, summit: Summit, *, slack_days: int = 60) -> bool:
    return (summit.starts_on - day).days <= slack_days and (day - summit.ends_on).days <= (
        slack_days
    )


def analyse_file(
    *, filename: str, data: bytes, context: ImportContext, summit: Summit | None = None
) -> FileAnalysis:
    """Decode, parse and extract one file; duplicates are looked up by `analyse_files`."""
    try:
        article = parse_article(decode(data, filename=filename))
    except UnreadableFile as error:
        return FileAnalysis(filename=filename, error=error.reason)
    problem = ""
    if summit is None:
        summit, problem = detect_summit(article, context.summits)
    quotes = extract_quotes(
        article.body, people=context.known_people, published_on=article.published_on
    )
    if len(quotes) > MAX_STATEMENTS:
        return FileAnalysis(
            filename=filename, error=str(TOO_MANY_STATEMENTS).format(limit=MAX_STATEMENTS)
        )
    statements = []
    for quote in quotes:
        person = context.people_by_name.get(quote.speaker) if quote.speaker else None
        delegation_id = context.members.get((summit.pk, person.pk)) if summit and person else None
        statements.append(SuggestedStatement(quote, person, delegation_id))
    return FileAnalysis(
        filename=filename,
        article=article,
        summit=summit,
        summit_problem=problem,
        statements=tuple(statements),
    )


def analyse_files(
    files: Iterable[tuple[str, bytes]], *, summit: Summit | None = None
) -> Iterator[FileAnalysis]:
    """Analyse files a batch at a time, so memory does not grow with their number; each batch
    is checked against the database (and itself) for texts that are already there."""
    context = ImportContext.load()
    files = iter(files)
    while chunk := list(islice(files, BATCH_SIZE)):
        analyses = [
            analyse_file(filename=name, data=data, context=context, summit=summit)
            for name, data in chunk
        ]
        yield from _mark_duplicates(analyses)


def _mark_duplicates(analyses: list[FileAnalysis]) -> list[FileAnalysis]:
    checksums = {a.article.checksum for a in analyses if a.article is not None}
    existing = {
        source.checksum: source
        for source in SourceArticle.objects.filter(checksum__in=checksums).only(
            "pk", "title", "slug", "checksum"
        )
    }
    first_with: dict[str, str] = {}
    marked = []
    for analysis in analyses:
        if analysis.article is not None:
            checksum = analysis.article.checksum
            if checksum in existing:
                analysis = replace(analysis, duplicate_of=existing[checksum])
            elif checksum in first_with:
                analysis = replace(analysis, repeat_of=first_with[checksum])
            else:
                first_with[checksum] = analysis.filename
        marked.append(analysis)
    return marked


def save_articles(
    analyses: Sequence[FileAnalysis], *, publish_sources: bool = False, user=None
) -> list[FileOutcome]:
    """Write the files that can be saved, all in a few queries; report every file.

    A file is written whole or not at all. Should another import have saved one of the texts
    in the meantime, the batch is retried file by file.
    """
    saveable = [a for a in analyses if a.can_be_saved]
    try:
        with transaction.atomic():
            # Imports take turns, so two at once cannot pick the same slug.
            take_turn(SourceArticle, wait_seconds=LOCK_WAIT_SECONDS)
            sources = _write(saveable, publish_sources=publish_sources, user=user)
    except ImportBusy:
        busy = str(IMPORT_BUSY).format(seconds=LOCK_WAIT_SECONDS)
        return [
            FileOutcome(a.filename, "failed", busy) if a.can_be_saved else skipped_outcome(a)
            for a in analyses
        ]
    except DatabaseError:
        return [save_article(a, publish_source=publish_sources, user=user) for a in analyses]
    created = {id(a): source for a, source in zip(saveable, sources, strict=True)}
    return [
        FileOutcome(a.filename, "created", source=created[id(a)], statements=len(a.statements))
        if id(a) in created
        else skipped_outcome(a)
        for a in analyses
    ]


def save_article(
    analysis: FileAnalysis, *, publish_source: bool = False, user=None
) -> FileOutcome:
    """Write one analysed file: the article and its suggested statements, or nothing."""
    if not analysis.can_be_saved:
        return skipped_outcome(analysis)
    try:
        with transaction.atomic():
            (source,) = _write([analysis], publish_sources=publish_source, user=user)
    except DatabaseError as error:
        # Most likely another import saved the same text in the meantime.
        existing = SourceArticle.objects.filter(checksum=analysis.article.checksum).first()
        if existing is None:
            return FileOutcome(analysis.filename, "failed", str(NOT_SAVED).format(error=error))
        return FileOutcome(
            analysis.filename, "duplicate", str(DUPLICATE).format(title=existing.title), existing
        )
    return FileOutcome(
        analysis.filename, "created", source=source, statements=len(analysis.statements)
    )


def planned_outcome(analysis: FileAnalysis) -> FileOutcome:
    """What saving would do with the file, without saving it (for a dry run)."""
    if analysis.can_be_saved:
        return FileOutcome(analysis.filename, "would-create", statements=len(analysis.statements))
    return skipped_outcome(analysis)


def skipped_outcome(analysis: FileAnalysis) -> FileOutcome:
    if analysis.error:
        return FileOutcome(analysis.filename, "failed", analysis.error)
    if analysis.duplicate_of is not None:
        return FileOutcome(
            analysis.filename,
            "duplicate",
            str(DUPLICATE).format(title=analysis.duplicate_of.title),
            source=analysis.duplicate_of,
        )
    if analysis.repeat_of:
        return FileOutcome(
            analysis.filename, "duplicate", str(REPEATED).format(filename=analysis.repeat_of)
        )
    return FileOutcome(analysis.filename, "failed", analysis.summit_problem)


def _write(
    analyses: Sequence[FileAnalysis], *, publish_sources: bool, user=None
) -> list[SourceArticle]:
    status = Status.PUBLISHED if publish_sources else Status.DRAFT
    if publish_sources:
        # Readers see these articles once this batch commits, however the run ends.
        pagecache.bump()
    slugs = _unique_slugs([a.article.title for a in analyses])
    sources = SourceArticle.objects.bulk_create(
        _fitted(
            SourceArticle,
            title=a.article.title,
            slug=slug,
            kicker=a.article.kicker,
            publisher=a.article.publisher,
            author=a.article.author,
            published_on=a.article.published_on,
            dateline=a.article.dateline,
            body=a.article.body,
            original=a.article.text,
            checksum=a.article.checksum,
            filename=a.filename,
            removed=[
                {"reason": part.reason, "text": part.text, "start": part.start}
                for part in a.article.removed
            ],
            status=status,
            published_at=timezone.now() if publish_sources else None,
        )
        for a, slug in zip(analyses, slugs, strict=True)
    )
    SourceArticle.summits.through.objects.bulk_create(
        SourceArticle.summits.through(sourcearticle_id=source.pk, summit_id=a.summit.pk)
        for a, source in zip(analyses, sources, strict=True)
    )
    statements = Statement.objects.bulk_create(
        statement
        for a, source in zip(analyses, sources, strict=True)
        for statement in _statements(a, source)
    )
    names = {source.pk: source.filename for source in sources}
    record_history(
        SourceArticle,
        sources,
        kind=CREATED,
        user=user,
        reason=lambda source: ARTICLE_IMPORT.format(file=source.filename),
    )
    record_history(
        Statement,
        statements,
        kind=CREATED,
        user=user,
        reason=lambda statement: ARTICLE_IMPORT.format(file=names[statement.source_id]),
    )
    return sources


def record_import_run(*, created: int, duplicates: int, file_name: str, user, via: str):
    """The import as a whole, when it created anything: which upload, by whom, how many."""
    if created:
        ImportRun.record(
            model=SourceArticle,
            file_name=file_name,
            user=user,
            via=via,
            new=created,
            skipped=duplicates,
        )


def _statements(analysis: FileAnalysis, source: SourceArticle) -> list[Statement]:
    article = analysis.article
    summit = analysis.summit

    def said_on(quote):
        """The day the text gives for the statement, else the article's; only a day of the
        summit (an earlier day is left for the editor)."""
        day = quote.said_on or article.published_on
        return day if day is not None and summit.starts_on <= day <= summit.ends_on else None

    return [
        _fitted(
            Statement,
            summit=summit,
            speaker=suggestion.speaker,
            speaker_label=suggestion.quote.speaker,
            delegation_id=suggestion.delegation_id,
            text=suggestion.quote.text,
            kind=suggestion.quote.kind,
            said_on=said_on(suggestion.quote),
            source=source,
            source_start=suggestion.quote.start,
            source_end=suggestion.quote.end,
            confidence=round(suggestion.quote.confidence, 3),
            status=StatementStatus.SUGGESTED,
        )
        for suggestion in analysis.statements
    ]


def _fitted(model: type[models.Model], **values) -> models.Model:
    """An unsaved row whose texts are cut to their columns' length (PostgreSQL refuses longer
    ones); a file name keeps its end, which names the file."""
    for name, value in values.items():
        limit = getattr(model._meta.get_field(name), "max_length", None)
        if isinstance(value, str) and limit and len(value) > limit:
            values[name] = (
                f"…{value[1 - limit :]}" if name == "filename" else f"{value[: limit - 1]}…"
            )
    return model(**values)


def _unique_slugs(titles: Sequence[str]) -> list[str]:
    """A free slug per title, also distinct from each other; a query per round of clashes."""
    bases = [slugify(title)[:280] or "artikel" for title in titles]
    slugs: list[str | None] = [None] * len(bases)
    tries = [1] * len(bases)
    pending = list(range(len(bases)))
    given: set[str] = set()
    while pending:
        wanted = {i: bases[i] if tries[i] == 1 else f"{bases[i]}-{tries[i]}" for i in pending}
        given |= set(
            SourceArticle.objects.filter(slug__in=wanted.values()).values_list("slug", flat=True)
        )
        pending = []
        for i, slug in wanted.items():
            if slug in given:
                tries[i] += 1
                pending.append(i)
            else:
                slugs[i] = slug
                given.add(slug)
    return slugs
