"""A month typed into a query string that no calendar holds is read as "this month", never a 500.

A 20-digit year passes int() but overflows date()'s C long (OverflowError, not ValueError).
"""

from tikar.test import BaseTestCase

HUGE = "99999999999999999999"


class HugeMonthQueryTests(BaseTestCase):
    def test_it_shows_this_month_for_a_month_no_calendar_holds(self):
        self.login(self.sari)
        for url in (
            f"/tugas/?bulan={HUGE}-01",
            f"/tugas/?bulan=2026-{HUGE}",
            f"/aktivitas/?bulan={HUGE}-01",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)

    def test_it_asks_for_a_month_on_the_export_form(self):
        self.login(self.sari)
        response = self.client.get(f"/ekspor/?form=2b&bulan={HUGE}-01")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Pilih bulan")
