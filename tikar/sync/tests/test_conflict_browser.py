"""The review page in real headless Chromium at 360×800: two phones changed one weight
offline and synced; Sari opens Konflik data, sees both values, chooses the phone's, and sees
the conflict resolved."""

from __future__ import annotations

from tikar.sync.tests.browser_devices import comma, make_conflict


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


class TestConflictBrowser:
    def test_it_takes_sari_from_the_home_page_to_a_resolved_conflict(self, live_app, chromium):
        ctx, page, made = make_conflict(chromium, live_app)
        try:
            page.goto(live_app + "/")
            # The session's server is shared: other browser tests may have left conflicts.
            page.click("a:has-text('Konflik data (')")
            page.wait_for_load_state("networkidle")
            assert page.url.endswith("/konflik/")
            mine = page.locator(f'.conflicts a.conflict-line[href$="/{made["conflict"]}/"]')
            assert "Formulir 2b" in mine.inner_text()
            mine.click()
            page.wait_for_load_state("networkidle")
            server = page.locator(".compare .server .value").inner_text()
            phone = page.locator(".compare .phone .value").inner_text()
            assert server == f"{comma(made['server'])} kg"
            assert phone == f"{comma(made['phone'])} kg"
            assert "hp-admin" in page.locator("main").inner_text()
            assert fits_the_phone(page)

            detail = page.url
            page.click("button[value=phone]")
            page.wait_for_load_state("networkidle")
            assert page.url.endswith("/konflik/")
            assert "data HP dipakai" in page.locator(".messages").inner_text()
            # Not among the open ones any more (other tests of the session may have theirs).
            still_open = f'.conflicts:not(.resolved) a.conflict-line[href$="/{made["conflict"]}/"]'
            assert page.locator(still_open).count() == 0
            resolved = page.locator(".conflicts.resolved").inner_text()
            assert "data HP dipakai" in resolved and "Sari" in resolved

            # Back on the conflict: it says it is resolved, and by whom; no buttons left.
            page.goto(detail)
            assert "Diselesaikan oleh Sari" in page.locator(".resolved-note").inner_text()
            assert "sudah diselesaikan" in page.locator(".kind").inner_text()
            assert page.locator("button[value=phone]").count() == 0
        finally:
            ctx.close()
