import io

import pytest
import tablib
from django.core.management import call_command

from events.models import Delegation, DelegationMember, Person, Statement, Summit, Topic
from events.resources import (
    DELEGATION_OF_OTHER_SUMMIT,
    POSSIBLE_DUPLICATE,
    SUMMIT_ENDS_BEFORE_IT_STARTS,
    DelegationMemberResource,
    DelegationResource,
    PersonResource,
    StatementResource,
    StatementTable,
    SummitResource,
    TopicResource,
    tables,
)
from newsroom.editorial import CANNOT_PUBLISH
from newsroom.importexport import CSVFormat, XLSXFormat
from newsroom.spreadsheets import open_sheet
from newsroom.tables import NOT_FOUND, RowError, import_table
from sources.resources import SourceArticleResource
from tests.factories import make_person, make_source, make_statement, make_summit

pytestmark = pytest.mark.django_db

RESOURCES = [
    SummitResource,
    PersonResource,
    TopicResource,
    DelegationResource,
    DelegationMemberResource,
    StatementResource,
    SourceArticleResource,
]


@pytest.fixture
def newsroom(demo):
    hanoi = Summit.objects.get(slug="hanoi-2019")
    source = make_source(slug="gipfel-ohne-ergebnis", title="Gipfel ohne Ergebnis")
    source.summits.add(hanoi)
    trump = Person.objects.get(slug="donald-trump")
    statement = make_statement(
        summit=hanoi,
        speaker=trump,
        delegation=Delegation.objects.get(summit=hanoi, country="US"),
        text="=Wir reden weiter.",
        said_on=hanoi.ends_on,
        source=source,
        source_start=10,
        source_end=28,
        confidence=0.85,
    )
    statement.topics.set(Topic.objects.filter(slug__in=["sanktionen", "denuklearisierung"]))
    make_statement(summit=hanoi, text="Ohne Sprecher.", speaker_label="ein Diplomat")
    return hanoi


def snapshot(model):
    fields = [f.attname for f in model._meta.concrete_fields]
    rows = sorted(model.objects.values_list(*fields))
    if model is Statement:
        rows.append(
            sorted(Statement.topics.through.objects.values_list("statement_id", "topic_id"))
        )
    return rows


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.__name__)
@pytest.mark.parametrize("file_format", [CSVFormat, XLSXFormat], ids=["csv", "xlsx"])
def test_every_model_round_trips_unchanged(resource, file_format, newsroom):
    model = resource._meta.model
    before = snapshot(model)
    data = file_format().export_data(resource().export())
    result = resource().import_data(file_format().create_dataset(data), dry_run=False)
    assert not result.has_validation_errors(), result.messages
    assert result.totals["skip"] == model.objects.count()
    assert result.totals["new"] == result.totals["update"] == 0
    assert snapshot(model) == before


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.__name__)
def test_every_model_is_recreated_from_its_export(resource, newsroom, chefredaktion_user):
    model = resource._meta.model
    data = CSVFormat().export_data(resource().export())
    natural = {name: [str(cell) for cell in column] for name, column in _columns(data).items()}
    model.objects.all().delete()
    result = resource().import_data(
        CSVFormat().create_dataset(data), dry_run=False, user=chefredaktion_user
    )
    assert not result.has_validation_errors(), result.messages
    assert result.totals["new"] == model.objects.count() > 0
    again = {
        name: [str(cell) for cell in column]
        for name, column in _columns(CSVFormat().export_data(resource().export())).items()
    }
    assert sorted(zip(*again.values(), strict=True)) == sorted(zip(*natural.values(), strict=True))


def _columns(data: bytes) -> dict:
    dataset = CSVFormat().create_dataset(data)
    return {name: dataset[name] for name in dataset.headers}


def test_an_edited_statement_export_updates_only_the_edited_row(newsroom):
    dataset = CSVFormat().create_dataset(CSVFormat().export_data(StatementResource().export()))
    texts = dataset["text"]
    row = texts.index("=Wir reden weiter.")
    edited = tablib.Dataset(headers=dataset.headers)
    for index, values in enumerate(dataset):
        values = list(values)
        if index == row:
            values[dataset.headers.index("topics")] = "wirtschaft"
            values[dataset.headers.index("kind")] = "Indirekte Rede"
        edited.append(values)
    result = StatementResource().import_data(edited, dry_run=False)
    assert (result.totals["update"], result.totals["skip"]) == (1, len(dataset) - 1)
    statement = Statement.objects.get(text="=Wir reden weiter.")
    assert statement.kind == Statement.Kind.INDIRECT
    assert [topic.slug for topic in statement.topics.all()] == ["wirtschaft"]


def test_export_neutralises_the_formula_and_import_restores_it(newsroom):
    data = CSVFormat().export_data(StatementResource().export()).decode("utf-8-sig")
    assert ";'=Wir reden weiter.;" in data
    assert "=Wir reden weiter." in CSVFormat().create_dataset(data.encode())["text"]


