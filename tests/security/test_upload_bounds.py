"""Findings 2 and 3: uploads that cost unbounded CPU or memory. A 100,000-column header took
33 s (a quadratic duplicate check); a 1 MB zip whose member declares 1 KB inflated to 1 GB in
memory; `import_articles` read a whole file before its size check.

Memory is measured with tracemalloc (deterministic: what Python allocated), never time."""

import io
import struct
import tracemalloc
import zipfile
from contextlib import contextmanager

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from events.models import Topic
from newsroom import uploads as upload_limits
from newsroom.importexport import FILE_TOO_LARGE
from newsroom.spreadsheets import MAX_COLUMNS, TOO_MANY_CELLS, TOO_MANY_COLUMNS
from newsroom.uploads import CappedUploadHandler
from sources import uploads
from sources.importing.decode import FILE_TOO_LARGE as ARTICLE_TOO_LARGE
from sources.importing.decode import MAX_BYTES
from sources.models import SourceArticle

MB = 1024 * 1024


@contextmanager
def peak_memory():
    """Yields a dict whose "peak" is the most Python held at once inside the block."""
    measured = {}
    tracemalloc.start()
    try:
        yield measured
    finally:
        measured["peak"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


def wide_header(columns: int) -> bytes:
    return ";".join(f"spalte{n}" for n in range(columns)).encode() + b"\r\nx\r\n"


def forged_zip(name: str, data: bytes, *, declared: int) -> bytes:
    """A zip whose member says it unpacks to `declared` bytes but unpacks to all of `data`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    raw = bytearray(buffer.getvalue())
    local = raw.index(b"PK\x03\x04")
    central = raw.index(b"PK\x01\x02")
    struct.pack_into("<I", raw, local + 22, declared)
    struct.pack_into("<I", raw, central + 24, declared)
    return bytes(raw)


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# Finding 2: CPU -------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_header_of_100000_columns_is_refused_in_the_admin(client, redaktion_user):
    client.force_login(redaktion_user)
    file = io.BytesIO(wide_header(100_000))
    file.name = "breit.csv"
    page = client.post(
        reverse("admin:events_topic_import"),
        {"resource": "0", "format": "0", "import_file": file},
    )
    expected = TOO_MANY_COLUMNS.format(count="100.000", limit=MAX_COLUMNS)
    assert f"breit.csv: {expected}" in page.content.decode()
    assert not Topic.objects.exists()


@pytest.mark.django_db
def test_a_header_of_a_million_columns_is_refused_on_the_command_line(tmp_path):
    path = tmp_path / "breit.csv"
    path.write_bytes(wide_header(1_000_000))
    with pytest.raises(CommandError) as refused:
        call_command("import_csv", "topics", str(path))
    expected = TOO_MANY_COLUMNS.format(count="1.000.000", limit=MAX_COLUMNS)
    assert str(refused.value) == f"{path}: {expected}"


@pytest.mark.django_db
def test_a_row_of_100000_cells_is_refused_naming_its_line(tmp_path):
    path = tmp_path / "zeile.csv"
    path.write_bytes(b"slug;name\r\na;A\r\n" + b";" * 99_999 + b"x\r\n")
    with pytest.raises(CommandError) as refused:
        call_command("import_csv", "topics", str(path))
    expected = TOO_MANY_CELLS.format(line=3, count="100.000", limit=MAX_COLUMNS)
    assert str(refused.value) == f"{path}: {expected}"
    assert not Topic.objects.exists()


# Finding 3: memory ----------------------------------------------------------------------


def test_a_member_that_lies_about_its_size_is_not_inflated():
    bomb = forged_zip("artikel.txt", b"a" * (200 * MB), declared=1024)
    assert len(bomb) < 1 * MB
    with peak_memory() as memory:
        files, rejected = uploads.unpack([("bombe.zip", io.BytesIO(bomb))])
    assert files == []
    assert rejected == [uploads.Rejected("bombe.zip/artikel.txt", uploads.BROKEN_MEMBER)]
    assert memory["peak"] < 5 * MB


def test_a_member_too_large_is_read_only_to_its_limit():
    bomb = zipped({"gross.txt": b"a" * (200 * MB), "klein.txt": b"Ein Artikel."})
    with peak_memory() as memory:
        files, rejected = uploads.unpack([("bombe.zip", io.BytesIO(bomb))])
    assert files == [("bombe.zip/klein.txt", b"Ein Artikel.")]
    assert rejected == [
        uploads.Rejected("bombe.zip/gross.txt", uploads.TOO_LARGE.format(limit=MAX_BYTES // MB))
    ]
    assert memory["peak"] < 3 * MAX_BYTES


def test_archives_inside_archives_are_refused():
    inner = zipped({"artikel.txt": b"Text."})
    outer = zipped({"innen.zip": inner, "getarnt.txt": inner, "artikel.txt": b"Text."})
    files, rejected = uploads.unpack([("aussen.zip", io.BytesIO(outer))])
    assert files == [("aussen.zip/artikel.txt", b"Text.")]
    assert rejected == [
        uploads.Rejected("aussen.zip/innen.zip", uploads.NESTED_ARCHIVE),
        uploads.Rejected("aussen.zip/getarnt.txt", uploads.NESTED_ARCHIVE),
    ]


def test_an_archive_of_too_many_entries_is_refused_before_any_is_read(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ARCHIVE_ENTRIES", 10)
    archive = zipped({f"{n}.txt": b"x" for n in range(11)})
    files, rejected = uploads.unpack([("viele.zip", io.BytesIO(archive))])
    assert files == []
    assert rejected == [uploads.Rejected("viele.zip", uploads.TOO_MANY_ENTRIES.format(limit=10))]


@pytest.mark.django_db
def test_the_zip_bomb_in_the_admin_upload_gets_a_german_refusal(client, redaktion_user):
    client.force_login(redaktion_user)
    bomb = io.BytesIO(forged_zip("artikel.txt", b"a" * (50 * MB), declared=1024))
    bomb.name = "bombe.zip"
    with peak_memory() as memory:
        page = client.post(reverse("admin:sources_sourcearticle_import_articles"), {"files": bomb})
    assert page.status_code == 200
    assert "bombe.zip/artikel.txt" in page.content.decode()
    assert str(uploads.BROKEN_MEMBER) in page.content.decode()
    assert memory["peak"] < 20 * MB
    assert not SourceArticle.objects.exists()


@pytest.mark.django_db
def test_import_articles_reads_a_huge_file_only_to_its_limit(tmp_path):
    path = tmp_path / "riesig.txt"
    path.write_bytes(b"Ein Satz. " * (2 * MB))
    with peak_memory() as memory, pytest.raises(CommandError):
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert memory["peak"] < 3 * MAX_BYTES
    assert not SourceArticle.objects.exists()


@pytest.mark.django_db
def test_import_articles_names_the_file_too_large(tmp_path):
    path = tmp_path / "riesig.txt"
    path.write_bytes(b"x" * (MAX_BYTES + 1))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=err)
    assert str(path) in err.getvalue() and ARTICLE_TOO_LARGE in err.getvalue()


def test_an_upload_is_stored_only_to_the_limit_and_counted_in_full(monkeypatch):
    monkeypatch.setattr(upload_limits, "MAX_UPLOAD_BYTES", 1000)
    handler = CappedUploadHandler()
    handler.new_file("file", "gross.csv", "text/csv", 5000)
    for start in range(0, 5000, 64):
        assert handler.receive_data_chunk(b"x" * 64, start) is None
    stored = handler.file_complete(5056)
    assert stored.size == 5056
    stored.seek(0)
    assert len(stored.read()) == 1001


@pytest.mark.django_db
def test_a_spreadsheet_over_the_limit_is_refused_by_its_real_size(client, redaktion_user):
    client.force_login(redaktion_user)
    file = io.BytesIO(b"slug;name\r\n" + b"a;b\r\n" * (5 * MB))
    file.name = "gross.csv"
    page = client.post(
        reverse("admin:events_topic_import"),
        {"resource": "0", "format": "0", "import_file": file},
    )
    assert str(FILE_TOO_LARGE.format(limit=20, size=25.0)) in page.content.decode()
    assert not Topic.objects.exists()


@pytest.mark.django_db
def test_a_hundred_and_one_articles_at_once_are_taken(client, redaktion_user, demo):
    client.force_login(redaktion_user)
    files = []
    for n in range(101):
        file = io.BytesIO(f"Titel {n}\n\nHanoi, 28. Februar 2019. Text {n}.".encode())
        file.name = f"artikel-{n}.txt"
        files.append(file)
    page = client.post(reverse("admin:sources_sourcearticle_import_articles"), {"files": files})
    assert page.status_code == 200
    assert "artikel-100.txt" in page.content.decode()


@pytest.mark.django_db
def test_more_files_than_any_upload_takes_get_our_page_in_german(client, redaktion_user, settings):
    settings.DEBUG = False
    client.force_login(redaktion_user)
    files = []
    for n in range(1001):
        file = io.BytesIO(b"x")
        file.name = f"{n}.txt"
        files.append(file)
    page = client.post(reverse("admin:sources_sourcearticle_import_articles"), {"files": files})
    assert page.status_code == 400
    assert "mehr als 1.000 Dateien auf einmal" in page.content.decode()


def admin_import(client, data: bytes, name: str):
    file = io.BytesIO(data)
    file.name = name
    fmt = "1" if name.endswith(".xlsx") else "0"
    return client.post(
        reverse("admin:events_topic_import"),
        {"resource": "0", "format": fmt, "import_file": file},
    )


def far_row_workbook() -> bytes:
    """Two rows, the second claiming to be row 2,000,000,000 (openpyxl would yield every
    empty row up to it)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["slug", "name"])
    book.active.append(["sanktionen", "Sanktionen"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = (
                    data.decode()
                    .replace('<row r="2"', '<row r="2000000000"')
                    .replace('r="A2"', 'r="A2000000000"')
                    .replace('r="B2"', 'r="B2000000000"')
                    .encode()
                )
            target.writestr(item, data)
    return out.getvalue()


@pytest.mark.django_db
def test_the_admin_takes_at_most_its_row_limit(client, redaktion_user):
    from newsroom.spreadsheets import REQUEST_LIMITS, TOO_MANY_ROWS

    client.force_login(redaktion_user)
    rows = "".join(f"t{n};T {n}\r\n" for n in range(REQUEST_LIMITS.rows + 1))
    page = admin_import(client, f"slug;name\r\n{rows}".encode(), "themen.csv")
    assert TOO_MANY_ROWS.format(limit="20.000") in page.content.decode().replace("&quot;", '"')
    blank = b"slug;name\r\n" + b"\r\n" * (5 * MB)
    page = admin_import(client, blank, "leer.csv")
    assert TOO_MANY_ROWS.format(limit="20.000") in page.content.decode().replace("&quot;", '"')
    assert not Topic.objects.exists()


@pytest.mark.django_db
def test_a_workbook_naming_a_far_row_is_refused(client, redaktion_user):
    from newsroom.spreadsheets import TOO_MANY_ROWS

    client.force_login(redaktion_user)
    page = admin_import(client, far_row_workbook(), "weit.xlsx")
    assert TOO_MANY_ROWS.format(limit="20.000") in page.content.decode().replace("&quot;", '"')
    assert not Topic.objects.exists()


def test_a_zip_declaring_too_many_entries_is_refused_before_its_list_is_read(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ARCHIVE_ENTRIES", 10)
    archive = zipped({f"{n}.txt": b"x" for n in range(11)})
    opened = []
    monkeypatch.setattr(zipfile, "ZipFile", lambda *a, **k: opened.append(a))
    files, rejected = uploads.unpack([("viele.zip", io.BytesIO(archive))])
    assert opened == [] and files == []
    assert rejected == [uploads.Rejected("viele.zip", uploads.TOO_MANY_ENTRIES.format(limit=10))]
