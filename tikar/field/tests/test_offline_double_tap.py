"""A double tap on a save button saves once (task F1, fault 1), in real headless Chromium at
360×800 with no signal: "Daftar" of a child and of a pregnant woman, "Daftar" of the newborn and
"Simpan" of Formulir 2b, each tapped twice quickly (Playwright's double click, and two mouse
clicks on the button's spot with no wait between them), leave one record each on the phone and,
after the sync, one on the server."""

from __future__ import annotations

from datetime import date, timedelta

from playwright.sync_api import Page, expect

from tikar.field.tests.pwa import open_field_app
from tikar.field.tests.test_offline_month import SAVED, all_changes, open_hash, pick, task_row

CHILD = "Dobel Ketuk Anak"
CHILD_MOTHER = "Dobel Ketuk Ibu Anak"
CHILD_HEAD = "Dobel Ketuk Kepala Satu"
MOTHER = "Dobel Ketuk Ibu Hamil"
PREG_HEAD = "Dobel Ketuk Kepala Dua"
BABY = "Dobel Ketuk Bayi"
BUTTON = "#app form button[type=submit]"


def double_tap(page: Page, how: str) -> None:
    """Tap the form's save button twice quickly, as an impatient thumb does."""
    button = page.locator(BUTTON).last
    if how == "dblclick":
        button.dblclick()
        return
    # Two real clicks at the button's spot, the second not waiting for the button to be
    # clickable again (Playwright's click() would wait while it is disabled).
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)
    page.mouse.click(x, y)


def save_twice(page: Page, how: str) -> None:
    """Double-tap save; if the phone asks to confirm warnings first, confirm and double-tap
    again (the double tap then lands on the save itself). Waits for the saved message."""
    double_tap(page, how)
    page.wait_for_timeout(500)
    confirm = page.locator('#app input[name="confirm_warnings"], #app input[name="confirm_growth"]')
    if page.locator("[data-testid=flash]").count() == 0 and confirm.count():
        confirm.first.check()
        double_tap(page, how)
    expect(page.locator("[data-testid=flash]")).to_have_text(SAVED)
    # Whatever a late second submit would do has happened by now.
    page.wait_for_timeout(500)


def local(page: Page, kind: str) -> list[dict]:
    """The phone's records of `kind` as {id, **fields}."""
    return page.evaluate(
        """async (kind) => { const {store} = await window.tikarField;
             return (await store.all(kind)).map((r) => ({...r.fields, id: r.id})); }""",
        kind,
    )


def ops(page: Page, record_id: str) -> int:
    """How many outbox operations wait for one record."""
    return page.evaluate(
        """async (id) => { const {store} = await window.tikarField;
             return (await store.outbox()).filter((op) => op.id === id).length; }""",
        record_id,
    )


def one(rows: list[dict], **match) -> dict:
    found = [r for r in rows if all(r.get(k) == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]


class TestOfflineDoubleTap:
    def test_it_saves_each_record_once_on_a_double_tap(self, live_app, phone):
        page = phone
        today = date.today()
        month = today.replace(day=1)
        open_field_app(page, live_app)
        page.context.set_offline(True)

        # A child, "Daftar" double-clicked.
        open_hash(page, "/daftar")
        pick(page, "kind", "child")
        page.fill('[name="household.head_name"]', CHILD_HEAD)
        page.fill('[name="household.dusun"]', "Dusun II")
        page.fill('[name="child.name"]', CHILD)
        pick(page, "child.sex", "P")
        page.fill('[name="child.birth_date"]', (today - timedelta(days=200)).isoformat())
        page.fill('[name="cmother.name"]', CHILD_MOTHER)
        save_twice(page, "dblclick")

        # A pregnant woman, "Daftar" tapped twice.
        open_hash(page, "/daftar")
        pick(page, "kind", "pregnancy")
        page.fill('[name="household.head_name"]', PREG_HEAD)
        page.fill('[name="household.dusun"]', "Dusun II")
        page.fill('[name="mother.name"]', MOTHER)
        page.fill('[name="mother.birth_date"]', "1995-02-03")
        page.fill('[name="pregnancy.due_date"]', (today + timedelta(days=10)).isoformat())
        page.select_option('[name="pregnancy.gestation_month"]', "9")
        save_twice(page, "clicks")

        households = local(page, "household")
        mothers = local(page, "mother")
        child_head = one(households, head_name=CHILD_HEAD)
        preg_head = one(households, head_name=PREG_HEAD)
        child_mother = one(mothers, name=CHILD_MOTHER)
        mother = one(mothers, name=MOTHER)
        child = one(local(page, "child"), name=CHILD)
        pregnancy = one(local(page, "pregnancy"), mother=mother["id"])
        assert child["household"] == child_head["id"]
        assert child["mother"] == child_mother["id"]
        assert mother["household"] == preg_head["id"]
        for rec in (child_head, preg_head, child_mother, mother, child, pregnancy):
            assert ops(page, rec["id"]) == 1

        # The delivery, then the newborn: "Daftar" double-clicked.
        open_hash(page, f"/persalinan/{pregnancy['id']}")
        page.fill('#app [name="delivery_date"]', today.isoformat())
        save_twice(page, "clicks")
        expect(page.locator("#app[data-screen=newborn]")).to_be_visible()
        page.fill('#app [name="child.name"]', BABY)
        pick(page, "child.sex", "L")
        save_twice(page, "dblclick")
        baby = one(local(page, "child"), name=BABY)
        assert baby["born_from"] == pregnancy["id"]
        assert ops(page, baby["id"]) == 1

        # Formulir 2b of the newborn: "Simpan" tapped twice, then double-clicked on a second
        # visit of the same month (an edit of the month's record, still one record).
        row = task_row(page, f"{month:%Y-%m-%d}", BABY, "2b")
        open_hash(page, row.locator("a").get_attribute("href")[1:])
        page.fill('#app [name="visit_date"]', today.isoformat())
        page.fill('#app [name="weight_kg"]', "3,3")
        page.fill('#app [name="length_cm"]', "50")
        pick(page, "measured_lying", "1")
        save_twice(page, "clicks")
        open_hash(page, f"/isi/2b/{baby['id']}/{month:%Y-%m}")
        page.fill('#app [name="weight_kg"]', "3,4")
        save_twice(page, "dblclick")
        visits = [v for v in local(page, "child_visit") if v["target"] == baby["id"]]
        assert len(visits) == 1, visits
        assert visits[0]["month"] == month.isoformat()
        assert visits[0]["weight_kg"] == "3.4"
        assert ops(page, visits[0]["id"]) == 1

        # Online again: the server holds each of them once, under the phone's ids.
        page.context.set_offline(False)
        page.click("#sync-now")
        expect(page.locator("#unsent")).to_have_attribute("data-count", "0", timeout=60_000)
        changes = [c for c in all_changes(page, live_app) if not c["deleted"]]

        def server(kind: str, **match) -> list[dict]:
            return [
                c["id"]
                for c in changes
                if c["kind"] == kind and all(c["fields"].get(k) == v for k, v in match.items())
            ]

        assert server("household", head_name=CHILD_HEAD) == [child_head["id"]]
        assert server("household", head_name=PREG_HEAD) == [preg_head["id"]]
        assert server("mother", name=CHILD_MOTHER) == [child_mother["id"]]
        assert server("mother", name=MOTHER) == [mother["id"]]
        assert server("pregnancy", mother=mother["id"]) == [pregnancy["id"]]
        assert server("child", name=CHILD) == [child["id"]]
        assert server("child", name=BABY) == [baby["id"]]
        assert server("child_visit", target=baby["id"]) == [visits[0]["id"]]
