"""/kode-kegiatan-desa/: the national list for all; a kabupaten officer manages its own codes."""

from __future__ import annotations

from django.urls import reverse

from tikar.accounts.models import Role
from tikar.meetings.models import LocalActivityCode
from tikar.test import BaseTestCase, make_user

URL = reverse("activity_codes")


class ActivityCodeTests(BaseTestCase):
    def test_it_shows_the_national_list_to_everyone(self):
        for user in (self.sari, self.dewi, self.hendra, self.agus):
            self.login(user)
            r = self.client.get(URL)
            self.assertEqual(r.status_code, 200)
            self.assertContains(r, "2.2.02")
            self.assertContains(r, "Penyelenggaraan Posyandu")

    def test_it_lets_a_kabupaten_officer_add_and_remove_its_own_codes(self):
        self.login(self.hendra)
        r = self.client.post(URL, {"code": "2.2.90", "name": "Rumah Desa Sehat", "package": "2"})
        self.assertEqual(r.status_code, 302)
        row = LocalActivityCode.objects.get(regency_id="12.10", code="2.2.90")
        self.assertEqual((row.name, row.created_by), ("Rumah Desa Sehat", self.hendra))
        again = self.client.post(URL, {"code": "2.2.90", "name": "Lagi"})
        self.assertContains(again, "sudah memiliki kode ini", status_code=400)
        self.login(self.sari)  # a village of the kabupaten reads it
        self.assertContains(self.client.get(URL), "Rumah Desa Sehat")
        self.login(self.hendra)
        self.client.post(URL, {"delete": str(row.pk)})
        self.assertFalse(LocalActivityCode.objects.filter(pk=row.pk).exists())

    def test_it_refuses_malformed_and_non_local_codes(self):
        self.login(self.hendra)
        for code, message in (("2.2.02", "90 sampai 99"), ("2.2", "bidang.sub-bidang"),
                              ("9.1.90", "bidang.sub-bidang"), ("3.3.95", "tidak ada dalam"),
                              ("x" * 500, "paling banyak 12")):  # fmt: skip
            r = self.client.post(URL, {"code": code, "name": "A"})
            self.assertContains(r, message, status_code=400)
        self.assertFalse(LocalActivityCode.objects.exists())

    def test_it_refuses_writes_from_everyone_else_and_another_kabupaten(self):
        other = make_user("rina", Role.REGENCY_OFFICER, "12.12")
        row = LocalActivityCode.objects.create(regency_id="12.10", code="2.2.91", name="A")
        for user in (self.sari, self.rahmat, self.dewi, self.agus):
            self.login(user)
            r = self.client.post(URL, {"code": "2.2.92", "name": "B"})
            self.assertEqual(r.status_code, 403)
        self.login(other)
        self.client.post(URL, {"delete": str(row.pk)})
        self.assertTrue(LocalActivityCode.objects.filter(pk=row.pk).exists())
        self.assertNotContains(self.client.get(URL), "2.2.91")
        self.assertEqual(self.client.post(URL, {"delete": "x" * 100}).status_code, 302)
