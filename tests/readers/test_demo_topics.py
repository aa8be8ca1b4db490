"""The demo as a reader meets it: every topic has statements, and the pages link to them."""

from io import StringIO

import pytest
from django.core.management import call_command

from events.demo import tag_demo_statements
from events.models import Statement, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_demo(db):
    call_command("load_demo", stdout=StringIO())


def test_every_row_of_the_demo_topics_file_finds_its_statement(full_demo):
    assert tag_demo_statements().missing == []


def test_every_demo_topic_has_public_statements(full_demo):
    for topic in Topic.objects.all():
        assert Statement.objects.public().filter(topics=topic).exists(), topic.slug


def test_loading_the_demo_again_keeps_the_same_topics(full_demo):
    before = sorted(Statement.topics.through.objects.values_list("statement", "topic"))
    call_command("load_demo", stdout=StringIO())
    assert sorted(Statement.topics.through.objects.values_list("statement", "topic")) == before


def test_topic_page_shows_statements_people_and_summits(client, full_demo):
    html = client.get("/themen/sanktionen/").text
    assert "Es ging um die Sanktionen" in html
    assert 'href="/personen/ri-yong-ho/"' in html
    assert 'href="/gipfel/hanoi-2019/"' in html
    assert 'href="/gipfel/singapur-2018/"' in html
    assert "0 Aussagen" not in html


def test_summit_page_and_statement_cards_link_to_the_topics(client, full_demo):
    html = client.get("/gipfel/hanoi-2019/").text
    assert html.count('href="/themen/sanktionen/"') > 1  # the summit's topics and its cards
    english = client.get("/en/statements/").text
    assert 'href="/en/topics/verbindungsbuero/"' in english


def test_topic_filter_lists_the_statements_of_the_topic(client, full_demo):
    html = client.get("/aussagen/?thema=friedensvertrag").text
    assert "Die alten Vorurteile" in html
    assert "Es ging um die Sanktionen" not in html
    count = Statement.objects.public().filter(topics__slug="friedensvertrag").count()
    assert count > 1
    assert f'<p class="result-count" role="status">{count} Aussagen</p>' in html
