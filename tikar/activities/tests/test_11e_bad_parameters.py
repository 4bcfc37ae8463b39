"""Unreadable `?bulan=`, `?akhir=`, `?lama=`: the default period with a message saying what to fix."""

from __future__ import annotations

from django.test import override_settings

from tikar.test import BaseTestCase

ARABIC_MONTH = "٢٠٢٦-١٠"  # 2026-10 in Arabic-Indic digits: int() reads them, we must not


@override_settings(TIKAR_TODAY="2026-11-25")
class BadParametersTest(BaseTestCase):
    def test_it_tells_the_user_when_the_log_month_is_not_a_month(self):
        self.login(self.sari)
        for bulan in ("abc", "2026-13", "2026-00", "1999-12", "0000-01", ARABIC_MONTH, "9" * 30):
            with self.subTest(bulan=bulan):
                response = self.client.get("/kegiatan-kpm/", {"bulan": bulan})
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "bukan bulan dengan bentuk")
                self.assertEqual(response.context["month"].isoformat(), "2026-11-01")

    def test_it_tells_the_user_when_the_log_month_has_not_come(self):
        self.login(self.sari)
        response = self.client.get("/kegiatan-kpm/", {"bulan": "2099-01"})
        self.assertContains(response, "belum tiba")
        self.assertEqual(response.context["month"].isoformat(), "2026-11-01")

    def test_it_shows_a_good_month_without_a_message(self):
        self.login(self.sari)
        for bulan in ("2026-10", "", "2000-01"):
            with self.subTest(bulan=bulan):
                response = self.client.get("/kegiatan-kpm/", {"bulan": bulan})
                self.assertEqual(response.context["notices"], [])
        self.assertEqual(
            self.client.get("/kegiatan-kpm/", {"bulan": "2026-10"}).context["month"].isoformat(),
            "2026-10-01",
        )

    def test_it_tells_the_officer_when_the_coaching_period_is_not_one(self):
        self.login(self.hendra)
        for params, words in (
            ({"akhir": "abc"}, "bukan bulan dengan bentuk"),
            ({"akhir": ARABIC_MONTH}, "bukan bulan dengan bentuk"),
            ({"akhir": "2099-01"}, "belum tiba"),
            ({"lama": "0"}, "bukan jumlah bulan"),
            ({"lama": "7"}, "bukan jumlah bulan"),
            ({"lama": "abc"}, "bukan jumlah bulan"),
            ({"lama": "٣"}, "bukan jumlah bulan"),
            ({"lama": "-3"}, "bukan jumlah bulan"),
        ):
            with self.subTest(params=params):
                response = self.client.get("/pembinaan-kpm/", params)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, words)
                self.assertEqual(response.context["length"], 3)
                self.assertEqual(response.context["last"].isoformat(), "2026-10-01")

    def test_it_shows_a_good_coaching_period_without_a_message(self):
        self.login(self.hendra)
        response = self.client.get("/pembinaan-kpm/", {"akhir": "2026-06", "lama": "6"})
        self.assertEqual(response.context["notices"], [])
        self.assertEqual(
            (response.context["first"].isoformat(), response.context["last"].isoformat()),
            ("2026-01-01", "2026-06-01"),
        )
