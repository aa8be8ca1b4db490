"""Topics of a statement and summits of a source article are part of their history."""

import pytest
from django.urls import reverse

from events.models import Statement
from newsroom.editorial import StatementStatus, Status, accept_suggestions, publish
from newsroom.models import Revision
from tests.editorial.test_four_eyes import change_form_data, published_statement
from tests.factories import make_source, make_statement, make_summit, make_topic

pytestmark = pytest.mark.django_db


def versions(obj):
    return list(obj.history.order_by("history_date", "history_id"))


def topic_names(version):
    return sorted(row.topic.name for row in version.topics.select_related("topic"))


def test_a_change_of_topics_is_a_version_and_shows_in_the_comparison(client, chefredaktion_user):
    sanctions, peace = make_topic(name="Sanktionen"), make_topic(name="Friedensvertrag")
    statement = make_statement()
    statement.topics.set([sanctions])
    client.force_login(chefredaktion_user)
    url = reverse("admin:events_statement_change", args=[statement.pk])
    data = {**change_form_data(client.get(url)), "topics": [sanctions.pk, peace.pk]}
    assert client.post(url, data).status_code == 302

    first, latest = versions(statement)[0], versions(statement)[-1]
    assert topic_names(first) == []
    assert topic_names(latest) == ["Friedensvertrag", "Sanktionen"]
    assert latest.history_user == chefredaktion_user
    compare = client.get(
        reverse("admin:events_statement_history_compare", args=[statement.pk]),
        {"von": first.pk, "bis": latest.pk},
    ).content.decode()
    assert '<ins class="diff-added">Friedensvertrag, Sanktionen</ins>' in compare


def test_summits_of_a_source_article_are_in_its_history(chefredaktion_user):
    source = make_source()
    hanoi = make_summit(title="Hanoi 2019")
    source.summits.add(hanoi)
    latest = versions(source)[-1]
    assert [row.summit for row in latest.summits.select_related("summit")] == [hanoi]


def test_admin_actions_keep_the_topics_in_the_versions_they_record(chefredaktion_user):
    statement = make_statement(status=StatementStatus.SUGGESTED)
    statement.topics.set([make_topic(name="Sanktionen")])
    accept_suggestions(Statement.objects.filter(pk=statement.pk), user=chefredaktion_user)
    latest = versions(statement)[-1]
    assert latest.history_change_reason == "Aktion: Vorschlag annehmen"
    assert topic_names(latest) == ["Sanktionen"]
    assert "topics" not in latest.diff_against(versions(statement)[-2]).changed_fields


def test_a_pending_change_of_topics_goes_live_with_the_revision(
    client, redaktion_user, chefredaktion_user
):
    statement = published_statement()
    topic = make_topic(name="Verbindungsbüro")
    client.force_login(redaktion_user)
    url = reverse("admin:events_statement_change", args=[statement.pk])
    client.post(url, {**change_form_data(client.get(url)), "topics": [topic.pk]})
    assert not statement.topics.exists()

    revision = Revision.objects.get()
    assert revision.values == {"topics": [topic.pk]}
    client.force_login(chefredaktion_user)
    review = client.get(reverse("admin:newsroom_revision_change", args=[revision.pk]))
    assert '<ins class="diff-added">Verbindungsbüro</ins>' in review.content.decode()
    client.post(reverse("admin:newsroom_revision_change", args=[revision.pk]), {"_publish": 1})
    assert list(statement.topics.all()) == [topic]
    assert topic_names(versions(statement)[-1]) == ["Verbindungsbüro"]


def test_publishing_a_summit_records_a_version(chefredaktion_user):
    summit = make_summit(status=Status.DRAFT)
    publish(type(summit).objects.filter(pk=summit.pk), user=chefredaktion_user)
    assert versions(summit)[-1].status == Status.PUBLISHED
