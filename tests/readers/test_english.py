"""The English site is complete: every public page type, rendered in English, shows no German
text of the interface; the message catalogue misses nothing and its compiled form is current.

The pages are rendered over content without German words (names, quotes and places made up),
so any German on them comes from the interface. The German texts looked for are the source
strings of the catalogue that public pages use.
"""

import json
import re
import shutil
from datetime import date
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

from events.models import Statement
from newsroom.editorial import StatementStatus, Status
from tests.factories import (
    make_delegation,
    make_member,
    make_person,
    make_source,
    make_statement,
    make_summit,
    make_topic,
)

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
PUBLIC_MODULES = (
    "events/filters.py",
    "events/models.py",
    "events/feeds.py",
    "events/views.py",
    "events/urls.py",
    "sources/urls.py",
    "events/templatetags/",
)
# As `make messages` leaves them out: no text of the site is in there.
NOT_TRANSLATED = {"tests", "bench", "docs", "var", "staticfiles", "node_modules"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}")
# A German date as the date filter writes it: "4. März 2030", "Mo, 4. Mär.".
GERMAN_DATE = re.compile(r"\b\d{1,2}\. (?:Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)")
# German that does not come from our catalogue (Django's, django-filter's) or is hand-written.
GERMAN_WORDS = ["absteigend", "aufsteigend", "Aussage", "Gipfel", "Quelle", "Seite", "ohne"]


class Entry:
    def __init__(self):
        self.references: list[str] = []
        self.flags: list[str] = []
        self.context: str | None = None
        self.msgid = ""
        self.plural: str | None = None
        self.msgstr: list[str] = []
        self.obsolete = False

    @property
    def public(self) -> bool:
        return any(
            (ref.startswith("templates/") and not ref.startswith("templates/admin/"))
            or ref.startswith(PUBLIC_MODULES)
            for ref in self.references
        )


