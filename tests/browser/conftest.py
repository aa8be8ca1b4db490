"""A real browser for the reader's paths: Debian's Chromium driven by Playwright.

Playwright's sync API runs an event loop in this thread, and Django refuses database access
from a thread with a running loop unless told it is safe; here it is (tests only).
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def ensure_chromium() -> None:
    """Install Debian's Chromium when it is missing; Playwright never downloads a browser."""
    if Path(CHROMIUM).exists():
        return
    if shutil.which("apt-get") is None:
        pytest.skip("Chromium is missing and apt-get is not available to install it.")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "chromium"], check=True, env=env)


@pytest.fixture(scope="session")
def browser():
    ensure_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


# Chromium logs a refused inline script or style as a console error ("Refused to ..."); the
# event catches what it may not log. Init scripts run outside the page's policy.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI}`
    + ` at ${event.sourceFile}:${event.lineNumber} "${event.sample}"`);
});
"""


def is_csp_violation(text: str) -> bool:
    return (
        text.startswith("securitypolicyviolation:")
        or text.startswith("Refused to")
        or "Content Security Policy" in text
    )


@pytest.fixture
def page(browser):
    """A page at 1280 px; the test fails if the page broke its Content-Security-Policy."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on(
        "console", lambda message: console.append(f"{message.type}: {message.text} ({page.url})")
    )
    yield page
    if not page.is_closed():
        page.evaluate("0")  # a round trip, so that messages still underway arrive
    context.close()
    violations = [line for line in console if is_csp_violation(line.split(": ", 1)[1])]
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


_screenshots_taken: list[Path] = []


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    _screenshots_taken.append(SCREENSHOTS)
    return SCREENSHOTS


def pytest_terminal_summary(terminalreporter):
    if _screenshots_taken:
        written = sorted(SCREENSHOTS.glob("*.png"))
        terminalreporter.write_sep("-", f"screenshots in {SCREENSHOTS}")
        for path in written:
            terminalreporter.write_line(str(path))


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def site(transactional_db, live_server):
    """The demo content plus a source article with statements, served by a live server."""
    from tests.events.conftest import build_world

    return build_world(), live_server.url
