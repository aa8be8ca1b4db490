"""Finding 9: silent damage. An unclosed quotation mark swallowed the next line into a cell
("2 neu", no error); a formula cell of an XLSX file was imported as an empty string."""

import io
import re
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from events.models import Topic
from newsroom.spreadsheets import (
    FORMULA_WITHOUT_VALUE,
    STRAY_QUOTE,
    UNCLOSED_QUOTE,
    open_sheet,
)

pytestmark = pytest.mark.django_db

UNCLOSED = b'slug;name\r\nsanktionen;Sanktionen\r\nhandel;"Handel\r\ngipfel;Gipfel\r\n'


def workbook(*, cached: str | None = None) -> bytes:
    """Topics with a formula for a name: as a script writes it (no saved value), or as Excel
    saves it (`cached`, the value it computed)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["slug", "name"])
    sheet.append(["sanktionen", '=UPPER("sanktionen")'])
    buffer = io.BytesIO()
    book.save(buffer)
    if cached is None:
        return buffer.getvalue()
    source = zipfile.ZipFile(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = re.sub(
                    r'<c r="B2"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?',
                    rf'<c r="B2" t="str"><f>\2</f><v>{cached}</v>',
                    text,
                )
                assert f"<v>{cached}</v>" in text
                data = text.encode()
            target.writestr(item, data)
    return out.getvalue()


def test_an_unclosed_quotation_mark_is_an_error_naming_its_row(tmp_path):
    path = tmp_path / "themen.csv"
    path.write_bytes(UNCLOSED)
    with pytest.raises(CommandError) as refused:
        call_command("import_csv", "topics", str(path))
    assert str(refused.value) == f"{path}: {UNCLOSED_QUOTE.format(line=3)}"
    assert not Topic.objects.exists()


def test_a_stray_quotation_mark_after_a_quoted_cell_is_an_error():
    data = b'slug;name\r\nsanktionen;"Sank"tionen\r\n'
    sheet = open_sheet(stream=io.BytesIO(data))
    with pytest.raises(ValueError, match=re.escape(STRAY_QUOTE.format(line=2))):
        list(sheet.rows)


def test_a_quoted_cell_may_still_hold_line_breaks_and_doubled_quotes():
    data = b'slug;name\r\nsanktionen;"Sanktionen\r\nund ""Strafen"""\r\n'
    assert list(open_sheet(stream=io.BytesIO(data)).rows) == [
        (2, ("sanktionen", 'Sanktionen\r\nund "Strafen"'))
    ]


def test_the_admin_names_the_file_and_row_of_an_unclosed_quotation_mark(client, redaktion_user):
    client.force_login(redaktion_user)
    file = io.BytesIO(UNCLOSED)
    file.name = "themen.csv"
    page = client.post(
        reverse("admin:events_topic_import"),
        {"resource": "0", "format": "0", "import_file": file},
    )
    assert "themen.csv: " + UNCLOSED_QUOTE.format(line=3) in page.content.decode().replace(
        "&quot;", '"'
    ).replace("&#x27;", "'")
    assert "confirm_form" not in page.context or page.context["confirm_form"] is None
    assert not Topic.objects.exists()


def test_a_formula_without_a_saved_value_is_refused_naming_cell_and_column(tmp_path):
    path = tmp_path / "themen.xlsx"
    path.write_bytes(workbook())
    with pytest.raises(CommandError) as refused:
        call_command("import_csv", "topics", str(path))
    expected = FORMULA_WITHOUT_VALUE.format(cell="B2", column="name")
    assert str(refused.value) == f"{path}: {expected}"
    assert not Topic.objects.exists()


def test_a_formula_with_a_saved_value_imports_that_value(tmp_path):
    path = tmp_path / "themen.xlsx"
    path.write_bytes(workbook(cached="SANKTIONEN"))
    call_command("import_csv", "topics", str(path), stdout=io.StringIO())
    assert Topic.objects.get(slug="sanktionen").name == "SANKTIONEN"
