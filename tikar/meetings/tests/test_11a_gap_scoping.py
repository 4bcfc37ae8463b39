"""Who may see a desa's gaps and the names behind them: another desa is a 404."""

from django.test import override_settings
from django.urls import reverse

from tikar.meetings.tests import data_11a_gaps as data
from tikar.test import BaseTestCase


@override_settings(TIKAR_TODAY=data.TODAY)
class GapScopingTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.t = data.build(cls)

    def get(self, user, name, query):
        self.login(user)
        return self.client.get(reverse(name) + query)

    def test_it_shows_a_village_user_their_own_desa(self):
        for user in (self.sari, self.rahmat):
            self.assertEqual(self.get(user, "meeting_gaps", "").status_code, 200)

    def test_it_answers_404_to_a_user_of_another_desa(self):
        q = f"?desa={self.sibargot.code}"
        self.assertEqual(self.get(self.budi, "meeting_gaps", q).status_code, 404)
        self.assertEqual(self.get(self.yusuf, "meeting_gaps", q).status_code, 404)
        names = q + "&indikator=child:measured&kuartal=2026-1"
        self.assertEqual(self.get(self.budi, "meeting_gap_targets", names).status_code, 404)

    def test_it_shows_budi_his_own_desa_without_sibargots_figures(self):
        response = self.get(self.budi, "meeting_gaps", "")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["village"].code, self.bandar_kumbul.code)
        self.assertTrue(response.context["empty"])
        listing = self.get(self.budi, "meeting_gap_targets", "?indikator=child:measured"
                           "&kuartal=2026-1")  # fmt: skip
        self.assertEqual(listing.context["count"], 0)
        self.assertNotContains(listing, "Bima")

    def test_it_lets_officers_of_the_area_read(self):
        q = f"?desa={self.sibargot.code}"
        for user in (self.dewi, self.hendra, self.agus):
            self.assertEqual(self.get(user, "meeting_gaps", q).status_code, 200, user)
        listing = self.get(self.dewi, "meeting_gap_targets",
                           q + "&indikator=child:measured&kuartal=2026-1")  # fmt: skip
        self.assertContains(listing, "Bima")

    def test_it_answers_404_to_an_officer_outside_the_area_or_without_a_desa(self):
        self.assertEqual(
            self.get(self.tono, "meeting_gaps", f"?desa={self.sibargot.code}").status_code, 404
        )
        self.assertEqual(self.get(self.dewi, "meeting_gaps", "").status_code, 404)
        self.assertEqual(self.get(self.dewi, "meeting_gaps", "?desa=x" * 3000).status_code, 404)

    def test_it_refuses_a_post_from_anyone(self):
        for user in (self.sari, self.dewi):
            self.login(user)
            for name in ("meeting_gaps", "meeting_gap_targets"):
                response = self.client.post(reverse(name) + f"?desa={self.sibargot.code}")
                self.assertEqual(response.status_code, 405, (user, name))

    def test_it_sends_an_anonymous_visitor_to_the_login(self):
        response = self.client.get(reverse("meeting_gaps"))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("login")))
