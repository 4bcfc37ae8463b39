"""The phone's engine equals the server's on thousands of random measurements.

A seeded generator (the same rows on every run) draws children across the whole scope and
beyond it: ages in whole, half and fractional days or in months, around the 9-month, 731-day
and 60-month boundaries, missing ages; lengths on 0.1 cm, float32-like and arbitrary values,
including the first and last rows of both weight-for-length/height tables; weights from far
below to far above WHO's limits (restricted LMS and flags); head and arm circumferences;
positions, oedema and sex in their various spellings. Python's who2006.compute and
who2006.js's compute must agree on every value of every row.
"""

from __future__ import annotations

import random

import numpy as np

from tikar.growth.who2006 import compute

from .who2006_js_harness import differences, engine_page, js_compute, python_rows

SEED = 20261130
ROWS = 6000
BOUNDARY_DAYS = (
    0,
    90,
    91,
    273,
    273.9,
    273.95,
    274,
    730,
    730.4,
    730.5,
    731,
    1826,
    1826.2,
    1826.25,
    1827,
)


def _age(rnd: random.Random) -> tuple[float | None, float | None]:
    """(age_days, age_months); days win where both are given, as on the server."""
    kind = rnd.random()
    if kind < 0.45:
        return float(rnd.randint(-5, 1900)), None
    if kind < 0.6:
        return rnd.randint(0, 1830) + rnd.choice((0.5, 0.49, 0.51, 0.25, 0.75)), None
    if kind < 0.7:
        return rnd.choice(BOUNDARY_DAYS) + rnd.choice((0.0, 0.0, -0.01, 0.01)), None
    if kind < 0.85:
        months = round(rnd.uniform(0, 61), rnd.choice((0, 1, 2, 3)))
        return None, rnd.choice((months, 8.999, 9.0, 24.0, 59.99, 60.0))
    if kind < 0.92:
        return rnd.uniform(0, 1830), rnd.uniform(0, 60)
    return None, None


def _length(rnd: random.Random) -> float | None:
    kind = rnd.random()
    if kind < 0.5:
        return round(rnd.uniform(40, 125), 1)
    if kind < 0.6:
        return float(np.float32(round(rnd.uniform(45, 120), 1)))  # float32 survey data
    if kind < 0.75:
        return rnd.choice(
            (44.3, 45.0, 45.7, 64.3, 65.0, 65.7, 86.9, 87.0, 109.3, 110.0, 110.7, 120.0, 120.7)
        )
    if kind < 0.9:
        return rnd.uniform(30, 130)
    return rnd.choice((None, 0.0, -1.0))


def _weight(rnd: random.Random, length: float | None) -> float | None:
    kind = rnd.random()
    if kind < 0.6 and length and length > 0:
        # Around the child's expected weight, sometimes far off (restricted z, flags).
        return round((length / 100) ** 2 * rnd.uniform(9, 22), rnd.choice((1, 2, 6)))
    if kind < 0.9:
        return round(rnd.uniform(0.4, 30), 1)
    return rnd.choice((None, 0.0, -2.0, 0.1, 45.0))


def random_rows(n: int = ROWS, seed: int = SEED) -> list[dict[str, object]]:
    rnd = random.Random(seed)
    rows = []
    for _ in range(n):
        age_days, age_months = _age(rnd)
        length = _length(rnd)
        rows.append(
            {
                "sex": rnd.choice(("1", "2", "1", "2", "m", "F", "x", "")),
                "age_days": age_days,
                "age_months": age_months,
                "weight": _weight(rnd, length),
                "lenhei": length,
                "measure": rnd.choice(("l", "h", "l", "h", "L", "H", "", "x")),
                "headc": rnd.choice((None, round(rnd.uniform(25, 60), 1), rnd.uniform(20, 70))),
                "armc": rnd.choice((None, round(rnd.uniform(8, 22), 1), rnd.uniform(5, 30))),
                "oedema": rnd.choice(("n", "n", "n", "y", "", "1", "0")),
            }
        )
    return rows


def test_it_scores_thousands_of_random_rows_like_the_server() -> None:
    rows = random_rows()

    def floats(key: str) -> np.ndarray:
        return np.array([np.nan if r[key] is None else r[key] for r in rows], dtype=np.float64)

    def texts(key: str) -> list[object]:
        return [r[key] for r in rows]

    result = compute(
        texts("sex"),
        floats("age_days"),
        age_months=floats("age_months"),
        weight=floats("weight"),
        lenhei=floats("lenhei"),
        measure=texts("measure"),
        headc=floats("headc"),
        armc=floats("armc"),
        oedema=texts("oedema"),
    )
    expected = python_rows(result, len(rows))
    with engine_page() as page:
        got = js_compute(page, rows)

    assert differences(expected, got) == []
    # Guard: the draw reached every kind of result the rules can give.
    for ind in ("len", "wei", "wfl", "bmi", "hc", "ac"):
        assert sum(r[f"z{ind}"] is not None for r in got) > 500, ind
        assert any(r[f"f{ind}"] == 1 for r in got), ind
    assert any(r["position_warning"] for r in got)
    assert any(abs(r["zwfl"]) > 3 and not r["fwfl"] for r in got if r["zwfl"] is not None)
    assert any(r["age_days"] == 1826 and r["zlen"] is None for r in got)
