import hashlib
import io

import pytest
import tablib

from newsroom import tables
from newsroom.spreadsheets import open_sheet
from newsroom.tables import import_table
from sources.models import SourceArticle
from sources.resources import SAME_TEXT_AS, SourceArticleResource, SourceArticleTable
from tests.factories import make_source, make_summit

pytestmark = pytest.mark.django_db


def run(text: str):
    sheet = open_sheet(stream=io.BytesIO(text.encode()))
    return import_table(table=SourceArticleTable(), sheet=sheet)


def test_source_articles_get_a_checksum_of_their_body(monkeypatch):
    monkeypatch.setattr(tables, "COPY_THRESHOLD", 2)
    make_summit(slug="hanoi")
    text = "slug;title;body;summits\n" + "".join(
        f"artikel-{n};Artikel {n};Text {n};hanoi\n" for n in range(5)
    )
    assert run(text).new == 5
    article = SourceArticle.objects.get(slug="artikel-3")
    assert article.checksum == hashlib.sha256(b"Text 3").hexdigest()
    assert (article.original, article.removed) == ("Text 3", [])
    assert [summit.slug for summit in article.summits.all()] == ["hanoi"]
    report = run(text.replace("Text 3", "Text drei"))
    assert report.updated == 1
    article.refresh_from_db()
    assert article.checksum == hashlib.sha256(b"Text drei").hexdigest()


def test_a_source_cannot_repeat_the_text_of_another():
    make_source(slug="gipfel-ohne-ergebnis")
    dataset = tablib.Dataset(headers=["slug", "title", "body"])
    body = SourceArticle.objects.get().body
    dataset.append(["kopie", "Kopie", body])
    result = SourceArticleResource().import_data(dataset, dry_run=False)
    assert result.messages == [
        "Zeile 2, Spalte body: " + SAME_TEXT_AS.format(slug="gipfel-ohne-ergebnis")
    ]
