"""An app update never drops unsent data: a record saved (and not sent) under one app version
is still in the outbox after the server restarts with a new version, the browser installs the
new service worker, the KPM taps "Perbarui" and the page reloads under it; old caches go."""

import contextlib
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

import pytest

from tikar.browser import ROOT, _free_port, chromium_available
from tikar.field.tests.pwa import (
    open_field_app,
    outbox,
    record,
    save,
    server_json,
    sync_idle,
    unsent_shown,
    wait_until,
)


@contextlib.contextmanager
def restartable_server():
    """One database and port; start(salt) runs the server with TIKAR_APP_VERSION_SALT=salt
    (a new app version), stop() ends it. Same origin, so the browser keeps its IndexedDB."""
    with tempfile.TemporaryDirectory(prefix="tikar-update-") as tmp:
        env = dict(
            os.environ, DEBUG="1", TIKAR_VAR_DIR=tmp, DJANGO_SETTINGS_MODULE="tikar.settings"
        )
        env.pop("DATABASE_URL", None)
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        subprocess.run([*manage, "load_demo"], env=env, cwd=ROOT, check=True, capture_output=True)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        procs: list[subprocess.Popen] = []

        def start(salt: str) -> None:
            proc = subprocess.Popen(
                [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
                env=dict(env, TIKAR_APP_VERSION_SALT=salt),
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            procs.append(proc)
            for _ in range(150):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1)
                    return
                except OSError:
                    time.sleep(0.1)
            raise RuntimeError("server did not start")

        def stop() -> None:
            proc = procs.pop()
            proc.terminate()
            proc.wait(timeout=10)

        try:
            yield base, start, stop
        finally:
            while procs:
                stop()


def version_in_page(page) -> str:
    return page.evaluate(
        "() => JSON.parse(document.getElementById('field-config').textContent).version"
    )


class TestOutboxUpdate:
    def test_it_keeps_the_outbox_through_a_service_worker_update(self, chromium):
        if not chromium_available():
            pytest.skip("no Chromium")
        with restartable_server() as (base, start, stop):
            start("one")
            context = chromium.new_context(viewport={"width": 360, "height": 800})
            page = context.new_page()
            open_field_app(page, base)
            old_version = version_in_page(page)
            old_caches = page.evaluate("async () => await caches.keys()")

            # Uploads fail from here on, so the record stays unsent through the update.
            page.route(
                "**/api/sync/", lambda r: r.abort() if r.request.method == "POST" else r.continue_()
            )
            dusun = f"D1-{uuid.uuid4().hex[:8]}"
            saved = save(page, "household", {"head_name": "Pak Pembaruan", "dusun": dusun})
            wait_until(page, "() => document.getElementById('unsent').dataset.count === '1'")

            stop()
            start("two")
            page.reload()
            # The browser finds the new sw.js, installs it; it waits for the KPM's tap.
            wait_until(page, "() => !document.getElementById('update-banner').hidden", 60)
            assert "Versi baru" in page.locator("#update-banner").inner_text()
            page.click("#update-now")
            wait_until(
                page,
                "(v) => JSON.parse(document.getElementById('field-config').textContent).version !== v",
                60,
                old_version,
            )
            page.wait_for_selector("#unsent")
            wait_until(page, "() => document.getElementById('unsent').dataset.count === '1'")
            assert unsent_shown(page) == 1
            assert [op["id"] for op in outbox(page)] == [saved["id"]]
            assert record(page, "household", saved["id"])["state"] == "unsent"
            new_caches = page.evaluate("async () => await caches.keys()")
            old_pages = [c for c in old_caches if c.startswith("tikar-pages-")]
            assert old_pages and not set(old_pages) & set(new_caches)
            assert f"tikar-pages-{version_in_page(page)}" in new_caches

            page.unroute("**/api/sync/")
            page.click("#sync-now")
            assert sync_idle(page)["error"] is None
            assert outbox(page) == []
            assert len(server_json(page, f"/api/households/?dusun={dusun}")["results"]) == 1
            context.close()
