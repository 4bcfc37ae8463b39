"""A nutritionist runs the batch z-scores without setting up the web application (issue 8 §7).

``tikar-zscore`` is installed with the package (pyproject ``[project.scripts]``) and needs no
database, no SECRET_KEY and no Django settings; ``manage.py zscore`` and ``manage.py scorecard``
no longer stop at "Set SECRET_KEY" when DEBUG is off.  Each run is a real subprocess with a
clean environment (no DEBUG, no SECRET_KEY, no DJANGO_SETTINGS_MODULE, no TIKAR_TESTING).
"""

from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = Path(sys.executable).parent / "tikar-zscore"
# WHO's survey child 1 (igrowup: zlen -0.07, zwei -0.57, zwfl -0.81, zbmi -0.79), then a boy
# of exactly 60 months, out of WHO's scope.
SURVEY = "sex,age_months,weight,lenhei,measure\n2,22.45,10.4,84.8,l\n1,60.0,15,100,h\n"
CLEAN_ENV = {"LANG": "C.UTF-8"}  # nothing else: no PATH, no settings, no secret


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=CLEAN_ENV, capture_output=True, text=True, timeout=120, check=False
    )


class ConsoleScriptTest(unittest.TestCase):
    def setUp(self) -> None:
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.dir = Path(tmp.name)
        (self.dir / "survei.csv").write_text(SURVEY, encoding="utf-8")

    def test_it_is_installed_with_the_package(self) -> None:
        self.assertTrue(SCRIPT.exists(), f"{SCRIPT} missing: run `pip install -e .` (make install)")

    def test_it_scores_a_file_with_no_settings_database_or_secret(self) -> None:
        done = run(str(SCRIPT), "survei.csv", "-o", "hasil.csv", cwd=self.dir)
        self.assertEqual(done.returncode, 0, done.stderr)
        with open(self.dir / "hasil.csv", newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        self.assertEqual(
            [rows[0][z] for z in ("zlen", "zwei", "zwfl", "zbmi")],
            ["-0.07", "-0.57", "-0.81", "-0.79"],
        )
        self.assertEqual(rows[1]["zlen"], "")  # 60.0 months: out of WHO's scope
        self.assertIn("baris 3: peringatan: umur 1826 hari (60,00 bulan)", done.stderr)
        self.assertIn("2 baris data diproses, hasil ditulis ke hasil.csv", done.stderr)

    def test_it_explains_in_indonesian(self) -> None:
        helped = run(str(SCRIPT), "--help", cwd=self.dir)
        self.assertEqual(helped.returncode, 0)
        self.assertIn("cara pakai: tikar-zscore", helped.stdout)
        self.assertIn("Tampilkan bantuan ini lalu keluar.", helped.stdout)
        bare = run(str(SCRIPT), cwd=self.dir)
        self.assertEqual(bare.returncode, 2)
        self.assertIn("kesalahan: berkas masukan belum disebut", bare.stderr)
        missing = run(str(SCRIPT), "tidak-ada.csv", cwd=self.dir)
        self.assertEqual(missing.returncode, 1)
        self.assertIn("Berkas masukan tidak ditemukan: tidak-ada.csv", missing.stderr)
        self.assertNotIn("Traceback", missing.stderr)

    def test_it_does_not_load_django(self) -> None:
        code = (
            "import sys; from tikar.growth import batch; "
            "sys.exit(1 if any(m.split('.')[0] == 'django' for m in sys.modules) else 0)"
        )
        done = run(sys.executable, "-c", code, cwd=ROOT)
        self.assertEqual(done.returncode, 0, done.stderr)


class ManagePyWithoutSecretTest(unittest.TestCase):
    def test_it_runs_manage_py_zscore_without_secret_key(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "survei.csv"
            source.write_text(SURVEY, encoding="utf-8")
            done = run(sys.executable, "manage.py", "zscore", str(source), cwd=ROOT)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("-0.07,0,-0.57", done.stdout)

    def test_it_starts_manage_py_scorecard_without_secret_key(self) -> None:
        done = run(sys.executable, "manage.py", "scorecard", "--help", cwd=ROOT)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertNotIn("SECRET_KEY", done.stderr)

    def test_it_still_refuses_to_serve_the_web_without_secret_key(self) -> None:
        done = run(sys.executable, "manage.py", "check", cwd=ROOT)
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("SECRET_KEY", done.stderr)
