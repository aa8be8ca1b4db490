from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from events.models import Delegation, DelegationMember, Person, Statement, Summit, Topic
from sources.models import SourceArticle

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list(*fields))
        for model, fields in [
            (Summit, ["slug", "title", "starts_on", "ends_on", "previous__slug", "status"]),
            (Person, ["slug", "name", "aliases", "status"]),
            (Delegation, ["summit__slug", "country", "leader__slug", "status"]),
            (DelegationMember, ["delegation__summit__slug", "person__slug", "role"]),
            (Topic, ["slug", "name"]),
            (SourceArticle, ["slug", "checksum", "status"]),
            (Statement, ["source__slug", "source_start", "speaker__slug", "status"]),
        ]
    }


def test_load_demo_twice_leaves_the_same_rows():
    call_command("load_demo", stdout=StringIO())
    first = snapshot()
    ids = sorted(Person.objects.values_list("pk", flat=True))
    call_command("load_demo", stdout=StringIO())
    assert snapshot() == first
    assert sorted(Person.objects.values_list("pk", flat=True)) == ids


def test_demo_has_both_summits_published_and_hanoi_follows_singapore(demo):
    hanoi = Summit.objects.published().get(slug="hanoi-2019")
    assert str(hanoi.starts_on) == "2019-02-27" and str(hanoi.ends_on) == "2019-02-28"
    assert hanoi.previous.slug == "singapur-2018"
    members = {
        (m.delegation.country, m.person.name, m.role)
        for m in DelegationMember.objects.filter(delegation__summit=hanoi).select_related(
            "delegation", "person"
        )
    }
    assert ("US", "Mick Mulvaney", "Amtierender Stabschef") in members
    assert ("KP", "Kim Yo-jong", "Stabschefin") in members
    assert {name for _, name, _ in members} >= {
        "Donald Trump",
        "Mike Pompeo",
        "Kim Jong-un",
        "Kim Yong-chol",
        "Ri Yong-ho",
    }


def test_demo_people_carry_the_aliases_german_texts_use(demo):
    assert {"Trump", "US-Präsident"} <= set(Person.objects.get(slug="donald-trump").alias_list)
    assert {"Kim", "Kim Jong Un", "Machthaber"} <= set(
        Person.objects.get(slug="kim-jong-un").alias_list
    )


def test_create_demo_admin_prints_a_new_random_password_each_time():
    out1, out2 = StringIO(), StringIO()
    call_command("create_demo_admin", stdout=out1)
    call_command("create_demo_admin", stdout=out2)
    password1 = out1.getvalue().rsplit(": ", 1)[1].strip()
    password2 = out2.getvalue().rsplit(": ", 1)[1].strip()
    assert password1 != password2
    assert authenticate(username="admin", password=password2).is_superuser
    assert authenticate(username="admin", password=password1) is None


def test_demo_summits_have_published_statements_with_their_sources():
    call_command("load_demo", stdout=StringIO())
    for slug in ["singapur-2018", "hanoi-2019"]:
        statements = Statement.objects.published().filter(summit__slug=slug)
        assert statements.exists()
        for statement in statements.select_related("source", "speaker"):
            assert statement.source.is_published
            assert statement.speaker is not None
            assert statement.matches_source
    trump = Statement.objects.published().filter(speaker__slug="donald-trump")
    assert trump.filter(summit__slug="hanoi-2019", delegation__country="US").exists()
