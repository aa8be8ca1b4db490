"""Feeds carry statements as text, never as markup; an article's address is a link only when
it is a web address (http or https), and no write path stores anything else."""

import html
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse

from newsroom.spreadsheets import open_sheet
from newsroom.tables import import_table
from sources.models import NOT_A_WEB_ADDRESS, SourceArticle
from sources.resources import SourceArticleTable
from tests.events.conftest import World, add_statement, build_world
from tests.factories import make_source

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
EVIL = "<script>alert(1)</script>"
FEEDS = ["/feeds/aussagen/", "/feeds/gipfel/hanoi-2019/", "/feeds/personen/donald-trump/"]
NOT_WEB_ADDRESSES = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript://example.com/%0Aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.com/artikel.txt",
]


@pytest.fixture
def world(db) -> World:
    return build_world()


# Feeds


def entry_for(feed: bytes, text_start: str) -> ET.Element:
    for entry in ET.fromstring(feed).iter(f"{ATOM}entry"):
        if text_start in entry.find(f"{ATOM}title").text:
            return entry
    raise AssertionError(f"no entry for {text_start!r}")


@pytest.mark.parametrize("url", FEEDS)
def test_a_script_in_a_statement_reaches_the_feed_reader_as_text(client, world, url):
    add_statement(summit=world.hanoi, speaker=world.trump, text=EVIL)
    entry = entry_for(client.get(url).content, "alert(1)")

    summary = entry.find(f"{ATOM}summary")
    # What the feed reader renders: the summary's type says how to read its text.
    if summary.get("type") == "html":
        assert "<" not in summary.text
        assert html.unescape(summary.text) == EVIL
    else:
        assert summary.get("type") in (None, "text")
        assert summary.text == EVIL

    title = entry.find(f"{ATOM}title")
    assert title.get("type") in (None, "text")
    assert title.text == f"Donald Trump: „{EVIL}“"


def test_an_ampersand_in_a_statement_is_not_read_as_an_entity(client, world):
    add_statement(summit=world.hanoi, speaker=world.trump, text="Zölle &amp; Sanktionen")
    summary = entry_for(client.get("/feeds/aussagen/").content, "Zölle").find(f"{ATOM}summary")
    assert html.unescape(summary.text) == "Zölle &amp; Sanktionen"


# Links


def json_ld(page: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def csv_source_urls(response) -> list[str]:
    lines = b"".join(response.streaming_content).decode().removeprefix("\ufeff").splitlines()
    header = lines[0].split(";")
    return [line.split(";")[header.index("quelle_url")] for line in lines[1:]]


@pytest.mark.parametrize("address", NOT_WEB_ADDRESSES)
def test_an_address_that_is_not_a_web_address_is_no_link_anywhere(client, world, address):
    # Written past every form and import, straight into the database.
    SourceArticle.objects.filter(pk=world.source.pk).update(url=address)
    page = client.get("/quellen/gipfel-in-hanoi-abgebrochen/").content.decode()
    assert "Original beim Medium" not in page
    assert "script:" not in page.lower()
    assert "sameAs" not in json_ld(page)
    statement = client.get(f"/aussagen/{world.trump_statement.pk}/").content.decode()
    assert "isPartOf" in json_ld(statement)
    assert "sameAs" not in json_ld(statement)["isPartOf"]
    assert set(csv_source_urls(client.get("/aussagen/export.csv"))) == {""}


def test_a_web_address_is_a_link_in_the_page_the_graph_and_the_csv(client, world):
    address = "https://www.mdr.de/nachrichten/gipfel-hanoi-100.html"
    SourceArticle.objects.filter(pk=world.source.pk).update(url=address)
    page = client.get("/quellen/gipfel-in-hanoi-abgebrochen/").content.decode()
    assert f'<a href="{address}" rel="noopener">' in page
    assert json_ld(page)["sameAs"] == address
    assert set(csv_source_urls(client.get("/aussagen/export.csv"))) == {address}


@pytest.mark.parametrize("address", NOT_WEB_ADDRESSES)
def test_the_model_refuses_an_address_that_is_not_a_web_address(world, address):
    world.source.url = address
    with pytest.raises(ValidationError) as error:
        world.source.full_clean()
    assert str(NOT_A_WEB_ADDRESS) in error.value.message_dict["url"]


def test_the_model_takes_web_addresses(world):
    for address in ["https://www.mdr.de/a.html", "http://example.com/", ""]:
        world.source.url = address
        world.source.full_clean()


def admin_form(response, **changes) -> dict:
    """The change form of an article without statements as the browser would send it back,
    with `changes`."""
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        value = form[name].value()
        if value is not None:
            data[name] = value
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
    return {**data, **changes}


@pytest.mark.parametrize(
    ("address", "message"),
    [
        # Django's form field refuses it first, in German too.
        ("javascript:alert(1)", forms.URLField.default_error_messages["invalid"]),
        ("ftp://example.com/artikel.txt", NOT_A_WEB_ADDRESS),
    ],
)
def test_the_admin_form_refuses_an_address_that_is_not_a_web_address(
    admin_client, address, message
):
    source = make_source()
    url = reverse("admin:sources_sourcearticle_change", args=[source.pk])
    response = admin_client.post(url, admin_form(admin_client.get(url), url=address))
    assert response.status_code == 200  # the form again, with its errors
    assert response.context["adminform"].form.errors["url"] == [str(message)]
    source.refresh_from_db()
    assert source.url == ""


def test_the_admin_form_saves_a_web_address(admin_client):
    source = make_source()
    url = reverse("admin:sources_sourcearticle_change", args=[source.pk])
    address = "https://www.mdr.de/a.html"
    response = admin_client.post(url, admin_form(admin_client.get(url), url=address))
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.url == address


@pytest.mark.parametrize("address", NOT_WEB_ADDRESSES)
def test_the_spreadsheet_import_refuses_an_address_that_is_not_a_web_address(db, address):
    text = f"slug;title;body;url\nneu;Neuer Artikel;Text.;{address}\n"
    report = import_table(
        table=SourceArticleTable(), sheet=open_sheet(stream=io.BytesIO(text.encode()))
    )
    assert [(error.line, error.column) for error in report.errors] == [(2, "url")]
    assert str(NOT_A_WEB_ADDRESS) in report.errors[0].message
    assert not SourceArticle.objects.filter(slug="neu").exists()
