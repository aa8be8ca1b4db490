"""An editor takes a seed article from upload to published statements on the review desk
alone, in a real browser: accept two suggestions, correct a speaker, make a person of a
speaker label, reject the rest, publish; readers then see exactly what was accepted."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from events.demo import load_demo
from events.models import Person, Statement
from newsroom.editorial import StatementStatus
from tests.browser.conftest import AXE_TAGS
from tests.browser.test_admin_fit import restore_editorial_groups
from tests.factories import make_user

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

pytestmark = pytest.mark.django_db(transaction=True)


def open_suggestions(page):
    return page.locator(".review-desk__list .suggestion--suggested")


def quote_of(suggestion) -> str:
    return suggestion.locator(".suggestion__text").inner_text().strip()


def test_an_editor_walks_a_seed_article_through_the_desk(page, live_server, screenshots, axe):
    assert SEEDS.is_dir(), f"The seed articles are missing: expected them in {SEEDS}"
    restore_editorial_groups()
    load_demo()
    make_user(username="chefin", groups=("Chefredaktion",))
    base = live_server.url

    page.goto(f"{base}/admin/login/?next=/admin/sources/sourcearticle/import-articles/")
    page.get_by_label("Benutzername").fill("chefin")
    page.get_by_label("Passwort").fill("pw")
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_label("Dateien").set_input_files([next(SEEDS.glob("001_*.txt"))])
    page.get_by_role("button", name="Vorschau").click()
    page.get_by_role("button", name="1 Artikel speichern").click()
    expect(page.locator(".job__progress")).to_have_attribute("value", "1")
    page.get_by_role("link", name="Die vorgeschlagenen Aussagen am Prüftisch entscheiden").click()
    expect(page.get_by_role("heading", name="Prüftisch")).to_be_visible()
    total = open_suggestions(page).count()
    assert total >= 6, "the seed article should bring a handful of suggestions"

    # Accept two, by keyboard and by button: j moves to the first suggestion, a accepts it.
    accepted = [quote_of(open_suggestions(page).first)]
    page.keyboard.press("j")
    page.keyboard.press("a")
    expect(open_suggestions(page)).to_have_count(total - 1)
    accepted.append(quote_of(open_suggestions(page).first))
    open_suggestions(page).first.get_by_role("button", name="Annehmen").click()
    expect(open_suggestions(page)).to_have_count(total - 2)

    # Correct a speaker with the autocomplete: Kim said it.
    corrected = open_suggestions(page).filter(has=page.locator(".suggestion__speaker strong"))
    corrected_text = quote_of(corrected.first)
    corrected.first.get_by_role("link", name="Korrigieren").click()
    form = page.locator(".suggestion__correct")
    form.locator("#id_speaker + .select2 .select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill("Kim")
    page.locator(".select2-results__option", has_text="Kim Jong-un").click()
    page.get_by_role("button", name="Korrektur speichern und annehmen").click()
    expect(open_suggestions(page)).to_have_count(total - 3)

    # A speaker the newsroom does not know yet becomes a person, from the label.
    unknown = open_suggestions(page).filter(has=page.locator(".suggestion__unknown"))
    label = unknown.first.locator(".suggestion__speaker em").inner_text()
    created_text = quote_of(unknown.first)
    unknown.first.get_by_role("link", name="Korrigieren").click()
    page.screenshot(path=screenshots / "pruftisch-korrigieren.png")
    page.get_by_label("Name").fill("Sarah Sanders")
    page.get_by_label("Land").select_option("US")
    page.get_by_role("button", name="Person anlegen und zuordnen").click()
    expect(page.locator(".messagelist")).to_contain_text("Sarah Sanders angelegt")
    following = page.locator(".suggestion", has_text=created_text)
    expect(following.locator(".suggestion__speaker strong")).to_have_text("Sarah Sanders")
    following.get_by_role("button", name="Annehmen").click()
    accepted += [corrected_text, created_text]

    page.get_by_role("button", name="Alle offenen ablehnen").click()
    expect(page.get_by_text("In diesem Artikel ist alles entschieden.")).to_be_visible()
    page.screenshot(path=screenshots / "pruftisch-entschieden.png", full_page=True)
    results = axe.run(
        page, context=".review-desk", options={"runOnly": {"type": "tag", "values": AXE_TAGS}}
    )
    assert not results.violations_count, results.generate_report()

    page.get_by_role("button", name="Die 4 angenommenen Aussagen veröffentlichen …").click()
    plan = page.locator(".review-desk__publish")
    expect(plan).to_contain_text("Diese 4 Aussagen gehen online")
    expect(plan).to_contain_text("USA-Nordkorea-Gipfel in Hanoi endet ohne Ergebnis")  # source
    expect(plan).to_contain_text("Sarah Sanders")  # the new person, still a draft
    page.screenshot(path=screenshots / "pruftisch-veroeffentlichen.png", full_page=True)
    page.get_by_role("button", name="Ja, alles veröffentlichen").click()
    expect(page.locator(".messagelist")).to_contain_text("4 Aussagen veröffentlicht.")

    page.goto(f"{base}/gipfel/hanoi-2019/")
    summit_page = page.locator("main")
    for text in accepted:
        expect(summit_page).to_contain_text(text)
    expect(summit_page.get_by_role("link", name="Sarah Sanders").first).to_be_visible()
    rejected = Statement.objects.filter(
        source__filename__startswith="001_", status=StatementStatus.REJECTED
    ).values_list("text", flat=True)
    body = summit_page.inner_text()
    assert not [text for text in rejected if text in body and text not in accepted]

    person = Person.objects.get(name="Sarah Sanders")
    assert label in person.alias_list
    statements = Statement.objects.filter(source__filename__startswith="001_")
    statuses = dict(statements.values_list("text", "status"))
    assert all(statuses[text] == StatementStatus.PUBLISHED for text in accepted)
    assert sum(status == StatementStatus.REJECTED for status in statuses.values()) == total - 4
