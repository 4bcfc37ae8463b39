"""Pregnancy reasons: KEK, risti, HPL soon or passed, postnatal checks due (pure)."""

from datetime import date, timedelta
from decimal import Decimal
from unittest import TestCase

from tikar.posyandu.attention import (
    INGAT,
    RUJUK,
    PregnancyFacts,
    PregnancyMonth,
    pregnancy_reasons,
)

TODAY = date(2026, 3, 15)


def reasons(**facts):
    return {r.code: r for r in pregnancy_reasons(PregnancyFacts(**facts), TODAY)}


def visit(m, **values):
    return PregnancyMonth(date(2026, m, 1), **values)


class PregnancyReasonsTest(TestCase):
    def test_it_refers_kek_at_23_4_not_at_23_5(self):
        r = reasons(visits=[visit(3, muac_cm=Decimal("23.4"))])
        self.assertEqual(r["kek"].level, RUJUK)
        self.assertIn("LiLA 23,4 cm pada Maret 2026", r["kek"].text)
        self.assertNotIn("kek", reasons(visits=[visit(3, muac_cm=Decimal("23.5"))]))
        self.assertNotIn("kek", reasons(visits=[visit(3, muac_cm=23.5)]))

    def test_it_reads_the_latest_muac(self):
        later_ok = [visit(2, muac_cm=22.0), visit(3, muac_cm=24.0)]
        self.assertNotIn("kek", reasons(visits=later_ok))
        later_low = [visit(2, muac_cm=24.0), visit(3), visit(1, muac_cm=25.0)]
        self.assertNotIn("kek", reasons(visits=later_low))
        self.assertIn("kek", reasons(visits=[visit(2, muac_cm=23.0), visit(3)]))

    def test_it_refers_risti_from_the_register_or_the_latest_record(self):
        self.assertEqual(reasons(risk_status="risti")["risti"].level, RUJUK)
        self.assertIn("risti", reasons(visits=[visit(3, risk_status="risti")]))
        self.assertNotIn(
            "risti", reasons(risk_status="normal", visits=[visit(3, risk_status="normal")])
        )

    def test_it_reminds_an_hpl_in_14_days_not_15(self):
        r = reasons(due_date=TODAY + timedelta(days=14))
        self.assertEqual(r["due_soon"].level, INGAT)
        self.assertEqual(r["due_soon"].text, "HPL 29 Maret 2026 (14 hari lagi)")
        self.assertNotIn("due_soon", reasons(due_date=TODAY + timedelta(days=15)))
        self.assertEqual(reasons(due_date=TODAY)["due_soon"].text, "HPL 15 Maret 2026 (hari ini)")

    def test_it_reminds_a_passed_hpl_without_delivery(self):
        r = reasons(due_date=TODAY - timedelta(days=1))
        self.assertEqual(
            r["due_passed"].text, "HPL 14 Maret 2026 sudah lewat 1 hari, persalinan belum dicatat"
        )
        self.assertEqual(
            reasons(
                due_date=TODAY - timedelta(days=1), delivery_date=TODAY - timedelta(days=3)
            ).keys()
            & {"due_passed", "due_soon"},
            set(),
        )

    def test_it_reminds_postnatal_checks_until_day_42_not_43(self):
        r = reasons(delivery_date=TODAY - timedelta(days=42), visits=[visit(2, postnatal_checks=1)])
        self.assertEqual(r["postnatal_due"].level, INGAT)
        self.assertIn("Pemeriksaan nifas 1 dari 3 kali (hari ke-42", r["postnatal_due"].text)
        self.assertEqual(reasons(delivery_date=TODAY - timedelta(days=43), risk_status="risti"), {})

    def test_it_counts_checks_against_the_kabupaten_standard(self):
        done3 = [visit(2, postnatal_checks=2), visit(3, postnatal_checks=1)]
        self.assertNotIn(
            "postnatal_due", reasons(delivery_date=TODAY - timedelta(days=20), visits=done3)
        )
        r = reasons(delivery_date=TODAY - timedelta(days=20), visits=done3, pnc_standard=4)
        self.assertIn("3 dari 4 kali", r["postnatal_due"].text)

    def test_it_says_nothing_for_a_normal_pregnancy(self):
        self.assertEqual(
            reasons(due_date=TODAY + timedelta(days=60), visits=[visit(3, muac_cm=26.0)]), {}
        )
