"""Issue 11 "Done when", in real headless Chromium at 360×800: the Admin Desa (rahmat) records
a rembuk with participants and three proposals, prints the Berita Acara, marks one proposal as
allocated in the APBDes, and sees table 5 prefilled (the village confirms by saving).

The shared browser server holds the demo and other tests' rows: this test uses the rembuk of
2024 (the APBDes and table 5 of 2025), which the demo does not fill, and names its rows itself.
"""

from __future__ import annotations

from tikar.browser import login
from tikar.front.demo import DEMO_PASSWORD

YEAR = 2024
PROPOSALS = (
    # activity, package, code, cost
    ("PMT lokal balita gizi kurang 11d", "2", "2.2.02", "4.000.000"),
    ("Jamban sehat keluarga 1000 HPK 11d", "3", "2.4.11", "6.500.000"),
    ("Kelas pengasuhan BKB 11d", "5", "", "1.200.000"),
)


def scroll_width(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth")


def add_participant(page, name: str, group: str, sex_index: int, signs: bool) -> None:
    details = page.locator("#participants details.add")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    page.fill("#participants #id_name", name)
    page.select_option("#participants #id_group", group)
    page.check(f"#participants #id_sex_{sex_index}")
    if signs:
        page.check("#participants #id_signs_minutes")
    with page.expect_response(lambda r: "/peserta/" in r.url):
        page.locator("#participants form button.primary").click()
    page.wait_for_load_state("networkidle")
    page.locator("#participants li.person", has_text=name).wait_for()


class TestRembukCycleBrowser:
    def test_it_runs_the_cycle_on_a_phone(self, live_app, phone):
        page = phone
        login(page, live_app, "admin.sibargot", DEMO_PASSWORD)

        # 1. The rembuk itself.
        page.goto(f"{live_app}/rembuk/{YEAR}/")
        assert scroll_width(page) <= 360
        if page.locator("#participants").count() == 0:  # not recorded yet by an earlier run
            page.fill("#id_held_on", f"{YEAR}-06-12")
            page.fill("#id_place", "Balai Desa Sibargot")
            page.fill("#id_village_head_name", "Kepala Desa Sibargot")
            page.locator("#record button.primary").click()
            page.wait_for_load_state("networkidle")
        assert page.locator("#participants").count() == 1

        # 2. Participants (htmx form, the plain form behind it).
        add_participant(page, "Bidan Rina 11d", "midwife", 1, True)
        add_participant(page, "Ketua BPD Amir 11d", "bpd", 0, True)
        add_participant(page, "Kader Sri 11d", "posyandu_cadre", 1, False)

        # 3. Three proposals.
        for activity, package, code, cost in PROPOSALS:
            page.goto(f"{live_app}/rembuk/{YEAR}/usulan/baru/")
            assert scroll_width(page) <= 360
            page.fill("#id_activity", activity)
            page.select_option("#id_package", package)
            page.check("#id_kind_0")
            page.fill("#id_estimated_cost", cost)
            page.select_option("#id_funding_source", "dana_desa")
            if code:
                page.select_option("#id_activity_code", code)
            page.locator("form.card button.primary").click()
            page.wait_for_load_state("networkidle")
            assert "/usulan/baru/" not in page.url, page.locator(".error").all_inner_texts()
        page.goto(f"{live_app}/rembuk/{YEAR}/")
        listed = page.locator("#proposals").inner_text()
        for activity, *_rest in PROPOSALS:
            assert activity in listed

        # 4. The Berita Acara: the printable page and its PDF.
        page.goto(f"{live_app}/rembuk/{YEAR}/berita-acara/")
        assert page.locator("[data-print]").is_visible()
        paper = page.locator(".ba-paper").inner_text()
        assert "Bidan Rina 11d" in paper and PROPOSALS[1][0] in paper
        pdf = page.request.get(f"{live_app}/rembuk/{YEAR}/berita-acara.pdf")
        assert pdf.status == 200
        assert pdf.body()[:4] == b"%PDF"

        # 5. One proposal allocated in the APBDes 2025.
        page.goto(f"{live_app}/rembuk/{YEAR}/anggaran/")
        assert scroll_width(page) <= 360
        assert "APBDes 2025" in page.locator("h1 + p").inner_text()
        row = page.locator("[data-testid=proposal-row]", has_text=PROPOSALS[0][0])
        row.locator("summary").click()
        row.locator("select[name$=-stage]").select_option("allocated")
        row.locator("input[name$=-planned_amount]").fill("4.000.000")
        row.locator("input[name$=-allocated_amount]").fill("3.750.000")
        row.locator("button.primary").click()
        page.wait_for_load_state("networkidle")
        row = page.locator("[data-testid=proposal-row]", has_text=PROPOSALS[0][0])
        assert "Dialokasikan di APBDes" in row.locator("[data-testid=stage]").inner_text()
        assert "3.750.000" in row.inner_text()
        assert scroll_width(page) <= 360

        # 6. Table 5 of 2025 prefilled from it; the village confirms by saving.
        page.goto(f"{live_app}/dana-desa/{YEAR + 1}/")
        sums = page.locator("[data-testid=prefill-sums]").inner_text()
        assert f"Dari usulan rembuk {YEAR} yang dialokasikan di APBDes {YEAR + 1}" in sums
        assert "Pembangunan Rp 3.750.000" in sums
        page.locator("[data-testid=prefill-button]").click()
        page.wait_for_load_state("networkidle")
        assert page.locator("[data-testid=prefilled-note]").is_visible()
        assert page.input_value("#id_development_stunting") == "3.750.000"
        assert page.input_value("#id_empowerment_stunting") == "0"
        page.fill("#id_development_total", "250.000.000")
        page.fill("#id_empowerment_total", "80.000.000")
        page.locator("form.card button.primary").click()
        page.wait_for_load_state("networkidle")
        assert page.input_value("#id_development_stunting") == "3.750.000"
        assert scroll_width(page) <= 360
        # The scorecard's table 5 of 2025 now shows the confirmed amount.
        page.goto(f"{live_app}/scorecard/{YEAR + 1}/4/")
        assert "3.750.000" in page.locator("section.sc-table", has_text="5.").last.inner_text()
