"""The phone's engine equals the server's on every rule's edge, one score_one call at a time.

The inputs of the growth engine's own edge-case tests (tikar/growth/tests/test_edge_cases.py,
test_who_age_boundaries.py, test_length_row_boundaries.py): sex spellings, half days, months x
30.4375, day 1826/1827 and the unrounded 60-month scope, standing under 9 months, the 0.7 cm
rule at day 731, every 0.1 cm row reached by an adjusted length (first and last rows of both
tables and one step beyond), oedema, zero or missing measurements, flags. who2006.js's scoreOne
must return exactly score_one's values for each.
"""

from __future__ import annotations

from decimal import Decimal

from tikar.growth.who2006 import score_one

from .who2006_js_harness import differences, engine_page, js_score_one

GIRL = {
    "sex": 2,
    "age_days": 683,
    "weight": 10.3999996185303,
    "lenhei": 84.8000030517578,
    "measure": "l",
    "armc": 14.8999996185303,
}
MEASURES_60 = {"lenhei": 108.0, "weight": 18.0, "measure": "h", "headc": 50.0, "armc": 16.0}


def girl(**changes: object) -> dict[str, object]:
    return {**GIRL, **changes}


def boy(**kwargs: object) -> dict[str, object]:
    return {"sex": 1, **kwargs}


def tenths(first: str, last: str) -> list[float]:
    start, stop = Decimal(first), Decimal(last)
    return [float(start + Decimal(i) / 10) for i in range(int((stop - start) * 10) + 1)]


def edge_cases() -> list[dict[str, object]]:
    cases: list[dict[str, object]] = []
    # Sex: every spelling, and unknown ones (every z empty).
    for code in (2, "2", "f", "F", 2.0, " f ", 1, "1", "m", "M", "x", "", None, 3, 0, "male", "L"):
        cases.append(girl(sex=code, headc=47.0))
    # Age: half days, months, day 1826/1827, the unrounded 60- and 9-month rules, negative.
    for age in (
        100.5,
        100.49,
        101.5,
        -1,
        0,
        730,
        730.4,
        730.5,
        731,
        1826,
        1826.2,
        1826.4,
        1826.5,
        1827,
    ):
        cases.append(girl(age_days=age, weight=6.0, headc=35.0))
        cases.append(boy(age_days=age, **MEASURES_60))
    for months in (2, 4, 200.5 / 30.4375, 22.45, 8.999, 9.0, 24.0, 59.99, 60.0):
        cases.append(girl(age_days=None, age_months=months))
        cases.append(boy(age_months=months, lenhei=70.0, weight=8.5, measure="h"))
    cases.append(girl(age_days=None))  # weight-for-length without age
    for day in (273, 273.9, 273.95, 274, 100):
        cases.append(girl(age_days=day, lenhei=66.0, weight=7.5, measure="h"))
        cases.append(girl(age_days=day, lenhei=60.0, measure="l"))
    # Position codes; the 0.7 cm rule at day 731; weight-for-height on the adjusted length.
    for measure in ("L", "l", "H", "h", "", None, "x", "berdiri"):
        for age in (700, 730, 731, 800, None):
            cases.append(girl(age_days=age, measure=measure, lenhei=85.0, weight=11.5))
    # Without age: position, or length under 87 cm, picks the table.
    for length in (86.9, 87.0, 87.1, 64.9, 65.0, 110.0, 110.1, 120.0, 120.1):
        for measure in ("l", "h", ""):
            cases.append(boy(lenhei=length, weight=length / 8, measure=measure))
    # Oedema spellings.
    for code in ("y", "Y", "1", 1, True, "n", "N", "0", "", None, False):
        cases.append(girl(oedema=code))
    # Zero, negative and missing measurements.
    for weight in (0, -1.0, None):
        cases.append(girl(weight=weight))
    for length in (0, -84.8, None):
        cases.append(girl(lenhei=length))
    # Every 0.1 cm row an adjusted length can land on, both tables, both sexes, and beyond.
    for sex in (1, 2):
        for x in tenths("44.2", "109.4"):
            cases.append(
                {"sex": sex, "age_days": 700, "lenhei": x, "weight": (x + 0.7) / 8, "measure": "h"}
            )
        for x in tenths("65.6", "120.8"):
            cases.append(
                {"sex": sex, "age_days": 800, "lenhei": x, "weight": (x - 0.7) / 8, "measure": "l"}
            )
    cases.append({"sex": 2, "age_months": 24.0, "lenhei": 65.0, "weight": 7.0, "measure": "l"})
    cases.append({"sex": 2, "age_days": 683, "lenhei": 84.8000030517578, "measure": "l"})
    # Flags, restricted z far out, arm circumference before day 91.
    for weight in (1.0, 2.0, 25.0, 30.0):
        cases.append(girl(weight=weight))
    for length in (50.0, 60.0, 110.0, 125.0):
        cases.append(girl(lenhei=length))
    for day, armc, headc in (
        (90, 11.0, 40.0),
        (91, 11.0, 40.0),
        (400, 25.0, 60.0),
        (400, 8.0, 30.0),
    ):
        cases.append(boy(age_days=day, armc=armc, headc=headc))
    return cases


def test_it_gives_score_one_values_on_every_edge_case() -> None:
    cases = edge_cases()
    expected = [
        score_one(c.get("sex"), **{k: v for k, v in c.items() if k != "sex"}) for c in cases
    ]
    with engine_page() as page:
        got = js_score_one(page, cases)
    assert differences(expected, got, label=[repr(c) for c in cases]) == []
    assert len(cases) > 1000  # guard: both length tables were walked row by row
    assert any(r["fwei"] for r in got) and any(r["zwfl"] is None for r in got)
