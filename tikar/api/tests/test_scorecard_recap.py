"""GET /api/scorecards/<desa>/<year>/<quarter>/recap/: Formulir 3a / 3b, one row per target."""

from __future__ import annotations

from unittest import mock

from django.urls import reverse

from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR, build_bandar_kumbul, build_sibargot
from tikar.test import BANDAR_KUMBUL, SIBARGOT, BaseTestCase


def url(code: str) -> str:
    return reverse("api_scorecard_recap", args=[code, YEAR, QUARTER])


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class ScorecardRecapTests(BaseTestCase):
    def test_it_lists_every_target_with_its_y_t_ts_and_percentage(self, _) -> None:
        t = build_sibargot(self)
        self.login(self.sari)
        response = self.client.get(url(SIBARGOT))
        self.assertEqual(response.status_code, 200)
        data = response.json()
        self.assertEqual(data["header"]["village"]["code"], SIBARGOT)
        self.assertEqual(data["ruleset"], "anc4-pnc3")

        pregnancy = data["groups"]["pregnancy"]
        self.assertEqual(pregnancy["form"], "3a")
        self.assertEqual(len(pregnancy["indicators"]), 8)
        (ani,) = pregnancy["rows"]
        self.assertEqual(ani["target_id"], str(t["ani"].pk))
        self.assertEqual((ani["name"], ani["detail"]), ("Ani", "KIA-ANI"))
        self.assertEqual(ani["stage"], "tm2")
        self.assertEqual(ani["cells"], ["Y", "Y", "TS", "Y", "TS", "Y", "Y", "T"])
        self.assertEqual((ani["received"], ani["expected"], ani["percent"]), (5, 6, "83.33"))

        child = data["groups"]["child"]
        self.assertEqual(child["form"], "3b")
        bayu, citra = child["rows"]  # sorted by name
        self.assertEqual(bayu["name"], "Bayu")
        self.assertEqual(bayu["cells"], ["Y"] * 4 + ["TS"] + ["Y"] * 4 + ["T"])
        self.assertEqual((bayu["received"], bayu["expected"], bayu["percent"]), (8, 9, "88.89"))
        self.assertEqual((citra["received"], citra["expected"], citra["percent"]), (0, 9, "0.00"))
        # The totals per indicator are table 3 of the scorecard.
        weighed = child["lines"][0]
        self.assertEqual((weighed["received"], weighed["denominator"]), (1, 2))
        self.assertEqual(data["groups"]["paud"]["rows"], [])

    def test_it_hides_a_neighbouring_desa_from_a_kpm_behind_a_404(self, _) -> None:
        build_sibargot(self)
        build_bandar_kumbul(self)
        self.login(self.budi)
        self.assertEqual(self.client.get(url(SIBARGOT)).status_code, 404)
        rows = self.client.get(url(BANDAR_KUMBUL)).json()["groups"]["pregnancy"]["rows"]
        self.assertEqual([r["name"] for r in rows], ["Rosa"])

    def test_it_lets_the_kecamatan_officer_read_both_desa_of_her_kecamatan(self, _) -> None:
        build_sibargot(self)
        build_bandar_kumbul(self)
        self.login(self.dewi)
        for code, names in ((SIBARGOT, ["Ani"]), (BANDAR_KUMBUL, ["Rosa"])):
            rows = self.client.get(url(code)).json()["groups"]["pregnancy"]["rows"]
            self.assertEqual([r["name"] for r in rows], names)
        self.login(self.tono)
        self.assertEqual(self.client.get(url(SIBARGOT)).status_code, 404)
