"""Every public model knows its address, and everything that links to a model's page (pages,
sitemap, feeds, JSON-LD, the CSV, the admin's "view on site") takes it from there."""

import csv
import io
import json
import re

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from events.models import Delegation, Person, Statement, Summit, Topic
from newsroom.editorial import Status
from sources.models import SourceArticle
from tests.factories import make_delegation, make_member, make_person, make_summit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def german_outside_requests():
    """A request leaves its language active in the thread; reads outside one are German."""
    yield
    translation.activate("de")


# A link to a model's page built by hand: what no template may contain.
HAND_BUILT = re.compile(
    r'(?<!class="language-switch" )'  # the same page in the other language: translate_url
    r'href="(?:/en)?/(?:(?:gipfel|summits)/[\w-]+/(?:(?:delegationen|delegations)/\w+/)?'
    r"|(?:personen|people)/[\w-]+/|(?:themen|topics)/[\w-]+/|(?:aussagen|statements)/\d+/"
    r'|(?:quellen|sources)/[\w-]+/)[#"]'
)


def hand_built(html: str) -> list[str]:
    # The language switch leads to this same address in the other language (translate_url).
    return HAND_BUILT.findall(re.sub(r'<a class="language-switch"[^>]*>', "", html))


def addresses(world, language: str = "de"):
    """Each public model with its page's address, in German or in English."""
    delegation = Delegation.objects.select_related("summit").get(summit=world.hanoi, country="KP")
    statement = world.kim_statement.pk
    german = [
        (world.hanoi, "/gipfel/hanoi-2019/"),
        (world.trump, "/personen/donald-trump/"),
        (world.topic, "/themen/sanktionen/"),
        (delegation, "/gipfel/hanoi-2019/delegationen/kp/"),
        (world.kim_statement, f"/aussagen/{statement}/"),
        (world.source, "/quellen/gipfel-in-hanoi-abgebrochen/"),
    ]
    english = [
        "/en/summits/hanoi-2019/",
        "/en/people/donald-trump/",
        "/en/topics/sanktionen/",
        "/en/summits/hanoi-2019/delegations/kp/",
        f"/en/statements/{statement}/",
        "/en/sources/gipfel-in-hanoi-abgebrochen/",
    ]
    if language == "de":
        return german
    return [(obj, path) for (obj, _), path in zip(german, english, strict=True)]


def test_each_public_model_has_its_address_in_the_active_language(world):
    for language in ["de", "en"]:
        for obj, path in addresses(world, language):
            with translation.override(language):
                assert obj.get_absolute_url() == path


def test_each_english_address_opens_its_page_in_english(client, world):
    for _, path in addresses(world, "en"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert '<html lang="en">' in response.text, path


@pytest.mark.parametrize(
    "old, new",
    [
        ("/en/gipfel/hanoi-2019/", "/en/summits/hanoi-2019/"),
        ("/en/gipfel/hanoi-2019/delegationen/kp/", "/en/summits/hanoi-2019/delegations/kp/"),
        ("/en/personen/donald-trump/", "/en/people/donald-trump/"),
        ("/en/themen/sanktionen/", "/en/topics/sanktionen/"),
        ("/en/aussagen/?person=kim-jong-un", "/en/statements/?person=kim-jong-un"),
        ("/en/aussagen/export.csv", "/en/statements/export.csv"),
        ("/en/quellen/gipfel-in-hanoi-abgebrochen/", "/en/sources/gipfel-in-hanoi-abgebrochen/"),
        ("/en/suche/?q=Hanoi", "/en/search/?q=Hanoi"),
        ("/en/feeds/aussagen/", "/en/feeds/statements/"),
    ],
)
def test_old_english_addresses_move_permanently_to_the_english_ones(client, world, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200


@pytest.mark.parametrize("path", ["/en/gibt-es-nicht/", "/en/admin/", "/en/gipfel/unbekannt/x/"])
def test_unknown_english_addresses_are_not_redirected(client, world, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path, slashed",
    [
        ("/en/summits/hanoi-2019", "/en/summits/hanoi-2019/"),
        ("/en/gipfel/hanoi-2019", "/en/gipfel/hanoi-2019/"),
        ("/gipfel/hanoi-2019", "/gipfel/hanoi-2019/"),
    ],
)
def test_an_address_without_its_slash_gets_it(client, world, path, slashed):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == slashed


def test_german_paths_are_not_pages_in_english_or_english_paths_in_german(client, world):
    assert client.get("/summits/hanoi-2019/").status_code == 404
    assert client.get("/en/gipfel/hanoi-2019/").status_code == 301


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
        "/en/summits/hanoi-2019/",
    ],
)
def test_pages_link_to_the_addresses_the_models_give(client, world, moved, url):
    html = client.get(url).content.decode()
    assert "/umgezogen/" in html
    assert not hand_built(html)


def test_statement_page_links_to_the_addresses_the_models_give(client, world, moved):
    statement = world.kim_statement
    html = client.get(reverse("events:statement-detail", args=[statement.pk])).content.decode()
    assert 'href="/umgezogen/Delegation/hanoi-2019-KP/"' in html
    assert f'href="/umgezogen/SourceArticle/{world.source.slug}/#statement-{statement.pk}"' in html
    assert not hand_built(html)


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
    """The queries of rendering the page (not of taking it from the page cache)."""
    caches[settings.PAGE_CACHE].clear()
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
