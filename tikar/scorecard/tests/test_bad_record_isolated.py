"""One bad record never takes a report down (issue 8, section 2).

Eka's February record has no gestation month and she has no delivery date (the form allows
it): her trimester cannot be known. Before, the engine raised and the desa's Formulir 3 and 4,
its API, both commands and every roll-up and lokus page above it answered 500. Now each
answers 200, and Formulir 3 / 4 list Eka under "data bermasalah" with a link to her row.
A record the engine cannot even read (a risk status no form offers) is isolated the same way.
"""

from __future__ import annotations

from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.urls import reverse

from tikar.accounts.models import Role
from tikar.households.tests.factories import pregnancy
from tikar.monitoring.models import PregnancyVisit
from tikar.monitoring.services import record_month
from tikar.scorecard.models import DirtyQuarter, QuarterResult
from tikar.scorecard.tests.area import build_bilah_barat
from tikar.scorecard.tests.desa import FEB, QUARTER, TODAY, YEAR
from tikar.test import SIBARGOT, BaseTestCase, make_user


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class BadRecordIsolatedTests(BaseTestCase):
    def setUp(self) -> None:
        self.targets = build_bilah_barat(self)
        self.eka = pregnancy(self.sibargot, self.sari, kia_number="KIA-EKA")
        # No gestation month, no delivery date: saved through the real write path.
        record_month(self.eka, FEB, {"anc_check": True, "safe_water": True}, self.sari)
        self.assertIsNone(self.eka.delivery_date)

    def get(self, user, name: str, query: str = "", args=None):
        self.login(user)
        return self.client.get(reverse(name, args=args or [YEAR, QUARTER]) + query)

    def test_it_lists_the_target_as_a_data_problem_on_formulir_3_and_4(self, _) -> None:
        for name in ("recap", "scorecard"):
            with self.subTest(page=name):
                page = self.get(self.sari, name)
                self.assertEqual(page.status_code, 200)
                self.assertContains(page, 'id="data-problems"')
                link = reverse("recap_target", args=[YEAR, QUARTER, "pregnancy", self.eka.pk])
                self.assertContains(page, f'href="{link}"')
        # Her row explains what to fill in, and the other targets keep their figures.
        page = self.get(self.sari, "recap_target", args=[YEAR, QUARTER, "pregnancy", self.eka.pk])
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "isi umur kehamilan")
        row = QuarterResult.objects.get(target_id=self.eka.pk, year=YEAR, quarter=QUARTER)
        self.assertEqual(row.stage, "?")
        self.assertIn("?", row.cells)
        ani = QuarterResult.objects.get(target_id=self.targets["ani"].pk, quarter=QUARTER)
        self.assertEqual((ani.received, ani.expected), (5, 6))  # as worked out in desa.py

    def test_it_answers_200_on_every_report_above_the_desa(self, _) -> None:
        ratna = make_user("ratna", Role.PROVINCE_OFFICER, "12")
        checks = [
            (self.sari, "scorecard", "?format=json"),
            (self.sari, "scorecard", "?format=xlsx"),
            (self.dewi, "rollup", ""),
            (self.dewi, "lokus", ""),
            (self.hendra, "rollup", ""),
            (self.hendra, "lokus", ""),
            (ratna, "rollup", ""),
            (ratna, "lokus", ""),
        ]
        for user, name, query in checks:
            with self.subTest(user=user.username, page=name, query=query):
                self.assertEqual(self.get(user, name, query).status_code, 200)
        for name in ("api_scorecard", "api_scorecard_recap"):
            with self.subTest(api=name):
                response = self.get(self.sari, name, args=[SIBARGOT, YEAR, QUARTER])
                self.assertEqual(response.status_code, 200)
        rows = response.json()["groups"]["pregnancy"]["rows"]
        flags = {r["name"]: r["data_problem"] for r in rows}
        self.assertTrue(flags[self.eka.mother.name])
        self.assertFalse(flags["Ani"])

    def test_it_runs_both_commands(self, _) -> None:
        out = StringIO()
        call_command("refresh_scorecards", stdout=out)
        self.assertFalse(DirtyQuarter.objects.filter(village_id=SIBARGOT).exists())
        call_command(
            "scorecard", "--village", SIBARGOT, "--year", str(YEAR), "--quarter", str(QUARTER),
            stdout=out,
        )  # fmt: skip
        self.assertIn('"village"', out.getvalue())

    def test_it_isolates_a_record_the_engine_cannot_read(self, _) -> None:
        # A value no form offers (a hand edit, an old import): the target becomes a data
        # problem, logged with its traceback; the desa's report still answers.
        PregnancyVisit.objects.filter(pregnancy=self.eka).update(risk_status="bogus")
        DirtyQuarter.objects.get_or_create(village_id=SIBARGOT, year=YEAR, quarter=QUARTER)
        with self.assertLogs("tikar.scorecard.refresh", "ERROR") as logged:
            page = self.get(self.sari, "scorecard")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Traceback", "\n".join(logged.output))
        self.assertContains(page, 'id="data-problems"')
        page = self.get(self.sari, "recap_target", args=[YEAR, QUARTER, "pregnancy", self.eka.pk])
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "tidak dapat dinilai")

    def test_it_hides_the_problem_list_from_another_desa(self, _) -> None:
        page = self.get(self.budi, "recap", f"?desa={SIBARGOT}")
        self.assertEqual(page.status_code, 404)
        page = self.get(self.budi, "recap_target", args=[YEAR, QUARTER, "pregnancy", self.eka.pk])
        self.assertEqual(page.status_code, 404)
