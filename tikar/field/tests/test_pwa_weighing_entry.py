"""The child's month on the phone, offline: last month's weight and length beside the inputs
(from the phone's store), and the N/T judgement live while typing, at the KBM boundary:
exactly the KBM is N, 100 g under (the smallest step of a one-decimal weight) is T, with the
gain and the KBM in words ("naik 300 g, minimal 300 g"; under it "naik 200 g, kurang dari
minimal 300 g"); a T asks for the optional reason."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import Page, expect

from tikar.field.tests.posyandu_pwa import add_months, family, sync_all
from tikar.field.tests.pwa import open_field_app
from tikar.field.tests.test_offline_month import app_ready, open_hash
from tikar.growth.weighing import kbm_grams


class TestWeighingEntry:
    def test_it_shows_last_months_values_and_judges_n_or_t_while_typing(
        self, live_app, phone: Page
    ):
        page = phone
        open_field_app(page, live_app, "sari")
        this_month = date.today().replace(day=1)
        last_month = add_months(this_month, -1)
        birth = add_months(this_month, -8)  # 8 completed months on any day of this month
        kbm = kbm_grams(8)
        assert kbm is not None
        ids = family(
            page,
            child="Nadia Timbang",
            birth=birth,
            visits=[
                {
                    "month": last_month,
                    "visit_date": last_month.replace(day=10),
                    "weight_kg": "7.0",
                    "length_cm": "66.5",
                    "measured_lying": True,
                }
            ],
        )
        sync_all(page)
        page.context.set_offline(True)
        page.reload()
        app_ready(page)
        open_hash(page, f"/isi/2b/{ids['child']}/{this_month:%Y-%m}")

        expect(page.locator("[data-testid=last-weight]")).to_have_text("Bulan lalu: 7,0 kg")
        expect(page.locator("[data-testid=last-length]")).to_have_text("Bulan lalu: 66,5 cm")
        reason = page.locator('#app [data-field="gain_override_reason"]')
        expect(reason).to_be_hidden()

        page.fill('#app [name="visit_date"]', date.today().isoformat())
        at_kbm = f"{(7000 + kbm) / 1000:.1f}".replace(".", ",")
        page.fill('#app [name="weight_kg"]', at_kbm)
        gain = page.locator("[data-testid=gain]")
        expect(gain).to_have_attribute("data-code", "N")
        expect(gain).to_contain_text("N: naik")
        expect(gain).to_contain_text(f"naik {kbm} g, minimal {kbm} g")
        expect(reason).to_be_hidden()

        under = f"{(7000 + kbm - 100) / 1000:.1f}".replace(".", ",")
        page.fill('#app [name="weight_kg"]', under)
        expect(gain).to_have_attribute("data-code", "T")
        expect(gain).to_contain_text("T: tidak naik")
        expect(gain).to_contain_text(f"naik {kbm - 100} g, kurang dari minimal {kbm} g")
        expect(reason).to_be_visible()
        expect(page.locator("[data-testid=two-t]")).to_have_count(0)

        page.fill('#app [name="weight_kg"]', "7,0")
        expect(gain).to_have_attribute("data-code", "T")
        expect(gain).to_contain_text(f"tetap 0 g, kurang dari minimal {kbm} g")
        page.fill('#app [name="weight_kg"]', "6,7")
        expect(gain).to_contain_text(f"turun 300 g, kurang dari minimal {kbm} g")
