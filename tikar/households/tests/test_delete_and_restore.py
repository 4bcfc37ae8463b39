"""Deleting a target asks first, says what goes with it, and can be undone."""

from __future__ import annotations

import io
from datetime import date
from unittest import mock

import openpyxl
from django.test import Client
from django.urls import reverse

from tikar.households.models import Child, Pregnancy
from tikar.households.tests.factories import child, pregnancy
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase
from tikar.workbooks.exporter import build_export

TODAY = date(2026, 5, 20)
MARCH = date(2026, 3, 1)


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class DeleteAndRestoreTests(BaseTestCase):
    def setUp(self) -> None:
        self.c = child(self.sibargot, self.sari, birth_date=date(2025, 1, 10))
        with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
            record_month(
                self.c,
                MARCH,
                {
                    "visit_date": date(2026, 3, 9),
                    "weight_kg": "7.5",
                    "length_cm": "70.0",
                    "measured_lying": True,
                },
                self.sari,
            )

    def delete_url(self, t) -> str:
        return reverse("target_delete", args=[t.pk])

    def children_in_scorecard(self) -> int:
        url = reverse("scorecard", args=[2026, 1]) + "?format=json"
        return self.client.get(url).json()["table1_targets"]["children"]

    def test_it_asks_before_deleting_and_says_what_goes_with_it(self, _) -> None:
        self.login(self.sari)
        page = self.client.get(self.delete_url(self.c))
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "Hapus Budi Kecil?")
        self.assertContains(page, "Maret 2026")  # its monthly record
        self.assertContains(page, "Data terhapus")  # where it can come back from
        self.assertIsNone(Child.objects.get().deleted_at)  # a GET deletes nothing

    def test_it_deletes_on_confirmation_and_the_undo_brings_it_back(self, _) -> None:
        self.login(self.sari)
        self.assertEqual(self.children_in_scorecard(), 1)
        done = self.client.post(self.delete_url(self.c), follow=True)
        self.assertContains(done, "Budi Kecil sudah dihapus.")
        self.assertContains(done, "Batalkan")
        deleted = Child.objects.get()
        self.assertIsNotNone(deleted.deleted_at)
        self.assertEqual(self.children_in_scorecard(), 0)  # the quarter was marked dirty

        restored = self.client.post(reverse("target_restore", args=[self.c.pk]), follow=True)
        self.assertContains(restored, "Budi Kecil dipulihkan.")
        back = Child.objects.get()
        self.assertIsNone(back.deleted_at)
        self.assertGreater(back.version, deleted.version)
        self.assertGreater(back.change_seq, deleted.change_seq)  # phones get the restore
        self.assertEqual(back.history.count(), 3)  # registered, deleted, restored
        self.assertEqual(back.visits.alive().count(), 1)  # its record came back with it
        self.assertEqual(self.children_in_scorecard(), 1)

    def test_it_lists_the_recently_deleted_targets_of_the_desa(self, _) -> None:
        self.c.soft_delete(self.sari)
        self.login(self.sari)
        page = self.client.get(reverse("deleted_list"))
        self.assertContains(page, "Budi Kecil")
        self.assertContains(page, reverse("target_restore", args=[self.c.pk]))
        self.login(self.rahmat)
        self.assertContains(self.client.get(reverse("deleted_list")), "Budi Kecil")
        self.login(self.budi)
        self.assertNotContains(self.client.get(reverse("deleted_list")), "Budi Kecil")

    def test_it_lets_only_the_admin_desa_restore_a_verified_target(self, _) -> None:
        self.c.verify(self.rahmat)
        self.c.soft_delete(self.rahmat)
        self.login(self.sari)
        self.assertNotContains(self.client.get(reverse("deleted_list")), "Budi Kecil")
        refused = self.client.post(reverse("target_restore", args=[self.c.pk]), follow=True)
        self.assertContains(refused, "hanya Admin Desa")
        self.assertIsNotNone(Child.objects.get().deleted_at)
        self.login(self.rahmat)
        self.client.post(reverse("target_restore", args=[self.c.pk]))
        self.assertIsNone(Child.objects.get().deleted_at)

    def test_it_gives_budi_a_404_and_an_officer_a_403(self, _) -> None:
        self.login(self.budi)
        self.assertEqual(self.client.get(self.delete_url(self.c)).status_code, 404)
        self.c.soft_delete(self.sari)
        self.assertEqual(
            self.client.post(reverse("target_restore", args=[self.c.pk])).status_code, 404
        )
        self.login(self.dewi)
        self.assertEqual(
            self.client.post(reverse("target_restore", args=[self.c.pk])).status_code, 403
        )
        self.assertIsNotNone(Child.objects.get().deleted_at)

    def test_it_needs_the_csrf_token_to_delete_or_restore(self, _) -> None:
        strict = Client(enforce_csrf_checks=True)
        strict.force_login(self.sari)
        self.assertEqual(strict.post(self.delete_url(self.c)).status_code, 403)
        self.assertIsNone(Child.objects.get().deleted_at)
        self.c.soft_delete(self.sari)
        self.assertEqual(strict.post(reverse("target_restore", args=[self.c.pk])).status_code, 403)

    def test_it_says_why_a_restore_cannot_be_done(self, _) -> None:
        p = pregnancy(self.sibargot, self.sari, kia_number="KIA-9")
        p.soft_delete(self.sari)
        pregnancy(self.sibargot, self.sari, kia_number="KIA-9")  # the number, given again
        self.login(self.sari)
        refused = self.client.post(reverse("target_restore", args=[p.pk]), follow=True)
        self.assertContains(refused, "KIA-9")
        self.assertIsNotNone(Pregnancy.objects.get(pk=p.pk).deleted_at)

    def test_it_takes_a_deleted_targets_records_out_of_the_monthly_export(self, _) -> None:
        def names_in_export() -> str:
            data = build_export(self.sibargot, "2b", MARCH)
            sheet = openpyxl.load_workbook(io.BytesIO(data)).active
            return " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row)

        self.assertIn("Budi Kecil", names_in_export())
        self.c.soft_delete(self.sari)
        self.assertNotIn("Budi Kecil", names_in_export())

    def test_it_answers_a_double_tap_like_the_first_tap(self, _) -> None:
        self.login(self.sari)
        self.client.post(self.delete_url(self.c))
        again = self.client.post(self.delete_url(self.c), follow=True)
        self.assertEqual(again.status_code, 200)
        self.assertContains(again, "Batalkan")
        restore = reverse("target_restore", args=[self.c.pk])
        self.client.post(restore)
        again = self.client.post(restore)
        self.assertRedirects(again, reverse("target", args=[self.c.pk]))
        self.assertEqual(Child.objects.get().history.count(), 3)  # one delete, one restore
