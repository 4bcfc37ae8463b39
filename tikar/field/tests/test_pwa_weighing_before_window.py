"""A child weighed only before the phone's months is O on the phone, as on the server, never B.

The phone holds the snapshot's last 6 months (tikar/sync/download.py `snapshot_start`); a
child's only earlier weighing 8 months ago is not among them. The snapshot's `before_window`
(`weighed`: the month of that weighing) tells the phone the child was weighed before, so the new
weighing is judged O ("bulan lalu tidak ditimbang"), not B ("baru pertama kali ditimbang"): on
the entry screen's live judgement, in the attention screen's series (screens/attention.js
childMonths), and as the server stores it after the sync.

Also weighing.js judgeSeries's one input judge_series does not have (`weighedBefore`) agrees
with the server's judge_series over the whole history: the series with the older weighing in
front, whose own judgement is then left out.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from playwright.sync_api import Page, expect

from tikar.field.tests.posyandu_pwa import add_months, family, sync_all
from tikar.field.tests.pwa import open_field_app, record
from tikar.field.tests.test_offline_month import app_ready, open_hash, save_form
from tikar.field.tests.test_pwa_weighing_agreement import _plain, js, weighing_page
from tikar.growth.weighing import Weighing, judge_series

# screens/attention.js's childMonths in the running app (the module instance app.js uses, so
# `app` is filled), over the child's records on the phone and its `before_window`.
_CHILD_MONTHS = """async (childId) => {
    const {store} = await window.tikarField;
    const src = [...document.querySelectorAll('script[type=module]')]
        .map((s) => s.src).find((s) => /\\/app(\\.[0-9a-f]+)?\\.js/.test(s));
    const screens = await import(new URL('screens/attention.js', src).href);
    const child = await store.get('child', childId);
    const visits = (await store.all('child_visit'))
        .filter((r) => r.fields.target === childId).map((r) => ({...r.fields, id: r.id}));
    return screens.childMonths({...child.fields, id: child.id}, visits, child.before_window || null)
        .map((m) => [m.month, m.weight_gain]);
}"""


class TestWeighingBeforeWindow:
    def test_the_first_weighing_on_the_phone_after_an_old_one_is_o(self, live_app, phone: Page):
        page = phone
        open_field_app(page, live_app, "sari")
        this_month = date.today().replace(day=1)
        old = add_months(this_month, -8)  # older than the snapshot's 6 months
        ids = family(
            page,
            child="Wulan Lama",
            birth=add_months(this_month, -14),
            visits=[{"month": old, "visit_date": old.replace(day=10), "weight_kg": "7.2"}],
        )
        sync_all(page)

        # A fresh phone (new browser profile): the first download's snapshot, without the old record.
        fresh = page.context.browser.new_context(
            viewport={"width": 360, "height": 800}, device_scale_factor=2
        )
        try:
            p2 = fresh.new_page()
            open_field_app(p2, live_app, "sari")
            child = record(p2, "child", ids["child"])
            assert child is not None
            assert child["before_window"]["weighed"] == old.isoformat()
            held = p2.evaluate(
                """async (id) => { const {store} = await window.tikarField;
                     return (await store.all('child_visit')).filter((r) => r.fields.target === id)
                       .length; }""",
                ids["child"],
            )
            assert held == 0  # the phone does not hold the 8-month-old weighing

            p2.context.set_offline(True)
            p2.reload()
            app_ready(p2)
            open_hash(p2, f"/isi/2b/{ids['child']}/{this_month:%Y-%m}")
            p2.fill('#app [name="visit_date"]', date.today().isoformat())
            p2.fill('#app [name="weight_kg"]', "8,1")
            gain = p2.locator("[data-testid=gain]")
            expect(gain).to_have_attribute("data-code", "O")
            expect(gain).to_contain_text("O: bulan lalu tidak ditimbang")
            save_form(p2)

            # the attention screen judges the phone's series the same way
            assert p2.evaluate(_CHILD_MONTHS, ids["child"]) == [[this_month.isoformat(), "O"]]

            p2.context.set_offline(False)
            sync_all(p2)
            p2.goto(live_app + reverse("target", args=[ids["child"]]))
            expect(p2.locator("td.gain[data-gain=B]")).to_have_count(1)  # the old weighing
            expect(p2.locator("td.gain[data-gain=O]")).to_have_count(1)  # the new one
        finally:
            fresh.close()


def test_judge_series_weighed_before_agrees_with_the_whole_history() -> None:
    start = date(2026, 1, 1)
    months = [add_months(start, i) for i in range(6)]
    shapes = [
        ["7.0", None, "7.4", "7.5", "7.5", "7.6"],  # O first, then N/T
        [None, None, "7.0", "7.1", "7.1", None],  # empty months first; T then 2T
        ["7.0", "7.4", "7.4", "7.4", None, "8.0"],
        [None] * 6,  # nothing weighed on the phone
    ]
    older = Weighing(add_months(start, -3), 3, "6.0")  # before the window, 3 months back
    cases = []
    for shape in shapes:
        series = [
            Weighing(m, 4 + i, w, "") for i, (m, w) in enumerate(zip(months, shape, strict=True))
        ]
        cases.append(series)
    payload = [
        [
            {"month": w.month.isoformat(), "age_months": w.age_months,
             "weight_kg": w.weight_kg, "override_reason": ""}
            for w in series
        ]
        for series in cases
    ]  # fmt: skip
    with weighing_page() as page:
        got = js(
            page,
            """cases => cases.map((ws) => [
                 window.w.judgeSeries(ws, null, {weighedBefore: true}),
                 window.w.judgeSeries(ws, null, {}),
               ])""",
            payload,
        )
    for series, (with_before, without) in zip(cases, got, strict=True):
        assert with_before == [_plain(j) for j in judge_series([older, *series])[1:]]
        assert without == [_plain(j) for j in judge_series(series)]
    firsts = [next((j["code"] for j in g[0] if j["code"]), "") for g in got]
    assert firsts == ["O", "O", "O", ""]
