"""Each figure of /mutu-data/ links to the children behind it; the report's query count is fixed."""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tikar.households.tests.factories import child
from tikar.monitoring.services import record_month
from tikar.posyandu.tests.quality_data import OCT, TODAY, seed
from tikar.test import BaseTestCase

URL, KIDS = "/mutu-data/", "/mutu-data/anak/"


@override_settings(TIKAR_TODAY=TODAY)
@mock.patch("django.utils.timezone.localdate", return_value=date(2026, 11, 10))
class QualityDrilldownTest(BaseTestCase):
    def setUp(self) -> None:
        self.kids = seed(self)

    def test_it_links_each_figure_to_its_children(self, _) -> None:
        self.login(self.sari)
        r = self.client.get(URL, {"bulan": "2026-10"})
        items = {i["code"]: i for g in r.context["groups"] for i in g["items"]}
        self.assertIn("figure=standing_under_24", items["standing_under_24"]["url"])
        kids = self.client.get(items["standing_under_24"]["url"])
        self.assertContains(kids, "Ani Standing")
        self.assertContains(kids, "10 bulan, berdiri")
        self.assertContains(kids, f"/sasaran/{self.kids['ani'].pk}/")
        self.assertNotContains(kids, "Bayu Absent")

    def test_it_lists_the_children_not_weighed_with_the_months(self, _) -> None:
        self.login(self.sari)
        r = self.client.get(KIDS, {"figure": "not_weighed", "bulan": "2026-10"})
        self.assertContains(r, "Bayu Absent")
        self.assertContains(r, "Oktober 2026")
        self.assertNotContains(r, "Ani Standing")

    def test_it_marks_the_default_mat_cut_offs_unverified(self, _) -> None:
        self.login(self.sari)
        r = self.client.get(URL, {"bulan": "2026-10"})
        self.assertContains(r, "belum terverifikasi")

    def test_it_answers_in_a_fixed_number_of_queries(self, _) -> None:
        self.login(self.dewi)
        with CaptureQueriesContext(connection) as small:
            self.client.get(URL, {"kuartal": "2026-4"})
        for i in range(3):
            c = child(self.sibargot, self.sari, name=f"Extra {i}", birth_date=date(2025, 3, 1))
            record_month(c, OCT, {"visit_date": date(2026, 10, 6), "weight_kg": "9.1"}, self.sari)
        with CaptureQueriesContext(connection) as large:
            r = self.client.get(URL, {"kuartal": "2026-4"})
        self.assertEqual(r.status_code, 200)
        self.assertEqual(len(small), len(large))
