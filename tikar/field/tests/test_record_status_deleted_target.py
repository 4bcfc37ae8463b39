"""A record refused because what it points at was deleted on the server is not stuck: the
status list names it by its kind and month, its screen opens, and "Hapus dari HP ini" (asked
first) drops the phone's copy."""

import uuid

from playwright.sync_api import expect

from tikar.field.tests.pwa import open_field_app, outbox, record, save, sync_idle, wait_until

DELETE_ON_SERVER = """async ([id, version]) => {
  const token = document.cookie.match(/csrftoken=([^;]+)/)[1];
  const r = await fetch('/api/sync/', {method: 'POST', credentials: 'same-origin',
    headers: {'Content-Type': 'application/json', 'X-CSRFToken': token},
    body: JSON.stringify({device_id: 'other', operations: [{op_id: crypto.randomUUID(),
      kind: 'child', action: 'delete', id, base_version: version, fields: null}]})});
  return (await r.json()).results[0].outcome; }"""


def sync(page) -> dict:
    page.click("#sync-now")
    return sync_idle(page)


class TestRecordStatusDeletedTarget:
    def test_it_names_the_orphan_and_lets_the_kpm_drop_it(self, live_app, phone):
        open_field_app(phone, live_app)
        today = phone.evaluate(
            "async () => { const {store} = await window.tikarField; return (await store.meta.get('reference')).today; }"
        )
        household = phone.evaluate(
            """async () => { const {store} = await window.tikarField;
                 return (await store.all('household'))[0].id; }"""
        )
        child = save(
            phone,
            "child",
            {
                "household": household,
                "name": f"Anak Hilang {uuid.uuid4().hex[:6]}",
                "sex": "L",
                "birth_date": today[:8] + "01",
            },
        )
        sync(phone)
        version = record(phone, "child", child["id"])["version"]
        assert version is not None
        month = today[:8] + "01"
        visit = save(
            phone,
            "child_visit",
            {"target": child["id"], "month": month, "visit_date": today, "weight_kg": 3.5},
        )
        # Another phone deletes the child on the server meanwhile.
        assert phone.evaluate(DELETE_ON_SERVER, [child["id"], version]) in {"applied", "merged"}
        sync(phone)
        rec = record(phone, "child_visit", visit["id"])
        assert rec["state"] == "check"
        assert outbox(phone) == []
        assert record(phone, "child", child["id"]) is None

        phone.evaluate("() => { location.hash = '#/status'; }")
        row = phone.locator(f"a[href='#/data/child_visit/{visit['id']}']")
        name = row.locator("b")
        expect(name).not_to_have_text("")
        # Named by its kind and month, not " · November 2026".
        assert not name.inner_text().strip().startswith("·")
        assert "·" in name.inner_text()

        row.click()
        wait_until(phone, "() => document.getElementById('app').dataset.screen === 'record'")
        screen = phone.locator(".screen.record")
        expect(screen).not_to_contain_text("Tidak ditemukan")
        phone.get_by_role("button", name="Hapus dari HP ini").click()
        # Asked first: nothing gone yet, "Batal" keeps it.
        expect(phone.locator("[data-testid=drop-local]")).to_contain_text(
            "Hapus data ini dari HP ini?"
        )
        assert record(phone, "child_visit", visit["id"]) is not None
        phone.get_by_role("button", name="Batal").click()
        phone.get_by_role("button", name="Hapus dari HP ini").click()
        phone.get_by_role("button", name="Ya, hapus").click()
        wait_until(phone, "() => document.getElementById('app').dataset.screen === 'status'")
        assert record(phone, "child_visit", visit["id"]) is None
        expect(phone.locator("#checkcount")).to_be_hidden()
        assert outbox(phone) == []
