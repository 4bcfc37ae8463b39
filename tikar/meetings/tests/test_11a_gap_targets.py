"""The targets not served behind a gap line: whom the KPM should reach."""

from django.test import override_settings
from django.urls import reverse

from tikar.meetings.tests import data_11a_gaps as data
from tikar.test import BaseTestCase


@override_settings(TIKAR_TODAY=data.TODAY)
class GapTargetsTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.t = data.build(cls)

    def names(self, query, user=None):
        self.login(user or self.sari)
        response = self.client.get(reverse("meeting_gap_targets") + query)
        self.assertEqual(response.status_code, 200)
        return response, [t["name"] for t in response.context["targets"]]

    def test_it_lists_the_targets_whose_cell_is_t(self):
        response, names = self.names("?indikator=child:measured&kuartal=2026-1")
        self.assertEqual(sorted(names), ["Bima", "Cici"])
        self.assertEqual(response.context["count"], 2)  # the page's "2 not served"
        self.assertContains(response, reverse("target", kwargs={"pk": self.t["Bima"].pk}))

    def test_it_counts_a_missing_answer_as_not_served_and_says_so(self):
        response, names = self.names("?indikator=pregnancy:latrine&kuartal=2026-1")
        self.assertEqual(names, ["Pera"])
        self.assertTrue(response.context["targets"][0]["unknown"])
        self.assertContains(response, "data belum lengkap")

    def test_it_narrows_to_a_dusun_or_a_posyandu(self):
        base = "?indikator=child:measured&kuartal=2026-1"
        self.assertEqual(sorted(self.names(base + "&dusun=II")[1]), ["Bima", "Cici"])
        self.assertEqual(self.names(base + "&dusun=I")[1], [])
        self.assertEqual(self.names(base + "&posyandu=none")[1], ["Cici"])
        self.assertEqual(self.names(base + f"&posyandu={self.t['mawar'].pk}")[1], ["Bima"])
        # The pregnancy's dusun is its mother's household's.
        self.assertEqual(self.names("?indikator=pregnancy:anc_check&kuartal=2026-1&dusun=II")[1],
                         ["Pera"])  # fmt: skip

    def test_it_lists_a_target_once_with_each_pooled_quarter(self):
        response, names = self.names("?indikator=child:weighed&kuartal=2025-4&kuartal=2026-1")
        # IV 2025: Ari T; I 2026: Cici T.
        self.assertEqual(sorted(names), ["Ari", "Cici"])
        response, names = self.names(
            "?indikator=child:parenting_class&kuartal=2025-4&kuartal=2026-1"
        )
        self.assertEqual(response.context["count"], 5)  # target-quarters, as on the gap page
        ari = next(t for t in response.context["targets"] if t["name"] == "Ari")
        self.assertEqual([q["label"] for q in ari["quarters"]], ["IV 2025", "I 2026"])

    def test_it_links_officers_to_the_explanation_not_the_register(self):
        q = f"?indikator=child:measured&kuartal=2026-1&desa={self.sibargot.code}"
        response, names = self.names(q, user=self.dewi)
        self.assertEqual(sorted(names), ["Bima", "Cici"])
        self.assertTrue(all(t["target_url"] is None for t in response.context["targets"]))
        why = response.context["targets"][0]["quarters"][0]["why_url"]
        self.assertIn(f"desa={self.sibargot.code}", why)
        self.assertEqual(self.client.get(why).status_code, 200)

    def test_it_refuses_a_bad_indicator_dusun_or_posyandu(self):
        self.login(self.sari)
        url = reverse("meeting_gap_targets")
        for query in ("", "?indikator=child:nothing", "?indikator=child%3Aweighed%3A",
                      "?indikator=child:measured&posyandu=abc",
                      "?indikator=child:measured&dusun=" + "x" * 500,
                      "?indikator=child:measured&kuartal=2026-9"):  # fmt: skip
            response = self.client.get(url + query)
            self.assertEqual(response.status_code, 400, query[:40])
            self.assertContains(response, 'data-testid="error"', status_code=400)
        # An unknown posyandu id is refused too (fix D): see test_11a_gap_place_refusals.
