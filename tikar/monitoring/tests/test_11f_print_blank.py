"""Blank printed forms for paper: the month's names and register facts, no monthly values."""

from __future__ import annotations

from tikar.monitoring import print_forms
from tikar.monitoring.tests.print_11f_helpers import PrintCase
from tikar.monitoring.tests.test_11f_print_filled_values import rows


class PrintBlankTests(PrintCase):
    def setUp(self) -> None:
        self.login(self.sari)

    def test_it_preprints_the_targets_and_register_facts_without_values(self) -> None:
        html = self.page("2a", "bulan=2026-04&kosong=1").content.decode()
        got = rows(html)
        self.assertEqual(len(got), 1 + print_forms.SPARE_ROWS)
        first = got[0]
        self.assertEqual(first[:5], ["1", "KIA-001", "Siti Aminah", "", "01/09/2026"])
        self.assertEqual(set(first[5:]), {""})  # no status, no ✓/✗, no LiLA, no date
        self.assertNotIn("✓", html.split("<tbody>")[1].split("</tbody>")[0])
        self.assertNotIn("22,5", html)
        self.assertTrue(all(set(r[1:]) == {""} for r in got[1:]))  # spare rows

    def test_it_preprints_the_2b_birth_date_and_sex_not_the_weight(self) -> None:
        html = self.page("2b", "bulan=2026-04&kosong=1").content.decode()
        first = rows(html)[0]
        self.assertEqual(first[1:4], ["KIA-B01", "Budi Kecil 10/06/2025", "L"])
        self.assertEqual(set(first[4:]), {""})
        self.assertNotIn("8,4", html)
        self.assertNotIn("Tono Timbang", html)  # 30 months: not a 2b target

    def test_it_prints_next_months_blank_paper(self) -> None:
        html = self.page("2c", "bulan=2026-06&kosong=1").content.decode()
        self.assertIn("Rina", html)
        self.assertIn("Juni", html)

    def test_it_prints_a_fully_blank_sheet_without_names(self) -> None:
        html = self.page("2b", "kosong=2").content.decode()
        got = rows(html)
        self.assertEqual(len(got), print_forms.FULLY_BLANK_ROWS["2b"])
        self.assertTrue(all(set(r[1:]) == {""} for r in got))
        for private in ("Budi Kecil", "KIA-B01", "(Sari)", "Posyandu Melati"):
            self.assertNotIn(private, html)
        self.assertIn("Sibargot", html)  # the desa it is for
