"""Tikar runs under gunicorn with production settings: DEBUG off, SECRET_KEY from the
environment, static files collected and served by WhiteNoise, 500s logged with their traceback.

Runs the real thing in subprocesses, as docs/deploy.md and `make serve-prod` do: collectstatic,
then gunicorn on a free 127.0.0.1 port, behind a (pretend) TLS proxy that sets
X-Forwarded-Proto. The settings module is tikar.settings plus one URL that raises
(tikar/front/tests/fault_settings.py).
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

BASE = Path(settings.BASE_DIR)
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers=PROXY_HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


class ProductionServerTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.tmp = tempfile.TemporaryDirectory()
        var = Path(cls.tmp.name)
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TIKAR_TESTING")}
        env |= {
            "DJANGO_SETTINGS_MODULE": "tikar.front.tests.fault_settings",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "TIKAR_VAR_DIR": str(var),
            "BEHIND_TLS_PROXY": "1",
            "PYTHONUNBUFFERED": "1",
        }
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=BASE, env=env, check=True, timeout=300,
        )  # fmt: skip
        cls.port = free_port()
        cls.stderr_path = var / "gunicorn-stderr.log"
        cls.stderr = open(cls.stderr_path, "w")  # noqa: SIM115 (closed in tearDownClass)
        cls.server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "tikar.wsgi:application",
             "--bind", f"127.0.0.1:{cls.port}", "--workers", "1", "--no-control-socket"],
            cwd=BASE, env=env, stdout=subprocess.DEVNULL, stderr=cls.stderr,
        )  # fmt: skip
        cls.base = f"http://127.0.0.1:{cls.port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(cls.base + "/healthz")
                break
            except OSError:
                if cls.server.poll() is not None or time.monotonic() > deadline:
                    cls.tearDownClass()
                    raise AssertionError("gunicorn did not start:\n" + cls.log()) from None
                time.sleep(0.2)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.terminate()
        try:
            cls.server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            cls.server.kill()
        cls.stderr.close()
        cls.tmp.cleanup()
        super().tearDownClass()

    @classmethod
    def log(cls) -> str:
        cls.stderr.flush()
        return cls.stderr_path.read_text()

    def test_it_answers_healthz(self) -> None:
        status, _, body = fetch(self.base + "/healthz")
        self.assertEqual((status, body), (200, "OK\n"))

    def test_it_serves_the_login_page_in_indonesian_with_collected_static_files(self) -> None:
        status, headers, body = fetch(self.base + "/masuk/")
        self.assertEqual(status, 200)
        self.assertIn("Nama pengguna", body)
        self.assertIn("Content-Security-Policy", headers)
        # The manifest storage names the stylesheet by its content hash; WhiteNoise serves it.
        css = body.split('rel="stylesheet" href="')[1].split('"')[0]
        self.assertRegex(css, r"^/static/css/tikar\.[0-9a-f]{12}\.css$")
        self.assertEqual(fetch(self.base + css)[0], 200)

    def test_it_redirects_plain_http_to_https(self) -> None:
        request = urllib.request.Request(self.base + "/masuk/", headers={"Host": "127.0.0.1"})

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        with self.assertRaises(urllib.error.HTTPError) as caught:
            urllib.request.build_opener(NoRedirect).open(request, timeout=10)
        self.assertEqual(caught.exception.code, 301)
        self.assertTrue(caught.exception.headers["Location"].startswith("https://"))

    def test_it_logs_a_500_with_its_traceback_and_shows_an_indonesian_page(self) -> None:
        status, _, body = fetch(self.base + "/uji-kesalahan/")
        self.assertEqual(status, 500)
        self.assertIn("Terjadi kesalahan", body)
        self.assertNotIn("kesalahan-uji-produksi", body)  # no detail leaks to the user
        # The error page links the stylesheet by its plain name (no manifest lookup that could
        # fail while something is broken); WhiteNoise serves that name too.
        self.assertIn('href="/static/css/tikar.css"', body)
        self.assertEqual(fetch(self.base + "/static/css/tikar.css")[0], 200)
        deadline = time.monotonic() + 10
        while "kesalahan-uji-produksi" not in self.log() and time.monotonic() < deadline:
            time.sleep(0.1)
        log = self.log()
        self.assertIn("ERROR django.request: Internal Server Error: /uji-kesalahan/", log)
        self.assertIn("Traceback (most recent call last)", log)
        self.assertIn("RuntimeError: kesalahan-uji-produksi", log)
