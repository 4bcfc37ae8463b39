"""The chaos benchmark, bounded: 600 operations from 3 phones through every injected fault.

The same harness as `bench/sync_chaos.py` (a real gunicorn process on PostgreSQL behind a
fault-injecting proxy; see its docstring), smaller: 600 operations in batches of 25, with the
faults made more frequent so that each kind happens in a run this size, and the server
SIGKILLed mid-request every 6th sync request. It runs in `make test-pg` (about 30 s, plus
about 30 s once to build the template database); on SQLite it is skipped, because the server
process and the suite cannot share the in-memory test database, and a server killed
mid-write is a PostgreSQL deployment's case.

It uses its own database next to the suite's (`<suite database>_chaos_<pid>`, dropped after)
and the template database the harness keeps (`tikar_bench_tpl_<hash of the migrations>`).
"""

from __future__ import annotations

import os
import sys
import urllib.parse
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench"
URL = os.environ.get("DATABASE_URL", "")

pytestmark = pytest.mark.skipif(
    not URL.startswith(("postgres://", "postgresql://")),
    reason="the chaos run needs PostgreSQL (make test-pg)",
)


def _chaos_url() -> str:
    parts = urllib.parse.urlsplit(URL)
    name = parts.path.lstrip("/") or "tikar"
    # The process id: two suites on one PostgreSQL server must not share it.
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}_chaos_{os.getpid()}"))


def test_it_applies_every_operation_exactly_once_through_faults_and_kills():
    sys.path.insert(0, str(BENCH))
    import sync_chaos
    from sync_common import Faults

    lines: list[str] = []
    report = sync_chaos.run_chaos(
        _chaos_url(),
        ops=600,
        devices=3,
        seed=7,
        batch=25,
        proxy_faults=Faults(
            fail_before=0.06,
            fail_after=0.06,
            drop_after=0.06,
            kill_every=10,
            kill_delay=(0.01, 0.12),
        ),
        device_faults={
            "timeout": 0.08,
            "drop": 0.08,
            "duplicate": 0.08,
            "stale": 0.08,
            "reorder": 0.4,
        },
        time_limit=240,
        keep_database=False,
        log=lines.append,
    )
    sync_chaos.print_report(report, log=lines.append)
    summary = "\n".join(lines)
    print(summary)  # shown with -s, and by pytest when an assertion fails
    stats, proxy = report.stats, report.proxy

    # The faults did happen: the server was killed with a request in flight and restarted,
    # and answers were lost on both sides.
    assert report.kills >= 1 and proxy.kills_in_flight >= 1, summary
    assert proxy.fail_before + proxy.fail_after + proxy.drop_after >= 1, summary
    assert stats.timeouts + stats.dropped_answers >= 1, summary
    assert stats.duplicate_sends + stats.stale_replays >= 1, summary

    assert report.operations >= 600, summary
    assert report.lost == 0, summary
    assert report.duplicated == 0, summary
    assert report.extra_rows == 0, summary
    assert report.exactly_once == report.operations, summary
    assert stats.replay_mismatches == [], summary
    assert stats.refusals == [], summary
    assert report.unexpected_conflicts == 0, summary
    # Two phones' creates of one month that disagree leave a Conflict, never a second record.
    assert report.conflicts_stored <= report.conflicts_expected_max, summary
