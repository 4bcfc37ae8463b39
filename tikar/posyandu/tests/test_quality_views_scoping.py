"""/mutu-data/ and its drill-down are scoped: own desa, an officer's area, 404 elsewhere."""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.test import override_settings

from tikar.posyandu.tests.quality_data import TODAY, seed
from tikar.test import BILAH_BARAT, LABUHANBATU, SIBARGOT, BaseTestCase

URL, KIDS = "/mutu-data/", "/mutu-data/anak/"


@override_settings(TIKAR_TODAY=TODAY)
@mock.patch("django.utils.timezone.localdate", return_value=date(2026, 11, 10))
class QualityScopingTest(BaseTestCase):
    def setUp(self) -> None:
        self.kids = seed(self)

    def test_it_shows_the_kpm_her_desa(self, _) -> None:
        self.login(self.sari)
        r = self.client.get(URL, {"bulan": "2026-10"})
        self.assertEqual(r.status_code, 200)
        fig = r.context["groups"][4]["items"][0]
        self.assertEqual((fig["code"], fig["count"]), ("standing_under_24", "1 / 1"))

    def test_it_gives_another_desa_404(self, _) -> None:
        self.login(self.budi)
        self.assertEqual(self.client.get(URL, {"wilayah": SIBARGOT}).status_code, 404)
        q = {"wilayah": SIBARGOT, "figure": "standing_under_24", "bulan": "2026-10"}
        self.assertEqual(self.client.get(KIDS, q).status_code, 404)
        own = self.client.get(KIDS, q | {"wilayah": self.bandar_kumbul.code})
        self.assertContains(own, "Cici Tetangga")
        self.assertNotContains(own, "Ani Standing")

    def test_it_gives_a_kecamatan_officer_outside_404(self, _) -> None:
        self.login(self.tono)
        for code in (SIBARGOT, BILAH_BARAT, LABUHANBATU):
            self.assertEqual(self.client.get(URL, {"wilayah": code}).status_code, 404, code)
            q = {"wilayah": code, "figure": "not_weighed"}
            self.assertEqual(self.client.get(KIDS, q).status_code, 404, code)

    def test_it_lets_officers_read_their_area(self, _) -> None:
        self.login(self.dewi)
        r = self.client.get(URL, {"bulan": "2026-10"})  # her kecamatan by default
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.context["region"].code, BILAH_BARAT)
        kids = self.client.get(KIDS, {"figure": "standing_under_24", "bulan": "2026-10"})
        self.assertContains(kids, "Ani Standing")
        self.assertContains(kids, "Cici Tetangga")
        self.login(self.hendra)
        r = self.client.get(URL, {"wilayah": SIBARGOT, "bulan": "2026-10"})
        self.assertEqual(r.status_code, 200)

    def test_it_asks_the_national_administrator_for_a_kabupaten(self, _) -> None:
        self.login(self.agus)
        r = self.client.get(URL)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, f"?wilayah={LABUHANBATU}")
        self.assertEqual(self.client.get(KIDS, {"figure": "not_weighed"}).status_code, 404)

    def test_it_sends_anonymous_users_to_the_login(self, _) -> None:
        self.assertEqual(self.client.get(URL).status_code, 302)
