"""A month in the link that is not one says so (attack run, issue 12 §5).

/tugas/?bulan=2026-13 or ?bulan=abc, and /aktivitas/, used to show this month silently: the KPM
took it for the month asked for. Now the page (still 200) says, as the SKDN report does, what it
did not understand and which month it shows.
"""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.test import override_settings

from tikar.test import BaseTestCase


@override_settings(TIKAR_TODAY="2026-11-10")
@mock.patch("django.utils.timezone.localdate", return_value=date(2026, 11, 10))
class UnknownMonthNoticeTests(BaseTestCase):
    def test_it_says_a_malformed_month_is_not_one_and_which_month_is_shown(self, _) -> None:
        self.login(self.sari)
        for url in ("/tugas/?bulan=2026-13", "/tugas/?bulan=abc", "/aktivitas/?bulan=2026-13"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                text = response.content.decode()
                self.assertIn('id="month-notice"', text)
                self.assertIn("bukan bulan", text)
                self.assertIn("ditampilkan November 2026", text)

    def test_it_says_a_future_month_has_not_come(self, _) -> None:
        self.login(self.sari)
        response = self.client.get("/tugas/?bulan=2027-02")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Februari 2027 belum tiba: ditampilkan November 2026")

    def test_it_shows_no_notice_for_a_valid_or_missing_month(self, _) -> None:
        self.login(self.sari)
        for url in ("/tugas/", "/tugas/?bulan=2026-10", "/aktivitas/?bulan=2026-10"):
            with self.subTest(url=url):
                self.assertNotContains(self.client.get(url), 'id="month-notice"')
