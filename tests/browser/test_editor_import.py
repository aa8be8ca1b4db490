"""An editor in a real browser: upload articles, check the preview, save, review the
suggested statements and publish them; readers then see them in the summit's statements."""

import pytest
from playwright.sync_api import expect

from events.demo import load_demo
from tests.seeds import seed_path

pytestmark = pytest.mark.django_db(transaction=True)


def test_editor_uploads_reviews_and_publishes(page, live_server, admin_user):
    load_demo()
    base = live_server.url
    page.goto(f"{base}/admin/login/?next=/admin/sources/sourcearticle/")
    page.get_by_label("Benutzername").fill(admin_user.username)
    page.get_by_label("Passwort").fill("password")
    page.get_by_role("button", name="Anmelden").click()

    page.get_by_role("link", name="Artikel importieren").click()
    page.get_by_label("Dateien").set_input_files([seed_path("001"), seed_path("003")])
    page.get_by_role("button", name="Vorschau").click()
    title = page.get_by_role("row", name="Titel USA-Nordkorea-Gipfel in Hanoi endet ohne Ergebnis")
    expect(title).to_be_visible()
    expect(page.get_by_role("cell", name="Leserkommentare").first).to_be_visible()
    page.get_by_role("button", name="2 Artikel speichern").click()
    expect(page.locator(".job__state")).to_contain_text("fertig")
    expect(page.locator(".job__lines")).to_contain_text("2 Artikel angelegt")

    expect(
        page.get_by_role("link", name="Die vorgeschlagenen Aussagen am Prüftisch entscheiden")
    ).to_be_visible()
    page.goto(f"{base}/admin/events/statement/?status__exact=suggested")
    expect(page.locator("#result_list mark").first).to_be_visible()
    page.locator("#searchbar").fill('"Ich hoffe, dass wir alles"')
    page.locator("#searchbar").press("Enter")
    expect(page.locator("#result_list tbody tr").first).to_contain_text("Ich hoffe")
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option("publish_selected")
    page.get_by_role("button", name="Ausführen").click()
    page.get_by_role("button", name="Ja, alles veröffentlichen").click()
    expect(page.locator(".messagelist")).to_contain_text("veröffentlicht.")

    page.goto(f"{base}/aussagen/?gipfel=hanoi-2019&person=kim-jong-un")
    expect(
        page.get_by_text("Ich hoffe, dass wir alles erreichen, was die Leute erwarten.")
    ).to_be_visible()
