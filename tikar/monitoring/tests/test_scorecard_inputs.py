from __future__ import annotations

from datetime import date, timedelta
from unittest import mock

from tikar.households.tests.factories import child, pregnancy
from tikar.monitoring.queries import child_inputs, paud_inputs, pregnancy_inputs
from tikar.monitoring.services import record_month
from tikar.scorecard.evaluate import evaluate_child, evaluate_paud, evaluate_pregnancy
from tikar.test import BaseTestCase

BIRTH = date(2024, 6, 1)


@mock.patch("django.utils.timezone.localdate", return_value=date(2026, 5, 20))
class ScorecardInputTests(BaseTestCase):
    def test_it_feeds_the_quarter_to_the_engine_with_the_status_carried_forward(self, _) -> None:
        c = child(self.sibargot, self.sari, birth_date=BIRTH, sex="L")
        # Measured in March (566 days: 75.9 cm → zlen -2.54, stunting), weighed-only in April.
        march_visit = BIRTH + timedelta(days=566)  # 19 Dec 2025
        record_month(
            c,
            march_visit.replace(day=1),
            {"visit_date": march_visit, "length_cm": "75.9", "measured_lying": True},
            self.sari,
        )
        record_month(c, date(2026, 1, 1), {"visit_date": date(2026, 1, 5)}, self.sari)
        deleted = record_month(c, date(2026, 2, 1), {"home_visit": True}, self.sari).record
        deleted.soft_delete(self.sari)
        child(self.bandar_kumbul, self.budi, birth_date=BIRTH)  # another desa: not read

        (inp,) = child_inputs(self.sibargot.code, 2026, 1)
        self.assertEqual(inp.target_id, str(c.pk))
        self.assertEqual([m.month for m in inp.months], [date(2025, 12, 1), date(2026, 1, 1)])
        self.assertEqual(inp.months[1].nutrition_status, frozenset({"stunting"}))  # carried
        self.assertFalse(inp.months[1].measured)
        result = evaluate_child(inp, 2026, 1)
        self.assertEqual(result.cell("measured").value, "Y")  # measured within 6 months
        self.assertEqual(result.nutrition_status, frozenset({"stunting"}))

    def test_it_builds_pregnancy_and_paud_inputs(self, _) -> None:
        p = pregnancy(self.sibargot, self.sari)
        record_month(p, date(2026, 4, 1), {"gestation_month": 5, "anc_check": True}, self.sari)
        (pin,) = pregnancy_inputs(self.sibargot.code, 2026, 2)
        self.assertEqual(evaluate_pregnancy(pin, 2026, 2).stage, "tm2")

        older = child(self.sibargot, self.sari, birth_date=date(2023, 1, 1))
        for m in (4, 5):
            record_month(older, date(2026, m, 1), {"status": "mengikuti"}, self.sari)
        (paud,) = paud_inputs(self.sibargot.code, 2026, 2)
        self.assertEqual(evaluate_paud(paud, 2026, 2).months_attending, 2)
