"""The import pipeline itself, through the summit and statement tables."""

import io
from datetime import date

import pytest
from django.db import connection

from events.models import Statement, Summit
from events.resources import StatementTable, SummitTable
from newsroom import bulk, tables
from newsroom.editorial import CANNOT_PUBLISH, CANNOT_UNPUBLISH, Status
from newsroom.spreadsheets import INVALID_DATE, open_sheet
from newsroom.tables import (
    DUPLICATE_ROW,
    MISSING_COLUMN,
    NOT_FOUND,
    REQUIRED,
    UNKNOWN_COLUMN,
    WHOLE_ROW,
    RowError,
    import_table,
)
from tests.factories import make_person, make_summit, make_topic

pytestmark = pytest.mark.django_db

SUMMITS = (
    "slug;title;starts_on;ends_on;city;country;previous;status\n"
    "singapur-2018;Gipfel in Singapur;12.06.2018;12.06.2018;Singapur;SG;;draft\n"
    "hanoi-2019;Gipfel in Hanoi;27.02.2019;28.02.2019;Hanoi;VN;singapur-2018;draft\n"
)


def run(table, text: str, *, encoding="utf-8", **kwargs):
    sheet = open_sheet(stream=io.BytesIO(text.encode(encoding)))
    return import_table(table=table(), sheet=sheet, **kwargs)


def test_a_row_may_name_a_summit_from_an_earlier_row_of_the_same_file():
    report = run(SummitTable, SUMMITS)
    assert (report.new, report.invalid) == (2, 0)
    assert Summit.objects.get(slug="hanoi-2019").previous.slug == "singapur-2018"


def test_one_bad_row_writes_nothing_and_every_bad_row_is_named():
    make_summit(slug="hanoi-2019")
    text = (
        "summit;speaker;text;said_on\n"
        "hanoi-2019;;Wir reden weiter.;28.02.2019\n"
        "hanoi-2020;;Gute Gespräche.;28.02.2019\n"
        "hanoi-2019;;Kein Datum.;31.02.2019\n"
        "hanoi-2019;;;28.02.2019\n"
        "hanoi-2019;;Auch gut.;28.02.2019\n"
    )
    report = run(StatementTable, text)
    assert report.invalid == 3
    assert report.errors == [
        RowError(3, "summit", NOT_FOUND.format(noun="kein Gipfel", value="hanoi-2020")),
        RowError(4, "said_on", INVALID_DATE.format(value="31.02.2019")),
        RowError(5, "text", REQUIRED),
    ]
    assert str(report.errors[0]) == "Zeile 3, Spalte summit: kein Gipfel 'hanoi-2020'"
    assert not Statement.objects.exists()


def test_importing_the_same_rows_twice_changes_nothing_the_second_time():
    run(SummitTable, SUMMITS)
    before = list(Summit.objects.values_list("slug", "updated_at", "previous_id"))
    report = run(SummitTable, SUMMITS)
    assert (report.new, report.updated, report.skipped) == (0, 0, 2)
    assert list(Summit.objects.values_list("slug", "updated_at", "previous_id")) == before


def test_only_the_edited_row_is_updated():
    run(SummitTable, SUMMITS)
    report = run(SummitTable, SUMMITS.replace("Gipfel in Hanoi", "Treffen in Hanoi"))
    assert (report.new, report.updated, report.skipped) == (0, 1, 1)
    assert Summit.objects.get(slug="hanoi-2019").title == "Treffen in Hanoi"


def test_dry_run_counts_but_writes_nothing():
    report = run(SummitTable, SUMMITS, dry_run=True)
    assert (report.new, report.dry_run) == (2, True)
    assert not Summit.objects.exists()


def test_unknown_and_missing_key_columns_are_reported_on_the_header_line():
    report = run(SummitTable, "titel;city\nx;y\n")
    assert report.errors == [
        RowError(1, "slug", MISSING_COLUMN),
        RowError(1, "titel", UNKNOWN_COLUMN.format(allowed=", ".join(SummitTable.header()))),
    ]


def test_header_names_are_not_case_sensitive():
    report = run(SummitTable, SUMMITS.replace("slug;title", "Slug;Title"))
    assert (report.new, report.errors) == (2, [])


def test_a_file_may_leave_out_columns_when_it_only_updates_rows():
    make_summit(slug="hanoi", city="Hanoi")
    report = run(SummitTable, "slug;venue\nhanoi;Metropole\nneu;Metropole\n")
    assert RowError(3, "title", MISSING_COLUMN) in report.errors
    assert report.updated == 1
    assert not Summit.objects.filter(venue="Metropole").exists()
    report = run(SummitTable, "slug;venue\nhanoi;Metropole\n")
    assert Summit.objects.get(slug="hanoi").venue == "Metropole"
    assert Summit.objects.get(slug="hanoi").city == "Hanoi"


def test_a_row_repeated_in_the_file_is_invalid():
    report = run(SummitTable, SUMMITS + SUMMITS.splitlines()[1] + "\n")
    assert report.errors == [RowError(4, WHOLE_ROW, DUPLICATE_ROW.format(line=2))]
    assert not Summit.objects.exists()


def test_cross_column_checks_run_with_the_stored_values_of_absent_columns():
    make_summit(slug="hanoi", starts_on=date(2019, 2, 27), ends_on=date(2019, 2, 28))
    report = run(SummitTable, "slug;ends_on\nhanoi;26.02.2019\n")
    assert [error.column for error in report.errors] == ["ends_on"]


