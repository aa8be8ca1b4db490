"""Probes of the review desk."""

import pytest

from events.models import Statement
from newsroom.editorial import StatementStatus, mark_published
from sources import review
from tests.factories import make_person, make_source, make_statement

pytestmark = pytest.mark.django_db


def test_a_desk_correction_racing_a_publish_does_not_take_the_statement_offline(
    redaktion_user, chefredaktion_user
):
    """The desk reads the statement (review_decide), the Chefredaktion publishes it from the
    desk in another tab, then the correction is saved from the copy read before: a full
    save() of the stale row puts the status back to draft, past the publish permission."""
    speaker = make_person()
    statement = make_statement(source=make_source(), speaker=speaker, status=StatementStatus.DRAFT)
    read_by_the_desk = Statement.objects.select_related("source", "summit").get(pk=statement.pk)
    mark_published(Statement.objects.filter(pk=statement.pk), user=chefredaktion_user)

    try:
        review.correct_statement(
            read_by_the_desk,
            user=redaktion_user,
            speaker=speaker,
            kind=Statement.Kind.INDIRECT,
            said_on=None,
            topics=[],
        )
    except review.StatementClosed:
        pass
    statement.refresh_from_db()
    assert statement.status == StatementStatus.PUBLISHED, "Redaktion took it offline"
    assert statement.kind == Statement.Kind.DIRECT, "a published statement changed unreviewed"


def test_moving_an_edge_keeps_a_text_the_editor_corrected_by_hand(client, redaktion_user):
    """An editor corrected the suggestion's text in its form (a typo of the source); a click
    on "one word more" at the desk silently replaces the text with the source's words."""
    from django.urls import reverse

    body = "Kim sagte: „Wir reden wieter über alles“, berichtete die Agentur."
    source = make_source(body=body)
    quote = "Wir reden wieter"
    start = body.index(quote)
    statement = make_statement(
        source=source,
        speaker=make_person(),
        status=StatementStatus.DRAFT,
        text="Wir reden weiter",  # corrected by hand
        source_start=start,
        source_end=start + len(quote),
    )
    assert statement.matches_source is False

    client.force_login(redaktion_user)
    client.post(
        reverse("admin:sources_sourcearticle_review", args=[source.pk]),
        {"decision": "end-right", "statement": statement.pk},
    )
    statement.refresh_from_db()
    assert "weiter" in statement.text.split(), f"the correction is gone: {statement.text!r}"
