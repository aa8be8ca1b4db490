# The browser fixtures (Debian's Chromium through Playwright, the live site, axe) for
# tests/readers/test_browser.py.
from tests.browser.conftest import axe, browser, page, screenshots, site  # noqa: F401
