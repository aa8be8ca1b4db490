"""A small published world for the public pages: the demo summits plus statements and a source."""

import json
import re
from dataclasses import dataclass
from datetime import date

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.demo import load_demo
from events.models import Delegation, Person, Statement, Summit, Topic
from newsroom.editorial import StatementStatus, Status
from sources.models import SourceArticle
from tests.factories import make_source, make_statement

HANOI_BODY = (
    "Hanoi. Der zweite Gipfel endete früher als geplant.\n\n"
    "„Manchmal muss man gehen“, sagte Trump vor Journalisten. "
    "Kim erwiderte: „Ich bin nicht hier, um Zeit zu verschwenden.“\n\n"
    "Pompeo sagte, man sei „sehr nah dran“ gewesen."
)


def span(body: str, quote: str) -> tuple[int, int]:
    start = body.index(quote)
    return start, start + len(quote)


@dataclass
class World:
    hanoi: Summit
    singapore: Summit
    trump: Person
    kim: Person
    pompeo: Person
    source: SourceArticle
    trump_statement: Statement
    kim_statement: Statement
    pompeo_statement: Statement
    topic: Topic


def add_statement(*, summit, speaker, source=None, quote=None, **overrides) -> Statement:
    fields = {
        "summit": summit,
        "speaker": speaker,
        "delegation": Delegation.objects.filter(summit=summit, country=speaker.country).first(),
        "status": StatementStatus.PUBLISHED,
        "said_on": summit.ends_on,
    }
    if source is not None and quote is not None:
        fields["source"] = source
        fields["source_start"], fields["source_end"] = span(source.body, quote)
        fields["text"] = quote
    return make_statement(**{**fields, **overrides})


def queries_for(client, url: str) -> int:
    """The queries of rendering the page (not of taking it from the page cache)."""
    caches[settings.PAGE_CACHE].clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add_statements(summit, speakers, count: int) -> None:
    Statement.objects.bulk_create(
        Statement(
            summit=summit,
            speaker=speakers[n % len(speakers)],
            text=f"Aussage Nummer {n}",
            said_on=summit.starts_on,
            status=StatementStatus.PUBLISHED,
        )
        for n in range(count)
    )


def json_ld(response) -> dict:
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(match.group(1))


def build_world() -> World:
    load_demo()
    hanoi = Summit.objects.get(slug="hanoi-2019")
    singapore = Summit.objects.get(slug="singapur-2018")
    trump = Person.objects.get(slug="donald-trump")
    kim = Person.objects.get(slug="kim-jong-un")
    pompeo = Person.objects.get(slug="mike-pompeo")
    source = make_source(
        title="Gipfel in Hanoi abgebrochen",
        slug="gipfel-in-hanoi-abgebrochen",
        body=HANOI_BODY,
        status=Status.PUBLISHED,
        published_on=date(2019, 2, 28),
    )
    source.summits.add(hanoi)
    topic = Topic.objects.get(slug="sanktionen")
    trump_statement = add_statement(
        summit=hanoi, speaker=trump, source=source, quote="Manchmal muss man gehen"
    )
    trump_statement.topics.add(topic)
    kim_statement = add_statement(
        summit=hanoi,
        speaker=kim,
        source=source,
        quote="Ich bin nicht hier, um Zeit zu verschwenden.",
        said_on=date(2019, 2, 27),
    )
    pompeo_statement = add_statement(
        summit=hanoi,
        speaker=pompeo,
        source=source,
        quote="sehr nah dran",
        kind=Statement.Kind.FRAGMENT,
    )
    return World(
        hanoi=hanoi,
        singapore=singapore,
        trump=trump,
        kim=kim,
        pompeo=pompeo,
        source=source,
        trump_statement=trump_statement,
        kim_statement=kim_statement,
        pompeo_statement=pompeo_statement,
        topic=topic,
    )


@pytest.fixture
def world(db) -> World:
    return build_world()
