"""Dana Desa (Formulir 4 table 5): entered by the Admin Desa, share computed."""

from __future__ import annotations

from unittest import mock

from django.urls import reverse

from tikar.scorecard.models import DanaDesa
from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR
from tikar.test import SIBARGOT, BaseTestCase

AMOUNTS = {
    "development_total": "400000000",
    "development_stunting": "50000000",
    "empowerment_total": "120000000",
    "empowerment_stunting": "40000000",
}


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class DanaDesaTests(BaseTestCase):
    def test_it_saves_the_admin_desas_figures_and_computes_the_share(self, _) -> None:
        self.login(self.rahmat)
        response = self.client.post(reverse("dana_desa", args=[YEAR]), AMOUNTS)
        self.assertRedirects(response, reverse("dana_desa", args=[YEAR]))
        dd = DanaDesa.objects.get(village=self.sibargot, year=YEAR)
        self.assertEqual(dd.history.get().history_user, self.rahmat)
        data = self.client.get(reverse("scorecard", args=[YEAR, QUARTER]) + "?format=json").json()
        t5 = data["table5_dana_desa"]
        self.assertEqual(t5["development"],
                         {"total": 400000000, "stunting": 50000000, "percent": "12.50"})  # fmt: skip
        self.assertEqual(t5["empowerment"]["percent"], "33.33")
        page = self.client.get(reverse("scorecard", args=[YEAR, QUARTER]))
        self.assertContains(page, "400.000.000")  # Indonesian thousands separator

    def test_it_refuses_more_for_stunting_than_the_total(self, _) -> None:
        self.login(self.rahmat)
        bad = AMOUNTS | {"empowerment_stunting": "130000000"}
        response = self.client.post(reverse("dana_desa", args=[YEAR]), bad)
        self.assertContains(response, "tidak boleh lebih besar dari total alokasi")
        self.assertFalse(DanaDesa.objects.exists())

    def test_it_lets_only_the_admin_desa_write(self, _) -> None:
        self.login(self.sari)
        self.assertEqual(self.client.post(reverse("dana_desa", args=[YEAR]), AMOUNTS).status_code,
                         403)  # fmt: skip
        self.login(self.dewi)
        url = reverse("dana_desa", args=[YEAR]) + f"?desa={SIBARGOT}"
        self.assertEqual(self.client.get(url).status_code, 200)
        self.assertEqual(self.client.post(url, AMOUNTS).status_code, 403)
        self.login(self.budi)
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertFalse(DanaDesa.objects.exists())