def test_without_the_publish_permission_publishing_rows_are_invalid(redaktion_user):
    text = SUMMITS.replace(";draft\n", ";published\n", 1)
    report = run(SummitTable, text, user=redaktion_user)
    assert report.errors == [RowError(2, "status", str(CANNOT_PUBLISH))]
    assert not Summit.objects.exists()


def test_without_the_publish_permission_published_rows_cannot_be_withdrawn(redaktion_user):
    make_summit(slug="singapur-2018", status=Status.PUBLISHED)
    report = run(SummitTable, SUMMITS, user=redaktion_user)
    assert report.errors == [RowError(2, "status", str(CANNOT_UNPUBLISH))]


def test_an_import_without_a_user_may_publish_only_when_trusted():
    published = SUMMITS.replace(";draft\n", ";published\n")
    report = run(SummitTable, published)
    assert report.errors == [
        RowError(2, "status", str(CANNOT_PUBLISH)),
        RowError(3, "status", str(CANNOT_PUBLISH)),
    ]
    assert not Summit.objects.exists()
    assert run(SummitTable, published, trusted=True).new == 2
    assert Summit.objects.published().count() == 2


def test_unchanged_published_rows_may_be_reimported_by_editors(redaktion_user):
    run(SummitTable, SUMMITS.replace(";draft\n", ";published\n"), trusted=True)
    report = run(SummitTable, SUMMITS.replace(";draft\n", ";published\n"), user=redaktion_user)
    assert (report.skipped, report.invalid) == (2, 0)


def test_the_publish_permission_lets_rows_be_published(chefredaktion_user):
    report = run(
        SummitTable, SUMMITS.replace(";draft\n", ";Veröffentlicht\n"), user=chefredaktion_user
    )
    assert report.ok
    assert Summit.objects.published().count() == 2
    assert all(summit.published_at for summit in Summit.objects.all())


def test_statements_find_speakers_by_name_or_alias_and_refuse_ambiguous_ones():
    make_summit(slug="hanoi")
    make_person(slug="donald-trump", name="Donald Trump", aliases="Trump\nUS-Präsident")
    make_person(slug="kim-jong-un", name="Kim Jong-un", aliases="Kim")
    make_person(slug="kim-yo-jong", name="Kim Yo-jong", aliases="Kim")
    report = run(StatementTable, "summit;speaker;text\nhanoi;US-Präsident;A\nhanoi;Kim;B\n")
    assert report.errors[0].line == 3
    assert "kim-jong-un, kim-yo-jong" in report.errors[0].message
    report = run(StatementTable, "summit;speaker;text\nhanoi;Trump;A\nhanoi;kim-yo-jong;B\n")
    assert report.ok
    assert sorted(Statement.objects.values_list("speaker__slug", flat=True)) == [
        "donald-trump",
        "kim-yo-jong",
    ]


def test_big_files_go_in_batches_and_round_trip(monkeypatch):
    # Small batches, and on PostgreSQL the COPY path, with a file of a few dozen rows.
    monkeypatch.setattr(tables, "BATCH_SIZE", 7)
    monkeypatch.setattr(bulk, "COPY_THRESHOLD", 2)
    summit = make_summit(slug="hanoi")
    for slug in ["sanktionen", "wirtschaft"]:
        make_topic(slug=slug)
    make_person(slug="kim", name="Kim Jong-un")
    rows = "".join(
        f"hanoi;{'kim' if n % 2 else ''};Satz {n};{'sanktionen, wirtschaft' if n % 3 else ''};"
        f"0,{n % 10}\n"
        for n in range(40)
    )
    text = "summit;speaker;text;topics;confidence\n" + rows
    report = run(StatementTable, text)
    assert (report.new, report.invalid) == (40, 0)
    statement = Statement.objects.get(text="Satz 5")
    assert (statement.speaker.slug, statement.confidence) == ("kim", 0.5)
    assert sorted(statement.topics.values_list("slug", flat=True)) == ["sanktionen", "wirtschaft"]
    assert Statement.topics.through.objects.count() == 2 * len([n for n in range(40) if n % 3])
    assert all(s.created_at and s.updated_at for s in Statement.objects.filter(summit=summit))
    report = run(StatementTable, text)
    assert (report.new, report.updated, report.skipped) == (0, 0, 40)
    report = run(StatementTable, text.replace("Satz 5;sanktionen, wirtschaft", "Satz 5;"))
    assert (report.updated, report.skipped) == (1, 39)
    assert not Statement.objects.get(text="Satz 5").topics.exists()


def test_a_batch_whose_history_the_database_refuses_is_undone_and_named(monkeypatch):
    # On PostgreSQL a batch is written while the next one is read: its refusal arrives later
    # and must still undo that batch, history included, and name its lines.
    monkeypatch.setattr(tables, "BATCH_SIZE", 2)
    make_summit(slug="hanoi")
    refused = []

    def refuse_second_batch(model, instances, **kwargs):
        if instances and kwargs["kind"] == "+":
            refused.append(len(refused))
            if len(refused) == 2:
                with connection.cursor() as cursor:
                    cursor.execute("INSERT INTO events_topic (slug) VALUES (NULL)")

    monkeypatch.setattr(tables, "record_history", refuse_second_batch)
    rows = "".join(f"hanoi;;Satz {n}\n" for n in range(6))
    report = run(StatementTable, "summit;speaker;text\n" + rows)
    assert [(error.line, error.column) for error in report.errors] == [(4, WHOLE_ROW)]
    assert "Zeilen 4 bis 5" in str(report.errors[0])
    assert not Statement.objects.exists()
