"""Search as a reader uses it: statements found by who said them and where, excerpts that show
and mark the words that matched. Runs on SQLite and on PostgreSQL (full-text search)."""

import re

import pytest

from events.search import MATCH_END, MATCH_START, excerpt_text, search_for_results
from tests.events.conftest import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build_world()


def marked(snippet: str) -> list[str]:
    return re.findall(f"{MATCH_START}(.*?){MATCH_END}", snippet)


def test_a_speakers_name_finds_his_statements_and_marks_it(world):
    results = search_for_results("Trump", preview=False)
    hits = {hit.object.pk: hit.snippet for hit in results.statements}
    assert world.trump_statement.pk in hits
    assert world.kim_statement.pk not in hits
    assert marked(hits[world.trump_statement.pk]) == ["Trump"]
    assert "Manchmal muss man gehen" in hits[world.trump_statement.pk]


def test_another_name_of_the_speaker_finds_his_statements(world):
    results = search_for_results("Machthaber", preview=False)
    assert world.kim_statement.pk in {hit.object.pk for hit in results.statements}


def test_the_summit_and_the_source_find_their_statements(world):
    assert world.pompeo_statement.pk in {
        hit.object.pk for hit in search_for_results("Hanoi", preview=False).statements
    }
    assert world.pompeo_statement.pk in {
        hit.object.pk for hit in search_for_results("abgebrochen", preview=False).statements
    }


def test_the_excerpt_shows_the_field_that_matched(world):
    # In the demo, "Verbindungsbüro" is only in Hanoi's outcome, not in its summary.
    [hit] = search_for_results("Verbindungsbüro", preview=False).summits
    assert hit.object == world.hanoi
    assert marked(hit.snippet) == ["Verbindungsbüro"]


def test_a_persons_other_names_are_the_excerpt_that_matched(world):
    [hit] = search_for_results("Machthaber", preview=False).people
    assert hit.object == world.kim
    assert "Machthaber" in marked(hit.snippet)


def test_the_search_page_marks_the_matches_in_the_excerpts(client, world):
    html = client.get("/suche/?q=Trump").text
    assert f'href="/aussagen/{world.trump_statement.pk}/"' in html
    assert "<mark>Trump</mark>" in html
    english = client.get("/en/search/?q=Verbindungsb%C3%BCro").text
    assert "<mark>Verbindungsbüro</mark>" in english


def test_the_excerpt_text_joins_the_fields_and_leaves_out_empty_ones(world):
    statement = world.trump_statement
    statement.context = ""
    text = excerpt_text(statement, ("speaker__name", "text", "context"))
    assert text == "Donald Trump · Manchmal muss man gehen"
