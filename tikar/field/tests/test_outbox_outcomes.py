"""Each server answer lands on the record in words: a refused record leaves the outbox and
says "perlu diperiksa" with the server's reason; a conflict keeps the server's value and says
why; a create that the server merged into the month's existing record takes the server's id
(nothing left under the phone's id)."""

import uuid

from tikar.field.tests.pwa import open_field_app, outbox, record, save, sync_idle

PATCH = """async ([url, body]) => {
  const token = document.cookie.match(/csrftoken=([^;]+)/)[1];
  const r = await fetch(url, {method: 'PATCH', credentials: 'same-origin', body: JSON.stringify(body),
    headers: {'Content-Type': 'application/json', 'X-CSRFToken': token}});
  return [r.status, await r.json()]; }"""


def sync(page) -> dict:
    page.click("#sync-now")
    return sync_idle(page)


class TestOutboxOutcomes:
    def test_it_shows_refused_conflict_and_merged_results_on_the_records(self, live_app, phone):
        open_field_app(phone, live_app)

        # Refused: a household without the head's name.
        bad = save(phone, "household", {"head_name": "", "dusun": f"D1-{uuid.uuid4().hex[:6]}"})
        sync(phone)
        rec = record(phone, "household", bad["id"])
        assert rec["state"] == "check"
        assert rec["reason"] and "head_name" in rec["errors"]
        assert outbox(phone) == []
        status = phone.evaluate(
            "async (id) => { const {store} = await window.tikarField; return await store.status('household', id); }",
            bad["id"],
        )
        assert status["state"] == "check" and status["reason"] == rec["reason"]
        assert phone.locator("#checkcount").inner_text() == "1 perlu diperiksa"
        # Edited by the KPM: unsent again, then accepted.
        save(phone, "household", {"head_name": "Pak Diperbaiki"}, bad["id"])
        assert record(phone, "household", bad["id"])["state"] == "unsent"
        sync(phone)
        assert record(phone, "household", bad["id"])["state"] == "sent"

        # Conflict: the server changed the name after the phone saw the record.
        seen = record(phone, "household", bad["id"])
        status_code, _ = phone.evaluate(
            PATCH,
            [
                f"/api/households/{bad['id']}/",
                {"head_name": "Nama Dari Server", "base_version": seen["version"]},
            ],
        )
        assert status_code == 200
        save(phone, "household", {"head_name": "Nama Dari HP"}, bad["id"])
        sync(phone)
        rec = record(phone, "household", bad["id"])
        assert rec["state"] == "check"
        assert rec["fields"]["head_name"] == "Nama Dari Server"
        assert rec["reason"]
        assert outbox(phone) == []

        # Merged: a new 2b record for a child and month the server already has.
        existing = phone.evaluate(
            "async () => { const {store} = await window.tikarField; return (await store.all('child_visit'))[0]; }"
        )
        fields = {
            k: existing["fields"][k]
            for k in ("target", "month", "weight_kg", "length_cm")
            if k in existing["fields"]
        }
        phone_id = str(uuid.uuid4())
        save(phone, "child_visit", fields, phone_id)
        sync(phone)
        assert record(phone, "child_visit", phone_id) is None
        merged = record(phone, "child_visit", existing["id"])
        assert merged["state"] == "sent"
        assert outbox(phone) == []
