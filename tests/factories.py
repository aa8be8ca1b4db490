"""Small helpers that make valid rows; every keyword overrides a default."""

import hashlib
import itertools
from datetime import date

from django.contrib.auth.models import Group, User

from events.models import Delegation, DelegationMember, Person, Statement, Summit, Topic
from sources.models import SourceArticle

_numbers = itertools.count(1)


def make_summit(**overrides) -> Summit:
    n = next(_numbers)
    fields = {
        "title": f"Gipfel {n}",
        "slug": f"gipfel-{n}",
        "starts_on": date(2019, 2, 27),
        "ends_on": date(2019, 2, 28),
        "city": "Hanoi",
        "country": "VN",
    }
    return Summit.objects.create(**{**fields, **overrides})


def make_person(**overrides) -> Person:
    n = next(_numbers)
    fields = {"name": f"Person {n}", "slug": f"person-{n}", "country": "US"}
    return Person.objects.create(**{**fields, **overrides})


def make_topic(**overrides) -> Topic:
    n = next(_numbers)
    return Topic.objects.create(**{"name": f"Thema {n}", "slug": f"thema-{n}", **overrides})


def make_delegation(**overrides) -> Delegation:
    fields = {"country": "US"}
    fields.update(overrides)
    if "summit" not in fields:
        fields["summit"] = make_summit()
    return Delegation.objects.create(**fields)


def make_member(**overrides) -> DelegationMember:
    fields = dict(overrides)
    fields.setdefault("delegation", make_delegation())
    fields.setdefault("person", make_person())
    return DelegationMember.objects.create(**fields)


def make_source(**overrides) -> SourceArticle:
    n = next(_numbers)
    body = overrides.pop("body", f"Artikel {n}: „Wir reden weiter“, sagte Trump.")
    fields = {
        "title": f"Artikel {n}",
        "slug": f"artikel-{n}",
        "publisher": "MDR",
        "published_on": date(2019, 2, 28),
        "body": body,
        "original": body,
        "checksum": hashlib.sha256(body.encode()).hexdigest(),
    }
    return SourceArticle.objects.create(**{**fields, **overrides})


def make_statement(**overrides) -> Statement:
    fields = {"text": "Wir reden weiter.", "kind": Statement.Kind.DIRECT}
    fields.update(overrides)
    if "summit" not in fields:
        fields["summit"] = make_summit()
    return Statement.objects.create(**fields)


def make_user(*, username: str, groups: tuple[str, ...] = (), **overrides) -> User:
    user = User.objects.create_user(username=username, password="pw", is_staff=True, **overrides)
    if groups:
        user.groups.set(Group.objects.filter(name__in=groups))
    return user
