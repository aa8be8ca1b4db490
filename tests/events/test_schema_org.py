"""schema.org JSON-LD of each page type (events/templatetags/schema_org.py): what search
engines read about summits, delegations, people, statements and sources."""

import json

import pytest

from events.models import Statement
from events.templatetags.schema_org import json_ld_script
from newsroom.editorial import StatementStatus
from tests.events.conftest import add_statement, json_ld

pytestmark = pytest.mark.django_db

HANOI = "http://testserver/gipfel/hanoi-2019/"


def test_script_text_cannot_end_the_script_element():
    script = json_ld_script({"text": "</script><b>Tom & Jerry</b>"})
    assert script.count("</script>") == 1
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == {
        "@context": "https://schema.org",
        "text": "</script><b>Tom & Jerry</b>",
    }


def test_summit_is_an_event_at_its_place_with_its_attendees_and_series(client, world):
    data = json_ld(client.get("/gipfel/hanoi-2019/"))
    assert (data["@type"], data["@id"]) == ("Event", f"{HANOI}#event")
    assert (data["startDate"], data["endDate"]) == ("2019-02-27", "2019-02-28")
    assert data["location"] == {
        "@type": "Place",
        "name": "Sofitel Legend Metropole",
        "address": {"@type": "PostalAddress", "addressLocality": "Hanoi", "addressCountry": "VN"},
    }
    attendees = {person["name"] for person in data["attendee"]}
    assert {"Donald Trump", "Kim Jong-un", "Mike Pompeo"} <= attendees
    assert [event["name"] for event in data["superEvent"]["subEvent"]] == [
        "Gipfeltreffen in Singapur 2018",
        "Gipfeltreffen in Hanoi 2019",
    ]
    assert data["subjectOf"][0]["headline"] == "Gipfel in Hanoi abgebrochen"


def test_delegation_is_an_organisation_of_members_in_their_roles(client, world):
    data = json_ld(client.get("/gipfel/hanoi-2019/delegationen/us/"))
    assert data["@type"] == "Organization"
    assert data["name"] == "Vereinigte Staaten – Gipfeltreffen in Hanoi 2019"
    roles = {role["member"]["name"]: role["roleName"] for role in data["member"]}
    assert roles["Mike Pompeo"] == "Außenminister"
    assert data["event"]["@id"] == f"{HANOI}#event"


def test_person_names_their_summits_and_nationality(client, world):
    data = json_ld(client.get("/personen/kim-jong-un/"))
    assert data["@id"] == "http://testserver/personen/kim-jong-un/#person"
    assert data["nationality"] == {"@type": "Country", "name": "Nordkorea"}
    assert {event["name"] for event in data["performerIn"]} == {
        "Gipfeltreffen in Hanoi 2019",
        "Gipfeltreffen in Singapur 2018",
    }


def test_statement_is_a_quotation_by_its_speaker_cited_from_its_source(client, world):
    data = json_ld(client.get(f"/aussagen/{world.pompeo_statement.pk}/"))
    assert (data["@type"], data["text"]) == ("Quotation", "sehr nah dran")
    assert data["inLanguage"] == "de"
    assert data["creator"]["name"] == "Mike Pompeo"
    assert data["dateCreated"] == "2019-02-28"
    article = "http://testserver/quellen/gipfel-in-hanoi-abgebrochen/"
    assert data["citation"] == article and data["isPartOf"]["url"] == article


def test_a_statement_without_a_person_is_credited_to_its_label_or_nobody(client, world):
    labelled = add_statement(
        summit=world.hanoi, speaker=world.trump, text="Mit Etikett", speaker_label="ein Berater"
    )
    anonymous = add_statement(summit=world.hanoi, speaker=world.trump, text="Ohne Etikett")
    Statement.objects.filter(pk__in=[labelled.pk, anonymous.pk]).update(speaker=None)
    creator = json_ld(client.get(f"/aussagen/{labelled.pk}/"))["creator"]
    assert creator == {"@type": "Person", "name": "ein Berater"}
    assert "creator" not in json_ld(client.get(f"/aussagen/{anonymous.pk}/"))


def test_source_is_a_news_article_with_its_quotations_and_original(client, world):
    world.source.url = "https://www.example.org/hanoi-abgebrochen"
    world.source.publisher = "Hanoier Tageblatt"
    world.source.save()
    data = json_ld(client.get("/quellen/gipfel-in-hanoi-abgebrochen/"))
    assert (data["@type"], data["headline"]) == ("NewsArticle", "Gipfel in Hanoi abgebrochen")
    assert data["datePublished"] == "2019-02-28"
    assert data["publisher"] == {"@type": "Organization", "name": "Hanoier Tageblatt"}
    assert data["sameAs"] == world.source.link_url
    assert {quote["text"] for quote in data["hasPart"]} == {
        "Manchmal muss man gehen",
        "Ich bin nicht hier, um Zeit zu verschwenden.",
        "sehr nah dran",
    }


def test_a_draft_statement_is_not_in_its_sources_graph(client, world):
    Statement.objects.filter(pk=world.kim_statement.pk).update(status=StatementStatus.DRAFT)
    data = json_ld(client.get("/quellen/gipfel-in-hanoi-abgebrochen/"))
    quoted = {quote["text"] for quote in data["hasPart"]}
    assert quoted == {"Manchmal muss man gehen", "sehr nah dran"}


def test_list_pages_sit_in_the_site_with_its_search(client, world):
    data = json_ld(client.get("/aussagen/"))
    assert (data["@type"], data["url"]) == ("CollectionPage", "http://testserver/aussagen/")
    action = data["isPartOf"]["potentialAction"]
    assert action["target"] == "http://testserver/suche/?q={search_term_string}"
