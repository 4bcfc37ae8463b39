"""Who may print whose forms: own desa, officers in their area, another desa 404."""

from __future__ import annotations

from django.urls import reverse

from tikar.monitoring.tests.print_11f_helpers import PrintCase
from tikar.test import BANDAR_KUMBUL, SIBARGOT


class PrintScopingTests(PrintCase):
    def test_it_answers_404_to_another_desas_village_users(self) -> None:
        for user in (self.budi, self.yusuf):
            self.login(user)
            for form in ("2a", "2b", "2c"):
                self.page(form, f"bulan=2026-04&desa={SIBARGOT}", status=404)
            html = self.page("2a").content.decode()  # their own desa: not Sibargot's mother
            self.assertNotIn("Siti Aminah", html)

    def test_it_lets_officers_of_the_area_read_and_no_one_else(self) -> None:
        for user in (self.dewi, self.hendra, self.agus):
            self.login(user)
            html = self.page("2a", f"bulan=2026-04&desa={SIBARGOT}").content.decode()
            self.assertIn("Siti Aminah", html)
            self.assertIn(f'name="desa" value="{SIBARGOT}"', html)  # kept by the month form
        self.login(self.tono)  # Bilah Hilir: not his kecamatan
        self.page("2a", f"bulan=2026-04&desa={SIBARGOT}", status=404)
        self.login(self.dewi)
        for bad in ("", "12.10.07", "x" * 5000):
            self.page("2a", f"desa={bad}", status=404)
        self.assertNotIn(
            "Siti", self.page("2a", f"bulan=2026-04&desa={BANDAR_KUMBUL}").content.decode()
        )

    def test_it_asks_for_a_login(self) -> None:
        response = self.client.get(reverse("print_form", args=["2a"]))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("login")))

    def test_it_refuses_an_officers_post(self) -> None:
        self.login(self.dewi)
        response = self.client.post(reverse("print_form", args=["2a"]) + f"?desa={SIBARGOT}")
        self.assertEqual(response.status_code, 405)
