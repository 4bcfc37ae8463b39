"""While the first download runs, Tugas says so in Indonesian (task F1, fault 2): no "0 sasaran"
and no "register them first" advice that would invite registering families the server already
has. The snapshot requests are held back (Playwright routing) until the screen is checked, then
let through; the list then shows the desa's targets."""

from __future__ import annotations

from playwright.sync_api import expect

from tikar.browser import login
from tikar.field.tests.pwa import wait_until
from tikar.field.tests.test_offline_month import app_ready
from tikar.front.demo import DEMO_PASSWORD

DOWNLOADING = "Mengunduh data desa Anda…"
NO_TARGETS = (
    "No targets to monitor this month. Register the pregnant women and children under two of "
    "your desa first."
)


class TestOfflineFirstDownload:
    def test_it_says_it_is_downloading_until_the_first_download_is_done(self, live_app, phone):
        page = phone
        held = []
        released = []

        def hold(route):
            if released:
                route.continue_()
            else:
                held.append(route)

        # The context's routing also sees what the service worker fetches for the page.
        page.context.route("**/api/sync/snapshot/**", hold)
        login(page, live_app, "sari", DEMO_PASSWORD)
        page.goto(live_app + "/lapangan/")
        app_ready(page)
        deadline_ms = 30_000
        while not held and deadline_ms > 0:
            page.wait_for_timeout(200)
            deadline_ms -= 200
        assert held, "the first download never asked for the snapshot"

        note = page.locator("#app [data-testid=first-download]")
        expect(note).to_have_text(DOWNLOADING)
        expect(page.locator("#app .stats")).to_have_count(0)
        expect(page.locator("#app")).not_to_contain_text("Daftarkan dulu")
        expect(page.locator("#app")).not_to_contain_text(NO_TARGETS)
        # The advice itself, when it is due, is in Indonesian too.
        words = page.evaluate("JSON.parse(document.getElementById('field-messages').textContent)")
        assert words[NO_TARGETS].startswith("Belum ada sasaran")

        # Let the download through: the desa's targets and the counts replace the note.
        released.append(True)
        for route in held:
            route.continue_()
        wait_until(
            page,
            """async () => { const {store} = await window.tikarField;
                 return await store.meta.get('snapshot_done'); }""",
            90,
        )
        expect(page.locator("#app li[data-form]").first).to_be_visible(timeout=60_000)
        expect(note).to_have_count(0)
        expect(page.locator("#app .stats")).to_be_visible()
