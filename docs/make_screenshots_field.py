"""Screenshots of the offline field app (/lapangan/) at phone size (360×800), taken offline.

Run from the repository root: `.venv/bin/python docs/make_screenshots_field.py`. It serves the
app as `make run` does (fresh SQLite, demo loaded), logs in as Sari once online, switches the
browser offline and then works through the screens, writing docs/screens/field-*.png:

- field-tasks-offline-phone.png: Tugas bulan ini offline, a just-registered target "belum terkirim"
- field-entry-unsent-phone.png: a saved 2a entry showing its "belum terkirim" state
- field-unsent-counter-phone.png: the unsent counter and the list of what waits to be sent
- field-2b-zscores-phone.png: a 2b entry with the z-scores computed on the phone while typing
"""

from __future__ import annotations

from datetime import date, timedelta

from screenshots_server import DEMO_PASSWORD, OUT, browser, login, running_server

MOTHER = "Wulan Sari Siregar"


def shot(page, name: str) -> None:
    page.wait_for_timeout(300)
    page.screenshot(path=str(OUT / f"{name}.png"))
    print(f"docs/screens/{name}.png")


def open_hash(page, base: str, route: str) -> None:
    """Go to /lapangan/#<route> and wait until the app has drawn that screen."""
    page.goto(f"{base}/lapangan/#{route}")
    page.wait_for_function(
        "route => document.getElementById('app').dataset.route === route", arg=route
    )


def app_ready(page) -> None:
    page.wait_for_selector("body[data-app-ready]", timeout=30_000)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    today = date.today()
    month = today.replace(day=1)
    with running_server() as base, browser() as b:
        context = b.new_context(
            viewport={"width": 360, "height": 800}, device_scale_factor=2, locale="id-ID"
        )
        page = context.new_page()
        login(page, base, "sari", DEMO_PASSWORD)
        page.goto(base + "/lapangan/")
        app_ready(page)
        page.wait_for_selector("#app li[data-form]", timeout=60_000)
        page.evaluate("navigator.serviceWorker.ready")
        page.reload()
        app_ready(page)
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
        # Let the start-up sync finish before the signal goes.
        page.wait_for_selector("#sync-now:not([disabled])", timeout=60_000)
        page.wait_for_timeout(1500)
        context.set_offline(True)
        page.wait_for_timeout(500)

        # Register a pregnant woman offline.
        open_hash(page, base, "/daftar")
        page.click('#app input[name="kind"][value="pregnancy"] + label')
        page.fill('[name="household.head_name"]', "Rudi Siregar")
        page.fill('[name="household.dusun"]', "Dusun II")
        page.fill('[name="household.rt"]', "004")
        page.fill('[name="mother.name"]', MOTHER)
        page.fill('[name="mother.birth_date"]', "1998-02-17")
        page.fill('[name="pregnancy.due_date"]', (today + timedelta(days=120)).isoformat())
        page.select_option('[name="pregnancy.gestation_month"]', "5")
        page.click("#app button[type=submit]")
        page.wait_for_selector("[data-testid=flash]")
        open_hash(page, base, f"/?bulan={month:%Y-%m-%d}&cari=Siregar")
        page.wait_for_selector("#app li[data-form]")
        # The list itself under the sticky counter, with the new target's "belum terkirim".
        page.locator("#app .taskfilter .filtered").scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, 300)")
        shot(page, "field-tasks-offline-phone")

        # Its 2a entry for the month, saved: back on the entry it says "belum terkirim".
        target = page.locator("#app li[data-form='2a']").filter(has_text=MOTHER)
        pregnancy_id = target.get_attribute("data-target")
        open_hash(page, base, f"/isi/2a/{pregnancy_id}/{month:%Y-%m}")
        page.fill('#app [name="visit_date"]', today.isoformat())
        page.click('#app input[name="anc_check"][value="1"] + label')
        page.click("#app button[type=submit]")
        page.wait_for_selector("[data-testid=flash]")
        open_hash(page, base, f"/isi/2a/{pregnancy_id}/{month:%Y-%m}")
        page.wait_for_selector("[data-testid=record-state]")
        shot(page, "field-entry-unsent-phone")

        # The counter in the header, and the list of what waits to be sent.
        open_hash(page, base, "/status")
        page.wait_for_selector("[data-screen=status]")
        shot(page, "field-unsent-counter-phone")

        # A 2b entry of a demo child: weight and length typed, z-scores computed on the phone.
        open_hash(page, base, f"/?bulan={month:%Y-%m-%d}&formulir=2b&belum=1")
        page.wait_for_selector("#app li[data-form='2b']")
        href = page.locator("#app li[data-form='2b'] a").first.get_attribute("href")
        open_hash(page, base, href[1:])
        page.wait_for_selector('#app [name="weight_kg"]')
        page.fill('#app [name="visit_date"]', today.isoformat())
        page.fill('#app [name="weight_kg"]', "7,1")
        page.fill('#app [name="length_cm"]', "68,5")
        page.click('#app input[name="measured_lying"][value="1"] + label')
        page.wait_for_selector("[data-testid=zscores] table")
        page.locator("#app h2").first.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -45)")
        shot(page, "field-2b-zscores-phone")
        context.close()


if __name__ == "__main__":
    main()
