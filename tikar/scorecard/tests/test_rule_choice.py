"""The kabupaten officer's choice of antenatal / postnatal standard reaches the stored rows."""

from __future__ import annotations

from unittest import mock

from django.urls import reverse

from tikar.households.tests.factories import mother, pregnancy
from tikar.monitoring.services import record_month
from tikar.scorecard.models import QuarterResult, RuleChoice
from tikar.scorecard.refresh import refresh_village_quarter
from tikar.scorecard.tests.desa import FEB, JAN, QUARTER, TODAY, YEAR, build_sibargot
from tikar.test import BaseTestCase


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class RuleChoiceTests(BaseTestCase):
    def test_it_recomputes_the_kabupatens_quarters_with_the_six_visit_standard(self, _) -> None:
        build_sibargot(self)
        # Dina, trimester 1 (gestation months 1-2), a check in January only: 1 month is enough
        # for the 4-visit standard (1/1/2), not for the 6-visit one (2/1/3).
        dina = pregnancy(self.sibargot, self.sari, kia_number="KIA-DINA",
                         mother_=mother(self.sibargot, self.sari, name="Dina", nik=None))  # fmt: skip
        record_month(dina, JAN, {"gestation_month": 1, "anc_check": True}, self.sari)
        record_month(dina, FEB, {"gestation_month": 2}, self.sari)
        refresh_village_quarter(self.sibargot, YEAR, QUARTER)
        row = QuarterResult.objects.get(target_id=dina.pk, year=YEAR, quarter=QUARTER)
        self.assertEqual((row.stage, row.values[0], row.ruleset_name), ("tm1", "Y", "anc4-pnc3"))
        self.login(self.hendra)
        response = self.client.post(
            reverse("rule_choice", args=[YEAR]), {"anc_standard": "6", "pnc_standard": "4"}
        )
        self.assertRedirects(response, reverse("rule_choice", args=[YEAR]))
        choice = RuleChoice.objects.get(regency_id="12.10", year=YEAR)
        self.assertEqual(choice.ruleset_name, "anc6-pnc4")

        self.login(self.sari)
        data = self.client.get(reverse("scorecard", args=[YEAR, QUARTER]) + "?format=json").json()
        self.assertEqual(data["ruleset"], "anc6-pnc4")
        row = QuarterResult.objects.get(target_id=dina.pk, year=YEAR, quarter=QUARTER)
        self.assertEqual((row.values[0], row.ruleset_name), ("T", "anc6-pnc4"))
        self.assertEqual(data["table3_indicators"]["pregnancy"][0]["received"], 1)  # Ani only

    def test_it_is_only_for_the_kabupaten_officer(self, _) -> None:
        for user in (self.sari, self.rahmat, self.dewi):
            self.login(user)
            self.assertEqual(self.client.get(reverse("rule_choice", args=[YEAR])).status_code, 404)
