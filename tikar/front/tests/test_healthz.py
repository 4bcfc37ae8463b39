import os
import subprocess
import sys
from pathlib import Path

from django.test import TestCase

ROOT = Path(__file__).resolve().parents[3]


class HealthzTestCase(TestCase):
    def test_it_answers_200_when_the_database_is_reachable(self):
        r = self.client.get("/healthz")
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.content, b"OK\n")

    def test_it_answers_503_when_the_database_is_unreachable(self):
        # A real process whose database is a PostgreSQL port where nothing listens.
        code = (
            "import django; django.setup();"
            "from django.test import Client;"
            "r = Client(HTTP_HOST='localhost').get('/healthz');"
            "print(r.status_code, r.content.decode().strip())"
        )
        env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="tikar.test_settings",
            DATABASE_URL="postgres://nobody@127.0.0.1:9/nothing",
        )
        out = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        self.assertEqual(out.stdout.strip(), "503 database unreachable", out.stderr[-2000:])
