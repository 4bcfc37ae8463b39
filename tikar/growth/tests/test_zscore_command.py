"""``manage.py zscore`` end to end, with temporary files."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import SimpleTestCase

from .helpers import reference_rows

HEADER = "id,Sex,AGE_DAYS,Weight,LenHei,measure,headc,armc,oedema,desa"
# Row 2 is WHO's survey child 1 (igrowup: zlen -0.07, zwei -0.57, zwfl -0.81, zbmi -0.79).
GOOD = "1,2,683,10.4,84.8,l,,14.9,n,Sukamaju"


class ZscoreCommandTest(SimpleTestCase):
    def setUp(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self) -> None:
        self.tmp.cleanup()

    def run_command(self, text: str, *args: str) -> tuple[list[dict[str, str]], str, str]:
        source = self.dir / "in.csv"
        target = self.dir / "out.csv"
        source.write_text(text, encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        call_command("zscore", str(source), "-o", str(target), *args, stdout=out, stderr=err)
        with open(target, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        return rows, out.getvalue(), err.getvalue()

    def test_it_computes_the_good_rows_and_reports_the_bad_ones(self) -> None:
        text = "\n".join(
            [
                HEADER,
                GOOD,
                "2,2,683,abc,84.8,l,,,n,Sukamaju",
                "3,x,683,10.4,84.8,l,,,n,Sukamaju",
                "4,1,400,9.5,75,l,,,n,Mekarsari",
            ]
        )
        rows, _, err = self.run_command(text + "\n")
        self.assertEqual(len(rows), 4)
        self.assertEqual(
            [rows[0][c] for c in ("zlen", "zwei", "zwfl", "zbmi")],
            ["-0.07", "-0.57", "-0.81", "-0.79"],
        )
        self.assertEqual(rows[0]["cat_len"], "normal")
        self.assertEqual(rows[0]["cat_wei"], "berat badan normal")
        self.assertEqual(rows[0]["cat_wfl"], "gizi baik")
        self.assertEqual(rows[0]["flen"], "0")
        self.assertEqual(rows[0]["zhc"], "")  # no head circumference
        for bad in rows[1:3]:
            self.assertTrue(all(bad[c] == "" for c in ("clenhei", "zlen", "zwei", "cat_len")))
        self.assertNotEqual(rows[3]["zlen"], "")
        self.assertIn("baris 3: kolom weight berisi 'abc', bukan angka", err)
        self.assertIn("baris 4: kolom sex berisi 'x'", err)
        self.assertIn("2 baris tidak dapat dibaca", err)

    def test_it_passes_other_columns_through_unchanged(self) -> None:
        rows, _, _ = self.run_command(HEADER + "\n" + GOOD + "\n")
        self.assertEqual(list(rows[0])[:10], HEADER.split(","))
        self.assertEqual(rows[0]["desa"], "Sukamaju")
        self.assertEqual(rows[0]["Weight"], "10.4")
        self.assertEqual(list(rows[0])[10:12], ["clenhei", "cbmi"])

    def test_it_accepts_age_in_months(self) -> None:
        rows, _, _ = self.run_command("sex,age_months,weight,lenhei,measure\n2,22.45,10.4,84.8,l\n")
        self.assertEqual((rows[0]["zlen"], rows[0]["zwei"]), ("-0.07", "-0.57"))

    def test_it_counts_row_numbers_as_a_spreadsheet_does(self) -> None:
        text = HEADER + "\n" + GOOD + "\n\n" + "5,2,683,10.4,84.8,l,,,maybe,A\n6,,683,1,80,l,,,,A\n"
        rows, _, err = self.run_command(text)
        self.assertEqual(len(rows), 3)
        self.assertIn("baris 4: peringatan: kolom oedema berisi 'maybe'", err)
        self.assertIn("baris 5: kolom sex kosong", err)

    def test_it_warns_about_standing_babies_and_ages_past_60_months(self) -> None:
        text = "sex,age_days,weight,lenhei,measure\n1,120,6,62,h\n1,1900,18,108,h\n"
        rows, _, err = self.run_command(text)
        self.assertIn("baris 2: peringatan: posisi berdiri (h) pada umur di bawah 9 bulan", err)
        self.assertEqual(rows[0]["clenhei"], "62.00")
        self.assertIn("baris 3: peringatan: umur 1900 hari", err)
        self.assertEqual(rows[1]["zlen"], "")

    def test_it_reads_semicolons_and_decimal_commas(self) -> None:
        rows, _, err = self.run_command("sex;age_days;weight;lenhei;measure\n2;683;10,4;84,8;l\n")
        self.assertEqual(
            rows and list(rows[0])[0],
            "sex;age_days;weight;lenhei;measure;clenhei;cbmi;zlen;flen;zwei;fwei;zwfl;fwfl;zbmi;fbmi;zhc;fhc;zac;fac;cat_len;cat_wei;cat_wfl;cat_bmi",
        )
        with open(self.dir / "out.csv", newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle, delimiter=";"))
        self.assertEqual((rows[0]["zlen"], rows[0]["zwei"]), ("-0.07", "-0.57"))
        self.assertNotIn("bukan angka", err)

    def test_it_refuses_a_file_without_the_required_columns(self) -> None:
        with self.assertRaisesMessage(CommandError, "Kolom wajib tidak ditemukan: lenhei"):
            self.run_command("sex,age_days,weight\n1,100,6\n")
        with self.assertRaisesMessage(CommandError, "age_days atau age_months"):
            self.run_command("sex,weight,lenhei\n1,6,60\n")

    def test_it_refuses_an_empty_file(self) -> None:
        with self.assertRaisesMessage(CommandError, "Berkas masukan kosong"):
            self.run_command("")

    def test_it_writes_only_the_header_for_a_file_without_rows(self) -> None:
        rows, _, err = self.run_command(HEADER + "\n")
        self.assertEqual(rows, [])
        self.assertIn("0 baris data diproses", err)
        self.assertIn("zlen", (self.dir / "out.csv").read_text())

    def test_it_prints_and_writes_the_prevalence_summary(self) -> None:
        summary = self.dir / "summary.csv"
        text = HEADER + "\n" + GOOD + "\n" + "2,2,683,8.0,76.0,l,,,n,Sukamaju\n"
        _, out, _ = self.run_command(
            text, "--summary", "--summary-out", str(summary), "--by", "desa"
        )
        self.assertIn("Stunting (PB/U atau TB/U < -2 SD)", out)
        with open(summary, newline="") as handle:
            table = list(csv.DictReader(handle))
        stunting = next(r for r in table if r["indicator"] == "stunting" and r["group"] == "all")
        self.assertEqual((stunting["count"], stunting["denominator"]), ("1", "2"))
        self.assertEqual(stunting["percent"], "50.00")
        self.assertTrue(any(r["group"] == "desa" and r["value"] == "Sukamaju" for r in table))

    def test_it_writes_to_stdout_with_a_dash(self) -> None:
        source = self.dir / "in.csv"
        source.write_text(HEADER + "\n" + GOOD + "\n", encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        call_command("zscore", str(source), "-o", "-", stdout=out, stderr=err)
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        self.assertEqual(rows[0]["zwfl"], "-0.81")

    def test_it_reproduces_the_who_survey_through_the_command(self) -> None:
        header, data = reference_rows()
        names = {"GENDER": "sex", "age.days": "age_days", "WEIGHT": "weight", "HEIGHT": "lenhei"}
        names |= {"measure": "measure", "HEAD": "headc", "MUAC": "armc", "id": "id"}
        first_oedema = header.index("oedema")
        lines = [",".join([*names.values(), "oedema"])]
        for r in data:
            lines.append(",".join([*(r[header.index(k)] for k in names), r[first_oedema]]))
        rows, _, err = self.run_command("\n".join(lines) + "\n", "--chunk-size", "100")
        self.assertEqual(len(rows), 498)
        self.assertNotIn("tidak dapat dibaca", err)
        checked = 0
        for got, want in zip(rows, data, strict=True):
            if int(want[header.index("age.days")]) > 1826:
                self.assertEqual(got["zlen"], "")
                continue
            for col in ("zlen", "zwei", "zwfl", "zbmi", "zhc", "zac", "flen", "fwei", "fwfl"):
                expected = want[header.index(col)]
                if expected == "":
                    self.assertEqual(got[col], "", (got["id"], col))
                else:
                    self.assertEqual(float(got[col]), float(expected), (got["id"], col))
                    checked += 1
        self.assertGreater(checked, 3000)
