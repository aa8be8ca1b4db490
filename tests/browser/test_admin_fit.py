"""The editor's lists at 1280 px: every column of the statement and source changelists on
screen, neither the page nor the table scrolling sideways, the passage readable; all under the
Content-Security-Policy (the `page` fixture fails on any violation)."""

from pathlib import Path

import pytest
from django.core.management import call_command

from events.demo import load_demo
from tests.factories import make_user

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

pytestmark = pytest.mark.django_db(transaction=True)

# How far the page and the table of results can be scrolled sideways.
OVERFLOW = """() => {
  const page = document.documentElement;
  const results = document.querySelector(".results");
  return {
    page: page.scrollWidth - page.clientWidth,
    table: results.scrollWidth - results.clientWidth,
  };
}"""


def restore_editorial_groups() -> None:
    """Run newsroom's data migrations again: the flush after every transactional test empties
    the editorial groups they made, and the editor needs the real Redaktion group.

    serialized_rollback cannot restore them here. With Playwright's event loop running, Django
    keeps connections per context, not per thread, so the tests use another connection than the
    one pytest-django left the snapshot on when a database test ran before the browser started.
    """
    call_command("migrate", "newsroom", "zero", verbosity=0)
    call_command("migrate", "newsroom", verbosity=0)


@pytest.fixture
def editor_desk(live_server):
    """The demo content and the seed articles imported as suggestions, as an editor has them
    after an import."""
    assert SEEDS.is_dir(), f"The seed articles are missing: expected them in {SEEDS}"
    restore_editorial_groups()
    load_demo()
    call_command("import_articles", *sorted(SEEDS.glob("*.txt")), "--summit", "hanoi-2019")
    editor = make_user(username="redakteurin", groups=("Redaktion",))
    assert editor.has_perm("events.view_statement"), "The editor is not in the Redaktion group"
    return live_server.url


def log_in(page, base: str) -> None:
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.get_by_label("Benutzername").fill("redakteurin")
    page.get_by_label("Passwort").fill("pw")
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("heading", name="Redaktionelle Inhalte").wait_for()


@pytest.mark.parametrize(
    ("name", "path", "last_column"),
    [
        ("aussagen", "/admin/events/statement/", "column-status_label"),
        ("vorschlaege", "/admin/events/statement/?status__exact=suggested", "column-status_label"),
        ("quellartikel", "/admin/sources/sourcearticle/", "column-status_label"),
    ],
)
def test_changelists_fit_1280_px_without_sideways_scrolling(
    page, editor_desk, screenshots, name, path, last_column
):
    log_in(page, editor_desk)
    page.goto(editor_desk + path)
    assert page.locator("#result_list tbody tr").count() > 0
    page.screenshot(path=screenshots / f"admin-fit-{name}.png")

    assert page.evaluate(OVERFLOW) == {"page": 0, "table": 0}
    last = page.locator(f"#result_list th.{last_column}").bounding_box()
    assert last["x"] + last["width"] <= 1280


def test_the_passage_column_is_wide_enough_to_read(page, editor_desk):
    log_in(page, editor_desk)
    page.goto(f"{editor_desk}/admin/events/statement/?status__exact=suggested")
    passage = page.locator("#result_list th.column-passage_excerpt").bounding_box()
    text = page.locator("#result_list th.column-text_excerpt").bounding_box()
    # Squeezed, the passage read one word per line; now a line holds a good part of a sentence.
    assert passage["width"] >= 250
    assert text["width"] >= 150