def test_members_name_their_delegation_by_summit_and_country(newsroom):
    dataset = tablib.Dataset(headers=["delegation", "person", "role"])
    dataset.append(["hanoi-2019/US", "ri-yong-ho", "Beobachter"])
    dataset.append(["hanoi-2020/US", "ri-yong-ho", "Beobachter"])
    result = DelegationMemberResource().import_data(dataset, dry_run=True)
    assert result.messages == [
        "Zeile 3, Spalte delegation: " + NOT_FOUND.format(noun="kein Gipfel", value="hanoi-2020")
    ]
    assert not DelegationMember.objects.filter(role="Beobachter").exists()


@pytest.mark.parametrize(
    "header", [["summit", "text", "delegation"], ["text", "delegation", "summit"]]
)
def test_a_statement_delegation_must_belong_to_its_summit_in_any_column_order(newsroom, header):
    rows = [
        {"summit": "hanoi-2019", "text": "Neu.", "delegation": "US"},
        {"summit": "hanoi-2019", "text": "Auch neu.", "delegation": "singapur-2018/US"},
    ]
    dataset = tablib.Dataset(headers=header)
    for row in rows:
        dataset.append([row[name] for name in header])
    result = StatementResource().import_data(dataset, dry_run=False)
    assert result.messages == [
        "Zeile 3, Spalte delegation: "
        + DELEGATION_OF_OTHER_SUMMIT.format(value="singapur-2018/US")
    ]
    dataset = tablib.Dataset(headers=header)
    dataset.append([rows[0][name] for name in header])
    assert StatementResource().import_data(dataset, dry_run=False).totals["new"] == 1
    statement = Statement.objects.get(text="Neu.")
    assert statement.delegation == Delegation.objects.get(summit=newsroom, country="US")


def test_an_import_without_a_user_may_not_publish(db):
    dataset = tablib.Dataset(
        ["x", "X", "27.02.2019", "28.02.2019", "Hanoi", "VN", "published"],
        headers=["slug", "title", "starts_on", "ends_on", "city", "country", "status"],
    )
    result = SummitResource().import_data(dataset, dry_run=False)
    assert result.messages == ["Zeile 2, Spalte status: " + str(CANNOT_PUBLISH)]
    assert not Summit.objects.exists()


def test_summit_dates_must_be_in_order():
    dataset = tablib.Dataset(headers=["slug", "title", "starts_on", "ends_on", "city", "country"])
    dataset.append(["x", "X", "28.02.2019", "27.02.2019", "Hanoi", "vn"])
    result = SummitResource().import_data(dataset, dry_run=False)
    assert result.messages == [
        "Zeile 2, Spalte ends_on: " + SUMMIT_ENDS_BEFORE_IT_STARTS.format(starts_on="2019-02-28")
    ]


def test_the_command_line_knows_every_model():
    assert {table.model for table in tables().values()} == {
        resource._meta.model for resource in RESOURCES
    }


def test_an_edited_export_updates_the_statement_it_came_from(tmp_path):
    summit = make_summit(slug="hanoi-2019")
    person = make_person(slug="donald-trump")
    statement = make_statement(summit=summit, speaker=person, text="Wir hatten gute Gespräche.")
    exported = tmp_path / "aussagen.csv"
    call_command("export_csv", "statements", "-o", str(exported))
    edited = exported.read_bytes().replace(
        "gute Gespräche".encode(), "sehr gute Gespräche".encode()
    )
    report = import_table(
        table=StatementTable(), sheet=open_sheet(stream=io.BytesIO(edited)), trusted=True
    )
    assert (report.new, report.updated, report.errors) == (0, 1, [])
    statement.refresh_from_db()
    assert statement.text == "Wir hatten sehr gute Gespräche."
    assert Statement.objects.count() == 1


def test_a_row_without_a_key_is_matched_by_its_words_and_new_rows_get_keys():
    summit = make_summit(slug="hanoi-2019")
    make_person(slug="donald-trump")
    text = "key;summit;speaker;text\n;hanoi-2019;donald-trump;Ein Satz.\n"
    for expected in ((1, 0), (0, 1)):
        report = import_table(
            table=StatementTable(),
            sheet=open_sheet(stream=io.BytesIO(text.encode())),
            trusted=True,
        )
        assert (report.new, report.skipped) == expected
    (statement,) = Statement.objects.filter(summit=summit)
    assert statement.key is not None


def test_a_new_statement_close_to_one_of_the_same_speaker_is_noted_not_refused():
    summit = make_summit(slug="hanoi-2019")
    person = make_person(slug="donald-trump")
    other = make_person(slug="kim-jong-un")
    earlier = make_statement(
        summit=summit, speaker=person, text="Das war eine großartige Sache für uns alle."
    )
    text = (
        "summit;speaker;text\n"
        "hanoi-2019;donald-trump;Das war eine großartigen Sache für uns alle!\n"
        "hanoi-2019;kim-jong-un;Das war eine großartigen Sache für uns alle!\n"
        "hanoi-2019;donald-trump;Wir sehen uns in Pjöngjang.\n"
    )
    report = import_table(
        table=StatementTable(),
        sheet=open_sheet(stream=io.BytesIO(text.encode())),
        trusted=True,
        dry_run=True,
    )
    assert report.ok and report.new == 3
    assert report.notes == [
        RowError(
            line=2,
            column="text",
            message=str(POSSIBLE_DUPLICATE.format(pk=earlier.pk, text=earlier.text)),
        )
    ]
    assert not other.statements.exists()
