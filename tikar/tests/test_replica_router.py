"""Officers' area pages read a real streaming replica; a KPM's write and the pages right after
it use the primary; the replica never receives a write (tikar/db_router.py).

The test starts its own PostgreSQL primary and `pg_basebackup -R` replica (tests/pg_clusters.py),
with a copy of the pytest test database (schema and the 91,599 regions: one pg_dump/pg_restore,
faster than running the migrations again), and runs the requests in a child process whose
settings point DATABASE_URL at the primary and DATABASE_REPLICA_URL at the replica, exactly as
a deployment configures them. Skipped on SQLite and where the PostgreSQL binaries are absent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from tikar.tests import pg_clusters

ROOT = Path(__file__).resolve().parents[2]
# The whole test (two clusters, a copy of the regions, a Django child process) on a busy
# machine: generous, but a hang must still fail rather than block CI.
PROBE_TIMEOUT_S = 300

pytestmark = pytest.mark.django_db


def _source_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER'] or 'postgres'}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture(scope="module")
def probe_result(django_db_setup, django_db_blocker) -> dict:
    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            pytest.skip("the replica test needs PostgreSQL (run with DATABASE_URL=postgres://…)")
    why = pg_clusters.missing_binaries()
    if why:
        pytest.skip(why)
    started = time.monotonic()
    with django_db_blocker.unblock(), pg_clusters.primary_and_replica(_source_url()) as pair:
        env = os.environ | {
            "DATABASE_URL": pair.primary.url(),
            "DATABASE_REPLICA_URL": pair.replica.url(),
            "DJANGO_SETTINGS_MODULE": "tikar.test_settings",
            "TIKAR_TESTING": "1",
        }
        child = subprocess.Popen(
            [sys.executable, "-m", "tikar.tests.replica_probe"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout.readline().strip() == "READY", child.stderr.read()
            pair.wait_replayed()  # the users the child created are on the replica
            child.stdin.write("go\n")
            child.stdin.flush()
            stdout, stderr = child.communicate(timeout=PROBE_TIMEOUT_S)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        lines = [line for line in stdout.splitlines() if line.startswith("RESULT ")]
        assert lines, stderr
        result = json.loads(lines[0].removeprefix("RESULT "))
        result["seconds"] = time.monotonic() - started
        # The replica is still a replica: a hot standby refuses every write.
        result["replica_in_recovery"] = pg_clusters.psql(
            pair.replica.url(), "SELECT pg_is_in_recovery()"
        )
    print(f"replica test: {result['seconds']:.1f} s")
    return result


def test_it_has_a_replica_alias(probe_result: dict) -> None:
    assert probe_result["aliases"] == ["default", "replica"]


def test_it_reads_the_officers_rollup_from_the_replica(probe_result: dict) -> None:
    for page in ("officer_rollup", "officer_lokus"):
        request = probe_result[page]
        assert request["status"] == 200, page
        assert request["replica"], f"{page} read nothing from the replica"


def test_it_writes_the_kpms_registration_to_the_primary(probe_result: dict) -> None:
    request = probe_result["kpm_register"]
    assert request["status"] == 302
    assert request["sticky_cookie"]
    assert any(sql.startswith("INSERT") for sql in request["primary"])
    assert request["replica"] == []
    assert probe_result["pregnancies_on_primary"] == 1


def test_it_reads_the_primary_right_after_the_kpms_write(probe_result: dict) -> None:
    request = probe_result["kpm_scorecard_after_write"]
    assert request["status"] == 200
    assert request["primary"]
    assert request["replica"] == []


def test_it_reads_the_replica_again_once_the_sticky_time_is_over(probe_result: dict) -> None:
    request = probe_result["kpm_scorecard_later"]
    assert request["status"] == 200
    assert request["replica"]


def test_it_never_sends_a_write_to_the_replica(probe_result: dict) -> None:
    replica_sql = [
        sql
        for key, request in probe_result.items()
        if isinstance(request, dict)
        for sql in request["replica"]
    ]
    assert replica_sql
    assert all(sql.lstrip().upper().startswith("SELECT") for sql in replica_sql), replica_sql
    assert probe_result["replica_in_recovery"] == "t"


def test_it_runs_within_ci_time(probe_result: dict) -> None:
    assert probe_result["seconds"] < 90
