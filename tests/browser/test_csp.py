"""Every page type under the Content-Security-Policy, in a real browser.

The `page` fixture fails a test on any violation; these tests only have to reach every kind of
page and use what runs script there (autocomplete, file inputs, the export page's toggle).
"""

import pytest
from playwright.sync_api import expect

from events.models import Person

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLE = (
    "Hanoi (dpa) - Der zweite Gipfel endete früher als geplant.\n\n"
    "„Manchmal muss man gehen“, sagte Trump vor Journalisten.\n"
)


def public_paths(world) -> list[str]:
    paths = [
        "/",
        "/gipfel/",
        "/gipfel/hanoi-2019/",
        "/gipfel/hanoi-2019/delegationen/us/",
        "/personen/donald-trump/",
        "/themen/sanktionen/",
        "/aussagen/?person=kim-jong-un",
        f"/aussagen/{world.trump_statement.pk}/",
        "/quellen/gipfel-in-hanoi-abgebrochen/",
        "/suche/?q=Hanoi",
        "/gibt-es-nicht/",
    ]
    return paths + [f"/en{path}" for path in paths]


def test_public_pages_in_both_languages_keep_the_policy(page, site, screenshots):
    world, base = site
    for path in public_paths(world):
        response = page.goto(f"{base}{path}")
        assert "content-security-policy" in response.headers, path
    page.goto(f"{base}/gibt-es-nicht/")
    page.screenshot(path=str(screenshots / "404-1280.png"), full_page=True)


@pytest.mark.urls("tests.security.broken_urls")
def test_the_error_page_keeps_the_policy_and_has_the_site_look(page, live_server, screenshots):
    response = page.goto(f"{live_server.url}/kaputt/")
    assert response.status == 500
    expect(page.get_by_role("heading", level=1)).to_have_text("Ein Fehler auf unserer Seite")
    # The site's stylesheet arrived: the header has its dark background.
    header = page.locator(".site-header")
    assert header.evaluate("element => getComputedStyle(element).backgroundColor") != (
        "rgba(0, 0, 0, 0)"
    )
    page.screenshot(path=str(screenshots / "500-1280.png"), full_page=True)


def log_in(page, base, user):
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.get_by_label("Benutzername").fill(user.username)
    page.get_by_label("Passwort").fill("password")
    page.get_by_role("button", name="Anmelden").click()
    expect(page.locator("#site-name")).to_have_text("newsroom Redaktion")


def test_editor_admin_pages_keep_the_policy(page, site, admin_user, screenshots, tmp_path):
    world, base = site
    log_in(page, base, admin_user)
    page.screenshot(path=str(screenshots / "admin-index-1280.png"), full_page=True)

    for model in [
        "events/summit",
        "events/person",
        "events/delegation",
        "events/delegationmember",
        "events/topic",
        "events/statement",
        "sources/sourcearticle",
        "axes/accessattempt",
    ]:
        page.goto(f"{base}/admin/{model}/")
        expect(page.locator("#changelist")).to_be_visible()
    page.goto(f"{base}/admin/events/summit/{world.hanoi.pk}/change/")
    page.goto(f"{base}/admin/events/delegation/add/")
    page.goto(f"{base}/admin/sources/sourcearticle/{world.source.pk}/change/")

    # Autocomplete: Select2 and its JSON requests.
    page.goto(f"{base}/admin/events/statement/{world.trump_statement.pk}/change/")
    page.locator("#id_speaker + .select2").click()
    page.locator(".select2-dropdown .select2-search__field").fill("Kim")
    option = page.locator(".select2-results__option", has_text="Kim Jong-un")
    option.click()
    expect(page.locator("#select2-id_speaker-container")).to_have_attribute("title", "Kim Jong-un")
    page.screenshot(path=str(screenshots / "admin-statement-1280.png"), full_page=True)


def test_spreadsheet_import_and_export_pages_keep_the_policy(page, site, admin_user, tmp_path):
    world, base = site
    log_in(page, base, admin_user)
    page.goto(f"{base}/admin/events/topic/import/")
    topics = tmp_path / "themen.csv"
    topics.write_text("slug;name;description\ngipfeldiplomatie;Gipfeldiplomatie;\n")
    page.locator("input[type=file]").set_input_files(topics)
    page.locator("input[type=submit]").click()
    expect(page.locator("table.import-preview")).to_contain_text("Gipfeldiplomatie")

    page.goto(f"{base}/admin/events/topic/export/")
    toggle = page.locator("input.select-toggle")
    toggle.uncheck()
    toggle.check()


def test_article_import_page_keeps_the_policy(page, site, admin_user, tmp_path, screenshots):
    world, base = site
    assert Person.objects.exists()
    log_in(page, base, admin_user)
    page.goto(f"{base}/admin/sources/sourcearticle/import-articles/")
    article = tmp_path / "hanoi.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    page.get_by_label("Dateien").set_input_files(article)
    page.get_by_role("button", name="Vorschau").click()
    expect(page.locator(".article-preview")).to_be_visible()
    page.screenshot(path=str(screenshots / "admin-article-import-1280.png"), full_page=True)
