"""GET /api/scorecards/<desa>/<year>/<quarter>/ is the desa's Formulir 4, scoped to the user."""

from __future__ import annotations

import json
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.urls import reverse

from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR, build_bandar_kumbul, build_sibargot
from tikar.test import BANDAR_KUMBUL, SIBARGOT, BaseTestCase


def url(code: str, year: int = YEAR, quarter: int = QUARTER) -> str:
    return reverse("api_scorecard", args=[code, year, quarter])


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class ScorecardJsonTests(BaseTestCase):
    def test_it_returns_exactly_what_the_scorecard_command_prints(self, _) -> None:
        build_sibargot(self)
        self.login(self.rahmat)
        response = self.client.get(url(SIBARGOT))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        out = StringIO()
        call_command("scorecard", "--village", SIBARGOT, "--year", str(YEAR),
                     "--quarter", str(QUARTER), "--format", "json", stdout=out)  # fmt: skip
        self.assertEqual(response.content.decode(), out.getvalue())
        data = json.loads(response.content)
        self.assertEqual(data["table4_convergence"]["total"],
                         {"received": 13, "expected": 24, "percent": "54.17"})  # fmt: skip

    def test_it_hides_a_neighbouring_desa_from_a_kpm_behind_a_404(self, _) -> None:
        build_sibargot(self)
        self.login(self.budi)
        self.assertEqual(self.client.get(url(SIBARGOT)).status_code, 404)
        self.assertEqual(self.client.get(url(BANDAR_KUMBUL)).status_code, 200)

    def test_it_lets_the_kecamatan_officer_read_both_desa_of_her_kecamatan(self, _) -> None:
        build_sibargot(self)
        build_bandar_kumbul(self)
        self.login(self.dewi)
        sibargot = self.client.get(url(SIBARGOT)).json()
        bandar_kumbul = self.client.get(url(BANDAR_KUMBUL)).json()
        self.assertEqual(sibargot["table1_targets"]["pregnancies"], 1)
        self.assertEqual(sibargot["table1_targets"]["children"], 2)
        self.assertEqual(bandar_kumbul["table1_targets"]["pregnancies"], 1)
        self.assertEqual(bandar_kumbul["table1_targets"]["children"], 0)
        # The officer of the next kecamatan sees neither.
        self.login(self.tono)
        self.assertEqual(self.client.get(url(SIBARGOT)).status_code, 404)

    def test_it_answers_404_for_an_unknown_desa_or_a_quarter_not_started(self, _) -> None:
        self.login(self.agus)
        self.assertEqual(self.client.get(url("99.99.99.9999")).status_code, 404)
        self.assertEqual(self.client.get(url("12.10.07")).status_code, 404)  # a kecamatan
        self.assertEqual(self.client.get(url(SIBARGOT, 2026, 3)).status_code, 404)  # future
        self.assertEqual(self.client.get(url(SIBARGOT, 2026, 5)).status_code, 404)
        self.assertEqual(self.client.get(url(SIBARGOT)).status_code, 200)

    def test_it_refuses_an_anonymous_request(self, _) -> None:
        self.assertIn(self.client.get(url(SIBARGOT)).status_code, (401, 403))
