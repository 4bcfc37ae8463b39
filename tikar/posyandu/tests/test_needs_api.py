"""`GET /api/sync/needs/`: the needs of the user's desa as JSON for the field app."""

from __future__ import annotations

from django.test import override_settings
from django.urls import reverse

from tikar.posyandu.tests.needs_desa import TODAY, build
from tikar.test import BaseTestCase

URL = reverse("api_sync_needs")


@override_settings(TIKAR_TODAY=TODAY)
class NeedsApiTests(BaseTestCase):
    def setUp(self) -> None:
        self.targets = build(self)

    def get(self, user, query: str = ""):
        self.login(user)
        return self.client.get(URL + query)

    def test_it_answers_per_target_with_text_code_and_points(self) -> None:
        response = self.get(self.sari)
        self.assertEqual(response.status_code, 200)
        data = response.json()
        self.assertEqual(
            (data["village"], data["year"], data["quarter"]), ("12.10.07.2001", 2026, 4)
        )
        self.assertEqual(data["today"], "2026-11-15")
        self.assertIsNotNone(data["computed_at"])
        self.assertIsNotNone(data["generated_at"])
        self.assertIs(data["locked"], False)
        self.assertEqual(
            data["convergence"],
            {"received": 13, "expected": 15, "percent": "86.67", "percent_if_met": "100.00",
             "points_if_met": "13.33"},
        )  # fmt: skip
        bayu = data["targets"][str(self.targets["bayu"].pk)]
        self.assertEqual(bayu["group"], "child")
        self.assertEqual(bayu["posyandu_id"], self.melati.pk)
        self.assertEqual(
            bayu["needs"],
            [{"code": "weighed", "number": 2, "text": "ditimbang bulan ini dan Desember 2026",
              "months": ["2026-11", "2026-12"], "points": "6.66"}],
        )  # fmt: skip

    def test_it_is_scoped_to_the_users_own_desa(self) -> None:
        data = self.get(self.budi).json()
        self.assertEqual(list(data["targets"]), [str(self.targets["dodi"].pk)])
        self.assertEqual(self.get(self.sari, f"?posyandu={self.anggrek.pk}").status_code, 404)

    def test_it_refuses_officers_and_anonymous_users(self) -> None:
        self.assertEqual(self.get(self.dewi).status_code, 403)
        self.client.logout()
        self.assertIn(self.client.get(URL).status_code, (401, 403))
