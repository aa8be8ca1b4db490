"""A statement goes live only with a speaker and a source, and together with every row it
names that readers may not see yet."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from events.models import Person, Statement
from events.publishing import (
    NO_SOURCE,
    NO_SPEAKER,
    publication_plan,
    publish_together,
)
from newsroom.editorial import StatementStatus, Status
from sources.models import SourceArticle
from tests.editorial.test_four_eyes import change_form_data
from tests.factories import (
    make_delegation,
    make_person,
    make_source,
    make_statement,
    make_summit,
    make_user,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:events_statement_changelist"


def draft_statement(**overrides) -> Statement:
    summit = overrides.pop("summit", None) or make_summit(status=Status.PUBLISHED)
    fields = {
        "summit": summit,
        "speaker": make_person(name="Kim Jong Un", status=Status.PUBLISHED),
        "source": make_source(title="Gipfel in Hanoi", status=Status.PUBLISHED),
        "status": StatementStatus.DRAFT,
    }
    return make_statement(**{**fields, **overrides})


def post_publish(client, statements, *, follow=False, **extra):
    return client.post(
        reverse(CHANGELIST),
        {"action": "publish_selected", "_selected_action": [s.pk for s in statements], **extra},
        follow=follow,
    )


def public_ids():
    return set(Statement.objects.public().values_list("pk", flat=True))


def test_the_action_asks_first_and_names_what_goes_live_with_the_statements(
    client, chefredaktion_user
):
    source = make_source(title="Entwurf aus Hanoi", status=Status.DRAFT)
    speaker = make_person(name="Ri Yong Ho", status=Status.DRAFT)
    statement = draft_statement(source=source, speaker=speaker)
    client.force_login(chefredaktion_user)
    page = post_publish(client, [statement])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Entwurf aus Hanoi" in html and "Ri Yong Ho" in html
    assert 'name="post" value="yes"' in html
    statement.refresh_from_db()
    source.refresh_from_db()
    assert statement.status == StatementStatus.DRAFT and source.status == Status.DRAFT

    post_publish(client, [statement], post="yes")
    statement.refresh_from_db()
    source.refresh_from_db()
    speaker.refresh_from_db()
    assert (statement.status, source.status, speaker.status) == ("published",) * 3
    assert public_ids() == {statement.pk}
    for row in (statement, source, speaker):
        latest = row.history.order_by("-history_date", "-history_id").first()
        assert (latest.status, latest.history_user) == ("published", chefredaktion_user)


def test_no_speaker_or_source_is_refused_with_the_reason(client, chefredaktion_user):
    without_speaker = draft_statement(speaker=None, speaker_label="Überläufer")
    without_source = draft_statement(source=None)
    fine = draft_statement()
    client.force_login(chefredaktion_user)
    html = post_publish(client, [without_speaker, without_source, fine]).content.decode()
    assert str(NO_SPEAKER) in html and str(NO_SOURCE) in html
    post_publish(client, [without_speaker, without_source, fine], post="yes")
    assert set(Statement.objects.published().values_list("pk", flat=True)) == {fine.pk}


def test_without_permission_for_what_goes_along_nothing_is_published(client):
    editor = make_user(username="nur-aussagen")
    editor.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_statement", "change_statement", "publish_statement"]
        )
    )
    statement = draft_statement(source=make_source(status=Status.DRAFT))
    client.force_login(editor)
    html = post_publish(client, [statement]).content.decode()
    assert "Quellartikel" in html and 'value="yes"' not in html
    response = post_publish(client, [statement], post="yes", follow=True)
    assert "Quellartikel" in response.content.decode()
    statement.refresh_from_db()
    assert statement.status == StatementStatus.DRAFT
    assert statement.source.status == Status.DRAFT


def test_a_published_statement_never_shows_without_its_source(chefredaktion_user):
    statement = draft_statement(source=make_source(status=Status.DRAFT))
    plan = publication_plan(Statement.objects.filter(pk=statement.pk))
    assert [row.pk for row in plan.together[SourceArticle]] == [statement.source_id]
    publish_together(plan, user=chefredaktion_user)
    statement.refresh_from_db()
    assert statement.source.status == Status.PUBLISHED
    assert not Statement.objects.published().filter(source__status=Status.DRAFT).exists()


def test_the_delegation_and_summit_go_live_with_the_statement(chefredaktion_user):
    summit = make_summit(status=Status.DRAFT)
    delegation = make_delegation(summit=summit, country="KP", status=Status.DRAFT)
    statement = draft_statement(summit=summit, delegation=delegation)
    publish_together(
        publication_plan(Statement.objects.filter(pk=statement.pk)), user=chefredaktion_user
    )
    assert public_ids() == {statement.pk}


def test_the_change_form_refuses_publishing_with_a_draft_source(client, chefredaktion_user):
    statement = draft_statement(source=make_source(status=Status.DRAFT))
    client.force_login(chefredaktion_user)
    url = reverse("admin:events_statement_change", args=[statement.pk])
    data = {**change_form_data(client.get(url)), "status": StatementStatus.PUBLISHED}
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "noch nicht veröffentlicht" in " ".join(errors["source"])
    statement.refresh_from_db()
    assert statement.status == StatementStatus.DRAFT


def test_the_change_form_refuses_publishing_without_a_speaker(client, chefredaktion_user):
    statement = draft_statement(speaker=None)
    client.force_login(chefredaktion_user)
    url = reverse("admin:events_statement_change", args=[statement.pk])
    data = {**change_form_data(client.get(url)), "status": StatementStatus.PUBLISHED}
    errors = client.post(url, data).context["adminform"].form.errors
    assert errors["speaker"] == [str(NO_SPEAKER)]


def test_the_change_form_publishes_when_everything_is_public(client, chefredaktion_user):
    statement = draft_statement()
    client.force_login(chefredaktion_user)
    url = reverse("admin:events_statement_change", args=[statement.pk])
    data = {**change_form_data(client.get(url)), "status": StatementStatus.PUBLISHED}
    assert client.post(url, data).status_code == 302
    assert public_ids() == {statement.pk}
    assert Person.objects.published().count() == 1
