"""Demo content written by the newsroom team: the two Trump-Kim summits, their delegations,
the people and the ways German texts name them. It lives in the CSV files under
`events/demo/` and is loaded through the same import as any spreadsheet, so loading it twice
changes nothing."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from events.models import Statement, Topic
from events.resources import tables
from newsroom.spreadsheets import open_sheet
from newsroom.tables import import_table

DEMO_DIRECTORY = Path(__file__).resolve().parent / "demo"
# In the order the rows refer to each other.
DEMO_FILES = ["topics", "people", "summits", "delegations", "members"]
# The topics of the demo articles' statements, as an editor would give them: a statement is
# named by summit, speaker and the start of its text.
STATEMENT_TOPICS_FILE = DEMO_DIRECTORY / "statement_topics.csv"
BROKEN_DEMO_FILE = "Die Demo-Datei {name} ist fehlerhaft: {error}"
UNKNOWN_DEMO_STATEMENT = "Keine Demo-Aussage enthält „{text}“ ({summit}, {speaker}): ohne Themen."


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Create or update the demo rows; returns how many rows of each kind the demo holds."""
    counts = {}
    for name in DEMO_FILES:
        with open(DEMO_DIRECTORY / f"{name}.csv", "rb") as stream:
            report = import_table(
                table=tables()[name](), sheet=open_sheet(stream=stream), trusted=True
            )
        if not report.ok:
            raise ValueError(BROKEN_DEMO_FILE.format(name=name, error=report.errors[0]))
        counts[name] = report.total
    return {kind: counts[kind] for kind in ["people", "topics", "summits", "members"]}


@dataclass(frozen=True)
class DemoTopics:
    tagged: int  # statements given their topics
    missing: list[str]  # rows of the file no statement matched, as messages


@transaction.atomic
def tag_demo_statements() -> DemoTopics:
    """Give the demo articles' statements their topics (exactly those of the file, so running
    it again changes nothing). Runs after the demo articles are imported. A row is matched by
    summit, speaker and words the statement contains; a row no statement matches (the
    extractor now cuts that statement differently) is reported, not fatal: the demo still
    loads, and tests/readers/test_demo_topics.py fails until the file is brought up to date."""
    with open(STATEMENT_TOPICS_FILE, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    topics = {topic.slug: topic.pk for topic in Topic.objects.all()}
    statements = list(
        Statement.objects.filter(summit__slug__in={row["summit"] for row in rows}).values_list(
            "pk", "summit__slug", "speaker__slug", "text"
        )
    )
    links, missing = {}, []
    for row in rows:
        found = [
            pk
            for pk, summit, speaker, text in statements
            if (summit, speaker) == (row["summit"], row["speaker"]) and row["text"] in text
        ]
        if not found:
            missing.append(UNKNOWN_DEMO_STATEMENT.format(**row))
        slugs = [slug.strip() for slug in row["topics"].split("|")]
        for pk in found:
            links[pk] = [topics[slug] for slug in slugs]
    through = Statement.topics.through
    through.objects.filter(statement__in=links).delete()
    through.objects.bulk_create(
        through(statement_id=pk, topic_id=topic) for pk, ids in links.items() for topic in ids
    )
    return DemoTopics(tagged=len(links), missing=missing)
