"""The stage of an ibu hamil in a quarter (forms.md, Formulir 3a / 3b, "The stage of an ibu
hamil ...")."""

from datetime import date, timedelta
from unittest import TestCase

from tikar.scorecard.evaluate import UNKNOWN_STAGE, evaluate_pregnancy, pregnancy_stage
from tikar.scorecard.tests.factories import pm, pregnancy

Q1_2025_START = date(2025, 1, 1)


class PregnancyStageTests(TestCase):
    def test_it_takes_the_trimester_from_the_latest_record_in_the_quarter(self):
        # Jan month 5 (TM2), Feb month 6 (TM2), Mar month 7: the latest record says TM3
        # (forms.md: trimester 3 = gestational month 7-9). Given out of order on purpose.
        p = pregnancy(
            pm(2025, 3, gestation_month=7),
            pm(2025, 1, gestation_month=5),
            pm(2025, 2, gestation_month=6),
        )
        self.assertEqual(pregnancy_stage(p, 2025, 1), "tm3")

    def test_it_maps_gestation_months_to_the_three_trimesters(self):
        # forms.md: 1-3 TM1, 4-6 TM2, 7-9 TM3.
        expected = {1: "tm1", 3: "tm1", 4: "tm2", 6: "tm2", 7: "tm3", 9: "tm3"}
        for gestation, stage in expected.items():
            with self.subTest(gestation=gestation):
                p = pregnancy(pm(2025, 2, gestation_month=gestation))
                self.assertEqual(pregnancy_stage(p, 2025, 1), stage)

    def test_it_is_nifas_when_the_delivery_date_falls_in_the_quarter(self):
        p = pregnancy(pm(2025, 1, gestation_month=9), delivery=date(2025, 2, 10))
        self.assertEqual(pregnancy_stage(p, 2025, 1), "nifas")

    def test_it_is_nifas_when_delivery_was_40_days_before_the_quarter_starts(self):
        # 22 Nov 2024 -> 22 Dec is 30 days, -> 1 Jan 2025 is 10 more: 40 days <= 42 -> nifas.
        delivery = date(2024, 11, 22)
        self.assertEqual((Q1_2025_START - delivery).days, 40)
        p = pregnancy(pm(2025, 1, postnatal_checks=1), delivery=delivery)
        self.assertEqual(pregnancy_stage(p, 2025, 1), "nifas")
        self.assertEqual(evaluate_pregnancy(p, 2025, 1).stage, "nifas")

    def test_it_drops_the_target_when_delivery_was_44_days_before_the_quarter_starts(self):
        # 18 Nov 2024 is 44 days before 1 Jan 2025: past the 42 days of nifas, so she is
        # neither ibu hamil nor ibu nifas in Q1 and is not counted, even with a January record.
        delivery = date(2024, 11, 18)
        self.assertEqual((Q1_2025_START - delivery).days, 44)
        p = pregnancy(pm(2025, 1, postnatal_checks=1), delivery=delivery)
        self.assertIsNone(pregnancy_stage(p, 2025, 1))
        self.assertIsNone(evaluate_pregnancy(p, 2025, 1))

    def test_it_counts_day_42_as_nifas_and_day_43_as_not(self):
        # The delivery day is day 0; the nifas period runs to day 42 inclusive.
        day42 = pregnancy(pm(2025, 1), delivery=Q1_2025_START - timedelta(days=42))
        day43 = pregnancy(pm(2025, 1), delivery=Q1_2025_START - timedelta(days=43))
        self.assertEqual(pregnancy_stage(day42, 2025, 1), "nifas")
        self.assertIsNone(pregnancy_stage(day43, 2025, 1))

    def test_it_ignores_a_delivery_after_the_quarter(self):
        # Evaluating Q1 after she delivered in April: in Q1 she was pregnant, month 9 -> TM3.
        p = pregnancy(pm(2025, 3, gestation_month=9), delivery=date(2025, 4, 20))
        self.assertEqual(pregnancy_stage(p, 2025, 1), "tm3")

    def test_it_does_not_monitor_a_pregnancy_without_a_record_in_the_quarter(self):
        p = pregnancy(pm(2024, 12, gestation_month=3))
        self.assertIsNone(pregnancy_stage(p, 2025, 1))
        self.assertIsNone(evaluate_pregnancy(p, 2025, 1))

    def test_it_refuses_to_guess_a_trimester_without_a_gestation_month(self):
        # Unknown, not a guess (and not an exception that takes the desa's report down).
        p = pregnancy(pm(2025, 1, gestation_month=4), pm(2025, 2))
        self.assertEqual(pregnancy_stage(p, 2025, 1), UNKNOWN_STAGE)

    def test_it_refuses_two_records_for_the_same_month(self):
        # forms.md: a second entry for the same target and month is an edit, never a duplicate.
        # The engine does not pick one: the target is a data problem, every cell unknown.
        p = pregnancy(pm(2025, 1, gestation_month=4), pm(2025, 1, gestation_month=5))
        result = evaluate_pregnancy(p, 2025, 1)
        self.assertTrue(result.has_problem)
        self.assertIn("dua catatan untuk bulan Jan 2025", result.problems[0])
        self.assertEqual({c.value for c in result.cells}, {"T"})
