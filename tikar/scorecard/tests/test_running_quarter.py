"""The running quarter: counted over the months that have passed, labelled provisional
everywhere, recomputed when the month changes, and not validated before it ends (issue 8 §4)."""

from __future__ import annotations

import json
from datetime import date
from io import BytesIO
from unittest import mock

from django.urls import reverse
from openpyxl import load_workbook

from tikar.households.tests.factories import child, mother
from tikar.monitoring.services import record_month
from tikar.scorecard.models import QuarterLock, QuarterResult
from tikar.test import BILAH_BARAT, LABUHANBATU, SIBARGOT, BaseTestCase

YEAR, QUARTER = 2026, 1
JAN, FEB, MAR = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)
IN_FEBRUARY, IN_MARCH, IN_APRIL = date(2026, 2, 20), date(2026, 3, 10), date(2026, 4, 1)
NOTE = "Sementara: kuartal berjalan, dihitung sampai Februari 2026"


def on(day: date):
    """Pin today (timezone.localdate, which tikar.clock.today reads) to `day`."""
    return mock.patch("django.utils.timezone.localdate", return_value=day)


class RunningQuarterTests(BaseTestCase):
    def setUp(self) -> None:
        # Dimas, 5-7 months in quarter I, weighed in January and February.
        with on(IN_FEBRUARY):
            self.dimas = child(self.sibargot, self.sari, birth_date=date(2025, 8, 10),
                               name="Dimas", mother_=mother(self.sibargot, self.sari, nik=None))  # fmt: skip
            for m, day in ((JAN, 12), (FEB, 12)):
                record_month(self.dimas, m, {"visit_date": m.replace(day=day),
                                             "weight_kg": "7.5"}, self.sari)  # fmt: skip

    def scorecard_json(self, user=None) -> dict:
        self.login(user or self.sari)
        url = reverse("scorecard", args=[YEAR, QUARTER]) + "?format=json"
        return json.loads(self.client.get(url).content)

    def weighing(self, data: dict) -> dict:
        return next(x for x in data["table3_indicators"]["child"] if x["code"] == "weighed")

    def test_it_counts_only_the_months_that_have_passed(self) -> None:
        with on(IN_FEBRUARY):
            data = self.scorecard_json()
        # Weighed in every month so far: March has not happened, so it is not "not weighed".
        self.assertEqual(self.weighing(data)["received"], 1)
        self.assertEqual(data["table4_convergence"]["child"]["percent"] is not None, True)
        self.assertIs(data["provisional"], True)
        self.assertEqual(data["evaluated_through"], "2026-02")
        self.assertEqual(data["provisional_note"], NOTE)

    def test_it_recomputes_a_stored_quarter_when_the_month_changes(self) -> None:
        with on(IN_FEBRUARY):
            self.assertEqual(self.weighing(self.scorecard_json())["received"], 1)
        row = QuarterResult.objects.get(target_id=self.dimas.pk, year=YEAR, quarter=QUARTER)
        self.assertEqual(row.evaluated_through, FEB)
        with on(IN_MARCH):  # March is now a month of the quarter, and not weighed yet
            data = self.scorecard_json()
            self.assertEqual(self.weighing(data)["received"], 0)
            self.assertEqual(data["evaluated_through"], "2026-03")
            record_month(self.dimas, MAR, {"visit_date": date(2026, 3, 9), "weight_kg": "7.9"},
                         self.sari)  # fmt: skip
            self.assertEqual(self.weighing(self.scorecard_json())["received"], 1)
        with on(IN_APRIL):  # the quarter is over: final, all three months
            data = self.scorecard_json()
            self.assertIs(data["provisional"], False)
            self.assertIsNone(data["evaluated_through"])
            self.assertEqual(self.weighing(data)["received"], 1)
        row = QuarterResult.objects.get(target_id=self.dimas.pk, year=YEAR, quarter=QUARTER)
        self.assertIsNone(row.evaluated_through)

    def test_it_recomputes_the_roll_up_of_a_running_quarter_when_the_month_changes(self) -> None:
        with on(IN_FEBRUARY):
            self.scorecard_json()  # stored over January-February
        with on(IN_MARCH):
            self.login(self.dewi)
            page = self.client.get(reverse("rollup", args=[YEAR, QUARTER]))
        sibargot = next(r for r in page.context["rows"] if r["code"] == SIBARGOT[:13])
        # March counts now and Dimas is not weighed in it yet: the weighing coverage is 0 %.
        self.assertEqual(sibargot["c2"], 0)
        self.assertEqual(page.context["data"].provisional["evaluated_through"], "2026-03")

    def test_it_labels_the_running_quarter_provisional_everywhere(self) -> None:
        with on(IN_FEBRUARY):
            self.login(self.sari)
            for name in ("scorecard", "recap"):
                page = self.client.get(reverse(name, args=[YEAR, QUARTER]))
                self.assertContains(page, "kuartal berjalan, dihitung sampai Februari 2026")
            xlsx = self.client.get(reverse("scorecard", args=[YEAR, QUARTER]) + "?format=xlsx")
            cells = [c for row in load_workbook(BytesIO(xlsx.content)).active.values
                     for c in row if c]  # fmt: skip
            self.assertIn(NOTE, cells)
            for name in ("api_scorecard", "api_scorecard_recap"):
                api = self.client.get(reverse(name, args=[SIBARGOT, YEAR, QUARTER]))
                self.assertIs(api.json()["provisional"], True, name)
                self.assertEqual(api.json()["evaluated_through"], "2026-02", name)
            self.login(self.dewi)
            rollup = reverse("rollup", args=[YEAR, QUARTER])
            self.assertContains(self.client.get(rollup), "kuartal berjalan, dihitung sampai")
            csv_text = self.client.get(rollup + "?format=csv").content.decode("utf-8-sig")
            self.assertIn(NOTE, csv_text)
            sheet = self.client.get(rollup + "?format=xlsx")
            cells = [c for row in load_workbook(BytesIO(sheet.content)).active.values
                     for c in row if c]  # fmt: skip
            self.assertIn(NOTE, cells)
            self.login(self.hendra)
            lokus = reverse("lokus", args=[YEAR, QUARTER]) + f"?wilayah={LABUHANBATU}"
            self.assertContains(self.client.get(lokus), "kuartal berjalan, dihitung sampai")
            sheet = self.client.get(lokus + "&format=xlsx")
            cells = [c for row in load_workbook(BytesIO(sheet.content)).active.values
                     for c in row if c]  # fmt: skip
            self.assertIn(NOTE, cells)
        with on(IN_APRIL):  # a finished quarter is not labelled
            self.login(self.dewi)
            page = self.client.get(
                reverse("rollup", args=[YEAR, QUARTER]) + f"?wilayah={BILAH_BARAT}"
            )
            self.assertNotContains(page, "kuartal berjalan")

    def test_it_refuses_to_validate_a_running_quarter(self) -> None:
        url = reverse("quarter_lock", args=[YEAR, QUARTER])
        self.login(self.rahmat)
        with on(date(2026, 3, 31)):
            page = self.client.get(reverse("scorecard", args=[YEAR, QUARTER]))
            self.assertContains(page, "Validasi dapat dilakukan mulai 1 April 2026")
            self.assertNotContains(page, reverse("quarter_lock", args=[YEAR, QUARTER]))
            response = self.client.post(url, {"confirm": "1"}, follow=True)
        self.assertContains(response, "Kuartal I 2026 belum berakhir")
        self.assertFalse(QuarterLock.objects.filter(locked_at__isnull=False).exists())
        with on(IN_APRIL):
            self.client.post(url, {"confirm": "1"})
        self.assertTrue(QuarterLock.objects.filter(locked_at__isnull=False).exists())

    def test_it_keeps_another_desa_out(self) -> None:
        with on(IN_FEBRUARY):
            self.login(self.budi)
            url = reverse("api_scorecard", args=[SIBARGOT, YEAR, QUARTER])
            self.assertEqual(self.client.get(url).status_code, 404)
            page = reverse("scorecard", args=[YEAR, QUARTER]) + f"?desa={SIBARGOT}"
            self.assertEqual(self.client.get(page).status_code, 404)
