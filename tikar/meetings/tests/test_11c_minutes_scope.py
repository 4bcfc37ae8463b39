"""Who may read the Berita Acara, the PDF and the XLSX (task 11c): the desa's village users and
the officers of its area; another desa and a missing meeting are 404; read-only views."""

from __future__ import annotations

from django.urls import reverse

from tikar.meetings.tests._11c_data import make_meeting
from tikar.test import BANDAR_KUMBUL, SIBARGOT, BaseTestCase

NAMES = ("minutes_print", "minutes_pdf", "proposals_xlsx")


class MinutesScopeTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        make_meeting(cls.sibargot, participants=3, proposals=2, with_snapshot=False)

    def get(self, user, name: str, query: str = "", year: int = 2026):
        self.login(user)
        return self.client.get(reverse(name, args=[year]) + query)

    def test_it_lets_the_village_users_and_the_area_officers_read(self) -> None:
        for name in ("minutes_print", "proposals_xlsx"):
            for user, query in (
                (self.sari, ""),
                (self.rahmat, ""),
                (self.dewi, f"?desa={SIBARGOT}"),
                (self.hendra, f"?desa={SIBARGOT}"),
                (self.agus, f"?desa={SIBARGOT}"),
            ):
                with self.subTest(name=name, user=user.username):
                    self.assertEqual(self.get(user, name, query).status_code, 200)

    def test_it_answers_404_for_another_desa(self) -> None:
        for name in NAMES:
            with self.subTest(name=name):
                # Budi (Bandar Kumbul) asking for Sibargot; Tono (Bilah Hilir) likewise.
                self.assertEqual(self.get(self.budi, name, f"?desa={SIBARGOT}").status_code, 404)
                self.assertEqual(self.get(self.tono, name, f"?desa={SIBARGOT}").status_code, 404)
                # An officer without ?desa=, or with garbage.
                self.assertEqual(self.get(self.dewi, name).status_code, 404)
                self.assertIn(
                    self.get(self.dewi, name, "?desa=%00" + "9" * 5000).status_code, (400, 404)
                )
                self.assertEqual(self.get(self.dewi, name, "?desa=" + "9" * 5000).status_code, 404)

    def test_it_never_shows_sibargot_to_bandar_kumbul(self) -> None:
        response = self.get(self.yusuf, "minutes_print")
        self.assertEqual(response.status_code, 404)  # Bandar Kumbul has no meeting in 2026
        self.assertNotIn("Rahmat Siregar", response.content.decode())
        self.assertIn("Belum ada rembuk stunting Desa Bandar Kumbul", response.content.decode())

    def test_it_answers_a_friendly_404_when_no_meeting_that_year(self) -> None:
        for name in NAMES:
            with self.subTest(name=name):
                response = self.get(self.rahmat, name, year=2025)
                self.assertEqual(response.status_code, 404)
                self.assertIn("Belum ada rembuk stunting Desa Sibargot", response.content.decode())
        response = self.get(self.dewi, "minutes_print", f"?desa={BANDAR_KUMBUL}")
        self.assertEqual(response.status_code, 404)
        self.assertIn("Buka halaman rembuk", response.content.decode())

    def test_it_refuses_post_and_anonymous(self) -> None:
        for name in NAMES:
            with self.subTest(name=name):
                self.login(self.rahmat)
                self.assertEqual(self.client.post(reverse(name, args=[2026])).status_code, 405)
                self.client.logout()
                response = self.client.get(reverse(name, args=[2026]))
                self.assertEqual(response.status_code, 302)

    def test_it_answers_404_for_a_year_out_of_range(self) -> None:
        self.login(self.rahmat)
        self.assertEqual(self.client.get("/rembuk/99999/berita-acara/").status_code, 404)
        self.assertEqual(self.client.get("/rembuk/1999/usulan.xlsx").status_code, 404)
