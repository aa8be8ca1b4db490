import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Person, Statement
from newsroom.editorial import StatementStatus, Status
from tests.events.conftest import add_statement
from tests.factories import make_source

pytestmark = pytest.mark.django_db

URL = "/quellen/gipfel-in-hanoi-abgebrochen/"


def test_source_page_shows_the_article_with_each_statement_anchored(client, world):
    html = client.get(URL).content.decode()
    assert "Gipfel in Hanoi abgebrochen" in html
    assert "MDR" in html
    for statement in [world.trump_statement, world.kim_statement, world.pompeo_statement]:
        assert f'id="statement-{statement.pk}"' in html
        assert f'href="/aussagen/{statement.pk}/"' in html
    assert (
        f'<mark class="quote" data-statements="statement-{world.trump_statement.pk}">'
        "Manchmal muss man gehen</mark>"
    ) in html


def test_source_page_links_speaker_names(client, world):
    html = client.get(URL).content.decode()
    assert 'href="/personen/donald-trump/"' in html
    assert 'href="/personen/kim-jong-un/"' in html


def test_source_page_leaves_out_the_statements_of_an_unpublished_speaker(client, world):
    Person.objects.filter(pk=world.kim.pk).update(status=Status.DRAFT)
    html = client.get(URL).content.decode()
    assert "Kim Jong-un" not in html
    assert f'id="statement-{world.kim_statement.pk}"' not in html
    assert "Ich bin nicht hier, um Zeit zu verschwenden." in html  # the article's own text


def test_source_page_does_not_highlight_unpublished_statements(client, world):
    Statement.objects.filter(pk=world.kim_statement.pk).update(status=StatementStatus.REJECTED)
    html = client.get(URL).content.decode()
    assert f'id="statement-{world.kim_statement.pk}"' not in html
    assert "Ich bin nicht hier, um Zeit zu verschwenden." in html


def test_overlapping_statements_keep_the_html_well_formed(client, world):
    body = "Er sagte: „Wir gehen jetzt, aber wir kommen wieder.“"
    source = make_source(body=body, status=Status.PUBLISHED)
    whole = add_statement(
        summit=world.hanoi,
        speaker=world.trump,
        source=source,
        quote="Wir gehen jetzt, aber wir kommen wieder.",
    )
    part = add_statement(
        summit=world.hanoi, speaker=world.pompeo, source=source, quote="aber wir kommen"
    )
    html = client.get(f"/quellen/{source.slug}/").content.decode()
    passage = re.search(r'<div class="passage passage--full">(.*?)</div>', html, re.S).group(1)
    assert passage.count("<mark") == passage.count("</mark>") == 3
    assert (
        f'data-statements="statement-{whole.pk} statement-{part.pk}">aber wir kommen</mark>'
        in (passage)
    )
    assert re.sub(r"<[^>]+>", "", passage) == f"<p>{body}</p>".replace("<p>", "").replace(
        "</p>", ""
    )


def test_source_text_is_escaped(client, world):
    source = make_source(
        body="<script>alert(1)</script> „<img src=x onerror=alert(1)>“", status=Status.PUBLISHED
    )
    add_statement(
        summit=world.hanoi,
        speaker=world.trump,
        source=source,
        quote="<img src=x onerror=alert(1)>",
    )
    html = client.get(f"/quellen/{source.slug}/").content.decode()
    assert "<script>alert" not in html
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;</mark>" in html


def test_draft_source_is_404_and_unnamed_for_readers(client, world):
    world.source.status = Status.DRAFT
    world.source.save()
    assert client.get(URL).status_code == 404
    html = client.get("/gipfel/hanoi-2019/").content.decode()
    assert URL not in html
    assert "Gipfel in Hanoi abgebrochen" not in html


def test_source_page_has_news_article_structured_data(client, world):
    html = client.get(URL).content.decode()
    assert '"@type": "NewsArticle"' in html
    assert '"@type": "Quotation"' in html


def test_source_page_queries_do_not_grow_with_statements(client, world):
    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    small = count()
    for _ in range(30):
        add_statement(
            summit=world.hanoi,
            speaker=world.kim,
            source=world.source,
            quote="Zeit zu verschwenden",
        )
    assert count() == small
