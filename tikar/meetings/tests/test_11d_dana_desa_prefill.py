"""/dana-desa/<year>/: table 5 prefilled from the rembuk of year − 1 (the village confirms by
saving), the year's Dana Desa policy beside the figures, next year allowed."""

from __future__ import annotations

from django.test import override_settings
from django.urls import reverse

from tikar.meetings.tests.helpers_11d import meeting, proposal
from tikar.scorecard.models import DanaDesa
from tikar.test import BaseTestCase


def url(year: int) -> str:
    return reverse("dana_desa", kwargs={"year": year})


@override_settings(TIKAR_TODAY="2026-11-30")
class DanaDesaPrefillTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        m = meeting(cls.sibargot, 2026)  # feeds the APBDes 2027
        proposal(m, "PMT balita", stage="allocated", allocated_amount=1_500_000)
        proposal(m, "Jamban", activity_code="2.4.11", stage="realised",
                 allocated_amount=2_000_000, realised_amount=1_800_000)  # fmt: skip
        proposal(m, "Perlindungan anak", activity_code="4.4.02", stage="allocated",
                 allocated_amount=700_000)  # fmt: skip
        proposal(m, "Dari APBD", stage="allocated", allocated_amount=9_000_000,
                 funding_source="apbd")  # fmt: skip
        proposal(m, "Kode 3.x", activity_code="3.1.01", stage="allocated",
                 allocated_amount=111_000)  # fmt: skip
        proposal(m, "Tanpa kode", activity_code="", stage="allocated", allocated_amount=222_000)
        proposal(m, "Ditolak", stage="rejected", allocated_amount=5_000_000, stage_note="x")

    def test_it_shows_the_sums_behind_the_prefill(self) -> None:
        self.login(self.rahmat)
        r = self.client.get(url(2027))
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Dari usulan rembuk 2026 yang dialokasikan di APBDes 2027")
        self.assertContains(r, "Pembangunan Rp 3.500.000")
        self.assertContains(r, "Pemberdayaan Rp 700.000")
        self.assertContains(r, "Tanpa kode")  # listed apart
        self.assertContains(r, "Kode 3.x")
        self.assertNotContains(r, "Dari APBD")
        self.assertNotContains(r, "Ditolak")

    def test_it_fills_the_fields_only_when_asked_and_never_saves(self) -> None:
        self.login(self.rahmat)
        r = self.client.get(url(2027))
        self.assertNotContains(r, 'value="3.500.000"')
        r = self.client.get(url(2027) + "?isi=usulan")
        self.assertContains(r, 'name="development_stunting" value="3.500.000"', html=False)
        self.assertContains(r, 'name="empowerment_stunting" value="700.000"', html=False)
        self.assertContains(r, "BELUM disimpan")
        self.assertFalse(DanaDesa.objects.filter(village=self.sibargot, year=2027).exists())

    def test_it_saves_what_the_village_confirms(self) -> None:
        self.login(self.rahmat)
        r = self.client.post(url(2027), {
            "development_total": "10.000.000", "development_stunting": "3.500.000",
            "empowerment_total": "2.000.000", "empowerment_stunting": "700.000",
        })  # fmt: skip
        self.assertEqual(r.status_code, 302)
        dd = DanaDesa.objects.get(village=self.sibargot, year=2027)
        self.assertEqual((dd.development_stunting, dd.empowerment_stunting), (3_500_000, 700_000))

    def test_it_gives_officers_no_fill_button(self) -> None:
        self.login(self.dewi)
        r = self.client.get(url(2027) + f"?desa={self.sibargot.code}&isi=usulan")
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Pembangunan Rp 3.500.000")
        self.assertNotContains(r, 'data-testid="prefill-button"')
        self.assertNotContains(r, "BELUM disimpan")

    def test_it_shows_no_other_desas_proposals(self) -> None:
        self.login(self.yusuf)
        r = self.client.get(url(2027))
        self.assertNotContains(r, "PMT balita")
        self.assertEqual(self.client.get(url(2027) + f"?desa={self.sibargot.code}").status_code,
                         404)  # fmt: skip

    def test_it_allows_next_year_but_not_later(self) -> None:
        self.login(self.rahmat)
        self.assertEqual(self.client.get(url(2027)).status_code, 200)
        self.assertEqual(self.client.get(url(2028)).status_code, 404)
        self.assertEqual(self.client.get(url(1999)).status_code, 404)

    def test_it_checks_the_years_policy_beside_the_figures(self) -> None:
        common = {"village": self.sibargot, "development_total": 1, "development_stunting": 0,
                  "empowerment_total": 1, "empowerment_stunting": 0, "ceiling": 1_000_000_000,
                  "blt": 200_000_000, "food_security": 250_000_000}  # fmt: skip
        DanaDesa.objects.create(year=2024, **common)
        DanaDesa.objects.create(year=2025, **common)
        self.login(self.rahmat)
        r24 = self.client.get(url(2024))
        self.assertContains(r24, "Permendesa PDTT 13/2023")
        self.assertContains(r24, "BLT Desa ≤ 25%")
        self.assertContains(r24, "✓ ya")
        self.assertNotContains(r24, "✗ tidak")
        r25 = self.client.get(url(2025))
        self.assertContains(r25, "Permendesa PDT 2/2024")
        self.assertContains(r25, "BLT Desa ≤ 15%")
        self.assertContains(r25, "✗ tidak")  # 20 % > 15 %
        r26 = self.client.get(url(2026))
        self.assertContains(r26, "belum dapat dipastikan")
        r23 = self.client.get(url(2023))
        self.assertContains(r23, 'data-testid="no-policy"')
        self.assertNotContains(r23, "Permendesa")

    def test_it_refuses_a_blt_above_the_ceiling(self) -> None:
        self.login(self.rahmat)
        r = self.client.post(url(2025), {
            "development_total": "1", "development_stunting": "0", "empowerment_total": "1",
            "empowerment_stunting": "0", "ceiling": "1.000", "blt": "2.000",
        })  # fmt: skip
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "tidak boleh lebih besar dari pagu")
        self.assertFalse(DanaDesa.objects.filter(village=self.sibargot, year=2025).exists())


@override_settings(TIKAR_TODAY="2026-11-30")
class DanaDesaPolicyListTest(BaseTestCase):
    def test_it_lists_every_year_to_everyone_logged_in(self) -> None:
        for user in (self.sari, self.hendra):
            self.login(user)
            r = self.client.get(reverse("dana_desa_policy"))
            self.assertEqual(r.status_code, 200)
            for text in ("Permendesa PDTT 13/2023", "Permendesa PDT 2/2024",
                         "Permendesa PDT 16/2025", "BLT Desa ≤ 15%"):  # fmt: skip
                self.assertContains(r, text)
        self.assertEqual(self.client.post(reverse("dana_desa_policy")).status_code, 405)
