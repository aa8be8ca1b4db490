"""Finding 4: two imports into the same table at the same time both found no existing rows
and both wrote them (1,500 duplicate statements), or crashed on a unique key in COPY."""

import io
import threading

import pytest
from django.db import connection

from events.models import Statement, Topic
from events.resources import StatementTable, TopicTable
from newsroom import tables
from newsroom.spreadsheets import Sheet, open_sheet
from newsroom.tables import ALREADY_STORED, IMPORT_BUSY, WHOLE_ROW, import_table
from tests.factories import make_person, make_summit

# Both runs hold their rows at this point until the other arrives or this long has passed:
# without turns both then look for existing rows before either has written.
RENDEZVOUS_SECONDS = 1.5


def rows_meeting_at_the_end(text: str, arrived: threading.Barrier) -> Sheet:
    sheet = open_sheet(stream=io.BytesIO(text.encode()))

    def rows():
        yield from sheet.rows
        try:
            arrived.wait(timeout=RENDEZVOUS_SECONDS)
        except threading.BrokenBarrierError:
            pass

    return Sheet(header=sheet.header, rows=rows())


def import_twice_at_once(table_class, text: str):
    arrived = threading.Barrier(2)
    reports, failures = [], []

    def run():
        try:
            sheet = rows_meeting_at_the_end(text, arrived)
            reports.append(import_table(table=table_class(), sheet=sheet, trusted=True))
        except Exception as error:  # the test reports it below
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    return reports


@pytest.mark.django_db(transaction=True)
def test_two_statement_imports_at_once_write_each_statement_once():
    summit = make_summit(slug="hanoi-2019")
    person = make_person(slug="donald-trump")
    text = "summit;speaker;text\n" + "".join(
        f"{summit.slug};{person.slug};Satz Nummer {n}.\n" for n in range(300)
    )
    first, second = sorted(import_twice_at_once(StatementTable, text), key=lambda r: -r.new)
    assert Statement.objects.count() == 300
    assert (first.new, first.skipped) == (300, 0)
    # The second found the first's rows, or (SQLite's in-memory test database does not wait
    # for a lock) was turned away whole: never a second copy.
    assert (second.new, second.skipped) == (0, 300) or refused_as_busy(second)


@pytest.mark.django_db(transaction=True)
def test_two_topic_imports_at_once_end_without_an_error():
    text = "slug;name\n" + "".join(f"thema-{n};Thema {n}\n" for n in range(200))
    reports = import_twice_at_once(TopicTable, text)
    assert all(report.ok or refused_as_busy(report) for report in reports)
    assert any(report.new == 200 for report in reports)
    assert Topic.objects.count() == 200


def refused_as_busy(report) -> bool:
    busy = IMPORT_BUSY.format(seconds=tables.LOCK_WAIT_SECONDS)
    return [str(error) for error in report.errors] == [busy] and report.new == 0


@pytest.mark.django_db
def test_a_unique_key_refused_by_the_database_is_a_german_row_error(monkeypatch):
    """Should rows appear between the lookup and the write (by a writer that does not take
    turns), the database's refusal, from COPY on PostgreSQL too, is reported, not raised."""
    Topic.objects.bulk_create(Topic(slug=f"thema-{n}", name=f"Thema {n}") for n in range(100))
    monkeypatch.setattr(tables.Table, "existing", lambda self, keys: {})
    sheet = open_sheet(
        stream=io.BytesIO(
            ("slug;name\n" + "".join(f"thema-{n};Neu {n}\n" for n in range(100))).encode()
        )
    )
    report = import_table(table=TopicTable(), sheet=sheet, trusted=True)
    assert not report.ok
    (error,) = report.errors
    assert (error.line, error.column) == (2, WHOLE_ROW)
    assert error.message == tables.DATABASE_REFUSED.format(
        first=2, last=101, reason=ALREADY_STORED
    )
    assert Topic.objects.filter(name__startswith="Neu").count() == 0
