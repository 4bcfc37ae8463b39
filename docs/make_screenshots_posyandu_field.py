"""Screenshots of the offline field app's posyandu work at 360×800: the child's month with last
month's values and the live N/T judgement (a T with its override reason asked), and the
"Perlu perhatian" list worked out on the phone without signal.

Run from the repository root: `.venv/bin/python docs/make_screenshots_posyandu_field.py`. It
serves the app as `make run` does (fresh SQLite, demo loaded), makes a child with a flat weight
and a mother with a low LiLA through the phone's own store, syncs, goes offline and writes
docs/screens/posyandu-field-entry-phone.png and posyandu-field-attention-phone.png.
"""

from __future__ import annotations

from datetime import date, timedelta

from screenshots_server import OUT, ROOT, browser, running_server

from tikar.field.tests.posyandu_pwa import add_months, family, sync_all
from tikar.field.tests.pwa import open_field_app, save
from tikar.field.tests.test_offline_month import app_ready, open_hash


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    today = date.today()
    this_month = today.replace(day=1)
    with running_server() as base, browser() as b:
        context = b.new_context(viewport={"width": 360, "height": 800}, device_scale_factor=2)
        page = context.new_page()
        open_field_app(page, base, "sari")
        months = [add_months(this_month, n) for n in (-3, -2, -1)]
        ids = family(
            page,
            child="Tono Duate",
            birth=add_months(this_month, -11),
            phone="0812-3456-7890",
            visits=[
                {"month": m, "visit_date": m.replace(day=5), "weight_kg": w,
                 "length_cm": ln, "measured_lying": True}
                for m, w, ln in zip(months, ["7.0", "7.6", "7.6"], ["66.0", "67.0", "67.4"],
                                    strict=True)
            ],
        )  # fmt: skip
        hh = save(page, "household", {"head_name": "Kepala Kurniasih", "dusun": "Dusun II"})
        mother = save(
            page,
            "mother",
            {"household": hh["id"], "name": "Kurniasih Lila", "birth_date": "1998-01-02"},
        )
        pregnancy = save(
            page,
            "pregnancy",
            {"mother": mother["id"], "due_date": (today + timedelta(days=10)).isoformat(),
             "gestation_month": 9, "risk_status": "normal"},
        )  # fmt: skip
        save(
            page,
            "pregnancy_visit",
            {"target": pregnancy["id"], "month": this_month.isoformat(),
             "visit_date": today.isoformat(), "muac_cm": "22.8", "risk_status": "normal",
             "postnatal_checks": 0, "gestation_month": 9},
        )  # fmt: skip
        sync_all(page)
        page.context.set_offline(True)
        page.reload()
        app_ready(page)

        open_hash(page, f"/isi/2b/{ids['child']}/{this_month:%Y-%m}")
        page.fill('#app [name="visit_date"]', today.isoformat())
        page.fill('#app [name="weight_kg"]', "7,6")
        page.fill('#app [name="length_cm"]', "67,8")
        page.click('#app input[name="measured_lying"][value="1"] + label')
        page.wait_for_selector("[data-testid=gain][data-code=T]")
        page.locator('#app [data-field="visit_date"]').evaluate(
            "el => el.scrollIntoView({block: 'start'})"
        )
        page.wait_for_timeout(300)
        target = OUT / "posyandu-field-entry-phone.png"
        page.screenshot(path=str(target))
        print(target.relative_to(ROOT))

        open_hash(page, "/perhatian")
        target = OUT / "posyandu-field-attention-phone.png"
        page.screenshot(path=str(target))
        print(target.relative_to(ROOT))
        context.close()


if __name__ == "__main__":
    main()
