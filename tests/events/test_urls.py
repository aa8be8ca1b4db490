"""Every public model knows its address, and everything that links to a model's page (pages,
sitemap, feeds, JSON-LD, the CSV, the admin's "view on site") takes it from there."""

import csv
import io
import json
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from events.models import Delegation, Person, Statement, Summit, Topic
from newsroom.editorial import Status
from sources.models import SourceArticle
from tests.factories import make_delegation, make_member, make_person, make_summit

pytestmark = pytest.mark.django_db

# A link to a model's page built by hand: what no template may contain.
HAND_BUILT = re.compile(
    r'href="(?:/en)?/(?:gipfel/[\w-]+/(?:delegationen/\w+/)?|personen/[\w-]+/|themen/[\w-]+/'
    r'|aussagen/\d+/|quellen/[\w-]+/)[#"]'
)


def addresses(world):
    delegation = Delegation.objects.select_related("summit").get(summit=world.hanoi, country="KP")
    return [
        (world.hanoi, "/gipfel/hanoi-2019/"),
        (world.trump, "/personen/donald-trump/"),
        (world.topic, "/themen/sanktionen/"),
        (delegation, "/gipfel/hanoi-2019/delegationen/kp/"),
        (world.kim_statement, f"/aussagen/{world.kim_statement.pk}/"),
        (world.source, "/quellen/gipfel-in-hanoi-abgebrochen/"),
    ]


def test_each_public_model_has_its_address_in_the_active_language(world):
    for obj, path in addresses(world):
        with translation.override("de"):
            assert obj.get_absolute_url() == path
        with translation.override("en"):
            assert obj.get_absolute_url() == f"/en{path}"


def test_each_address_opens_its_page(client, world):
    for obj, path in addresses(world):
        assert client.get(obj.get_absolute_url()).status_code == 200, path


def test_a_delegation_takes_the_summit_it_was_loaded_with(world, django_assert_num_queries):
    delegation = Delegation.objects.select_related("summit").get(summit=world.hanoi, country="US")
    with django_assert_num_queries(0):
        assert delegation.get_absolute_url() == "/gipfel/hanoi-2019/delegationen/us/"


@pytest.fixture
def moved(monkeypatch):
    """Every public page moved to /umgezogen/ by its model alone: whatever then shows the new
    addresses takes them from the models."""

    def move(model, key):
        monkeypatch.setattr(
            model, "get_absolute_url", lambda obj: f"/umgezogen/{model.__name__}/{key(obj)}/"
        )

    move(Summit, lambda summit: summit.slug)
    move(Person, lambda person: person.slug)
    move(Topic, lambda topic: topic.slug)
    move(Delegation, lambda delegation: f"{delegation.summit.slug}-{delegation.country}")
    move(Statement, lambda statement: statement.pk)
    move(SourceArticle, lambda source: source.slug)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/gipfel/",
        "/gipfel/hanoi-2019/",
        "/gipfel/hanoi-2019/delegationen/us/",
        "/personen/donald-trump/",
        "/themen/sanktionen/",
        "/aussagen/",
        "/quellen/gipfel-in-hanoi-abgebrochen/",
        "/suche/?q=Hanoi",
        "/en/gipfel/hanoi-2019/",
    ],
)
def test_pages_link_to_the_addresses_the_models_give(client, world, moved, url):
    html = client.get(url).content.decode()
    assert "/umgezogen/" in html
    assert not HAND_BUILT.findall(html)


def test_statement_page_links_to_the_addresses_the_models_give(client, world, moved):
    statement = world.kim_statement
    html = client.get(reverse("events:statement-detail", args=[statement.pk])).content.decode()
    assert 'href="/umgezogen/Delegation/hanoi-2019-KP/"' in html
    assert f'href="/umgezogen/SourceArticle/{world.source.slug}/#statement-{statement.pk}"' in html
    assert not HAND_BUILT.findall(html)


