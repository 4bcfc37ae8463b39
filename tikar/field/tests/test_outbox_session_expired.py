"""A session that ended (cookies gone, password changed, logged out elsewhere) never drops
unsent data: the sync says "Masuk lagi untuk mengirim data" with a link to the login, and after
logging in again the same records go out."""

import uuid

from tikar.browser import login
from tikar.field.tests.pwa import open_field_app, outbox, save, server_json, sync_idle, wait_until
from tikar.front.demo import DEMO_PASSWORD


class TestOutboxSessionExpired:
    def test_it_asks_for_a_login_and_keeps_the_outbox(self, live_app, phone):
        open_field_app(phone, live_app)
        phone.route(
            "**/api/sync/", lambda r: r.abort() if r.request.method == "POST" else r.continue_()
        )
        dusun = f"D1-{uuid.uuid4().hex[:8]}"
        saved = save(phone, "household", {"head_name": "Pak Sesi Habis", "dusun": dusun})
        wait_until(phone, "() => document.getElementById('unsent').dataset.count === '1'")
        sync_idle(phone)
        phone.unroute("**/api/sync/")

        phone.context.clear_cookies()
        phone.click("#sync-now")
        assert sync_idle(phone)["error"] == "login"
        message = phone.locator("#sync-message")
        assert "Masuk lagi untuk mengirim data" in message.inner_text()
        assert message.locator("a").get_attribute("href") == "/masuk/?next=/lapangan/"
        assert [op["id"] for op in outbox(phone)] == [saved["id"]]

        login(phone, live_app, "sari", DEMO_PASSWORD)
        phone.goto(live_app + "/lapangan/")
        wait_until(phone, "() => document.getElementById('unsent').dataset.count === '0'", 60)
        assert outbox(phone) == []
        assert len(server_json(phone, f"/api/households/?dusun={dusun}")["results"]) == 1
