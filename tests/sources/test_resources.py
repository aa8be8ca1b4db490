import csv
import hashlib
import io
from pathlib import Path

import pytest
import tablib
from django.conf import settings
from django.core.management import call_command

from newsroom import bulk
from newsroom.spreadsheets import open_sheet
from newsroom.tables import import_table
from sources.importing.normalize import text_checksum
from sources.models import SourceArticle
from sources.resources import SAME_TEXT_AS, SourceArticleResource, SourceArticleTable
from tests.factories import make_source, make_summit

pytestmark = pytest.mark.django_db


def run(text: str):
    sheet = open_sheet(stream=io.BytesIO(text.encode()))
    return import_table(table=SourceArticleTable(), sheet=sheet)


def test_new_source_articles_get_the_checksum_of_their_body_and_keep_it(monkeypatch):
    monkeypatch.setattr(bulk, "COPY_THRESHOLD", 2)
    make_summit(slug="hanoi")
    text = "slug;title;body;summits\n" + "".join(
        f"artikel-{n};Artikel {n};Text  {n};hanoi\n" for n in range(5)
    )
    assert run(text).new == 5
    article = SourceArticle.objects.get(slug="artikel-3")
    assert article.checksum == text_checksum("Text 3") == hashlib.sha256(b"Text 3").hexdigest()
    assert (article.original, article.removed) == ("Text  3", [])
    assert [summit.slug for summit in article.summits.all()] == ["hanoi"]
    report = run(text.replace("Text  3", "Text drei"))
    assert report.updated == 1
    article.refresh_from_db()
    assert article.body == "Text drei"
    assert article.checksum == text_checksum("Text 3")


def test_two_new_rows_of_one_file_cannot_have_the_same_text():
    report = run("slug;title;body\neins;Eins;Derselbe Text\nzwei;Zwei;Derselbe  Text\n")
    assert [str(error) for error in report.errors] == [
        "Zeile 3, Spalte body: " + SAME_TEXT_AS.format(slug="eins")
    ]
    assert not SourceArticle.objects.exists()


def test_a_source_cannot_repeat_the_text_of_another():
    make_source(slug="gipfel-ohne-ergebnis")
    dataset = tablib.Dataset(headers=["slug", "title", "body"])
    body = SourceArticle.objects.get().body
    dataset.append(["kopie", "Kopie", body])
    result = SourceArticleResource().import_data(dataset, dry_run=False)
    assert result.messages == [
        "Zeile 2, Spalte body: " + SAME_TEXT_AS.format(slug="gipfel-ohne-ergebnis")
    ]


def test_a_spreadsheet_edit_keeps_the_checksum_of_an_imported_article(demo, tmp_path):
    article = Path(settings.BASE_DIR) / "sources" / "demo_articles" / "hanoi-abbruch.txt"
    call_command("import_articles", str(article), stdout=io.StringIO())
    [source] = SourceArticle.objects.all()
    checksum = source.checksum
    exported = tmp_path / "sources.csv"
    call_command("export_csv", "sources", "-o", str(exported), stderr=io.StringIO())
    with open(exported, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    rows[0]["publisher"] = "Anderes Medium"
    with open(exported, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    out = io.StringIO()
    call_command("import_csv", "sources", str(exported), verbosity=0, stdout=out)
    assert out.getvalue().startswith("0 neu, 1 geändert")
    source.refresh_from_db()
    assert (source.publisher, source.checksum) == ("Anderes Medium", checksum)

    out = io.StringIO()
    call_command("import_articles", str(article), stdout=out)
    assert "schon vorhanden" in out.getvalue()
    assert SourceArticle.objects.count() == 1
