import csv
import io
import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from events import queries
from events.models import Delegation, Person, Statement
from newsroom.editorial import StatementStatus, Status
from tests.events.conftest import add_statement, add_statements, json_ld, queries_for
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


@pytest.fixture
def staff_client(db):
    staff = Client()
    staff.force_login(make_user(username="vorschau", groups=("Redaktion",)))
    return staff


# Pages render


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
        "/suche/?q=Zeit",
        "/en/summits/hanoi-2019/",
    ],
)
def test_public_pages_render_with_structured_data_and_canonical_link(client, world, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<link rel="canonical" href="http://testserver{url.split("?")[0]}">' in html
    assert '<meta property="og:title"' in html
    assert json_ld(response)["@context"] == "https://schema.org"
    assert '<main id="main"' in html and 'href="#main"' in html


def test_home_lists_recent_summits_and_latest_statements(client, world):
    html = client.get("/").content.decode()
    assert "Gipfeltreffen in Hanoi 2019" in html
    assert "Gipfeltreffen in Singapur 2018" in html
    assert "Ich bin nicht hier, um Zeit zu verschwenden." in html


def test_home_renders_with_the_demo_content_alone(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    assert "Noch keine Aussagen veröffentlicht." in response.content.decode()


# Summit page


def test_summit_page_shows_facts_delegations_and_statements(client, world):
    html = client.get("/gipfel/hanoi-2019/").content.decode()
    for text in [
        "Sofitel Legend Metropole",
        "Vietnam",
        "Vorzeitig beendet",
        "Amtierender Stabschef",
        'href="/gipfel/hanoi-2019/delegationen/us/"',
        'href="/personen/mick-mulvaney/"',
        "Manchmal muss man gehen",
        'href="/quellen/gipfel-in-hanoi-abgebrochen/#statement-',
        'href="/themen/sanktionen/"',
    ]:
        assert text in html


def test_summit_page_links_previous_and_next_summit(client, world):
    hanoi = client.get("/gipfel/hanoi-2019/").content.decode()
    singapore = client.get("/gipfel/singapur-2018/").content.decode()
    assert '<a rel="prev" href="/gipfel/singapur-2018/">' in hanoi
    assert '<a rel="next" href="/gipfel/hanoi-2019/">' in singapore


def test_summit_page_hides_a_draft_previous_summit(client, world):
    world.singapore.status = Status.DRAFT
    world.singapore.save()
    assert "/gipfel/singapur-2018/" not in client.get("/gipfel/hanoi-2019/").content.decode()


def test_summit_page_bounds_statements_per_speaker_and_links_to_all(client, world):
    add_statements(world.hanoi, [world.trump], 12)
    html = client.get("/gipfel/hanoi-2019/").content.decode()
    # The most recent first: the statement of 28 February, then the latest of the 27th.
    assert "Manchmal muss man gehen" in html
    assert html.count("Aussage Nummer") == queries.STATEMENTS_PER_SPEAKER - 1
    assert "/aussagen/?gipfel=hanoi-2019&amp;person=donald-trump" in html
    assert "Alle 13 Aussagen von Donald Trump bei diesem Gipfel" in html


def test_summit_page_lists_the_less_quoted_speakers_with_a_count(client, world):
    people = [make_person(status=Status.PUBLISHED) for _ in range(queries.SPEAKER_GROUPS + 2)]
    add_statements(world.hanoi, people, 2 * len(people))
    html = client.get("/gipfel/hanoi-2019/").content.decode()
    assert "Weitere Personen" in html
    assert html.count('class="speaker-group"') == queries.SPEAKER_GROUPS
    assert "Manchmal muss man gehen" not in html  # Trump has one statement, the others two
    assert "/aussagen/?gipfel=hanoi-2019&amp;person=donald-trump" in html
    assert f"<dd>{3 + 2 * len(people)}</dd>" in html


def test_summit_page_timeline_counts_statements_per_day(client, world):
    html = client.get("/gipfel/hanoi-2019/").content.decode()
    assert re.search(r'datetime="2019-02-27">.*?1 Aussage<', html, re.S)
    assert re.search(r'datetime="2019-02-28">.*?2 Aussagen<', html, re.S)


def test_summit_page_queries_do_not_grow_with_statements(client, world):
    small = queries_for(client, "/gipfel/hanoi-2019/")
    people = [make_person(status=Status.PUBLISHED) for _ in range(20)]
    delegation = world.hanoi.delegations.get(country="US")
    for person in people:
        make_member(delegation=delegation, person=person, role="Berater")
    add_statements(world.hanoi, people, 300)
    assert queries_for(client, "/gipfel/hanoi-2019/") == small


def test_draft_summit_is_404_for_readers(client, world):
    world.hanoi.status = Status.DRAFT
    world.hanoi.save()
    assert client.get("/gipfel/hanoi-2019/").status_code == 404
    assert client.get("/gipfel/hanoi-2019/delegationen/us/").status_code == 404


def test_staff_can_preview_a_draft_summit(staff_client, world):
    world.hanoi.status = Status.DRAFT
    world.hanoi.save()
    response = staff_client.get("/gipfel/hanoi-2019/")
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_unpublished_person_is_neither_named_nor_linked(client, world):
    Person.objects.filter(slug="mick-mulvaney").update(status=Status.DRAFT)
    html = client.get("/gipfel/hanoi-2019/").content.decode()
    assert "Mick Mulvaney" not in html
    assert "/personen/mick-mulvaney/" not in html
    assert client.get("/personen/mick-mulvaney/").status_code == 404


def test_draft_delegation_is_not_shown(client, world):
    world.hanoi.delegations.filter(country="US").update(status=Status.DRAFT)
    html = client.get("/gipfel/hanoi-2019/").content.decode()
    assert "/delegationen/us/" not in html
    assert client.get("/gipfel/hanoi-2019/delegationen/us/").status_code == 404


# Delegation, person, topic pages


def test_delegation_page_lists_members_with_roles_and_statements(client, world):
    html = client.get("/gipfel/hanoi-2019/delegationen/us/").content.decode()
    assert "Vereinigte Staaten" in html
    assert "Amtierender Stabschef" in html
    assert "Manchmal muss man gehen" in html
    assert "Ich bin nicht hier" not in html


def test_delegation_page_accepts_an_upper_case_country(client, world):
    assert client.get("/gipfel/hanoi-2019/delegationen/US/").status_code == 200
    assert client.get("/gipfel/hanoi-2019/delegationen/xx/").status_code == 404


def test_json_ld_names_countries_in_the_language_of_the_page(client, world):
    delegation = json_ld(client.get("/gipfel/hanoi-2019/delegationen/kp/"))
    assert delegation["name"] == "Nordkorea – Gipfeltreffen in Hanoi 2019"
    person = json_ld(client.get("/en/people/mike-pompeo/"))
    assert person["nationality"] == {"@type": "Country", "name": "United States"}


def test_person_page_shows_roles_across_summits_and_statements(client, world):
    html = client.get("/personen/mike-pompeo/").content.decode()
    assert "Gipfeltreffen in Singapur 2018" in html
    assert "Gipfeltreffen in Hanoi 2019" in html
    assert "Außenminister" in html
    assert "sehr nah dran" in html
    assert json_ld(client.get("/personen/mike-pompeo/"))["@type"] == "Person"


def test_person_page_filters_statements(client, world):
    add_statement(summit=world.singapore, speaker=world.trump, text="Singapur war gut.")
    html = client.get("/personen/donald-trump/?gipfel=singapur-2018").content.decode()
    assert "Singapur war gut." in html
    assert "Manchmal muss man gehen" not in html
    assert 'name="person"' not in html


def test_person_page_queries_do_not_grow_with_statements(client, world):
    small = queries_for(client, "/personen/donald-trump/")
    add_statements(world.hanoi, [world.trump], 120)
    assert queries_for(client, "/personen/donald-trump/") == small


def test_topic_page_lists_its_statements_and_summits(client, world):
    html = client.get("/themen/sanktionen/").content.decode()
    assert "Manchmal muss man gehen" in html
    assert "Ich bin nicht hier" not in html
    assert 'href="/gipfel/hanoi-2019/"' in html


# Statement page


def test_statement_page_shows_the_quote_in_its_source(client, world):
    statement = world.trump_statement
    response = client.get(f"/aussagen/{statement.pk}/")
    html = response.content.decode()
    assert '<mark class="quote" data-statements="statement-' in html
    assert f'href="/quellen/gipfel-in-hanoi-abgebrochen/#statement-{statement.pk}"' in html
    assert 'href="/personen/donald-trump/"' in html
    data = json_ld(response)
    assert data["@type"] == "Quotation"
    assert data["creator"]["name"] == "Donald Trump"
    assert data["isPartOf"]["@type"] == "NewsArticle"


def test_draft_statement_is_404_for_readers_and_visible_to_staff(client, staff_client, world):
    Statement.objects.filter(pk=world.kim_statement.pk).update(status=StatementStatus.SUGGESTED)
    url = f"/aussagen/{world.kim_statement.pk}/"
    assert client.get(url).status_code == 404
    assert "Ich bin nicht hier" not in client.get("/gipfel/hanoi-2019/").content.decode()
    assert staff_client.get(url).status_code == 200


def test_published_statement_of_an_unpublished_summit_is_hidden(client, world):
    summit = make_summit(status=Status.DRAFT)
    statement = add_statement(summit=summit, speaker=world.trump, text="Geheimer Gipfel")
    assert client.get(f"/aussagen/{statement.pk}/").status_code == 404
    assert "Geheimer Gipfel" not in client.get("/aussagen/").content.decode()
    assert "Geheimer Gipfel" not in client.get("/personen/donald-trump/").content.decode()
    assert "Geheimer Gipfel" not in client.get("/aussagen/export.csv").getvalue().decode()
    assert "Geheimer Gipfel" not in client.get("/feeds/aussagen/").content.decode()
    assert f"/aussagen/{statement.pk}/" not in client.get("/suche/?q=Geheimer").content.decode()


def test_statement_from_an_unpublished_source_shows_no_excerpt_or_link(client, world):
    draft = make_source(body="Ein Entwurf: „Nichts“, sagte Trump.", title="Entwurfsquelle")
    statement = add_statement(
        summit=world.hanoi, speaker=world.trump, source=draft, quote="Nichts"
    )
    html = client.get(f"/aussagen/{statement.pk}/").content.decode()
    assert f"/quellen/{draft.slug}/" not in html
    assert "Ein Entwurf" not in html
    assert client.get(f"/quellen/{draft.slug}/").status_code == 404


def test_readers_see_nothing_of_a_draft_source_and_staff_see_it(client, staff_client, world):
    # A statement stands on its source: readers see neither until both are published.
    draft = make_source(
        body="Ein Entwurf: „Nichts“, sagte Trump.", title="Entwurfsquelle", publisher="Geheimblatt"
    )
    statement = add_statement(
        summit=world.hanoi, speaker=world.trump, source=draft, quote="Nichts"
    )
    statement.topics.add(world.topic)
    lists = [
        "/",
        "/aussagen/",
        "/gipfel/hanoi-2019/",
        "/gipfel/hanoi-2019/delegationen/us/",
        "/personen/donald-trump/",
        "/themen/sanktionen/",
    ]
    detail = f"/aussagen/{statement.pk}/"
    assert client.get(detail).status_code == 404
    for url in lists:
        html = client.get(url).content.decode()
        assert detail not in html, url
        for secret in ["Entwurfsquelle", "Geheimblatt", "Ein Entwurf", f"/quellen/{draft.slug}/"]:
            assert secret not in html, (url, secret)
    for url in [*lists, detail]:
        html = staff_client.get(url).content.decode()
        assert "Entwurfsquelle</a> (Geheimblatt" in html, url


def test_script_in_a_statement_is_shown_as_text(client, world):
    evil = add_statement(
        summit=world.hanoi, speaker=world.trump, text="<script>alert(1)</script></script>"
    )
    for url in [f"/aussagen/{evil.pk}/", "/aussagen/", "/gipfel/hanoi-2019/", "/"]:
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url
    response = client.get(f"/aussagen/{evil.pk}/")
    assert "\\u003C/script\\u003E" in response.content.decode()
    assert json_ld(response)["text"] == "<script>alert(1)</script></script>"


# Statement list and CSV


def test_statement_list_filters_by_summit_speaker_country_topic_kind_and_text(client, world):
    add_statement(summit=world.singapore, speaker=world.kim, text="Ein neues Kapitel.")

    def shown(query: str) -> set[str]:
        html = client.get(f"/aussagen/?{query}").content.decode()
        return {
            t for t in ["Manchmal", "Zeit zu verschwenden", "nah dran", "Kapitel"] if t in html
        }

    assert shown("gipfel=singapur-2018") == {"Kapitel"}
    assert shown("person=kim-jong-un") == {"Zeit zu verschwenden", "Kapitel"}
    assert shown("land=US&gipfel=hanoi-2019") == {"Manchmal", "nah dran"}
    assert shown("thema=sanktionen") == {"Manchmal"}
    assert shown("art=fragment") == {"nah dran"}
    assert shown("q=verschwenden") == {"Zeit zu verschwenden"}
    assert shown("von=2019-02-28&bis=2019-02-28") == {"Manchmal", "nah dran"}


def test_statement_list_orders_by_the_chosen_field(client, world):
    html = client.get("/aussagen/?sortierung=person").content.decode()
    # Donald Trump, Kim Jong-un, Mike Pompeo
    assert html.index("Manchmal") < html.index("Zeit zu verschwenden") < html.index("nah dran")
    html = client.get("/aussagen/?sortierung=-person").content.decode()
    assert html.index("nah dran") < html.index("Zeit zu verschwenden") < html.index("Manchmal")


def test_statement_list_form_fields_have_labels(client, world):
    html = client.get("/aussagen/").content.decode()
    for name in ["q", "gipfel", "person", "land", "thema", "art", "von", "bis", "sortierung"]:
        assert f'<label for="id_{name}">' in html


def test_statement_list_is_paginated_with_filters_kept(client, world):
    add_statements(world.hanoi, [world.trump], 45)
    html = client.get("/aussagen/?gipfel=hanoi-2019").content.decode()
    assert "Seite 1 von 3" in html
    assert 'href="?gipfel=hanoi-2019&amp;seite=2"' in html


def test_statement_list_queries_do_not_grow_with_statements(client, world):
    small = queries_for(client, "/aussagen/?gipfel=hanoi-2019")
    add_statements(world.hanoi, [world.trump, world.kim], 200)
    assert queries_for(client, "/aussagen/?gipfel=hanoi-2019") == small


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content.removeprefix("\ufeff")), delimiter=";"))


