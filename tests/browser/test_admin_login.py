"""An editor who mistypes the password too often is told, in German, to wait."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from newsroom.login_throttle import LOCKED_OUT, LOCKED_OUT_TITLE

pytestmark = pytest.mark.django_db(transaction=True)


def test_too_many_wrong_passwords_show_the_lockout_page(
    page, live_server, admin_user, screenshots
):
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        page.get_by_label("Benutzername").fill(admin_user.username)
        page.get_by_label("Passwort").fill("falsch")
        page.get_by_role("button", name="Anmelden").click()
        expect(page.locator(".errornote")).to_be_visible()

    page.get_by_label("Benutzername").fill(admin_user.username)
    page.get_by_label("Passwort").fill("falsch")
    with page.expect_response(f"{live_server.url}/admin/login/?next=/admin/") as response:
        page.get_by_role("button", name="Anmelden").click()
    assert response.value.status == 429
    expect(page.get_by_role("heading", level=1)).to_have_text(str(LOCKED_OUT_TITLE))
    expect(page.locator(".errornote")).to_contain_text(str(LOCKED_OUT))
    expect(page.locator("#site-name")).to_have_text("newsroom Redaktion")
    page.screenshot(path=str(screenshots / "admin-lockout-1280.png"), full_page=True)

    page.get_by_role("link", name="Zurück zur Anmeldung").click()
    page.get_by_label("Benutzername").fill(admin_user.username)
    page.get_by_label("Passwort").fill("password")
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(str(LOCKED_OUT_TITLE))
