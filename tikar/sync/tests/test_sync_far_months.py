"""A month far in the future or the past is refused in words, never a 500 or a "retry"."""

from __future__ import annotations

from .sync_helpers import SyncTestCase, op


class FarMonthTests(SyncTestCase):
    def test_it_refuses_the_month_9999_12_on_the_sync_and_the_api_in_words(self) -> None:
        for month in ("9999-12-01", "9999-01-01", "2999-05-01"):
            fields = {"target": str(self.sari_child.pk), "month": month, "home_visit": True}
            result = self.one(op("child_visit", fields))
            self.assertEqual(result["outcome"], "refused", result)
            self.assertFalse(result["retry"], result)
            self.assertIn("month", result["errors"])
            response = self.post(
                "/api/child-visits/",
                {"child": str(self.sari_child.pk), "month": month[:7], "home_visit": True},
            )
            self.assertEqual(response.status_code, 400, response.content)
            self.assertIn("bulan", response.content.decode().lower())

    def test_it_refuses_the_year_one_in_words(self) -> None:
        fields = {"target": str(self.sari_child.pk), "month": "0001-01-01", "home_visit": True}
        result = self.one(op("child_visit", fields))
        self.assertEqual(result["outcome"], "refused", result)
        self.assertFalse(result["retry"], result)
