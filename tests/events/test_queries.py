import importlib
from datetime import date

import pytest
from django.db import connection
from django.http import Http404

from events import queries
from events.models import Statement
from events.search import MATCH_END, MATCH_START, search_for_results, snippet
from newsroom.editorial import StatementStatus, Status
from sources.passages import passage_around
from tests.events.conftest import add_statement
from tests.factories import make_person, make_summit

pytestmark = pytest.mark.django_db

INDEX = importlib.import_module("events.migrations.0004_statement_search_index").INDEX


def test_summit_for_detail_groups_statements_by_speaker_most_quoted_first(world):
    add_statement(
        summit=world.hanoi, speaker=world.kim, text="Noch eine", said_on=date(2019, 2, 28)
    )
    page = queries.summit_for_detail("hanoi-2019", preview=False)
    assert [group.speaker for group in page.speaker_groups] == [
        world.kim,
        world.trump,
        world.pompeo,
    ]
    assert [s.text for s in page.speaker_groups[0].statements] == [
        "Noch eine",
        "Ich bin nicht hier, um Zeit zu verschwenden.",
    ]
    assert page.statement_count == 4


def test_summit_for_detail_keeps_a_bounded_number_per_speaker(world):
    for day in range(1, 10):
        add_statement(summit=world.hanoi, speaker=world.trump, said_on=date(2019, 1, day))
    group = queries.summit_for_detail("hanoi-2019", preview=False).speaker_groups[0]
    assert len(group.statements) == queries.STATEMENTS_PER_SPEAKER
    assert group.total == 10
    assert group.statements[0].said_on == date(2019, 2, 28)


def test_summit_for_detail_puts_statements_without_a_speaker_last(world):
    add_statement(summit=world.hanoi, speaker=world.trump, text="x")
    make = add_statement(summit=world.hanoi, speaker=world.trump, speaker_label="Ein Diplomat")
    Statement.objects.filter(pk=make.pk).update(speaker=None)
    groups = queries.summit_for_detail("hanoi-2019", preview=False).speaker_groups
    assert groups[-1].speaker is None


def test_summit_for_detail_lists_topics_sources_and_neighbours(world):
    page = queries.summit_for_detail("hanoi-2019", preview=False)
    assert page.topics == [world.topic]
    assert page.sources == [world.source]
    assert page.previous == world.singapore
    assert page.next is None
    assert queries.summit_for_detail("singapur-2018", preview=False).next == world.hanoi


def test_summit_timeline_covers_the_summit_days_and_days_with_statements(world):
    add_statement(summit=world.hanoi, speaker=world.trump, said_on=date(2019, 3, 2))
    timeline = queries.summit_for_detail("hanoi-2019", preview=False).timeline
    assert [(d.day.day, d.statements, d.share, d.during_summit) for d in timeline] == [
        (27, 1, 50, True),
        (28, 2, 100, True),
        (2, 1, 50, False),
    ]


def test_draft_summit_is_found_only_in_preview(world):
    world.hanoi.status = Status.DRAFT
    world.hanoi.save()
    with pytest.raises(Http404):
        queries.summit_for_detail("hanoi-2019", preview=False)
    assert queries.summit_for_detail("hanoi-2019", preview=True).summit == world.hanoi


def test_visible_statements_need_a_published_summit_and_status(world):
    hidden_summit = make_summit(status=Status.DRAFT)
    add_statement(summit=hidden_summit, speaker=world.trump)
    add_statement(summit=world.hanoi, speaker=world.trump, status=StatementStatus.SUGGESTED)
    rejected = add_statement(
        summit=world.hanoi, speaker=world.trump, status=StatementStatus.REJECTED
    )
    assert queries.visible_statements(preview=False).count() == 3
    preview = queries.visible_statements(preview=True)
    assert preview.count() == 5
    assert rejected not in preview


def test_person_for_detail_lists_roles_newest_summit_first(world):
    page = queries.person_for_detail("mike-pompeo", preview=False)
    assert [m.delegation.summit for m in page.memberships] == [world.hanoi, world.singapore]


def test_draft_person_is_not_found(world):
    person = make_person()
    with pytest.raises(Http404):
        queries.person_for_detail(person.slug, preview=False)


def test_home_splits_upcoming_and_recent_summits(world):
    future = make_summit(
        status=Status.PUBLISHED, starts_on=date(2030, 5, 1), ends_on=date(2030, 5, 2)
    )
    page = queries.home_for_display(today=date(2026, 1, 1), preview=False)
    assert page.upcoming == [future]
    assert page.recent == [world.hanoi, world.singapore]


def test_search_finds_each_kind(world):
    results = search_for_results("Hanoi", preview=False)
    assert [hit.object for hit in results.summits] == [world.hanoi]
    assert [hit.object for hit in results.sources] == [world.source]
    results = search_for_results("verschwenden", preview=False)
    assert [hit.object for hit in results.statements] == [world.kim_statement]
    assert f"{MATCH_START}verschwenden{MATCH_END}" in results.statements[0].snippet


def test_search_needs_every_word(world):
    assert search_for_results("Trump Zeitreise", preview=False).total == 0


def test_empty_search_finds_nothing(world):
    assert search_for_results("   ", preview=False).total == 0


def test_snippet_marks_every_match_around_the_first():
    text = "a" * 200 + " Sanktionen bleiben, sagte er, die Sanktionen bleiben " + "b" * 200
    result = snippet(text, ["sanktionen"])
    assert result.startswith("…") and result.endswith("…")
    assert result.count(MATCH_START) == 2
    assert f"{MATCH_START}Sanktionen{MATCH_END} bleiben" in result


def test_snippet_is_cut_like_every_passage_within_the_paragraph_of_the_match():
    text = "Erster Absatz ohne Treffer.\n" + "Wir reden über Sanktionen und " + "mehr " * 40
    result = snippet(text, ["sanktionen"], context=30)
    start = text.index("Sanktionen")
    before, quote, after = passage_around(text, start, start + 10, around=30)
    assert result == f"{before}{MATCH_START}{quote}{MATCH_END}{after}"
    assert result == f"Wir reden über {MATCH_START}Sanktionen{MATCH_END} und{' mehr' * 5}…"


def test_snippet_removes_marker_characters_from_the_text():
    assert MATCH_START not in snippet(f"x{MATCH_START}y", ["z"])


def test_no_index_of_the_statement_text_alone_slows_the_writes(db):
    """The site search matches text, speaker, summit and source together; an index of the
    text alone served no query and cost every insert (migration 0011 dropped it)."""
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "events_statement")
    assert INDEX not in indexes


def test_summit_page_counts_undated_statements_apart(world):
    add_statement(summit=world.hanoi, speaker=world.trump, said_on=None)
    page = queries.summit_for_detail("hanoi-2019", preview=False)
    assert page.undated == 1
    assert sum(day.statements for day in page.timeline) == 3
