"""The Tugas list's cohort helpers in rules.js give what tikar/monitoring/rules.py gives.

Which forms a child needs in a month (the 2nd-birthday month asks for both 2b and 2c unless it
falls on the 1st; nothing from the 6th birthday's month on), a child's age, whether a pregnancy
is still followed (to day 42 of nifas), the proposed gestation month and the "not followed"
messages are computed on the phone for every birth date and month of a grid (month ends, 29
February, the 1st, the 31st) and compared with the Python rules, value by value.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tikar.browser import chromium_available
from tikar.conftest import BROWSER_SKIP_REASON
from tikar.monitoring import rules
from tikar.test import BaseTestCase

from .shared_validation_harness import rules_page

BIRTHS = [
    date(2019, 12, 31),
    date(2020, 1, 1),
    date(2020, 2, 29),
    date(2020, 5, 31),
    date(2022, 8, 15),
    date(2023, 12, 1),
    date(2024, 1, 31),
    date(2024, 2, 29),
    date(2024, 3, 1),
    date(2024, 5, 10),
    date(2025, 6, 10),
    date(2026, 1, 30),
]
MONTHS = [date(2019 + i // 12, i % 12 + 1, 1) for i in range(0, 8 * 12)]
DELIVERIES = [None, date(2026, 2, 17), date(2026, 2, 18), date(2025, 12, 31), date(2024, 2, 29)]
DUES = [None, date(2026, 9, 1), date(2024, 12, 31)]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _messages(problems) -> list[str]:
    return [p.message for p in problems]


def _python(births, months, deliveries, dues) -> dict:
    children, pregnancies, ages = [], [], []
    for birth in births:
        closed = birth + timedelta(days=400)
        for month in months:
            children.append(
                {
                    "forms": list(rules.child_forms_for_month(birth, month)),
                    "default": rules.default_child_form(birth, month),
                    "followed_2b": _messages(
                        rules.check_month_followed("2b", month, birth_date=birth)
                    ),
                    "followed_2c": _messages(
                        rules.check_month_followed("2c", month, birth_date=birth, closed_at=closed)
                    ),
                }
            )
        for day in (
            birth,
            birth + timedelta(days=1),
            birth + timedelta(days=365),
            birth + timedelta(days=731),
        ):
            age = rules.age_on(birth, day)
            ages.append([age.months, age.days])
    for delivery in deliveries:
        for due in dues:
            for month in months[-30:]:
                gestation = rules.gestation_for_month(
                    month, typed=4, typed_in=date(2026, 1, 15), due_date=due, delivery_date=delivery
                )
                estimated = rules.gestation_for_month(
                    month, typed=None, typed_in=None, due_date=due, delivery_date=delivery
                )
                pregnancies.append(
                    {
                        "needs": rules.pregnancy_needs_record(delivery, month),
                        "followed": _messages(
                            rules.check_month_followed(
                                "2a", month, delivery_date=delivery, due_date=due
                            )
                        ),
                        "gestation": [gestation.month, gestation.source, gestation.note],
                        "estimated": [estimated.month, estimated.source, estimated.note],
                    }
                )
    return {"children": children, "pregnancies": pregnancies, "ages": ages}


PHONE = """({births, months, deliveries, dues}) => {
    const r = window.rules;
    const iso = (d) => d;
    const plus = (day, n) => { const t = new Date(day + 'T00:00:00Z'); t.setUTCDate(t.getUTCDate() + n); return t.toISOString().slice(0, 10); };
    const msgs = (ps) => ps.map((p) => p.message);
    const children = [], pregnancies = [], ages = [];
    for (const birth of births) {
        const closed = plus(birth, 400);
        for (const month of months) {
            children.push({
                forms: r.childFormsForMonth(birth, month),
                default: r.defaultChildForm(birth, month),
                followed_2b: msgs(r.checkMonthFollowed('2b', month, {birth_date: birth})),
                followed_2c: msgs(r.checkMonthFollowed('2c', month, {birth_date: birth, closed_at: closed})),
            });
        }
        for (const day of [birth, plus(birth, 1), plus(birth, 365), plus(birth, 731)]) {
            const age = r.ageOn(birth, day);
            ages.push([age.months, age.days]);
        }
    }
    for (const delivery of deliveries) {
        for (const due of dues) {
            for (const month of months.slice(-30)) {
                const g = r.gestationForMonth(month, {typed: 4, typedIn: '2026-01-15', dueDate: due, deliveryDate: delivery});
                const e = r.gestationForMonth(month, {dueDate: due, deliveryDate: delivery});
                pregnancies.push({
                    needs: r.pregnancyNeedsRecord(delivery, month),
                    followed: msgs(r.checkMonthFollowed('2a', month, {delivery_date: delivery, due_date: due})),
                    gestation: [g.month, g.source, g.note],
                    estimated: [e.month, e.source, e.note],
                });
            }
        }
    }
    return {children, pregnancies, ages};
}"""


@pytest.mark.skipif(not chromium_available(), reason=BROWSER_SKIP_REASON)
class SharedCohortHelpersTests(BaseTestCase):
    maxDiff = None

    def test_it_computes_cohorts_ages_and_gestation_as_the_server(self) -> None:
        expected = _python(BIRTHS, MONTHS, DELIVERIES, DUES)
        with rules_page() as page:
            got = page.evaluate(
                PHONE,
                {
                    "births": [_iso(b) for b in BIRTHS],
                    "months": [_iso(m) for m in MONTHS],
                    "deliveries": [_iso(d) for d in DELIVERIES],
                    "dues": [_iso(d) for d in DUES],
                },
            )
        for key in ("children", "pregnancies", "ages"):
            self.assertEqual(len(got[key]), len(expected[key]))
            wrong = [
                (i, want, have)
                for i, (want, have) in enumerate(zip(expected[key], got[key], strict=True))
                if want != have
            ]
            self.assertEqual(wrong[:5], [], key)
        # The grid reaches every answer: both forms in a 2nd-birthday month, none after 6.
        forms = {tuple(c["forms"]) for c in expected["children"]}
        self.assertTrue({(), ("2b",), ("2c",), ("2b", "2c")} <= forms)
        self.assertIn(False, {p["needs"] for p in expected["pregnancies"]})
        self.assertIn("hpl", {p["estimated"][1] for p in expected["pregnancies"]})
        self.assertIn("registration", {p["gestation"][1] for p in expected["pregnancies"]})
