"""The phone's posyandu modules (static/field/rules.js, weighing.js, attention.js) in real
headless Chromium. Not a test module.

Served by Playwright's request routing on a made-up origin (no server process): the JS files
are the repository's; `/rules.json` holds what these modules read of the view's answer (the
month names and `growth`, built by the same functions; no database needed). The
modules are imported as ES modules, as the field app does, and kept on `window.rules`,
`window.weighing`, `window.attention`.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from tikar.browser import browser
from tikar.calendar import MONTHS_ID
from tikar.field import checks

ORIGIN = "http://tikar-posyandu.test"
STATIC = Path(checks.__file__).resolve().parent / "static" / "field"


def _serve(route) -> None:
    path = urlparse(route.request.url).path
    if path.startswith("/static/field/") and path.endswith(".js"):
        name = path.removeprefix("/static/field/")
        route.fulfill(status=200, body=(STATIC / name).read_bytes(), content_type="text/javascript")
    elif path == "/rules.json":
        body = {
            "months": list(MONTHS_ID),
            "nik": {"kecamatan": {}},
            "growth": checks.growth_rules(),
        }
        route.fulfill(status=200, body=json.dumps(body), content_type="application/json")
    else:
        route.fulfill(status=200, body="<!doctype html><title>js</title>", content_type="text/html")


@contextlib.contextmanager
def posyandu_page() -> Iterator[Any]:
    """A Chromium page with rules.js, weighing.js and attention.js loaded with rules.json."""
    with browser() as b:
        page = b.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route(ORIGIN + "/**", _serve)
        page.goto(ORIGIN + "/")
        page.evaluate(
            """async () => {
                const json = await (await fetch('/rules.json')).json();
                const rules = await import('/static/field/rules.js');
                const weighing = await import('/static/field/weighing.js');
                const attention = await import('/static/field/attention.js');
                rules.loadRules(json);
                weighing.loadKbm(json.growth);
                attention.loadSchedule(json.growth.immunisation);
                Object.assign(window, {rules, weighing, attention});
            }"""
        )
        yield page
        assert errors == [], errors


def js(page, function: str, payload: Any) -> Any:
    """`function(payload)` in the page; payload and answer cross as JSON text."""
    return json.loads(
        page.evaluate(f"t => JSON.stringify(({function})(JSON.parse(t)))", json.dumps(payload))
    )
