"""The phone asks the same growth questions as the server, in the same words.

who2006.js's growthWarnings (on its own scoreOne results) against rules.growth_warnings (on
score_one's): WHO flags of every indicator with the z written with a decimal comma, standing
under 9 months, a length shorter than the previous one (with and without its date). Also
idDecimal against Python's f"{x:.nf}" on ties (0.125 -> 0.12), negative zero and plain values.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from tikar.growth.who2006 import score_one
from tikar.monitoring import rules

from .who2006_js_harness import engine_page, js_call

# (score_one arguments, length_cm, previous length, previous date)
CASES = [
    ({"sex": 1, "age_days": 600, "weight": 2.0, "lenhei": 80.0, "measure": "l"}, None, None, None),
    (
        {"sex": 2, "age_days": 500, "weight": 9.0, "lenhei": 50.0, "measure": "l"},
        "50.0",
        None,
        None,
    ),
    ({"sex": 1, "age_days": 100, "headc": 60.0, "armc": 25.0, "weight": 6.0}, None, None, None),
    ({"sex": 2, "age_days": 400, "armc": 6.0, "headc": 30.0, "weight": 30.0}, None, None, None),
    (
        {"sex": 2, "age_days": 200, "weight": 7.0, "lenhei": 64.0, "measure": "h"},
        "64.0",
        None,
        None,
    ),
    (
        {"sex": 1, "age_days": 566, "weight": 8.8, "lenhei": 75.9, "measure": "l"},
        "75.9",
        "76.4",
        "2026-03-05",
    ),
    ({"sex": 1, "age_days": 566, "weight": 8.8, "lenhei": 75.9}, "75.9", "76.0", None),
    ({"sex": 1, "age_days": 566, "weight": 8.8, "lenhei": 75.9}, "75.9", "75.9", "2026-01-31"),
    ({"sex": 1, "age_days": 566, "weight": 8.8, "lenhei": 75.9}, "76.0", "75.9", "2025-12-01"),
    (
        {"sex": 2, "age_days": 30, "weight": 0.5, "lenhei": 30.0, "measure": "h"},
        "30.0",
        "31.2",
        "2026-02-28",
    ),
]


def test_it_gives_the_servers_growth_warnings() -> None:
    expected = []
    for args, length, previous, when in CASES:
        args = dict(args)
        score = score_one(args.pop("sex"), **args)
        problems = rules.growth_warnings(
            score,
            length_cm=Decimal(length) if length else None,
            previous_length_cm=Decimal(previous) if previous else None,
            previous_date=date.fromisoformat(when) if when else None,
        )
        expected.append(
            [{"field": p.field, "code": p.code, "message": p.message} for p in problems]
        )
    payload = [
        {"args": a, "length_cm": n, "previous_length_cm": p, "previous_date": d}
        for a, n, p, d in CASES
    ]
    with engine_page() as page:
        got = js_call(
            page,
            """cases => cases.map(c => window.who.growthWarnings(window.who.scoreOne(c.args),
                 {length_cm: c.length_cm, previous_length_cm: c.previous_length_cm,
                  previous_date: c.previous_date}))""",
            payload,
        )
    assert got == expected
    codes = {w["code"] for case in got for w in case}
    for ind in ("len", "wei", "wfl", "bmi", "hc", "ac"):
        assert f"z{ind}_flagged" in codes, ind
    assert {"standing_under_9_months", "length_shrank"} <= codes


def test_it_writes_decimals_as_python_does_with_a_comma() -> None:
    rnd = random.Random(3)
    values = [0.125, -0.125, 0.375, 0.25, 0.75, -0.25, 2.675, 1.005, -0.001, 0.0, 12.5, 13.5]
    values += [round(rnd.uniform(-7, 7), 3) for _ in range(500)] + [
        rnd.uniform(-7, 130) for _ in range(500)
    ]
    cases = [(x, places) for x in values for places in (0, 1, 2)]
    with engine_page() as page:
        got = js_call(page, "cases => cases.map(([x, n]) => window.who.idDecimal(x, n))", cases)
        negative_zero = js_call(page, "() => window.who.idDecimal(-0, 2)", None)
    wrong = [
        (x, n, rules.id_decimal(x, n), g)
        for (x, n), g in zip(cases, got, strict=True)
        if rules.id_decimal(x, n) != g
    ]
    assert wrong == []
    assert negative_zero == rules.id_decimal(-0.0, 2) == "-0,00"
