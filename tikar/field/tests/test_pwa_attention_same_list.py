"""The phone's "Perlu perhatian" and the server's attention list are the SAME list on the same data.

test_pwa_attention_agreement.py holds the pure rules to agreement case by case; this test
compares the two WHOLE lists of a desa on one day. A desa is built with the demo's builder
(`populate_village`, fewer households than the demo so it stays fast) on a server whose day is
pinned (TIKAR_TODAY), downloaded into the field app as Sari (the browser's clock pinned to the
same day), and the phone's list (targets, reason codes and texts, read from the screen) is
compared with the server's.

The phone holds a snapshot: open targets and the records of the last 6 months
(tikar/sync/download.py `snapshot_start`), and for each child and pregnancy the snapshot's
`before_window`, a summary of the older records (the last weighing, the first stunted and wasted
month, the last immunisation answers, the last LiLA). The server reads every record. The two
lists must be EXACTLY equal: same targets, codes and texts. Any difference is a bug of the port,
of the phone's N/T/O/B and z-scores, of what the phone reads from its store, or of the summary.

So that the test proves the summary matters, the server's rules on the snapshot's records alone
(the older ones hidden in a rolled-back transaction) must give a different list on this desa.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tikar.browser import chromium_available, login
from tikar.field.tests.pwa import sync_idle, wait_until
from tikar.field.tests.test_offline_month import open_hash
from tikar.front.demo import DEMO_PASSWORD
from tikar.test import SIBARGOT

ROOT = Path(__file__).resolve().parents[3]
TODAY = date(2026, 5, 20)
HOUSEHOLDS = 120  # the demo gives Sibargot 240; 120 households make 89 targets on the list

# Django with the day pinned (the setting tikar.clock reads), then the given code.
_PINNED = f"""
import django
django.setup()
from django.conf import settings
settings.TIKAR_TODAY = "{TODAY.isoformat()}"
"""

_BUILD = f"""
from datetime import date
from tikar.front.demo import load_demo
from tikar.front.demo_population import populate_village
load_demo(population=False)
populate_village("{SIBARGOT}", today=date.fromisoformat("{TODAY.isoformat()}"),
                 households={HOUSEHOLDS})
"""

_SERVE = """
import sys
from django.core.management import call_command
call_command("runserver", "--noreload", sys.argv[1])
"""

# The server's list as JSON; with argv[1] == "window", on the records the phone holds only: the
# monthly records before the snapshot's first month are hidden (deleted_at set, which every
# query of attention_for_village reads through alive()) in a transaction rolled back after.
_SERVER_LIST = f"""
import json, sys
from datetime import date
from django.db import transaction
from django.utils import timezone
from tikar.monitoring.models import ChildVisit, PregnancyVisit
from tikar.posyandu.attention_queries import attention_for_village
from tikar.sync.download import snapshot_start
today = date.fromisoformat("{TODAY.isoformat()}")
with transaction.atomic():
    if sys.argv[1:] == ["window"]:
        for model in (ChildVisit, PregnancyVisit):
            model.objects.filter(month__lt=snapshot_start(today)).update(deleted_at=timezone.now())
    items = attention_for_village("{SIBARGOT}", today)
    transaction.set_rollback(True)
