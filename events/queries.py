"""Page-shaped reads for the public site: one home per page, each a fixed number of queries.

`preview` is true for those who may check drafts before they are published
(`newsroom.editorial.can_preview`); everyone else sees what the models' `public()` allows,
and nothing of a row it leaves out: not a link, not a name.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404

from events.models import Delegation, DelegationMember, Person, Statement, Summit, Topic
from newsroom.editorial import StatementStatus
from sources.models import SourceArticle

STATEMENTS_PER_SPEAKER = 3
SPEAKER_GROUPS = 12
# A statement card shows its source's title, never its text: leave the long texts in the database.
ARTICLE_TEXTS = ("body", "original", "removed")
SOURCE_TEXTS = tuple(f"source__{name}" for name in ARTICLE_TEXTS)
HOME_SUMMITS = 4
HOME_STATEMENTS = 8
PAGE_SIZE = 20


def visible(queryset: QuerySet, *, preview: bool) -> QuerySet:
    return queryset if preview else queryset.public()


def visible_statements(*, preview: bool) -> QuerySet[Statement]:
    if preview:
        return Statement.objects.exclude(status=StatementStatus.REJECTED)
    return Statement.objects.public()


def statements_for_list(*, preview: bool) -> QuerySet[Statement]:
    """Statements with everything a statement card shows: speaker, summit, delegation, source."""
    return (
        visible_statements(preview=preview)
        .select_related("speaker", "summit", "delegation", "source")
        .defer(*SOURCE_TEXTS)
    )


def statements_for_cards(*, preview: bool) -> QuerySet[Statement]:
    """Statements as the statement card shows them: with their topics, in one more query."""
    return statements_for_list(preview=preview).prefetch_related(
        Prefetch("topics", queryset=Topic.objects.public().order_by("name"))
    )


def _delegations(*, preview: bool) -> QuerySet[Delegation]:
    """Delegations with their leader and members as readers may see them: a leader who is not
    public is prefetched as None, a member who is not public is left out."""
    members = (
        visible(DelegationMember.objects.all(), preview=preview)
        .select_related("person")
        .order_by("position", "person__name")
    )
    return visible(Delegation.objects.all(), preview=preview).prefetch_related(
        Prefetch("leader", queryset=visible(Person.objects.all(), preview=preview)),
        Prefetch("members", queryset=members),
    )


@dataclass(frozen=True)
class HomePage:
    upcoming: list[Summit]
    recent: list[Summit]
    statements: list[Statement]


def home_for_display(*, today: date, preview: bool) -> HomePage:
    summits = visible(Summit.objects.all(), preview=preview)
    return HomePage(
        upcoming=list(summits.upcoming(today=today)[:HOME_SUMMITS]),
        recent=list(summits.filter(ends_on__lt=today).order_by("-starts_on")[:HOME_SUMMITS]),
        statements=list(statements_for_cards(preview=preview)[:HOME_STATEMENTS]),
    )


def summits_for_index(*, preview: bool) -> QuerySet[Summit]:
    return visible(Summit.objects.all(), preview=preview).order_by("-starts_on", "title")


@dataclass(frozen=True)
class SpeakerGroup:
    speaker: Person | None
    statements: list[Statement]
    total: int


@dataclass(frozen=True)
class SpeakerCount:
    speaker: Person
    total: int


@dataclass(frozen=True)
class TimelineDay:
    day: date
    statements: int
    share: int  # per cent of the busiest day, for the bar width
    during_summit: bool


@dataclass(frozen=True)
class SummitPage:
    summit: Summit
    previous: Summit | None
    next: Summit | None
    delegations: list[Delegation]
    speaker_groups: list[SpeakerGroup]
    other_speakers: list[SpeakerCount]
    statement_count: int
    topics: list[Topic]
    sources: list[SourceArticle]
    timeline: list[TimelineDay]
    undated: int


def summit_for_detail(slug: str, *, preview: bool) -> SummitPage:
    summits = visible(Summit.objects.all(), preview=preview)
    summit = get_object_or_404(
        summits.prefetch_related(
            Prefetch(
                "delegations",
                queryset=_delegations(preview=preview).order_by("country"),
                to_attr="delegations_visible",
            ),
        ),
        slug=slug,
    )
    # The summits before and after in the series, in one query and only where visible.
    neighbours = list(
        summits.filter(Q(pk=summit.previous_id) | Q(previous=summit)).order_by("starts_on")
    )
    previous = next((s for s in neighbours if s.pk == summit.previous_id), None)
    following = next((s for s in neighbours if s.previous_id == summit.pk), None)
    statements = visible_statements(preview=preview).filter(summit=summit)
    groups, other_speakers, statement_count = _speaker_groups(summit, statements)
    counts_by_day = dict(
        statements.order_by()
        .values_list("said_on")
        .annotate(n=Count("pk"))
        .values_list("said_on", "n")
    )
    covered = summit.sources.through.objects.filter(summit=summit).values("sourcearticle")
    sources = visible(SourceArticle.objects.defer(*ARTICLE_TEXTS), preview=preview).filter(
        Q(pk__in=covered) | Q(pk__in=statements.values("source"))
    )
    return SummitPage(
        summit=summit,
        previous=previous,
        next=following,
        delegations=summit.delegations_visible,
        speaker_groups=groups,
        other_speakers=other_speakers,
        statement_count=statement_count,
        topics=list(
            Topic.objects.filter(statements__in=statements)
            .annotate(statement_count=Count("statements"))
            .order_by("-statement_count", "name")
        ),
        sources=list(sources),
        timeline=_timeline(summit, counts_by_day),
        undated=counts_by_day.get(None, 0),
    )


def _speaker_groups(
    summit: Summit, statements: QuerySet[Statement]
) -> tuple[list[SpeakerGroup], list[SpeakerCount], int]:
    """The most quoted speakers with their latest statements, and the others with a count.

    Two queries however many statements and speakers there are: the speakers with their
    counts, then the latest few statements of each of the first speakers (ranked over the
    narrow statement rows, joined only for the rows that made the cut).
    """
    counts = (
        statements.order_by()
        .values_list("speaker_id", "speaker__name", "speaker__slug")
        .annotate(n=Count("pk"))
    )
    speakers, totals = {}, {}
    for pk, name, slug, n in counts:
        totals[pk] = n
        if pk is not None:
            speakers[pk] = Person(pk=pk, name=name, slug=slug)
    # Most quoted first, statements without a known speaker last; ties in a stable order.
    ranking = sorted(totals, key=lambda pk: (pk is None, -totals[pk], pk or 0))
    shown, others = ranking[:SPEAKER_GROUPS], ranking[SPEAKER_GROUPS:]
    chosen = Q(speaker__in=[pk for pk in shown if pk is not None])
    if None in shown:
        chosen |= Q(speaker__isnull=True)
    latest = (
        statements.filter(chosen)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("speaker_id")],
                order_by=[F("said_on").desc(nulls_last=True), F("pk").desc()],
            )
        )
        .filter(rank__lte=STATEMENTS_PER_SPEAKER)
        .values("pk")
    )
    rows = (
        Statement.objects.filter(pk__in=latest)
        .select_related("speaker", "source", "delegation")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.public().order_by("name")))
        .defer(*SOURCE_TEXTS)
        .order_by(F("said_on").desc(nulls_last=True), "-pk")
    )
    by_speaker: dict[int | None, list[Statement]] = {}
    for statement in rows:
        statement.summit = summit
        by_speaker.setdefault(statement.speaker_id, []).append(statement)
    groups = [
        SpeakerGroup(speaker=speakers.get(pk), statements=by_speaker[pk], total=totals[pk])
        for pk in shown
        if pk in by_speaker
    ]
    rest = [SpeakerCount(speaker=speakers[pk], total=totals[pk]) for pk in others if pk]
    return groups, rest, sum(totals.values())


def _timeline(summit: Summit, counts_by_day: dict[date | None, int]) -> list[TimelineDay]:
    """Every day of the summit, and any other day with statements, with its count."""
    counts = {day: n for day, n in counts_by_day.items() if day is not None}
    length = (summit.ends_on - summit.starts_on).days + 1
    days = {summit.starts_on + timedelta(n) for n in range(length)} | set(counts)
    busiest = max(counts.values(), default=0)
    return [
        TimelineDay(
            day=day,
            statements=counts.get(day, 0),
            share=round(100 * counts.get(day, 0) / busiest) if busiest else 0,
            during_summit=summit.starts_on <= day <= summit.ends_on,
        )
        for day in sorted(days)
    ]


@dataclass(frozen=True)
class OtherSummit:
    """A summit where members of a delegation were too, with who of them and in which role."""

    summit: Summit
    memberships: list[DelegationMember]


@dataclass(frozen=True)
class DelegationPage:
    delegation: Delegation
    statements: list[Statement]
    statement_count: int
    other_summits: list[OtherSummit]


def delegation_for_detail(summit_slug: str, country: str, *, preview: bool) -> DelegationPage:
    delegation = get_object_or_404(
        _delegations(preview=preview).select_related("summit"),
        summit__slug=summit_slug,
        country=country.upper(),
    )
    statements = statements_for_cards(preview=preview).filter(delegation=delegation)
    people = [member.person_id for member in delegation.members.all()]
    if delegation.leader:
        people.append(delegation.leader.pk)
    elsewhere = (
        visible(DelegationMember.objects.all(), preview=preview)
        .filter(
            person__in=people,
            delegation__summit__in=visible(Summit.objects.all(), preview=preview),
        )
        .exclude(delegation__summit=delegation.summit_id)
        .select_related("person", "delegation__summit")
        .order_by("-delegation__summit__starts_on", "delegation__summit", "position")
    )
    other_summits: dict[int, OtherSummit] = {}
    for membership in elsewhere:
        summit = membership.delegation.summit
        other_summits.setdefault(summit.pk, OtherSummit(summit, [])).memberships.append(membership)
    return DelegationPage(
        delegation=delegation,
        statements=list(statements[:PAGE_SIZE]),
        statement_count=statements.count(),
        other_summits=list(other_summits.values()),
    )


@dataclass(frozen=True)
class PersonPage:
    person: Person
    memberships: list[DelegationMember]
    statements: QuerySet[Statement]

    @property
    def other_names(self) -> list[str]:
        return [name for name in self.person.alias_list if name != self.person.name]


def person_for_detail(slug: str, *, preview: bool) -> PersonPage:
    person = get_object_or_404(visible(Person.objects.all(), preview=preview), slug=slug)
    memberships = (
        visible(DelegationMember.objects.all(), preview=preview)
        .filter(
            person=person, delegation__summit__in=visible(Summit.objects.all(), preview=preview)
        )
        .select_related("delegation__summit")
        .order_by("-delegation__summit__starts_on")
    )
    return PersonPage(
        person=person,
        memberships=list(memberships),
        statements=statements_for_cards(preview=preview).filter(speaker=person),
    )


@dataclass(frozen=True)
class TopicPage:
    topic: Topic
    summits: list[Summit]
    people: list[Person]
    statements: QuerySet[Statement]


def topic_for_detail(slug: str, *, preview: bool) -> TopicPage:
    topic = get_object_or_404(visible(Topic.objects.all(), preview=preview), slug=slug)
    statements = statements_for_cards(preview=preview).filter(topics=topic)
    on_topic = Q(statements__in=statements.values("pk"))
    return TopicPage(
        topic=topic,
        summits=list(
            visible(Summit.objects.all(), preview=preview)
            .annotate(statement_count=Count("statements", filter=on_topic))
            .filter(statement_count__gt=0)
            .order_by("-starts_on")
        ),
        people=list(
            visible(Person.objects.all(), preview=preview)
            .annotate(statement_count=Count("statements", filter=on_topic))
            .filter(statement_count__gt=0)
            .order_by("-statement_count", "name")
        ),
        statements=statements,
    )


@dataclass(frozen=True)
class StatementPage:
    statement: Statement
    topics: list[Topic]
    source_visible: bool


def statement_for_detail(pk: int, *, preview: bool) -> StatementPage:
    statement = get_object_or_404(
        visible_statements(preview=preview)
        .select_related("speaker", "summit", "delegation__summit", "source")
        .prefetch_related("topics"),
        pk=pk,
    )
    return StatementPage(
        statement=statement,
        topics=list(statement.topics.all()),
        # Readers only get statements whose source they may see, or that have none.
        source_visible=statement.source_id is not None,
    )
