"""Table 4's total is the pooled ratio, through the whole stack (records → rows → page)."""

from __future__ import annotations

import re
from unittest import mock

from django.urls import reverse

from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR, build_sibargot
from tikar.test import BaseTestCase


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class PooledTotalTests(BaseTestCase):
    def test_it_shows_the_pooled_total_not_the_mean_of_the_two_groups(self, _) -> None:
        # By hand (desa.py): ibu 5 / 6 = 83.33 %, anak 8 / 18 = 44.44 %;
        # total (5 + 8) / (6 + 18) = 13 / 24 = 54.17 %; the mean (83.33 + 44.44) / 2 = 63.89.
        build_sibargot(self)
        self.login(self.sari)
        page = self.client.get(reverse("scorecard", args=[YEAR, QUARTER]))
        html = page.content.decode()
        table4 = html[html.index("4. Tingkat konvergensi desa") :]
        table4 = table4[: table4.index("</table>")]
        cells = re.findall(r'<td class="num"[^>]*>([^<]*)</td>', table4)
        # Shown the Indonesian way, with a decimal comma.
        self.assertEqual(cells, ["5", "6", "83,33", "8", "18", "44,44", "13", "24", "54,17"])
        self.assertNotIn("63,89", html)
        self.assertNotIn("63,88", html)

    def test_it_shows_each_targets_share_on_the_recap(self, _) -> None:
        build_sibargot(self)
        self.login(self.sari)
        page = self.client.get(reverse("recap", args=[YEAR, QUARTER]))
        self.assertContains(page, "Formulir 3a: ibu hamil")
        self.assertContains(page, "83,33")  # Ani: 5 of 6
        self.assertContains(page, "88,89")  # Bayu: 8 of 9
        self.assertContains(page, "0,00")  # Citra: 0 of 9
