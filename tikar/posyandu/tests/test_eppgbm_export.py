"""/eppgbm/: the month's measurements as XLSX in e-PPGBM's column order, read back with openpyxl."""

from datetime import date
from io import BytesIO
from unittest import mock

from django.test import override_settings
from openpyxl import load_workbook

from tikar.households.models import Child
from tikar.posyandu import eppgbm
from tikar.posyandu.tests.skdn_data import seed
from tikar.test import SIBARGOT, BaseTestCase

NIK = "1210071505250001"  # a boy of Bilah Barat born 15 May 2025 (starts with 12: a number)


@override_settings(TIKAR_TODAY="2025-11-10")
@mock.patch("django.utils.timezone.localdate", return_value=date(2025, 11, 10))
class EppgbmExportTest(BaseTestCase):
    def setUp(self):
        self.kids = seed(self)
        Child.objects.filter(pk=self.kids["n_boy"].pk).update(nik=NIK, name="Ahmad Fauzi")

    def sheet(self, query=""):
        self.login(self.sari)
        r = self.client.get("/eppgbm/?bulan=2025-10" + query)
        self.assertEqual(r.status_code, 200)
        return load_workbook(BytesIO(r.content)).active

    def test_it_writes_the_headers_in_the_layout_order(self, _):
        ws = self.sheet()
        headers = [c.value for c in ws[1]]
        self.assertEqual(headers, eppgbm.layouts()["2024"].headers)
        self.assertEqual(headers[:4], ["NIK", "Nama", "JK", "Tgl Lahir"])
        self.assertEqual(headers[10], "Pukesmas")
        self.assertEqual(headers[-5:], ["Naik Berat Badan", "PMT Diterima (kg)", "Jml Vit A",
                                        "KPSP", "KIA"])  # fmt: skip

    def test_it_keeps_the_nik_as_text_with_16_digits(self, _):
        ws = self.sheet()
        rows = {r[1].value: r for r in ws.iter_rows(min_row=2)}
        nik = rows["Ahmad Fauzi"][0]
        self.assertEqual(nik.data_type, "s")
        self.assertEqual(nik.value, NIK)
        self.assertEqual(len(nik.value), 16)

    def test_it_writes_age_method_categories_and_gain(self, _):
        ws = self.sheet()
        col = {c.value: i for i, c in enumerate(ws[1])}
        rows = {r[1].value: [c.value for c in r] for r in ws.iter_rows(min_row=2)}
        boy = rows["Ahmad Fauzi"]  # born 20 May 2025, weighed 15 October 2025: 4 months 25 days
        self.assertEqual(boy[col["Usia Saat Ukur"]], "0 Tahun - 4 Bulan - 25 Hari")
        self.assertEqual(boy[col["Naik Berat Badan"]], "N")
        self.assertEqual(boy[col["Berat"]], 6.9)
        self.assertEqual(boy[col["JK"]], "L")
        self.assertEqual(boy[col["Posyandu"]], "Posyandu Melati")
        self.assertEqual(boy[col["Desa/Kel"]], "Sibargot")
        self.assertEqual(boy[col["KIA"]], "Ya")
        self.assertEqual(ws.max_row - 1, 5)  # the five weighed children of Sibargot in October

    def test_it_offers_the_2025_layout_with_its_extra_columns(self, _):
        ws = self.sheet("&versi=2025")
        headers = [c.value for c in ws[1]]
        for extra in ("Nomor KK", "Anak Ke", "NIK Orang Tua", "No HP Orang Tua", "IMD",
                      "Kelas Ibu Balita", "MBG"):  # fmt: skip
            self.assertIn(extra, headers)
        self.assertEqual(headers, eppgbm.layouts()["2025"].headers)

    def test_it_answers_404_outside_the_desa(self, _):
        self.login(self.budi)
        self.assertEqual(self.client.get(f"/eppgbm/?desa={SIBARGOT}").status_code, 404)
        self.assertEqual(self.client.get(f"/eppgbm/?posyandu={self.melati.pk}").status_code, 404)
        self.login(self.tono)
        self.assertEqual(self.client.get(f"/eppgbm/?desa={SIBARGOT}").status_code, 404)
        self.login(self.dewi)  # an area, not a desa
        self.assertEqual(self.client.get("/eppgbm/").status_code, 404)
        self.assertEqual(self.client.get(f"/eppgbm/?desa={SIBARGOT}").status_code, 200)
        self.login(self.sari)
        self.assertEqual(self.client.get("/eppgbm/?versi=1990").status_code, 404)
