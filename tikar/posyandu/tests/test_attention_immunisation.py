"""Immunisation due by age, from the schedule data (Permenkes 12/2017, Buku KIA) (pure)."""

from datetime import date
from unittest import TestCase

from tikar.posyandu.attention import (
    ChildFacts,
    ChildMonth,
    child_reasons,
    due_vaccines,
    immunisation_schedule,
)

TODAY = date(2026, 3, 15)


def imm(birth, months):
    r = {x.code: x for x in child_reasons(ChildFacts(birth, "L", "Ani", months), TODAY)}
    return r.get("immunisation")


def month(m, **answers):
    return ChildMonth(date(2026, m, 1), 7.0, "N", **answers)


class ImmunisationTest(TestCase):
    def test_it_names_its_source(self):
        source, doses = immunisation_schedule()
        self.assertIn("Permenkes No. 12 Tahun 2017", source)
        self.assertIn("Buku KIA", source)
        self.assertEqual(doses[0].vaccine, "HB0")

    def test_it_groups_the_vaccines_due_by_age(self):
        self.assertEqual(due_vaccines(0), ["HB0"])
        self.assertEqual(due_vaccines(4), ["HB0", "BCG", "Polio 1–4", "DPT-HB-Hib 1–3", "IPV"])
        self.assertIn("Campak-Rubela 1", due_vaccines(9))
        self.assertIn("Campak-Rubela 1–2", due_vaccines(18))

    def test_it_lists_the_vaccines_when_the_latest_answer_is_not_up_to_date(self):
        r = imm(
            date(2025, 11, 1),
            [month(2, immunisation_up_to_date=True), month(3, immunisation_up_to_date=False)],
        )
        self.assertIn(
            "jadwal sampai umur 4 bulan: HB0, BCG, Polio 1–4, DPT-HB-Hib 1–3, IPV", r.text
        )
        self.assertEqual(r.level, "ingat")

    def test_it_follows_the_latest_answer(self):
        r = imm(
            date(2025, 11, 1),
            [month(2, immunisation_up_to_date=False), month(3, immunisation_up_to_date=True)],
        )
        self.assertIsNone(r)

    def test_it_asks_for_measles_rubella_from_9_to_11_months(self):
        self.assertIsNone(imm(date(2025, 6, 16), []))  # 8 months: not yet
        self.assertIsNone(imm(date(2025, 6, 16), [month(3, immunisation_up_to_date=True)]))
        r = imm(date(2025, 6, 15), [month(3, immunisation_up_to_date=True)])  # 9 months
        self.assertIn("Campak-Rubela belum tercatat", r.text)
        self.assertIsNone(imm(date(2025, 6, 15), [month(3, immunisation_measles=True)]))

    def test_it_asks_for_basic_complete_from_12_to_23_months(self):
        r = imm(date(2025, 3, 15), [month(3, immunisation_measles=True)])  # 12 months
        self.assertIn("Imunisasi dasar lengkap belum tercatat (umur 12 bulan)", r.text)
        self.assertIsNone(imm(date(2025, 3, 15), [month(2, immunisation_basic_complete=True)]))
        self.assertIsNone(imm(date(2024, 3, 15), []))  # 24 months: past the window
        self.assertIsNone(
            imm(date(2025, 3, 16), [month(3, immunisation_measles=True)])
        )  # 11 months

    def test_it_stops_at_24_months(self):
        stale = [month(3, immunisation_up_to_date=False)]
        self.assertIsNotNone(imm(date(2024, 3, 16), stale))  # 23 months
        self.assertIsNone(imm(date(2024, 3, 15), stale))  # 24 months: weighing only
