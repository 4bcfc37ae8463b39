"""Formulir 3a: the ibu hamil indicators with the default rule set (4 antenatal visits,
3 postnatal checks)."""

from datetime import date
from decimal import Decimal
from unittest import TestCase

from tikar.scorecard.evaluate import evaluate_pregnancy
from tikar.scorecard.tests.factories import pm, pregnancy, values

ALL = {
    "anc_check": True,
    "iron_tablets": True,
    "nutrition_counselling": True,
    "safe_water": True,
    "latrine": True,
    "health_insurance": True,
}


class TsLeavesTheDenominatorTests(TestCase):
    def test_it_takes_ts_indicators_out_of_the_expected_count(self):
        # A Normal woman in TM2 who got every service in every month. forms.md table:
        # 1 ANC Y (3 months >= 1), 2 Fe Y, 3 nifas TS (TM2), 4 counselling Y (>= 1),
        # 5 home visit TS (Normal), 6-8 Y. Received 6, expected 8 - 2 TS = 6 -> 100.00 %.
        p = pregnancy(
            pm(2025, 1, gestation_month=4, **ALL),
            pm(2025, 2, gestation_month=5, **ALL),
            pm(2025, 3, gestation_month=6, **ALL),
        )
        r = evaluate_pregnancy(p, 2025, 1)
        self.assertEqual(values(r), "Y Y TS Y TS Y Y Y")
        self.assertEqual((r.received, r.expected), (6, 6))
        self.assertEqual(r.percent, Decimal("100.00"))

    def test_it_gives_a_percentage_over_the_applicable_indicators_only(self):
        # Same woman without water and latrine: received 4 of 6 -> 66.666.. -> 66.67 %.
        facts = {**ALL, "safe_water": False, "latrine": False}
        p = pregnancy(pm(2025, 2, gestation_month=5, **facts))
        r = evaluate_pregnancy(p, 2025, 1)
        self.assertEqual((r.received, r.expected, r.percent), (4, 6, Decimal("66.67")))


class AntenatalAndCounsellingTests(TestCase):
    def test_it_explains_a_tm3_woman_with_one_antenatal_month(self):
        # TM3 needs months with a check >= 2 (4-visit standard); she has 1 of 3 -> T.
        p = pregnancy(
            pm(2025, 1, gestation_month=7, anc_check=True),
            pm(2025, 2, gestation_month=8),
            pm(2025, 3, gestation_month=9),
        )
        cell = evaluate_pregnancy(p, 2025, 1).cell("anc_check")
        self.assertEqual(
            cell.explanation,
            "Trimester 3: pemeriksaan kehamilan di 1 dari 3 bulan; aturan: paling sedikit "
            "2 bulan → T",
        )
        self.assertEqual(cell.record_ids, ("p2025-01", "p2025-02", "p2025-03"))

    def test_it_needs_two_counselling_months_in_tm3_and_one_in_tm1(self):
        # forms.md: konseling gizi months >= 1 / 1 / 2. One month of counselling:
        # TM1 -> Y, TM3 -> T.
        tm1 = pregnancy(pm(2025, 1, gestation_month=2, nutrition_counselling=True))
        tm3 = pregnancy(
            pm(2025, 1, gestation_month=7, nutrition_counselling=True),
            pm(2025, 2, gestation_month=8),
        )
        self.assertEqual(evaluate_pregnancy(tm1, 2025, 1).cell("nutrition_counselling").value, "Y")
        self.assertEqual(evaluate_pregnancy(tm3, 2025, 1).cell("nutrition_counselling").value, "T")


class IronTabletTests(TestCase):
    def test_it_needs_iron_tablets_in_every_monitored_month(self):
        # Fe in Jan and Mar but not Feb: not every monitored month -> T.
        p = pregnancy(
            pm(2025, 1, gestation_month=4, iron_tablets=True),
            pm(2025, 2, gestation_month=5),
            pm(2025, 3, gestation_month=6, iron_tablets=True),
        )
        self.assertEqual(evaluate_pregnancy(p, 2025, 1).cell("iron_tablets").value, "T")

    def test_it_counts_only_months_with_a_record_as_monitored(self):
        # Records only in Jan and Mar, Fe in both: every monitored month -> Y.
        p = pregnancy(
            pm(2025, 1, gestation_month=4, iron_tablets=True),
            pm(2025, 3, gestation_month=6, iron_tablets=True),
        )
        self.assertEqual(evaluate_pregnancy(p, 2025, 1).cell("iron_tablets").value, "Y")


