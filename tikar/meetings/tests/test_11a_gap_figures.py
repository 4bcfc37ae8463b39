"""The gap list against a hand-computed scorecard (data_11a_gaps.py gives the cells)."""

from decimal import Decimal

from django.test import override_settings
from django.urls import reverse

from tikar.meetings.tests import data_11a_gaps as data
from tikar.test import BaseTestCase

D = Decimal


@override_settings(TIKAR_TODAY=data.TODAY)
class GapFiguresTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.t = data.build(cls)

    def page(self, query=""):
        self.login(self.sari)
        response = self.client.get(reverse("meeting_gaps") + query)
        self.assertEqual(response.status_code, 200)
        return response

    def lines(self, query=""):
        return {line["key"]: line for line in self.page(query).context["lines"]}

    def test_it_computes_each_indicator_of_the_latest_completed_quarter(self):
        lines = self.lines()
        expected = {
            # key: (Y, targets - TS, %, not served)
            "pregnancy:anc_check": (1, 2, D("50.00"), 1),
            "pregnancy:iron_tablets": (2, 2, D("100.00"), 0),
            "pregnancy:postnatal_checks": (0, 0, None, 0),
            "pregnancy:nutrition_counselling": (1, 2, D("50.00"), 1),
            "pregnancy:home_visit": (0, 0, None, 0),
            "pregnancy:safe_water": (2, 2, D("100.00"), 0),
            "pregnancy:latrine": (1, 2, D("50.00"), 1),  # "?" is a T
            "pregnancy:health_insurance": (0, 2, D("0.00"), 2),
            "child:immunisation": (2, 2, D("100.00"), 0),
            "child:weighed": (2, 3, D("66.67"), 1),
            "child:measured": (1, 3, D("33.33"), 2),
            "child:parent_counselling": (2, 3, D("66.67"), 1),
            "child:home_visit": (0, 1, D("0.00"), 1),
            "child:safe_water": (3, 3, D("100.00"), 0),
            "child:latrine": (2, 3, D("66.67"), 1),
            "child:birth_certificate": (3, 3, D("100.00"), 0),
            "child:health_insurance": (2, 3, D("66.67"), 1),
            "child:parenting_class": (0, 3, D("0.00"), 3),
            "paud:paud": (0, 1, D("0.00"), 1),
        }
        self.assertEqual(set(lines), set(expected))
        for key, (y, denominator, pct, not_served) in expected.items():
            line = lines[key]
            self.assertEqual(
                (line["received"], line["denominator"], line["percent"], line["not_served"]),
                (y, denominator, pct, not_served),
                key,
            )

    def test_it_sorts_by_most_not_served_then_lowest_coverage(self):
        order = [line["key"] for line in self.page().context["lines"]]
        self.assertEqual(
            order,
            [
                "child:parenting_class",  # 3
                "pregnancy:health_insurance",  # 2, 0 %
                "child:measured",  # 2, 33.33 %
                "child:home_visit",  # 1, 0 % (child before PAUD)
                "paud:paud",  # 1, 0 %
                "pregnancy:anc_check",  # 1, 50 %
                "pregnancy:nutrition_counselling",
                "pregnancy:latrine",
                "child:weighed",  # 1, 66.67 %
                "child:parent_counselling",
                "child:latrine",
                "child:health_insurance",
                "pregnancy:iron_tablets",  # 0 not served, 100 %
                "pregnancy:safe_water",
                "child:immunisation",
                "child:safe_water",
                "child:birth_certificate",
                "pregnancy:postnatal_checks",  # no target to serve: last
                "pregnancy:home_visit",
            ],
        )

    def test_it_shows_the_service_package_of_each_indicator(self):
        lines = self.lines()
        self.assertEqual(lines["pregnancy:anc_check"]["package"], 1)
        self.assertEqual(lines["child:weighed"]["package"], 2)
        self.assertEqual(lines["child:latrine"]["package"], 3)
        self.assertEqual(lines["child:birth_certificate"]["package"], 4)
        self.assertEqual(lines["paud:paud"]["package"], 5)

    def test_it_breaks_a_gap_down_by_dusun_and_posyandu_sorted_by_gap(self):
        measured = self.lines()["child:measured"]
        self.assertEqual(
            [(d["place"], d["received"], d["denominator"], d["percent"], d["not_served"])
             for d in measured["by_dusun"]],
            [("II", 0, 2, D("0.00"), 2), ("I", 1, 1, D("100.00"), 0)],
        )  # fmt: skip
        by_posyandu = {
            p["place"]: (p["received"], p["denominator"], p["not_served"])
            for p in measured["by_posyandu"]
        }
        self.assertEqual(
            by_posyandu,
            {"Posyandu Melati": (1, 1, 0), "Posyandu Mawar": (0, 1, 1),
             "Tanpa posyandu": (0, 1, 1)},
        )  # fmt: skip
        self.assertEqual(measured["by_posyandu"][-1]["place"], "Posyandu Melati")
        # The pregnancies' dusun come from the mother's household.
        anc = self.lines()["pregnancy:anc_check"]
        self.assertEqual(
            [(d["place"], d["not_served"]) for d in anc["by_dusun"]], [("II", 1), ("I", 0)]
        )

    def test_it_shows_the_trend_over_the_last_four_quarters(self):
        lines = self.lines()
        measured = lines["child:measured"]["trend"]
        self.assertEqual([p["label"] for p in measured], ["II 2025", "III 2025", "IV 2025",
                                                          "I 2026"])  # fmt: skip
        self.assertEqual([p["percent"] for p in measured],
                         [None, D("100.00"), D("50.00"), D("33.33")])  # fmt: skip
        self.assertEqual([p["arrow"] for p in measured], ["", "", "↓", "↓"])
        weighed = lines["child:weighed"]["trend"]
        self.assertEqual([p["percent"] for p in weighed],
                         [None, D("100.00"), D("50.00"), D("66.67")])  # fmt: skip
        self.assertEqual([p["arrow"] for p in weighed], ["", "", "↓", "↑"])
        html = self.page().content.decode()
        self.assertIn('IV 2025</span> 50% <b class="gaps-arrow">↓</b>', html)

    def test_it_pools_several_quarters_counting_a_target_once_per_quarter(self):
        response = self.page("?kuartal=2025-4&kuartal=2026-1")
        lines = {line["key"]: line for line in response.context["lines"]}
        # Measured: IV 2025 Ari T, Bima Y; I 2026 Ari Y, Bima T, Cici T -> 2 of 5.
        m = lines["child:measured"]
        self.assertEqual((m["received"], m["denominator"], m["percent"], m["not_served"]),
                         (2, 5, D("40.00"), 3))  # fmt: skip
        # Weighed: IV 2025 Ari T, Bima Y; I 2026 Y, Y, T -> 3 of 5.
        w = lines["child:weighed"]
        self.assertEqual((w["received"], w["denominator"], w["not_served"]), (3, 5, 2))
        self.assertContains(response, "2 kuartal digabung")
        # Pregnancies only in I 2026: the pool does not change them.
        self.assertEqual(lines["pregnancy:health_insurance"]["not_served"], 2)

    def test_it_links_each_gap_to_its_targets_and_to_a_new_proposal(self):
        response = self.page()
        line = {x["key"]: x for x in response.context["lines"]}["child:measured"]
        self.assertIn("indikator=child%3Ameasured", line["targets_url"])
        self.assertIn("kuartal=2026-1", line["targets_url"])
        self.assertEqual(
            line["proposal_url"],
            reverse("proposal_new", kwargs={"year": 2026}) + "?indikator=child%3Ameasured",
        )
        self.assertContains(response, "Buat usulan untuk celah ini")
        # A line with nobody left to serve has no list to open.
        done = {x["key"]: x for x in response.context["lines"]}["child:safe_water"]
        self.assertIsNone(done["targets_url"])

    def test_it_offers_officers_no_proposal_link(self):
        self.login(self.dewi)
        response = self.client.get(reverse("meeting_gaps") + f"?desa={self.sibargot.code}")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(all(line["proposal_url"] is None for line in response.context["lines"]))
        self.assertNotContains(response, "Buat usulan untuk celah ini")
        first = response.context["lines"][0]
        self.assertIn(f"desa={self.sibargot.code}", first["targets_url"])
