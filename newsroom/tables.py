"""The column set of each model in a spreadsheet, and the one home for importing rows into a
model and exporting rows out of it.

A `Table` names its columns (the model's field names), the columns that identify a row (a
natural key, never a database id) and the checks across columns. `import_table` streams rows
through it in batches: every cell is parsed and validated in Python, references are resolved
from dictionaries loaded once, each batch costs a few queries (its existing rows, then the
inserts, as `COPY` on PostgreSQL, and `bulk_update`), and the whole import is one transaction
that is rolled back when any row is invalid or on a dry run. On PostgreSQL a batch is written
(rows, history, foreign keys checked) by a thread of its own on the same connection while the
next batch is read: the database and Python work at the same time. Once a row is invalid
nothing more is written, but every row is still checked, so one run names every bad row. The
admin (through `newsroom.importexport.TableResource`) and `import_csv` both call it, so they
accept and refuse exactly the same rows. Memory holds two batches (one read, one written), the
lookup dictionaries and, for duplicate rows, one hash per row of the file.
"""

import copy
import hashlib
import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import (
    DatabaseError,
    IntegrityError,
    OperationalError,
    connection,
    models,
    transaction,
)
from django.db.models import Q
from django.db.models.functions import MD5
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy

from newsroom.bulk import BATCH_SIZE, Writer, check_constraints, deferred_constraints, insert
from newsroom.editorial import CANNOT_PUBLISH, CANNOT_UNPUBLISH, Status, can_publish
from newsroom.history import (
    CHANGED,
    CREATED,
    SPREADSHEET_IMPORT,
    history_tables,
    record_history,
)
from newsroom.models import ImportRun
from newsroom.revisions import field_value, submit_import_revisions
from newsroom.spreadsheets import Sheet, parse_date, parse_decimal, parse_integer

ROW_ERROR = gettext_lazy("Zeile {line}, Spalte {column}: {message}")
REQUIRED = gettext_lazy("darf nicht leer sein")
MISSING_COLUMN = gettext_lazy("Pflichtspalte fehlt in der Datei")
UNKNOWN_COLUMN = gettext_lazy("unbekannte Spalte (erlaubt: {allowed})")
DUPLICATE_COLUMN = gettext_lazy("Spalte kommt zweimal vor")
EXTRA_CELLS = gettext_lazy("mehr Zellen als Spalten in der Kopfzeile")
DUPLICATE_ROW = gettext_lazy("derselbe Eintrag wie in Zeile {line}")
NOT_A_CHOICE = gettext_lazy("unbekannter Wert '{value}' (erlaubt: {allowed})")
NOT_FOUND = gettext_lazy("{noun} '{value}'")
AMBIGUOUS = gettext_lazy("'{value}' passt auf mehrere Einträge: {matches}")
DATABASE_REFUSED = gettext_lazy("die Datenbank lehnt die Zeilen {first} bis {last} ab: {reason}")
ALREADY_STORED = gettext_lazy(
    "ein Eintrag mit demselben Schlüssel ist schon gespeichert (wohl gerade von einem "
    "anderen Import angelegt); bitte den Import wiederholen"
)
IMPORT_BUSY = gettext_lazy(
    "Ein anderer Import in diese Tabelle läuft gerade und ist nach {seconds} Sekunden noch "
    "nicht fertig; nichts wurde gespeichert. Bitte später erneut importieren."
)
NOT_A_PERSON = gettext_lazy("keine Person")

# The column name used for errors about the file as a whole or a row as a whole.
WHOLE_ROW = "*"

# How long an import waits for another import into the same table to finish.
LOCK_WAIT_SECONDS = 20
# pg_advisory_xact_lock(namespace, key): the namespace keeps our keys apart from others'.
LOCK_NAMESPACE = 0x6E72  # "nr"
MAX_REPORTED_ERRORS = 1000


class PendingReference(Exception):
    """A cell names a row queued earlier in this import but not yet written."""


