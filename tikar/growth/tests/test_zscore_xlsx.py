"""A nutritionist scores an Excel workbook and gets one back (issue 12 §5).

Workbooks are read and written with openpyxl's streaming modes (read-only, write-only), so a
large workbook never sits in memory whole.  A workbook in gives the same scores as the CSV; a
workbook out holds the CSV's cells, with the z-scores, flags, adjusted length and BMI as numbers.
"""

from __future__ import annotations

import csv
import io
import tempfile
import unittest
from pathlib import Path

from openpyxl import Workbook, load_workbook

from tikar.growth.batch import BatchError, ZscoreBatch

from .test_zscore_output_bytes import EXPECTED, run_batch, survey_lines


def typed(cell: str) -> object:
    """A cell as Excel would store it: numbers as numbers, the rest as text."""
    try:
        number = float(cell)
    except ValueError:
        return cell or None
    return int(number) if number.is_integer() and "." not in cell else number


class ZscoreXlsxTest(unittest.TestCase):
    def setUp(self) -> None:
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.dir = Path(tmp.name)

    def test_it_writes_a_workbook_with_the_csv_cells(self) -> None:
        source = self.dir / "survei.csv"
        source.write_text("\n".join(survey_lines()) + "\n", encoding="utf-8")
        err = run_batch(source, self.dir / "hasil.xlsx")
        self.assertIn("hasil ditulis ke", err)
        sheet = load_workbook(self.dir / "hasil.xlsx", read_only=True).worksheets[0]
        # A read-only sheet ends each row at its last filled cell: pad to the header's width.
        got = [list(row) for row in sheet.iter_rows(values_only=True)]
        got = [row + [None] * (len(got[0]) - len(row)) for row in got]
        with open(EXPECTED, newline="", encoding="utf-8") as handle:
            want = list(csv.reader(handle))
        self.assertEqual(list(got[0]), want[0])
        self.assertEqual(len(got), len(want))
        header = want[0]
        for got_row, want_row in zip(got[1:], want[1:], strict=True):
            for name, value, text in zip(header, got_row, want_row, strict=True):
                if text == "":
                    self.assertIsNone(value, name)
                elif name.startswith(("z", "f", "c")) and not name.startswith("cat_"):
                    self.assertEqual(value, float(text), name)  # a number Excel can chart
                else:
                    self.assertEqual(value, text, name)
        first = dict(zip(header, got[1], strict=True))
        self.assertEqual((first["zlen"], first["zwei"]), (-0.07, -0.57))
        self.assertEqual(first["cat_wei"], "berat badan normal")

    def test_it_scores_a_workbook_as_it_scores_the_csv(self) -> None:
        book = Workbook(write_only=True)
        sheet = book.create_sheet("survei")
        for line in survey_lines():
            sheet.append([typed(cell) for cell in line.split(",")])
        book.save(self.dir / "survei.xlsx")
        err = run_batch(self.dir / "survei.xlsx", self.dir / "hasil.csv")
        self.assertIn("498 baris data diproses", err)
        self.assertEqual((self.dir / "hasil.csv").read_bytes(), EXPECTED.read_bytes())

    def test_it_round_trips_a_workbook(self) -> None:
        source = self.dir / "survei.csv"
        source.write_text("\n".join(survey_lines()) + "\n", encoding="utf-8")
        run_batch(source, self.dir / "hasil.xlsx")
        # The scored workbook scored again: the result columns are overwritten in place.
        run_batch(self.dir / "hasil.xlsx", self.dir / "lagi.csv")
        self.assertEqual((self.dir / "lagi.csv").read_bytes(), EXPECTED.read_bytes())

    def test_it_explains_a_file_that_is_no_workbook(self) -> None:
        (self.dir / "rusak.xlsx").write_text("bukan excel", encoding="utf-8")
        with self.assertRaisesRegex(BatchError, "bukan buku kerja Excel"):
            ZscoreBatch(io.StringIO(), io.StringIO()).run(
                input=str(self.dir / "rusak.xlsx"),
                output=str(self.dir / "hasil.csv"),
                summary=False,
                summary_out=None,
                by=[],
                chunk_size=100,
                report_limit=10,
            )

    def test_it_refuses_an_empty_workbook(self) -> None:
        Workbook().save(self.dir / "kosong.xlsx")
        with self.assertRaisesRegex(BatchError, "Berkas masukan kosong"):
            run_batch(self.dir / "kosong.xlsx", self.dir / "hasil.csv")
