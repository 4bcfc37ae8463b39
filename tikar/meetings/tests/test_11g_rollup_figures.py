"""The roll-up's figures against the hand sums of data_11g_rollup (three villages)."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from tikar.meetings.tests.data_11g_rollup import TODAY, seed
from tikar.regions.models import Level, Region
from tikar.test import (
    BANDAR_KUMBUL,
    BILAH_BARAT,
    BILAH_HILIR,
    LABUHANBATU,
    NEGERI_LAMA,
    SIBARGOT,
    BaseTestCase,
)

M = 1_000_000


@override_settings(TIKAR_TODAY=TODAY)
class RollupFiguresTests(BaseTestCase):
    def setUp(self) -> None:
        seed()

    def page(self, user, query: str = ""):
        self.login(user)
        return self.client.get(reverse("meeting_rollup") + query)

    @staticmethod
    def row(page, code: str):
        return next(r for r in page.context["rows"] if r["region"].code == code)

    def test_it_gives_each_desa_of_the_kecamatan_its_figures(self) -> None:
        page = self.page(self.dewi)
        self.assertEqual(page.status_code, 200)
        sib = self.row(page, SIBARGOT)
        f = sib["f"]
        self.assertEqual((f.held, f.proposals, f.estimated_cost), (1, 5, 45 * M))
        self.assertEqual((f.allocated, f.allocated_amount), (2, 13 * M))
        self.assertEqual(f.allocated_share, Decimal("28.89"))
        self.assertEqual((f.realised, f.realised_amount), (1, 4_500_000))
        self.assertEqual((f.apbd, f.apbd_cost), (1, 20 * M))
        self.assertEqual((f.dd_entered, f.dd_share), (1, Decimal("10.00")))
        self.assertEqual(str(sib["held_on"]), "2025-06-12")
        self.assertEqual(sib["url"], reverse("meeting", args=[2025]) + f"?desa={SIBARGOT}")
        bk = self.row(page, BANDAR_KUMBUL)["f"]
        # The 2024 rembuk is of another year; the Dana Desa 2026 is entered all the same.
        self.assertEqual((bk.held, bk.proposals, bk.allocated), (0, 0, 0))
        self.assertIsNone(bk.allocated_share)
        self.assertEqual(bk.dd_share, Decimal("5.00"))
        self.assertContains(page, "28,89")
        self.assertContains(page, "Rp 45,0 juta")
        self.assertContains(page, 'title="Rp 45.000.000"')
        self.assertContains(page, '<span class="flag-no">belum</span>', html=True)
        desa = Region.objects.filter(level=Level.VILLAGE, parent_id=BILAH_BARAT).count()
        self.assertEqual(len(page.context["rows"]), desa)
        total = page.context["total"]
        self.assertEqual((total.held, total.villages), (1, desa))
        self.assertEqual(total.dd_share, Decimal("8.00"))  # (60 + 20) / (600 + 400)
        self.assertEqual(total.dd_entered, 2)
        self.assertFalse(page.context["has_kelurahan"])  # Bilah Barat has none

    def test_it_sums_the_kecamatan_of_the_kabupaten(self) -> None:
        page = self.page(self.hendra)
        self.assertEqual(page.status_code, 200)
        bb = self.row(page, BILAH_BARAT)
        self.assertEqual(bb["url"], reverse("meeting_rollup") + f"?wilayah={BILAH_BARAT}")
        self.assertEqual((bb["f"].held, bb["f"].proposals, bb["f"].kelurahan), (1, 5, 0))
        bh = self.row(page, BILAH_HILIR)["f"]
        kel = Region.objects.filter(parent_id=BILAH_HILIR, code__regex=r"\.1\d{3}$").count()
        self.assertGreaterEqual(kel, 1)
        self.assertEqual((bh.held, bh.kelurahan), (1, kel))
        # The kelurahan's allocation is in the kelurahan budget, never in the APBDes.
        self.assertEqual((bh.allocated, bh.allocated_amount, bh.allocated_share), (0, 0, None))
        self.assertEqual((bh.kel_allocated, bh.kel_allocated_amount), (1, 4 * M))
        self.assertEqual(bh.kel_allocated_share, Decimal("40.00"))
        self.assertEqual((bh.apbd, bh.apbd_cost), (1, 6 * M))
        self.assertEqual(bh.dd_entered, 0)  # the kelurahan's Dana Desa row is never counted
        total = page.context["total"]
        self.assertEqual((total.proposals, total.estimated_cost), (7, 55 * M))
        self.assertEqual((total.allocated, total.allocated_amount), (2, 13 * M))
        self.assertEqual(total.allocated_share, Decimal("28.89"))
        self.assertEqual((total.apbd, total.apbd_cost), (2, 26 * M))
        self.assertEqual((total.held, total.dd_entered, total.dd_share), (2, 2, Decimal("8.00")))
        desa = Region.objects.filter(level=Level.VILLAGE, code__startswith=LABUHANBATU + ".")
        self.assertEqual(total.villages, desa.count())
        self.assertTrue(page.context["has_kelurahan"])
        self.assertContains(page, "Anggaran kelurahan")

    def test_it_marks_a_kelurahan_line_as_without_dana_desa(self) -> None:
        page = self.page(self.tono)
        kel = self.row(page, NEGERI_LAMA)
        self.assertEqual(kel["kind"], "kelurahan")
        self.assertContains(page, "tanpa Dana Desa")
        self.assertContains(page, "tanpa APBDes")

    def test_it_lists_every_desa_of_the_kabupaten_on_request(self) -> None:
        page = self.page(self.hendra, "?tingkat=desa")
        codes = {r["region"].code for r in page.context["rows"]}
        self.assertIn(SIBARGOT, codes)
        self.assertIn(NEGERI_LAMA, codes)
        self.assertEqual(page.context["total"].proposals, 7)

    def test_it_counts_a_meeting_dated_after_today_as_scheduled(self) -> None:
        from datetime import date

        from tikar.meetings.models import VillageMeeting

        VillageMeeting.objects.create(
            village_id=BANDAR_KUMBUL, year=2025, held_on=date(2025, 12, 2), place="Balai"
        )
        page = self.page(self.dewi)
        bk = self.row(page, BANDAR_KUMBUL)["f"]
        self.assertEqual((bk.held, bk.scheduled), (0, 1))
        self.assertContains(page, "dijadwalkan")

    def test_it_downloads_the_table_as_xlsx(self) -> None:
        response = self.page(self.hendra, "?format=xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("rembuk-12.10-2025.xlsx", response["Content-Disposition"])
        ws = load_workbook(BytesIO(response.content)).active
        rows = list(ws.iter_rows(values_only=True))
        header = next(r for r in rows if r and r[0] == "Kode")
        last = rows[-1]
        values = dict(zip(header, last, strict=True))
        self.assertEqual(values["Usulan"], 7)
        self.assertEqual(values["Perkiraan biaya (Rp)"], 55 * M)
        self.assertEqual(
            Decimal(str(values["Bagian Dana Desa untuk stunting (persen)"])), Decimal("8")
        )
        self.assertEqual(self.page(self.hendra, "?format=pdf").status_code, 404)

    def test_it_never_writes_a_region_name_as_a_formula(self) -> None:
        Region.objects.filter(code=LABUHANBATU).update(name="=1+2")
        response = self.page(self.agus, "?wilayah=12&format=xlsx")
        ws = load_workbook(BytesIO(response.content)).active
        cell = next(c for row in ws.iter_rows() for c in row if c.value == "=1+2")
        self.assertEqual(cell.data_type, "s")  # protect_workbook made it text
