"""Writing many rows at once, fast: the spreadsheet import and the history it records."""

import operator
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from typing import Any

from django.db import connection, connections, models
from django.utils import timezone

# Below this many rows a plain bulk_create is as fast as COPY.
COPY_THRESHOLD = 50
BATCH_SIZE = 1000


def insert(model: type[models.Model], instances: Sequence[models.Model]) -> None:
    """`bulk_create`, but on PostgreSQL a `COPY` into the table with primary keys drawn from
    its sequence first: several times faster for the thousands of rows of a batch."""
    if connection.vendor != "postgresql" or len(instances) < COPY_THRESHOLD:
        model.objects.bulk_create(instances, batch_size=BATCH_SIZE)
        return
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not getattr(f, "generated", False)]
    now = timezone.now()
    for f in fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            for instance in instances:
                setattr(instance, f.attname, now)
    values_of = operator.attrgetter(*(f.attname for f in fields))
    json_fields = [(i, f) for i, f in enumerate(fields) if isinstance(f, models.JSONField)]
    table = connection.ops.quote_name(meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(instances)],
        )
        for instance, (pk,) in zip(instances, cursor.fetchall(), strict=True):
            instance.pk = pk
        with (
            connection.wrap_database_errors,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for instance in instances:
                row = values_of(instance)
                if json_fields:
                    row = list(row)
                    for index, f in json_fields:
                        row[index] = f.get_db_prep_save(row[index], connection)
                copy.write_row(row)
    for instance in instances:
        instance._state.adding = False
        instance._state.db = connection.alias


class Writer:
    """Runs one write at a time in a thread of its own, on the caller's connection (so in
    its transaction), while the caller goes on: PostgreSQL takes in one batch while Python
    reads the next. On SQLite (in this process, and under the GIL either way) a write runs at
    once. The caller must not write, nor read what is being written, until `wait()`."""

    def __init__(self):
        self._pool: ThreadPoolExecutor | None = None
        self._pending: Future | None = None

    def submit(self, write: Callable[..., Any], *args: Any) -> None:
        if self._pending is not None:
            raise RuntimeError("wait() for the write in flight first")
        if connection.vendor != "postgresql":
            self._pending = Future()
            self._pending.set_result(write(*args))
            return
        if self._pool is None:
            shared = connections[connection.alias]
            shared.inc_thread_sharing()
            self._pool = ThreadPoolExecutor(
                max_workers=1, initializer=_use_connection, initargs=(shared,)
            )
        self._pending = self._pool.submit(write, *args)

    def wait(self) -> Any:
        """What the write submitted last returned (None if none); what it raised is raised."""
        pending, self._pending = self._pending, None
        return None if pending is None else pending.result()

    def close(self) -> None:
        """Let the write in flight end, whatever it does, and the thread with it."""
        pending, self._pending = self._pending, None
        if pending is not None:
            futures_wait([pending])
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
            connections[connection.alias].dec_thread_sharing()


def _use_connection(shared) -> None:
    connections[shared.alias] = shared


def check_constraints(names: Sequence[str]) -> None:
    """Check now what the statements so far left to the commit for the constraints `names`
    (see `deferred_constraints`): the writer's thread does it batch by batch while Python
    reads the next one, instead of all at the commit, and a violation is the batch's."""
    if not names:
        return
    listed = ", ".join(names)
    with connection.cursor() as cursor:
        # Retroactive: IMMEDIATE checks what is pending; DEFERRED is their own mode again.
        cursor.execute(f"SET CONSTRAINTS {listed} IMMEDIATE")
        cursor.execute(f"SET CONSTRAINTS {listed} DEFERRED")


def deferred_constraints(tables: Iterable[str]) -> list[str]:
    """The constraints on `tables` that PostgreSQL checks at the commit (Django's foreign
    keys, DEFERRABLE INITIALLY DEFERRED), as names for SET CONSTRAINTS; none elsewhere."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT format('%%I.%%I', n.nspname, c.conname) FROM pg_constraint c "
            "JOIN pg_namespace n ON n.oid = c.connamespace "
            "WHERE c.condeferrable AND c.condeferred "
            "AND c.conrelid IN (SELECT to_regclass(t) FROM unnest(%s::text[]) t) "
            "ORDER BY 1",
            [list(tables)],
        )
        return [name for (name,) in cursor.fetchall()]
