"""Who may open which desa's recap and scorecard: another desa is a 404."""

from __future__ import annotations

from unittest import mock

from django.urls import reverse

from tikar.scorecard.tests.desa import (
    QUARTER,
    TODAY,
    YEAR,
    build_bandar_kumbul,
    build_sibargot,
)
from tikar.test import BANDAR_KUMBUL, SIBARGOT, BaseTestCase

PAGES = ("recap", "scorecard")


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class ScorecardScopingTests(BaseTestCase):
    def setUp(self) -> None:
        self.targets = build_sibargot(self) | build_bandar_kumbul(self)

    def get(self, user, name: str, desa: str | None = None, fmt: str = ""):
        self.login(user)
        url = reverse(name, args=[YEAR, QUARTER])
        params = [f"desa={desa}"] if desa else []
        params += [f"format={fmt}"] if fmt else []
        return self.client.get(url + ("?" + "&".join(params) if params else ""))

    def test_it_gives_budi_404_on_saris_desa(self, _) -> None:
        for name in PAGES:
            for fmt in ("", "json", "xlsx"):
                self.assertEqual(self.get(self.budi, name, SIBARGOT, fmt).status_code, 404)
        ani = self.targets["ani"]
        explain = reverse("recap_target", args=[YEAR, QUARTER, "pregnancy", ani.pk])
        self.login(self.budi)
        self.assertEqual(self.client.get(explain).status_code, 404)

    def test_it_shows_budi_his_own_desa_only(self, _) -> None:
        page = self.get(self.budi, "recap")
        self.assertContains(page, "Rosa")
        self.assertNotContains(page, "Ani")

    def test_it_gives_an_officer_of_the_next_kecamatan_404(self, _) -> None:
        for name in PAGES:
            self.assertEqual(self.get(self.tono, name, SIBARGOT).status_code, 404)
            self.assertEqual(self.get(self.tono, name).status_code, 404)  # no desa named

    def test_it_lets_the_kecamatan_officer_read_both_desa(self, _) -> None:
        sib = self.get(self.dewi, "scorecard", SIBARGOT, "json").json()
        bk = self.get(self.dewi, "scorecard", BANDAR_KUMBUL, "json").json()
        self.assertEqual(sib["table1_targets"]["pregnancies"], 1)
        self.assertEqual(bk["table1_targets"]["pregnancies"], 1)
        self.assertEqual(bk["table1_targets"]["children"], 0)
        recap = self.get(self.dewi, "recap", SIBARGOT)
        self.assertContains(recap, "Ani")
        self.assertContains(recap, f"?desa={SIBARGOT}")  # links keep the desa
        explain = reverse("recap_target", args=[YEAR, QUARTER, "pregnancy", self.targets["ani"].pk])
        self.assertEqual(self.client.get(explain + f"?desa={SIBARGOT}").status_code, 200)
        self.assertEqual(self.client.get(explain + f"?desa={BANDAR_KUMBUL}").status_code, 404)

    def test_it_refuses_a_quarter_that_has_not_started(self, _) -> None:
        self.login(self.sari)
        self.assertEqual(self.client.get(reverse("scorecard", args=[2026, 3])).status_code, 404)
        self.assertEqual(self.client.get(reverse("scorecard", args=[2026, 5])).status_code, 404)
