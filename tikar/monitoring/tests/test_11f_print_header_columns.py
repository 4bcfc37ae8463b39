"""The printed Formulir 2a/2b/2c: the official header and columns, in order (forms.md)."""

from __future__ import annotations

import re

from tikar.monitoring.tests.print_11f_helpers import PrintCase


def headings(html: str) -> list[str]:
    """The column headings of the printed table, tags removed, in order."""
    thead = html.split('<table class="pf-table">', 1)[1].split("</thead>", 1)[0]
    cells = re.findall(r"<th[^>]*>(.*?)</th>", thead, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", c)).strip() for c in cells]


class PrintHeaderTests(PrintCase):
    def setUp(self) -> None:
        self.login(self.sari)

    def test_it_prints_the_header_of_the_desa_month_kpm_and_posyandu(self) -> None:
        html = self.page("2a").content.decode()
        for text in (
            "Formulir 2a: Pemantauan Bulanan Ibu Hamil",
            "Kabupaten Labuhanbatu",
            "Bilah Barat",
            "Sibargot",
            "April",
            "2026",
            "Nama KPM",
            "Posyandu Melati",
            "Mengetahui,",
            "Kepala Desa Sibargot",
            "data-print",
        ):
            self.assertIn(text, html)
        self.assertIn("(Sari)", html)  # the KPM's name under the KPM's signature

    def test_it_prints_formulir_2a_columns_in_the_official_order(self) -> None:
        self.assertEqual(
            headings(self.page("2a").content.decode()),
            [
                "No",
                "No Register KIA",
                "Nama ibu",
                "Status kehamilan (Normal / Risti / KEK)",
                "HPL",
                "Usia kehamilan (bulan)",
                "Tanggal melahirkan",
                "1 Pemeriksaan kehamilan",
                "2 Dapat &amp; konsumsi pil Fe",
                "Jumlah tablet Fe",
                "3 Pemeriksaan nifas",
                "Jumlah pemeriksaan nifas",
                "4 Konseling gizi / kelas ibu hamil",
                "5 Kunjungan rumah",
                "6 Kepemilikan akses air bersih",
                "7 Kepemilikan jamban",
                "8 Jaminan kesehatan",
                "LiLA (cm)",
                "Tanggal kunjungan",
            ],
        )

    def test_it_prints_formulir_2b_columns_in_the_official_order(self) -> None:
        got = headings(self.page("2b").content.decode())
        self.assertEqual(
            got[:12],
            [
                "No",
                "No Register KIA",
                "Nama anak",
                "Jenis kelamin (L/P)",
                "Umur (bulan)",
                "BB (kg)",
                "PB/TB (cm)",
                "Cara ukur (terlentang / berdiri)",
                "LK (cm)",
                "LiLA (cm)",
                "Hasil tikar pertumbuhan",
                "Status gizi",
            ],
        )
        indicators = [h for h in got if re.match(r"^\d+ ", h)]
        self.assertEqual([int(h.split()[0]) for h in indicators], list(range(1, 13)))
        self.assertEqual(indicators[4:6], ["5 Konseling gizi ibu", "6 Konseling gizi ayah"])
        self.assertEqual(indicators[-1], "12 Kelas pengasuhan (BKB)")

    def test_it_prints_formulir_2c_columns(self) -> None:
        self.assertEqual(
            headings(self.page("2c").content.decode()),
            [
                "No",
                "No Register KIA",
                "Nama anak",
                "Jenis kelamin (L/P)",
                "Tanggal lahir",
                "Umur (bulan)",
                "Kelompok umur",
                "Status PAUD (Belum / Mengikuti / Tidak mengikuti)",
            ],
        )

    def test_it_says_lurah_for_a_kelurahan(self) -> None:
        from tikar.test import NEGERI_LAMA

        self.login(self.tono)  # Bilah Hilir contains the kelurahan Negeri Lama
        html = self.page("2a", f"bulan=2026-04&desa={NEGERI_LAMA}").content.decode()
        self.assertIn("Lurah", html)
        self.assertNotIn("Kepala Desa", html)

    def test_it_answers_404_for_another_form(self) -> None:
        for form in ("2d", "3a", "2A", "x" * 300):
            self.page(form, status=404)


class PrintLayoutTests(PrintCase):
    def test_it_has_a_css_width_for_every_column_and_fits_a4_landscape(self) -> None:
        from pathlib import Path

        from django.conf import settings

        from tikar.monitoring import print_forms

        css = (Path(settings.BASE_DIR) / "tikar/static/css/print_forms.css").read_text()
        for form, columns in print_forms.COLUMNS.items():
            widths = [6] + [c.width for c in columns]  # 6: the "No" column
            for width in widths:
                self.assertIn(f".pf-table .w-{width} {{ width: {width}mm; }}", css)
            # 297 mm minus the two 8 mm margins of @page.
            self.assertLessEqual(sum(widths), 281, form)