def test_sitemap_takes_the_addresses_from_the_models(client, world, moved):
    content = "".join(
        client.get(f"/sitemap-{section}.xml").content.decode()
        for section in ["gipfel", "personen", "aussagen", "quellen", "themen"]
    )
    assert "<loc>http://testserver/umgezogen/Summit/hanoi-2019/</loc>" in content
    assert "<loc>http://testserver/umgezogen/Person/donald-trump/</loc>" in content
    assert "<loc>http://testserver/umgezogen/Topic/sanktionen/</loc>" in content
    assert f"<loc>http://testserver/umgezogen/Statement/{world.trump_statement.pk}/" in content
    assert f"<loc>http://testserver/umgezogen/SourceArticle/{world.source.slug}/" in content
    assert "<loc>http://testserver/gipfel/" not in content


def test_feeds_take_the_addresses_from_the_models(client, world, moved):
    summit_feed = client.get("/feeds/gipfel/hanoi-2019/").content.decode()
    assert 'href="http://testserver/umgezogen/Summit/hanoi-2019/"' in summit_feed
    statement = f'href="http://testserver/umgezogen/Statement/{world.trump_statement.pk}/"'
    assert statement in summit_feed
    person_feed = client.get("/feeds/personen/donald-trump/").content.decode()
    assert 'href="http://testserver/umgezogen/Person/donald-trump/"' in person_feed
    assert statement in client.get("/feeds/aussagen/").content.decode()


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_json_ld_takes_the_addresses_from_the_models(client, world, moved):
    moved_to = "http://testserver/umgezogen/"
    summit = json_ld(client.get("/gipfel/hanoi-2019/").content.decode())
    assert summit["url"] == f"{moved_to}Summit/hanoi-2019/"
    assert f"{moved_to}Person/donald-trump/" in {person["url"] for person in summit["attendee"]}
    assert summit["subjectOf"][0]["url"] == f"{moved_to}SourceArticle/{world.source.slug}/"
    delegation = json_ld(client.get("/gipfel/hanoi-2019/delegationen/us/").content.decode())
    assert delegation["url"] == f"{moved_to}Delegation/hanoi-2019-US/"
    statement_page = client.get(reverse("events:statement-detail", args=[world.kim_statement.pk]))
    quotation = json_ld(statement_page.content.decode())
    assert quotation["url"] == f"{moved_to}Statement/{world.kim_statement.pk}/"
    assert quotation["about"]["url"] == f"{moved_to}Summit/hanoi-2019/"


def test_statement_csv_gives_the_address_from_the_model(client, world, moved):
    response = client.get("/aussagen/export.csv?person=kim-jong-un")
    content = response.getvalue().decode()
    rows = list(csv.reader(io.StringIO(content.removeprefix("\ufeff")), delimiter=";"))
    assert rows[1][10] == f"http://testserver/umgezogen/Statement/{world.kim_statement.pk}/"


def test_the_admin_views_each_public_model_on_the_site(admin_client, world):
    for obj, path in addresses(world):
        content_type = ContentType.objects.get_for_model(obj)
        change = reverse(
            f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk]
        )
        view_on_site = reverse("admin:view_on_site", args=[content_type.pk, obj.pk])
        assert view_on_site in admin_client.get(change).content.decode()
        assert admin_client.get(view_on_site)["Location"] == f"http://testserver{path}"


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def test_summit_page_queries_do_not_grow_with_delegations(client, world):
    before = queries_for(client, "/gipfel/hanoi-2019/")
    for code in ["CN", "KR", "JP", "RU"]:
        delegation = make_delegation(summit=world.hanoi, country=code, status=Status.PUBLISHED)
        make_member(delegation=delegation, person=make_person(status=Status.PUBLISHED))
    assert queries_for(client, "/gipfel/hanoi-2019/") == before
    assert 'href="/gipfel/hanoi-2019/delegationen/jp/"' in client.get("/gipfel/hanoi-2019/").text


def test_person_page_queries_do_not_grow_with_memberships(client, world):
    person = make_person(status=Status.PUBLISHED)

    def add_membership():
        summit = make_summit(status=Status.PUBLISHED)
        delegation = make_delegation(summit=summit, country="KR", status=Status.PUBLISHED)
        make_member(delegation=delegation, person=person)

    add_membership()
    before = queries_for(client, person.get_absolute_url())
    for _ in range(4):
        add_membership()
    assert queries_for(client, person.get_absolute_url()) == before
    assert client.get(person.get_absolute_url()).text.count("/delegationen/kr/") == 5
