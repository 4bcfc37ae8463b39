"""One age for a child on one day on every page, and the gestation month that was typed (not
silently an estimate) proposed on the entry page (issue 8 §4)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from unittest import mock

from django.urls import reverse

from tikar.households.models import Pregnancy
from tikar.households.tests.factories import child, mother, pregnancy
from tikar.test import BaseTestCase

TODAY = date(2026, 2, 10)
BIRTH = date(2025, 11, 5)  # 3 complete months on 5 February; 2 on the 1st


def month_url(target, year=2026, month=2) -> str:
    return f"/sasaran/{target.pk}/bulan/{year}-{month}/"


class OneAgeTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.fajar = child(self.sibargot, self.sari, birth_date=BIRTH, name="Fajar",
                           mother_=mother(self.sibargot, self.sari, nik=None))  # fmt: skip
        self.login(self.sari)

    def test_it_shows_the_same_age_on_the_target_page_and_the_entry_page(self) -> None:
        expected = f"umur 3 bulan ({(TODAY - BIRTH).days} hari)"
        target = self.client.get(reverse("target", kwargs={"pk": self.fajar.pk}))
        entry = self.client.get(month_url(self.fajar))
        self.assertContains(target, expected)
        self.assertContains(entry, expected)
        preview = self.client.post(
            f"/sasaran/{self.fajar.pk}/zskor/",
            {"visit_date": TODAY.isoformat(), "weight_kg": "6.0", "length_cm": "61.0",
             "measured_lying": "1", "month": "2026-02"},
        )  # fmt: skip
        self.assertContains(preview, expected)

    def test_it_proposes_the_typed_gestation_month_advanced_by_the_months_since(self) -> None:
        # Typed 3 at registration in January; the HPL alone would say 5 in February.
        lina = pregnancy(self.sibargot, self.sari, gestation_month=3, due_date=date(2026, 6, 1),
                         mother_=mother(self.sibargot, self.sari, name="Lina", nik=None))  # fmt: skip
        Pregnancy.objects.filter(pk=lina.pk).update(created_at=datetime(2026, 1, 15, tzinfo=UTC))
        page = self.client.get(month_url(lina))
        self.assertEqual(page.context["form"].initial["gestation_month"], 4)
        self.assertContains(page, "Dari bulan kehamilan yang diisi (3 bulan pada Januari 2026)")
        self.assertNotContains(page, "Perkiraan dari HPL")

    def test_it_says_when_the_gestation_month_is_an_estimate(self) -> None:
        mira = pregnancy(self.sibargot, self.sari, gestation_month=None, due_date=date(2026, 6, 1),
                         mother_=mother(self.sibargot, self.sari, name="Mira", nik=None))  # fmt: skip
        page = self.client.get(month_url(mira))
        self.assertEqual(page.context["form"].initial["gestation_month"], 5)
        self.assertContains(page, "Perkiraan dari HPL 1 Juni 2026")

    def test_it_keeps_another_desa_out(self) -> None:
        self.login(self.budi)
        self.assertEqual(self.client.get(month_url(self.fajar)).status_code, 404)
