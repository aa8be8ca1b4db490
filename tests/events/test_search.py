"""The search page (events/search.py): what it finds, what it marks, what it leaves out."""

import pytest
from django.db import connection

from events.models import Statement
from newsroom.editorial import StatementStatus, Status
from tests.events.conftest import add_statement, add_statements, queries_for

pytestmark = pytest.mark.django_db


def test_search_finds_summits_people_statements_and_sources(client, world):
    html = client.get("/suche/?q=Hanoi").content.decode()
    assert 'href="/gipfel/hanoi-2019/"' in html
    assert 'href="/quellen/gipfel-in-hanoi-abgebrochen/"' in html
    assert 'href="/personen/donald-trump/"' in client.get("/suche/?q=Trump").content.decode()
    html = client.get("/suche/?q=verschwenden").content.decode()
    assert f'href="/aussagen/{world.kim_statement.pk}/"' in html
    assert "<mark>verschwenden</mark>" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's")
def test_search_uses_german_stemming_on_postgresql(client, world):
    html = client.get("/suche/?q=Journalist").content.decode()
    assert 'href="/quellen/gipfel-in-hanoi-abgebrochen/"' in html
    assert "<mark>Journalisten</mark>" in html


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the fallback where there is none")
def test_search_without_full_text_marks_the_part_of_a_word_that_matched(client, world):
    html = client.get("/suche/?q=Journalist").content.decode()
    assert 'href="/quellen/gipfel-in-hanoi-abgebrochen/"' in html
    assert "<mark>Journalist</mark>en" in html


def test_search_leaves_out_drafts(client, world):
    Statement.objects.filter(pk=world.kim_statement.pk).update(status=StatementStatus.DRAFT)
    world.source.status = Status.DRAFT
    world.source.save()
    html = client.get("/suche/?q=verschwenden").content.decode()
    assert f"/aussagen/{world.kim_statement.pk}/" not in html
    assert "/quellen/" not in html


def test_search_escapes_matched_text(client, world):
    add_statement(summit=world.hanoi, speaker=world.trump, text="<b>Raketen</b> sind kein Spiel")
    html = client.get("/suche/?q=Raketen").content.decode()
    assert "<b>" not in html
    assert "<mark>Raketen</mark>" in html
    if connection.vendor != "postgresql":  # ts_headline drops markup instead
        assert "&lt;b&gt;<mark>Raketen</mark>&lt;/b&gt;" in html


def test_search_queries_do_not_grow_with_results(client, world):
    small = queries_for(client, "/suche/?q=Aussage")
    add_statements(world.hanoi, [world.trump], 50)
    assert queries_for(client, "/suche/?q=Aussage") == small


def test_empty_search_shows_the_form(client, world):
    html = client.get("/suche/").content.decode()
    assert '<label for="search-q">' in html
    assert "Treffer" not in html
