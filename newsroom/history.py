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
from simple_history.models import HistoricalRecords
from simple_history.utils import get_m2m_reverse_field_name

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
    with `reason` (or `reason(instance)`) and with its many-to-many rows where the history
    keeps them; rows go in as one bulk insert (COPY on PostgreSQL)."""
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
    }
    versions = []
    for instance in instances:
        # What `history(...)` makes, without its per-field work (it counts at 100,000 rows).
        version = history.__new__(history)
        version._state = models.base.ModelState()
        version.__dict__.update(common)
        version.__dict__.update({name: instance.__dict__[name] for name in fields})
        version.history_change_reason = _fit(str(reason(instance)))
        versions.append(version)
    if not _m2m_copies(model, "versions"):
        insert(history, versions)
        return
    with connection.cursor() as cursor:
        first = 0 if connection.vendor == "postgresql" else _last_version(cursor, history)
        insert(history, versions)
        _copy_m2m_rows(cursor, model, versions=[version.pk for version in versions], after=first)


def copy_rows(model: type[models.Model], pks: list[int], *, kind: str, user, reason) -> None:
    """Versions of the stored rows `pks`, copied by the database itself (INSERT ... SELECT),
    with their many-to-many rows where the history keeps them (a statement's topics): no
    Python work per row, whatever their number. On PostgreSQL one statement for all of it
    (the many-to-many rows join the versions it returns)."""
    history = model.history.model
    quote = connection.ops.quote_name
    columns = [history._meta.get_field(f.name).column for f in history.tracked_fields]
    sources = [model._meta.get_field(f.name).column for f in history.tracked_fields]
    extra = ["history_date", "history_type", "history_user_id", "history_change_reason"]
    sql = (
        f"INSERT INTO {quote(history._meta.db_table)} "
        f"({', '.join(quote(c) for c in [*columns, *extra])}) "
        f"SELECT {', '.join(quote(c) for c in sources)}, %s, %s, %s, %s "
        f"FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)}"
    )
    params = [timezone.now(), kind, getattr(user, "pk", None), _fit(str(reason))]
    m2m = _m2m_copies(model, "versions")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One array, whatever the number of rows: thousands of placeholders cost more to
            # bind and parse than the copy itself.
            sql = f"{sql} = ANY(%s)"
            if m2m:
                # The versions just inserted, each with its many-to-many rows as they are.
                returning = ", ".join(quote(c) for c in _version_columns(model))
                parts = [f"versions AS ({sql} RETURNING {returning})"]
                parts += [f"m2m_{n} AS ({copy})" for n, copy in enumerate(m2m[:-1])]
                sql = f"WITH {', '.join(parts)} {m2m[-1]}"
            cursor.execute(sql, [*params, list(pks)])
            return
        first = _last_version(cursor, history) if m2m else None
        for start in range(0, len(pks), COPY_BATCH):
            batch = pks[start : start + COPY_BATCH]
            cursor.execute(f"{sql} IN ({', '.join(['%s'] * len(batch))})", [*params, *batch])
        if m2m:
            _copy_m2m_rows(cursor, model, versions=None, after=first)


def history_tables(model: type[models.Model]) -> list[str]:
    """The tables a version of a `model` row is written to: its history and the history of
    its many-to-many fields."""
    history = model.history.model
    kept = [HistoricalRecords.m2m_models[f] for f in getattr(history, "_history_m2m_fields", ())]
    return [history._meta.db_table, *(m2m._meta.db_table for m2m in kept)]


def _version_columns(model: type[models.Model]) -> tuple[str, str]:
    """The columns of a version's own key and of the row it is a version of."""
    history = model.history.model
    return history._meta.pk.column, history._meta.get_field(model._meta.pk.name).column


def _m2m_copies(model: type[models.Model], versions: str) -> list[str]:
    """An INSERT ... SELECT per many-to-many field the history keeps, copying the current
    rows of the through table for each version in `versions` (a table or query with the
    columns of `_version_columns`)."""
    quote = connection.ops.quote_name
    history = model.history.model
    version_pk, row_pk = _version_columns(model)
    copies = []
    for field in getattr(history, "_history_m2m_fields", ()):
        kept = HistoricalRecords.m2m_models[field]
        through = field.remote_field.through
        names = [f.name for f in through._meta.concrete_fields]
        targets = [kept._meta.get_field(name).column for name in names]
        targets.append(kept._meta.get_field("history").column)
        chosen = [f"t.{quote(through._meta.get_field(name).column)}" for name in names]
        copies.append(
            f"INSERT INTO {quote(kept._meta.db_table)} ({', '.join(quote(c) for c in targets)}) "
            f"SELECT {', '.join(chosen)}, v.{quote(version_pk)} FROM {versions} v "
            f"JOIN {quote(through._meta.db_table)} t "
            f"ON t.{quote(field.m2m_column_name())} = v.{quote(row_pk)}"
        )
    return copies


def _last_version(cursor, history: type[models.Model]) -> int:
    table = connection.ops.quote_name(history._meta.db_table)
    column = connection.ops.quote_name(history._meta.pk.column)
    cursor.execute(f"SELECT COALESCE(MAX({column}), 0) FROM {table}")
    return cursor.fetchone()[0]


def _copy_m2m_rows(cursor, model: type[models.Model], *, versions: list[int] | None, after: int):
    """The many-to-many rows of the versions inserted since version `after` (SQLite: one
    writer at a time), or on PostgreSQL of the versions numbered `versions`."""
    quote = connection.ops.quote_name
    history = model.history.model
    version_pk, row_pk = _version_columns(model)
    selected = f"SELECT {quote(version_pk)}, {quote(row_pk)} FROM {quote(history._meta.db_table)}"
    if connection.vendor == "postgresql" and versions is not None:
        condition, params = f"{quote(version_pk)} = ANY(%s)", [versions]
    else:
        condition, params = f"{quote(version_pk)} > %s", [after]
    for copy in _m2m_copies(model, f"({selected} WHERE {condition})"):
        cursor.execute(copy, params)


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
    """The fields in which two versions of one object differ, each with its words compared;
    choices by their labels, many-to-many fields (`m2m_fields`: a statement's topics) by the
    names of what they link to."""
    many = {field.name: field for field in getattr(newer, "_history_m2m_fields", ())}
    delta = newer.diff_against(older, excluded_fields=set(many))
    fields = {field.name: field for field in newer.instance_type._meta.get_fields()}
    changes = []
    for change in delta.changes:
        field = fields.get(change.field)
        changes.append(field_change(field, _shown(field, change.old), _shown(field, change.new)))
    for field in many.values():
        old, new = _linked_names(older, field), _linked_names(newer, field)
        if old != new:
            changes.append(field_change(field, old, new))
    return changes


def field_change(field, old: str, new: str) -> FieldChange:
    label = str(getattr(field, "verbose_name", ""))
    return FieldChange(label=label, old=old, new=new, pieces=word_diff(old, new))


def _shown(field, value) -> str:
    if value is None:
        return ""
    choices = dict(getattr(field, "flatchoices", None) or ())
    return str(choices.get(value, value))


def _linked_names(version, field) -> str:
    target = get_m2m_reverse_field_name(field)
    ids = getattr(version, field.name).values_list(f"{target}_id", flat=True)
    return ", ".join(
        sorted(str(obj) for obj in field.related_model._default_manager.filter(pk__in=ids))
    )


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
