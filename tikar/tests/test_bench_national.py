"""The national benchmark's smoke run prints every figure the README quotes.

`bench/national.py --quick` at a tiny scale (one desa at real size, 200 sampled desa, one
request per page), as its own process, as `make bench-national` runs it. PostgreSQL only (the
benchmark COPYs and reads pg_database_size); on SQLite it is skipped. It uses its own database
next to the suite's (`test_<suite database>_national_<pid>`, created and dropped by the bench).
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
URL = os.environ.get("DATABASE_URL", "")

pytestmark = pytest.mark.skipif(
    not URL.startswith(("postgres://", "postgresql://")),
    reason="the national benchmark needs PostgreSQL (make test-pg)",
)


def _bench_url() -> str:
    parts = urllib.parse.urlsplit(URL)
    name = parts.path.lstrip("/") or "tikar"
    # The process id: two suites on one PostgreSQL server must not share it.
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}_national_{os.getpid()}"))


def test_it_prints_every_figure_of_the_national_benchmark():
    env = {**os.environ, "DATABASE_URL": _bench_url()}
    run = subprocess.run(
        [sys.executable, "bench/national.py", "--quick", "--desa", "1", "--others", "200",
         "--runs", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    out = run.stdout
    assert "| what | measured | aim |" in out
    for figure in (
        "desa-quarters/s",
        "national roll-up (38 provinces)",
        "province 34 roll-up",
        "roll-up, by kecamatan",
        "roll-up, every desa",
        "lokus ranking of kabupaten",
        "scorecard (Formulir 4)",
        "national roll-up export, XLSX",
        "national roll-up export, CSV",
        "database size",
        "VillageQuarterTotal rows",
    ):
        assert figure in out, f"{figure!r} missing from:\n{out}"
    assert "2,400 rows with COPY" in out  # 200 sampled desa x 4 quarters x 3 groups
