"""Logging out of the field app with unsent records asks first, in words (not the browser's
dialog); "Batal" keeps the session and the data; "Tetap keluar" logs out and keeps the unsent
data for this user's next login. With nothing unsent it logs out at once and forgets the
desa's data on the phone."""

from playwright.sync_api import expect

from tikar.field.tests.pwa import open_field_app, outbox, save, wait_until


class TestPwaLogout:
    def test_it_warns_before_logout_with_unsent_data_and_keeps_it(self, live_app, phone):
        open_field_app(phone, live_app)
        dialogs = []
        phone.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        phone.route(
            "**/api/sync/", lambda r: r.abort() if r.request.method == "POST" else r.continue_()
        )
        save(phone, "household", {"head_name": "Pak Belum Kirim", "dusun": "X"})
        wait_until(phone, "() => document.getElementById('unsent').dataset.count === '1'")

        phone.click("#logout")
        dialog = phone.locator("#logout-dialog")
        expect(dialog).to_be_visible()
        expect(dialog).to_contain_text("1 catatan di HP ini belum terkirim")
        phone.click("#logout-cancel")
        expect(dialog).to_be_hidden()
        assert phone.url.endswith("/lapangan/")

        phone.click("#logout")
        phone.click("#logout-anyway")
        phone.wait_for_url(lambda url: "/lapangan/" not in url)
        assert dialogs == []  # no browser dialog
        # Logged out: the app asks for a login again.
        phone.goto(live_app + "/lapangan/")
        assert "/masuk/" in phone.url
        names = phone.evaluate("async () => (await indexedDB.databases()).map(d => d.name)")
        assert "tikar-sari-12.10.07.2001" in names

        # Sari logs in again: her unsent record is still there and goes out.
        phone.unroute("**/api/sync/")
        open_field_app(phone, live_app)
        wait_until(phone, "() => document.getElementById('unsent').dataset.count === '0'", 60)
        assert outbox(phone) == []

    def test_it_logs_out_at_once_and_forgets_the_data_when_all_is_sent(self, live_app, phone):
        open_field_app(phone, live_app)
        phone.click("#logout")
        phone.wait_for_url(lambda url: "/lapangan/" not in url)
        assert "/lapangan/" not in phone.url
        names = phone.evaluate("async () => (await indexedDB.databases()).map(d => d.name)")
        assert "tikar-sari-12.10.07.2001" not in names
        # The cached shell (it names the user) is gone too: offline, the app does not open.
        caches = phone.evaluate("async () => await caches.keys()")
        assert not [c for c in caches if c.startswith("tikar-pages-")]

    def test_it_keeps_a_refused_record_to_correct_after_logout(self, live_app, phone):
        open_field_app(phone, live_app)
        save(phone, "household", {"head_name": "", "dusun": "X"})  # refused: no head's name
        phone.click("#sync-now")
        wait_until(phone, "() => !document.getElementById('checkcount').hidden", 60)
        phone.click("#logout")
        dialog = phone.locator("#logout-dialog")
        expect(dialog).to_contain_text("1 catatan perlu diperiksa")
        phone.click("#logout-anyway")
        phone.wait_for_url(lambda url: "/lapangan/" not in url)
        names = phone.evaluate("async () => (await indexedDB.databases()).map(d => d.name)")
        assert "tikar-sari-12.10.07.2001" in names
