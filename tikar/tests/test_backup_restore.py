"""A `pg_dump -Fc` of a database holding the demo restores into a fresh database with every row
and the same scorecard (docs/scaling.md, "Backups"; `make backup` / `make restore`).

PostgreSQL only. The demo is committed data, which a test inside pytest's transaction cannot
make, so it goes into a scratch copy of the test database (`<test db>_bk_src`, made by the
same dump/restore), loaded by `manage.py load_demo` as an operator would; the restore target
is `<test db>_bk_restored`. Both are dropped at teardown whatever happens.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.db import connection

from tikar.tests import pg_clusters
from tikar.tests.pg_clusters import psql

ROOT = Path(__file__).resolve().parents[2]
SIBARGOT = "12.10.07.2001"
COMMAND_TIMEOUT_S = 900  # the demo population on a busy machine

pytestmark = pytest.mark.django_db


def _url(name: str) -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER'] or 'postgres'}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def _manage(url: str, *args: str) -> str:
    env = os.environ | {
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "tikar.test_settings",
        "TIKAR_TESTING": "1",
    }
    env.pop("DATABASE_REPLICA_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT_S,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _row_counts(url: str) -> dict[str, int]:
    """Every table of the public schema with its exact row count."""
    tables = psql(
        url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    ).split()
    union = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM public.\"{t}\"" for t in tables)
    rows = psql(url, union).splitlines()
    return {name: int(n) for name, n in (row.split("|") for row in rows)}


@pytest.fixture(scope="module")
def backup(django_db_setup, django_db_blocker) -> dict:
    if connection.vendor != "postgresql":
        pytest.skip("the backup test needs PostgreSQL (run with DATABASE_URL=postgres://…)")
    why = pg_clusters.missing_binaries()
    if why:
        pytest.skip(why)
    test_db = connection.settings_dict["NAME"]
    src, restored = f"{test_db}_bk_src", f"{test_db}_bk_restored"
    admin = _url("postgres")
    started = time.monotonic()
    with django_db_blocker.unblock(), tempfile.TemporaryDirectory() as tmp:
        try:
            for name in (src, restored):
                psql(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                psql(admin, f'CREATE DATABASE "{name}"')
            pg_clusters.dump_restore(_url(test_db), _url(src), Path(tmp) / "schema.dump")
            _manage(_url(src), "load_demo")
            year, quarter = 2026, 1
            card = ("scorecard", "--village", SIBARGOT, "--year", str(year),
                    "--quarter", str(quarter), "--format", "json")  # fmt: skip
            original_card = _manage(_url(src), *card)
            # The backup and the restore, as `make backup` / `make restore` run them.
            dump = Path(tmp) / "tikar.dump"
            pg_clusters.dump_restore(_url(src), _url(restored), dump)
            result = {
                "dump_bytes": dump.stat().st_size,
                "original_counts": _row_counts(_url(src)),
                "restored_counts": _row_counts(_url(restored)),
                "original_card": json.loads(original_card),
                "restored_card": json.loads(_manage(_url(restored), *card)),
                "seconds": time.monotonic() - started,
            }
        finally:
            for name in (src, restored):
                psql(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"backup test: {result['seconds']:.1f} s, dump {result['dump_bytes'] / 1e6:.1f} MB")
    return result


def test_it_restores_every_row_of_every_table(backup: dict) -> None:
    assert backup["restored_counts"] == backup["original_counts"]
    counts = backup["original_counts"]
    assert counts["regions_region"] == 91_599
    assert counts["households_household"] > 0
    assert counts["monitoring_childvisit"] > 0


def test_it_shows_the_same_scorecard_from_the_restored_database(backup: dict) -> None:
    assert backup["restored_card"] == backup["original_card"]
    assert SIBARGOT in json.dumps(backup["original_card"])
