"""An unanswered yes/no question (None: not asked) in Formulir 3a / 3b (issue 8, section 1).

It counts as not received (T), but the explanation says "belum diisi" and the target is a
data problem; an answered "Tidak" is a plain T, and an unanswered question that cannot change
the result is no problem at all.
"""

from datetime import date
from unittest import TestCase

from tikar.scorecard.evaluate import UNKNOWN_STAGE, evaluate_child, evaluate_pregnancy
from tikar.scorecard.tests.factories import child, cm, pm, pregnancy


class UnansweredQuestionTests(TestCase):
    def test_it_counts_an_unanswered_state_as_not_received_and_says_belum_diisi(self):
        p = pregnancy(pm(2025, 2, gestation_month=5, safe_water=None))
        cell = evaluate_pregnancy(p, 2025, 1).cell("safe_water")
        self.assertEqual(cell.value, "T")
        self.assertTrue(cell.unknown)
        self.assertIn("belum diisi", cell.explanation)

    def test_it_keeps_an_answered_no_a_plain_no(self):
        p = pregnancy(pm(2025, 2, gestation_month=5, safe_water=False))
        result = evaluate_pregnancy(p, 2025, 1)
        cell = result.cell("safe_water")
        self.assertEqual((cell.value, cell.unknown), ("T", False))
        self.assertNotIn("belum diisi", cell.explanation)
        self.assertFalse(result.has_problem)

    def test_it_lists_the_unanswered_months_of_a_monthly_service(self):
        p = pregnancy(
            pm(2025, 1, gestation_month=4, iron_tablets=True),
            pm(2025, 2, gestation_month=5, iron_tablets=None),
        )
        result = evaluate_pregnancy(p, 2025, 1)
        cell = result.cell("iron_tablets")
        self.assertEqual((cell.value, cell.unknown), ("T", True))
        self.assertIn("belum diisi: Feb 2025", cell.explanation)
        self.assertTrue(result.has_problem)

    def test_it_does_not_flag_an_unanswered_question_that_cannot_change_a_yes(self):
        # Counselling 1 month in TM2 is enough; the unanswered January does not matter.
        p = pregnancy(
            pm(2025, 1, gestation_month=4, nutrition_counselling=None),
            pm(2025, 2, gestation_month=5, nutrition_counselling=True),
        )
        cell = evaluate_pregnancy(p, 2025, 1).cell("nutrition_counselling")
        self.assertEqual((cell.value, cell.unknown), ("Y", False))

    def test_it_reads_one_yes_of_mother_or_father_as_enough(self):
        c = child(date(2024, 10, 1), cm(2025, 2, counselling_mother=True, counselling_father=None))
        cell = evaluate_child(c, 2025, 1).cell("parent_counselling")
        self.assertEqual((cell.value, cell.unknown), ("Y", False))

    def test_it_flags_an_unanswered_measles_question_at_9_months(self):
        c = child(
            date(2024, 3, 1),
            cm(2025, 2, immunisation_basic_complete=True, immunisation_measles=None),
        )
        cell = evaluate_child(c, 2025, 1).cell("immunisation")
        self.assertEqual((cell.value, cell.unknown), ("T", True))

    def test_it_evaluates_a_pregnancy_without_gestation_month_as_unknown_stage(self):
        # No gestation month, no delivery date: the trimester cannot be known. The stage rules
        # are unknown (T, data problem) and say what to fill in; the state rules still count.
        p = pregnancy(pm(2025, 2, safe_water=True, anc_check=True))
        result = evaluate_pregnancy(p, 2025, 1)
        self.assertEqual(result.stage, UNKNOWN_STAGE)
        self.assertTrue(result.has_problem)
        anc = result.cell("anc_check")
        self.assertEqual((anc.value, anc.unknown), ("T", True))
        self.assertIn("isi umur kehamilan", anc.explanation)
        self.assertEqual(result.cell("safe_water").value, "Y")
