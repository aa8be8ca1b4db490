"""The history of a row reads in German: choices by their labels, empty values as "–", the
system as the author of imports."""

import pytest
from django.urls import reverse

from events.models import Statement
from newsroom.editorial import StatementStatus, accept_suggestions
from tests.factories import make_person, make_statement

pytestmark = pytest.mark.django_db


def test_the_history_list_shows_labels_not_codes(client, redaktion_user):
    statement = make_statement(status=StatementStatus.SUGGESTED, kind=Statement.Kind.INDIRECT)
    accept_suggestions(Statement.objects.filter(pk=statement.pk), user=redaktion_user)
    statement.refresh_from_db()
    statement.speaker = make_person(name="Kim Jong-un")
    statement.kind = Statement.Kind.DIRECT
    statement._history_user = redaktion_user
    statement.save()
    client.force_login(redaktion_user)
    page = client.get(reverse("admin:events_statement_history", args=[statement.pk]))
    html = page.content.decode()
    assert "<strong>Status:</strong> Vorgeschlagen &rarr; Entwurf" in html
    assert "<strong>Art:</strong> Indirekte Rede &rarr; Wörtliches Zitat" in html
    assert "<strong>Sprecher/in:</strong> – &rarr; Kim Jong-un" in html
    assert "<td>System</td>" in html  # the row was created without a user
    for english in ("Changes", "None", "Deleted", "suggested", "indirect"):
        assert english not in html, english
