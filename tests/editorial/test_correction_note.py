"""A published statement changed afterwards tells its readers so."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from events.models import Statement
from newsroom.editorial import StatementStatus
from tests.editorial.test_four_eyes import change_form_data, published_statement
from tests.factories import make_person, make_source

pytestmark = pytest.mark.django_db


def public_page(client, statement) -> str:
    return client.get(statement.get_absolute_url()).content.decode()


def test_a_changed_text_shows_a_german_default_note_with_the_date(client):
    statement = published_statement()
    statement.text = "Wir reden bald weiter."
    statement.save()
    Statement.objects.filter(pk=statement.pk).update(
        corrected_at=datetime(2019, 3, 3, 12, tzinfo=ZoneInfo("Europe/Berlin"))
    )
    page = public_page(client, statement)
    assert "Korrigiert am 3. März 2019: Text geändert" in page


def test_speaker_and_source_changes_are_named(chefredaktion_user):
    statement = published_statement()
    statement.speaker = make_person(name="Mike Pompeo")
    statement.source = make_source()
    statement.save()
    statement.refresh_from_db()
    assert statement.correction_note == "Sprecher/in geändert, Quelle geändert"
    assert statement.corrected_at is not None


def test_the_editors_note_is_kept(client, chefredaktion_user):
    statement = published_statement()
    client.force_login(chefredaktion_user)
    url = reverse("admin:events_statement_change", args=[statement.pk])
    data = {
        **change_form_data(client.get(url)),
        "text": "Wir reden weiter, sagte er.",
        "correction_note": "Das Zitat war unvollständig.",
    }
    assert client.post(url, data).status_code == 302
    client.logout()
    assert "Das Zitat war unvollständig." in public_page(client, statement)


def test_drafts_and_other_fields_carry_no_note(client):
    draft = published_statement(status=StatementStatus.DRAFT)
    draft.text = "Anders."
    draft.save()
    published = published_statement()
    published.context = "Nach dem Abendessen."
    published.save()
    for statement in (draft, published):
        statement.refresh_from_db()
        assert statement.corrected_at is None and statement.correction_note == ""
    assert "Korrigiert am" not in public_page(client, published)


def test_statement_cards_show_the_note(client):
    statement = published_statement()
    statement.text = "Wir reden bald weiter."
    statement.save()
    page = client.get(statement.summit.get_absolute_url()).content.decode()
    assert "Korrigiert am" in page and "Text geändert" in page
