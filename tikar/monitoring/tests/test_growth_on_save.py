"""Expected z-scores are WHO's igrowup output for two children of its example survey
(tikar/growth/tests/data/igrowup_mysurvey_z_st.csv, ids 10 and 404), checked by hand:

- id 10, boy, 566 days, 75.9 cm lying: lenanthro day 566 has L=1, M=82.8473, S=0.03297, so
  zlen = (75.9 / 82.8473 - 1) / 0.03297 = -2.543 → -2.54 (stunting).
- id 404, boy, 260 days, 6.7 kg, 68.1 cm lying: wflanthro 68.1 cm has L=-0.3521, M=7.9903,
  S=0.08214, so zwfl = ((6.7 / 7.9903) ** -0.3521 - 1) / (0.08214 * -0.3521) = -2.212 → -2.21
  (gizi kurang); lenanthro day 260: (68.1 / 71.3488 - 1) / 0.03119 = -1.460 → -1.46.
"""

from __future__ import annotations

from datetime import date, timedelta
from unittest import mock

from tikar.households.tests.factories import child
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

BIRTH = date(2024, 6, 1)


@mock.patch("django.utils.timezone.localdate", return_value=date(2026, 5, 20))
class GrowthOnSaveTests(BaseTestCase):
    def visit(self, age_days: int, **fields):
        c = child(self.sibargot, self.sari, birth_date=BIRTH, sex="L")
        day = BIRTH + timedelta(days=age_days)
        fields = {"visit_date": day, "measured_lying": True} | fields
        return c, record_month(c, day.replace(day=1), fields, self.sari)

    def test_it_stores_the_who_z_scores_and_stunting(self, _) -> None:
        _, result = self.visit(566, weight_kg="8.8", length_cm="75.9")
        v = result.record
        v.refresh_from_db()
        self.assertEqual(v.age_days, 566)
        self.assertEqual((v.zlen, v.zwei, v.zwfl), (-2.54, -2.05, -1.17))
        self.assertAlmostEqual(v.zlen_unrounded, -2.5434, places=3)
        self.assertEqual(v.cat_len, "stunted")
        self.assertEqual(v.nutrition_status, frozenset({"stunting"}))
        self.assertTrue(v.weighed and v.measured)
        self.assertFalse(v.flen)

    def test_it_derives_gizi_kurang_from_weight_for_length(self, _) -> None:
        _, result = self.visit(260, weight_kg="6.7", length_cm="68.1")
        v = result.record
        self.assertEqual((v.zwfl, v.zlen), (-2.21, -1.46))
        self.assertEqual(v.nutrition_status, frozenset({"gizi_kurang"}))
        self.assertEqual(result.warnings, [])

    def test_it_counts_oedema_as_gizi_buruk(self, _) -> None:
        _, result = self.visit(260, weight_kg="6.7", length_cm="68.1", oedema=True)
        self.assertIsNone(result.record.zwfl)
        self.assertEqual(result.record.nutrition_status, frozenset({"gizi_buruk"}))

    def test_it_records_weighed_without_measured_for_weight_only(self, _) -> None:
        _, result = self.visit(260, weight_kg="6.7")
        self.assertTrue(result.record.weighed)
        self.assertFalse(result.record.measured)
        self.assertIsNone(result.record.zlen)

    def test_it_asks_about_a_flagged_z_score(self, _) -> None:
        _, result = self.visit(260, weight_kg="6.7", length_cm="40.0")  # zlen far below -6
        self.assertTrue(result.record.flen)
        self.assertNotIn("stunting", result.record.nutrition_status)
        self.assertIn("zlen_flagged", [w.code for w in result.warnings])
        self.assertIn("di luar batas wajar", result.warnings[0].message)

    def test_it_asks_about_standing_under_9_months(self, _) -> None:
        _, result = self.visit(200, weight_kg="7.5", length_cm="67.0", measured_lying=False)
        self.assertIn("standing_under_9_months", [w.code for w in result.warnings])

    def test_it_asks_about_a_length_shorter_than_last_time(self, _) -> None:
        c, _ = self.visit(260, weight_kg="6.7", length_cm="68.1")
        day = BIRTH + timedelta(days=300)
        result = record_month(
            c,
            day.replace(day=1),
            {"visit_date": day, "length_cm": "67.5", "measured_lying": True},
            self.sari,
        )
        shrank = [w for w in result.warnings if w.code == "length_shrank"]
        self.assertEqual(len(shrank), 1)
        self.assertIn("68,1 cm", shrank[0].message)

    def test_it_refuses_a_measurement_without_its_date(self, _) -> None:
        from django.core.exceptions import ValidationError

        c = child(self.sibargot, self.sari, birth_date=BIRTH)
        with self.assertRaises(ValidationError) as caught:
            record_month(c, date(2025, 3, 1), {"weight_kg": "7.0"}, self.sari)
        self.assertIn("Isi tanggal", caught.exception.message_dict["visit_date"][0])
