"""Helpers for the field app's browser tests (test_pwa_*, test_outbox_*): open the app as a
user, wait for the service worker and the first sync, read IndexedDB and the outbox through the
page's own store (window.tikarField, see shell.js)."""

from __future__ import annotations

import json
import time

from tikar.browser import login
from tikar.front.demo import DEMO_PASSWORD


def wait_until(page, js: str, timeout: float = 30.0, arg=None):
    """Poll `js` (a function expression) in the page until it returns something truthy.
    (Playwright's wait_for_function evaluates strings, which the app's CSP refuses.)"""
    from playwright.sync_api import Error as PlaywrightError

    deadline = time.monotonic() + timeout
    while True:
        try:
            value = page.evaluate(js, arg)
        except PlaywrightError as exc:
            # The page reloaded under us (an app update, a redirect): ask the new page.
            if "context was destroyed" not in str(exc) and "navigat" not in str(exc):
                raise
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {js}")
        time.sleep(0.2)


def sync_idle(page, timeout: float = 60.0) -> dict:
    """Wait until no sync is running; return the sync state."""
    return wait_until(
        page,
        """async () => { const {sync} = await window.tikarField;
             return sync.running ? null : {...sync.state}; }""",
        timeout,
    )


def open_field_app(page, base: str, username: str = "sari") -> None:
    """Log in online, open /lapangan/, wait until the service worker controls the page and the
    first download has finished."""
    login(page, base, username, DEMO_PASSWORD)
    page.goto(base + "/lapangan/")
    wait_until(page, "() => navigator.serviceWorker.controller !== null")
    wait_until(
        page,
        """async () => { const {store} = await window.tikarField;
             return await store.meta.get('snapshot_done'); }""",
        90,
    )
    sync_idle(page)


def unsent_shown(page) -> int:
    return int(page.get_attribute("#unsent", "data-count") or -1)


def save(page, kind: str, fields: dict, record_id: str | None = None) -> dict:
    return page.evaluate(
        """async ([kind, fields, id]) => { const {store} = await window.tikarField;
             return await store.save(kind, fields, id ? {id} : {}); }""",
        [kind, fields, record_id],
    )


def outbox(page) -> list[dict]:
    return page.evaluate(
        "async () => { const {store} = await window.tikarField; return await store.outbox(); }"
    )


def record(page, kind: str, record_id: str) -> dict | None:
    return page.evaluate(
        """async ([kind, id]) => { const {store} = await window.tikarField;
             return await store.get(kind, id); }""",
        [kind, record_id],
    )


def server_json(page, url: str) -> dict:
    """GET an API address with the page's session (online)."""
    text = page.evaluate(
        "async (url) => (await fetch(url, {credentials: 'same-origin'})).text()", url
    )
    return json.loads(text)
