"""The target page, verification by the Admin Desa and deleting a target."""

from __future__ import annotations

from datetime import date
from unittest import mock

from tikar.households.models import Child, Pregnancy
from tikar.households.tests.factories import child, pregnancy
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)


class TargetPageTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.p = pregnancy(self.sibargot, self.sari)
        self.c = child(self.sibargot, self.sari, mother_=self.p.mother)

    def url(self, t) -> str:
        return f"/sasaran/{t.pk}/"

    def test_it_shows_the_facts_history_and_charts_of_a_child(self) -> None:
        record_month(
            self.c,
            date(2026, 3, 1),
            {
                "visit_date": date(2026, 3, 9),
                "weight_kg": "7.0",
                "length_cm": "70.0",
                "measured_lying": True,
            },
            self.sari,
        )
        record_month(self.c, date(2026, 5, 1), {"home_visit": True}, self.sari)
        self.login(self.sari)
        page = self.client.get(self.url(self.c))
        self.assertContains(page, "Budi Kecil")
        self.assertContains(page, "Riwayat per bulan")
        self.assertContains(page, "Stunting")
        # May has no measurement: March's status carries forward and says how old it is.
        self.assertContains(page, "dari pengukuran Maret 2026 (2 bulan lalu)")
        self.assertContains(page, f"/sasaran/{self.c.pk}/grafik/lhfa.svg")

    def test_it_serves_the_growth_chart_with_indonesian_labels(self) -> None:
        record_month(
            self.c,
            date(2026, 5, 1),
            {
                "visit_date": date(2026, 5, 9),
                "weight_kg": "9.0",
                "length_cm": "76.0",
                "measured_lying": True,
            },
            self.sari,
        )
        self.login(self.sari)
        svg = self.client.get(f"/sasaran/{self.c.pk}/grafik/wfa.svg")
        self.assertEqual(svg["Content-Type"], "image/svg+xml; charset=utf-8")
        self.assertContains(svg, "Berat badan menurut umur (BB/U)")
        self.assertContains(svg, 'class="point')
        self.assertEqual(self.client.get(f"/sasaran/{self.c.pk}/grafik/xyz.svg").status_code, 404)

    def test_it_gives_budi_a_404_for_saris_target_and_chart(self) -> None:
        self.login(self.budi)
        self.assertEqual(self.client.get(self.url(self.c)).status_code, 404)
        self.assertEqual(self.client.get(self.url(self.p)).status_code, 404)
        self.assertEqual(self.client.get(f"/sasaran/{self.c.pk}/grafik/wfa.svg").status_code, 404)
        self.assertEqual(self.client.post(f"/sasaran/{self.c.pk}/hapus/").status_code, 404)
        self.assertIsNone(Child.objects.get().deleted_at)

    def test_it_lets_an_officer_read_without_buttons_to_change(self) -> None:
        self.login(self.hendra)
        page = self.client.get(self.url(self.p))
        self.assertContains(page, "Siti Aminah")
        self.assertNotContains(page, "Hapus data ini")
        self.assertEqual(self.client.post(f"/sasaran/{self.p.pk}/hapus/").status_code, 403)

    def test_it_lets_the_kpm_delete_before_verification(self) -> None:
        self.login(self.sari)
        self.assertContains(self.client.get(self.url(self.c)), "Hapus data ini")
        self.client.post(f"/sasaran/{self.c.pk}/hapus/")
        self.assertIsNotNone(Child.objects.get().deleted_at)
        self.assertEqual(self.client.get(self.url(self.c)).status_code, 404)

    def test_it_refuses_the_kpm_a_delete_after_verification_with_a_message(self) -> None:
        self.p.verify(self.rahmat)
        self.login(self.sari)
        self.assertNotContains(self.client.get(self.url(self.p)), "Hapus data ini")
        response = self.client.post(f"/sasaran/{self.p.pk}/hapus/", follow=True)
        self.assertContains(response, "sudah diverifikasi Admin Desa")
        self.assertIsNone(Pregnancy.objects.get().deleted_at)

    def test_it_marks_changes_made_after_verification_in_the_history(self) -> None:
        self.p.verify(self.rahmat)
        self.login(self.sari)
        self.client.post(
            f"/sasaran/{self.p.pk}/bulan/2026-5/",
            {"risk_status": "risti", "postnatal_checks": "0", "health_insurance": "1"},
        )
        page = self.client.get(self.url(self.p))
        self.assertContains(page, "setelah verifikasi")

    def test_it_offers_to_register_the_newborn_after_a_delivery(self) -> None:
        p = pregnancy(self.sibargot, self.sari, kia_number="KIA-2", delivery_date=date(2026, 5, 2))
        self.login(self.sari)
        self.assertContains(self.client.get(self.url(p)), f"?pregnancy={p.pk}")


class VerifyTests(BaseTestCase):
    def setUp(self) -> None:
        self.p = pregnancy(self.sibargot, self.sari)

    def test_it_lists_unverified_targets_and_verifies_one(self) -> None:
        self.login(self.rahmat)
        page = self.client.get("/verifikasi/")
        self.assertContains(page, "Siti Aminah")
        self.assertContains(page, "Pak Amir")
        self.client.post("/verifikasi/", {"target": self.p.pk})
        self.p.refresh_from_db()
        self.assertEqual(self.p.verified_by, self.rahmat)
        self.assertIsNotNone(self.p.verified_at)
        left = [r["target"] for r in self.client.get("/verifikasi/").context["rows"]]
        self.assertNotIn(self.p, left)
        self.assertEqual(len(left), 1)  # the household is still to verify

    def test_it_is_for_the_admin_desa_only(self) -> None:
        self.login(self.sari)
        self.assertEqual(self.client.get("/verifikasi/").status_code, 403)
        self.login(self.dewi)
        self.assertEqual(self.client.get("/verifikasi/").status_code, 403)

    def test_it_gives_the_neighbouring_admin_a_404(self) -> None:
        self.login(self.yusuf)
        self.assertEqual(self.client.get("/verifikasi/").context["rows"], [])
        self.assertEqual(self.client.post("/verifikasi/", {"target": self.p.pk}).status_code, 404)
        self.p.refresh_from_db()
        self.assertIsNone(self.p.verified_at)
