"""Render time and query count of each public page type, with a big summit.

    python bench/pages.py [--statements 2000] [--members 50] [--runs 30]

Builds a throw-away SQLite database: the demo content plus a summit with `--members` delegation
members and `--statements` published statements (with sources and topics), and a small summit
of the same shape with 3 statements; then renders every page type warm with Django's test
client. Prints the median time and the query count per page. Asserts nothing.

Templates render as in production: not through `setup_test_environment`, whose instrumented
rendering (a signal per template, includes too) would double the figures.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATABASE = Path(tempfile.mkdtemp(prefix="newsroom-bench-")) / "bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.pop("DEBUG", None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from events.demo import load_demo  # noqa: E402
from events.models import (  # noqa: E402
    Delegation,
    DelegationMember,
    Person,
    Statement,
    Summit,
    Topic,
)
from newsroom.editorial import StatementStatus, Status  # noqa: E402
from sources.models import SourceArticle  # noqa: E402

PUBLISHED = Status.PUBLISHED


def populate(summit: Summit, *, statements: int, members: int, prefix: str):
    """Delegations, members, sources and statements with topics for `summit`."""
    delegations = [
        Delegation.objects.create(summit=summit, country=code, status=PUBLISHED)
        for code in ("US", "KP", "KR", "CN", "JP")
    ]
    people = Person.objects.bulk_create(
        Person(
            name=f"Person {prefix}{n:02d}",
            slug=f"person-{prefix}{n:02d}",
            country="US",
            status=PUBLISHED,
        )
        for n in range(members)
    )
    DelegationMember.objects.bulk_create(
        DelegationMember(
            delegation=delegations[n % len(delegations)],
            person=person,
            role="Berater/in",
            position=n,
        )
        for n, person in enumerate(people)
    )
    body = " ".join(f"„Satz {n} ist gesagt worden“, sagte jemand." for n in range(200))
    sources = SourceArticle.objects.bulk_create(
        SourceArticle(
            title=f"Bericht {prefix}{n}",
            slug=f"bericht-{prefix}{n}",
            publisher="Agentur",
            published_on=summit.ends_on,
            body=body,
            checksum=hashlib.sha256(f"{prefix}{n}".encode()).hexdigest(),
            status=PUBLISHED,
        )
        for n in range(min(20, statements))
    )
    for source in sources:
        source.summits.add(summit)
    topics = list(Topic.objects.all())
    rows = []
    for n in range(statements):
        quote = f"Satz {n % 200} ist gesagt worden"
        start = body.index(quote)
        rows.append(
            Statement(
                summit=summit,
                speaker=people[n % members],
                delegation=delegations[n % members % len(delegations)],
                text=quote,
                said_on=summit.starts_on + timedelta(days=n % 3),
                source=sources[n % len(sources)],
                source_start=start,
                source_end=start + len(quote),
                status=StatementStatus.PUBLISHED,
            )
        )
    rows = Statement.objects.bulk_create(rows)
    Statement.topics.through.objects.bulk_create(
        Statement.topics.through(statement_id=row.pk, topic_id=topics[n % len(topics)].pk)
        for n, row in enumerate(rows)
    )
    return people, rows, sources, topics


def build(*, statements: int, members: int) -> dict[str, str]:
    load_demo()
    big, small = (
        Summit.objects.create(
            title=f"{name} Gipfel",
            slug=f"{slug}-gipfel",
            starts_on=starts_on,
            ends_on=starts_on + timedelta(days=2),
            city="Genf",
            country="CH",
            venue="Palais des Nations",
            summary="Ein Gipfel mit vielen Teilnehmern.",
            outcome="Viele Worte.",
            previous=Summit.objects.get(slug="hanoi-2019"),
            status=PUBLISHED,
        )
        for name, slug, starts_on in [
            ("Großer", "grosser", date(2024, 5, 1)),
            ("Kleiner", "kleiner", date(2024, 6, 1)),
        ]
    )
    people, rows, sources, topics = populate(
        big, statements=statements, members=members, prefix="g"
    )
    populate(small, statements=3, members=members, prefix="k")
    return {
        "home": "/",
        "summit index": "/gipfel/",
        f"summit ({statements} statements)": f"/gipfel/{big.slug}/",
        "summit (3 statements)": f"/gipfel/{small.slug}/",
        "delegation": f"/gipfel/{big.slug}/delegationen/us/",
        "person": f"/personen/{people[0].slug}/",
        "topic": f"/themen/{topics[0].slug}/",
        "statement list": "/aussagen/",
        "statement list, filtered": f"/aussagen/?gipfel={big.slug}&person={people[1].slug}",
        "statement": f"/aussagen/{rows[0].pk}/",
        "source": f"/quellen/{sources[0].slug}/",
        "search": "/suche/?q=gesagt",
        "feed": "/feeds/aussagen/",
        "sitemap index": "/sitemap.xml",
        "sitemap, statements (1,000)": "/sitemap-aussagen.xml",
        f"CSV ({statements} rows)": f"/aussagen/export.csv?gipfel={big.slug}",
    }


def measure(client: Client, url: str, runs: int) -> tuple[float, int]:
    # `getvalue()` reads a streamed response (the CSV) to its end, where its work is done.
    client.get(url).getvalue()  # warm: templates compiled, caches filled
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        response.getvalue()
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url).getvalue()
    return statistics.median(times) * 1000, len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=2000)
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)
    pages = build(statements=args.statements, members=args.members)
    client = Client()
    print(f"{'page':<28} {'median ms':>10} {'queries':>8}")
    try:
        for name, url in pages.items():
            median, count = measure(client, url, args.runs)
            print(f"{name:<28} {median:>10.1f} {count:>8}")
    finally:
        connection.close()
        shutil.rmtree(DATABASE.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
