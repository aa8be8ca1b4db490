"""Every change leaves a trace: the one place that records history for writes that do not go
through `Model.save()` (bulk inserts and updates of the imports, status changes of the admin
actions). Saves record themselves (django-simple-history's signals, with the request's user
from its middleware)."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.bulk import insert

CREATED, CHANGED = "+", "~"
# django-simple-history's column for the reason is this long.
REASON_LENGTH = 100
# Rows named in one INSERT ... SELECT (SQLite allows 32,766 parameters).
COPY_BATCH = 5000

SPREADSHEET_IMPORT = _("Tabellen-Import {file}")
ARTICLE_IMPORT = _("Artikel-Import {file}")
ADMIN_ACTION = _("Aktion: {action}")


def record_history(
    model: type[models.Model],
    instances: Sequence[models.Model],
    *,
    kind: str,
    user=None,
    reason: str | Callable[[models.Model], str] = "",
) -> None:
    """A version of each instance as it is now (just written), by `user` (None: the system),
    with `reason` (or `reason(instance)`); rows go in as one bulk insert (COPY on
    PostgreSQL)."""
    if not instances:
        return
    if not callable(reason):
        copy_rows(
            model, [instance.pk for instance in instances], kind=kind, user=user, reason=reason
        )
        return
    history = model.history.model
    fields = [field.attname for field in history.tracked_fields]
    common = {
        history._meta.pk.attname: None,
        "history_date": timezone.now(),
        "history_user_id": getattr(user, "pk", None),
        "history_type": kind,
        "history_change_reason": "" if callable(reason) else _fit(str(reason)),
    }
    versions = []
    for instance in instances:
        # What `history(...)` makes, without its per-field work (it counts at 100,000 rows).
        version = history.__new__(history)
        version._state = models.base.ModelState()
        version.__dict__.update(common)
        version.__dict__.update({name: instance.__dict__[name] for name in fields})
        if callable(reason):
            version.history_change_reason = _fit(str(reason(instance)))
        versions.append(version)
    insert(history, versions)


def copy_rows(model: type[models.Model], pks: list[int], *, kind: str, user, reason) -> None:
    """Versions of the stored rows `pks`, copied by the database itself (INSERT ... SELECT):
    no Python work per row, whatever their number."""
    history = model.history.model
    quote = connection.ops.quote_name
    columns = [history._meta.get_field(f.name).column for f in history.tracked_fields]
    sources = [model._meta.get_field(f.name).column for f in history.tracked_fields]
    extra = ["history_date", "history_type", "history_user_id", "history_change_reason"]
    sql = (
        f"INSERT INTO {quote(history._meta.db_table)} "
        f"({', '.join(quote(c) for c in [*columns, *extra])}) "
        f"SELECT {', '.join(quote(c) for c in sources)}, %s, %s, %s, %s "
        f"FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} IN "
    )
    params = [timezone.now(), kind, getattr(user, "pk", None), _fit(str(reason))]
    with connection.cursor() as cursor:
        for start in range(0, len(pks), COPY_BATCH):
            batch = pks[start : start + COPY_BATCH]
            cursor.execute(f"{sql}({', '.join(['%s'] * len(batch))})", [*params, *batch])


def record_changed_rows(queryset: models.QuerySet, pks: Iterable[int], *, user, reason) -> None:
    """After `queryset.update()`: a version of each row it changed."""
    pks = list(pks)
    if pks:
        copy_rows(queryset.model, pks, kind=CHANGED, user=user, reason=reason)


def _fit(reason: str) -> str:
    return reason if len(reason) <= REASON_LENGTH else f"{reason[: REASON_LENGTH - 1]}…"


UNKNOWN_USER = _("Kein Benutzerkonto „{username}“.")


def command_user(username: str | None):
    """The account a management command's changes are recorded for (`--user`); without one
    they are the system's."""
    from django.contrib.auth import get_user_model
    from django.core.management import CommandError

    if not username:
        return None
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise CommandError(UNKNOWN_USER.format(username=username)) from None


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str
    # (kind, words) pieces of the new text against the old: "same", "removed", "added".
    pieces: tuple[tuple[str, str], ...]


def version_changes(older, newer) -> list[FieldChange]:
    """The fields in which two versions of one object differ, each with its words compared."""
    delta = newer.diff_against(older)
    fields = {field.name: field for field in newer.instance_type._meta.get_fields()}
    changes = []
    for change in delta.changes:
        field = fields.get(change.field)
        label = str(getattr(field, "verbose_name", change.field))
        old, new = _shown(field, change.old), _shown(field, change.new)
        changes.append(FieldChange(label=label, old=old, new=new, pieces=word_diff(old, new)))
    return changes


def _shown(field, value) -> str:
    if value is None:
        return ""
    choices = dict(getattr(field, "flatchoices", None) or ())
    return str(choices.get(value, value))


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """The words of `old` and `new` as kept, removed and added pieces, in reading order."""
    a, b = old.split(" "), new.split(" ")
    pieces = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("added", " ".join(b[j1:j2])))
    return tuple(pieces)
