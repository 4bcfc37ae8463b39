"""Rupiah fields (Dana Desa) show thousands grouped with "." and accept "1.250.000"."""

from __future__ import annotations

from decimal import Decimal
from unittest import mock

from django.urls import reverse

from tikar.scorecard.models import DanaDesa
from tikar.scorecard.tests.desa import TODAY, YEAR
from tikar.test import BaseTestCase

GROUPED = {
    "development_total": "1.250.000",
    "development_stunting": "Rp 250.000",
    "empowerment_total": "120000000",
    "empowerment_stunting": "40.000.000,00",
}


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class RupiahGroupingTests(BaseTestCase):
    def test_it_accepts_grouped_amounts_and_shows_them_grouped(self, _) -> None:
        self.login(self.rahmat)
        url = reverse("dana_desa", args=[YEAR])
        self.assertRedirects(self.client.post(url, GROUPED), url)
        dd = DanaDesa.objects.get(village=self.sibargot, year=YEAR)
        self.assertEqual(
            [dd.development_total, dd.development_stunting, dd.empowerment_stunting],
            [Decimal(1250000), Decimal(250000), Decimal(40000000)],
        )
        page = self.client.get(url)
        self.assertContains(page, 'value="1.250.000"')
        self.assertContains(page, 'value="120.000.000"')
        self.assertContains(page, "data-rupiah")  # grouped while typing (static/js/rupiah.js)

    def test_it_refuses_an_amount_with_cents_instead_of_misreading_it(self, _) -> None:
        self.login(self.rahmat)
        url = reverse("dana_desa", args=[YEAR])
        page = self.client.post(url, GROUPED | {"development_total": "1250000.50"})
        self.assertEqual(page.status_code, 200)
        self.assertFalse(DanaDesa.objects.exists())
        self.assertTrue(page.context["form"].errors["development_total"])

    def test_it_gives_another_desas_admin_no_write(self, _) -> None:
        self.login(self.yusuf)
        r = self.client.post(reverse("dana_desa", args=[YEAR]) + "?desa=12.10.07.2001", GROUPED)
        self.assertIn(r.status_code, (403, 404))
        self.assertFalse(DanaDesa.objects.exists())