def test_csv_download_is_streamed_with_a_bom_and_the_filtered_rows(client, world):
    response = client.get("/aussagen/export.csv?person=kim-jong-un")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0][:3] == ["id", "gesagt_am", "person"]
    assert [row[6] for row in rows[1:]] == ["Ich bin nicht hier, um Zeit zu verschwenden."]
    assert rows[1][1] == "2019-02-27"
    assert rows[1][8] == "Gipfel in Hanoi abgebrochen"
    assert rows[1][9] == ""  # the demo source has no URL of its own
    assert rows[1][10] == f"http://testserver/aussagen/{world.kim_statement.pk}/"


def test_csv_rows_are_in_the_language_of_the_request_whenever_they_are_streamed(client, world):
    response = client.get("/en/statements/export.csv?person=kim-jong-un")
    with translation.override("de"):
        rows = csv_rows(response)
    assert rows[1][5] == "Direct quote"
    assert rows[1][10] == f"http://testserver/en/statements/{world.kim_statement.pk}/"


def test_the_statement_list_is_html_whatever_the_format_parameter(client, world):
    response = client.get("/aussagen/?format=csv")
    assert response["Content-Type"].startswith("text/html")


def test_csv_head_answers_like_get_without_a_body_or_reading_rows(
    client, world, django_assert_max_num_queries
):
    url = "/aussagen/export.csv?person=kim-jong-un"
    get = client.get(url)
    with django_assert_max_num_queries(1):  # the session, no statement rows
        head = client.head(url)
    assert head.status_code == get.status_code == 200
    for header in ["Content-Type", "Content-Disposition"]:
        assert head[header] == get[header]
    assert "Content-Length" not in head
    assert b"".join(head.streaming_content) == b""
    assert client.post(url).status_code == 405


