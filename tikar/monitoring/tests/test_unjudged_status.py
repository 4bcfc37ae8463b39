"""A measurement with WHO implausible-value flags is "tidak dapat dinilai", never "Normal":
on the entry page, the target page, the carried-forward status, Formulir 1 and 4, the API
and the monthly export (issue 8 §4)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from io import BytesIO
from unittest import mock

from django.urls import reverse
from openpyxl import load_workbook

from tikar.households.models import Child
from tikar.households.tests.factories import child, mother
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month
from tikar.test import SIBARGOT, BaseTestCase

TODAY = date(2026, 5, 20)
APRIL, MAY = date(2026, 4, 1), date(2026, 5, 1)
UNJUDGED = "Tidak dapat dinilai: nilai di luar batas wajar WHO, ukur ulang"
# A boy of 11 months measured 58.0 cm (z about -7.7, below WHO's -6 limit) with 9.0 kg.
FLAGGED = {"visit_date": date(2026, 4, 12), "weight_kg": "9.0", "length_cm": "58.0",
           "measured_lying": True}  # fmt: skip


class UnjudgedStatusTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.eko = child(self.sibargot, self.sari, birth_date=date(2025, 5, 10), name="Eko",
                         mother_=mother(self.sibargot, self.sari, nik=None))  # fmt: skip
        record_month(self.eko, APRIL, FLAGGED, self.sari)
        record_month(self.eko, MAY, {"home_visit": True}, self.sari)  # not measured in May
        self.login(self.sari)

    def test_it_stores_the_flags_and_no_finding(self) -> None:
        april = ChildVisit.objects.get(child=self.eko, month=APRIL)
        self.assertTrue(april.flen)
        self.assertFalse(april.is_stunting)  # a flagged z is not counted as stunted...
        self.assertEqual(april.nutrition_status, {"tidak_dapat_dinilai"})  # ...nor as normal

    def test_it_says_so_in_the_live_z_scores(self) -> None:
        response = self.client.post(
            f"/sasaran/{self.eko.pk}/zskor/",
            {"visit_date": "2026-05-12", "weight_kg": "9.0", "length_cm": "58.0",
             "measured_lying": "1", "month": "2026-05"},
        )  # fmt: skip
        self.assertContains(response, UNJUDGED)
        self.assertNotContains(response, "Tidak ada masalah gizi")

    def test_it_says_so_in_the_history_and_the_carried_status(self) -> None:
        page = self.client.get(reverse("target", kwargs={"pk": self.eko.pk}))
        rows = page.context["rows"]
        self.assertEqual([r["status"]["words"] for r in rows], [UNJUDGED, UNJUDGED])
        self.assertTrue(rows[0]["status"]["carried"])  # May carries April's measurement
        self.assertNotContains(page, ">Normal<")

    def test_it_counts_it_neither_as_normal_nor_as_stunted_in_formulir_4(self) -> None:
        url = reverse("scorecard", args=[2026, 2]) + "?format=json"
        t1 = json.loads(self.client.get(url).content)["table1_targets"]
        self.assertEqual((t1["children"], t1["stunting"], t1["status_unjudged"]), (1, 0, 1))
        page = self.client.get(reverse("scorecard", args=[2026, 2]))
        self.assertContains(page, "status gizi tidak dapat dinilai")
        api = self.client.get(reverse("api_scorecard", args=[SIBARGOT, 2026, 2])).json()
        self.assertEqual(api["table1_targets"]["status_unjudged"], 1)

    def test_it_counts_it_apart_in_formulir_1(self) -> None:
        # Registered before "today" (the register's created_at is the real clock's).
        Child.objects.filter(pk=self.eko.pk).update(created_at=datetime(2026, 1, 5, tzinfo=UTC))
        recap = dict(self.client.get("/formulir-1/2026/").context["recap"])
        unjudged = next(v for k, v in recap.items() if "tidak dapat dinilai" in str(k))
        self.assertEqual(unjudged, 1)

    def test_it_says_so_in_the_api(self) -> None:
        rows = self.client.get("/api/child-visits/").json()["results"]
        by_month = {r["month"]: r["nutrition_status"] for r in rows}
        self.assertEqual(by_month["2026-04-01"], ["tidak_dapat_dinilai"])

    def test_it_says_so_in_the_monthly_export(self) -> None:
        url = reverse("export_month", kwargs={"form": "2b", "year": 2026, "month": 5})
        sheet = load_workbook(BytesIO(self.client.get(url).content)).active
        cells = [str(c) for row in sheet.values for c in row if c]
        self.assertTrue(any(c.startswith(UNJUDGED) for c in cells), cells)
        self.assertNotIn("Normal", cells)

    def test_it_keeps_another_desa_out(self) -> None:
        self.login(self.budi)
        self.assertEqual(
            self.client.get(reverse("target", kwargs={"pk": self.eko.pk})).status_code, 404
        )
