"""Formulir 2c over a quarter: the PAUD indicator reads every month of the quarter."""

from datetime import date
from unittest import TestCase

from tikar.monitoring.records import PaudInput, PaudMonth
from tikar.scorecard.evaluate import evaluate_paud

BIRTH = date(2021, 6, 1)  # 3 years 7-9 months in Q1 2025


def paud(jan: str | None, feb: str | None, mar: str | None, birth: date = BIRTH) -> PaudInput:
    statuses = zip((1, 2, 3), (jan, feb, mar), strict=True)
    return PaudInput(
        "paud-1", birth, tuple(PaudMonth(date(2025, m, 1), s) for m, s in statuses if s)
    )


class PaudTests(TestCase):
    def test_it_reads_all_three_months_of_the_quarter(self):
        # Attends in months 1 and 3 only: mengikuti 2 of 3 non-belum months -> T. A reader of
        # the middle month alone would have seen only February.
        r = evaluate_paud(paud("mengikuti", "tidak_mengikuti", "mengikuti"), 2025, 1)
        self.assertEqual((r.value, r.months_attending, r.months_enrolled), ("T", 2, 3))
        self.assertEqual(len(r.months), 3)

    def test_it_does_not_count_a_child_from_the_middle_month(self):
        # Attends only in February: a middle-month reader says Y; 1 of 3 months -> T.
        r = evaluate_paud(paud("tidak_mengikuti", "mengikuti", "tidak_mengikuti"), 2025, 1)
        self.assertEqual((r.value, r.months_attending, r.months_enrolled), ("T", 1, 3))

    def test_it_gives_y_when_every_enrolled_month_is_attended(self):
        # Belum in Jan, attends Feb and Mar: 2 of 2 non-belum months -> Y.
        r = evaluate_paud(paud("belum", "mengikuti", "mengikuti"), 2025, 1)
        self.assertEqual((r.value, r.months_attending, r.months_enrolled), ("Y", 2, 2))

    def test_it_gives_ts_when_every_month_is_belum_or_there_is_no_record(self):
        self.assertEqual(evaluate_paud(paud("belum", "belum", "belum"), 2025, 1).value, "TS")
        self.assertEqual(evaluate_paud(paud(None, None, None), 2025, 1).value, "TS")

    def test_it_leaves_a_month_without_record_out_of_both_counts(self):
        # Jan and Mar mengikuti, no February entry: 2 of 2 -> Y, February listed as missing.
        r = evaluate_paud(paud("mengikuti", None, "mengikuti"), 2025, 1)
        self.assertEqual((r.value, r.months_missing), ("Y", (date(2025, 2, 1),)))

    def test_it_reads_only_the_months_in_which_the_child_is_2_to_6(self):
        # Born 10 Feb 2023: 23 months all of January, 24 from 10 Feb -> months Feb, Mar.
        r = evaluate_paud(
            paud("tidak_mengikuti", "mengikuti", "mengikuti", date(2023, 2, 10)), 2025, 1
        )
        self.assertEqual(r.months, (date(2025, 2, 1), date(2025, 3, 1)))
        self.assertEqual((r.value, r.age_group), ("Y", "2-<3"))

    def test_it_is_not_a_paud_target_under_2_years(self):
        self.assertIsNone(evaluate_paud(paud("belum", "belum", "belum", date(2024, 1, 1)), 2025, 1))