@dataclass(frozen=True, order=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        if not self.line:  # about the import as a whole
            return self.message
        return str(ROW_ERROR).format(line=self.line, column=self.column, message=self.message)


@dataclass(frozen=True)
class RowOutcome:
    line: int
    kind: str  # "new", "update" or "skip"
    instance: models.Model
    cells: tuple[Any, ...]


@dataclass
class ImportReport:
    new: int = 0
    updated: int = 0
    skipped: int = 0
    invalid: int = 0
    # Changes to published rows by someone who may not publish: pending revisions for the
    # Chefredaktion (newsroom.revisions), not written to the rows.
    for_review: int = 0
    errors: list[RowError] = field(default_factory=list)
    # Worth a look, but no reason to refuse the row (a possible duplicate).
    notes: list[RowError] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.invalid and not self.errors

    @property
    def total(self) -> int:
        return self.new + self.updated + self.skipped + self.invalid + self.for_review


def _is_blank(cell: Any) -> bool:
    return cell is None or (cell.__class__ is str and (not cell or cell.isspace()))


def _as_text(cell: Any) -> str:
    if cell.__class__ is str:
        return cell.strip()
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()


def _messages(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return str(error)


# Columns ----------------------------------------------------------------------------------


class Column:
    """One spreadsheet column, named like the model field it fills."""

    def __init__(self, name: str, *, required: bool = False):
        self.name = name
        self.required = required

    def bind(self, model: type[models.Model]) -> None:
        self.model_field = model._meta.get_field(self.name)
        self.attname = getattr(self.model_field, "attname", self.name)
        field = self.model_field
        if field.has_default() and not callable(field.default):
            self._blank = field.get_default()
        else:
            self._blank = None if field.null else ""

    @property
    def blank(self) -> Any:
        """What an empty cell means: the field's default, else NULL or the empty string."""
        if self.model_field.has_default() and callable(self.model_field.default):
            return self.model_field.get_default()
        return self._blank

    @property
    def default(self) -> Any:
        return self.model_field.get_default()

    def parse(self, cell: Any, *, values: dict[str, Any]) -> Any:
        value = _as_text(cell)
        self.model_field.run_validators(value)
        return value

    def current(self, instance: models.Model) -> Any:
        return getattr(instance, self.attname)

    def assign(self, instance: models.Model, value: Any) -> None:
        # Straight into the instance dict: the import never reads related objects through
        # it, and skipping the descriptors counts at 100,000 rows.
        instance.__dict__[self.attname] = value

    def export(self, instance: models.Model) -> Any:
        return getattr(instance, self.attname)


class DateColumn(Column):
    # A file names few distinct dates: each is parsed once (up to this many kept).
    KEPT = 10_000

    def bind(self, model):
        super().bind(model)
        self.parsed: dict[str, Any] = {}

    def parse(self, cell, *, values):
        if cell.__class__ is not str:
            return parse_date(cell)
        try:
            return self.parsed[cell]
        except KeyError:
            value = parse_date(cell)
            if len(self.parsed) < self.KEPT:
                self.parsed[cell] = value
            return value


class IntegerColumn(Column):
    def parse(self, cell, *, values):
        value = parse_integer(cell)
        self.model_field.run_validators(value)
        return value


class DecimalColumn(Column):
    def parse(self, cell, *, values):
        value = parse_decimal(cell)
        self.model_field.run_validators(value)
        return value


class ChoiceColumn(Column):
    """Takes the stored value (`published`) or the label editors see (`Veröffentlicht`)."""

    def bind(self, model):
        super().bind(model)
        self.lookup = {}
        for value, label in self.model_field.choices:
            self.lookup[str(value).casefold()] = value
            self.lookup[str(label).casefold()] = value

    def parse(self, cell, *, values):
        text = _as_text(cell)
        try:
            return self.lookup[text.casefold()]
        except KeyError:
            allowed = ", ".join(str(value) for value, _ in self.model_field.choices)
            raise ValueError(NOT_A_CHOICE.format(value=text, allowed=allowed)) from None


class LinesColumn(Column):
    """A text field holding one entry per line; the cell separates them by lines or `|`."""

    def parse(self, cell, *, values):
        return "\n".join(self.split(_as_text(cell)))

    @staticmethod
    def split(text: str) -> list[str]:
        return [part.strip() for part in text.replace("|", "\n").splitlines() if part.strip()]

    def current(self, instance):
        return "\n".join(self.split(getattr(instance, self.attname)))

    def export(self, instance):
        return " | ".join(self.split(getattr(instance, self.attname)))


class Resolver:
    """Natural key -> primary key for one model, loaded with one query when first needed."""

    def __init__(self, model: type[models.Model], *, noun: str, field: str = "slug"):
        self.model = model
        self.noun = noun
        self.field = field
        self._cache: dict[Any, int] | None = None
        self.pending: set[Any] = set()

    @property
    def cache(self) -> dict[Any, int]:
        if self._cache is None:
            self._cache = dict(self.model.objects.values_list(self.field, "pk"))
        return self._cache

    def add(self, key: Any, pk: int) -> None:
        self.cache[key] = pk
        self.pending.discard(key)

    def resolve(self, text: str) -> int:
        try:
            return self.cache[text]
        except KeyError:
            if text in self.pending:
                raise PendingReference(text) from None
            raise ValueError(NOT_FOUND.format(noun=self.noun, value=text)) from None


class PersonResolver(Resolver):
    """A person by slug, else by exact name or alias; ambiguous when two people match."""

    def __init__(self, model):
        super().__init__(model, noun=NOT_A_PERSON)
        self._names: dict[str, set[int]] | None = None

    @property
    def names(self) -> dict[str, set[int]]:
        if self._names is None:
            self._names = {}
            for pk, name, aliases in self.model.objects.values_list("pk", "name", "aliases"):
                for alias in [name, *aliases.splitlines()]:
                    if alias.strip():
                        self._names.setdefault(alias.strip(), set()).add(pk)
        return self._names

    def resolve(self, text):
        if text in self.cache:
            return self.cache[text]
        matches = self.names.get(text, set())
        if len(matches) == 1:
            return next(iter(matches))
        if matches:
            slugs = sorted(slug for slug, pk in self.cache.items() if pk in matches)
            raise ValueError(AMBIGUOUS.format(value=text, matches=", ".join(slugs)))
        raise ValueError(NOT_FOUND.format(noun=self.noun, value=text))


class RefColumn(Column):
    """A foreign key written as the natural key of the row it points to (its slug)."""

    def __init__(self, name: str, *, resolver: Callable[[], Resolver], **kwargs):
        super().__init__(name, **kwargs)
        self.make_resolver = resolver

    def start(self) -> None:
        self.resolver = self.make_resolver()

    @property
    def blank(self):
        return None

    def parse(self, cell, *, values):
        return self.resolver.resolve(_as_text(cell))

    def export(self, instance):
        related = getattr(instance, self.name)
        return None if related is None else getattr(related, self.resolver.field)


class ManyColumn(Column):
    """A many-to-many field written as a list of slugs: `sanktionen, denuklearisierung`."""

    def __init__(self, name: str, *, resolver: Callable[[], Resolver], **kwargs):
        super().__init__(name, **kwargs)
        self.make_resolver = resolver

    def bind(self, model):
        super().bind(model)
        self.through = self.model_field.remote_field.through
        self.source_attname = f"{self.model_field.m2m_field_name()}_id"
        self.target_attname = f"{self.model_field.m2m_reverse_field_name()}_id"
        self.cache_name = f"_table_{self.name}"

    def start(self):
        self.resolver = self.make_resolver()

    @property
    def blank(self):
        return frozenset()

    @property
    def default(self):
        return frozenset()

    def parse(self, cell, *, values):
        slugs = [part.strip() for part in _as_text(cell).replace("|", ",").split(",")]
        errors, pks = [], set()
        for slug in filter(None, slugs):
            try:
                pks.add(self.resolver.resolve(slug))
            except ValueError as error:
                errors.append(str(error))
        if errors:
            raise ValueError("; ".join(errors))
        return frozenset(pks)

    def load(self, instances: Sequence[models.Model]) -> None:
        """Attach the current set of each instance with one query for the whole batch."""
        current: dict[int, set[int]] = {instance.pk: set() for instance in instances}
        pairs = self.through.objects.filter(**{f"{self.source_attname}__in": list(current)})
        for source, target in pairs.values_list(self.source_attname, self.target_attname):
            current[source].add(target)
        for instance in instances:
            setattr(instance, self.cache_name, frozenset(current[instance.pk]))

    def current(self, instance):
        return getattr(instance, self.cache_name, frozenset())

    def assign(self, instance, value):
        setattr(instance, self.cache_name, value)

    def export(self, instance):
        related = getattr(instance, self.name).all()
        return ", ".join(sorted(getattr(item, self.resolver.field) for item in related))

    def clear(self, instances: Sequence[models.Model]) -> None:
        """Remove the stored sets of `instances`, before `write` puts their new ones."""
        if instances:
            pks = [instance.pk for instance in instances]
            self.through.objects.filter(**{f"{self.source_attname}__in": pks}).delete()

    def write(self, instances: Sequence[models.Model]) -> None:
        pairs = [
            (instance.pk, target)
            for instance in instances
            for target in sorted(self.current(instance))
        ]
        if not pairs:
            return
        if connection.vendor == "postgresql":
            table = connection.ops.quote_name(self.through._meta.db_table)
            columns = ", ".join(
                connection.ops.quote_name(self.through._meta.get_field(name).column)
                for name in (self.source_attname, self.target_attname)
            )
            # psycopg's own cursor: its errors become Django's, as for every other query.
            with connection.cursor() as cursor, connection.wrap_database_errors:
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for pair in pairs:
                        copy.write_row(pair)
            return
        self.through.objects.bulk_create(
            [
                self.through(**{self.source_attname: source, self.target_attname: target})
                for source, target in pairs
            ],
            batch_size=BATCH_SIZE,
        )


# Tables -----------------------------------------------------------------------------------


class Table:
    """The spreadsheet shape of one model. Instantiate one per import: it holds the caches."""

    model: type[models.Model]
    columns: Sequence[Column]
    key: Sequence[str]
    select_related: Sequence[str] = ()
    prefetch_related: Sequence[str] = ()
    # Look rows up by a hash of their key held in memory (see `key_index`).
    indexed_in_memory = False
    # Export order, when rows must come after the rows they name (a summit's `previous`).
    export_ordering: Sequence[str] = ()

    def __init__(self):
        # Columns hold per-import caches, so each table gets its own copies.
        self.columns = [copy.copy(column) for column in type(self).columns]
        self.by_name = {column.name: column for column in self.columns}
        for column in self.columns:
            column.bind(self.model)
            if hasattr(column, "make_resolver"):
                column.start()
        self.key_columns = [self.by_name[name] for name in self.key]

    @classmethod
    def header(cls) -> list[str]:
        return [column.name for column in cls.columns]

    @cached_property
    def editorial(self) -> bool:
        return "status" in self.by_name and "published_at" in {
            f.name for f in self.model._meta.get_fields()
        }

    def check(
        self, values: dict[str, Any], existing: models.Model | None
    ) -> Iterable[tuple[str, str]]:
        """Checks across columns; yields (column, message). `value()` fills in absent columns."""
        return ()

    def value(self, name: str, values: dict[str, Any], existing: models.Model | None) -> Any:
        if name in values:
            return values[name]
        column = self.by_name[name]
        return column.current(existing) if existing is not None else column.default

    def queued(self, values: dict[str, Any]) -> None:
        """A valid row is waiting for the next write: tables whose rows refer to each other
        (a summit's `previous`) mark its key as pending here."""

    def written(self, instances: Sequence[models.Model]) -> None:
        """New rows have their primary keys."""

    def notes(self, new: Sequence[tuple[int, dict[str, Any]]]) -> Iterable[RowError]:
        """Remarks on rows a dry run would create, (line, values) each, a batch at a time."""
        return ()

    def prepare(self, instance: models.Model) -> Iterable[str]:
        """Fill fields the spreadsheet does not carry, just before a new or changed row is
        saved; returns the names of the fields it set."""
        return ()

    @cached_property
    def history(self) -> bool:
        return hasattr(self.model, "history")

    @cached_property
    def db_tables(self) -> list[str]:
        """The tables an import writes to: the model's, its many-to-many ones, their history."""
        tables = [self.model._meta.db_table]
        tables += [c.through._meta.db_table for c in self.columns if isinstance(c, ManyColumn)]
        return [*tables, *(history_tables(self.model) if self.history else [])]

    @cached_property
    def timestamped(self) -> bool:
        return any(f.name == "updated_at" for f in self.model._meta.concrete_fields)

    def key_of(self, values: dict[str, Any]) -> tuple:
        return tuple(values[column.name] for column in self.key_columns)

    def key_of_instance(self, instance: models.Model) -> tuple:
        return tuple(column.current(instance) for column in self.key_columns)

    @cached_property
    def defaults(self) -> tuple[dict[str, Any], list[models.Field]]:
        fields = [f for f in self.model._meta.concrete_fields if not f.primary_key]
        computed = [f for f in fields if f.has_default() and callable(f.default)]
        constant = {f.attname: f.get_default() for f in fields if f not in computed}
        return constant, computed

    def new_instance(self) -> models.Model:
        """What `Model()` makes, without its per-field work (it counts at 100,000 rows)."""
        constant, computed = self.defaults
        instance = self.model.__new__(self.model)
        instance._state = models.base.ModelState()
        instance.__dict__.update(constant)
        for model_field in computed:
            instance.__dict__[model_field.attname] = model_field.get_default()
        instance.__dict__[self.model._meta.pk.attname] = None
        return instance

    def key_hash(self, key: tuple) -> int:
        return hash(
            tuple(
                hashlib.md5(part.encode()).hexdigest() if isinstance(part, str) else part
                for part in key
            )
        )

    @cached_property
    def key_index(self) -> dict[int, int]:
        """Key hash -> primary key of every stored row, read once, for tables whose key has
        no database index to look it up by (a statement's text)."""
        parts = [
            MD5(column.attname)
            if isinstance(column.model_field, models.TextField)
            else column.attname
            for column in self.key_columns
        ]
        rows = self.model.objects.values_list(*parts, "pk").iterator(chunk_size=5000)
        return {hash(tuple(row[:-1])): row[-1] for row in rows}

    def existing(self, keys: Iterable[tuple]) -> dict[tuple, models.Model]:
        keys = list(keys)
        if not keys:
            return {}
        if self.indexed_in_memory:
            pks = [self.key_index.get(self.key_hash(key)) for key in keys]
            instances = list(self.model.objects.filter(pk__in=[pk for pk in pks if pk]))
            return self.matching(instances, keys)
        condition = Q()
        for index, column in enumerate(self.key_columns):
            values = {key[index] for key in keys}
            part = Q(**{f"{column.attname}__in": [value for value in values if value is not None]})
            if None in values:
                part |= Q(**{f"{column.attname}__isnull": True})
            condition &= part
        return self.matching(list(self.model.objects.filter(condition)), keys)

    def load_many(self, instances: list[models.Model]) -> None:
        """Attach the current many-to-many sets of `instances` (a query per such column)."""
        for column in self.columns:
            if isinstance(column, ManyColumn):
                column.load(instances)

    def matching(
        self, instances: list[models.Model], keys: list[tuple]
    ) -> dict[tuple, models.Model]:
        self.load_many(instances)
        wanted = set(keys)
        found = {self.key_of_instance(instance): instance for instance in instances}
        return {key: instance for key, instance in found.items() if key in wanted}

    def export_queryset(self, queryset: models.QuerySet | None = None) -> models.QuerySet:
        queryset = self.model.objects.all() if queryset is None else queryset
        if self.export_ordering:
            queryset = queryset.order_by(*self.export_ordering)
        return queryset.select_related(*self.select_related).prefetch_related(
            *self.prefetch_related
        )

    def export_rows(self, queryset: models.QuerySet | None = None) -> Iterator[list[Any]]:
        """Rows of native values (str, int, float, date, None) in `header` order, streamed."""
        for instance in self.export_queryset(queryset).iterator(chunk_size=2000):
            yield [column.export(instance) for column in self.columns]


@dataclass
class _Queued:
    line: int
    values: dict[str, Any]
    cells: tuple[Any, ...]
    key: tuple


def revision_values(table: Table, instance: models.Model, names: Sequence[str]) -> dict:
    """The values of the columns `names` of `instance` as a revision keeps them."""
    values = {}
    for name in names:
        column = table.by_name[name]
        if isinstance(column, ManyColumn):
            values[column.model_field.name] = sorted(column.current(instance))
        else:
            values[column.model_field.name] = field_value(column.model_field, instance)
    return values


class _Import:
    """The state of one run of `import_table`."""

    def __init__(
        self,
        *,
        table: Table,
        user,
        trusted: bool,
        dry_run: bool,
        keep_outcomes: int,
        progress,
        file_name: str,
    ):
        self.table = table
        self.user = user
        self.reason = SPREADSHEET_IMPORT.format(file=file_name)
        self.report = ImportReport(dry_run=dry_run)
        self.keep_outcomes = keep_outcomes
        self.progress = progress
        self.batch: list[_Queued] = []
        self.seen: dict[int, int] = {}
        self.rows_read = 0
        self.writer = Writer()
        # The new rows and the lines of the batch being written (see `settle`).
        self.in_flight: tuple[list[models.Model], tuple[int, int]] | None = None
        self.may_publish = (
            trusted or not table.editorial or (user is not None and can_publish(user, table.model))
        )

    @property
    def writing(self) -> bool:
        return self.report.invalid == 0 and not self.report.errors

    def fail(self, line: int, column: str, message: str) -> None:
        if len(self.report.errors) < MAX_REPORTED_ERRORS:
            self.report.errors.append(RowError(line=line, column=column, message=message))

    def check_header(self, header: Sequence[str]) -> list[Column | None]:
        allowed = ", ".join(self.table.header())
        columns: list[Column | None] = []
        named: set[str] = set()
        for label in header:
            # Field names are lower case; "Slug" typed by hand means the same.
            name = label.lower()
            if not name:
                columns.append(None)
            elif name in named:
                self.fail(1, name, str(DUPLICATE_COLUMN))
                columns.append(None)
            elif name not in self.table.by_name:
                self.fail(1, label, str(UNKNOWN_COLUMN).format(allowed=allowed))
                columns.append(None)
            else:
                columns.append(self.table.by_name[name])
                named.add(name)
        # Other required columns may be left out of files that only update rows.
        present = {column.name for column in columns if column}
        for column in self.table.key_columns:
            if column.name not in present and column.required:
                self.fail(1, column.name, str(MISSING_COLUMN))
        # An optional part of the key left out of the file is blank (a statement's speaker).
        self.absent_key = [c for c in self.table.key_columns if c.name not in present]
        # Cells are parsed in the table's column order, whatever the file's: a column may
        # read the columns before it (a statement's delegation reads its summit).
        position = {column.name: index for index, column in enumerate(self.table.columns)}
        self.parse_order = sorted(
            (index for index, column in enumerate(columns) if column is not None),
            key=lambda index: position[columns[index].name],
        )
        return columns

    def run(self, sheet: Sheet) -> None:
        columns = self.check_header(sheet.header)
        if not self.report.errors:
            try:
                for line, cells in sheet.rows:
                    self.add(line, cells, columns)
                self.flush()
                self.settle()
            finally:
                self.writer.close()
        # By line, then in the order of the file's columns.
        position = {name.lower(): index for index, name in enumerate(sheet.header)}
        self.report.errors.sort(key=lambda error: (error.line, position.get(error.column, -1)))

    def parse(self, line: int, cells: tuple[Any, ...], columns: list[Column | None]):
        values: dict[str, Any] = {column.name: column.blank for column in self.absent_key}
        errors: list[tuple[str, str]] = []
        if len(cells) > len(columns) and any(not _is_blank(c) for c in cells[len(columns) :]):
            errors.append((WHOLE_ROW, str(EXTRA_CELLS)))
        for index in self.parse_order:
            column = columns[index]
            cell = cells[index] if index < len(cells) else None
            if _is_blank(cell):
                if column.required:
                    errors.append((column.name, str(REQUIRED)))
                else:
                    values[column.name] = column.blank
                continue
            try:
                values[column.name] = column.parse(cell, values=values)
            except PendingReference:
                if self.writing:
                    raise
                values[column.name] = None
            except (ValueError, ValidationError) as error:
                errors.append((column.name, _messages(error)))
        return values, errors

    def add(self, line: int, cells: tuple[Any, ...], columns: list[Column | None]) -> None:
        self.rows_read += 1
        try:
            values, errors = self.parse(line, cells, columns)
        except PendingReference:
            self.flush()
            self.settle()
            values, errors = self.parse(line, cells, columns)
        key = None
        if not errors:
            key = self.table.key_of(values)
            earlier = self.seen.setdefault(hash(key), line)
            if earlier != line:
                errors.append((WHOLE_ROW, str(DUPLICATE_ROW).format(line=earlier)))
        if errors:
            self.report.invalid += 1
            for column, message in errors:
                self.fail(line, column, message)
            return
        self.batch.append(_Queued(line=line, values=values, cells=cells, key=key))
        self.table.queued(values)
        if len(self.batch) >= BATCH_SIZE:
            self.flush()

    def publishing_error(self, values: dict[str, Any], existing: models.Model | None):
        if self.may_publish or "status" not in values:
            return None
        status = values["status"]
        if existing is None:
            return CANNOT_PUBLISH if status == Status.PUBLISHED else None
        if existing.status == status:
            return None
        if status == Status.PUBLISHED:
            return CANNOT_PUBLISH
        return CANNOT_UNPUBLISH if existing.status == Status.PUBLISHED else None

    def flush(self) -> None:
        self.settle()
        batch, self.batch = self.batch, []
        if not batch:
            return
        table = self.table
        existing = table.existing(queued.key for queued in batch)
        new, changed, review, outcomes, kept = [], [], [], [], []
        for queued in batch:
            instance = existing.get(queued.key)
            errors = list(table.check(queued.values, instance))
            if instance is None:
                errors.extend(
                    (column.name, str(MISSING_COLUMN))
                    for column in table.columns
                    if column.required and column.name not in queued.values
                )
            if message := self.publishing_error(queued.values, instance):
                errors.append(("status", str(message)))
            if errors:
                self.report.invalid += 1
                for column, message in errors:
                    self.fail(queued.line, column, str(message))
                continue
            if instance is None:
                instance = table.new_instance()
                for name, value in queued.values.items():
                    table.by_name[name].assign(instance, value)
                table.prepare(instance)
                new.append(instance)
                kind = "new"
            else:
                fields = [
                    name
                    for name, value in queued.values.items()
                    if table.by_name[name].current(instance) != value
                ]
                if fields and self.needs_review(instance):
                    # Four eyes: the live row stays as it is; the change waits as a revision.
                    base = revision_values(table, instance, fields)
                    for name in fields:
                        table.by_name[name].assign(instance, queued.values[name])
                    review.append((instance, base, revision_values(table, instance, fields)))
                    kind = "review"
                elif fields:
                    for name in fields:
                        table.by_name[name].assign(instance, queued.values[name])
                    fields.extend(table.prepare(instance))
                    changed.append((instance, fields))
                    kind = "update"
                else:
                    kind = "skip"
            outcomes.append(
                RowOutcome(line=queued.line, kind=kind, instance=instance, cells=queued.cells)
            )
            kept.append(queued.values)
        created = [
            (o.line, values) for o, values in zip(outcomes, kept, strict=True) if o.kind == "new"
        ]
        # Notes are for the preview (a dry run), where the editor decides; the import itself
        # then runs at full speed.
        if created and self.report.dry_run and len(self.report.notes) < MAX_REPORTED_ERRORS:
            self.report.notes.extend(table.notes(created))
        if self.writing:
            self.writer.submit(self.write, new, changed, review)
            self.in_flight = (new, (batch[0].line, batch[-1].line))
        for outcome in outcomes:
            if outcome.kind == "new":
                self.report.new += 1
            elif outcome.kind == "update":
                self.report.updated += 1
            elif outcome.kind == "review":
                self.report.for_review += 1
            else:
                self.report.skipped += 1
        room = self.keep_outcomes - len(self.report.outcomes)
        if room > 0:
            changes = (outcome for outcome in outcomes if outcome.kind != "skip")
            self.report.outcomes.extend(itertools.islice(changes, room))
        if self.progress:
            self.progress(self.rows_read)

    def needs_review(self, instance: models.Model) -> bool:
        return (
            self.table.editorial and not self.may_publish and instance.status == Status.PUBLISHED
        )

    def write(self, new, changed, review=()) -> DatabaseError | None:
        """One batch: `new` instances to insert, `changed` (instance, changed columns) pairs,
        `review` (instance, live values, proposed values) for pending revisions; runs in the
        writer's thread on PostgreSQL (it reports nothing itself: see `settle`). Returns the
        database's refusal of the batch, which is then undone as a whole."""
        table = self.table
        now = timezone.now()
        update_fields = set()
        for _instance, names in changed:
            for name in names:
                column = table.by_name.get(name)
                if column is None:
                    update_fields.add(name)
                elif not isinstance(column, ManyColumn):
                    update_fields.add(column.attname)
        for instance in [*new, *(instance for instance, _ in changed)]:
            if table.editorial and instance.is_published and instance.published_at is None:
                instance.published_at = now
                update_fields.add("published_at")
        if update_fields and table.timestamped:
            update_fields.add("updated_at")
            for instance, _ in changed:
                instance.updated_at = now
        try:
            with transaction.atomic():
                insert(table.model, new)
                if update_fields:
                    table.model.objects.bulk_update(
                        [instance for instance, _ in changed],
                        sorted(update_fields),
                        batch_size=BATCH_SIZE,
                    )
                for column in table.columns:
                    if isinstance(column, ManyColumn):
                        replaced = [i for i, names in changed if column.name in names]
                        column.clear(replaced)
                        column.write([*new, *replaced])
                if table.history:
                    record_history(
                        table.model, new, kind=CREATED, user=self.user, reason=self.reason
                    )
                    record_history(
                        table.model,
                        [instance for instance, _ in changed],
                        kind=CHANGED,
                        user=self.user,
                        reason=self.reason,
                    )
                if review:
                    submit_import_revisions(table.model, review, user=self.user)
                # Foreign keys checked batch by batch, here, rather than all at the commit.
                check_constraints(self.constraints)
        except DatabaseError as error:
            return error
        return None

    @cached_property
    def constraints(self) -> list[str]:
        return deferred_constraints(self.table.db_tables)

    def settle(self) -> None:
        """Wait for the batch being written: kept, or (undone) its lines named."""
        if self.in_flight is None:
            return
        (new, lines), self.in_flight = self.in_flight, None
        error = self.writer.wait()
        if error is None:
            self.table.written(new)
            return
        self.report.invalid += 1
        reason = (
            str(ALREADY_STORED)
            if isinstance(error, IntegrityError) and _is_unique_violation(error)
            else str(error).strip().splitlines()[0]
        )
        self.fail(
            lines[0],
            WHOLE_ROW,
            str(DATABASE_REFUSED).format(first=lines[0], last=lines[1], reason=reason),
        )


def import_table(
    *,
    table: Table,
    sheet: Sheet,
    user=None,
    trusted: bool = False,
    dry_run: bool = False,
    keep_outcomes: int = 0,
    progress: Callable[[int], None] | None = None,
    file_name: str = "",
    via: str = "command",
) -> ImportReport:
    """Import every row of `sheet` into `table`, or nothing: a single invalid row (or a dry
    run) rolls the whole import back.

    Publishing a row, or changing the status of a published one, needs `user` to hold the
    publish permission, or `trusted`: the command line and the demo loader pass it, as an
    operator at the server. Without either, no row may be published.

    `keep_outcomes`: how many new or changed rows the report keeps, with their instances and
    cells, for a preview; the counts cover every row.

    Every row written gets a version in its history (by `user`, None for the system, with the
    file's name as the reason), and an import that wrote is an `ImportRun`."""
    run = _Import(
        table=table,
        user=user,
        trusted=trusted,
        dry_run=dry_run,
        keep_outcomes=keep_outcomes,
        progress=progress,
        file_name=file_name,
    )
    try:
        with transaction.atomic():
            take_turn(table.model, wait_seconds=LOCK_WAIT_SECONDS)
            run.run(sheet)
            if dry_run or not run.report.ok:
                transaction.set_rollback(True)
            elif run.report.new or run.report.updated or run.report.for_review:
                ImportRun.record(
                    model=table.model,
                    file_name=file_name,
                    user=user,
                    via=via,
                    new=run.report.new,
                    updated=run.report.updated,
                    skipped=run.report.skipped,
                )
    except (ImportBusy, OperationalError) as error:
        # SQLite says "database is locked" when another import held its write lock too long.
        if isinstance(error, OperationalError) and "locked" not in str(error):
            raise
        busy = str(IMPORT_BUSY).format(seconds=LOCK_WAIT_SECONDS)
        run.report.errors.append(RowError(line=0, column=WHOLE_ROW, message=busy))
    return run.report


class ImportBusy(Exception):
    """Another import into the same table did not finish in time."""


def take_turn(model: type[models.Model], *, wait_seconds: float) -> None:
    """Make imports into `model` take turns, so that two at once write what one would: call
    it first thing inside the import's transaction; the turn ends with the transaction.

    PostgreSQL: a transaction-level advisory lock per table, tried until `wait_seconds` have
    passed. SQLite: every writing transaction begins by taking the database's write lock
    (`transaction_mode` IMMEDIATE in settings), waiting up to the connection's timeout."""
    if connection.vendor != "postgresql":
        return
    key = model._meta.db_table
    deadline = time.monotonic() + wait_seconds
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                "SELECT pg_try_advisory_xact_lock(%s, hashtext(%s))", [LOCK_NAMESPACE, key]
            )
            if cursor.fetchone()[0]:
                return
            if time.monotonic() >= deadline:
                raise ImportBusy(key)
            time.sleep(0.1)


def _is_unique_violation(error: IntegrityError) -> bool:
    cause = error.__cause__
    # psycopg: SQLSTATE 23505; SQLite: "UNIQUE constraint failed".
    return getattr(cause, "sqlstate", None) == "23505" or "UNIQUE constraint" in str(error)