def test_csv_queries_do_not_grow_with_statements(client, world):
    def count() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            rows = csv_rows(client.get("/aussagen/export.csv"))
        return len(captured), len(rows)

    small, lines = count()
    add_statements(world.hanoi, [world.trump, world.kim], 1200)
    assert count() == (small, lines + 1200)


@pytest.mark.parametrize("text", ["=HYPERLINK(1)", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_neutralises_cells_that_look_like_formulas(client, world, text):
    add_statement(summit=world.hanoi, speaker=world.trump, text=text, said_on=date(2030, 1, 1))
    rows = csv_rows(client.get("/aussagen/export.csv"))
    assert rows[1][6] == f"'{text}"


def test_csv_leaves_out_drafts(client, world):
    Statement.objects.filter(pk=world.trump_statement.pk).update(status=StatementStatus.DRAFT)
    assert "Manchmal" not in client.get("/aussagen/export.csv").getvalue().decode()


# Robots


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


# Languages


def test_german_is_the_default_without_a_prefix(client, world):
    html = client.get("/gipfel/hanoi-2019/").content.decode()
    assert '<html lang="de">' in html
    assert "Delegationen" in html
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/summits/hanoi-2019/">'
        in html
    )


def test_english_pages_live_under_en(client, world):
    html = client.get("/en/summits/hanoi-2019/").content.decode()
    assert '<html lang="en">' in html
    assert "Delegations" in html
    assert "Vietnam" in html
    assert 'href="/en/people/donald-trump/"' in html


def switch_target(html: str, language: str) -> str:
    """Where the page's language switch to `language` sends the reader."""
    link = re.search(rf'<a class="language-switch" href="([^"]*)" hreflang="{language}"', html)
    return link.group(1).replace("&amp;", "&")


@pytest.mark.parametrize(
    "german, english",
    [
        ("/gipfel/hanoi-2019/", "/en/summits/hanoi-2019/"),
        ("/aussagen/?person=kim-jong-un&seite=1", "/en/statements/?person=kim-jong-un&seite=1"),
        ("/personen/donald-trump/", "/en/people/donald-trump/"),
        ("/suche/?q=Hanoi", "/en/search/?q=Hanoi"),
        ("/", "/en/"),
    ],
)
def test_language_switch_keeps_the_page_both_ways(client, world, german, english):
    assert switch_target(client.get(german).text, "en") == english
    assert switch_target(client.get(english).text, "de") == german
    # The address alone decides: a reader whose browser asks for English still reads the
    # German page at its German address.
    page = client.get(german, headers={"accept_language": "en"})
    assert '<html lang="de">' in page.text


def test_both_language_versions_name_each_other_and_their_own_canonical_address(client, world):
    for path in ["/gipfel/hanoi-2019/", "/en/summits/hanoi-2019/"]:
        html = client.get(path).text
        assert f'<link rel="canonical" href="http://testserver{path}">' in html
        for language, href in [
            ("de", "/gipfel/hanoi-2019/"),
            ("en", "/en/summits/hanoi-2019/"),
            ("x-default", "/gipfel/hanoi-2019/"),
        ]:
            assert (
                f'<link rel="alternate" hreflang="{language}" href="http://testserver{href}">'
                in html
            )


def test_statement_list_without_topic_or_delegation_data_still_renders(client, demo):
    summit = make_summit(status=Status.PUBLISHED)
    delegation = make_delegation(summit=summit, country="KR", status=Status.PUBLISHED)
    add_statement(
        summit=summit, speaker=make_person(status=Status.PUBLISHED, country="KR"), text="Hallo"
    )
    make_topic()
    html = client.get("/aussagen/?land=KR").content.decode()
    assert "Hallo" in html
    assert delegation.country == "KR"


# Summit index


def test_summit_index_filters_by_year_country_and_city(client, world):
    make_summit(
        title="Gipfel in Seoul",
        slug="seoul-2025",
        city="Seoul",
        country="KR",
        starts_on=date(2025, 5, 1),
        ends_on=date(2025, 5, 1),
        status=Status.PUBLISHED,
    )

    def shown(query: str) -> set[str]:
        html = client.get(f"/gipfel/?{query}").content.decode()
        return {slug for slug in ["hanoi-2019", "singapur-2018", "seoul-2025"] if slug in html}

    assert shown("") == {"hanoi-2019", "singapur-2018", "seoul-2025"}
    assert shown("jahr=2018") == {"singapur-2018"}
    assert shown("land=KR") == {"seoul-2025"}
    assert shown("stadt=Hanoi") == {"hanoi-2019"}
    # An unknown year is reported at its field rather than silently matching nothing.
    assert (
        'class="field-error" id="id_jahr-error"'
        in client.get("/gipfel/?jahr=1999").content.decode()
    )


def test_summit_index_leaves_out_drafts(client, world):
    make_summit(title="Geheimtreffen", slug="geheim", status=Status.DRAFT)
    assert "Geheimtreffen" not in client.get("/gipfel/").content.decode()


@pytest.mark.parametrize(
    "url, shown",
    [
        ("/", "Gipfeltreffen in Hanoi 2019"),
        ("/gipfel/", "Gipfeltreffen in Singapur 2018"),
        ("/gipfel/hanoi-2019/", "Kim Yo-jong"),
        ("/gipfel/singapur-2018/delegationen/kp/", "Kim Yo-jong"),
    ],
)
def test_pages_render_with_the_demo_content_alone(client, demo, url, shown):
    response = client.get(url)
    assert response.status_code == 200
    assert shown in response.content.decode()


def test_source_page_links_to_the_original_article_where_its_address_is_known(client, world):
    page = "/quellen/gipfel-in-hanoi-abgebrochen/"
    assert "Original beim Medium" not in client.get(page).text
    world.source.url = "https://www.example.org/hanoi-abgebrochen"
    world.source.save()
    assert world.source.link_url
    assert f'<a href="{world.source.link_url}" rel="noopener">' in client.get(page).text
    assert (
        "Original at the publisher" in client.get("/en/sources/gipfel-in-hanoi-abgebrochen/").text
    )


def test_unknown_pages_are_404(client, world):
    for url in ["/gipfel/gibt-es-nicht/", "/themen/gibt-es-nicht/", "/aussagen/999999/"]:
        assert client.get(url).status_code == 404


def test_delegation_sidebar_names_the_leader_the_statements_and_the_members_other_summits(
    client, world
):
    html = client.get("/gipfel/hanoi-2019/delegationen/us/").text
    aside = html.split('class="two-columns__aside"', 1)[1]
    assert 'id="leader-heading"' in aside and 'href="/personen/donald-trump/"' in aside
    assert "?gipfel=hanoi-2019&amp;land=US" in aside
    # Trump and Pompeo were in the US delegation at Singapore too.
    assert 'href="/gipfel/singapur-2018/"' in aside
    assert "Mike Pompeo" in aside.split('id="other-summits-heading"', 1)[1]


def test_delegation_page_queries_do_not_grow_with_members_and_their_summits(client, world):
    url = "/gipfel/hanoi-2019/delegationen/us/"
    before = queries_for(client, url)
    us = Delegation.objects.get(summit=world.hanoi, country="US")
    for n in range(4):
        summit = make_summit(status=Status.PUBLISHED)
        other = make_delegation(summit=summit, country="US", status=Status.PUBLISHED)
        person = make_person(status=Status.PUBLISHED)
        make_member(delegation=us, person=person, position=10 + n)
        make_member(delegation=other, person=person, role="Berater")
        make_member(delegation=other, person=world.trump)
    assert queries_for(client, url) == before
    assert client.get(url).text.count("(Berater)") == 4


def test_person_page_shows_other_names_and_summits_with_roles(client, world):
    html = client.get("/personen/donald-trump/").text
    assert "Auch genannt:" in html and "US-Präsident" in html
    roles = html.split('id="roles-heading"', 1)[1]
    assert 'href="/gipfel/hanoi-2019/"' in roles and 'href="/gipfel/singapur-2018/"' in roles
    assert "Präsident" in roles


def test_topic_page_lists_people_and_summits_and_stays_constant(client, world):
    url = world.topic.get_absolute_url()
    before = queries_for(client, url)
    for _ in range(3):
        person = make_person(status=Status.PUBLISHED)
        add_statement(summit=make_summit(status=Status.PUBLISHED), speaker=person).topics.add(
            world.topic
        )
    assert queries_for(client, url) == before
    html = client.get(url).text
    assert 'id="people-heading"' in html and 'href="/personen/donald-trump/"' in html
    assert html.count("/gipfel/gipfel-") >= 3


def test_statement_cards_link_their_topics_with_a_constant_number_of_queries(client, world):
    url = "/aussagen/"
    before = queries_for(client, url)
    for n in range(3):
        add_statement(summit=world.hanoi, speaker=world.kim).topics.add(
            make_topic(name=f"Thema Nummer {n}")
        )
    assert queries_for(client, url) == before
    html = client.get(url).text
    assert 'href="/themen/sanktionen/"' in html
    assert html.count('class="tag-list statement-card__topics"') >= 4


def test_the_statement_filter_folds_behind_a_summary_and_opens_when_used(client, world):
    html = client.get("/aussagen/").text
    assert '<details class="filter-toggle">' in html
    assert "<summary>Aussagen filtern</summary>" in html
    assert (
        '<details class="filter-toggle" open>' in client.get("/aussagen/?person=kim-jong-un").text
    )


def test_pages_name_the_favicon_and_favicon_ico_leads_to_it(client, world):
    assert 'rel="icon" href="/static/favicon.svg"' in client.get("/").text
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/favicon.svg"