class HomeVisitTests(TestCase):
    def test_it_is_ts_for_a_normal_pregnancy(self):
        p = pregnancy(pm(2025, 1, gestation_month=4, home_visit=True))
        self.assertEqual(evaluate_pregnancy(p, 2025, 1).cell("home_visit").value, "TS")

    def test_it_needs_a_visit_in_every_month_with_risti_or_kek(self):
        # KEK in Feb and Mar, visited in Feb only: 1 of 2 months -> T.
        p = pregnancy(
            pm(2025, 1, gestation_month=4),
            pm(2025, 2, gestation_month=5, risk_status="kek", home_visit=True),
            pm(2025, 3, gestation_month=6, risk_status="kek"),
        )
        cell = evaluate_pregnancy(p, 2025, 1).cell("home_visit")
        self.assertEqual(cell.value, "T")
        self.assertEqual(cell.record_ids, ("p2025-02", "p2025-03"))

    def test_it_only_asks_for_visits_in_the_months_with_that_status(self):
        # Risti in Jan (visited), Normal in Feb and Mar (not visited): 1 of 1 -> Y.
        p = pregnancy(
            pm(2025, 1, gestation_month=4, risk_status="risti", home_visit=True),
            pm(2025, 2, gestation_month=5),
            pm(2025, 3, gestation_month=6),
        )
        r = evaluate_pregnancy(p, 2025, 1)
        self.assertEqual(r.cell("home_visit").value, "Y")
        self.assertEqual(r.risk_status, "normal")  # table 1 uses the latest status


class LatestStateTests(TestCase):
    def test_it_reads_water_latrine_and_insurance_from_the_latest_record(self):
        # Jan: water yes, latrine no; Mar: water no, latrine yes -> water T, latrine Y.
        p = pregnancy(
            pm(2025, 1, gestation_month=4, safe_water=True),
            pm(2025, 3, gestation_month=6, latrine=True),
        )
        r = evaluate_pregnancy(p, 2025, 1)
        self.assertEqual(r.cell("safe_water").value, "T")
        self.assertEqual(r.cell("latrine").value, "Y")
        self.assertEqual(r.cell("latrine").record_ids, ("p2025-03",))


class PostnatalTests(TestCase):
    def test_it_counts_checks_over_the_42_days_reaching_into_the_previous_quarter(self):
        # Delivery 20 Dec 2024: Q1 2025 starts 12 days later -> nifas. The 42 days run to
        # 31 Jan 2025 (11 days to 31 Dec + 31). Months overlapping: Dec (2 checks) and Jan
        # (1 check) = 3 >= 3 -> Y. The February check is outside the 42 days.
        p = pregnancy(
            pm(2024, 12, gestation_month=9, postnatal_checks=2),
            pm(2025, 1, postnatal_checks=1, **ALL),
            pm(2025, 2, postnatal_checks=1, **ALL),
            delivery=date(2024, 12, 20),
        )
        r = evaluate_pregnancy(p, 2025, 1)
        cell = r.cell("postnatal_checks")
        self.assertEqual(cell.value, "Y")
        self.assertEqual(cell.record_ids, ("p2024-12", "p2025-01"))
        # nifas row of the table: 1 TS, 2 TS, 3 Y/T, 4 TS, 5 TS, 6-8 Y/T -> expected 8 - 4 = 4.
        self.assertEqual(values(r), "TS TS Y TS TS Y Y Y")
        self.assertEqual((r.received, r.expected), (4, 4))

    def test_it_does_not_read_records_after_the_quarter(self):
        # Delivery 25 Mar: 1 check in March, 2 in April. Q1 counts March only (1 < 3 -> T);
        # Q2 starts 7 days after delivery (nifas) and counts March + April = 3 -> Y.
        p = pregnancy(
            pm(2025, 3, gestation_month=9, postnatal_checks=1),
            pm(2025, 4, postnatal_checks=2),
            delivery=date(2025, 3, 25),
        )
        self.assertEqual(evaluate_pregnancy(p, 2025, 1).cell("postnatal_checks").value, "T")
        self.assertEqual(evaluate_pregnancy(p, 2025, 2).cell("postnatal_checks").value, "Y")
