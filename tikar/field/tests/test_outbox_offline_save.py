"""A save with no signal goes to the outbox: the header's counter goes up, the record says
"belum terkirim", both survive a reload; back online the outbox is sent by itself, the counter
empties and the server holds the record once."""

import uuid

from tikar.field.tests.pwa import (
    open_field_app,
    outbox,
    record,
    save,
    server_json,
    sync_idle,
    unsent_shown,
    wait_until,
)


class TestOutboxOfflineSave:
    def test_it_keeps_an_offline_save_across_a_reload_and_sends_it_once_on_reconnect(
        self, live_app, phone
    ):
        open_field_app(phone, live_app)
        assert unsent_shown(phone) == 0
        dusun = f"D1-{uuid.uuid4().hex[:8]}"

        phone.context.set_offline(True)
        wait_until(phone, "() => !navigator.onLine")
        saved = save(phone, "household", {"head_name": "Pak Tanpa Sinyal", "dusun": dusun})
        assert saved["state"] == "unsent"
        wait_until(phone, "() => document.getElementById('unsent').dataset.count === '1'")
        assert phone.locator("#unsent").inner_text() == "1 belum terkirim"
        # A second save of the same record before any attempt folds into the same operation.
        save(phone, "household", {"rt": "003"}, saved["id"])
        ops = outbox(phone)
        assert len(ops) == 1 and ops[0]["fields"]["rt"] == "003" and ops[0]["tries"] == 0
        status = phone.evaluate(
            "async (id) => { const {store} = await window.tikarField; return await store.status('household', id); }",
            saved["id"],
        )
        assert status == {"state": "unsent", "reason": None}

        phone.reload()
        phone.wait_for_selector("#unsent")
        wait_until(phone, "() => document.getElementById('unsent').dataset.count === '1'")
        assert record(phone, "household", saved["id"])["fields"]["head_name"] == "Pak Tanpa Sinyal"
        assert len(outbox(phone)) == 1

        # Back online: the "online" event sends the outbox without a tap.
        phone.context.set_offline(False)
        wait_until(phone, "() => document.getElementById('unsent').dataset.count === '0'", 60)
        sync_idle(phone)
        assert outbox(phone) == []
        rec = record(phone, "household", saved["id"])
        assert rec["state"] == "sent" and rec["version"] is not None
        on_server = server_json(phone, f"/api/households/?dusun={dusun}")["results"]
        assert [h["id"] for h in on_server] == [saved["id"]]
        assert on_server[0]["rt"] == "003"

        # "Kirim sekarang" again sends nothing twice.
        phone.click("#sync-now")
        sync_idle(phone)
        assert len(server_json(phone, f"/api/households/?dusun={dusun}")["results"]) == 1
