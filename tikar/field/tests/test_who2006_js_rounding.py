"""The phone rounds z-scores, lengths and table positions exactly as numpy does.

np.round(x, d) is rint(x * 10**d) / 10**d with halves to even, on the binary value: 0.125
becomes 0.12 and 0.375 becomes 0.38 (both are exact in binary), and 2.675 (2.67499999... in
binary) becomes 2.67. Math.round(x * 100) / 100 would give 0.13 for the first. who2006.js's
roundDecimals must give numpy's double for every value, at 2 (z), 6 (row position) and 9
(adjusted length) decimals.
"""

from __future__ import annotations

import random

import numpy as np

from .who2006_js_harness import engine_page, js_call

HALVES = [k / 8 for k in range(-40, 41)] + [k + 0.5 for k in range(-6, 7)]
NEAR_HALVES = [2.675, 1.005, 0.285, -0.285, 45.7 + 0.7, 65.0 - 0.7, 84.8000030517578, 123.45]


def test_it_rounds_like_numpy_with_halves_to_even() -> None:
    rnd = random.Random(7)
    values = HALVES + NEAR_HALVES + [rnd.uniform(-8, 8) for _ in range(3000)]
    values += [round(rnd.uniform(-8, 8), 3) for _ in range(3000)]  # many x.xx5 decimals
    cases = [(x, d) for x in values for d in (2, 6, 9)]
    with engine_page() as page:
        got = js_call(page, "cases => cases.map(([x, d]) => window.who.roundDecimals(x, d))", cases)
    wrong = [
        (x, d, float(np.round(x, d)), g)
        for (x, d), g in zip(cases, got, strict=True)
        if float(np.round(x, d)) != g
    ]
    assert wrong == []
    # The halves really are the cases where rounding half up would differ.
    assert got[cases.index((0.125, 2))] == 0.12
    assert got[cases.index((-0.375, 2))] == -0.38
