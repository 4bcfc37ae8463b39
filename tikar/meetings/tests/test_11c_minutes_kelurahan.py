"""A kelurahan's Berita Acara uses its own budget words and never shows Dana Desa (task 11c)."""

from __future__ import annotations

import io

from django.urls import reverse
from openpyxl import load_workbook

from tikar.accounts.models import Role
from tikar.meetings.models import Proposal
from tikar.meetings.tests._11c_data import make_meeting
from tikar.meetings.tests.test_11c_minutes_print import text_of
from tikar.regions.models import Region
from tikar.test import NEGERI_LAMA, BaseTestCase, make_user


class KelurahanMinutesTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.negeri_lama = Region.objects.get(code=NEGERI_LAMA)
        cls.lina = make_user("lina", Role.VILLAGE_ADMIN, NEGERI_LAMA)
        cls.meeting = make_meeting(
            cls.negeri_lama, proposals=0, village_head_name="Lurah Uji", place="Aula Kantor Lurah"
        )
        for i, (src, cost) in enumerate((("dana_kelurahan", 5_000_000), ("apbd", 7_000_000))):
            Proposal.objects.create(
                meeting=cls.meeting, order=i, activity=f"Kegiatan {i + 1}", package=1,
                kind="specific", estimated_cost=cost, funding_source=src,
            )  # fmt: skip

    def test_it_uses_the_kelurahan_words(self) -> None:
        self.login(self.lina)
        response = self.client.get(reverse("minutes_print", args=[2026]))
        self.assertEqual(response.status_code, 200)
        text = text_of(response)
        self.assertIn("Berita Acara Rembuk Stunting Kelurahan", text)
        self.assertIn("Kelurahan Negeri Lama", text)
        self.assertIn("Tahun anggaran / rencana kerja kelurahan (Renja Kelurahan) 2027", text)
        self.assertIn("Mengetahui, Lurah Negeri Lama Lurah Uji", text)
        self.assertIn("Dana kelurahan 1 Rp 5.000.000", text)
        self.assertNotIn("Dana Desa", text)
        self.assertNotIn("RKPDes", text)
        self.assertNotIn("Kepala Desa", text)

    def test_it_keeps_dana_desa_out_of_the_kelurahan_xlsx(self) -> None:
        self.login(self.tono)  # the officer of Bilah Hilir reads it
        response = self.client.get(reverse("proposals_xlsx", args=[2026]) + f"?desa={NEGERI_LAMA}")
        self.assertEqual(response.status_code, 200)
        ws = load_workbook(io.BytesIO(response.content)).active
        values = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
        self.assertFalse([v for v in values if "Dana Desa" in v or "RKPDes" in v])
        self.assertIn("Dana kelurahan", values)
