"""The review desk: the statements the importer suggested in an article, decided where they
occur. The one home of the desk's reads (the article with its statements, the review queue)
and writes (accept, correct, reject, move a span's edge, turn a speaker label into a person).

Every write leaves a version in each changed statement's history, with the desk named in the
reason and the editor as its author. Published statements are not changed here: they are
edited in their own form, where the four-eyes rule applies.
"""

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from events.models import Delegation, DelegationMember, Person, Statement, Topic
from newsroom.editorial import StatementStatus, reject
from newsroom.revisions import needs_review, submit_revision
from sources.forms import AliasForm
from sources.models import SourceArticle
from sources.passages import Segment, marked_paragraphs, move_edge

DESK_CORRECTED = _("Prüftisch: korrigiert")
DESK_SPAN_MOVED = _("Prüftisch: Ausschnitt geändert")
DESK_SPEAKER = _("Prüftisch: Sprecher/in „{label}“ zugeordnet")
DESK_PERSON_CREATED = _("Prüftisch: angelegt aus „{label}“")
DESK_ALIAS_ADDED = _("Prüftisch: „{label}“ als Schreibweise ergänzt")
EDITED_BY_HAND = _(
    "Der Text dieser Aussage wurde von Hand bearbeitet und steht so nicht in der Quelle: "
    "Anfang und Ende bitte im Formular der Aussage ändern."
)
CLOSED = _(
    "Diese Aussage ist veröffentlicht oder abgelehnt: Änderungen daran gehen über ihr "
    "Formular (veröffentlichte mit Freigabe durch die Chefredaktion)."
)
# Statements the desk may change: not yet in front of readers.
DECIDABLE = (StatementStatus.SUGGESTED, StatementStatus.DRAFT, StatementStatus.REVIEW)
# Decided for, not yet published: what the Chefredaktion publishes from the desk.
ACCEPTED = (StatementStatus.DRAFT, StatementStatus.REVIEW)


@dataclass(frozen=True)
class Suggestion:
    """A statement of the article as the desk shows it: numbered in the order of the text."""

    number: int
    statement: Statement

    @property
    def is_open(self) -> bool:
        return self.statement.status == StatementStatus.SUGGESTED

    @property
    def can_change(self) -> bool:
        return self.statement.status in DECIDABLE


@dataclass(frozen=True)
class Desk:
    article: SourceArticle
    suggestions: list[Suggestion]

    @cached_property
    def paragraphs(self) -> list[list[Segment]]:
        spans = [
            (s.number, s.statement.source_start, s.statement.source_end)
            for s in self.suggestions
            if s.statement.has_source_span and s.statement.status != StatementStatus.REJECTED
        ]
        return marked_paragraphs(self.article.body, spans)

    @property
    def open_count(self) -> int:
        return sum(s.is_open for s in self.suggestions)

    @property
    def accepted(self) -> list[Statement]:
        """Accepted and not yet published: what the Chefredaktion publishes next."""
        return [s.statement for s in self.suggestions if s.statement.status in ACCEPTED]

    def find(self, pk: int) -> Suggestion | None:
        return next((s for s in self.suggestions if s.statement.pk == pk), None)


def desk_for_article(article: SourceArticle) -> Desk:
    """The article with all its statements, in the order of the text (statements without a
    span last): three queries, however many statements."""
    statements = (
        Statement.objects.filter(source=article)
        .select_related("speaker", "delegation", "summit")
        .prefetch_related("topics")
        .order_by(F("source_start").asc(nulls_last=True), "pk")
    )
    return Desk(
        article=article,
        suggestions=[Suggestion(number, s) for number, s in enumerate(statements, start=1)],
    )


def articles_for_review() -> QuerySet[SourceArticle]:
    """The review queue: articles with suggestions nobody has decided yet, the oldest import
    first, each with `open_suggestions`."""
    return (
        SourceArticle.objects.annotate(
            open_suggestions=Count(
                "statements", filter=Q(statements__status=StatementStatus.SUGGESTED)
            )
        )
        .filter(open_suggestions__gt=0)
        .order_by("created_at", "pk")
    )


def next_article_for_review(*, after: SourceArticle) -> SourceArticle | None:
    return articles_for_review().exclude(pk=after.pk).first()


def open_suggestions(article: SourceArticle) -> QuerySet[Statement]:
    return Statement.objects.filter(source=article, status=StatementStatus.SUGGESTED)


def reject_statements(statements: QuerySet[Statement], *, user) -> int:
    return reject(statements.filter(status__in=DECIDABLE), user=user)


