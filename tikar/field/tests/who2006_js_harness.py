"""The phone's WHO engine (static/field/who2006.js) loaded in real headless Chromium.

Not a test module. The page is served by Playwright's request routing on a made-up origin, so
no server process is needed: `/static/field/who2006.js` is the file in the repository and
`/lapangan/data/who2006.json` is the exact bytes the view answers (`tables.built()`). The
module is imported as an ES module, as the field app does, and kept on `window.who`.

Also the bridge between Python's engine and the JS results: `py_value` turns numpy values into
what the JS returns (NaN → None), and `differences` lists every value that is not identical.
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from tikar.browser import browser
from tikar.field import tables

ORIGIN = "http://tikar-engine.test"
JS_FILE = Path(tables.__file__).resolve().parent / "static" / "field" / "who2006.js"

# The unrounded z-scores come out of pow(): glibc/numpy and V8 may differ in the last bit of a
# power, so these are compared to 1e-12 (far below the 0.005 that rounding to 2 decimals could
# be moved by); every other value (rounded z, flags, categories, lengths, BMI) must be equal.
UNROUNDED_TOLERANCE = 1e-12


def _serve(route) -> None:
    path = urlparse(route.request.url).path
    if path == "/static/field/who2006.js":
        route.fulfill(status=200, body=JS_FILE.read_bytes(), content_type="text/javascript")
    elif path == "/lapangan/data/who2006.json":
        route.fulfill(status=200, body=tables.built()[0], content_type="application/json")
    elif path == "/":
        route.fulfill(
            status=200, body="<!doctype html><title>who2006.js</title>", content_type="text/html"
        )
    else:
        route.fulfill(status=404, body="")


@contextlib.contextmanager
def engine_page() -> Iterator[Any]:
    """A Chromium page with who2006.js imported and its tables loaded (window.who)."""
    with browser() as b:
        page = b.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route(ORIGIN + "/**", _serve)
        page.goto(ORIGIN + "/")
        page.evaluate(
            """async () => {
                const who = await import('/static/field/who2006.js');
                const answer = await fetch('/lapangan/data/who2006.json');
                who.loadTables(await answer.json());
                window.who = who;
            }"""
        )
        yield page
        assert errors == [], errors


def js_call(page, function: str, payload: Any) -> Any:
    """`function(payload)` evaluated in the page, e.g. "rows => who.compute(rows)".

    The payload and the answer cross as JSON text: Playwright's own value serialisation takes
    seconds for thousands of rows. Doubles survive exactly (shortest round-trip text both
    ways); missing values are null/None on both sides.
    """
    text = page.evaluate(
        f"text => JSON.stringify(({function})(JSON.parse(text)))", json.dumps(payload)
    )
    return json.loads(text)


def js_compute(page, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return js_call(page, "rows => window.who.compute(rows)", list(rows))


def js_score_one(page, cases: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return js_call(page, "cases => cases.map(c => window.who.scoreOne(c))", list(cases))


def py_value(value: Any) -> Any:
    """A numpy/Python value as the JS engine gives it: NaN → None, numpy scalars → Python."""
    if value is None:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def python_rows(result, n: int) -> list[dict[str, Any]]:
    """who2006.compute's GrowthResult as one dict per row, with score_one's keys."""
    from tikar.growth.who2006 import CATEGORY_CODES, INDICATORS

    out: list[dict[str, Any]] = [{} for _ in range(n)]
    columns: dict[str, Any] = {
        "age_days": result.age_days,
        "age_months": result.age_months,
        "position_warning": result.position_warning,
        "clenhei": result.clenhei,
        "cbmi": result.cbmi,
        "uses_wfl": result.uses_wfl,
        "sex": result.sex,
        "position": result.position,
        "oedema": result.oedema,
    }
    for ind in INDICATORS:
        columns[f"z{ind}"] = result.z[ind]
        columns[f"z{ind}_unrounded"] = result.z_unrounded[ind]
        columns[f"f{ind}"] = result.flags[ind]
        if ind in CATEGORY_CODES:
            columns[f"cat_{ind}"] = result.categories(ind)
            columns[f"label_{ind}"] = [label or None for label in result.labels(ind)]
    for key, column in columns.items():
        for i in range(n):
            out[i][key] = py_value(column[i])
    return out


def same(key: str, want: Any, got: Any) -> bool:
    if key.endswith("_unrounded") and want is not None and got is not None:
        return abs(want - got) <= UNROUNDED_TOLERANCE * max(1.0, abs(want))
    if isinstance(want, bool) or isinstance(got, bool):
        return want is got
    return want == got and (want is None) == (got is None)


def differences(
    expected: Sequence[dict[str, Any]], got: Sequence[dict[str, Any]], label: Any = None
) -> list[tuple[Any, str, Any, Any]]:
    """(row label, key, Python's value, JS's value) for every value that differs."""
    wrong = []
    for i, (want_row, got_row) in enumerate(zip(expected, got, strict=True)):
        for key, want in want_row.items():
            value = got_row.get(key, "<missing>")
            if not same(key, want, value):
                wrong.append((label[i] if label is not None else i, key, want, value))
    return wrong
