"""What a target still needs this quarter: each rule kind that can produce a need, and the
T cells that can no longer be turned (tikar.scorecard.needs, issue 10 §3).

Today is 15 November 2026: quarter IV, November and December remain, October is closed.
"""

from __future__ import annotations

from datetime import date
from unittest import TestCase

from tikar.scorecard.evaluate import TS, Y, evaluate_child, evaluate_pregnancy
from tikar.scorecard.needs import remaining_months, target_needs
from tikar.scorecard.rules import DEFAULT_RULESET, RuleKind
from tikar.scorecard.tests.factories import child, cm, pm, pregnancy

TODAY = date(2026, 11, 15)
NOV, DEC = date(2026, 11, 1), date(2026, 12, 1)
YEAR, QUARTER = 2026, 4
ALL_CHILD = {
    "weighed": True, "measured": True, "immunisation_up_to_date": True,
    "immunisation_basic_complete": True, "immunisation_measles": True,
    "counselling_mother": True, "home_visit": True, "safe_water": True, "latrine": True,
    "birth_certificate": True, "health_insurance": True, "parenting_class": True,
}  # fmt: skip
ALL_PREGNANCY = {
    "anc_check": True, "iron_tablets": True, "nutrition_counselling": True,
    "home_visit": True, "safe_water": True, "latrine": True, "health_insurance": True,
}  # fmt: skip


def needs_of(target, today=TODAY):
    """{indicator code: need} for the running quarter evaluated through today's month."""
    evaluate = evaluate_child if hasattr(target, "birth_date") else evaluate_pregnancy
    result = evaluate(target, YEAR, QUARTER, DEFAULT_RULESET, today.replace(day=1))
    return result, {n.code: n for n in target_needs(target, result, YEAR, QUARTER, today)}


class RemainingMonthsTests(TestCase):
    def test_it_counts_from_todays_month_to_the_quarters_end(self):
        self.assertEqual(remaining_months(YEAR, QUARTER, TODAY), (NOV, DEC))
        self.assertEqual(remaining_months(YEAR, QUARTER, date(2026, 12, 31)), (DEC,))
        self.assertEqual(remaining_months(YEAR, QUARTER, date(2027, 1, 1)), ())


class EveryCohortMonthTests(TestCase):
    def test_it_asks_for_the_weighing_this_month_and_next(self):
        c = child(
            date(2026, 1, 10),
            cm(2026, 10, **ALL_CHILD),
            cm(2026, 11, **ALL_CHILD | {"weighed": False}),
        )
        result, needs = needs_of(c)
        self.assertEqual(result.cell("weighed").value, "T")
        self.assertEqual(needs["weighed"].text, "ditimbang bulan ini dan Desember 2026")
        self.assertEqual(needs["weighed"].months, (NOV, DEC))

    def test_it_does_not_list_a_weighing_missed_in_a_closed_month(self):
        c = child(
            date(2026, 1, 10),
            cm(2026, 10, **ALL_CHILD | {"weighed": False}),
            cm(2026, 11, **ALL_CHILD),
        )
        result, needs = needs_of(c)
        self.assertEqual(result.cell("weighed").value, "T")
        self.assertNotIn("weighed", needs)

    def test_it_stops_at_the_month_of_the_second_birthday(self):
        # Born 1 Dec 2024: 24 months on 1 Dec 2026, so December is not a cohort month.
        c = child(
            date(2024, 12, 1),
            cm(2026, 10, **ALL_CHILD),
            cm(2026, 11, **ALL_CHILD | {"weighed": False}),
        )
        _, needs = needs_of(c)
        self.assertEqual(needs["weighed"].months, (NOV,))
        self.assertEqual(needs["weighed"].text, "ditimbang bulan ini")


class EveryMonthWithStatusTests(TestCase):
    def test_it_asks_for_the_home_visit_of_a_stunted_child(self):
        stunted = frozenset({"stunting"})
        c = child(
            date(2025, 6, 1),
            cm(2026, 10, **ALL_CHILD, nutrition_status=stunted),
            cm(2026, 11, **ALL_CHILD | {"home_visit": False}, nutrition_status=stunted),
        )
        _, needs = needs_of(c)
        self.assertEqual(
            needs["home_visit"].text,
            "kunjungan rumah bulan ini dan Desember 2026 (status stunting)",
        )

    def test_it_gives_up_when_a_closed_month_with_the_status_had_no_visit(self):
        stunted = frozenset({"stunting"})
        c = child(
            date(2025, 6, 1),
            cm(2026, 10, **ALL_CHILD | {"home_visit": False}, nutrition_status=stunted),
            cm(2026, 11, **ALL_CHILD | {"home_visit": False}, nutrition_status=stunted),
        )
        result, needs = needs_of(c)
        self.assertEqual(result.cell("home_visit").value, "T")
        self.assertNotIn("home_visit", needs)


