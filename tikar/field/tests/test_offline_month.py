"""A KPM's whole month with no signal (issue 9, "Done when" 1), in real headless Chromium at
360×800: log in online, go offline, register a household with a pregnancy, record two months,
record the delivery, register the newborn, weigh and measure it and see its z-scores, reload the
app still offline and find everything, come back online, sync, and find on the server exactly
those records, once each, under the ids the phone made."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from tikar.browser import login
from tikar.front.demo import DEMO_PASSWORD
from tikar.growth.who2006 import score_one

MOTHER = "Ratna Luring Offline"
HEAD = "Darmawan Luring"
BABY = "Bayu Luring Offline"
SAVED = "Tersimpan di HP, belum terkirim."


def app_ready(page: Page) -> None:
    page.wait_for_selector("body[data-app-ready]", timeout=30_000)


def save_form(page: Page, button: str = "button[type=submit]") -> None:
    """Tap the form's save button; confirm the warnings the phone shows, if it shows any."""
    page.click(f"#app {button}")
    confirm = page.locator('#app input[name="confirm_warnings"], #app input[name="confirm_growth"]')
    page.wait_for_timeout(300)
    if (
        page.locator("[data-testid=flash]").count() == 0
        and confirm.count()
        and confirm.first.is_visible()
    ):
        confirm.first.check()
        page.click(f"#app {button}")
    expect(page.locator("[data-testid=flash]")).to_have_text(SAVED)


def pick(page: Page, name: str, value: str) -> None:
    """Tap the toggle button `value` of the question `name` (radio + label, as online)."""
    page.click(f'#app input[name="{name}"][value="{value}"] + label')


def open_hash(page: Page, route: str) -> None:
    """Go to `#<route>` and wait until the app has drawn that screen (not the previous one)."""
    page.goto(page.url.split("#")[0] + "#" + route)
    page.wait_for_function(
        "route => document.getElementById('app').dataset.route === route", arg=route
    )


def task_row(page: Page, month: str, text: str, form: str):
    open_hash(page, f"/?bulan={month}&cari={text.replace(' ', '+')}")
    row = page.locator(f'#app li[data-form="{form}"]').filter(has_text=text)
    expect(row).to_have_count(1)
    return row


def all_changes(page: Page, base: str) -> list[dict]:
    """Every record of Sari's desa on the server, through the sync download (as Sari)."""
    changes, cursor = [], 0
    while True:
        answer = page.request.get(f"{base}/api/sync/?cursor={cursor}&limit=500").json()
        changes += answer["changes"]
        if not answer["more"]:
            return changes
        cursor = answer["next_cursor"]


