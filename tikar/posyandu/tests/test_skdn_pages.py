"""/skdn/ and /skdn/xlsx: who sees which area, the figures on the page and in the file."""

from datetime import date
from io import BytesIO
from unittest import mock

from django.test import override_settings
from openpyxl import load_workbook

from tikar.posyandu.tests.skdn_data import seed
from tikar.test import BANDAR_KUMBUL, BILAH_BARAT, BILAH_HILIR, SIBARGOT, BaseTestCase

OCT = "?bulan=2025-10"


@override_settings(TIKAR_TODAY="2025-11-10")
@mock.patch("django.utils.timezone.localdate", return_value=date(2025, 11, 10))
class SkdnPagesTest(BaseTestCase):
    def setUp(self):
        self.kids = seed(self)

    def test_it_shows_the_kpm_her_desa_by_posyandu_with_the_identity(self, _):
        self.login(self.sari)
        r = self.client.get("/skdn/" + OCT)
        self.assertEqual(r.status_code, 200)
        html = r.content.decode()
        self.assertIn("5 = 1 + 2 + 1 + 1", html)  # D = N + T + O + B of Sibargot
        self.assertIn("Posyandu Melati", html)
        self.assertIn("Oktober 2025", html)
        self.assertEqual(r.context["total"].s, 8)
        self.assertEqual([row.counts.s for row in r.context["rows"]], [7, 1])

    def test_it_narrows_to_one_posyandu(self, _):
        self.login(self.rahmat)
        r = self.client.get(f"/skdn/{OCT}&posyandu={self.melati.pk}")
        self.assertEqual((r.context["total"].s, r.context["total"].d), (7, 5))

    def test_it_answers_404_to_a_neighbour_and_to_an_officer_outside_the_area(self, _):
        self.login(self.budi)
        self.assertEqual(self.client.get(f"/skdn/?desa={SIBARGOT}").status_code, 404)
        self.assertEqual(self.client.get(f"/skdn/?posyandu={self.melati.pk}").status_code, 404)
        self.assertEqual(self.client.get(f"/skdn/xlsx?desa={SIBARGOT}").status_code, 404)
        self.login(self.tono)  # kecamatan Bilah Hilir
        self.assertEqual(self.client.get(f"/skdn/?desa={SIBARGOT}").status_code, 404)
        self.assertEqual(self.client.get(f"/skdn/?wilayah={BILAH_BARAT}").status_code, 404)
        self.assertEqual(self.client.get("/skdn/xlsx?wilayah=12.10").status_code, 404)
        self.assertEqual(self.client.get("/skdn/?wilayah=12.10.07.2001x").status_code, 404)

    def test_it_shows_officers_the_level_below(self, _):
        self.login(self.dewi)  # kecamatan Bilah Barat: rows by desa
        r = self.client.get("/skdn/" + OCT)
        rows = {row.code: row.counts for row in r.context["rows"]}
        self.assertEqual((rows[SIBARGOT].s, rows[BANDAR_KUMBUL].s), (8, 1))
        self.assertEqual(r.context["total"].s, 9)
        self.login(self.hendra)  # kabupaten: rows by kecamatan
        r = self.client.get("/skdn/" + OCT)
        rows = {row.code: row.counts for row in r.context["rows"]}
        self.assertEqual((rows[BILAH_BARAT].d, rows[BILAH_HILIR].d), (6, 0))
        r = self.client.get(f"/skdn/{OCT}&desa={SIBARGOT}")
        self.assertEqual(r.context["total"].d, 5)

    def test_it_explains_a_bad_or_future_month_in_indonesian(self, _):
        self.login(self.sari)
        for bad in ("2025-13", "kemarin", "1999-12", "2030-01"):
            r = self.client.get(f"/skdn/?bulan={bad}")
            self.assertEqual(r.status_code, 200, bad)
            self.assertEqual(r.context["month"], date(2025, 11, 1))
            self.assertTrue(r.context["message"], bad)
        self.assertIn("bukan bulan", self.client.get("/skdn/?bulan=kemarin").content.decode())

    def test_it_writes_the_f1_gizi_layout_to_xlsx(self, _):
        self.login(self.sari)
        r = self.client.get("/skdn/xlsx" + OCT)
        self.assertEqual(r.status_code, 200)
        wb = load_workbook(BytesIO(r.content))
        ws = wb["F1 Gizi"]
        self.assertEqual(ws["B6"].value, "0-5 bln")
        self.assertEqual([ws.cell(7, c).value for c in range(2, 4)], ["L", "P"])
        labels = {ws.cell(r, 1).value: r for r in range(8, 22)}
        row_d, row_s = labels["D: ditimbang bulan ini"], labels["S: jumlah balita"]
        self.assertEqual(ws.cell(row_s, 14).value, 8)  # L+P column
        self.assertEqual(ws.cell(row_d, 14).value, 5)
        self.assertEqual(ws.cell(row_d, 2).value, 1)  # 0-5 months, boys: the N boy
        n, t, o, b = (ws.cell(labels[k], 14).value for k in (
            "N: naik berat badan", "T: tidak naik", "O: bulan lalu tidak ditimbang",
            "B: baru pertama kali ditimbang"))  # fmt: skip
        self.assertEqual(n + t + o + b, 5)
        rows = wb["Per Posyandu"]
        self.assertEqual(rows["A2"].value, "Posyandu Melati")
        self.assertEqual(rows["C2"].value, 7)

    def test_it_lets_the_national_administrator_choose_a_province_first(self, _):
        self.login(self.agus)
        r = self.client.get("/skdn/" + OCT)
        self.assertEqual(r.status_code, 200)
        self.assertIn("Sumatera Utara", r.content.decode().upper().title())
        r = self.client.get(f"/skdn/{OCT}&wilayah=12")  # the province: rows by kabupaten
        rows = {row.code: row.counts for row in r.context["rows"]}
        self.assertEqual(rows["12.10"].s, 9)
        self.assertEqual(self.client.get("/skdn/?posyandu=abc").status_code, 404)
