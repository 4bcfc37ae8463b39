"""Malformed addresses and parameters of the 11e pages: 404 or a default, never a 500."""

from __future__ import annotations

from django.test import override_settings

from tikar.test import BaseTestCase

HUGE = "9" * 30


@override_settings(TIKAR_TODAY="2026-11-25")
class MalformedTest(BaseTestCase):
    def test_it_answers_huge_ids_with_404(self):
        for user in (self.sari, self.hendra):
            self.login(user)
            for url in (f"/kegiatan-kpm/{HUGE}/", f"/pelatihan-kpm/{HUGE}/"):
                with self.subTest(url=url, user=user.username):
                    self.assertEqual(self.client.get(url).status_code, 404)
                    self.assertEqual(self.client.post(url, {"action": "delete"}).status_code, 404)

    def test_it_reads_bad_months_and_areas_without_failing(self):
        self.login(self.sari)
        for bulan in (HUGE, "2026-00", "abc", "0000-01", "2099-01"):
            with self.subTest(bulan=bulan):
                self.assertEqual(
                    self.client.get("/kegiatan-kpm/", {"bulan": bulan}).status_code, 200
                )
        self.login(self.hendra)
        for params in (
            {"akhir": HUGE},
            {"akhir": "1999-12"},
            {"lama": HUGE},
            {"wilayah": "\x00"},
            {"wilayah": "x" * 5000},
        ):
            with self.subTest(params=params):
                # A NUL byte is refused (400) before any view by the project's middleware.
                self.assertIn(
                    self.client.get("/pembinaan-kpm/", params).status_code, (200, 400, 404)
                )
        self.assertIn(self.client.get("/kegiatan-kpm/", {"desa": "\x00"}).status_code, (400, 404))
