"""Bad periods and figure codes on /mutu-data/ get a message in Bahasa Indonesia, never a 500."""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.test import override_settings

from tikar.posyandu.tests.quality_data import TODAY
from tikar.test import BaseTestCase

URL, KIDS = "/mutu-data/", "/mutu-data/anak/"


@override_settings(TIKAR_TODAY=TODAY)
@mock.patch("django.utils.timezone.localdate", return_value=date(2026, 11, 10))
class QualityBadParamsTest(BaseTestCase):
    def test_it_explains_a_period_it_cannot_read(self, _) -> None:
        self.login(self.sari)
        cases = [
            ({"bulan": "2026-13"}, "bukan bulan"),
            ({"bulan": "kemarin"}, "bukan bulan"),
            ({"kuartal": "2026-5"}, "bukan kuartal"),
            ({"dari": "2026-09", "sampai": "2026-03"}, "setelah bulan terakhir"),
            ({"dari": "2023-01", "sampai": "2026-10"}, "terlalu panjang"),
            ({"bulan": "2027-01"}, "belum dimulai"),
            ({"dari": "99999-01"}, "bukan bulan"),
        ]
        for params, text in cases:
            r = self.client.get(URL, params)
            self.assertEqual(r.status_code, 400, params)
            self.assertContains(r, text, status_code=400)
            r = self.client.get(KIDS, params | {"figure": "not_weighed"})
            self.assertContains(r, text, status_code=400)

    def test_it_explains_an_unknown_figure(self, _) -> None:
        self.login(self.sari)
        for code in ("", "zzz", "sd_zhc"):
            r = self.client.get(KIDS, {"figure": code})
            self.assertContains(r, "Angka tidak dikenal", status_code=400)

    def test_it_accepts_odd_pages_and_clips_a_running_quarter(self, _) -> None:
        self.login(self.sari)
        r = self.client.get(KIDS, {"figure": "not_weighed", "hal": "abc"})
        self.assertEqual(r.status_code, 200)
        r = self.client.get(URL, {"kuartal": "2026-4"})
        self.assertEqual(r.context["period"].last, date(2026, 11, 1))
        r = self.client.get(URL, {"wilayah": "12.10.07.9999"})
        self.assertEqual(r.status_code, 404)