def correct_statement(
    statement: Statement,
    *,
    user,
    speaker: Person | None,
    kind: str,
    said_on: date | None,
    topics: list[Topic],
) -> None:
    """Correct what the importer guessed and accept the suggestion: a corrected suggestion is
    a decided one. The delegation follows the speaker."""
    with transaction.atomic():
        statement = _locked(statement)
        statement.speaker = speaker
        statement.delegation_id = _delegation_of(speaker, statement.summit_id)
        statement.kind = kind
        statement.said_on = said_on
        if statement.status == StatementStatus.SUGGESTED:
            statement.status = StatementStatus.DRAFT
        _save(statement, user=user, reason=DESK_CORRECTED)
        statement.topics.set(topics)


def move_statement_edge(statement: Statement, *, user, edge: str, step: int) -> None:
    """Widen or narrow the statement by a word at one end; its text follows the source. A
    text corrected by hand (it no longer reads as the source) is not replaced."""
    with transaction.atomic():
        statement = _locked(statement)
        if not statement.has_source_span:
            return
        if not statement.matches_source:
            raise StatementClosed(EDITED_BY_HAND)
        body = statement.source.body
        start, end = move_edge(
            body, statement.source_start, statement.source_end, edge=edge, step=step
        )
        if (start, end) == (statement.source_start, statement.source_end):
            return
        statement.source_start, statement.source_end = start, end
        statement.text = body[start:end]
        _save(statement, user=user, reason=DESK_SPAN_MOVED)


def create_person_from_label(
    statement: Statement, *, user, name: str, role: str, country: str
) -> Person:
    """A new person (a draft) for the label, which becomes one of their aliases; with a role
    they join their country's delegation at the summit, if it has one. The article's other
    statements with the same label and no speaker follow, if not yet published."""
    label = statement.speaker_label
    with transaction.atomic():
        _locked(statement)
        person = Person(
            name=name,
            slug=_free_person_slug(name),
            aliases=label if label and label != name else "",
            country=country,
        )
        person._change_reason = DESK_PERSON_CREATED.format(label=label)
        person._history_user = user
        person.save()
        delegation = (
            Delegation.objects.filter(summit_id=statement.summit_id, country=country).first()
            if country
            else None
        )
        if delegation is not None:
            DelegationMember.objects.create(delegation=delegation, person=person, role=role)
        _assign_label(statement, person, user=user)
    return person


def attach_label_to_person(statement: Statement, *, user, person: Person) -> bool:
    """The label names `person`: it becomes one of their aliases (the next import knows it),
    and the article's other unpublished statements with the same label follow. A published
    person's new alias waits for the Chefredaktion if `user` may not publish people (True
    then)."""
    label = statement.speaker_label
    pending = False
    with transaction.atomic():
        _locked(statement)
        known = {alias.casefold() for alias in person.alias_list} | {person.name.casefold()}
        if label and label.casefold() not in known:
            aliases = "\n".join([*person.alias_list, label])
            if needs_review(user, person):
                form = AliasForm({"aliases": aliases}, instance=person)
                form.full_clean()
                pending = submit_revision(obj=form.instance, form=form, user=user) is not None
                person.refresh_from_db()
            else:
                person.aliases = aliases
                person._change_reason = DESK_ALIAS_ADDED.format(label=label)
                person._history_user = user
                person.save(update_fields=["aliases", "updated_at"])
        _assign_label(statement, person, user=user)
    return pending


def _assign_label(statement: Statement, person: Person, *, user) -> None:
    label = statement.speaker_label
    following = Statement.objects.filter(
        Q(pk=statement.pk)
        | Q(
            source_id=statement.source_id,
            speaker__isnull=True,
            speaker_label=label,
            status__in=DECIDABLE,
        )
    )
    delegation_id = _delegation_of(person, statement.summit_id)
    reason = DESK_SPEAKER.format(label=label)
    for row in following.select_for_update():
        if row.status not in DECIDABLE:
            continue
        row.speaker = person
        row.delegation_id = delegation_id
        _save(row, user=user, reason=reason)


def _delegation_of(person: Person | None, summit_id: int) -> int | None:
    if person is None:
        return None
    return (
        DelegationMember.objects.filter(person=person, delegation__summit_id=summit_id)
        .values_list("delegation_id", flat=True)
        .first()
    )


def _free_person_slug(name: str) -> str:
    base = slugify(name)[:190] or "person"
    taken = set(Person.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _locked(statement: Statement) -> Statement:
    """The statement as stored now, locked until the transaction ends: a decision is taken
    on the row as it is, not on the copy the page was built from (another editor may have
    published it meanwhile)."""
    stored = (
        Statement.objects.select_for_update(of=("self",))
        .select_related("source", "summit")
        .filter(pk=statement.pk)
        .first()
    )
    if stored is None or stored.status not in DECIDABLE:
        raise StatementClosed(CLOSED)
    return stored


def _save(statement: Statement, *, user, reason) -> None:
    statement._change_reason = str(reason)
    statement._history_user = user
    statement.save()


class StatementClosed(Exception):
    """The desk does not change a statement readers can see, nor one rejected."""
