"""A record the server refuses is "perlu diperiksa" on the phone, with the reason in Bahasa
Indonesia, and the KPM fixes it there (issue 9 §4, the field screens' item 5): while Sari is
offline, the Admin Desa registers a pregnancy with the KIA number Sari is about to use; Sari's
pregnancy comes back refused, she changes the number and it is sent once."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tikar.browser import login
from tikar.field.tests.test_offline_month import all_changes, app_ready, open_hash, pick, save_form
from tikar.front.demo import DEMO_PASSWORD

KIA = "KIA-LURING-0417"
MOTHER = "Sinta Diperiksa Luring"


def admin_registers_pregnancy_with_kia(chromium, base: str) -> None:
    """The Admin Desa, online on another device, registers a pregnancy with the KIA number."""
    context = chromium.new_context()
    page = context.new_page()
    login(page, base, "admin.sibargot", DEMO_PASSWORD)
    token = next(c["value"] for c in context.cookies() if c["name"] == "csrftoken")
    ids = ["0d6c5a52-8d1e-4a0e-9a35-3f7d2c1b0a01", "0d6c5a52-8d1e-4a0e-9a35-3f7d2c1b0a02"]
    ops = [
        {"kind": "household", "id": ids[0], "fields": {"head_name": "Rumah Admin Luring"}},
        {"kind": "mother", "id": ids[1], "fields": {"household": ids[0], "name": "Ibu Admin"}},
        {
            "kind": "pregnancy",
            "id": "0d6c5a52-8d1e-4a0e-9a35-3f7d2c1b0a03",
            "fields": {"mother": ids[1], "kia_number": KIA, "gestation_month": 4},
        },
    ]
    body = {
        "device_id": "admin-pc",
        "operations": [
            {**op, "op_id": f"7e1f0c3a-0000-4000-8000-00000000000{i}", "action": "upsert"}
            for i, op in enumerate(ops)
        ],
    }
    answer = page.request.post(
        f"{base}/api/sync/", data=body, headers={"X-CSRFToken": token, "Referer": base + "/"}
    ).json()
    assert [r["outcome"] for r in answer["results"]] == ["applied"] * 3, answer
    context.close()


class TestOfflineCheck:
    def test_it_shows_a_refused_record_with_its_reason_and_sends_the_fix(
        self, live_app, phone: Page, chromium
    ):
        page = phone
        login(page, live_app, "sari", DEMO_PASSWORD)
        page.goto(live_app + "/lapangan/")
        app_ready(page)
        expect(page.locator("#app li[data-form]").first).to_be_visible(timeout=60_000)
        page.context.set_offline(True)

        open_hash(page, "/daftar")
        pick(page, "kind", "pregnancy")
        page.fill('[name="household.head_name"]', "Rumah Sinta Luring")
        page.fill('[name="mother.name"]', MOTHER)
        page.fill('[name="pregnancy.kia_number"]', KIA)
        page.select_option('[name="pregnancy.gestation_month"]', "3")
        save_form(page)

        admin_registers_pregnancy_with_kia(chromium, live_app)
        page.context.set_offline(False)
        page.click("#sync-now")
        expect(page.locator("#unsent")).to_have_attribute("data-count", "0", timeout=60_000)

        # The refused pregnancy says so in its row, in words, with the server's reason.
        open_hash(page, f"/?cari={MOTHER.replace(' ', '+')}")
        row = page.locator('#app li[data-form="2a"]').filter(has_text=MOTHER)
        state = row.locator("[data-sync]")
        expect(state).to_have_attribute("data-sync", "check")
        expect(state).to_contain_text("perlu diperiksa")
        expect(state).to_contain_text("KIA")
        pregnancy_id = row.get_attribute("data-target")

        # Its page says how to fix it; the KPM changes the number and saves again (out of signal
        # again, so that the fix is seen waiting before it is sent).
        page.context.set_offline(True)
        open_hash(page, f"/data/pregnancy/{pregnancy_id}")
        expect(page.locator("[data-testid=record-state] [data-sync]")).to_have_attribute(
            "data-sync", "check"
        )
        page.click("text=Buka dan ubah")
        page.wait_for_selector("#app[data-screen=edit]")
        expect(page.locator('#app [name="kia_number"]')).to_have_value(KIA)
        page.fill('#app [name="kia_number"]', KIA + "-B")
        save_form(page)
        expect(page.locator("[data-testid=record-state] [data-sync]")).to_have_attribute(
            "data-sync", "unsent"
        )
        page.context.set_offline(False)
        page.click("#sync-now")
        expect(page.locator("#unsent")).to_have_attribute("data-count", "0", timeout=60_000)
        open_hash(page, f"/data/pregnancy/{pregnancy_id}")
        expect(page.locator("[data-testid=record-state] [data-sync]")).to_have_attribute(
            "data-sync", "sent"
        )

        pregnancies = [
            c
            for c in all_changes(page, live_app)
            if c["kind"] == "pregnancy" and not c["deleted"] and c["id"] == pregnancy_id
        ]
        assert len(pregnancies) == 1
        assert pregnancies[0]["fields"]["kia_number"] == KIA + "-B"
