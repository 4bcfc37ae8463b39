"""?tahun= of /rembuk-wilayah/: a year from 2000 to this year; anything else a message."""

from __future__ import annotations

from django.test import override_settings
from django.urls import reverse

from tikar.meetings.tests.data_11g_rollup import TODAY, seed
from tikar.test import BANDAR_KUMBUL, BaseTestCase


@override_settings(TIKAR_TODAY=TODAY)
class RollupYearTests(BaseTestCase):
    def setUp(self) -> None:
        seed()
        self.login(self.dewi)

    def get(self, query: str):
        return self.client.get(reverse("meeting_rollup") + query)

    def test_it_shows_this_year_by_default(self) -> None:
        page = self.get("")
        self.assertEqual((page.context["year"], page.context["plan_year"]), (2025, 2026))
        self.assertEqual(page.context["year_error"], "")

    def test_it_shows_an_earlier_year(self) -> None:
        page = self.get("?tahun=2024")
        self.assertEqual(page.context["year"], 2024)
        bk = next(r for r in page.context["rows"] if r["region"].code == BANDAR_KUMBUL)
        self.assertEqual((bk["f"].held, bk["f"].proposals, bk["f"].allocated), (1, 1, 1))
        self.assertEqual(page.context["total"].proposals, 1)  # Sibargot's 2025 list is not here
        self.assertContains(page, "APBDes 2025")

    def test_it_refuses_bad_years_with_a_message(self) -> None:
        for raw in ("1999", "2026", "0", "abc", "20255", "99999999999999999999", "-1", "2025.0"):
            page = self.get(f"?tahun={raw}")
            self.assertEqual(page.status_code, 200, raw)
            self.assertEqual(page.context["year"], 2025, raw)
            self.assertTrue(page.context["year_error"], raw)
            self.assertContains(page, 'data-testid="year-error"')
        self.assertContains(self.get("?tahun=1999"), "Pilih tahun 2000 sampai 2025")
        self.assertContains(self.get("?tahun=abc"), "bukan tahun")

    def test_it_keeps_the_year_in_the_drill_down_links(self) -> None:
        self.client.logout()
        self.login(self.hendra)
        page = self.get("?tahun=2024")
        self.assertContains(page, "tahun=2024")
        self.assertContains(page, "format=xlsx")