print(json.dumps({{i.id: [[r.code, r.text] for r in i.reasons] for i in items}}))
"""


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pinned_app() -> Iterator[tuple[str, dict[str, str]]]:
    """A server on its own SQLite file: the demo's users and posyandu, Sibargot built with
    `HOUSEHOLDS` households as of `TODAY`, and the day pinned to `TODAY`."""
    if not chromium_available():
        pytest.skip("BROWSER TESTS SKIPPED: /usr/bin/chromium not found")
    with tempfile.TemporaryDirectory(prefix="tikar-same-list-") as tmp:
        env = dict(
            os.environ, DEBUG="1", TIKAR_VAR_DIR=tmp, DJANGO_SETTINGS_MODULE="tikar.settings"
        )
        env.pop("DATABASE_URL", None)
        py = [sys.executable, "-c"]
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"], env=env, cwd=ROOT, check=True
        )
        subprocess.run([*py, _PINNED + _BUILD], env=env, cwd=ROOT, check=True)
        port = _free_port()
        server = subprocess.Popen(
            [*py, _PINNED + _SERVE, f"127.0.0.1:{port}"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            yield base, env
        finally:
            server.terminate()
            server.wait(timeout=10)


@pytest.fixture(scope="module")
def pinned_phone(pinned_app):
    from tikar.browser import browser

    with browser() as b:
        context = b.new_context(viewport={"width": 360, "height": 800})
        page = context.new_page()
        # The phone's "today" is its own calendar day (never before the server's): pin both.
        page.clock.set_fixed_time(f"{TODAY.isoformat()}T10:00:00")
        yield page
        context.close()


def server_list(env: dict[str, str], *, window: bool = False) -> dict[str, list[list[str]]]:
    """{target id: [[code, text], ...]} of attention_for_village on TODAY; `window`: on the
    records of the snapshot's months only."""
    out = subprocess.run(
        [sys.executable, "-c", _PINNED + _SERVER_LIST, *(["window"] if window else [])],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def phone_list(page) -> dict[str, list[list[str]]]:
    """{target id: [[code, text], ...]} as the phone's "Perlu perhatian" screen shows it."""
    open_hash(page, "/perhatian")
    return page.evaluate(
        """() => Object.fromEntries(
             [...document.querySelectorAll('#app li.attention-item')].map((li) => [
               li.dataset.target,
               [...li.querySelectorAll('ul.reasons > li')].map((r) => [r.dataset.code,
                                                                       r.textContent]),
             ]))"""
    )


def differences(server: dict, phone: dict) -> list[tuple[str, str, str | None, str | None]]:
    """(target, code, server's text, phone's text) wherever the two lists differ."""
    out = []
    for tid in sorted(set(server) | set(phone)):
        s = dict(map(tuple, server.get(tid, [])))
        p = dict(map(tuple, phone.get(tid, [])))
        for code in sorted(set(s) | set(p)):
            if s.get(code) != p.get(code):
                out.append((tid, code, s.get(code), p.get(code)))
    return out


class TestSameList:
    def test_the_phone_lists_the_same_targets_and_reasons_as_the_server(
        self, pinned_app, pinned_phone
    ):
        base, env = pinned_app
        page = pinned_phone
        login(page, base, "sari", DEMO_PASSWORD)
        page.goto(base + "/lapangan/")
        wait_until(page, "() => navigator.serviceWorker.controller !== null")
        wait_until(
            page,
            """async () => { const {store} = await window.tikarField;
                 return await store.meta.get('snapshot_done'); }""",
            120,
        )
        sync_idle(page)
        phone_day = page.evaluate(
            """async () => { const {store} = await window.tikarField;
                 const d = new Date(), p = (n) => String(n).padStart(2, '0');
                 return [`${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`,
                         (await store.meta.get('reference'))?.today]; }"""
        )
        assert phone_day == [TODAY.isoformat(), TODAY.isoformat()]

        phone = phone_list(page)
        full = server_list(env)
        window = server_list(env, window=True)
        assert len(full) > 50, "the desa should have targets needing attention"
        # Without the summary of older records the rules would give another list here (the
        # first stunted month, the last weighing before the 6 months): the data tests it.
        assert differences(full, window) != []

        diff = differences(full, phone)
        for tid, code, s, p in diff:
            print(f"  {tid[:8]} {code}: server={s!r}\n  {' ' * 8} {code}: phone={p!r}")
        assert diff == []
        assert phone == full
        print(f"\n{len(full)} targets, {sum(map(len, full.values()))} reasons: the same lists")
