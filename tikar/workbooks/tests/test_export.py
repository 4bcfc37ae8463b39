from __future__ import annotations

from datetime import date

from django.urls import reverse

from tikar.households.nik import make_temp_number
from tikar.households.tests.factories import MOTHER_NIK, child, mother
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase
from tikar.workbooks.exporter import COLUMNS, HEADER_ROW
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.tests.helpers import VALID, frozen_today, open_xlsx, upload, workbook


def sheet_rows(content: bytes) -> tuple[dict, list[str], list[dict]]:
    ws = open_xlsx(content).active
    rows = list(ws.iter_rows(values_only=True))
    header = {r[0]: r[1] for r in rows[1 : HEADER_ROW - 2]}
    titles = list(rows[HEADER_ROW - 1])
    data = [dict(zip(titles, r, strict=True)) for r in rows[HEADER_ROW:]]
    return header, titles, data


class ExportTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)
        outcome = import_workbook(upload(workbook(VALID)), self.sari)
        assert outcome.saved, [f.text() for f in outcome.errors]
        self.login(self.sari)

    def _get(self, form: str, year: int = 2026, month: int = 4):
        response = self.client.get(reverse("export_month", args=[form, year, month]))
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response["Content-Type"])
        return sheet_rows(response.content)

    def test_it_exports_formulir_2b_in_the_official_order_with_the_months_values(self) -> None:
        header, titles, data = self._get("2b")
        self.assertEqual(
            (header["Desa/Kelurahan"], header["Kecamatan"], header["Kabupaten/Kota"]),
            ("Sibargot", "Bilah Barat", "Kabupaten Labuhanbatu"),
        )
        self.assertEqual((header["Bulan"], header["Tahun"]), ("April", 2026))
        self.assertEqual(
            titles[:13],
            [
                "No",
                "No Register KIA",
                "Nama anak",
                "Jenis kelamin",
                "Umur (bulan)",
                "BB (kg)",
                "PB/TB (cm)",
                "Cara ukur",
                "LK (cm)",
                "LiLA (cm)",
                "Hasil tikar pertumbuhan",
                "Status gizi",
                "1. Imunisasi dasar sesuai umur",
            ],
        )
        self.assertLess(
            titles.index("5. Konseling gizi ibu"), titles.index("6. Konseling gizi ayah")
        )
        self.assertEqual(titles, list(COLUMNS["2b"]))
        (row,) = data  # the 2-6 year old is on 2c, not here
        self.assertEqual(
            (row["Nama anak"], row["Jenis kelamin"], row["Umur (bulan)"]), ("Budi Kecil", "L", 10)
        )
        self.assertEqual(
            (row["BB (kg)"], row["PB/TB (cm)"], row["Cara ukur"]), (8.4, 70.5, "Terlentang")
        )
        self.assertEqual(row["Hasil tikar pertumbuhan"], "Hijau")
        self.assertEqual(
            (row["5. Konseling gizi ibu"], row["6. Konseling gizi ayah"]), ("Ya", "Tidak")
        )
        self.assertEqual(row["3. Penimbangan berat badan"], "Ya")
        self.assertIn(row["Status gizi"], {"Normal", "Stunting", "Gizi kurang"})
        _h, _t, may = self._get("2b", month=5)
        self.assertEqual((may[0]["BB (kg)"], may[0]["Hasil tikar pertumbuhan"]), (8.6, "Kuning"))
        self.assertEqual(may[0]["6. Konseling gizi ayah"], "Ya")

    def test_it_exports_formulir_2a_and_2c(self) -> None:
        _h, titles, data = self._get("2a")
        self.assertEqual(
            titles[:8],
            [
                "No",
                "No Register KIA",
                "Nama ibu",
                "Status kehamilan",
                "HPL",
                "Usia kehamilan (bulan)",
                "Tanggal melahirkan",
                "1. Pemeriksaan kehamilan",
            ],
        )
        self.assertEqual(titles[-4:-1], ["Tanggal kunjungan", "Posyandu", "LiLA (cm)"])
        (row,) = data
        self.assertEqual((row["No Register KIA"], row["Nama ibu"]), ("KIA-001", "Siti Aminah"))
        self.assertEqual((row["1. Pemeriksaan kehamilan"], row["Jumlah tablet Fe"]), ("Ya", 30))
        self.assertEqual(row["LiLA (cm)"], 24.5)

        _h, titles, data = self._get("2c")
        self.assertIn("Kelompok umur", titles)
        (row,) = data
        self.assertEqual(
            (row["Nama anak"], row["Status PAUD"], row["Kelompok umur"]),
            ("Rina", "Mengikuti", "3 - 6 tahun"),
        )

    def test_it_never_writes_the_temporary_number_as_a_nik(self) -> None:
        mum = mother(self.sibargot, self.sari, name="Dewi Lestari")
        temp = make_temp_number(MOTHER_NIK)
        baby = child(
            self.sibargot,
            self.sari,
            mother_=mum,
            name="Bayi Dewi",
            birth_date=date(2026, 3, 2),
            temp_number=temp,
        )
        record_month(baby, date(2026, 4, 1), {"counselling_mother": True}, self.sari)
        _h, _t, data = self._get("2b")
        row = next(r for r in data if r["Nama anak"] == "Bayi Dewi")
        self.assertIn(row["NIK anak"], (None, ""))
        response = self.client.get(reverse("export_month", args=["2b", 2026, 4]))
        ws = open_xlsx(response.content).active
        self.assertFalse(
            any(temp in str(v) for r in ws.iter_rows(values_only=True) for v in r if v)
        )

    def test_it_answers_404_for_an_unknown_form(self) -> None:
        self.assertEqual(self.client.get("/ekspor/3a/2026-04.xlsx").status_code, 404)

    def test_it_leads_from_the_export_page_to_the_months_file(self) -> None:
        page = self.client.get(reverse("export_pick"))
        self.assertContains(page, "Formulir 2b")
        response = self.client.get(reverse("export_pick"), {"form": "2c", "bulan": "2026-04"})
        self.assertRedirects(
            response, reverse("export_month", args=["2c", 2026, 4]), fetch_redirect_response=False
        )
        self.login(self.dewi)
        response = self.client.get(
            reverse("export_pick"), {"form": "2a", "bulan": "2026-04", "desa": "12.10.07.2001"}
        )
        self.assertEqual(response["Location"], "/ekspor/2a/2026-4.xlsx?desa=12.10.07.2001")
