import io
import json

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse

from events.models import Delegation, DelegationMember, Person, Statement, Summit, Topic
from events.resources import SummitTable
from newsroom.editorial import CANNOT_PUBLISH
from newsroom.importexport import FILE_TOO_LARGE, SizeLimitedImportForm
from newsroom.spreadsheets import NOT_TEXT, open_sheet
from newsroom.tables import EXTRA_CELLS, WHOLE_ROW
from sources.models import SourceArticle
from tests.factories import make_source, make_statement, make_user

pytestmark = pytest.mark.django_db

MODELS = [Summit, Person, Topic, Delegation, DelegationMember, Statement, SourceArticle]
CSV, XLSX, JSON = "0", "1", "2"
SUMMITS = (
    "slug;title;starts_on;ends_on;city;country\r\n"
    "hanoi-2019;Gipfel in Hanoi;27.02.2019;28.02.2019;Hanoi;VN\r\n"
    "muenchen-2020;Gipfel in München;01.03.2020;02.03.2020;München;DE\r\n"
).encode("cp1252")


def url(model, name):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}")


def upload(client, model, data: bytes, *, name="daten.csv", file_format=CSV):
    file = io.BytesIO(data)
    file.name = name
    return client.post(
        url(model, "import"), {"resource": "0", "format": file_format, "import_file": file}
    )


def confirm(client, model, preview):
    form = preview.context["confirm_form"]
    return client.post(url(model, "process_import"), form.initial)


@pytest.fixture
def editor(client, redaktion_user):
    client.force_login(redaktion_user)
    return client


@pytest.fixture
def chief(client, chefredaktion_user):
    client.force_login(chefredaktion_user)
    return client


@pytest.fixture
def newsroom(demo):
    hanoi = Summit.objects.get(slug="hanoi-2019")
    source = make_source(slug="gipfel-ohne-ergebnis")
    source.summits.add(hanoi)
    statement = make_statement(
        summit=hanoi, speaker=Person.objects.get(slug="kim-jong-un"), source=source
    )
    statement.topics.set(Topic.objects.filter(slug="sanktionen"))
    return hanoi


@pytest.fixture
def outsider(client):
    user = make_user(username="praktikant")
    user.user_permissions.add(*Permission.objects.filter(codename__startswith="view_"))
    client.force_login(user)
    return client


def test_staff_without_the_import_permission_get_no_button_and_a_403(outsider):
    page = outsider.get(url(Summit, "changelist"))
    assert page.status_code == 200
    assert url(Summit, "import").encode() not in page.content
    assert url(Summit, "export").encode() not in page.content
    assert outsider.get(url(Summit, "import")).status_code == 403
    assert upload(outsider, Summit, SUMMITS).status_code == 403
    assert outsider.get(url(Summit, "import_template")).status_code == 403
    assert outsider.get(url(Summit, "export")).status_code == 403
    assert not Summit.objects.exists()


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_editors_see_import_and_export_buttons(model, editor):
    page = editor.get(url(model, "changelist"))
    assert url(model, "import").encode() in page.content
    assert url(model, "export").encode() in page.content


def test_import_shows_a_preview_then_writes_on_confirmation(editor):
    preview = upload(editor, Summit, SUMMITS)
    assert preview.status_code == 200
    assert "2 neu, 0 geändert, 0 unverändert" in preview.content.decode()
    assert "Gipfel in München" in preview.content.decode()
    assert not Summit.objects.exists()
    done = confirm(editor, Summit, preview)
    assert done.status_code == 302
    assert Summit.objects.get(slug="muenchen-2020").city == "München"
    again = upload(editor, Summit, SUMMITS)
    assert "0 neu, 0 geändert, 2 unverändert" in again.content.decode()


def test_bad_rows_are_named_in_german_and_nothing_can_be_confirmed(editor, newsroom):
    data = (
        "summit;text;said_on\n"
        "hanoi-2019;Gute Gespräche.;28.02.2019\n"
        "hanoi-2020;Wir reden weiter.;28.02.2019\n"
        "hanoi-2019;Kein Datum.;31.02.2019\n"
    ).encode()
    before = Statement.objects.count()
    page = upload(editor, Statement, data)
    text = page.content.decode()
    assert "Zeile 3, Spalte summit: kein Gipfel &#x27;hanoi-2020&#x27;" in text
    assert "Zeile 4, Spalte said_on: kein gültiges Datum &#x27;31.02.2019&#x27;" in text
    assert "confirm_form" not in page.context or page.context["confirm_form"] is None
    assert Statement.objects.count() == before


def test_editors_cannot_publish_through_an_import(editor):
    data = SUMMITS.replace(b"country\r\n", b"country;status\r\n").replace(
        b"VN\r\n", b"VN;published\r\n"
    )
    page = upload(editor, Summit, data)
    assert f"Zeile 2, Spalte status: {CANNOT_PUBLISH}" in page.content.decode()
    assert not Summit.objects.exists()


def test_the_chief_editor_may_publish_through_an_import(chief):
    data = SUMMITS.replace(b"country\r\n", b"country;status\r\n").replace(
        b"VN\r\n", b"VN;published\r\n"
    )
    data = data.replace(b"DE\r\n", b"DE;draft\r\n")
    confirm(chief, Summit, upload(chief, Summit, data))
    assert list(Summit.objects.published().values_list("slug", flat=True)) == ["hanoi-2019"]


