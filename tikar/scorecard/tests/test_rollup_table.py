"""The officers' roll-up table: pooled totals, scope, and the kabupaten's kecamatan lines."""

from __future__ import annotations

from decimal import Decimal
from unittest import mock

from django.urls import reverse

from tikar.regions.models import Level, Region
from tikar.scorecard.tests.area import build_bilah_barat
from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR
from tikar.test import BANDAR_KUMBUL, BILAH_BARAT, BILAH_HILIR, SIBARGOT, BaseTestCase


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class RollupTableTests(BaseTestCase):
    def setUp(self) -> None:
        self.targets = build_bilah_barat(self)

    def page(self, user, query: str = "", name: str = "rollup"):
        self.login(user)
        return self.client.get(reverse(name, args=[YEAR, QUARTER]) + query)

    @staticmethod
    def row(response, code: str) -> dict:
        return next(r for r in response.context["rows"] if r["code"] == code)

    def test_it_shows_dewi_both_desa_with_pooled_totals(self, _) -> None:
        page = self.page(self.dewi)
        self.assertEqual(page.status_code, 200)
        sib, bk = self.row(page, SIBARGOT), self.row(page, BANDAR_KUMBUL)
        # By hand (see tikar/scorecard/tests/area.py): 13/24, 0/9, pooled 13/33.
        self.assertEqual((sib["pregnancies"], sib["children"]), (1, 2))
        self.assertEqual(
            (sib["received"], sib["expected"], sib["convergence"]), (13, 24, Decimal("54.17"))
        )
        self.assertEqual((bk["pregnancies"], bk["children"]), (0, 1))
        self.assertEqual(
            (bk["received"], bk["expected"], bk["convergence"]), (0, 9, Decimal("0.00"))
        )
        total = page.context["total"]
        self.assertEqual((total["received"], total["expected"]), (13, 33))
        self.assertEqual(total["convergence"], Decimal("39.39"))
        self.assertContains(page, "39,39")  # Indonesian decimal comma on the page
        self.assertContains(page, "Sibargot")
        self.assertContains(page, "Bandar Kumbul")
        # Every desa of the kecamatan is a line, with or without data.
        desa = Region.objects.filter(level=Level.VILLAGE, parent_id=BILAH_BARAT).count()
        self.assertEqual(len(page.context["rows"]), desa)

    def test_it_gives_coverage_per_indicator(self, _) -> None:
        page = self.page(self.dewi)
        sib = self.row(page, SIBARGOT)
        # Indicator ibu 1 (pemeriksaan kehamilan): Ani Y → 100.00. Anak 1 (imunisasi): Bayu Y,
        # Citra T → 50.00. PAUD: nobody 2-6 years → no value.
        self.assertEqual(sib["p1"], Decimal("100.00"))
        self.assertEqual(sib["c1"], Decimal("50.00"))
        self.assertIsNone(sib["paud"])
        # Kecamatan line for anak 1: Bayu Y of Bayu, Citra, Dodi → 33.33.
        self.assertEqual(page.context["total"]["c1"], Decimal("33.33"))

    def test_it_gives_tono_404_on_bilah_barat(self, _) -> None:
        self.assertEqual(self.page(self.tono, f"?wilayah={BILAH_BARAT}").status_code, 404)
        self.assertEqual(self.page(self.tono, f"?wilayah={SIBARGOT}").status_code, 404)
        self.assertEqual(self.page(self.tono, f"?wilayah={BILAH_BARAT}", "lokus").status_code, 404)
        own = self.page(self.tono)
        self.assertEqual(own.status_code, 200)
        self.assertNotContains(own, "Sibargot")

    def test_it_gives_village_users_404(self, _) -> None:
        # A KPM or Admin Desa has no area to compare: 404, as for every page outside a role.
        for user in (self.sari, self.budi, self.rahmat):
            for name in ("rollup", "lokus"):
                self.assertEqual(self.page(user, "", name).status_code, 404)
                self.assertEqual(self.page(user, f"?wilayah={SIBARGOT}", name).status_code, 404)

    def test_it_lists_hendras_kecamatan_with_their_desa_added_up(self, _) -> None:
        page = self.page(self.hendra)
        self.assertEqual(page.status_code, 200)
        codes = [r["code"] for r in page.context["rows"]]
        kecamatan = list(
            Region.objects.filter(level=Level.DISTRICT, parent_id="12.10").values_list(
                "code", flat=True
            )
        )
        self.assertEqual(sorted(codes), sorted(kecamatan))
        bb = self.row(page, BILAH_BARAT)
        self.assertEqual((bb["pregnancies"], bb["children"]), (1, 3))
        self.assertEqual(
            (bb["received"], bb["expected"], bb["convergence"]), (13, 33, Decimal("39.39"))
        )
        bh = self.row(page, BILAH_HILIR)
        self.assertEqual((bh["children"], bh["convergence"]), (0, None))
        self.assertEqual(page.context["total"]["convergence"], Decimal("39.39"))
        # The kecamatan line links to its own roll-up; the toggle lists every desa instead.
        self.assertContains(page, f"?wilayah={BILAH_BARAT}")
        all_desa = self.page(self.hendra, "?tingkat=desa")
        self.assertEqual(self.row(all_desa, SIBARGOT)["convergence"], Decimal("54.17"))
        drill = self.page(self.hendra, f"?wilayah={BILAH_BARAT}")
        self.assertEqual(self.row(drill, BANDAR_KUMBUL)["expected"], 9)

    def test_it_opens_a_desa_line_as_its_scorecard(self, _) -> None:
        page = self.page(self.dewi, f"?wilayah={SIBARGOT}")
        self.assertRedirects(page, reverse("scorecard", args=[YEAR, QUARTER]) + f"?desa={SIBARGOT}")
        scorecard = self.client.get(page["Location"])
        self.assertContains(
            scorecard, reverse("rollup", args=[YEAR, QUARTER]) + f"?wilayah={BILAH_BARAT}"
        )

    def test_it_recomputes_a_dirty_quarter_before_showing(self, _) -> None:
        from tikar.monitoring.services import record_month
        from tikar.scorecard.tests.desa import MAR

        before = self.row(self.page(self.dewi), BANDAR_KUMBUL)
        self.assertEqual(before["received"], 0)
        # Dodi gets his basic immunisation in March: anak 1 becomes Y for him.
        record_month(self.targets["dodi"], MAR, {"immunisation_up_to_date": True}, self.budi)
        after = self.row(self.page(self.dewi), BANDAR_KUMBUL)
        self.assertGreater(after["received"], 0)


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class AreaHomeLinkTests(BaseTestCase):
    def test_it_links_the_officers_home_to_this_quarters_rollup_and_lokus(self, _) -> None:
        self.login(self.hendra)
        home = self.client.get(reverse("home"))
        rollup_now = reverse("rollup_current")
        self.assertContains(home, f"{rollup_now}?wilayah=12.10")
        self.assertContains(home, f"{reverse('lokus_current')}?wilayah=12.10")
        self.assertContains(home, f"{rollup_now}?wilayah={BILAH_BARAT}")  # a kecamatan row
        # Today is 15 April 2026: quarter II, the drill-down kept.
        response = self.client.get(f"{rollup_now}?wilayah={BILAH_BARAT}")
        self.assertRedirects(
            response, reverse("rollup", args=[2026, 2]) + f"?wilayah={BILAH_BARAT}"
        )

    def test_it_refuses_the_shortcut_to_village_users(self, _) -> None:
        self.login(self.sari)
        self.assertEqual(self.client.get(reverse("rollup_current")).status_code, 404)
