"""The review pages: who sees which conflicts, and what the side-by-side page shows."""

from __future__ import annotations

from tikar.households.tests.factories import child
from tikar.monitoring.services import record_month
from tikar.sync.tests.conflicts_base import MAY, ConflictTestCase
from tikar.test import SIBARGOT


class ConflictPageTests(ConflictTestCase):
    def test_it_lists_sari_s_open_conflict_with_its_kind_month_and_fields(self) -> None:
        self.login(self.sari)
        page = self.client.get("/konflik/")
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "Intan")
        self.assertContains(page, "Formulir 2b")
        self.assertContains(page, "Mei 2026")
        self.assertContains(page, "Berat badan (kg)")
        self.assertContains(page, self.url)

    def test_it_shows_both_values_as_people_read_them(self) -> None:
        self.login(self.sari)
        page = self.client.get(self.url)
        self.assertEqual(page.status_code, 200)
        body = page.content.decode()
        self.assertIn("7,7 kg", body)  # the server's value, decimal comma
        self.assertIn("7,6 kg", body)  # the phone's
        self.assertIn("Rahmat", body)  # who saved the server's value
        self.assertIn("Pakai data server", body)
        self.assertIn("Pakai data HP", body)
        self.assertNotIn("7.6", body)

    def test_it_answers_404_to_budi_and_keeps_the_conflict_out_of_his_list(self) -> None:
        budis = child(self.bandar_kumbul, self.budi, name="Rina")
        record_month(budis, MAY, {"home_visit": True}, self.budi)
        self.login(self.budi)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(self.client.post(self.url, {"choice": "phone"}).status_code, 404)
        listed = self.client.get("/konflik/")
        self.assertEqual(listed.status_code, 200)
        self.assertNotContains(listed, "Intan")
        self.assertNotContains(listed, self.url)
        self.assertEqual(self.client.get(f"/konflik/?desa={SIBARGOT}").status_code, 404)

    def test_it_lets_an_officer_read_but_never_resolve(self) -> None:
        self.login(self.dewi)  # kecamatan officer of Bilah Barat, Sibargot's kecamatan
        self.assertEqual(self.client.get("/konflik/").status_code, 404)  # which desa?
        listed = self.client.get(f"/konflik/?desa={SIBARGOT}")
        self.assertContains(listed, "Intan")
        page = self.client.get(self.url)
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, "Pakai data HP")
        response = self.client.post(self.url, {"choice": "phone"})
        self.assertEqual(response.status_code, 403)
        self.conflict.refresh_from_db()
        self.assertIsNone(self.conflict.resolved_at)
        self.login(self.tono)  # another kecamatan's officer
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_it_counts_the_open_conflicts_on_the_home_page(self) -> None:
        self.login(self.rahmat)
        self.assertContains(self.client.get("/"), "Konflik data (1)")
        self.login(self.budi)
        self.assertNotContains(self.client.get("/"), "Konflik data")
