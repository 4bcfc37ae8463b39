"""`manage.py scorecard --format json` prints the desa's scorecard, the same as the page."""

from __future__ import annotations

import json
from io import StringIO
from unittest import mock

from django.core.management import CommandError, call_command
from django.urls import reverse

from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR, build_sibargot
from tikar.test import BaseTestCase


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class ScorecardCommandTests(BaseTestCase):
    def run_command(self, *args: str) -> str:
        out = StringIO()
        call_command("scorecard", *args, stdout=out)
        return out.getvalue()

    def test_it_prints_the_json_of_the_desa(self, _) -> None:
        build_sibargot(self)
        printed = self.run_command(
            "--village", self.sibargot.code, "--year", str(YEAR), "--quarter", str(QUARTER),
            "--format", "json",
        )  # fmt: skip
        data = json.loads(printed)
        self.assertEqual(data["header"]["village"], {"code": "12.10.07.2001",
                                                     "name": "Desa Sibargot"})  # fmt: skip
        self.assertEqual(data["header"]["quarter_roman"], "I")
        self.assertEqual(data["table1_targets"]["households"], 3)
        self.assertEqual(data["table1_targets"]["pregnancies"], 1)
        self.assertEqual(data["table1_targets"]["children"], 2)
        self.assertEqual(data["table4_convergence"]["total"],
                         {"received": 13, "expected": 24, "percent": "54.17"})  # fmt: skip
        # The page's ?format=json is the very same document.
        self.login(self.sari)
        page = self.client.get(reverse("scorecard", args=[YEAR, QUARTER]) + "?format=json")
        self.assertEqual(page["Content-Type"], "application/json; charset=utf-8")
        self.assertEqual(page.content.decode(), printed)

    def test_it_says_which_desa_code_is_unknown(self, _) -> None:
        with self.assertRaisesMessage(CommandError, "99.99.99.9999"):
            self.run_command("--village", "99.99.99.9999", "--year", "2026", "--quarter", "1")
