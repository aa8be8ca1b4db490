import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.models import Statement, Summit
from events.resources import tables
from newsroom.spreadsheets import INVALID_DATE
from newsroom.tables import NOT_FOUND, REQUIRED
from tests.factories import make_statement, make_summit

pytestmark = pytest.mark.django_db

GERMAN_EXCEL = (
    "slug;title;starts_on;ends_on;city;country;venue\r\n"
    "hanoi-2019;Gipfeltreffen in Hanoi;27.02.2019;28.02.2019;Hanoi;VN;Sofitel Legend Métropole\r\n"
    "muenchen-2020;Gipfel in München;1.3.2020;02.03.2020;München;DE;Bayerischer Hof\r\n"
)


def import_csv(*args):
    out, err = StringIO(), StringIO()
    call_command("import_csv", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def export_csv(*args):
    out, err = StringIO(), StringIO()
    call_command("export_csv", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_semicolon_cp1252_file_with_german_dates_imports(tmp_path):
    path = tmp_path / "gipfel.csv"
    path.write_bytes(GERMAN_EXCEL.encode("cp1252"))
    out, err = import_csv("summits", str(path))
    assert "2 neu, 0 geändert, 0 unverändert, 0 fehlerhaft." in out
    munich = Summit.objects.get(city="München")
    assert (munich.slug, munich.title) == ("muenchen-2020", "Gipfel in München")
    assert (str(munich.starts_on), str(munich.ends_on)) == ("2020-03-01", "2020-03-02")
    assert Summit.objects.get(slug="hanoi-2019").venue == "Sofitel Legend Métropole"
    assert "2/2 Zeilen" in err


def test_a_file_with_bad_rows_writes_nothing_names_every_bad_row_and_fails(tmp_path):
    make_summit(slug="hanoi-2019")
    path = tmp_path / "aussagen.csv"
    path.write_text(
        "summit;text;said_on\n"
        "hanoi-2019;Gute Gespräche.;28.02.2019\n"
        "hanoi-2020;Wir reden weiter.;28.02.2019\n"
        "hanoi-2019;Kein Datum.;31.02.2019\n"
        "hanoi-2019;;28.02.2019\n",
        encoding="utf-8",
    )
    err = StringIO()
    with pytest.raises(CommandError, match="3 fehlerhaft. Nichts gespeichert."):
        call_command("import_csv", "statements", str(path), stdout=StringIO(), stderr=err)
    assert (
        f"Zeile 3, Spalte summit: {NOT_FOUND.format(noun='kein Gipfel', value='hanoi-2020')}"
        in (err.getvalue())
    )
    assert f"Zeile 4, Spalte said_on: {INVALID_DATE.format(value='31.02.2019')}" in err.getvalue()
    assert f"Zeile 5, Spalte text: {REQUIRED}" in err.getvalue()
    assert not Statement.objects.exists()


def test_importing_the_same_file_twice_is_a_no_op_the_second_time(tmp_path):
    path = tmp_path / "gipfel.csv"
    path.write_bytes(GERMAN_EXCEL.encode("cp1252"))
    import_csv("summits", str(path))
    before = list(Summit.objects.values_list("pk", "updated_at"))
    out, _ = import_csv("summits", str(path))
    assert "0 neu, 0 geändert, 2 unverändert, 0 fehlerhaft." in out
    assert list(Summit.objects.values_list("pk", "updated_at")) == before


def test_dry_run_reports_but_writes_nothing(tmp_path):
    path = tmp_path / "gipfel.csv"
    path.write_bytes(GERMAN_EXCEL.encode("cp1252"))
    out, _ = import_csv("summits", str(path), "--dry-run")
    assert "2 neu" in out and "Probelauf" in out
    assert not Summit.objects.exists()


def test_an_unreadable_file_is_a_command_error(tmp_path):
    path = tmp_path / "bild.csv"
    path.write_bytes(b"\x89PNG\x00\x00")
    with pytest.raises(CommandError, match="weder CSV-Text noch eine XLSX"):
        import_csv("summits", str(path))


def test_csv_export_opens_in_excel_and_neutralises_formulas(tmp_path):
    summit = make_summit(slug="hanoi", title="@Hanoi")
    for text in ["=HYPERLINK(1)", "+49", "-1", "@x", "\tx", "\rx"]:
        make_statement(summit=summit, text=text)
    path = tmp_path / "aussagen.csv"
    export_csv("statements", "-o", str(path))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    for neutralised in ["'=HYPERLINK(1)", "'+49", "'-1", "'@x", "'\tx", '"\'\rx"']:
        assert f";{neutralised};" in text
    assert export_csv("summits").startswith("\ufeffslug;title;")
    assert ";'@Hanoi;" in export_csv("summits")


@pytest.mark.parametrize("model", sorted(tables()))
@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_every_model_round_trips_through_the_command_line(model, suffix, demo, tmp_path):
    make_statement(summit=Summit.objects.get(slug="hanoi-2019"), text="Wir reden weiter.")
    path = tmp_path / f"{model}.{suffix}"
    export_csv(model, "-o", str(path))
    out, _ = import_csv(model, str(path))
    count = tables()[model].model.objects.count()
    assert f"0 neu, 0 geändert, {count} unverändert, 0 fehlerhaft." in out


def test_json_export_lists_rows_by_column_name(demo):
    rows = json.loads(export_csv("summits", "--format", "json"))
    assert [row["slug"] for row in rows] == ["singapur-2018", "hanoi-2019"]
    assert rows[1]["previous"] == "singapur-2018"
    assert rows[1]["starts_on"] == "2019-02-27"


def test_the_command_line_may_publish_rows(tmp_path):
    path = tmp_path / "gipfel.csv"
    path.write_text(
        "slug;title;starts_on;ends_on;city;country;status\n"
        "hanoi-2019;Gipfeltreffen in Hanoi;27.02.2019;28.02.2019;Hanoi;VN;published\n",
        encoding="utf-8",
    )
    out, _ = import_csv("summits", str(path))
    assert "1 neu" in out
    assert Summit.objects.published().get().published_at is not None
