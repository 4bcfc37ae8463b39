"""The batch output never carries a live formula from a passed-through column (issue 8 §5).

The output keeps WHO Anthro's machine convention, but nutritionists also open it in Excel: a
child's name typed as ``=HYPERLINK(...)`` in a pass-through column gets a leading apostrophe,
while numbers (a negative z-score, a "-1.5" in another column) are left exactly as they are.
"""

from __future__ import annotations

import csv
import io
import tempfile
import unittest
from pathlib import Path

from tikar.growth.batch import ZscoreBatch

LINK = '=HYPERLINK("http://contoh.invalid/","klik")'


class ZscoreOutputFormulaTest(unittest.TestCase):
    def test_it_neutralises_formula_like_text_and_keeps_numbers(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            source, target = Path(tmp) / "in.csv", Path(tmp) / "out.csv"
            with open(source, "w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(["nama", "kode", "catatan", "sex", "age_days", "weight", "lenhei"])
                writer.writerow([LINK, "-1.5", "@SUM(1+1)", "2", "683", "10.4", "84.8"])
                writer.writerow(["+1+2", "-2+3", "\tcmd", "2", "683", "10.4", "84.8"])
            err = io.StringIO()
            ZscoreBatch(io.StringIO(), err).run(
                input=str(source),
                output=str(target),
                summary=False,
                summary_out=None,
                by=[],
                chunk_size=1000,
                report_limit=100,
            )
            with open(target, newline="", encoding="utf-8") as handle:
                rows = list(csv.DictReader(handle))
        first, second = rows
        self.assertEqual(
            (first["nama"], first["kode"], first["catatan"]), ("'" + LINK, "-1.5", "'@SUM(1+1)")
        )
        self.assertEqual(
            (second["nama"], second["kode"], second["catatan"]), ("'+1+2", "'-2+3", "'\tcmd")
        )
        self.assertEqual((first["zlen"], first["zwei"]), ("-0.07", "-0.57"))  # numbers stay
