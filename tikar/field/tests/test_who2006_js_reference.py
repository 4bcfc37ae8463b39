"""The phone's engine gives the server's numbers on WHO's whole igrowup reference survey.

All 498 children of WHO's example survey (tikar/growth/tests/data), scored by the Python engine
in the test and by who2006.js in real headless Chromium: every z-score, flag, category, label,
adjusted length, BMI and age must be the same value (the unrounded z to 1e-12, see harness).
"""

from __future__ import annotations

import numpy as np

from tikar.growth.tests.helpers import reference_rows
from tikar.growth.who2006 import compute

from .who2006_js_harness import differences, engine_page, js_compute, python_rows


def _number(text: str) -> float | None:
    return None if text in ("", "NA") else float(text)


def test_it_scores_the_whole_igrowup_survey_like_the_server() -> None:
    header, rows = reference_rows()

    def col(name: str) -> list[str]:
        i = header.index(name)  # "oedema" appears twice; the first is the input
        return [r[i] for r in rows]

    inputs = [
        {
            "sex": sex,
            "age_days": _number(age),
            "weight": _number(weight),
            "lenhei": _number(lenhei),
            "measure": measure,
            "headc": _number(headc),
            "armc": _number(armc),
            "oedema": oedema,
        }
        for sex, age, weight, lenhei, measure, headc, armc, oedema in zip(
            col("GENDER"),
            col("age.days"),
            col("WEIGHT"),
            col("HEIGHT"),
            col("measure"),
            col("HEAD"),
            col("MUAC"),
            col("oedema"),
            strict=True,
        )
    ]

    def floats(key: str) -> np.ndarray:
        return np.array([np.nan if r[key] is None else r[key] for r in inputs])

    result = compute(
        col("GENDER"),
        floats("age_days"),
        weight=floats("weight"),
        lenhei=floats("lenhei"),
        measure=col("measure"),
        headc=floats("headc"),
        armc=floats("armc"),
        oedema=col("oedema"),
    )
    expected = python_rows(result, len(rows))
    with engine_page() as page:
        got = js_compute(page, inputs)

    assert len(got) == 498
    assert differences(expected, got, label=col("id")) == []
    # Guard: the comparison really covered the survey's z-scores, restricted ones included.
    z_keys = [f"z{ind}" for ind in ("len", "wei", "wfl", "bmi", "hc", "ac")]
    assert sum(r[k] is not None for r in got for k in z_keys) > 2000
    assert any(r[k] is not None and abs(r[k]) > 3 for r in got for k in z_keys)
