from __future__ import annotations

from datetime import date
from unittest import mock

from tikar.households.tests.factories import child
from tikar.monitoring.queries import carried_status
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

BIRTH = date(2024, 6, 1)


@mock.patch("django.utils.timezone.localdate", return_value=date(2026, 5, 20))
class CarriedStatusTests(BaseTestCase):
    def test_it_carries_the_last_measured_status_forward_with_its_date(self, _) -> None:
        c = child(self.sibargot, self.sari, birth_date=BIRTH, sex="L")
        # 566 days old on 19 Dec 2025: 75.9 cm lying → zlen -2.54 (WHO igrowup id 10).
        measured_on = date(2025, 12, 19)
        record_month(
            c,
            date(2025, 12, 1),
            {"visit_date": measured_on, "length_cm": "75.9", "measured_lying": True},
            self.sari,
        )
        record_month(c, date(2026, 1, 1), {"home_visit": True}, self.sari)  # not measured

        status = carried_status(c, date(2026, 2, 1))
        self.assertEqual(status.status, frozenset({"stunting"}))
        self.assertEqual(status.measured_on, measured_on)
        self.assertTrue(status.carried)
        self.assertEqual(status.age_in_months(date(2026, 2, 1)), 2)

    def test_it_has_no_status_for_a_child_never_measured(self, _) -> None:
        c = child(self.sibargot, self.sari, birth_date=BIRTH)
        record_month(c, date(2026, 1, 1), {"home_visit": True}, self.sari)
        self.assertIsNone(carried_status(c, date(2026, 1, 1)))
