"""A refused download does not claim to show a month (attack run, issue 12 §5).

/eppgbm/?bulan=2026-13 answered 400 "…: ditampilkan November 2026" though nothing is shown.
The 400 stays (a file of another month would be taken for the one asked for); its text now
says only what is wrong. The SKDN page itself still shows this month with its notice.
"""

from datetime import date
from unittest import mock

from django.test import override_settings

from tikar.posyandu.tests.skdn_data import seed
from tikar.test import BaseTestCase


@override_settings(TIKAR_TODAY="2026-11-10")
@mock.patch("django.utils.timezone.localdate", return_value=date(2026, 11, 10))
class DownloadMonthRefusalTextTest(BaseTestCase):
    def setUp(self):
        self.kids = seed(self)

    def test_it_refuses_a_bad_month_download_without_saying_it_shows_one(self, _):
        self.login(self.sari)
        for url, said in (
            ("/eppgbm/?bulan=2026-13", "2026-13"),
            ("/eppgbm/?bulan=2027-01", "Januari 2027"),
            ("/skdn/xlsx?bulan=2026-13", "2026-13"),
            ("/skdn/xlsx?bulan=2027-01", "Januari 2027"),
        ):
            with self.subTest(url=url):
                r = self.client.get(url)
                self.assertEqual(r.status_code, 400)
                text = r.content.decode()
                self.assertIn(said, text)  # what was not understood
                self.assertNotIn("ditampilkan", text)
                self.assertNotIn("November 2026", text)

    def test_it_still_shows_this_month_with_the_notice_on_the_page(self, _):
        self.login(self.sari)
        r = self.client.get("/skdn/?bulan=2026-13")
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "ditampilkan November 2026")
