from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from events.models import Delegation, Statement, Summit
from newsroom.editorial import StatementStatus, Status
from tests.factories import (
    make_delegation,
    make_member,
    make_person,
    make_statement,
    make_summit,
)

pytestmark = pytest.mark.django_db


def test_summit_ending_before_it_starts_is_rejected_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_summit(starts_on=date(2019, 2, 28), ends_on=date(2019, 2, 27))
    assert not Summit.objects.exists()


def test_summit_ending_before_it_starts_fails_validation():
    summit = Summit(
        title="Hanoi",
        slug="hanoi",
        starts_on=date(2019, 2, 28),
        ends_on=date(2019, 2, 27),
        city="Hanoi",
        country="VN",
    )
    with pytest.raises(ValidationError):
        summit.full_clean()


def test_one_day_summit_is_valid():
    summit = make_summit(starts_on=date(2018, 6, 12), ends_on=date(2018, 6, 12))
    summit.full_clean()  # raises nothing
    assert Summit.objects.get(starts_on=F("ends_on")) == summit  # and the database keeps it


def test_second_delegation_of_the_same_country_at_a_summit_is_rejected():
    summit = make_summit()
    make_delegation(summit=summit, country="US")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_delegation(summit=summit, country="US")
    assert Delegation.objects.count() == 1


def test_second_delegation_of_the_same_country_fails_validation_with_a_clear_message():
    summit = make_summit()
    make_delegation(summit=summit, country="US")
    with pytest.raises(ValidationError, match="schon eine Delegation"):
        Delegation(summit=summit, country="US").full_clean()


def test_same_country_may_send_delegations_to_different_summits():
    make_delegation(country="US")
    make_delegation(country="US")
    assert Delegation.objects.count() == 2


def test_a_person_belongs_to_a_delegation_only_once():
    member = make_member()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_member(delegation=member.delegation, person=member.person)


def test_statement_source_span_must_be_in_order():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_statement(source_start=20, source_end=10)


def test_country_codes_are_two_capital_letters():
    with pytest.raises(ValidationError) as error:
        Summit(
            title="X",
            slug="x",
            starts_on=date(2019, 1, 1),
            ends_on=date(2019, 1, 1),
            city="Hanoi",
            country="vn",
        ).full_clean()
    assert "country" in error.value.message_dict


def test_published_returns_only_published_rows():
    published = make_summit(status=Status.PUBLISHED)
    make_summit(status=Status.DRAFT)
    make_summit(status=Status.REVIEW)
    assert list(Summit.objects.published()) == [published]


def test_published_statements_exclude_suggested_and_rejected():
    summit = make_summit()
    published = make_statement(summit=summit, status=StatementStatus.PUBLISHED)
    for status in [StatementStatus.SUGGESTED, StatementStatus.REJECTED, StatementStatus.DRAFT]:
        make_statement(summit=summit, status=status)
    assert list(Statement.objects.published()) == [published]


def test_published_at_is_set_when_first_published_and_then_kept():
    person = make_person()
    assert person.published_at is None
    person.status = Status.PUBLISHED
    person.save()
    first = person.published_at
    assert first is not None
    person.status = Status.DRAFT
    person.save()
    person.status = Status.PUBLISHED
    person.save()
    person.refresh_from_db()
    assert person.published_at == first
