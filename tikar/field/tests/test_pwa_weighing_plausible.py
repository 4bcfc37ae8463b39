"""An implausible weight on the phone, offline, is not judged: typing 999 kg (refused by the
limits, rules.check_child_measurement_limits through rules.js) or a weight whose BB/U z is
flagged shows no N/T, no 2T and no BGM, but asks to check the weight first, as the online
form does (tester's fault 5 of issue 10)."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import Page, expect

from tikar.field.tests.posyandu_pwa import add_months, family, sync_all
from tikar.field.tests.pwa import open_field_app
from tikar.field.tests.test_offline_month import app_ready, open_hash

CHECK = "Periksa berat badan dulu"


class TestWeighingPlausible:
    def test_an_absurd_or_flagged_weight_is_not_judged(self, live_app, phone: Page):
        page = phone
        open_field_app(page, live_app, "sari")
        this_month = date.today().replace(day=1)
        last_month = add_months(this_month, -1)
        before = add_months(this_month, -2)
        birth = add_months(this_month, -9)
        ids = family(
            page,
            child="Sinta Periksa",
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
        gain = page.locator("[data-testid=gain]")

        page.fill('#app [name="weight_kg"]', "999")  # over the 30 kg limit: no N
        expect(gain).to_contain_text(CHECK)
        expect(gain).to_have_attribute("data-code", "")
        expect(gain).not_to_contain_text("992")  # no "naik 992.000 g"
        expect(page.locator("[data-testid=bgm]")).to_have_count(0)
        expect(page.locator('#app [data-field="gain_override_reason"]')).to_be_hidden()

        # 1,5 kg: within the limits, but the BB/U z is flagged: no T, 2T or BGM.
        page.fill('#app [name="weight_kg"]', "1,5")
        expect(gain).to_contain_text(CHECK)
        expect(page.locator("[data-testid=two-t]")).to_have_count(0)
        expect(page.locator("[data-testid=bgm]")).to_have_count(0)

        page.fill('#app [name="weight_kg"]', "7,0")  # plausible again: T after a T, 2T
        expect(gain).to_have_attribute("data-code", "T")
        expect(page.locator("[data-testid=two-t]")).to_have_count(1)
        expect(gain).not_to_contain_text(CHECK)
