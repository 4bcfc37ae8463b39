"""The phone's scoreVisit gives what the server stores for a child visit, and shows its words.

Child visits (Formulir 2b) are saved on the server through `record_month` (the real service,
real database); the same visits are scored by who2006.js's `scoreVisit` in headless Chromium.
Every stored WHO field (age, adjusted length, BMI, z, flags, categories, status gizi,
weighed/measured) must be equal, and the words must be the server's: `rules.status_labels`,
the entry page's status pills (`views.status_words`, in Indonesian), the Permenkes category
labels and the rows of the entry page's z table (`views.zscore_context`).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from unittest import mock

from django.utils import translation

from tikar.households.tests.factories import child
from tikar.monitoring import rules
from tikar.monitoring import views as monitoring_views
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

from .who2006_js_harness import UNROUNDED_TOLERANCE, engine_page, js_call

TODAY = date(2026, 5, 20)
INDICATORS = ("len", "wei", "wfl", "bmi", "hc", "ac")
STORED = (
    "age_days",
    "position_warning",
    "adjusted_length_cm",
    "bmi",
    *(f"{p}{ind}" for ind in INDICATORS for p in ("z", "f")),
    *(f"cat_{ind}" for ind in ("len", "wei", "wfl", "bmi")),
    "is_stunting",
    "is_gizi_buruk",
    "is_gizi_kurang",
    "weighed",
    "measured",
)

# (sex, age in days at the visit, fields): the status gizi and rules each one reaches.
CASES = [
    ("L", 566, {"weight_kg": "8.8", "length_cm": "75.9", "measured_lying": True}),  # stunting
    ("L", 260, {"weight_kg": "6.7", "length_cm": "68.1", "measured_lying": True}),  # gizi kurang
    ("P", 300, {"weight_kg": "5.2", "length_cm": "70.0", "measured_lying": True}),  # gizi buruk
    ("P", 400, {"weight_kg": "7.0", "length_cm": "70.0", "oedema": True}),  # oedema: buruk
    ("L", 600, {"weight_kg": "2.0", "length_cm": "80.0", "measured_lying": True}),  # flagged
    ("P", 500, {"weight_kg": "9.0", "length_cm": "50.0", "measured_lying": False}),  # flen
    ("P", 500, {"weight_kg": "9.0", "length_cm": "50.0", "oedema": True}),  # flen + oedema
    ("P", 200, {"weight_kg": "7.0", "length_cm": "64.0", "measured_lying": False}),  # < 9 mo
    ("L", 300, {"weight_kg": "8.5", "length_cm": "70.0", "measured_lying": False}),  # +0.7
    ("L", 735, {"weight_kg": "11.0", "length_cm": "85.0", "measured_lying": True}),  # -0.7
    ("P", 100, {"weight_kg": "5.5"}),  # weight only
    ("L", 100, {"length_cm": "58.0", "measured_lying": True}),  # length only
    ("P", 150, {"head_circumference_cm": "40.5", "muac_cm": "13.2", "weight_kg": "6.1"}),
    ("L", 120, {"oedema": False}),  # visited, nothing measured
    ("P", 30, {"weight_kg": "4.0", "length_cm": "53.5", "measured_lying": None, "oedema": None}),
    ("L", 700, {"weight_kg": "30.0", "length_cm": "80.0", "measured_lying": True}),  # fat: flags
]


def random_cases(n: int, seed: int = 11) -> list[tuple[str, int, dict[str, object]]]:
    rnd = random.Random(seed)
    cases = []
    for _ in range(n):
        age = rnd.randint(0, 740)
        length = round(45 + age * 0.05 + rnd.uniform(-8, 8), 1)
        fields: dict[str, object] = {
            "weight_kg": f"{(length / 100) ** 2 * rnd.uniform(11, 20):.1f}",
            "length_cm": f"{length:.1f}",
            "measured_lying": rnd.choice((True, False, None)),
            "oedema": rnd.choice((False, None, None, True)),
        }
        if rnd.random() < 0.5:
            fields["head_circumference_cm"] = f"{32 + age * 0.02 + rnd.uniform(-3, 3):.1f}"
            fields["muac_cm"] = f"{11 + rnd.uniform(0, 6):.1f}"
        cases.append((rnd.choice(("L", "P")), age, fields))
    return cases


def js_fields(fields: dict[str, object], i: int) -> dict[str, object]:
    """The phone's fields: decimals as strings or numbers (both arrive from the forms/API)."""
    return {k: (float(v) if isinstance(v, str) and i % 2 else v) for k, v in fields.items()}


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class ScoreVisitTests(BaseTestCase):
    def test_it_gives_the_values_child_visit_stores_and_the_servers_words(self, _) -> None:
        expected, inputs = [], []
        for i, (sex, age, fields) in enumerate(CASES + random_cases(40)):
            visit_day = TODAY - timedelta(days=i)  # one month per child, each its own child
            birth = visit_day - timedelta(days=age)
            c = child(self.sibargot, self.sari, birth_date=birth, sex=sex)
            month = visit_day.replace(day=1)
            form = rules.default_child_form(birth, month)
            values = {"visit_date": visit_day, **fields}
            v = record_month(c, month, values, self.sari, form=form).record
            v.refresh_from_db()
            stored = {name: getattr(v, name) for name in STORED}
            stored |= {f"z{ind}_unrounded": getattr(v, f"z{ind}_unrounded") for ind in INDICATORS}
            score = v.score()
            with translation.override("id"):
                entry = monitoring_views.zscore_context(c, month, values)
                words = monitoring_views.status_words(v.nutrition_status)
            stored |= {
                "unjudged": rules.is_unjudged(v.flen, v.fwei, v.fwfl, bool(v.oedema)),
                "status_labels": rules.status_labels(v.nutrition_status),
                "status_words": words,
                "category_labels": {
                    ind: score[f"label_{ind}"] for ind in ("len", "wei", "wfl", "bmi")
                },
                "rows": [
                    {k: str(x) if k == "label" else x for k, x in r.items()}
                    for r in entry.get("rows", [])
                ],
                "has_status": entry.get("has_status", False),
            }
            expected.append(stored)
            inputs.append(
                {"sex": sex, "birth_date": birth.isoformat(), "visit_date": visit_day.isoformat()}
                | js_fields(fields, i)
            )

        with engine_page() as page:
            got = js_call(page, "visits => visits.map(v => window.who.scoreVisit(v))", inputs)

        wrong = []
        for i, (want, js) in enumerate(zip(expected, got, strict=True)):
            js["rows"] = [{k: x for k, x in r.items() if k != "ind"} for r in js["rows"]]
            for key, value in want.items():
                if key.endswith("_unrounded") and value is not None and js[key] is not None:
                    equal = abs(value - js[key]) <= UNROUNDED_TOLERANCE * max(1.0, abs(value))
                else:
                    equal = (
                        value == js[key]
                        and type(value) is type(js[key])
                        or (isinstance(value, float) and value == js[key])
                    )
                if not equal:
                    wrong.append((i, inputs[i], key, value, js[key]))
        assert wrong == []
        # Guard: the visits reached every status and the words of each.
        labels = [w for js in got for w in js["status_labels"]]
        for word in ("Stunting", "Gizi buruk", "Gizi kurang", "Normal", rules.UNJUDGED_TEXT):
            assert word in labels, word
        assert any(js["position_warning"] for js in got)
