"""Every number of the Berita Acara and of the list's XLSX text is written the Indonesian
way, through one formatter (minutes.number): decimal comma, dot for thousands ("73,47%",
"14,5%", "2,5 bulan", "1.234") (task 11c, fix round)."""

from __future__ import annotations

import io
import re
from decimal import Decimal

from django.test import SimpleTestCase
from django.urls import reverse
from openpyxl import load_workbook

from tikar.meetings.minutes import number, percent, rupiah
from tikar.meetings.tests._11c_data import make_meeting
from tikar.meetings.tests.test_11c_minutes_print import text_of
from tikar.test import BaseTestCase

# A number with a decimal POINT: "55.48", "10.48%" (not "1.000", "2.2.02" or "09.00").
DECIMAL_POINT = re.compile(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])")


class NumberTest(SimpleTestCase):
    def test_it_writes_a_decimal_comma_and_groups_thousands(self) -> None:
        self.assertEqual(number(Decimal("2.50")), "2,5")
        self.assertEqual(number(Decimal("1234567.25")), "1.234.567,25")
        self.assertEqual(number(1234), "1.234")
        self.assertEqual(number("55.48", places=2), "55,48")
        self.assertEqual(number("75", places=2), "75,00")
        self.assertEqual(number(Decimal("-3.5")), "-3,5")
        self.assertEqual(percent("10.48"), "10,48%")
        self.assertEqual(percent(None), "-")
        self.assertEqual(rupiah(10_000_000_000), "Rp 10.000.000.000")

    def test_it_answers_empty_for_what_is_not_a_number(self) -> None:
        for bad in (None, "", "abc", "NaN", "Infinity"):
            self.assertEqual(number(bad), "")
        self.assertEqual(percent("abc"), "-")


class DecimalCommaTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.meeting = make_meeting(cls.sibargot, stunting_target_percent=Decimal("10.48"))
        snap = cls.meeting.scorecard_snapshot
        snap["table1_targets"]["children"] = 1234
        snap["table4_convergence"]["total"] = {"received": 1180, "expected": 2045,
                                               "percent": "57.89"}  # fmt: skip
        cls.meeting.save()

    def test_it_writes_every_number_of_the_print_page_with_a_decimal_comma(self) -> None:
        self.login(self.rahmat)
        text = text_of(self.client.get(reverse("minutes_print", args=[2026])))
        document = text[text.index("Pemerintah Kabupaten") :]
        self.assertIn("pukul 09.00–12.30 WIB", document)  # times take a dot in Indonesian
        document = document.replace("09.00–12.30", "")
        self.assertEqual(DECIMAL_POINT.findall(document), [])
        for expected in ("57,89%", "1.180 / 2.045", "1.234", "29,17%", "55,56%", "66,67%",
                         "paling banyak 10,48%", "2,5 bulan"):  # fmt: skip
            self.assertIn(expected, document)

    def test_it_writes_no_decimal_point_in_the_xlsx_text(self) -> None:
        self.login(self.sari)
        response = self.client.get(reverse("proposals_xlsx", args=[2026]))
        ws = load_workbook(io.BytesIO(response.content)).active
        texts = [
            c.value
            for row in ws.iter_rows()
            for c in row
            if isinstance(c.value, str) and c.column != 13
        ]  # fmt: skip (13: the codes)
        self.assertGreater(len(texts), 50)
        self.assertEqual([t for t in texts if DECIMAL_POINT.search(t)], [])
