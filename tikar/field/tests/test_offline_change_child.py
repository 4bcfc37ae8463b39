"""Correcting a child's register data on the phone, offline: the change screen saves the new
values as one waiting operation on the same record (issue 9, register records offline)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tikar.field.tests.pwa import open_field_app, outbox, record, wait_until
from tikar.field.tests.test_offline_month import SAVED, app_ready, open_hash


class TestOfflineChangeChild:
    def test_it_saves_a_corrected_child_name_offline_on_the_same_record(
        self, live_app, phone: Page
    ):
        page = phone
        open_field_app(page, live_app, "sari")
        child = page.evaluate(
            """async () => { const {store} = await window.tikarField;
                 const kids = await store.all('child'); return kids[0]; }"""
        )
        page.context.set_offline(True)
        page.reload()
        app_ready(page)
        open_hash(page, f"/ubah/child/{child['id']}")
        new_name = child["fields"]["name"] + " Putri"
        page.fill('#app input[name="name"]', new_name)
        page.click("#app button[type=submit]")
        expect(page.locator("[data-testid=flash]")).to_have_text(SAVED)
        wait_until(page, "() => location.hash.startsWith('#/data/child/')")
        stored = record(page, "child", child["id"])
        assert stored["fields"]["name"] == new_name
        assert stored["fields"]["sex"] == child["fields"]["sex"]
        assert stored["fields"]["birth_date"] == child["fields"]["birth_date"]
        assert stored["state"] == "unsent"
        waiting = [op for op in outbox(page) if op["id"] == child["id"]]
        assert len(waiting) == 1 and waiting[0]["kind"] == "child"
