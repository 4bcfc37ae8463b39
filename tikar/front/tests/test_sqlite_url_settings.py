"""A SQLite database named by DATABASE_URL queues concurrent saves like the default one
(found by the fresh tester: 4 simultaneous POSTs on `sqlite:////tmp/…` gave two 500s,
"database is locked", because WAL and IMMEDIATE applied only without DATABASE_URL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parents[3]
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps(settings.DATABASES['default']['OPTIONS']))"
)


def options_with(database_url: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"DJANGO_SETTINGS_MODULE": "tikar.settings", "DEBUG": "1", "TIKAR_VAR_DIR": "/tmp"}
    if database_url:
        env["DATABASE_URL"] = database_url
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


class SqliteUrlSettingsTests(SimpleTestCase):
    def test_it_gives_a_sqlite_url_the_same_locking_as_the_default_database(self) -> None:
        default = options_with(None)
        named = options_with("sqlite:////tmp/tikar-settings-probe.sqlite3")
        self.assertEqual(named["transaction_mode"], "IMMEDIATE")
        self.assertIn("busy_timeout", named["init_command"])
        self.assertEqual(named, default)

    def test_it_leaves_postgresql_without_sqlite_pragmas(self) -> None:
        pg = options_with("postgres://postgres@127.0.0.1:5432/tikar_probe")
        self.assertNotIn("init_command", pg)
        self.assertIn("jit=off", pg["options"])
