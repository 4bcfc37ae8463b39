"""Run by test_replica_router in a child process whose DATABASE_URL is a throw-away primary
and DATABASE_REPLICA_URL its streaming replica (not a test module): makes the requests a user
makes and prints, as JSON, which database each request's queries went to.

    DATABASE_URL=… DATABASE_REPLICA_URL=… python -m tikar.tests.replica_probe
"""

from __future__ import annotations

import json
import os
import sys
from datetime import timedelta

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tikar.test_settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from tikar.accounts.models import Role  # noqa: E402
from tikar.db_router import STICKY_COOKIE  # noqa: E402
from tikar.households.models import Pregnancy  # noqa: E402
from tikar.scorecard.refresh import current_quarter  # noqa: E402
from tikar.test import LABUHANBATU, SIBARGOT, make_user  # noqa: E402


def traced(client: Client, method: str, url: str, data: dict | None = None) -> dict:
    """One request, with the SQL statements each database alias received."""
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = getattr(client, method)(url, data or {})
    return {
        "status": response.status_code,
        "sticky_cookie": STICKY_COOKIE in response.cookies,
        "primary": [q["sql"] for q in primary.captured_queries],
        "replica": [q["sql"] for q in replica.captured_queries],
    }


def main() -> None:
    setup_test_environment()  # the test client's ALLOWED_HOSTS ("testserver")
    out: dict = {"aliases": sorted(settings.DATABASES)}
    sari = make_user("sari", Role.KPM, SIBARGOT)
    hendra = make_user("hendra", Role.REGENCY_OFFICER, LABUHANBATU)
    # The users exist on the replica before anyone reads there (the test waits for replay).
    print("READY", flush=True)
    sys.stdin.readline()

    year, quarter = current_quarter()
    officer = Client()
    officer.force_login(hendra)
    out["officer_rollup"] = traced(officer, "get", f"/rekap-wilayah/{year}/{quarter}/")
    out["officer_lokus"] = traced(officer, "get", f"/lokus/{year}/{quarter}/")

    kpm = Client()
    kpm.force_login(sari)
    today = timezone.localdate()
    registration = {
        "step": "person",
        "kind": "pregnancy",
        "hh-kind": "pregnancy",
        "hh-head_name": "Pak Darwis",
        "hh-dusun": "II",
        "hh-safe_water": "1",
        "hh-latrine": "0",
        "hh-vulnerable": "0",
        "p-mother_name": "Rina Harahap",
        "p-mother_birth_date": "1998-02-14",
        "p-due_date": (today + timedelta(days=150)).isoformat(),
        "p-gestation_month": "4",
        "p-risk_status": "kek",
        "p-health_insurance": "1",
    }
    out["kpm_register"] = traced(kpm, "post", "/rumah-tangga/baru/", registration)
    out["pregnancies_on_primary"] = Pregnancy.objects.using("default").count()
    out["kpm_scorecard_after_write"] = traced(kpm, "get", f"/scorecard/{year}/{quarter}/")
    # The sticky cookie has expired (or the KPM comes back later): the replica again.
    del kpm.cookies[STICKY_COOKIE]
    out["kpm_scorecard_later"] = traced(kpm, "get", f"/scorecard/{year}/{quarter}/")
    print("RESULT " + json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
