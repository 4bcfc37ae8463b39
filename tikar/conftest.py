"""Fixtures shared by the browser tests (the rest of the suite uses tikar.test.BaseTestCase)."""

import pytest

from tikar.browser import chromium_available

BROWSER_SKIP_REASON = (
    "BROWSER TESTS SKIPPED: /usr/bin/chromium not found (apt-get install chromium)"
)


@pytest.fixture(scope="session")
def live_app():
    if not chromium_available():
        pytest.skip(BROWSER_SKIP_REASON)
    from tikar.browser import running_server

    with running_server() as base:
        yield base


@pytest.fixture(scope="session")
def chromium(live_app):
    from tikar.browser import browser

    with browser() as b:
        yield b


@pytest.fixture
def phone(chromium):
    """A fresh page the size of a cheap Android phone (360×800)."""
    context = chromium.new_context(viewport={"width": 360, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    yield page
    context.close()
