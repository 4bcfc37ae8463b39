"""A month of a validated quarter opens read-only, with the reason up front (not an editable
form that refuses at Simpan with a second message)."""

from __future__ import annotations

from datetime import date
from unittest import mock

from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month
from tikar.scorecard.locks import lock_quarter
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)
MARCH = date(2026, 3, 1)
URL = "/sasaran/{pk}/bulan/2026-3/"
REASON = "Kuartal I 2026 sudah divalidasi Admin Desa"


class LockedMonthScreenTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.dodi = child(self.sibargot, self.sari, name="Dodi")
        record_month(self.dodi, MARCH, {"home_visit": True}, self.sari)
        lock_quarter(self.sibargot, 2026, 1, self.rahmat)

    def test_it_opens_read_only_with_the_reason_before_any_tap(self) -> None:
        self.login(self.sari)
        page = self.client.get(URL.format(pk=self.dodi.pk))
        self.assertContains(page, REASON, count=1)
        self.assertNotContains(page, 'name="lanjut"')  # no Save buttons at all
        self.assertNotContains(page, '<button class="wide">Simpan</button>', html=False)
        self.assertTrue(all(f.disabled for f in page.context["form"].fields.values()))

    def test_it_changes_nothing_and_says_why_once_when_a_save_is_sent_anyway(self) -> None:
        self.login(self.sari)
        page = self.client.post(
            URL.format(pk=self.dodi.pk), {"home_visit": "0", "growth_mat": "tidak_diukur"}
        )
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, REASON, count=1)
        self.assertNotContains(page, "Beberapa jawaban perlu diperbaiki")
        self.assertTrue(ChildVisit.objects.get(child=self.dodi, month=MARCH).home_visit)

    def test_it_keeps_an_open_month_editable(self) -> None:
        self.login(self.sari)
        page = self.client.get(f"/sasaran/{self.dodi.pk}/bulan/2026-4/")
        self.assertNotContains(page, REASON)
        self.assertContains(page, 'name="lanjut"')

    def test_it_answers_budi_404(self) -> None:
        self.login(self.budi)
        self.assertEqual(self.client.get(URL.format(pk=self.dodi.pk)).status_code, 404)
