"""A reader in a real browser: following the threads, filtering, downloading, searching."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import AXE_TAGS

pytestmark = pytest.mark.django_db(transaction=True)


def test_reader_follows_a_summit_to_a_passage_in_the_source_and_back(page, site):
    world, base = site
    page.goto(f"{base}/")
    page.get_by_role("link", name="Gipfeltreffen in Hanoi 2019").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gipfeltreffen in Hanoi 2019")

    delegations = page.locator("section[aria-labelledby=delegations-heading]")
    delegations.get_by_role("link", name="Mike Pompeo").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mike Pompeo")

    page.get_by_role("link", name="sehr nah dran").click()
    expect(page).to_have_url(f"{base}/aussagen/{world.pompeo_statement.pk}/")
    expect(page.locator(".source-excerpt mark")).to_have_text("sehr nah dran")

    page.get_by_role("link", name="Diese Stelle im ganzen Artikel lesen").click()
    anchor = f"statement-{world.pompeo_statement.pk}"
    expect(page).to_have_url(f"{base}/quellen/gipfel-in-hanoi-abgebrochen/#{anchor}")
    passage = page.locator(f"#{anchor} + mark")
    expect(passage).to_have_text("sehr nah dran")
    expect(passage).to_be_in_viewport()

    page.locator("section[aria-labelledby=summits-heading]").get_by_role(
        "link", name="Gipfeltreffen in Hanoi 2019"
    ).click()
    expect(page).to_have_url(f"{base}/gipfel/hanoi-2019/")


def test_reader_filters_statements_and_downloads_them_as_csv(page, site, tmp_path):
    world, base = site
    page.goto(f"{base}/aussagen/")
    page.get_by_label("Person", exact=True).select_option(label="Kim Jong-un")
    page.get_by_role("button", name="Anwenden").click()
    expect(page).to_have_url(
        f"{base}/aussagen/?q=&gipfel=&person=kim-jong-un&land=&thema=&art=&von=&bis=&sortierung="
    )
    expect(page.locator(".statement-card")).to_have_count(1)
    expect(page.get_by_role("status")).to_have_text("1 Aussage")

    with page.expect_download() as download:
        page.get_by_role("link", name="Diese Aussagen als CSV herunterladen").click()
    path = tmp_path / "aussagen.csv"
    download.value.save_as(path)
    content = path.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8-sig")
    assert "Ich bin nicht hier, um Zeit zu verschwenden." in text
    assert "Manchmal muss man gehen" not in text


def test_reader_searches_from_the_header(page, site):
    world, base = site
    page.goto(f"{base}/gipfel/")
    page.get_by_label("Suchbegriff").first.fill("verschwenden")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Suche")
    expect(page.locator(".hit-list mark").first).to_have_text("verschwenden")
    page.get_by_role("link", name="Kim Jong-un, Gipfeltreffen in Hanoi 2019").click()
    expect(page).to_have_url(f"{base}/aussagen/{world.kim_statement.pk}/")


def test_keyboard_user_can_skip_to_the_content(page, site):
    world, base = site
    page.goto(f"{base}/gipfel/hanoi-2019/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base}/gipfel/hanoi-2019/#main")


def test_every_page_type_has_no_wcag_violations(page, site, axe):
    world, base = site
    paths = [
        "/",
        "/gipfel/",
        "/gipfel/hanoi-2019/",
        "/gipfel/hanoi-2019/delegationen/us/",
        "/personen/donald-trump/",
        "/themen/sanktionen/",
        "/aussagen/",
        f"/aussagen/{world.trump_statement.pk}/",
        "/quellen/gipfel-in-hanoi-abgebrochen/",
        "/suche/?q=Hanoi",
        "/en/gipfel/hanoi-2019/",
        "/gibt-es-nicht/",
    ]
    reports = {}
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            page.goto(f"{base}{path}")
            results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            if results.violations_count:
                reports[f"{path} @ {width}px"] = results.generate_report()
    assert not reports, "\n\n".join(f"{path}\n{report}" for path, report in reports.items())


def test_summit_page_screenshots_at_phone_and_desktop_width(page, site, screenshots):
    world, base = site
    for name, width in [("phone", 390), ("desktop", 1280)]:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{base}/gipfel/hanoi-2019/")
        path = screenshots / f"summit-{name}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 0
        # Nothing may be wider than the screen: no sideways scrolling on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