class TestOfflineMonth:
    def test_it_does_a_whole_month_offline_and_syncs_each_record_once(self, live_app, phone):
        page = phone
        today = date.today()
        this_month = today.replace(day=1)
        last_month = (this_month - timedelta(days=1)).replace(day=1)
        login(page, live_app, "sari", DEMO_PASSWORD)
        page.goto(live_app + "/lapangan/")
        app_ready(page)
        # The first download has filled the phone; the service worker controls the page.
        expect(page.locator("#app li[data-form]").first).to_be_visible(timeout=60_000)
        page.evaluate("navigator.serviceWorker.ready")
        page.reload()
        app_ready(page)
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)

        page.context.set_offline(True)

        # Register a household with a pregnant woman.
        page.click("text=+ Daftarkan rumah tangga")
        pick(page, "kind", "pregnancy")
        page.fill('[name="household.head_name"]', HEAD)
        page.fill('[name="household.dusun"]', "Dusun I")
        page.fill('[name="household.rt"]', "003")
        page.fill('[name="mother.name"]', MOTHER)
        page.fill('[name="mother.birth_date"]', "1996-04-12")
        page.fill('[name="pregnancy.due_date"]', (today + timedelta(days=20)).isoformat())
        page.select_option('[name="pregnancy.gestation_month"]', "8")
        save_form(page)

        # Two months of Formulir 2a.
        row = task_row(page, f"{last_month:%Y-%m-%d}", MOTHER, "2a")
        pregnancy_id = row.get_attribute("data-target")
        open_hash(page, row.locator("a").get_attribute("href")[1:])
        page.fill('#app [name="visit_date"]', last_month.replace(day=15).isoformat())
        pick(page, "anc_check", "1")
        pick(page, "iron_tablets", "1")
        page.fill('#app [name="iron_tablet_count"]', "30")
        save_form(page)
        row = task_row(page, f"{this_month:%Y-%m-%d}", MOTHER, "2a")
        open_hash(page, row.locator("a").get_attribute("href")[1:])
        page.fill('#app [name="visit_date"]', today.isoformat())
        pick(page, "anc_check", "1")
        pick(page, "home_visit", "0")
        save_form(page)
        expect(page.locator(f'#app li[data-target="{pregnancy_id}"]')).to_contain_text(
            "sudah dicatat"
        )

        # The delivery, then the newborn linked to the pregnancy.
        open_hash(page, f"/isi/2a/{pregnancy_id}/{this_month:%Y-%m}")
        page.click("text=Catat persalinan")
        page.wait_for_selector("#app[data-screen=delivery]")
        page.fill('#app [name="delivery_date"]', today.isoformat())
        save_form(page)
        expect(page.locator("#app h1")).to_have_text("Daftarkan bayi baru lahir")
        page.fill('#app [name="child.name"]', BABY)
        pick(page, "child.sex", "L")
        expect(page.locator('#app input[name="child.sex"][value="L"]')).to_be_checked()
        expect(page.locator('#app [name="child.birth_date"]')).to_have_value(today.isoformat())
        save_form(page)

        # Weigh and measure the newborn: the z-scores appear while typing, as the server's.
        row = task_row(page, f"{this_month:%Y-%m-%d}", BABY, "2b")
        child_id = row.get_attribute("data-target")
        open_hash(page, row.locator("a").get_attribute("href")[1:])
        page.fill('#app [name="visit_date"]', today.isoformat())
        page.fill('#app [name="weight_kg"]', "3,2")
        page.fill('#app [name="length_cm"]', "49,5")
        pick(page, "measured_lying", "1")
        box = page.locator("[data-testid=zscores]")
        expect(box).to_be_visible()
        server = score_one("1", 0, weight=3.2, lenhei=49.5, measure="l")
        for ind in ("len", "wei", "wfl"):
            shown = f"{server[f'z{ind}']:.2f}".replace(".", ",")
            expect(box.locator(f'tr[data-z="{ind}"] td.z')).to_have_text(shown)
        save_form(page)

        # Everything is still there after a reload with no signal, and waits to be sent.
        page.reload()
        app_ready(page)
        expect(page.locator("#unsent")).to_have_attribute("data-count", "7")
        for month, text, form in (
            (last_month, MOTHER, "2a"),
            (this_month, MOTHER, "2a"),
            (this_month, BABY, "2b"),
        ):
            row = task_row(page, f"{month:%Y-%m-%d}", text, form)
            expect(row).to_contain_text("sudah dicatat")
            expect(row.locator("[data-sync]")).to_have_attribute("data-sync", "unsent")
        open_hash(page, f"/isi/2b/{child_id}/{this_month:%Y-%m}")
        expect(page.locator("[data-testid=zscores]")).to_be_visible()
        expect(page.locator('#app [name="weight_kg"]')).to_have_value("3,2")

        # Back online: sync empties the outbox and every record is "terkirim".
        page.context.set_offline(False)
        page.click("#sync-now")
        expect(page.locator("#unsent")).to_have_attribute("data-count", "0", timeout=60_000)
        row = task_row(page, f"{this_month:%Y-%m-%d}", BABY, "2b")
        expect(row.locator("[data-sync]")).to_have_attribute("data-sync", "sent")

        # The server holds exactly those records, once each, under the phone's ids.
        changes = [c for c in all_changes(page, live_app) if not c["deleted"]]

        def of(kind, **match):
            return [
                c
                for c in changes
                if c["kind"] == kind and all(c["fields"].get(k) == v for k, v in match.items())
            ]

        households = of("household", head_name=HEAD)
        mothers = of("mother", name=MOTHER)
        pregnancies = of("pregnancy", mother=mothers[0]["id"]) if mothers else []
        children = of("child", name=BABY)
        assert (len(households), len(mothers), len(pregnancies), len(children)) == (1, 1, 1, 1)
        assert pregnancies[0]["id"] == pregnancy_id
        assert pregnancies[0]["fields"]["delivery_date"] == today.isoformat()
        assert children[0]["id"] == child_id
        assert children[0]["fields"]["born_from"] == pregnancy_id
        assert children[0]["fields"]["mother"] == mothers[0]["id"]
        visits = of("pregnancy_visit", target=pregnancy_id)
        assert sorted(v["fields"]["month"] for v in visits) == [
            last_month.isoformat(),
            this_month.isoformat(),
        ]
        measured = of("child_visit", target=child_id)
        assert len(measured) == 1
        assert re.fullmatch(r"3\.20?", str(measured[0]["fields"]["weight_kg"]))
