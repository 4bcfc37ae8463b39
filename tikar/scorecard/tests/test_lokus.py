"""The lokus ranking: the documented formula, its weights, and every criterion on the page."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from unittest import TestCase, mock

from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from tikar.scorecard import lokus
from tikar.scorecard.tests.area import build_bilah_barat
from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR
from tikar.test import BANDAR_KUMBUL, SIBARGOT, BaseTestCase

D = Decimal


class LokusFormulaTests(TestCase):
    def test_it_scores_a_hand_example_with_the_documented_formula(self) -> None:
        a = lokus.Candidate(
            "A",
            "Desa A",
            stunted=6,
            measured=20,
            convergence=D("62.50"),
            targets=40,
            months_recorded=2,
            months=3,
        )
        b = lokus.Candidate(
            "B",
            "Desa B",
            stunted=2,
            measured=4,
            convergence=D("80.00"),
            targets=10,
            months_recorded=3,
            months=3,
        )
        ranked = lokus.rank([b, a], lokus.DEFAULT_WEIGHTS)
        # A: prevalence 6/20 = 30.00; stunted 6/6 = 100.00; gap 100 - 62.50 = 37.50;
        #    targets 40/40 = 100.00; reporting 2/3 = 66.67 → gap 33.33.
        #    (35×30 + 15×100 + 30×37.50 + 10×100 + 10×33.33) / 100
        #    = (1050 + 1500 + 1125 + 1000 + 333.3) / 100 = 50.083 → 50.08
        # B: prevalence 2/4 = 50.00; stunted 2/6 = 33.33; gap 20.00; targets 10/40 = 25.00;
        #    reporting gap 0.00.
        #    (1750 + 499.95 + 600 + 250 + 0) / 100 = 30.9995 → 31.00
        self.assertEqual([r.candidate.code for r in ranked], ["A", "B"])
        first, second = ranked
        self.assertEqual(
            first.values,
            {
                "stunting_prevalence": D("30.00"),
                "stunted_children": D("100.00"),
                "convergence_gap": D("37.50"),
                "targets": D("100.00"),
                "reporting_gap": D("33.33"),
            },
        )
        self.assertEqual(first.score, D("50.08"))
        self.assertEqual(second.values["stunted_children"], D("33.33"))
        self.assertEqual(second.score, D("31.00"))
        self.assertEqual((first.rank, second.rank), (1, 2))

    def test_it_divides_by_the_sum_of_the_weights(self) -> None:
        weights = lokus.weights_from({"reporting_gap": 0, "targets": 0, "stunted_children": 0})
        values = {
            "stunting_prevalence": D("30.00"),
            "stunted_children": D("100.00"),
            "convergence_gap": D("40.00"),
            "targets": D("100.00"),
            "reporting_gap": D("100.00"),
        }
        # (35 × 30 + 30 × 40) / 65 = 2250 / 65 = 34.615... → 34.62
        self.assertEqual(lokus.score(values, weights), D("34.62"))

    def test_it_refuses_unknown_or_negative_weights(self) -> None:
        with self.assertRaises(ValueError):
            lokus.weights_from({"dana_desa": 5})
        with self.assertRaises(ValueError):
            lokus.weights_from({"targets": -1})
        with (
            override_settings(TIKAR_LOKUS_WEIGHTS={"typo": 1}),
            self.assertRaises(ImproperlyConfigured),
        ):
            lokus.configured_weights()


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class LokusPageTests(BaseTestCase):
    def setUp(self) -> None:
        build_bilah_barat(self)

    def page(self, user, query: str = ""):
        self.login(user)
        return self.client.get(reverse("lokus", args=[YEAR, QUARTER]) + query)

    def test_it_ranks_bilah_barat_by_the_formula_shown(self, _) -> None:
        page = self.page(self.dewi)
        ranked = page.context["ranked"]
        by_code = {r.candidate.code: r for r in ranked}
        # Bandar Kumbul: nobody measured (0); 0 stunted of max 0 (0); konvergensi 0.00 → gap
        # 100; 1 target of max 3 → 33.33; recorded in January only, 1 of 3 months → gap 66.67.
        # (35×0 + 15×0 + 30×100 + 10×33.33 + 10×66.67) / 100 = 4000 / 100 = 40.00
        bk = by_code[BANDAR_KUMBUL]
        self.assertEqual(bk.score, D("40.00"))
        # Sibargot: Bayu measured, not stunted (0); gap 100 - 54.17 = 45.83; 3 targets → 100;
        # recorded every month → gap 0. (30×45.83 + 10×100) / 100 = 2374.9 / 100 → 23.75
        sib = by_code[SIBARGOT]
        self.assertEqual(sib.values["convergence_gap"], D("45.83"))
        self.assertEqual(sib.score, D("23.75"))
        # A desa with nothing recorded: only its reporting gap counts, 10 × 100 / 100.
        self.assertEqual(ranked[2].score, D("10.00"))
        self.assertEqual([r.candidate.code for r in ranked[:2]], [BANDAR_KUMBUL, SIBARGOT])
        # The formula and every criterion are on the page.
        self.assertContains(page, "35 × ")
        self.assertContains(page, "/ 100")
        self.assertContains(page, "40,00")
        self.assertContains(page, "45,83")
        self.assertContains(page, "1/3")

    @override_settings(TIKAR_LOKUS_WEIGHTS={"reporting_gap": 0})
    def test_it_uses_the_deployments_weights(self, _) -> None:
        page = self.page(self.dewi)
        bk = next(r for r in page.context["ranked"] if r.candidate.code == BANDAR_KUMBUL)
        # (30×100 + 10×33.33) / 90 = 3333.3 / 90 = 37.0366... → 37.04
        self.assertEqual(bk.score, D("37.04"))
        self.assertContains(page, "/ 90")

    def test_it_exports_the_ranking_with_every_criterion(self, _) -> None:
        response = self.page(self.hendra, "?wilayah=12.10.07&format=xlsx")
        self.assertIn("lokus-12.10.07-2026-K1.xlsx", response["Content-Disposition"])
        rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
        head = next(i for i, r in enumerate(rows) if r[0] == "Kode")
        header = rows[head]
        first = rows[head + 1]
        self.assertEqual(first[0], BANDAR_KUMBUL)
        self.assertEqual(float(first[header.index("Skor")]), 40.0)
        self.assertEqual(first[header.index("Bulan tercatat")], 1)
        self.assertTrue(any("35 × " in (r[0] or "") for r in rows[:head]))

    def test_it_asks_a_province_officer_to_choose_a_kabupaten(self, _) -> None:
        from tikar.accounts.models import Role
        from tikar.test import make_user

        maria = make_user("maria", Role.PROVINCE_OFFICER, "12")
        page = self.page(maria)
        self.assertTemplateUsed(page, "scorecard/lokus_pick.html")
        self.assertContains(page, "?wilayah=12.10")
        self.assertEqual(self.page(maria, "?wilayah=12.10").status_code, 200)
