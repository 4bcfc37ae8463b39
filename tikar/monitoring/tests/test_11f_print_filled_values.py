"""The filled printed forms say what the records say: the month's export rows, for paper."""

from __future__ import annotations

import re

from tikar.monitoring.tests.print_11f_helpers import PrintCase


def rows(html: str) -> list[list[str]]:
    """The printed table's body rows as lists of cell texts (✓/✗ marks kept)."""
    body = html.split('<table class="pf-table">', 1)[1].split("<tbody>", 1)[1]
    body = body.split("</tbody>", 1)[0]
    out = []
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)
        out.append([re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", c)).strip() for c in cells])
    return out


class PrintFilledTests(PrintCase):
    def setUp(self) -> None:
        self.login(self.sari)

    def test_it_prints_the_pregnancy_month_as_recorded(self) -> None:
        (row,) = rows(self.page("2a").content.decode())
        self.assertEqual(row[:7], ["1", "KIA-001", "Siti Aminah", "KEK", "01/09/2026", "4", ""])
        # 1 antenatal ✓, 2 iron ✓ with 30 tablets, 3 postnatal empty before delivery.
        self.assertEqual(row[7:11], ["✓ ya", "✓ ya", "30", ""])
        self.assertEqual(row[13], "✗ tidak")  # 5 home visit: recorded as no
        self.assertEqual(row[12], "")  # 4 counselling: not asked, so empty, not ✗
        self.assertEqual(row[-2:], ["22,5", "12/04/2026"])

    def test_it_prints_the_childs_measurement_status_and_services(self) -> None:
        (row,) = rows(self.page("2b").content.decode())
        self.assertEqual(
            row[:12],
            ["1", "KIA-B01", "Budi Kecil", "L", "10", "8,4", "70,5", "Terlentang", "", "",
             "Hijau", "Normal"],
        )  # fmt: skip
        self.assertEqual(row[16:18], ["✓ ya", "✗ tidak"])  # 5 ibu, 6 ayah
        self.assertEqual(row[-1], "12/04/2026")

    def test_it_leaves_a_weighing_only_child_of_30_months_off_2b(self) -> None:
        html = self.page("2b").content.decode()
        self.assertNotIn("Tono Timbang", html)
        self.assertEqual(len(rows(html)), 1)
        # The record exists and the child is a target of the month on 2c.
        self.assertIn("Tono Timbang", self.page("2c").content.decode())

    def test_it_prints_paud_status_and_age_group(self) -> None:
        by_name = {r[2]: r for r in rows(self.page("2c").content.decode())}
        self.assertEqual(by_name["Rina"][3:], ["P", "15/01/2023", "38", "3 - 6 tahun", "Mengikuti"])
        self.assertEqual(by_name["Tono Timbang"][-1], "")  # no PAUD record this month

    def test_it_says_when_a_month_has_no_target(self) -> None:
        self.login(self.budi)  # Bandar Kumbul: nobody registered
        html = self.page("2a", "bulan=2026-04").content.decode()
        self.assertIn("Tidak ada sasaran formulir ini pada bulan ini.", html)
