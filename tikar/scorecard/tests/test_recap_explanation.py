"""Every Y / T / TS of Formulir 3a / 3b links to the months and the rule that produced it."""

from __future__ import annotations

from unittest import mock

from django.urls import reverse

from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR, build_sibargot
from tikar.test import BaseTestCase


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class RecapExplanationTests(BaseTestCase):
    def test_it_links_every_cell_to_its_explanation(self, _) -> None:
        t = build_sibargot(self)
        self.login(self.sari)
        page = self.client.get(reverse("recap", args=[YEAR, QUARTER])).content.decode()
        explain = reverse("recap_target", args=[YEAR, QUARTER, "pregnancy", t["ani"].pk])
        for n in range(1, 9):
            self.assertIn(f'href="{explain}#i{n}"', page)
        child = reverse("recap_target", args=[YEAR, QUARTER, "child", t["citra"].pk])
        self.assertIn(f'href="{child}#i10"', page)

    def test_it_explains_a_cell_with_its_months_and_rule(self, _) -> None:
        t = build_sibargot(self)
        self.login(self.sari)
        url = reverse("recap_target", args=[YEAR, QUARTER, "child", t["citra"].pk])
        page = self.client.get(url)
        # Citra was recorded in January only: weighing needs every cohort month.
        self.assertContains(page, "ditimbang di 0 dari 3 bulan sebagai sasaran 0–23 bulan")
        self.assertContains(page, "tanpa catatan: Feb 2026, Mar 2026")
        self.assertContains(page, "setiap bulan kuartal selama anak berumur 0–23 bulan")
        self.assertContains(page, 'id="i2"')

    def test_it_explains_the_trimester_rule_of_a_pregnancy(self, _) -> None:
        t = build_sibargot(self)
        self.login(self.rahmat)
        url = reverse("recap_target", args=[YEAR, QUARTER, "pregnancy", t["ani"].pk])
        page = self.client.get(url)
        self.assertContains(page, "Trimester 2")
        self.assertContains(page, "paling sedikit 1 bulan")
        self.assertContains(page, "Januari 2026")  # the months read, linked to the records
