"""The batch output stays byte for byte what it was before the columnar rewrite (issue 12 §5).

The expected files were written by the row-by-row ``tikar-zscore`` of before the change, on
WHO's example survey fed the way ``test_zscore_command`` feeds it.  The columnar path (pyarrow)
serves plain files (blank lines included); a file with quotes takes the row-by-row path, and both
must give the same bytes.
"""

from __future__ import annotations

import io
import tempfile
import unittest
from pathlib import Path

from tikar.growth import batch
from tikar.growth.batch import ZscoreBatch

from .helpers import reference_rows

DATA = Path(__file__).resolve().parent / "data"
EXPECTED = DATA / "igrowup_survey_zscore_expected.csv"
EXPECTED_SUMMARY = DATA / "igrowup_survey_zscore_summary_expected.csv"


def survey_lines() -> list[str]:
    """WHO's survey in WHO Anthro's column names, as ``test_zscore_command`` writes it."""
    header, data = reference_rows()
    names = {"GENDER": "sex", "age.days": "age_days", "WEIGHT": "weight", "HEIGHT": "lenhei"}
    names |= {"measure": "measure", "HEAD": "headc", "MUAC": "armc", "id": "id"}
    first_oedema = header.index("oedema")
    lines = [",".join([*names.values(), "oedema"])]
    for r in data:
        lines.append(",".join([*(r[header.index(k)] for k in names), r[first_oedema]]))
    return lines


def run_batch(source: Path, target: Path, summary: Path | None = None, **extra: object) -> str:
    err = io.StringIO()
    options: dict[str, object] = {
        "input": str(source),
        "output": str(target),
        "summary": False,
        "summary_out": str(summary) if summary else None,
        "by": [],
        "chunk_size": 100_000,
        "report_limit": 1000,
    }
    ZscoreBatch(io.StringIO(), err).run(**(options | extra))
    return err.getvalue()


class ZscoreOutputBytesTest(unittest.TestCase):
    def setUp(self) -> None:
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.dir = Path(tmp.name)

    def test_it_writes_the_who_survey_byte_for_byte_as_before(self) -> None:
        source = self.dir / "survei.csv"
        source.write_text("\n".join(survey_lines()) + "\n", encoding="utf-8")
        err = run_batch(source, self.dir / "hasil.csv", self.dir / "prevalensi.csv")
        self.assertEqual((self.dir / "hasil.csv").read_bytes(), EXPECTED.read_bytes())
        self.assertEqual((self.dir / "prevalensi.csv").read_bytes(), EXPECTED_SUMMARY.read_bytes())
        self.assertIn("498 baris data diproses", err)
        self.assertIn("4 peringatan", err)

    def test_it_writes_the_same_bytes_in_small_chunks(self) -> None:
        source = self.dir / "survei.csv"
        source.write_text("\n".join(survey_lines()) + "\n", encoding="utf-8")
        run_batch(source, self.dir / "hasil.csv", chunk_size=7)
        self.assertEqual((self.dir / "hasil.csv").read_bytes(), EXPECTED.read_bytes())

    def test_it_writes_the_same_bytes_with_blank_lines_and_windows_line_ends(self) -> None:
        lines = survey_lines()
        source = self.dir / "survei.csv"
        source.write_text("\r\n".join([*lines[:10], "", *lines[10:]]) + "\r\n", encoding="utf-8")
        err = run_batch(source, self.dir / "hasil.csv")
        self.assertEqual((self.dir / "hasil.csv").read_bytes(), EXPECTED.read_bytes())
        self.assertIn("498 baris data diproses", err)

    def test_it_counts_blank_lines_in_the_row_numbers_it_reports(self) -> None:
        # The numbers are the user's spreadsheet rows: blank lines before a bad row count,
        # on the columnar path as on the csv module's (stdout) path.
        text = "id,sex,age_days,weight,lenhei\n\n\n1,1,400,9.5,75.0\n\n2,3,400,9.5,75.0\n\n"
        source = self.dir / "survei.csv"
        source.write_text(text, encoding="utf-8")
        err = run_batch(source, self.dir / "hasil.csv")
        self.assertIn("baris 6: kolom sex berisi '3'", err)
        self.assertIn("2 baris data diproses", err)
        lines = (self.dir / "hasil.csv").read_bytes().split(b"\r\n")
        self.assertEqual([line[:2] for line in lines[1:3]], [b"1,", b"2,"])

    def test_it_restarts_cleanly_when_the_row_by_row_path_is_needed_late_in_the_file(
        self,
    ) -> None:
        # Small blocks, and a quoted cell near the end: the columnar path has already scored
        # (and reported) most rows when it meets it.  The restart must neither repeat a
        # message nor change a byte.
        lines = survey_lines()
        cells = lines[450].split(",")
        cells[0] = f'"{cells[0]}"'  # the csv module reads "1" as 1, written back unquoted
        lines[450] = ",".join(cells)
        source = self.dir / "survei.csv"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.addCleanup(setattr, batch, "_BLOCK_BYTES", batch._BLOCK_BYTES)
        batch._BLOCK_BYTES = 2048
        err = run_batch(source, self.dir / "hasil.csv")
        self.assertEqual((self.dir / "hasil.csv").read_bytes(), EXPECTED.read_bytes())
        self.assertEqual(err.count("peringatan: umur"), 4)  # WHO's four children past 60 months
        self.assertEqual(err.count("baris data diproses"), 1)
