"""A record in conflict does not ask the KPM to edit it again (that would overwrite the other
phone's value): its screen says both versions are kept on the server and links to the Konflik
page (offline: that it needs signal). Once resolved there ("Pakai data server"), the phone's
next sync brings the new version and the record is "terkirim" again. Long names without spaces
stay inside the screen on both pages."""

from playwright.sync_api import expect

from tikar.field.tests.pwa import open_field_app, record, save, sync_idle, wait_until


def sync(page) -> dict:
    page.click("#sync-now")
    return sync_idle(page)


def a_household(page) -> dict:
    return page.evaluate(
        """async () => { const {store} = await window.tikarField;
             const h = (await store.all('household')).find((r) => r.state === 'sent');
             return {id: h.id, version: h.version, ...h.fields}; }"""
    )


class TestRecordStatusConflict:
    def test_it_sends_to_the_conflict_page_and_clears_after_resolving(
        self, live_app, chromium, phone
    ):
        open_field_app(phone, live_app)
        other = chromium.new_context(viewport={"width": 360, "height": 800})
        try:
            phone_a = other.new_page()
            open_field_app(phone_a, live_app)
            household = a_household(phone)

            # Phone A changes the head's name first; phone B (this one) changes it too,
            # on the version it had seen.
            save(phone_a, "household", {"head_name": "Nama_Dari_HP_A_" + "x" * 40}, household["id"])
            sync(phone_a)
            long_b = "Nama_Dari_HP_B_" + "y" * 40
            save(phone, "household", {"head_name": long_b}, household["id"])
            sync(phone)
            rec = record(phone, "household", household["id"])
            assert rec["state"] == "check"
            conflict_id = rec["conflict"]["id"]

            phone.evaluate("(h) => { location.hash = h; }", f"#/data/household/{household['id']}")
            wait_until(phone, "() => document.getElementById('app').dataset.screen === 'record'")
            help_box = phone.locator("[data-testid=conflict-help]")
            expect(help_box).to_contain_text("Kedua versi disimpan di server")
            expect(phone.locator("[data-testid=conflict-link]")).to_have_attribute(
                "href", f"/konflik/{conflict_id}/"
            )
            # No edit that would overwrite the other phone's value, no "change and save again".
            expect(phone.get_by_text("Buka dan ubah")).to_have_count(0)
            expect(phone.locator(".screen.record")).not_to_contain_text("simpan lagi")
            assert phone.evaluate("() => document.documentElement.scrollWidth") <= 360

            # Offline: the page needs signal, and the screen says so instead of a dead link.
            phone.context.set_offline(True)
            wait_until(phone, "() => !navigator.onLine")
            phone.evaluate("() => { location.hash = '#/status'; }")
            wait_until(phone, "() => document.getElementById('app').dataset.screen === 'status'")
            phone.evaluate("(h) => { location.hash = h; }", f"#/data/household/{household['id']}")
            expect(phone.locator("[data-testid=conflict-offline]")).to_contain_text("perlu sinyal")
            expect(phone.locator("[data-testid=conflict-link]")).to_have_count(0)
            phone.context.set_offline(False)
            wait_until(phone, "() => navigator.onLine")

            # Resolved on /konflik/ with the server's data.
            phone.goto(f"{live_app}/konflik/{conflict_id}/")
            assert phone.evaluate("() => document.documentElement.scrollWidth") <= 360
            phone.click("button[name=choice][value=server]")
            phone.wait_for_load_state()

            phone.goto(live_app + "/lapangan/")
            wait_until(phone, "() => document.body.dataset.appReady === '1'")
            sync_idle(phone)
            sync(phone)
            rec = record(phone, "household", household["id"])
            assert rec["state"] == "sent", rec
            assert rec["fields"]["head_name"].startswith("Nama_Dari_HP_A_")
            expect(phone.locator("#checkcount")).to_be_hidden()
        finally:
            other.close()