def test_uploads_are_size_limited(editor, monkeypatch):
    monkeypatch.setattr(SizeLimitedImportForm, "max_upload_bytes", 100)
    page = upload(editor, Summit, SUMMITS * 2)
    assert str(FILE_TOO_LARGE).split("{")[0] in page.content.decode()
    assert not Summit.objects.exists()


def test_each_model_offers_an_empty_template(editor):
    response = editor.get(url(Summit, "import_template"))
    assert response["Content-Disposition"] == 'attachment; filename="gipfel-vorlage.csv"'
    sheet = open_sheet(stream=io.BytesIO(response.content))
    assert list(sheet.header) == SummitTable.header()
    assert list(sheet.rows) == []
    assert url(Summit, "import_template").encode() in editor.get(url(Summit, "import")).content


def export(client, model, file_format):
    resource = admin.site._registry[model].resource_classes[0]
    every_column = {
        f"{resource.__name__.lower()}_{name}": "on" for name in resource.table_class.header()
    }
    response = client.post(
        url(model, "export"), {"resource": "0", "format": file_format, **every_column}
    )
    assert response.status_code == 200, response.content[:500]
    return response.content


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@pytest.mark.parametrize(("file_format", "name"), [(CSV, "x.csv"), (XLSX, "x.xlsx")])
def test_every_model_round_trips_through_the_admin(model, file_format, name, chief, newsroom):
    data = export(chief, model, file_format)
    preview = upload(chief, model, data, name=name, file_format=file_format)
    count = model.objects.count()
    assert f"0 neu, 0 geändert, {count} unverändert" in preview.content.decode()
    assert confirm(chief, model, preview).status_code == 302


def test_an_edited_admin_export_updates_just_that_row(chief, newsroom):
    data = export(chief, Summit, CSV).decode("utf-8-sig")
    edited = data.replace("Sofitel Legend Metropole", "Metropole Hanoi").encode("cp1252")
    preview = upload(chief, Summit, edited)
    assert "0 neu, 1 geändert, 1 unverändert" in preview.content.decode()
    confirm(chief, Summit, preview)
    assert Summit.objects.get(slug="hanoi-2019").venue == "Metropole Hanoi"


def test_csv_export_is_excel_ready_and_json_export_works(chief, newsroom):
    make_statement(summit=newsroom, text="=WEBSERVICE(1)")
    data = export(chief, Statement, CSV)
    assert data.startswith(b"\xef\xbb\xbf")
    assert b";'=WEBSERVICE(1);" in data
    assert b'"text": "=WEBSERVICE(1)"' in export(chief, Statement, JSON)
    summits = json.loads(export(chief, Summit, JSON))
    assert {
        "slug": "hanoi-2019",
        "starts_on": "2019-02-27",
        "previous": "singapur-2018",
    }.items() <= (next(summit for summit in summits if summit["slug"] == "hanoi-2019").items())


def test_a_file_that_is_no_spreadsheet_is_refused_with_a_message(editor):
    page = upload(editor, Summit, b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert NOT_TEXT in page.content.decode()


def test_a_misspelt_column_is_named_in_the_errors(editor):
    page = upload(editor, Summit, SUMMITS.replace(b"title", b"titel"))
    text = page.content.decode()
    assert "Fehler in 1 Zeile: nichts wurde importiert" in text
    assert "Zeile 1, Spalte titel: unbekannte Spalte" in text


def test_a_row_with_more_cells_than_the_header_is_refused(editor):
    page = upload(editor, Summit, SUMMITS + b"x;X;01.01.2020;01.01.2020;Bonn;DE;zu viel\r\n")
    assert f"Zeile 4, Spalte {WHOLE_ROW}: {EXTRA_CELLS}" in page.content.decode()


def test_a_large_import_previews_its_first_rows_and_is_recorded_once(editor, redaktion_user):
    from newsroom.importexport import PREVIEW_ROWS
    from newsroom.models import ImportRun

    rows = "".join(f"thema-{n};Thema {n}\r\n" for n in range(PREVIEW_ROWS + 100))
    preview = upload(editor, Topic, f"slug;name\r\n{rows}".encode(), name="themen.csv")
    text = preview.content.decode()
    assert f"{PREVIEW_ROWS + 100} neu, 0 geändert" in text
    assert f"Gezeigt werden die ersten {PREVIEW_ROWS} neuen oder geänderten Zeilen." in text
    assert len(preview.context["result"].changes) == PREVIEW_ROWS
    assert not ImportRun.objects.exists()
    confirm(editor, Topic, preview)
    assert Topic.objects.count() == PREVIEW_ROWS + 100
    (run,) = ImportRun.objects.all()
    assert (run.file_name, run.user, run.via) == ("themen.csv", redaktion_user, "admin")
    assert (run.new, run.updated, run.skipped) == (PREVIEW_ROWS + 100, 0, 0)
    version = Topic.objects.get(slug="thema-7").history.get()
    assert (version.history_user, version.history_type) == (redaktion_user, "+")
    assert version.history_change_reason == "Tabellen-Import themen.csv"


def test_the_preview_names_a_possible_duplicate_statement(editor, newsroom):
    from events.resources import POSSIBLE_DUPLICATE

    existing = Statement.objects.get()
    changed = existing.text.rstrip(".!") + " sehr."
    data = f"summit;speaker;text\nhanoi-2019;kim-jong-un;{changed}\n".encode()
    page = upload(editor, Statement, data)
    note = POSSIBLE_DUPLICATE.format(pk=existing.pk, text=existing.text)
    assert f"Zeile 2, Spalte text: {note}" in page.content.decode().replace("&#x27;", "'")
    assert page.context["confirm_form"] is not None
