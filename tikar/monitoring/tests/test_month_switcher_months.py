"""The entry page's month switcher offers only months in which the target is followed: never a
month before birth (a 404) nor a month after a pregnancy's nifas ended."""

from __future__ import annotations

from datetime import date
from unittest import mock

from tikar.households.tests.factories import child, pregnancy
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)


class MonthSwitcherTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.login(self.sari)

    def offered(self, target, month="2026-5") -> list[str]:
        page = self.client.get(f"/sasaran/{target.pk}/bulan/{month}/")
        return [m["url"] for m in page.context["months"]]

    def test_it_offers_no_month_before_birth_and_every_offer_opens(self) -> None:
        baby = child(self.sibargot, self.sari, name="Bayi", birth_date=date(2026, 2, 14))
        urls = self.offered(baby)
        self.assertEqual(
            [u.split("/bulan/")[1] for u in urls], ["2026-5/", "2026-4/", "2026-3/", "2026-2/"]
        )
        for u in urls:
            self.assertEqual(self.client.get(u).status_code, 200, u)

    def test_it_offers_a_pregnancy_no_month_after_nifas(self) -> None:
        p = pregnancy(
            self.sibargot, self.sari, due_date=date(2026, 1, 10), delivery_date=date(2026, 1, 5)
        )
        urls = self.offered(p, "2026-1")
        months = [u.split("/bulan/")[1] for u in urls]
        self.assertIn("2026-1/", months)
        self.assertIn("2026-2/", months)  # nifas runs to 16 February
        self.assertNotIn("2026-3/", months)
        self.assertNotIn("2026-5/", months)
        for u in urls:
            self.assertEqual(self.client.get(u).status_code, 200, u)
