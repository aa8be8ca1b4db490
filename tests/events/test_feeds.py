"""The Atom feeds of statements (events/feeds.py): all, per summit, per person."""

import pytest

from events.models import Person, Statement
from newsroom.editorial import StatementStatus, Status
from tests.events.conftest import add_statement

pytestmark = pytest.mark.django_db


def test_statement_feeds_are_atom_and_published_only(client, world):
    Statement.objects.filter(pk=world.kim_statement.pk).update(status=StatementStatus.DRAFT)
    for url in ["/feeds/aussagen/", "/feeds/gipfel/hanoi-2019/", "/feeds/personen/donald-trump/"]:
        response = client.get(url)
        assert response["Content-Type"].startswith("application/atom+xml")
        content = response.content.decode()
        assert "Manchmal muss man gehen" in content
        assert "Zeit zu verschwenden" not in content
    assert "sehr nah dran" not in client.get("/feeds/personen/donald-trump/").content.decode()


def test_feeds_name_a_statement_without_a_person_by_its_label(client, world):
    add_statement(
        summit=world.hanoi, speaker=world.trump, text="Mit Etikett", speaker_label="ein Berater"
    )
    add_statement(summit=world.hanoi, speaker=world.trump, text="Ohne Etikett")
    Statement.objects.filter(text__endswith="Etikett").update(speaker=None)
    content = client.get("/feeds/aussagen/").content.decode()
    assert "<title>ein Berater: „Mit Etikett“</title>" in content
    assert "<title>Unbekannt: „Ohne Etikett“</title>" in content


def test_feed_of_a_draft_summit_or_person_is_404(client, world):
    world.hanoi.status = Status.DRAFT
    world.hanoi.save()
    Person.objects.filter(slug="donald-trump").update(status=Status.DRAFT)
    assert client.get("/feeds/gipfel/hanoi-2019/").status_code == 404
    assert client.get("/feeds/personen/donald-trump/").status_code == 404
