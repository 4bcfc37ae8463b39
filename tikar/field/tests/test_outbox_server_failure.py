"""An item leaves the outbox only when the server has answered for it: a 500, a timeout and a
lost answer (the server saved, the phone never heard) all keep it; the next sync sends it
again and the server still holds the record once."""

import uuid

from tikar.field.tests.pwa import (
    open_field_app,
    outbox,
    save,
    server_json,
    sync_idle,
    unsent_shown,
    wait_until,
)


def is_upload(route) -> bool:
    return route.request.method == "POST"


class TestOutboxServerFailure:
    def test_it_keeps_the_item_through_500_timeout_and_lost_answer(self, live_app, phone):
        open_field_app(phone, live_app)
        dusun = f"D1-{uuid.uuid4().hex[:8]}"
        saved = save(phone, "household", {"head_name": "Pak Gangguan", "dusun": dusun})
        wait_until(phone, "() => document.getElementById('unsent').dataset.count === '1'")

        def answer_500(route):
            if is_upload(route):
                route.fulfill(status=500, body="boom")
            else:
                route.continue_()

        phone.route("**/api/sync/", answer_500)
        phone.click("#sync-now")
        state = sync_idle(phone)
        assert state["error"] == "server"
        assert "tetap tersimpan di HP" in phone.locator("#sync-message").inner_text()
        ops = outbox(phone)
        assert len(ops) == 1 and ops[0]["tries"] == 1 and ops[0]["last_error"] == "HTTP 500"
        assert unsent_shown(phone) == 1
        phone.unroute("**/api/sync/")

        def time_out(route):
            if is_upload(route):
                route.abort("timedout")
            else:
                route.continue_()

        phone.route("**/api/sync/", time_out)
        phone.click("#sync-now")
        assert sync_idle(phone)["error"] == "network"
        assert len(outbox(phone)) == 1 and unsent_shown(phone) == 1
        phone.unroute("**/api/sync/")

        # The server saves, the answer is lost on the way back.
        def lose_answer(route):
            if is_upload(route):
                route.fetch()
                route.fulfill(status=502, body="")
            else:
                route.continue_()

        phone.route("**/api/sync/", lose_answer)
        phone.click("#sync-now")
        assert sync_idle(phone)["error"] == "server"
        assert len(outbox(phone)) == 1
        phone.unroute("**/api/sync/")
        assert len(server_json(phone, f"/api/households/?dusun={dusun}")["results"]) == 1

        # Now it gets through: the replay of the same op_id is acknowledged, nothing doubles.
        op_id = outbox(phone)[0]["op_id"]
        phone.click("#sync-now")
        state = sync_idle(phone)
        assert state["error"] is None, state
        assert outbox(phone) == [] and unsent_shown(phone) == 0
        on_server = server_json(phone, f"/api/households/?dusun={dusun}")["results"]
        assert [h["id"] for h in on_server] == [saved["id"]]
        assert op_id
