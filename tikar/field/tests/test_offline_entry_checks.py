"""The phone refuses what the server refuses before saving, while the KPM is still with the
family (issue 9 §7 on the entry screens): offline, an impossible weight and a visit date in the
future are shown at their fields in Bahasa Indonesia and nothing is saved; once corrected, the
entry is saved and waits to be sent."""

from __future__ import annotations

from datetime import date, timedelta

from playwright.sync_api import Page, expect

from tikar.browser import login
from tikar.field.tests.test_offline_month import app_ready, open_hash, pick, save_form
from tikar.front.demo import DEMO_PASSWORD


class TestOfflineEntryChecks:
    def test_it_refuses_bad_answers_at_the_field_and_saves_nothing(self, live_app, phone: Page):
        page = phone
        today = date.today()
        month = today.replace(day=1)
        login(page, live_app, "sari", DEMO_PASSWORD)
        page.goto(live_app + "/lapangan/")
        app_ready(page)
        expect(page.locator("#app li[data-form]").first).to_be_visible(timeout=60_000)
        page.context.set_offline(True)

        open_hash(page, f"/?bulan={month:%Y-%m-%d}&formulir=2b&belum=1")
        href = page.locator('#app li[data-form="2b"] a').first.get_attribute("href")
        unsent = page.locator("#unsent").get_attribute("data-count")
        open_hash(page, href[1:])
        page.fill('#app [name="visit_date"]', (today + timedelta(days=3)).isoformat())
        page.fill('#app [name="weight_kg"]', "300")
        page.fill('#app [name="length_cm"]', "70")
        pick(page, "measured_lying", "1")
        page.click("#app button[type=submit]")

        weight = page.locator('#app [data-field="weight_kg"]')
        expect(weight).to_have_class("field has-error")
        expect(weight.locator(".error")).to_contain_text("Berat badan")
        visit = page.locator('#app [data-field="visit_date"] .error').first
        expect(visit).to_contain_text("belum terjadi")
        expect(page.locator("#app .error[role=alert]").first).to_contain_text("perlu diperbaiki")
        expect(page.locator("[data-testid=flash]")).to_have_count(0)
        expect(page.locator("#unsent")).to_have_attribute("data-count", unsent)
        # What was typed is still there to correct.
        expect(page.locator('#app [name="length_cm"]')).to_have_value("70")

        page.fill('#app [name="visit_date"]', today.isoformat())
        page.fill('#app [name="weight_kg"]', "8,4")
        save_form(page)
        expect(page.locator("#unsent")).to_have_attribute("data-count", str(int(unsent) + 1))

    def test_it_asks_for_the_paud_status_before_saving_a_2c_month(self, live_app, phone: Page):
        page = phone
        month = date.today().replace(day=1)
        login(page, live_app, "sari", DEMO_PASSWORD)
        page.goto(live_app + "/lapangan/")
        app_ready(page)
        expect(page.locator("#app li[data-form]").first).to_be_visible(timeout=60_000)
        page.context.set_offline(True)

        open_hash(page, f"/?bulan={month:%Y-%m-%d}&formulir=2c&belum=1")
        row = page.locator('#app li[data-form="2c"]').first
        child_id = row.get_attribute("data-target")
        open_hash(page, row.locator("a").get_attribute("href")[1:])
        page.click("#app button[type=submit]")
        expect(page.locator('#app [data-field="status"] .error')).to_have_text(
            "Pilih status PAUD bulan ini."
        )
        expect(page.locator("[data-testid=flash]")).to_have_count(0)

        pick(page, "status", "mengikuti")
        save_form(page)
        row = page.locator(f'#app li[data-form="2c"][data-target="{child_id}"]')
        open_hash(page, f"/?bulan={month:%Y-%m-%d}&formulir=2c")
        expect(row).to_contain_text("sudah dicatat")
        expect(row.locator("[data-sync]")).to_have_attribute("data-sync", "unsent")

    def test_it_asks_to_measure_again_when_a_z_score_is_implausible(self, live_app, phone: Page):
        page = phone
        today = date.today()
        login(page, live_app, "sari", DEMO_PASSWORD)
        page.goto(live_app + "/lapangan/")
        app_ready(page)
        expect(page.locator("#app li[data-form]").first).to_be_visible(timeout=60_000)
        page.context.set_offline(True)

        open_hash(page, f"/?bulan={today.replace(day=1):%Y-%m-%d}&formulir=2b&belum=1")
        href = page.locator('#app li[data-form="2b"] a').first.get_attribute("href")
        open_hash(page, href[1:])
        page.fill('#app [name="visit_date"]', today.isoformat())
        # 29 kg is inside the hard limit (30 kg) but no child under two weighs that: WHO flag.
        page.fill('#app [name="weight_kg"]', "29")
        page.fill('#app [name="length_cm"]', "75")
        pick(page, "measured_lying", "1")
        warning = page.locator("[data-testid=zscores] [data-testid=warnings]")
        expect(warning).to_contain_text("di luar batas wajar WHO")
        expect(page.locator("[data-testid=zscores] tr.flagged")).not_to_have_count(0)

        page.click("#app button[type=submit]")
        confirm = page.locator('#app [data-field="confirm_growth"]')
        expect(confirm.locator(".error")).to_be_visible()
        expect(page.locator("[data-testid=flash]")).to_have_count(0)
        confirm.locator("input").check()
        page.click("#app button[type=submit]")
        expect(page.locator("[data-testid=flash]")).to_have_text("Tersimpan di HP, belum terkirim.")
