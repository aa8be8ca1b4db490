"""The reader's pages of issue 12 in a real browser: the language switch both ways, the
statement filter on a phone, no accessibility violations in either language, and screenshots
of the changed pages in both languages at desktop and phone width. (Here rather than in
tests/readers: Playwright's one browser per session is this folder's fixture.)"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import AXE_TAGS

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


def switch(page, language: str) -> None:
    page.locator(".language-switch").filter(has_text=language).click()


def test_the_language_switch_keeps_the_page_both_ways(page, site):
    world, base = site
    page.goto(f"{base}/gipfel/hanoi-2019/")
    switch(page, "English")
    expect(page).to_have_url(f"{base}/en/summits/hanoi-2019/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=2, name="Delegations")).to_be_visible()
    switch(page, "Deutsch")
    expect(page).to_have_url(f"{base}/gipfel/hanoi-2019/")
    expect(page.locator("html")).to_have_attribute("lang", "de")

    page.goto(f"{base}/aussagen/?person=kim-jong-un")
    switch(page, "English")
    expect(page).to_have_url(f"{base}/en/statements/?person=kim-jong-un")
    expect(page.get_by_role("status")).to_have_text("1 statement")
    switch(page, "Deutsch")
    expect(page).to_have_url(f"{base}/aussagen/?person=kim-jong-un")


def test_an_old_english_address_lands_on_the_english_page(page, site):
    world, base = site
    page.goto(f"{base}/en/personen/donald-trump/")
    expect(page).to_have_url(f"{base}/en/people/donald-trump/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Donald Trump")


def test_on_a_phone_the_filter_form_opens_from_its_summary(page, site, screenshots):
    world, base = site
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/aussagen/")
    person = page.get_by_label("Person", exact=True)
    expect(person).to_be_hidden()
    # The first screen shows statements, not the form.
    expect(page.locator(".statement-card").first).to_be_in_viewport()
    page.screenshot(path=str(screenshots / "readers-filter-closed-390.png"))
    page.locator("summary", has_text="Aussagen filtern").click()
    expect(person).to_be_visible()
    person.select_option(label="Kim Jong-un")
    page.get_by_role("button", name="Anwenden").click()
    expect(page.get_by_role("status")).to_have_text("1 Aussage")
    # A filter in use stays in sight.
    expect(page.get_by_label("Person", exact=True)).to_be_visible()
    page.screenshot(path=str(screenshots / "readers-filter-open-390.png"))


def test_on_a_wide_screen_the_filter_form_is_simply_there(page, site):
    world, base = site
    page.goto(f"{base}/en/statements/")
    expect(page.get_by_label("Person", exact=True)).to_be_visible()
    expect(page.locator("summary", has_text="Filter statements")).to_be_hidden()


def reader_pages(world) -> list[tuple[str, str, str]]:
    """(name, German path, English path) of every page this issue changed."""
    statement = world.trump_statement.pk
    return [
        ("home", "/", "/en/"),
        ("summit", "/gipfel/hanoi-2019/", "/en/summits/hanoi-2019/"),
        (
            "delegation",
            "/gipfel/hanoi-2019/delegationen/us/",
            "/en/summits/hanoi-2019/delegations/us/",
        ),
        ("person", "/personen/donald-trump/", "/en/people/donald-trump/"),
        ("topic", "/themen/sanktionen/", "/en/topics/sanktionen/"),
        ("statements", "/aussagen/", "/en/statements/"),
        ("statement", f"/aussagen/{statement}/", f"/en/statements/{statement}/"),
        (
            "source",
            "/quellen/gipfel-in-hanoi-abgebrochen/",
            "/en/sources/gipfel-in-hanoi-abgebrochen/",
        ),
        ("search", "/suche/?q=Trump", "/en/search/?q=Trump"),
    ]


def test_the_changed_pages_have_no_wcag_violations_in_either_language(page, site, axe):
    world, base = site
    reports = {}
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for _, german, english in reader_pages(world):
            for path in (german, english):
                page.goto(f"{base}{path}")
                results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
                if results.violations_count:
                    reports[f"{path} @ {width}px"] = results.generate_report()
                assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    assert not reports, "\n\n".join(f"{path}\n{report}" for path, report in reports.items())


def test_screenshots_of_the_changed_pages(page, site, screenshots):
    world, base = site
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for name, german, english in reader_pages(world):
            for language, path in (("de", german), ("en", english)):
                page.goto(f"{base}{path}")
                file = screenshots / f"readers-{name}-{language}-{width}.png"
                page.screenshot(path=str(file), full_page=True)
                assert file.stat().st_size > 0
