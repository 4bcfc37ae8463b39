"""Formulir 3b: age band and the anak 0-23 indicators (forms.md, the anak 0-23 table)."""

from datetime import date
from unittest import TestCase

from tikar.scorecard.evaluate import child_age_band, evaluate_child
from tikar.scorecard.tests.factories import child, cm, values


class AgeBandTests(TestCase):
    def test_it_puts_complete_months_into_the_four_bands(self):
        # Visit on 15 Mar 2025; complete months at that day -> band
        # (0-<6, 6-12, >12-<18, 18-23).
        cases = {
            date(2024, 9, 16): "0-5",  # 5 months: the 16th is not reached yet
            date(2024, 9, 15): "6-12",  # 6
            date(2024, 3, 15): "6-12",  # 12
            date(2024, 2, 15): "13-17",  # 13
            date(2023, 10, 15): "13-17",  # 17
            date(2023, 9, 15): "18-23",  # 18
            date(2023, 4, 15): "18-23",  # 23
        }
        for birth, band in cases.items():
            with self.subTest(birth=birth):
                c = child(birth, cm(2025, 3, visit_date=date(2025, 3, 15)))
                self.assertEqual(child_age_band(c, 2025, 1), band)

    def test_it_uses_the_age_at_the_latest_record_of_the_quarter(self):
        # Born 1 Aug 2024: 5 months at the January visit, 7 at the March one -> '6-12'.
        c = child(
            date(2024, 8, 1),
            cm(2025, 1, visit_date=date(2025, 1, 5)),
            cm(2025, 3, visit_date=date(2025, 3, 5)),
        )
        self.assertEqual(child_age_band(c, 2025, 1), "6-12")

    def test_it_does_not_monitor_a_child_without_a_record_in_the_quarter(self):
        c = child(date(2024, 8, 1), cm(2024, 12, weighed=True))
        self.assertIsNone(child_age_band(c, 2025, 1))
        self.assertIsNone(evaluate_child(c, 2025, 1))


class ImmunisationTests(TestCase):
    # Born 15 May 2024: 9 complete months on 15 Feb 2025, inside Q1.
    BIRTH = date(2024, 5, 15)
    FACTS = {"immunisation_up_to_date": True, "immunisation_basic_complete": True}

    def test_it_applies_the_9_month_rule_when_the_latest_record_is_after_turning_9(self):
        # Latest record 20 Mar: 10 months -> >= 9: basic complete AND campak/MR; no MR -> T.
        c = child(
            self.BIRTH,
            cm(2025, 1, visit_date=date(2025, 1, 10), **self.FACTS),
            cm(2025, 3, visit_date=date(2025, 3, 20), **self.FACTS),
        )
        r = evaluate_child(c, 2025, 1)
        self.assertEqual(r.age_months, 10)
        self.assertEqual(r.cell("immunisation").value, "T")
        self.assertEqual(r.cell("immunisation").record_ids, ("c2025-03",))

    def test_it_applies_the_under_9_rule_when_the_latest_record_is_before_turning_9(self):
        # Latest record 10 Feb: 8 months (the 15th not reached) -> < 9: up to date -> Y.
        c = child(
            self.BIRTH,
            cm(2025, 1, visit_date=date(2025, 1, 10), **self.FACTS),
            cm(2025, 2, visit_date=date(2025, 2, 10), **self.FACTS),
        )
        r = evaluate_child(c, 2025, 1)
        self.assertEqual(r.age_months, 8)
        self.assertEqual(r.cell("immunisation").value, "Y")

    def test_it_gives_y_at_9_months_with_basic_complete_and_measles(self):
        c = child(
            self.BIRTH,
            cm(2025, 3, visit_date=date(2025, 3, 20), immunisation_measles=True, **self.FACTS),
        )
        self.assertEqual(evaluate_child(c, 2025, 1).cell("immunisation").value, "Y")


class WeighingTests(TestCase):
    def test_it_counts_a_cohort_month_without_a_record_as_not_weighed(self):
        # Born 1 Jun 2024: in the cohort all of Q1. Weighed Jan and Mar, no Feb record:
        # 2 of 3 months -> T.
        c = child(date(2024, 6, 1), cm(2025, 1, weighed=True), cm(2025, 3, weighed=True))
        cell = evaluate_child(c, 2025, 1).cell("weighed")
        self.assertEqual(cell.value, "T")
        self.assertEqual(len(cell.months), 3)
        self.assertIn("tanpa catatan: Feb 2025", cell.explanation)

    def test_it_asks_only_for_the_months_after_birth(self):
        # Born 10 Feb 2025: January is before birth, so the cohort months are Feb and Mar;
        # weighed in both -> Y.
        c = child(date(2025, 2, 10), cm(2025, 2, weighed=True), cm(2025, 3, weighed=True))
        self.assertEqual(evaluate_child(c, 2025, 1).cell("weighed").value, "Y")

    def test_it_stops_asking_once_the_child_is_24_months(self):
        # Born 1 Feb 2023: 23 months in January, 24 from 1 Feb 2025 -> cohort month Jan only.
        # Weighed in January -> Y; a stray February record (not weighed) is not read.
        c = child(
            date(2023, 2, 1),
            cm(2025, 1, visit_date=date(2025, 1, 15), weighed=True),
            cm(2025, 2, visit_date=date(2025, 2, 15)),
        )
        r = evaluate_child(c, 2025, 1)
        self.assertEqual(r.cell("weighed").value, "Y")
        self.assertEqual(r.stage, "18-23")


