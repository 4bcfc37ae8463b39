"""Resolving a month record's conflict on the page: the choice applies once, with its trail."""

from __future__ import annotations

from decimal import Decimal

from tikar.monitoring.models import ChildVisit, Conflict
from tikar.scorecard.models import QuarterLock
from tikar.sync.tests.conflicts_base import ConflictTestCase


class ResolveMonthTests(ConflictTestCase):
    def test_it_applies_the_phones_value_and_records_who_chose_it(self) -> None:
        self.login(self.sari)
        before = ChildVisit.objects.get(pk=self.visit.pk)
        response = self.client.post(
            self.url, {"choice": "phone", "seen_version": before.version}, follow=True
        )
        self.assertRedirects(response, "/konflik/")
        self.assertContains(response, "Konflik sudah diselesaikan: data HP dipakai.")
        visit = ChildVisit.objects.get(pk=self.visit.pk)
        self.assertEqual(visit.weight_kg, Decimal("7.6"))
        self.assertTrue(visit.home_visit)  # merged at sync time, kept
        self.assertEqual(visit.version, before.version + 1)
        self.assertGreater(visit.change_seq, before.change_seq)  # phones download it
        row = visit.history.order_by("-history_id").first()
        self.assertEqual(row.history_change_reason, f"conflict {self.conflict.pk}: phone's values")
        self.assertEqual(row.history_user, self.sari)
        conflict = Conflict.objects.get(pk=self.conflict.pk)
        self.assertEqual(conflict.resolved_by, self.sari)
        closing = conflict.history.order_by("-history_id").first()
        self.assertEqual((closing.resolved_by_id, closing.history_user), (self.sari.pk, self.sari))
        self.assertContains(self.client.get("/konflik/"), "data HP dipakai")

    def test_it_keeps_the_servers_value_in_a_new_version_the_phones_download(self) -> None:
        self.login(self.rahmat)
        version = self.visit_version()
        self.assertRedirects(self.resolve("server"), "/konflik/")
        visit = ChildVisit.objects.get(pk=self.visit.pk)
        # The value stays; the new version reaches the phone that sent the other value, which
        # shows "perlu diperiksa" until its copy's version moves.
        self.assertEqual((visit.weight_kg, visit.version), (Decimal("7.7"), version + 1))
        row = visit.history.order_by("-history_id").first()
        self.assertEqual(
            (row.history_change_reason, row.history_user),
            (f"conflict {self.conflict.pk}: server's values", self.rahmat),
        )
        conflict = Conflict.objects.get(pk=self.conflict.pk)
        self.assertEqual(conflict.resolved_by, self.rahmat)
        closing = conflict.history.order_by("-history_id").first()
        self.assertEqual(
            closing.history_change_reason, f"conflict {self.conflict.pk}: server's values"
        )
        page = self.client.get(self.url)
        self.assertContains(page, "data server dipertahankan")
        self.assertNotContains(page, "Pakai data HP")

    def test_it_changes_nothing_twice_and_says_so_on_a_second_resolve(self) -> None:
        self.login(self.sari)
        self.resolve("phone")
        version = self.visit_version()
        self.login(self.rahmat)  # a second person, with the page still open
        response = self.client.post(
            self.url, {"choice": "server", "seen_version": version - 1}, follow=True
        )
        self.assertRedirects(response, self.url)
        self.assertContains(response, "Sari sudah menyelesaikan konflik ini")
        self.assertEqual(self.visit_version(), version)
        self.assertEqual(Conflict.objects.get(pk=self.conflict.pk).resolved_by, self.sari)

    def test_it_answers_a_double_tap_like_the_first_tap(self) -> None:
        self.login(self.sari)
        self.assertRedirects(self.resolve("phone"), "/konflik/")
        version = self.visit_version()
        # The second tap (or the browser's resend) carries what the page showed: version 3.
        again = self.client.post(
            self.url, {"choice": "phone", "seen_version": version - 1}, follow=True
        )
        self.assertRedirects(again, "/konflik/")
        self.assertContains(again, "Konflik sudah diselesaikan")
        self.assertEqual(self.visit_version(), version)
        self.assertEqual(self.visit.history.count(), version)  # one row per version: once

    def test_it_refuses_to_overwrite_a_value_changed_while_choosing(self) -> None:
        self.login(self.sari)
        seen = self.visit_version()
        from tikar.monitoring.services import record_month

        record_month(self.child, self.conflict.month, {"weight_kg": "7.8"}, self.rahmat)
        response = self.client.post(
            self.url, {"choice": "phone", "seen_version": seen}, follow=True
        )
        self.assertRedirects(response, self.url)
        self.assertContains(response, "Data ini berubah selama Anda memilih")
        self.assertEqual(ChildVisit.objects.get(pk=self.visit.pk).weight_kg, Decimal("7.8"))
        self.assertIsNone(Conflict.objects.get(pk=self.conflict.pk).resolved_at)

    def test_it_says_in_words_that_a_validated_quarter_keeps_the_servers_data(self) -> None:
        QuarterLock.objects.create(
            village=self.sibargot, year=2026, quarter=2, locked_at="2026-05-20T10:00:00Z"
        )
        self.login(self.rahmat)
        page = self.client.get(self.url)
        self.assertContains(page, "Kuartal II 2026")
        response = self.resolve("phone")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Kuartal II 2026", status_code=200)
        self.assertEqual(ChildVisit.objects.get(pk=self.visit.pk).weight_kg, Decimal("7.7"))
        self.assertIsNone(Conflict.objects.get(pk=self.conflict.pk).resolved_at)
        self.assertRedirects(self.resolve("server"), "/konflik/")  # still closable

    def test_it_says_in_words_that_the_record_was_deleted(self) -> None:
        ChildVisit.objects.get(pk=self.visit.pk).soft_delete(self.rahmat)
        self.login(self.sari)
        page = self.client.get(self.url)
        self.assertContains(page, "Data ini sudah dihapus")
        response = self.client.post(self.url, {"choice": "phone"})
        self.assertContains(response, "Data ini sudah dihapus")
        self.assertIsNone(Conflict.objects.get(pk=self.conflict.pk).resolved_at)
        self.assertRedirects(self.client.post(self.url, {"choice": "server"}), "/konflik/")
