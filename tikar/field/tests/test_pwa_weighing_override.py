"""A T judged N by the health worker on the phone, offline: the "follows its growth line" reason
is typed under the T, saved without signal, and reaches the server with the sync, which keeps
the reason and stores the weighing as N (overridden)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from playwright.sync_api import Page, expect

from tikar.field.tests.posyandu_pwa import add_months, family, sync_all
from tikar.field.tests.pwa import open_field_app
from tikar.field.tests.test_offline_month import app_ready, open_hash, save_form
from tikar.growth.weighing import kbm_grams

REASON = "Mengikuti garis pertumbuhannya, kata bidan"


class TestWeighingOverride:
    def test_it_sends_the_override_reason_to_the_server(self, live_app, phone: Page):
        page = phone
        open_field_app(page, live_app, "sari")
        this_month = date.today().replace(day=1)
        last_month = add_months(this_month, -1)
        birth = add_months(this_month, -8)
        kbm = kbm_grams(8)
        assert kbm is not None
        ids = family(
            page,
            child="Gita Garis",
            birth=birth,
            visits=[
                {"month": last_month, "visit_date": last_month.replace(day=10), "weight_kg": "7.0"}
            ],
        )
        sync_all(page)
        page.context.set_offline(True)
        page.reload()
        app_ready(page)
        open_hash(page, f"/isi/2b/{ids['child']}/{this_month:%Y-%m}")
        page.fill('#app [name="visit_date"]', date.today().isoformat())
        page.fill('#app [name="weight_kg"]', f"{(7000 + kbm - 100) / 1000:.1f}".replace(".", ","))
        expect(page.locator("[data-testid=gain]")).to_have_attribute("data-code", "T")
        page.fill('#app [name="gain_override_reason"]', REASON)
        expect(page.locator("[data-testid=gain]")).to_have_attribute("data-code", "N")
        expect(page.locator("[data-testid=gain]")).to_contain_text(
            "N (mengikuti garis pertumbuhannya)"
        )
        expect(page.locator("[data-testid=gain]")).not_to_contain_text("N: naik")
        save_form(page)

        page.context.set_offline(False)
        sync_all(page)
        page.goto(live_app + reverse("target", args=[ids["child"]]))
        cell = page.locator("td.gain").filter(has=page.locator(f'abbr[title="{REASON}"]'))
        expect(cell).to_have_count(1)
        expect(cell).to_have_attribute("data-gain", "N")

    def test_a_reason_on_a_2t_shows_n_and_no_2t(self, live_app, phone: Page):
        page = phone
        open_field_app(page, live_app, "sari")
        this_month = date.today().replace(day=1)
        last_month = add_months(this_month, -1)
        before = add_months(this_month, -2)
        birth = add_months(this_month, -9)
        ids = family(
            page,
            child="Hana Datar",
            birth=birth,
            visits=[
                {"month": before, "visit_date": before.replace(day=10), "weight_kg": "7.0"},
                {"month": last_month, "visit_date": last_month.replace(day=10), "weight_kg": "7.0"},
            ],
        )
        sync_all(page)
        page.context.set_offline(True)
        page.reload()
        app_ready(page)
        open_hash(page, f"/isi/2b/{ids['child']}/{this_month:%Y-%m}")
        page.fill('#app [name="visit_date"]', date.today().isoformat())
        page.fill('#app [name="weight_kg"]', "7,0")
        gain = page.locator("[data-testid=gain]")
        expect(gain).to_have_attribute("data-code", "T")
        expect(page.locator("[data-testid=two-t]")).to_have_count(1)
        page.fill('#app [name="gain_override_reason"]', REASON)
        expect(gain).to_have_attribute("data-code", "N")
        expect(gain).to_contain_text("N (mengikuti garis pertumbuhannya)")
        expect(page.locator("[data-testid=two-t]")).to_have_count(0)
