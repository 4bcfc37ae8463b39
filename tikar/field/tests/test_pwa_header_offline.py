"""The header never says "Terkirim" beside unsent records: a sync's success message is said
once, and going offline clears it (a screenshot showed "Terkirim dan diperbarui" next to
"4 belum terkirim" and "Tanpa sinyal")."""

from __future__ import annotations

from playwright.sync_api import Page

from tikar.field.tests.pwa import open_field_app, save, sync_idle, wait_until


def message_shown(page: Page) -> str:
    return page.evaluate(
        "() => { const m = document.getElementById('sync-message'); "
        "return m && !m.hidden ? m.textContent : ''; }"
    )


class TestPwaHeaderOffline:
    def test_it_does_not_say_sent_beside_records_saved_without_signal(self, live_app, phone: Page):
        page = phone
        open_field_app(page, live_app, "sari")
        page.click("#sync-now")
        sync_idle(page)
        wait_until(page, "() => document.getElementById('sync-message').textContent !== ''")
        assert message_shown(page)  # the sync said how it went
        page.context.set_offline(True)
        wait_until(page, "() => document.getElementById('net').dataset.state === 'offline'")
        assert message_shown(page) == ""
        save(page, "household", {"head_name": "Pak Tanpa Sinyal", "dusun": "Dusun I"})
        wait_until(page, "() => document.getElementById('unsent').dataset.count === '1'")
        page.wait_for_timeout(500)
        assert message_shown(page) == ""