def read_catalogue(path: Path) -> list[Entry]:
    """The entries of a .po file written with --no-wrap (one line per string)."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry = Entry()
        for line in block.splitlines():
            if line.startswith("#~"):
                entry.obsolete = True
            elif line.startswith("#: "):
                entry.references += [ref.rsplit(":", 1)[0] for ref in line[3:].split()]
            elif line.startswith("#, "):
                entry.flags += [flag.strip() for flag in line[3:].split(",")]
            elif line.startswith("msgctxt "):
                entry.context = unquote(line[8:])
            elif line.startswith("msgid "):
                entry.msgid = unquote(line[6:])
            elif line.startswith("msgid_plural "):
                entry.plural = unquote(line[13:])
            elif line.startswith("msgstr"):
                entry.msgstr.append(unquote(line.split(" ", 1)[1]))
        if entry.msgid and not entry.obsolete:
            entries.append(entry)
    return entries


def unquote(text: str) -> str:
    return json.loads(text)  # a PO string's escapes are JSON's: \" \\ \n \t


def test_every_english_entry_is_translated():
    missing = [
        entry.msgid
        for entry in read_catalogue(CATALOGUE)
        if "fuzzy" in entry.flags or not all(entry.msgstr)
    ]
    assert not missing, f"Untranslated in {CATALOGUE}: {missing}"


def test_the_compiled_catalogue_is_the_current_one():
    """The .mo files are committed (neither `make demo` nor a deployment needs gettext): they
    must say what the .po files say."""
    with translation.override("en"):
        for entry in read_catalogue(CATALOGUE):
            if entry.plural:
                for n, msgstr in [(1, entry.msgstr[0]), (2, entry.msgstr[1])]:
                    found = (
                        translation.npgettext(entry.context, entry.msgid, entry.plural, n)
                        if entry.context
                        else translation.ngettext(entry.msgid, entry.plural, n)
                    )
                    assert found == msgstr, f"{entry.msgid}: run `make messages`"
            else:
                found = (
                    translation.pgettext(entry.context, entry.msgid)
                    if entry.context
                    else translation.gettext(entry.msgid)
                )
                assert found == entry.msgstr[0], f"{entry.msgid}: run `make messages`"


def test_makemessages_finds_nothing_missing(tmp_path, monkeypatch, settings):
    """makemessages over a copy of the code adds no entry the committed catalogue lacks."""
    for tool in ["xgettext", "msgmerge", "msguniq"]:
        assert shutil.which(tool), f"{tool} is missing: install gettext (apt-get install gettext)"
    for folder in ROOT.iterdir():
        if (
            folder.is_dir()
            and folder.name not in NOT_TRANSLATED
            and not folder.name.startswith(".")
        ):
            shutil.copytree(folder, tmp_path / folder.name, ignore=shutil.ignore_patterns("*.pyc"))
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["en"], no_wrap=True, verbosity=0)
    committed = {(e.context, e.msgid) for e in read_catalogue(CATALOGUE)}
    made = read_catalogue(tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po")
    new = [e.msgid for e in made if (e.context, e.msgid) not in committed]
    assert not new, f"Not in the catalogue yet (run `make messages` and translate): {new}"
    untranslated = [e.msgid for e in made if "fuzzy" in e.flags or not all(e.msgstr)]
    assert not untranslated, f"Untranslated: {untranslated}"


def german_interface_strings() -> list[tuple[str, re.Pattern]]:
    """Each German source string of the public pages, as a pattern for its text (placeholders
    match any words), where its English translation differs."""
    patterns = []
    for entry in read_catalogue(CATALOGUE):
        if not entry.public or "/" in entry.msgid and entry.msgid.endswith("/"):
            continue
        for german, english in zip(
            [entry.msgid, entry.plural] if entry.plural else [entry.msgid],
            entry.msgstr,
            strict=False,
        ):
            words = set(re.findall(r"\w{2,}", PLACEHOLDER.sub("", german).lower()))
            # Nothing to tell apart where every German word is English too ("Delegation").
            if not words or words <= set(re.findall(r"\w{2,}", english.lower())):
                continue
            pieces = [re.escape(piece) for piece in PLACEHOLDER.split(german)]
            pattern = r"(?<!\w)" + r"[^\n]{1,80}?".join(pieces) + r"(?!\w)"
            patterns.append((german, re.compile(pattern)))
    return patterns


class ReadableText(HTMLParser):
    """What a reader reads or hears: text, and the attributes shown or read out."""

    ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.parts += [value for name, value in attrs if name in self.ATTRIBUTES and value]

    def handle_data(self, data):
        self.parts.append(data)


def readable(html: str) -> str:
    parser = ReadableText()
    parser.feed(html)
    return unescape("\n".join(parser.parts))


@pytest.fixture
def neutral_world(db):
    """Content with no German in it: whatever German a page shows is its interface's."""
    published = {"status": Status.PUBLISHED}
    earlier = make_summit(
        title="Beta Meeting 2029",
        slug="beta-2029",
        city="Zed",
        country="SG",
        starts_on=date(2029, 6, 12),
        ends_on=date(2029, 6, 12),
        **published,
    )
    summit = make_summit(
        title="Alpha Meeting 2030",
        slug="alpha-2030",
        city="Zed",
        country="VN",
        venue="Palace Zed",
        summary="Lorem ipsum dolor.",
        outcome="Lorem outcome.",
        starts_on=date(2030, 3, 4),
        ends_on=date(2030, 3, 5),
        previous=earlier,
        **published,
    )
    alex = make_person(
        name="Alex Example",
        slug="alex-example",
        country="US",
        aliases="Alex\nThe Example",
        description="Lorem person.",
        **published,
    )
    sam = make_person(name="Sam Sample", slug="sam-sample", country="KP", **published)
    us = make_delegation(summit=summit, country="US", leader=alex, **published)
    make_member(delegation=us, person=alex, role="Envoy")
    make_member(delegation=make_delegation(summit=summit, country="KP", **published), person=sam)
    make_member(
        delegation=make_delegation(summit=earlier, country="US", leader=alex, **published),
        person=alex,
        role="Observer",
    )
    topic = make_topic(name="Lorem Topic", slug="lorem-topic", description="Lorem.")
    body = 'Zed. "Lorem ipsum," Alex said. Sam wrote that dolor sit amet.'
    source = make_source(
        title="Lorem Report",
        slug="lorem-report",
        publisher="Lorem Post",
        body=body,
        url="https://example.org/lorem",
        **published,
    )
    kinds = list(Statement.Kind)
    days = [date(2030, 3, 4), date(2030, 3, 5), date(2030, 5, 7), None]
    statements = []
    for n in range(23):
        quoted = {"source": source, "source_start": 6, "source_end": 17} if n == 1 else {}
        statement = make_statement(
            summit=summit,
            speaker=alex if n % 2 else sam,
            delegation=us if n % 2 else None,
            text="Lorem ipsum" if n == 1 else f"Lorem ipsum {n}",
            kind=kinds[n % len(kinds)],
            said_on=days[n % len(days)],
            status=StatementStatus.PUBLISHED,
            **quoted,
        )
        statement.topics.add(topic)
        statements.append(statement)
    return statements[1]


def english_pages(statement) -> list[str]:
    return [
        "/en/",
        "/en/summits/",
        "/en/summits/?jahr=2030",
        "/en/summits/alpha-2030/",
        "/en/summits/beta-2029/",
        "/en/summits/alpha-2030/delegations/us/",
        "/en/people/alex-example/",
        "/en/people/alex-example/?seite=2",
        "/en/topics/lorem-topic/",
        "/en/statements/",
        "/en/statements/?thema=lorem-topic&sortierung=-datum&seite=2",
        "/en/statements/?von=kein-datum",
        f"/en/statements/{statement.pk}/",
        "/en/sources/lorem-report/",
        "/en/search/",
        "/en/search/?q=Lorem",
        "/en/search/?q=Qwxyz",
        "/en/feeds/statements/",
        "/en/feeds/summits/alpha-2030/",
        "/en/feeds/people/alex-example/",
        "/en/no-such-page/",
    ]


def test_every_public_page_type_in_english_has_no_german_interface_text(client, neutral_world):
    strings = german_interface_strings()
    assert len(strings) > 50  # the catalogue was read
    found = {}
    for path in english_pages(neutral_world):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        text = readable(response.content.decode())
        german = [source for source, pattern in strings if pattern.search(text)]
        german += [word for word in GERMAN_WORDS if re.search(rf"\b{word}", text)]
        german += GERMAN_DATE.findall(text)
        if german:
            found[path] = german
    assert not found, found


def test_the_same_pages_in_german_do_show_the_interface_strings(client, neutral_world):
    """The check above can see German: the German pages are full of it."""
    strings = german_interface_strings()
    text = readable(client.get("/gipfel/alpha-2030/").content.decode())
    assert sum(1 for _, pattern in strings if pattern.search(text)) > 10
    assert GERMAN_DATE.search(text)
