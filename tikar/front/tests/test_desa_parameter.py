"""Every page that takes `?desa=` answers 404 for a desa outside the user's scope or a malformed
code, never silently showing the user's own desa instead (households, monitoring, scorecard,
workbooks)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from tikar.test import BANDAR_KUMBUL, NEGERI_LAMA, SIBARGOT, BaseTestCase

MALFORMED = ("12.10.07.20019", "xx", "12.10.07.2001'--", "12.10.07", "9" * 500)
# A NUL byte is refused earlier, for every parameter (400); never a 500 nor the user's own desa.
NUL = "12.10.07.2001\x00"


class DesaParameterTests(BaseTestCase):
    def urls(self) -> list[str]:
        today = timezone.localdate()
        quarter = (today.month - 1) // 3 + 1
        return [
            reverse("tasks"),
            reverse("kpm_activity"),
            reverse("formulir1", args=[today.year]),
            reverse("scorecard", args=[today.year, quarter]),
            reverse("recap", args=[today.year, quarter]),
            reverse("dana_desa", args=[today.year]),
            reverse("export_month", args=["2b", today.year, today.month]),
            reverse("export_pick") + "?form=2b&bulan=" + today.strftime("%Y-%m"),
        ]

    def get(self, url: str, desa: str):
        joiner = "&" if "?" in url else "?"
        return self.client.get(f"{url}{joiner}{urlencode({'desa': desa})}")

    def test_it_gives_a_village_user_404_for_another_desa_instead_of_their_own(self) -> None:
        self.login(self.rahmat)
        for url in self.urls():
            with self.subTest(url=url):
                self.assertEqual(self.get(url, BANDAR_KUMBUL).status_code, 404)

    def test_it_gives_a_village_user_404_for_a_malformed_code(self) -> None:
        self.login(self.rahmat)
        for url in self.urls():
            for code in MALFORMED:
                with self.subTest(url=url, code=code):
                    self.assertEqual(self.get(url, code).status_code, 404)
            with self.subTest(url=url, code=NUL):
                self.assertIn(self.get(url, NUL).status_code, (400, 404))

    def test_it_still_shows_a_village_user_their_own_desa_named_or_not(self) -> None:
        self.login(self.rahmat)
        for url in self.urls():
            with self.subTest(url=url):
                self.assertIn(self.client.get(url).status_code, (200, 302))
                self.assertIn(self.get(url, SIBARGOT).status_code, (200, 302))

    def test_it_gives_an_officer_404_outside_their_area_or_for_a_malformed_code(self) -> None:
        self.login(self.dewi)
        for url in self.urls():
            if "aktivitas" in url:
                continue  # the Admin Desa's own page: an officer gets 403 whatever ?desa= says
            for code in (NEGERI_LAMA, *MALFORMED):
                with self.subTest(url=url, code=code):
                    self.assertEqual(self.get(url, code).status_code, 404)
            with self.subTest(url=url, code=NUL):
                self.assertIn(self.get(url, NUL).status_code, (400, 404))
            with self.subTest(url=url, code=SIBARGOT):
                self.assertIn(self.get(url, SIBARGOT).status_code, (200, 302))