class MeasurementTests(TestCase):
    def test_it_accepts_a_measurement_in_the_3_months_before_the_quarter(self):
        # Window for Q1 2025: the 6 months Oct 2024 - Mar 2025. Measured Oct 2024 -> Y.
        c = child(date(2024, 3, 1), cm(2024, 10, measured=True), cm(2025, 2, weighed=True))
        cell = evaluate_child(c, 2025, 1).cell("measured")
        self.assertEqual(cell.value, "Y")
        self.assertIn("c2024-10", cell.record_ids)

    def test_it_rejects_a_measurement_older_than_6_months(self):
        # Measured Sep 2024: outside Oct 2024 - Mar 2025 -> T.
        c = child(date(2024, 3, 1), cm(2024, 9, measured=True), cm(2025, 2, weighed=True))
        self.assertEqual(evaluate_child(c, 2025, 1).cell("measured").value, "T")


class CounsellingAndParentingTests(TestCase):
    def test_it_accepts_either_parent_each_month_and_flags_the_father(self):
        # Jan mother, Feb father, Mar mother: a parent in every monitored month -> Y;
        # the father came at least once -> counted among the fathers ("Laki").
        c = child(
            date(2024, 6, 1),
            cm(2025, 1, counselling_mother=True),
            cm(2025, 2, counselling_father=True),
            cm(2025, 3, counselling_mother=True),
        )
        r = evaluate_child(c, 2025, 1)
        self.assertEqual(r.cell("parent_counselling").value, "Y")
        self.assertTrue(r.father_attended)

    def test_it_needs_counselling_and_parenting_class_in_every_monitored_month(self):
        # Feb without counselling and without parenting class: 1 of 2 months -> T, T.
        c = child(
            date(2024, 6, 1),
            cm(2025, 1, counselling_mother=True, parenting_class=True),
            cm(2025, 2),
        )
        r = evaluate_child(c, 2025, 1)
        self.assertEqual(r.cell("parent_counselling").value, "T")
        self.assertEqual(r.cell("parenting_class").value, "T")
        self.assertFalse(r.father_attended)


class ChildHomeVisitTests(TestCase):
    def test_it_is_ts_without_gizi_kurang_buruk_or_stunting_and_leaves_the_denominator(self):
        # No status in the quarter -> home visit TS; expected = 10 - 1 = 9.
        c = child(date(2024, 6, 1), cm(2025, 1, weighed=True))
        r = evaluate_child(c, 2025, 1)
        self.assertEqual(r.cell("home_visit").value, "TS")
        self.assertEqual(r.expected, 9)

    def test_it_needs_a_visit_in_each_month_with_the_status(self):
        # Stunting in Jan and Mar, visited in Jan only: 1 of 2 -> T.
        stunting = frozenset({"stunting"})
        c = child(
            date(2024, 6, 1),
            cm(2025, 1, nutrition_status=stunting, home_visit=True),
            cm(2025, 2),
            cm(2025, 3, nutrition_status=stunting),
        )
        self.assertEqual(evaluate_child(c, 2025, 1).cell("home_visit").value, "T")

    def test_it_gives_y_when_the_only_flagged_month_was_visited(self):
        c = child(
            date(2024, 6, 1),
            cm(2025, 1),
            cm(2025, 2, nutrition_status=frozenset({"gizi_kurang"}), home_visit=True),
        )
        self.assertEqual(evaluate_child(c, 2025, 1).cell("home_visit").value, "Y")


class WholeRowTests(TestCase):
    def test_it_computes_received_and_expected_for_a_full_row(self):
        # Born 1 Jun 2024 (7-9 months in Q1). Latest record 1 Mar, no visit date: age 9
        # -> >= 9 rule; basic + MR -> 1 Y. Weighed Jan/Feb/Mar -> 2 Y. Measured Feb -> 3 Y.
        # Mother every month -> 4 Y. No status -> 5 TS. Water Y, latrine T, certificate Y,
        # insurance T -> 6 Y, 7 T, 8 Y, 9 T. Parenting class only Jan -> 10 T.
        # Received 6, expected 10 - 1 = 9.
        every = {"weighed": True, "counselling_mother": True}
        c = child(
            date(2024, 6, 1),
            cm(2025, 1, parenting_class=True, growth_mat="kuning", **every),
            cm(2025, 2, measured=True, **every),
            cm(
                2025,
                3,
                immunisation_basic_complete=True,
                immunisation_measles=True,
                safe_water=True,
                birth_certificate=True,
                **every,
            ),
        )
        r = evaluate_child(c, 2025, 1)
        self.assertEqual(values(r), "Y Y Y Y TS Y T Y T T")
        self.assertEqual((r.received, r.expected, str(r.percent)), (6, 9, "66.67"))
        # Table 2 uses the latest *measured* mat result: Jan 'kuning', later 'tidak diukur'.
        self.assertEqual(r.growth_mat, "kuning")
