"""When a statement may go live, and what goes live with it: the one home of the rule.

A statement is published only with a speaker and a source, and only together with every row
it names that readers may not see yet (its source article, speaker, delegation and summit),
so `Statement.objects.public()` shows it at once and never without its source. The admin's
publish action, the change form and the review desk all ask `publication_plan()` and
publish with `publish_together()`.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from events.models import Delegation, Person, Statement, Summit
from newsroom.editorial import Status, can_publish, mark_published
from sources.models import SourceArticle

NO_SPEAKER = _("Keine Sprecherin, kein Sprecher zugeordnet.")
NO_SOURCE = _("Keine Quelle angegeben.")
MISSING_PERMISSIONS = _(
    "Nicht veröffentlicht: Ihnen fehlt die Berechtigung, {models} zu veröffentlichen."
)
NOT_PUBLIC = _(
    "{name} „{row}“ ist noch nicht veröffentlicht. Veröffentlichen Sie die Aussage über die "
    "Aktion „Ausgewählte veröffentlichen“ in der Liste: sie nennt, was mit ihr online geht."
)

# The rows a statement names, in the order they go live.
REFERENCES = [
    ("summit", Summit),
    ("speaker", Person),
    ("delegation", Delegation),
    ("source", SourceArticle),
]


@dataclass(frozen=True)
class Blocked:
    statement: Statement
    reasons: tuple[str, ...]


@dataclass
class PublicationPlan:
    """Statements that can go live, those that cannot (with why), and the unpublished rows
    they name, by model, that go live with them."""

    statements: list[Statement] = field(default_factory=list)
    blocked: list[Blocked] = field(default_factory=list)
    together: dict[type[models.Model], list[models.Model]] = field(default_factory=dict)

    @property
    def named_together(self) -> list[tuple[str, list[models.Model]]]:
        """What goes live with the statements, as (plural name of the model, rows)."""
        return [
            (model._meta.verbose_name_plural, rows)
            for model, rows in self.together.items()
            if rows
        ]

    @property
    def involved_models(self) -> list[type[models.Model]]:
        return [Statement, *(model for model, rows in self.together.items() if rows)]

    def missing_permissions(self, user) -> list[type[models.Model]]:
        return [model for model in self.involved_models if not can_publish(user, model)]


def statement_problems(statement: Statement) -> list[tuple[str, str]]:
    """Why `statement` cannot be published at all, as (field, message)."""
    problems = []
    if statement.speaker_id is None:
        problems.append(("speaker", str(NO_SPEAKER)))
    if statement.source_id is None:
        problems.append(("source", str(NO_SOURCE)))
    return problems


def unpublished_references(statement: Statement) -> list[tuple[str, models.Model]]:
    """The rows `statement` names that readers may not see yet, as (field, row)."""
    rows = []
    for name, _model in REFERENCES:
        row = getattr(statement, name)
        if row is not None and row.status != Status.PUBLISHED:
            rows.append((name, row))
    summit = statement.delegation.summit if statement.delegation_id else None
    if summit is not None and summit.status != Status.PUBLISHED and summit != statement.summit:
        rows.append(("delegation", summit))
    return rows


def publication_plan(queryset: models.QuerySet) -> PublicationPlan:
    """What publishing the statements of `queryset` means (statements already published are
    left out)."""
    statements = (
        queryset.exclude(status=Status.PUBLISHED)
        .select_related("summit", "speaker", "delegation__summit", "source")
        .defer("source__body", "source__original", "source__removed")
        .order_by("pk")
    )
    plan = PublicationPlan(together={model: [] for _name, model in REFERENCES})
    seen = set()
    for statement in statements:
        problems = statement_problems(statement)
        if problems:
            plan.blocked.append(Blocked(statement, tuple(message for _f, message in problems)))
            continue
        plan.statements.append(statement)
        for _name, row in unpublished_references(statement):
            key = (type(row), row.pk)
            if key not in seen:
                seen.add(key)
                plan.together[type(row)].append(row)
    return plan


def form_errors(statement: Statement) -> dict[str, list[str]]:
    """For a change form that sets `statement` (unsaved) to published: what stops it, by
    field. Rows still unpublished are not published from a form: the list's action says
    what goes live together and asks."""
    errors: dict[str, list[str]] = {}
    for name, message in statement_problems(statement):
        errors.setdefault(name, []).append(message)
    for name, row in unpublished_references(statement):
        message = NOT_PUBLIC.format(name=type(row)._meta.verbose_name, row=row)
        errors.setdefault(name, []).append(str(message))
    return errors


def publish_together(plan: PublicationPlan, *, user) -> int:
    """Publish the plan's statements and everything that goes live with them, in one
    transaction, each row with a version in its history; refused unless `user` may publish
    every model involved. Returns the number of statements published."""
    missing = plan.missing_permissions(user)
    if missing:
        raise PermissionDenied(missing_permissions_message(missing))
    if not plan.statements:
        return 0
    with transaction.atomic():
        for model, rows in plan.together.items():
            if rows:
                mark_published(
                    model._default_manager.filter(pk__in=[row.pk for row in rows]), user=user
                )
        return mark_published(
            Statement.objects.filter(pk__in=[s.pk for s in plan.statements]), user=user
        )


def missing_permissions_message(models_: list[type[models.Model]]) -> str:
    names = ", ".join(str(model._meta.verbose_name_plural) for model in models_)
    return str(MISSING_PERMISSIONS.format(models=names))
