"""Probes of four eyes and the schedule: ways past the publish permission."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from events.models import Summit
from newsroom.editorial import Status, move_to_draft
from tests.factories import make_summit, make_user

pytestmark = pytest.mark.django_db


def _summit_form(summit, **changes):
    data = {
        "title": summit.title,
        "slug": summit.slug,
        "starts_on": summit.starts_on.isoformat(),
        "ends_on": summit.ends_on.isoformat(),
        "city": summit.city,
        "country": summit.country,
        "venue": summit.venue,
        "summary": summit.summary,
        "outcome": summit.outcome,
        "previous": "",
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
    }
    data.update(changes)
    return data


def _revert_url(summit, version):
    return reverse("admin:events_summit_simple_history", args=[summit.pk, version.history_id])


def test_redaktion_cannot_republish_a_withdrawn_row_by_reverting_to_its_published_version(
    client, redaktion_user, chefredaktion_user
):
    summit = make_summit(status=Status.PUBLISHED)
    published_version = summit.history.earliest()
    assert published_version.status == Status.PUBLISHED
    move_to_draft(Summit.objects.filter(pk=summit.pk), user=chefredaktion_user)
    summit.refresh_from_db()
    assert summit.status == Status.DRAFT

    client.force_login(redaktion_user)
    page = client.get(_revert_url(summit, published_version))
    assert page.status_code == 200
    client.post(_revert_url(summit, published_version), _summit_form(summit))
    summit.refresh_from_db()
    assert summit.status != Status.PUBLISHED, "Redaktion put a withdrawn summit back online"


def test_a_user_who_may_only_view_cannot_change_a_row_through_the_history_revert(client):
    summit = make_summit(title="Alter Titel")
    old_version = summit.history.earliest()
    summit.title = "Neuer Titel"
    summit.save()
    reader = make_user(username="leserin")
    reader.user_permissions.add(Permission.objects.get(codename="view_summit"))

    client.force_login(reader)
    client.post(
        _revert_url(summit, old_version), _summit_form(summit, title="Alter Titel", status="draft")
    )
    summit.refresh_from_db()
    assert summit.title == "Neuer Titel", "a view-only account changed the summit"


def test_a_row_published_by_the_bulk_action_before_its_embargo_gets_the_embargo_as_its_date(
    chefredaktion_user,
):
    """The feed orders and dates items by `published_at`: a statement approved today for
    tomorrow must not enter the feed dated today (save() already does this right)."""
    from datetime import timedelta

    from django.utils import timezone

    from newsroom.editorial import publish

    when = (timezone.now() + timedelta(days=1)).replace(microsecond=0)
    summit = make_summit(publish_at=when)
    publish(Summit.objects.filter(pk=summit.pk), user=chefredaktion_user)
    summit.refresh_from_db()
    assert summit.published_at >= when, "dated before readers could first see it"
