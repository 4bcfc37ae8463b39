"""Helpers for tests and scripts that drive the real app in headless Chromium.

`running_server()` starts Tikar as `make run` would (a fresh SQLite database under a temporary
directory, migrated, with the demo loaded) on a free local port, and stops it afterwards.
Chromium is Debian's (/usr/bin/chromium), driven by Playwright's Python client: Playwright
never downloads a browser of its own here.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_available() -> bool:
    return os.access(CHROMIUM, os.X_OK)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(extra_env: dict[str, str] | None = None) -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="tikar-browser-") as tmp:
        env = dict(
            os.environ, DEBUG="1", TIKAR_VAR_DIR=tmp, DJANGO_SETTINGS_MODULE="tikar.settings"
        )
        env.pop("DATABASE_URL", None)  # the browser server always runs on its own SQLite file
        env.update(extra_env or {})
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        subprocess.run([*manage, "load_demo"], env=env, cwd=ROOT, check=True, capture_output=True)
        port = _free_port()
        server = subprocess.Popen(
            [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)


# The running Playwright driver of this process, shared by nested and later `browser()` calls:
# Playwright's sync API refuses to start a second driver while one runs in the same thread
# (the test session keeps one open for its `chromium` fixture).
_driver = None


@contextlib.contextmanager
def browser() -> Iterator[object]:
    """A headless Chromium (Debian's), closed on exit; reuses a Playwright driver already
    running in this process, else starts one for the duration."""
    global _driver
    if _driver is not None:
        b = _driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()
        return

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        _driver = p
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                yield b
            finally:
                b.close()
        finally:
            _driver = None


def login(page, base: str, username: str, password: str) -> None:
    page.goto(base + "/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button.primary")
    page.wait_for_load_state("networkidle")
