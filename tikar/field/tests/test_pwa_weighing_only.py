"""A child of 30 months weighed at the posyandu with no signal: the phone holds the child and
last month's weighing from the download, offers the weighing-only entry (measurements, no
Formulir 2b services), and the record syncs and is accepted: the server judges it (N)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from playwright.sync_api import Page, expect

from tikar.field.tests.posyandu_pwa import add_months, family, sync_all
from tikar.field.tests.pwa import open_field_app
from tikar.field.tests.test_offline_month import app_ready, open_hash, save_form


class TestWeighingOnly:
    def test_it_records_a_30_month_weighing_offline_and_the_server_judges_it(
        self, live_app, phone: Page
    ):
        page = phone
        open_field_app(page, live_app, "sari")
        this_month = date.today().replace(day=1)
        last_month = add_months(this_month, -1)
        birth = add_months(this_month, -30)
        ids = family(
            page,
            child="Rudi Tigapuluh",
            sex="L",
            birth=birth,
            visits=[
                {"month": last_month, "visit_date": last_month.replace(day=8), "weight_kg": "12.0"}
            ],
        )
        sync_all(page)
        # A fresh phone: the first download must carry the child and its weighing.
        page.evaluate(
            """async () => { const {store} = await window.tikarField;
                 await store.meta.set('snapshot_done', false);
                 await store.meta.set('snapshot_cursor', ''); }"""
        )
        sync_all(page)
        page.context.set_offline(True)
        page.reload()
        app_ready(page)
        open_hash(page, f"/isi/2b/{ids['child']}/{this_month:%Y-%m}")
        expect(page.locator("[data-testid=weighing-only]")).to_be_visible()
        expect(page.locator('#app [name="immunisation_up_to_date"]')).to_have_count(0)
        # The growth mat applies from 3 to 18 months only: not asked (stored "tidak_diukur").
        expect(page.locator('#app [name="growth_mat"]')).to_have_count(0)
        expect(page.locator("[data-testid=last-weight]")).to_have_text("Bulan lalu: 12,0 kg")
        page.fill('#app [name="visit_date"]', date.today().isoformat())
        page.fill('#app [name="weight_kg"]', "12,3")
        expect(page.locator("[data-testid=gain]")).to_have_attribute("data-code", "N")
        save_form(page)
        mats = page.evaluate(
            """async ([child, month]) => { const {store} = await window.tikarField;
                 return (await store.all('child_visit')).map((r) => ({...r.fields}))
                   .filter((f) => f.target === child && f.month === month)
                   .map((f) => f.growth_mat); }""",
            [ids["child"], f"{this_month:%Y-%m-01}"],
        )
        assert mats == ["tidak_diukur"], mats

        page.context.set_offline(False)
        sync_all(page)
        page.goto(live_app + reverse("target", args=[ids["child"]]))
        expect(page.locator('td.gain[data-gain="N"]')).to_have_count(1)
        expect(page.locator('td.gain[data-gain="B"]')).to_have_count(1)