class EveryMonitoredMonthTests(TestCase):
    def test_it_asks_for_the_iron_tablets_this_month_and_next(self):
        p = pregnancy(pm(2026, 10, gestation_month=5, **ALL_PREGNANCY),
                      pm(2026, 11, gestation_month=6, **ALL_PREGNANCY | {"iron_tablets": False}))  # fmt: skip
        _, needs = needs_of(p)
        self.assertEqual(needs["iron_tablets"].text,
                         "pil Fe diterima dan diminum bulan ini dan Desember 2026")  # fmt: skip

    def test_it_gives_up_after_a_closed_month_without_them(self):
        p = pregnancy(pm(2026, 10, gestation_month=5, **ALL_PREGNANCY | {"iron_tablets": False}),
                      pm(2026, 11, gestation_month=6, **ALL_PREGNANCY))  # fmt: skip
        result, needs = needs_of(p)
        self.assertEqual(result.cell("iron_tablets").value, "T")
        self.assertNotIn("iron_tablets", needs)


class MonthsAtLeastTests(TestCase):
    def test_it_counts_the_antenatal_checks_still_missing_in_trimester_3(self):
        # TM3 needs 2 months with a check (4-visit standard); one in October.
        p = pregnancy(pm(2026, 10, gestation_month=7, **ALL_PREGNANCY),
                      pm(2026, 11, gestation_month=8, **ALL_PREGNANCY | {"anc_check": False}))  # fmt: skip
        _, needs = needs_of(p)
        self.assertEqual(
            needs["anc_check"].text,
            "1 pemeriksaan kehamilan lagi (Trimester 3) bulan ini atau Desember 2026",
        )

    def test_it_drops_a_need_that_no_longer_fits_in_the_months_left(self):
        # In December only one month is left and two are missing.
        p = pregnancy(pm(2026, 10, gestation_month=7, **ALL_PREGNANCY | {"anc_check": False}),
                      pm(2026, 12, gestation_month=9, **ALL_PREGNANCY | {"anc_check": False}))  # fmt: skip
        result, needs = needs_of(p, date(2026, 12, 2))
        self.assertEqual(result.cell("anc_check").value, "T")
        self.assertNotIn("anc_check", needs)


class SumAfterDeliveryTests(TestCase):
    def test_it_counts_the_postnatal_checks_left_in_the_42_days(self):
        # Delivered 28 Oct: 42 days run to 9 Dec; 1 check so far of 3.
        p = pregnancy(pm(2026, 10, gestation_month=9), pm(2026, 11, postnatal_checks=1),
                      delivery=date(2026, 10, 28))  # fmt: skip
        _, needs = needs_of(p)
        self.assertEqual(needs["postnatal_checks"].text,
                         "2 pemeriksaan nifas lagi sampai 9 Desember 2026")  # fmt: skip
        self.assertEqual(needs["postnatal_checks"].months, (NOV, DEC))

    def test_it_gives_up_once_the_42_days_are_over(self):
        # Delivered 1 Oct: the 42 days ended on 12 Nov, before today.
        p = pregnancy(pm(2026, 10, postnatal_checks=1), pm(2026, 11), delivery=date(2026, 10, 1))
        result, needs = needs_of(p)
        self.assertEqual(result.cell("postnatal_checks").value, "T")
        self.assertNotIn("postnatal_checks", needs)


class LatestStateTests(TestCase):
    def test_it_asks_to_complete_and_record_it_this_month(self):
        c = child(date(2026, 1, 10), cm(2026, 11, **ALL_CHILD | {"birth_certificate": False}))
        _, needs = needs_of(c)
        self.assertEqual(needs["birth_certificate"].text,
                         "akta lahir: belum, lengkapi lalu catat pada catatan bulan ini")  # fmt: skip
        self.assertEqual(needs["birth_certificate"].months, (NOV,))

    def test_it_says_when_the_question_was_not_answered(self):
        c = child(date(2026, 1, 10), cm(2026, 11, **ALL_CHILD | {"health_insurance": None}))
        _, needs = needs_of(c)
        self.assertEqual(needs["health_insurance"].text,
                         "jaminan kesehatan: belum diisi, isi pada catatan bulan ini")  # fmt: skip


class AnyInWindowTests(TestCase):
    def test_it_asks_for_one_length_measurement_in_the_months_left(self):
        c = child(date(2026, 1, 10), cm(2026, 11, **ALL_CHILD | {"measured": False}))
        _, needs = needs_of(c)
        self.assertEqual(needs["measured"].text,
                         "1 pengukuran panjang/tinggi badan lagi bulan ini atau Desember 2026")  # fmt: skip


class NeverListedTests(TestCase):
    def test_it_never_lists_a_y_or_a_ts_cell(self):
        c = child(date(2026, 1, 10), cm(2026, 10, **ALL_CHILD), cm(2026, 11, **ALL_CHILD))
        result, needs = needs_of(c)
        self.assertEqual({cell.value for cell in result.cells}, {Y, TS})
        self.assertEqual(needs, {})

    def test_it_lists_nothing_once_the_quarter_is_over(self):
        c = child(date(2026, 1, 10), cm(2026, 10, **ALL_CHILD | {"weighed": False}))
        result = evaluate_child(c, YEAR, QUARTER)
        self.assertEqual(target_needs(c, result, YEAR, QUARTER, date(2027, 1, 3)), [])

    def test_it_has_a_reader_for_every_kind_except_not_applicable(self):
        from tikar.scorecard.needs import _KINDS

        self.assertEqual(set(RuleKind) - set(_KINDS), {RuleKind.NOT_APPLICABLE})
