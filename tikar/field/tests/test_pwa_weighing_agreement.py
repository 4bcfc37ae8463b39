"""The phone's weighing judgement (static/field/weighing.js) agrees with tikar/growth/weighing.py.

A table of cases runs through both, in real headless Chromium for the JS: every KBM boundary
(exactly the KBM, 1 g under) in both tables, month 0, the ages 1-59 and beyond, a skipped
month (O), the first weighing (B), an override of T (and of N, which changes nothing), 2T
across a skipped month, weights typed with a comma, float noise, and BGM at exactly -3.00.
Any difference of code, gain, KBM, override or 2T fails.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from tikar.browser import browser
from tikar.field.checks import growth_rules
from tikar.growth.weighing import (
    DEFAULT_KBM_TABLE,
    Judgement,
    Weighing,
    grams,
    is_bgm,
    judge_one,
    judge_series,
    kbm_grams,
    kbm_tables,
)

ORIGIN = "http://tikar-weighing.test"
JS_FILE = Path(__file__).resolve().parent.parent / "static" / "field" / "weighing.js"


def _serve(route) -> None:
    path = urlparse(route.request.url).path
    if path == "/static/field/weighing.js":
        route.fulfill(status=200, body=JS_FILE.read_bytes(), content_type="text/javascript")
    elif path == "/growth.json":
        route.fulfill(status=200, body=json.dumps(growth_rules()), content_type="application/json")
    else:
        route.fulfill(status=200, body="<!doctype html><title>w</title>", content_type="text/html")


@contextlib.contextmanager
def weighing_page() -> Iterator[Any]:
    """A Chromium page with weighing.js imported as `window.w`, its KBM tables loaded."""
    with browser() as b:
        page = b.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route(ORIGIN + "/**", _serve)
        page.goto(ORIGIN + "/")
        page.evaluate(
            """async () => {
                const w = await import('/static/field/weighing.js');
                w.loadKbm(await (await fetch('/growth.json')).json());
                window.w = w;
            }"""
        )
        yield page
        assert errors == [], errors


def js(page, function: str, payload: Any) -> Any:
    return json.loads(
        page.evaluate(f"t => JSON.stringify(({function})(JSON.parse(t)))", json.dumps(payload))
    )


def _month(index: int) -> date:
    return date(2024 + index // 12, index % 12 + 1, 1)


def _plain(j: Judgement) -> dict[str, Any]:
    return {
        "month": j.month.isoformat() if j.month else None,
        "code": j.code,
        "gain_g": j.gain_g,
        "kbm_g": j.kbm_g,
        "overridden": j.overridden,
        "two_t": j.two_t,
    }


def series_cases() -> list[tuple[str, list[Weighing]]]:
    """(table, weighings) of one child each: month index i at age `start + i`."""
    cases: list[tuple[str, list[Weighing]]] = []
    for table, t in kbm_tables().items():
        for age in range(0, 62):
            kbm = t.at(age) or 200
            for gain in (kbm, kbm - 1, kbm + 1, 0, -100):
                before = 7000
                cases.append(
                    (
                        table,
                        [
                            Weighing(_month(0), age - 1, "7.000"),
                            Weighing(_month(1), age, f"{(before + gain) / 1000:.3f}"),
                        ],
                    )
                )
    weights = [
        # 2T, then 2T across a skipped month (the month after is O, so no 2T)
        ["7.0", "7.1", "7.1", None, "7.2", "7.2", "7.2"],
        # override of a T, then a T after it (previous N: no 2T)
        ["7,0", "7,5", "7,6", "7,6"],
        # float noise: 0.1 + 0.2 kg style values, the KBM reached exactly in grams
        [7.1, 7.3, 7.6, 7.9],
        ["8.0", "", "8.5", "0", "-1", "abc", "8.5"],
        [None, None, "5.0", "5.8"],
        ["5.0004", "5.0005", "5.3", "5.4999", "5.5"],
    ]
    reasons = ["", "", "mengikuti garis pertumbuhannya", "", "", "", ""]
    for start in (0, 1, 2, 6, 10, 11, 23, 24, 55, 58):
        for ws in weights:
            for table in kbm_tables():
                cases.append(
                    (
                        table,
                        [
                            Weighing(
                                _month(i), start + i, w, reasons[i] if i < len(reasons) else ""
                            )
                            for i, w in enumerate(ws)
                        ],
                    )
                )
    # months given out of order
    cases.append(
        (
            DEFAULT_KBM_TABLE,
            [
                Weighing(_month(3), 8, "7.4"),
                Weighing(_month(1), 6, "7.0"),
                Weighing(_month(2), 7, "7.1"),
            ],
        )
    )
    return cases


def test_it_judges_every_series_as_python_does() -> None:
    cases = series_cases()
    payload = [
        (
            table,
            [
                {
                    "month": w.month.isoformat(),
                    "age_months": w.age_months,
                    "weight_kg": w.weight_kg,
                    "override_reason": w.override_reason,
                }
                for w in ws
            ],
        )
        for table, ws in cases
    ]
    with weighing_page() as page:
        got = js(page, "cases => cases.map(([t, ws]) => window.w.judgeSeries(ws, t))", payload)
    expected = [[_plain(j) for j in judge_series(ws, table)] for table, ws in cases]
    wrong = [(c, e, g) for c, e, g in zip(cases, expected, got, strict=True) if e != g]
    assert wrong == []
    codes = {j["code"] for series in expected for j in series}
    assert codes == {"N", "T", "O", "B", ""}
    assert any(j["two_t"] for series in expected for j in series)
    assert any(j["overridden"] for series in expected for j in series)


def test_it_judges_one_weighing_at_the_kbm_and_one_gram_under_as_python_does() -> None:
    cases = []
    for table in kbm_tables():
        for age in (-1, 0, 1, 2, 3, 6, 7, 11, 12, 24, 59, 60):
            kbm = kbm_grams(age, table) if 0 < age < 60 else 200
            for gain in (kbm, kbm - 1):
                for before, previous, reason in (
                    (True, "", ""),
                    (True, "T", ""),
                    (True, "T", "  "),
                    (True, "T", "ikut garis"),
                    (False, "", ""),
                ):
                    for last in ("8.000", None, ""):
                        cases.append(
                            (
                                age,
                                f"{(8000 + gain) / 1000:.3f}",
                                last,
                                before,
                                previous,
                                reason,
                                table,
                            )
                        )
    with weighing_page() as page:
        got = js(
            page,
            """cases => cases.map(([age, w, last, before, prev, reason, table]) =>
                 window.w.judgeOne(age, w, last, {weighedBefore: before, previousCode: prev,
                                                  overrideReason: reason, table}))""",
            cases,
        )
    expected = [
        _plain(
            judge_one(
                age, w, last, weighed_before=b, previous_code=p, override_reason=r, table=table
            )
        )
        for age, w, last, b, p, r, table in cases
    ]
    assert [c for c, e, g in zip(cases, expected, got, strict=True) if e != g] == []
    # the boundary really is one: exactly the KBM is N, 1 g under is T
    at_kbm = expected[cases.index((6, "8.400", "8.000", True, "", "", DEFAULT_KBM_TABLE))]
    under = expected[cases.index((6, "8.399", "8.000", True, "", "", DEFAULT_KBM_TABLE))]
    assert (at_kbm["code"], under["code"]) == ("N", "T")


def test_it_reads_grams_and_bgm_as_python_does() -> None:
    weights: list[Any] = [
        None, "", "0", "0.0", "-0", "-1.2", "abc", ".", "7.", ".5", "7,25", " 7.5 ", "1e1",
        "7.0005", "7.0004999", "7.0015", "0.0004", "0.0005", 7.7, 0.1 + 0.2, 12.345, "12.3456",
        "Infinity", "NaN", "+7.5", 25, "1_0.5",
    ]  # fmt: skip
    zs = [None, -3.0, -3.01, -2.99, -6.5, 0.0]
    with weighing_page() as page:
        got_g = js(page, "ws => ws.map(x => window.w.grams(x))", weights)
        got_b = js(
            page,
            "cs => cs.map(([z, o]) => window.w.isBgm(z, o))",
            [(z, o) for z in zs for o in (False, True)],
        )
    assert got_g == [grams(w) for w in weights]
    assert got_b == [is_bgm(z, o) for z in zs for o in (False, True)]
    assert is_bgm(-3.0) is False and is_bgm(-3.01) is True
