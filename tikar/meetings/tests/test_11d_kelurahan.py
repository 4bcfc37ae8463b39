"""A kelurahan has no Dana Desa (issue 11 item 8): the Dana Desa page, the scorecard's table 5
(page, XLSX, JSON) and the budget page say so and use the kelurahan's words."""

from __future__ import annotations

from io import BytesIO

from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from tikar.accounts.models import Role
from tikar.meetings.tests.helpers_11d import meeting, proposal
from tikar.regions.models import Region
from tikar.scorecard.models import DanaDesa
from tikar.test import NEGERI_LAMA, BaseTestCase, make_user


@override_settings(TIKAR_TODAY="2026-11-30")
class KelurahanTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.negeri_lama = Region.objects.get(code=NEGERI_LAMA)
        cls.lurah = make_user("lurah", Role.VILLAGE_ADMIN, NEGERI_LAMA)
        m = meeting(cls.negeri_lama, 2026)
        proposal(m, "PMT dari dana kelurahan", funding_source="dana_kelurahan",
                 stage="allocated", allocated_amount=1_250_000)  # fmt: skip
        proposal(m, "Sanitasi dari APBD", funding_source="apbd", activity_code="",
                 stage="realised", allocated_amount=3_000_000, realised_amount=2_500_000)  # fmt: skip
        proposal(m, "Belum dialokasikan", funding_source="apbd", stage="planned",
                 planned_amount=10)  # fmt: skip

    def test_it_shows_no_dana_desa_form_but_the_kelurahan_allocations(self) -> None:
        self.login(self.lurah)
        r = self.client.get(reverse("dana_desa", kwargs={"year": 2027}))
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Kelurahan tidak menerima Dana Desa")
        self.assertNotContains(r, "development_total")
        self.assertContains(r, "PMT dari dana kelurahan")
        self.assertContains(r, "Sanitasi dari APBD")
        self.assertNotContains(r, "Belum dialokasikan")
        self.assertContains(r, "Rp 4.250.000")

    def test_it_refuses_a_dana_desa_post_for_a_kelurahan(self) -> None:
        self.login(self.lurah)
        r = self.client.post(reverse("dana_desa", kwargs={"year": 2026}), {
            "development_total": "1", "development_stunting": "0",
            "empowerment_total": "1", "empowerment_stunting": "0",
        })  # fmt: skip
        self.assertEqual(r.status_code, 404)
        self.assertFalse(DanaDesa.objects.filter(village=self.negeri_lama).exists())

    def test_it_says_table5_does_not_apply_on_the_scorecard(self) -> None:
        self.login(self.lurah)
        base = reverse("scorecard", kwargs={"year": 2026, "quarter": 3})
        r = self.client.get(base)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Tidak berlaku untuk kelurahan")
        self.assertNotContains(r, "Bidang Pembangunan Desa")
        self.assertContains(r, "Anggaran untuk stunting")  # the button, not "Dana Desa"
        wb = load_workbook(BytesIO(self.client.get(base + "?format=xlsx").content))
        cells = [str(c.value) for row in wb.active.iter_rows() for c in row if c.value]
        self.assertTrue(any(c.startswith("Tidak berlaku untuk kelurahan") for c in cells))
        self.assertFalse(any("Bidang Pembangunan Desa" in c for c in cells))
        data = self.client.get(base + "?format=json").json()
        self.assertFalse(data["table5_dana_desa"]["applies"])

    def test_it_keeps_table5_for_a_desa(self) -> None:
        self.login(self.rahmat)
        base = reverse("scorecard", kwargs={"year": 2026, "quarter": 3})
        self.assertNotContains(self.client.get(base), "Tidak berlaku untuk kelurahan")
        wb = load_workbook(BytesIO(self.client.get(base + "?format=xlsx").content))
        cells = [str(c.value) for row in wb.active.iter_rows() for c in row if c.value]
        self.assertTrue(any("Bidang Pembangunan Desa" in c for c in cells))

    def test_it_uses_the_kelurahan_words_on_the_budget_page(self) -> None:
        self.login(self.lurah)
        r = self.client.get(reverse("proposal_budget", kwargs={"year": 2026}))
        self.assertEqual(r.status_code, 200)
        self.assertNotContains(r, "APBDes")
        self.assertNotContains(r, "RKPDes")
        self.assertNotContains(r, "Dana Desa")
        self.assertContains(r, "Dana kelurahan")

    def test_it_reads_the_kelurahan_words_on_the_reports_page(self) -> None:
        self.login(self.lurah)
        r = self.client.get(reverse("reports"))
        self.assertContains(r, "Anggaran kelurahan untuk stunting")
        self.assertNotContains(r, "Dana Desa untuk stunting")

    def test_it_gives_the_kelurahan_page_to_its_kecamatan_only(self) -> None:
        self.login(self.tono)  # Bilah Hilir holds Negeri Lama
        q = f"?desa={NEGERI_LAMA}"
        self.assertEqual(self.client.get(reverse("dana_desa", kwargs={"year": 2027}) + q)
                         .status_code, 200)  # fmt: skip
        self.login(self.dewi)
        self.assertEqual(self.client.get(reverse("dana_desa", kwargs={"year": 2027}) + q)
                         .status_code, 404)  # fmt: skip
