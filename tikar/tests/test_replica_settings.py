"""DATABASE_REPLICA_URL adds one alias per replica, the router and its middleware; without it
the settings are exactly as before (tikar/settings.py, tikar/db_router.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "aliases": sorted(settings.DATABASES),
    "routers": list(getattr(settings, "DATABASE_ROUTERS", [])),
    "middleware": [m for m in settings.MIDDLEWARE if "db_router" in m],
    "mirror": {a: d.get("TEST", {}).get("MIRROR") for a, d in settings.DATABASES.items()},
    "hosts": {a: d.get("HOST") for a, d in settings.DATABASES.items()},
}))
"""


def settings_with(**env: str) -> dict:
    environ = {k: v for k, v in os.environ.items() if k != "DATABASE_REPLICA_URL"}
    environ |= {"DJANGO_SETTINGS_MODULE": "tikar.test_settings", "TIKAR_TESTING": "1", **env}
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + PRINT_SETTINGS],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(out.stdout)


PRIMARY = "postgres://tikar@db-primary:5432/tikar"


def test_it_changes_nothing_without_a_replica_url() -> None:
    s = settings_with(DATABASE_URL=PRIMARY)
    assert s["aliases"] == ["default"]
    assert s["routers"] == []
    assert s["middleware"] == []


def test_it_adds_one_alias_per_replica_with_the_router() -> None:
    s = settings_with(
        DATABASE_URL=PRIMARY,
        DATABASE_REPLICA_URL="postgres://tikar@db-r1:5432/tikar, postgres://tikar@db-r2:5432/tikar",
    )
    assert s["aliases"] == ["default", "replica", "replica_2"]
    assert s["hosts"] == {"default": "db-primary", "replica": "db-r1", "replica_2": "db-r2"}
    assert s["routers"] == ["tikar.db_router.ReplicaRouter"]
    assert s["middleware"] == ["tikar.db_router.ReplicaReadMiddleware"]
    # A test run makes no database for a replica: it reads the default test database.
    assert s["mirror"]["replica"] == "default"
