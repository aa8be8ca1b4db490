"""What readers may see: `public()` on every public model, used by every page, feed, sitemap,
search, JSON-LD graph and CSV; drafts only for those who may preview them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from events.models import Delegation, DelegationMember, Person, Statement, Summit, Topic
from newsroom.editorial import StatementStatus, Status, can_preview
from sources.models import SourceArticle
from tests.events.conftest import World, add_statement, build_world
from tests.factories import (
    make_delegation,
    make_member,
    make_person,
    make_source,
    make_summit,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db

DRAFT_NAME = "Xenia Quastlinger"
DRAFT_QUOTE = "Das bleibt unter uns."


@pytest.fixture
def world(db) -> World:
    return build_world()


def content(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def reader_urls(world, *extra: str) -> list[str]:
    """Every kind of public page, feed and file, in German and under /en/."""
    german = [
        "/",
        "/gipfel/",
        "/gipfel/hanoi-2019/",
        "/gipfel/singapur-2018/",
        "/gipfel/hanoi-2019/delegationen/us/",
        "/gipfel/hanoi-2019/delegationen/kp/",
        "/personen/donald-trump/",
        "/personen/mike-pompeo/",
        "/themen/sanktionen/",
        "/aussagen/",
        f"/aussagen/{world.trump_statement.pk}/",
        "/aussagen/export.csv",
        "/suche/?q=Xenia",  # the query is shown: the full name only if something was found
        "/suche/?q=unter+uns",
        "/quellen/gipfel-in-hanoi-abgebrochen/",
        "/feeds/aussagen/",
        "/feeds/gipfel/hanoi-2019/",
        "/feeds/personen/donald-trump/",
        *(
            f"/sitemap-{section}.xml"
            for section in ["gipfel", "personen", "aussagen", "quellen", "themen"]
        ),
        *extra,
    ]
    return [*german, *(f"/en{url}" for url in german)]


def assert_absent(client, urls: list[str], *secrets: str) -> None:
    for url in urls:
        # /en/gipfel/… and the like move to the English addresses (301): check where they lead.
        response = client.get(url, follow=True)
        assert response.status_code in (200, 404), url
        text = content(response)
        for secret in secrets:
            assert secret not in text, (url, secret)


@pytest.fixture
def draft_person(world):
    """A draft person who is a member of a published delegation, the leader of another and
    the speaker of a published statement at a published summit."""
    person = make_person(name=DRAFT_NAME, slug="xenia-quastlinger", status=Status.DRAFT)
    us = Delegation.objects.get(summit=world.hanoi, country="US")
    make_member(delegation=us, person=person, role="Beraterin", position=99)
    korea = make_delegation(
        summit=world.hanoi, country="KR", leader=person, status=Status.PUBLISHED
    )
    make_member(delegation=korea, person=world.pompeo, role="Beobachter")
    statement = add_statement(summit=world.hanoi, speaker=person, delegation=us, text=DRAFT_QUOTE)
    return person, statement


def test_a_draft_person_is_named_nowhere_readers_look(client, world, draft_person):
    person, statement = draft_person
    urls = reader_urls(world, "/gipfel/hanoi-2019/delegationen/kr/")
    assert_absent(client, urls, DRAFT_NAME, DRAFT_QUOTE, "/personen/xenia-quastlinger/")
    for url in [
        f"/aussagen/{statement.pk}/",
        "/personen/xenia-quastlinger/",
        "/feeds/personen/xenia-quastlinger/",
    ]:
        assert client.get(url).status_code == 404, url
        assert client.get(f"/en{url}", follow=True).status_code == 404, url


def test_a_draft_leader_leaves_the_delegation_without_a_named_leader(client, world, draft_person):
    html = client.get("/gipfel/hanoi-2019/delegationen/kr/").content.decode()
    assert "Leitung:" not in html
    assert "Mike Pompeo" in html  # the published member is still listed


def test_the_summit_graph_lists_only_public_attendees(client, world, draft_person):
    html = client.get("/gipfel/hanoi-2019/").content.decode()
    assert '"name": "Mick Mulvaney"' in html
    assert DRAFT_NAME not in html


def test_a_draft_delegation_is_neither_shown_nor_linked_nor_exported(client, world):
    wang = make_person(name="Wang Yi", slug="wang-yi", country="CN", status=Status.PUBLISHED)
    china = make_delegation(summit=world.hanoi, country="CN", leader=wang)
    make_member(delegation=china, person=wang, role="Außenminister")
    statement = add_statement(
        summit=world.hanoi, speaker=wang, delegation=china, text="Wir vermitteln gern."
    )
    urls = reader_urls(world, "/personen/wang-yi/")
    assert_absent(client, urls, "/delegationen/cn/", "Delegation China", "Wir vermitteln gern.")
    assert "China" not in client.get("/gipfel/hanoi-2019/").content.decode()
    assert client.get("/gipfel/hanoi-2019/delegationen/cn/").status_code == 404
    assert client.get(f"/aussagen/{statement.pk}/").status_code == 404
    rows = content(client.get("/aussagen/export.csv")).splitlines()
    assert not any(";CN;" in row for row in rows)


def test_a_delegation_of_a_draft_summit_is_not_public(client, world):
    geneva = make_summit(slug="genf-2026", city="Genf", country="CH", status=Status.DRAFT)
    swiss = make_delegation(summit=geneva, country="CH", status=Status.PUBLISHED)
    make_member(delegation=swiss, person=world.pompeo, role="Gast")
    for url in ["/aussagen/", "/personen/mike-pompeo/", "/personen/donald-trump/"]:
        html = client.get(url).content.decode()
        assert "Schweiz" not in html, url  # not even as a filter choice
        assert "genf-2026" not in html, url
    assert client.get("/gipfel/genf-2026/delegationen/ch/").status_code == 404


@pytest.mark.parametrize("draft", ["summit", "speaker", "source", "delegation"])
def test_a_statement_is_listed_nowhere_while_what_it_names_is_a_draft(client, world, draft):
    summit = make_summit(status=Status.PUBLISHED, slug="seoul-2025", title="Seoul 2025")
    speaker = make_person(status=Status.PUBLISHED, name="Moon Jae-in", slug="moon-jae-in")
    source = make_source(body="„Frieden jetzt“, sagte Moon.", status=Status.PUBLISHED)
    delegation = make_delegation(summit=summit, country="KR", status=Status.PUBLISHED)
    statement = add_statement(
        summit=summit,
        speaker=speaker,
        delegation=delegation,
        source=source,
        quote="Frieden jetzt",
    )
    statement.topics.add(world.topic)
    part = {"summit": summit, "speaker": speaker, "source": source, "delegation": delegation}
    type(part[draft]).objects.filter(pk=part[draft].pk).update(status=Status.DRAFT)

    assert client.get(f"/aussagen/{statement.pk}/").status_code == 404
    urls = [
        "/",
        "/aussagen/",
        "/aussagen/export.csv",
        "/suche/?q=Frieden",
        "/themen/sanktionen/",
        "/feeds/aussagen/",
        "/sitemap-aussagen.xml",
    ]
    assert_absent(client, urls, "Frieden jetzt", f"/aussagen/{statement.pk}/")
    assert statement not in Statement.objects.public()


# The QuerySet rules


def test_statement_public_needs_it_and_everything_it_names_published(world):
    draft_summit = make_summit(status=Status.DRAFT)
    draft_person = make_person(status=Status.DRAFT)
    draft_source = make_source()
    draft_delegation = make_delegation(summit=world.hanoi, country="KR")
    of_a_draft_summit = add_statement(summit=draft_summit, speaker=world.trump)
    hidden = [
        of_a_draft_summit,
        add_statement(summit=world.hanoi, speaker=draft_person),
        add_statement(
            summit=world.hanoi, speaker=world.trump, source=draft_source, quote="Wir reden weiter"
        ),
        add_statement(summit=world.hanoi, speaker=world.trump, delegation=draft_delegation),
        add_statement(summit=world.hanoi, speaker=world.trump, status=StatementStatus.DRAFT),
    ]
    anonymous = add_statement(
        summit=world.hanoi, speaker=world.trump, speaker_label="Ein Diplomat"
    )
    Statement.objects.filter(pk=anonymous.pk).update(speaker=None, delegation=None)
    public = set(Statement.objects.public())
    assert public == {
        world.trump_statement,
        world.kim_statement,
        world.pompeo_statement,
        anonymous,
    }
    assert not public & set(hidden)
    # `published()` stays the status alone, as the admin means it.
    assert of_a_draft_summit in Statement.objects.published()


def test_delegation_public_needs_its_summit_published(world):
    world.singapore.status = Status.DRAFT
    world.singapore.save()
    draft = make_delegation(summit=world.hanoi, country="KR")
    public = set(Delegation.objects.public())
    assert public == set(Delegation.objects.filter(summit=world.hanoi).exclude(pk=draft.pk))


def test_member_public_needs_the_person_and_the_delegation_public(world):
    us = Delegation.objects.get(summit=world.hanoi, country="US")
    draft_person = make_member(delegation=us, person=make_person(status=Status.DRAFT))
    draft_delegation = make_member(
        delegation=make_delegation(summit=world.hanoi, country="KR"), person=world.trump
    )
    world.singapore.status = Status.DRAFT
    world.singapore.save()
    hidden = [draft_person.pk, draft_delegation.pk]
    assert set(DelegationMember.objects.public()) == set(
        DelegationMember.objects.filter(delegation__summit=world.hanoi).exclude(pk__in=hidden)
    )


def test_summits_people_sources_are_public_when_published_and_topics_always(world):
    for model in [Summit, Person, SourceArticle]:
        assert set(model.objects.public()) == set(model.objects.published()), model
    make_topic()
    assert Topic.objects.public().count() == Topic.objects.count()


# Preview


@pytest.fixture
def staff_without_permissions(db):
    staff = Client()
    staff.force_login(make_user(username="nur-staff"))
    return staff


@pytest.fixture
def redaktion(redaktion_user):
    editor = Client()
    editor.force_login(redaktion_user)
    return editor


def test_preview_needs_the_editorial_view_permissions(
    world, redaktion_user, chefredaktion_user, django_user_model
):
    assert can_preview(redaktion_user)
    assert can_preview(chefredaktion_user)
    assert can_preview(django_user_model.objects.create_superuser("admin", password="pw"))
    assert not can_preview(make_user(username="nur-staff"))
    assert not can_preview(AnonymousUser())


def test_staff_without_permissions_see_what_readers_see(staff_without_permissions, world):
    world.hanoi.status = Status.DRAFT
    world.hanoi.save()
    draft = add_statement(
        summit=world.singapore,
        speaker=world.trump,
        text="Noch nicht freigegeben",
        status=StatementStatus.DRAFT,
    )
    staff = staff_without_permissions
    assert staff.get("/gipfel/hanoi-2019/").status_code == 404
    assert staff.get(f"/aussagen/{draft.pk}/").status_code == 404
    for url in ["/", "/gipfel/", "/aussagen/", "/aussagen/export.csv", "/suche/?q=Hanoi"]:
        text = content(staff.get(url))
        assert "Noch nicht freigegeben" not in text, url
        assert f"/aussagen/{world.trump_statement.pk}/" not in text, url
        assert "Entwurf" not in text, url
        assert "/gipfel/hanoi-2019/" not in text, url


def test_the_redaktion_still_previews_drafts(redaktion, world):
    world.hanoi.status = Status.DRAFT
    world.hanoi.save()
    person = make_person(name=DRAFT_NAME, status=Status.DRAFT)
    add_statement(summit=world.hanoi, speaker=person, text=DRAFT_QUOTE)
    html = redaktion.get("/gipfel/hanoi-2019/").content.decode()
    assert "Vorschau für die Redaktion" in html
    assert DRAFT_NAME in html
    assert DRAFT_QUOTE in content(redaktion.get("/aussagen/export.csv"))
