from __future__ import annotations

from datetime import date

from django.urls import reverse

from tikar.test import BaseTestCase
from tikar.workbooks.models import ImportRun
from tikar.workbooks.tests.helpers import (
    VALID,
    frozen_today,
    open_xlsx,
    table_counts,
    upload,
    with_changes,
    workbook,
)


class AllOrNothingTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)
        self.login(self.sari)

    def _import(self, data) -> ImportRun:
        self.client.post(reverse("import"), {"file": upload(workbook(data))})
        return ImportRun.objects.latest("created_at")

    def test_it_saves_nothing_when_one_row_is_bad_and_says_where_in_indonesian(self) -> None:
        before = table_counts()
        bad = with_changes("Anak", 1, Tanggal_lahir=date(2027, 1, 5))
        run = self._import(bad)
        self.assertEqual(table_counts(), before)
        self.assertEqual(run.status, ImportRun.REFUSED)
        self.assertEqual(len(run.errors), 1, run.errors)
        text = run.errors[0]["text"]
        # Row 3: the header is row 1, the first child row 2.
        self.assertTrue(text.startswith("Sheet Anak, baris 3, kolom Tanggal lahir: "), text)
        self.assertIn("5 Januari 2027", text)
        self.assertIn("tidak boleh sesudah hari ini", text)

        page = self.client.get(reverse("import_run", args=[run.pk]))
        self.assertContains(page, "Sheet Anak, baris 3, kolom Tanggal lahir")
        self.assertContains(page, "Tidak ada yang disimpan")

    def test_it_lists_every_bad_row_and_column_of_the_file(self) -> None:
        data = with_changes("Pemantauan 2b", 1, Tanggal_kunjungan=date(2026, 4, 30))
        data["Pemantauan 2b"].append(dict(VALID["Pemantauan 2b"][0]))  # April twice
        data["Rumah tangga"][0]["Akses air minum aman"] = "mungkin"
        data["Ibu hamil"][0]["Usia kehamilan saat didaftar (bulan)"] = 12
        before = table_counts()
        run = self._import(data)
        self.assertEqual(table_counts(), before)
        texts = [e["text"] for e in run.errors]
        self.assertEqual(len(texts), 4, texts)
        self.assertTrue(
            texts[0].startswith("Sheet Rumah tangga, baris 2, kolom Akses air minum aman")
        )
        self.assertIn("Ya, Tidak", texts[0])
        self.assertTrue(
            texts[1].startswith("Sheet Ibu hamil, baris 2, kolom Usia kehamilan saat didaftar")
        )
        self.assertIn("1 sampai 9", texts[1])
        self.assertTrue(
            texts[2].startswith("Sheet Pemantauan 2b, baris 3, kolom Tanggal kunjungan")
        )
        self.assertIn("tidak di bulan Mei 2026", texts[2])
        self.assertTrue(texts[3].startswith("Sheet Pemantauan 2b, baris 4, kolom Bulan: "))
        self.assertIn("Baris 2 sudah berisi bulan April 2026", texts[3])

    def test_it_offers_the_report_as_csv_and_as_the_annotated_workbook(self) -> None:
        run = self._import(with_changes("Anak", 1, Tanggal_lahir=date(2027, 1, 5)))
        csv = self.client.get(reverse("import_report_csv", args=[run.pk]))
        self.assertEqual(csv.status_code, 200)
        lines = csv.content.decode("utf-8-sig").splitlines()
        self.assertEqual(lines[0], "Sheet;Baris;Kolom;Jenis;Pesan")  # for Excel-ID: ';'
        self.assertTrue(lines[1].startswith("Anak;3;Tanggal lahir;Kesalahan;"), lines[1])

        annotated = self.client.get(reverse("import_report_xlsx", args=[run.pk]))
        wb = open_xlsx(annotated.content)
        self.assertEqual(wb.sheetnames[0], "Laporan impor")
        cell = wb["Anak"]["E3"]  # Tanggal lahir is the 5th column
        self.assertIn("5 Januari 2027", cell.comment.text)
        self.assertEqual(cell.fill.fgColor.rgb[-6:], "F4CCCC")

    def test_it_refuses_a_file_that_is_not_a_workbook(self) -> None:
        self.client.post(reverse("import"), {"file": upload(b"not a zip file")})
        run = ImportRun.objects.get()
        self.assertEqual(run.status, ImportRun.REFUSED)
        self.assertIn(".xlsx", run.errors[0]["text"])
