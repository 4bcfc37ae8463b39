"""A likely duplicate reaches the KPM: after sync the server's warning ("Mungkin sudah
terdaftar: …") makes the record "perlu diperiksa" with those words, on the status list and on
the record's screen, until the KPM taps "Sudah saya periksa" (cleared on the phone only)."""

import uuid

from playwright.sync_api import expect

from tikar.field.tests.pwa import open_field_app, record, save, sync_idle, wait_until


def a_mother_with_nik(page) -> dict:
    return page.evaluate(
        """async () => { const {store} = await window.tikarField;
             const m = (await store.all('mother')).find((r) => r.fields.nik && r.fields.household);
             return {id: m.id, ...m.fields}; }"""
    )


class TestRecordStatusDuplicate:
    def test_it_shows_the_duplicate_warning_until_the_kpm_checked_it(self, live_app, phone):
        open_field_app(phone, live_app)
        known = a_mother_with_nik(phone)
        new = save(
            phone,
            "mother",
            {
                "household": known["household"],
                "name": f"Ibu Kembar {uuid.uuid4().hex[:6]}",
                "nik": known["nik"],
                "birth_date": known.get("birth_date"),
            },
        )
        phone.click("#sync-now")
        sync_idle(phone)
        rec = record(phone, "mother", new["id"])
        assert rec["state"] == "check", rec
        assert "Mungkin sudah terdaftar" in rec["reason"]
        expect(phone.locator("#checkcount")).to_have_text("1 perlu diperiksa")

        # The status list says why, in full (the reason wraps, it is not cut).
        phone.evaluate("() => { location.hash = '#/status'; }")
        row = phone.locator(f"li[data-kind=mother] a[href='#/data/mother/{new['id']}']")
        expect(row).to_contain_text("perlu diperiksa: Mungkin sudah terdaftar")
        line = row.locator(".syncline")
        assert line.evaluate("(el) => el.scrollWidth <= el.clientWidth + 1")
        assert phone.evaluate("() => document.documentElement.scrollWidth") <= 360

        # The record's screen shows the warning and the way out.
        row.click()
        wait_until(phone, "() => document.getElementById('app').dataset.screen === 'record'")
        expect(phone.locator("[data-testid=duplicate-help]")).to_contain_text(
            "Mungkin sudah terdaftar"
        )
        phone.get_by_role("button", name="Sudah saya periksa").click()
        wait_until(
            phone,
            """async (id) => { const {store} = await window.tikarField;
                 return (await store.get('mother', id)).state === 'sent'; }""",
            arg=new["id"],
        )
        expect(phone.locator("[data-testid=record-state]")).to_have_text("terkirim")
        expect(phone.locator("#checkcount")).to_be_hidden()

        # The next sync brings the same version back: it stays checked.
        phone.click("#sync-now")
        sync_idle(phone)
        assert record(phone, "mother", new["id"])["state"] == "sent"
