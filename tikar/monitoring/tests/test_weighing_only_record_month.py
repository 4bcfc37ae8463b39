"""The page's and the service's path: a 30-month child's weighing is kept, service answers not."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError

from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

from .weighing_helpers import today

APR, MAY = date(2026, 4, 1), date(2026, 5, 1)


class WeighingOnlyRecordMonthTests(BaseTestCase):
    def setUp(self) -> None:
        patcher = today()
        patcher.start()
        self.addCleanup(patcher.stop)
        self.child = child(self.sibargot, self.sari, birth_date=date(2023, 11, 1))  # 30 months

    def test_it_keeps_the_weighing_and_judges_it(self) -> None:
        record_month(
            self.child,
            APR,
            {"visit_date": date(2026, 4, 8), "weight_kg": "11.0"},
            self.sari,
            form="2b",
        )
        fields = {
            "visit_date": date(2026, 5, 8),
            "weight_kg": "11.1",
            "length_cm": "88.0",
            "measured_lying": False,
            "muac_cm": "14.5",
            "growth_mat": "tidak_diukur",
        }
        v = record_month(self.child, MAY, fields, self.sari, form="2b").record
        v.refresh_from_db()
        self.assertEqual((v.weight_gain, v.weight_gain_g, v.weight_gain_kbm_g), ("T", 100, 200))
        self.assertIsNotNone(v.zwei)

    def test_it_refuses_a_service_answer_in_words(self) -> None:
        fields = {"visit_date": date(2026, 5, 8), "weight_kg": "11.1", "home_visit": True}
        with self.assertRaises(ValidationError) as caught:
            record_month(self.child, MAY, fields, self.sari, form="2b")
        self.assertIn("home_visit", caught.exception.message_dict)
        self.assertIn("hanya berisi penimbangan", caught.exception.message_dict["home_visit"][0])
        self.assertFalse(ChildVisit.objects.filter(child=self.child).exists())

    def test_it_still_gives_the_2c_record_without_a_form(self) -> None:
        r = record_month(
            self.child, MAY, {"visit_date": date(2026, 5, 8), "status": "belum"}, self.sari
        )
        self.assertEqual(type(r.record).__name__, "PaudRecord")
