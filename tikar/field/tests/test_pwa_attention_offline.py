""" "Perlu perhatian" on the phone with no signal: worked out from the phone's own records, it
lists a child with 2T (three weighings without the minimum gain after a good one) and a
pregnant woman with LiLA under 23,5 cm (KEK), each with why, a link to the target and a
WhatsApp link with the reminder; the tasks screen shows the count; and beside the list, what
each target still needs this quarter, from the copy the last sync stored."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import unquote

from playwright.sync_api import Page, expect

from tikar.field.tests.posyandu_pwa import add_months, family, sync_all
from tikar.field.tests.pwa import open_field_app, save
from tikar.field.tests.test_offline_month import app_ready, open_hash


class TestAttentionOffline:
    def test_it_lists_a_2t_child_and_a_kek_mother_offline_with_the_stored_needs(
        self, live_app, phone: Page
    ):
        page = phone
        open_field_app(page, live_app, "sari")
        sync_all(page)  # fetches /api/sync/needs/ and keeps it
        page.context.set_offline(True)
        page.reload()
        app_ready(page)

        today = date.today()
        this_month = today.replace(day=1)
        months = [add_months(this_month, n) for n in (-3, -2, -1, 0)]
        weights = ["7.0", "7.6", "7.6", "7.6"]  # B, N, T, T (2T)
        ids = family(
            page,
            child="Tono Duate",
            birth=add_months(this_month, -11),
            phone="0812-3456-7890",
            visits=[
                {"month": m, "visit_date": m.replace(day=1) if m != this_month else today,
                 "weight_kg": w}
                for m, w in zip(months, weights, strict=True)
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
            {"mother": mother["id"], "due_date": (today + timedelta(days=90)).isoformat(),
             "gestation_month": 6, "risk_status": "normal"},
        )  # fmt: skip
        save(
            page,
            "pregnancy_visit",
            {"target": pregnancy["id"], "month": this_month.isoformat(),
             "visit_date": today.isoformat(), "muac_cm": "22.8", "risk_status": "normal",
             "postnatal_checks": 0, "gestation_month": 6},
        )  # fmt: skip

        open_hash(page, "/")
        link = page.locator("[data-testid=attention-link]")
        expect(link).to_be_visible()
        assert int(link.get_attribute("data-count") or 0) >= 2
        open_hash(page, "/perhatian")
        child = page.locator(f'#app li.attention-item[data-target="{ids["child"]}"]')
        expect(child.locator('li[data-code="two_t"]')).to_contain_text(
            "2T: berat badan tidak naik 2 kali penimbangan berturut-turut"
        )
        expect(child.locator("a").first).to_have_attribute(
            "href", f"#/isi/2b/{ids['child']}/{this_month:%Y-%m}"
        )
        wa = child.locator("[data-testid=wa]")
        href = wa.get_attribute("href") or ""
        assert href.startswith("https://wa.me/6281234567890?text=")
        assert "belum naik dua kali penimbangan" in unquote(href)
        mom = page.locator(f'#app li.attention-item[data-target="{pregnancy["id"]}"]')
        expect(mom.locator('li[data-code="kek"]')).to_contain_text("KEK: LiLA 22,8 cm pada")
        assert (mom.locator("[data-testid=wa]").get_attribute("href") or "").startswith(
            "https://wa.me/?text="
        )
        expect(page.locator("#app")).to_contain_text("terkirim saat HP mendapat sinyal")
        needs = page.locator("[data-testid=needs]")
        expect(needs.locator("[data-testid=needs-time]")).to_contain_text(
            "menurut sinkron terakhir"
        )
