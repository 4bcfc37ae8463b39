"""The roll-up CSV opens in columns in Excel set to Indonesian (issue 8 §5).

Excel-ID uses ',' as the decimal mark and so ';' as the list separator, and reads UTF-8 only
with a byte-order mark.  The test reads the file as Excel-ID does: BOM first, split on ';',
numbers with a decimal comma, and a missing number as an empty cell (never the text "-").
"""

from __future__ import annotations

import csv
import re
from io import StringIO
from unittest import mock

from django.urls import reverse

from tikar.scorecard.tests.area import build_bilah_barat
from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR
from tikar.test import BANDAR_KUMBUL, SIBARGOT, BaseTestCase


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class RollupCsvForExcelTests(BaseTestCase):
    def setUp(self) -> None:
        build_bilah_barat(self)
        self.login(self.dewi)

    def rows(self) -> tuple[bytes, list[list[str]]]:
        response = self.client.get(reverse("rollup", args=[YEAR, QUARTER]) + "?format=csv")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        raw = response.content
        return raw, list(csv.reader(StringIO(raw.decode("utf-8-sig")), delimiter=";"))

    def test_it_starts_with_a_byte_order_mark_and_splits_on_semicolons(self, _) -> None:
        raw, rows = self.rows()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"))
        self.assertGreater(len(rows[0]), 10)
        self.assertTrue(all(len(r) == len(rows[0]) for r in rows))

    def test_it_has_the_indonesian_headings_of_the_xlsx(self, _) -> None:
        _raw, rows = self.rows()
        self.assertEqual(rows[0][:3], ["Kode", "Nama", "Ibu hamil"])
        self.assertIn("Konvergensi %", rows[0])

    def test_it_writes_decimal_commas_and_empty_cells_for_missing_numbers(self, _) -> None:
        _raw, rows = self.rows()
        head = rows[0]
        by_code = {r[0]: dict(zip(head, r, strict=True)) for r in rows[1:]}
        self.assertEqual(by_code[SIBARGOT]["Konvergensi %"], "54,17")
        self.assertEqual(by_code[BANDAR_KUMBUL]["Stunting %"], "")  # nobody measured
        cells = [c for r in rows[1:] for c in r[1:]]  # column 0 is the region code
        self.assertNotIn("-", cells)
        self.assertEqual([c for c in cells if re.fullmatch(r"-?\d+\.\d+", c)], [])
