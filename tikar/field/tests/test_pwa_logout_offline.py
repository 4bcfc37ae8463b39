"""Logging out needs the server (it ends the session there). Without signal the Keluar button
says so in the app's own dialog and does nothing else: the session, the data on the phone and
the cached shell stay, and the page never turns into the browser's "no internet" page."""

from playwright.sync_api import expect

from tikar.field.tests.pwa import open_field_app, wait_until


class TestPwaLogoutOffline:
    def test_it_says_logout_needs_signal_and_keeps_everything(self, live_app, phone):
        open_field_app(phone, live_app)
        dialogs = []
        phone.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        phone.context.set_offline(True)
        wait_until(phone, "() => !navigator.onLine")

        phone.click("#logout")
        dialog = phone.locator("#logout-dialog")
        expect(dialog).to_be_visible()
        expect(dialog).to_contain_text("Keluar perlu sinyal.")
        expect(dialog).to_contain_text("Data tetap aman di HP ini.")
        # No way to log out from here, only to close the message.
        expect(phone.locator("#logout-anyway")).to_be_hidden()
        expect(phone.locator("#logout-send")).to_be_hidden()
        phone.click("#logout-cancel")
        expect(dialog).to_be_hidden()
        assert phone.url.endswith("/lapangan/")
        assert dialogs == []

        # The data and the cached shell are still there: the app opens again without signal.
        names = phone.evaluate("async () => (await indexedDB.databases()).map(d => d.name)")
        assert "tikar-sari-12.10.07.2001" in names
        phone.reload()
        wait_until(phone, "() => document.body.dataset.appReady === '1'")

        # With signal again, Keluar logs out as before.
        phone.context.set_offline(False)
        wait_until(phone, "() => navigator.onLine")
        phone.click("#logout")
        phone.wait_for_url(lambda url: "/lapangan/" not in url)
        phone.goto(live_app + "/lapangan/")
        assert "/masuk/" in phone.url
