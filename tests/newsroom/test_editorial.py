import pytest
from django.core.exceptions import PermissionDenied

from events.models import Summit
from newsroom.editorial import CANNOT_PUBLISH, CANNOT_UNPUBLISH, Status, move_to_draft, publish
from tests.factories import make_summit

pytestmark = pytest.mark.django_db


def test_redaktion_cannot_publish(redaktion_user):
    make_summit()
    with pytest.raises(PermissionDenied, match=str(CANNOT_PUBLISH)):
        publish(Summit.objects.all(), user=redaktion_user)
    assert not Summit.objects.published().exists()


def test_chefredaktion_publishes_and_keeps_the_first_publication_date(chefredaktion_user):
    summit = make_summit()
    assert publish(Summit.objects.all(), user=chefredaktion_user) == 1
    summit.refresh_from_db()
    first = summit.published_at
    assert summit.status == Status.PUBLISHED and first is not None

    move_to_draft(Summit.objects.all(), user=chefredaktion_user)
    publish(Summit.objects.all(), user=chefredaktion_user)
    summit.refresh_from_db()
    assert summit.published_at == first


def test_redaktion_may_send_drafts_in_review_back_but_not_take_published_rows_offline(
    redaktion_user,
):
    in_review = make_summit(status=Status.REVIEW)
    make_summit(status=Status.PUBLISHED)
    with pytest.raises(PermissionDenied, match=str(CANNOT_UNPUBLISH)):
        move_to_draft(Summit.objects.all(), user=redaktion_user)
    assert Summit.objects.published().count() == 1

    move_to_draft(Summit.objects.filter(pk=in_review.pk), user=redaktion_user)
    in_review.refresh_from_db()
    assert in_review.status == Status.DRAFT
