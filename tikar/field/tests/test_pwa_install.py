"""The field app installs in real headless Chromium at 360×800: the service worker activates,
the manifest is linked and valid, and after one online visit the app opens with no network."""

from tikar.field.tests.pwa import open_field_app, unsent_shown, wait_until


class TestPwaInstall:
    def test_it_installs_and_opens_offline_from_the_cache(self, live_app, phone):
        open_field_app(phone, live_app)
        state = phone.evaluate(
            """async () => { const reg = await navigator.serviceWorker.getRegistration('/lapangan/');
                 return {active: reg?.active?.state, scope: reg?.scope,
                         manifest: document.querySelector('link[rel=manifest]')?.href}; }"""
        )
        assert state["active"] == "activated"
        assert state["scope"] == live_app + "/lapangan/"
        manifest = phone.evaluate("async (u) => (await fetch(u)).json()", state["manifest"])
        assert manifest["name"] == "Tikar Lapangan"
        assert manifest["start_url"] == "/lapangan/" and manifest["display"] == "standalone"
        caches = phone.evaluate("async () => await caches.keys()")
        assert any(name.startswith("tikar-precache") for name in caches), caches
        assert any(name.startswith("tikar-pages-") for name in caches), caches

        phone.context.set_offline(True)
        phone.reload()
        phone.wait_for_selector("#unsent")
        wait_until(phone, "() => document.getElementById('net').dataset.state === 'offline'")
        assert phone.title() == "Tikar Lapangan"
        assert phone.locator("#net").inner_text() == "Tanpa sinyal"
        wait_until(phone, "() => document.getElementById('unsent').dataset.count !== undefined")
        assert unsent_shown(phone) == 0
        assert phone.locator("#unsent").inner_text() == "Semua terkirim"
        # The app's modules ran from the cache: the store opens and holds the desa's data.
        count = phone.evaluate(
            "async () => { const {store} = await window.tikarField; return (await store.all('household')).length; }"
        )
        assert count > 0
        # A page of the app that was never visited online is the same shell.
        phone.goto(live_app + "/lapangan/?from=homescreen")
        assert phone.title() == "Tikar Lapangan"
        phone.context.set_offline(False)
