"""Who sees which lines of /rembuk-wilayah/: officers their area only, village users nothing."""

from __future__ import annotations

from django.test import override_settings
from django.urls import reverse

from tikar.meetings.tests.data_11g_rollup import TODAY, seed
from tikar.test import BILAH_BARAT, BILAH_HILIR, NEGERI_LAMA, SIBARGOT, BaseTestCase


@override_settings(TIKAR_TODAY=TODAY)
class RollupScopingTests(BaseTestCase):
    def setUp(self) -> None:
        seed()

    def get(self, user, query: str = ""):
        self.login(user)
        return self.client.get(reverse("meeting_rollup") + query)

    @staticmethod
    def codes(page) -> set[str]:
        return {r["region"].code for r in page.context["rows"]}

    def test_it_shows_dewi_the_desa_of_bilah_barat(self) -> None:
        page = self.get(self.dewi)
        self.assertIn(SIBARGOT, self.codes(page))
        self.assertTrue(all(c.startswith(BILAH_BARAT + ".") for c in self.codes(page)))
        self.assertEqual(page.context["total"].proposals, 5)

    def test_it_does_not_show_tono_the_desa_of_bilah_barat(self) -> None:
        page = self.get(self.tono)
        self.assertNotIn(SIBARGOT, self.codes(page))
        self.assertIn(NEGERI_LAMA, self.codes(page))
        self.assertEqual(page.context["total"].proposals, 2)  # the kelurahan's only
        self.assertNotContains(page, "Sibargot")

    def test_it_answers_404_for_an_area_outside_the_user_area(self) -> None:
        self.assertEqual(self.get(self.tono, f"?wilayah={BILAH_BARAT}").status_code, 404)
        self.assertEqual(self.get(self.tono, f"?wilayah={SIBARGOT}").status_code, 404)
        self.assertEqual(self.get(self.dewi, f"?wilayah={BILAH_HILIR}").status_code, 404)
        self.assertEqual(self.get(self.hendra, "?wilayah=33").status_code, 404)
        self.assertEqual(self.get(self.hendra, "?wilayah=nonsense").status_code, 404)

    def test_it_drills_into_a_sub_area_and_opens_a_desa_meeting_page(self) -> None:
        page = self.get(self.hendra, f"?wilayah={BILAH_BARAT}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(SIBARGOT, self.codes(page))
        self.assertEqual(page.context["total"].proposals, 5)
        desa = self.get(self.hendra, f"?wilayah={SIBARGOT}&tahun=2024")
        self.assertRedirects(
            desa,
            reverse("meeting", args=[2024]) + f"?desa={SIBARGOT}",
            fetch_redirect_response=False,
        )

    def test_it_gives_the_national_user_every_province(self) -> None:
        page = self.get(self.agus)
        self.assertEqual(page.status_code, 200)
        self.assertEqual(len(page.context["rows"]), 38)
        north_sumatra = next(r for r in page.context["rows"] if r["region"].code == "12")
        self.assertEqual(north_sumatra["f"].proposals, 7)

    def test_it_answers_404_to_village_users(self) -> None:
        # The village's own figures are on its meeting and budget pages.
        for user in (self.sari, self.rahmat, self.budi, self.yusuf):
            self.assertEqual(self.get(user).status_code, 404, user.username)
            self.assertEqual(self.get(user, "?format=xlsx").status_code, 404, user.username)

    def test_it_refuses_a_post(self) -> None:
        self.login(self.hendra)
        self.assertEqual(self.client.post(reverse("meeting_rollup")).status_code, 405)

    def test_it_sends_an_anonymous_visitor_to_the_login(self) -> None:
        response = self.client.get(reverse("meeting_rollup"))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("login")))
