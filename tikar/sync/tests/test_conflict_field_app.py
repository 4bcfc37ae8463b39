"""Done when (issue 9), with the field app itself: two phones (Sari's and the Admin Desa's,
two browser contexts of /lapangan/ in real headless Chromium at 360×800) hold the same May
record, go offline, both change the weight, come back and sync. One conflict appears on the
review page with both values; Sari chooses, and the record's history says so."""

from __future__ import annotations

from decimal import Decimal

from tikar.field.tests.pwa import open_field_app, outbox, record, save, sync_idle

LATEST_WEIGHED = """async () => { const {store} = await window.tikarField;
  const visits = (await store.all('child_visit')).filter(v => v.fields && v.fields.weight_kg);
  visits.sort((a, b) => (a.fields.month + a.id).localeCompare(b.fields.month + b.id));
  return visits[visits.length - 1]; }"""


def sync(page) -> dict:
    sync_idle(page)  # the sync that coming back online starts by itself, if any
    page.click("#sync-now")
    return sync_idle(page)


class TestConflictFieldApp:
    def test_it_turns_two_offline_edits_of_one_month_into_one_resolvable_conflict(
        self, live_app, chromium
    ):
        phones = []
        try:
            for username in ("sari", "admin.sibargot"):
                ctx = chromium.new_context(viewport={"width": 360, "height": 800})
                page = ctx.new_page()
                open_field_app(page, live_app, username)
                phones.append((ctx, page))
            (sari_ctx, sari), (admin_ctx, admin) = phones
            # The session's server is shared with other browser tests, which may leave
            # conflicts of their own open: count this one's arrival, not the total.
            sari.goto(live_app + "/konflik/")
            open_before = sari.locator(".conflicts:not(.resolved) a.conflict-line").count()
            sari.goto(live_app + "/lapangan/")
            sync_idle(sari)
            held = sari.evaluate(LATEST_WEIGHED)
            assert record(admin, "child_visit", held["id"])["version"] == held["version"]
            weight = Decimal(str(held["fields"]["weight_kg"]))
            mine, theirs = weight + Decimal("0.2"), weight + Decimal("0.4")

            # No signal: each phone changes the weight of the same month.
            sari_ctx.set_offline(True)
            admin_ctx.set_offline(True)
            save(sari, "child_visit", {"weight_kg": str(mine)}, held["id"])
            save(admin, "child_visit", {"weight_kg": str(theirs)}, held["id"])
            assert record(sari, "child_visit", held["id"])["state"] == "unsent"
            assert record(admin, "child_visit", held["id"])["state"] == "unsent"

            # Signal again: Sari's phone syncs first, then the Admin Desa's.
            sari_ctx.set_offline(False)
            sync(sari)
            admin_ctx.set_offline(False)
            sync(admin)
            assert outbox(sari) == [] and outbox(admin) == []
            assert record(sari, "child_visit", held["id"])["state"] == "sent"
            on_admin = record(admin, "child_visit", held["id"])
            assert on_admin["state"] == "check" and on_admin["reason"]
            assert Decimal(str(on_admin["fields"]["weight_kg"])) == mine  # the server's, kept

            # One conflict on the review page, with both versions.
            conflict_id = on_admin["conflict"]["id"]
            sari.goto(live_app + "/konflik/")
            open_now = sari.locator(".conflicts:not(.resolved) a.conflict-line")
            assert open_now.count() == open_before + 1
            line = sari.locator(
                f'.conflicts:not(.resolved) a.conflict-line[href$="/{conflict_id}/"]'
            )
            assert line.count() == 1
            line.click()
            sari.wait_for_load_state("networkidle")
            comma = lambda d: f"{d}".replace(".", ",") + " kg"  # noqa: E731
            assert sari.locator(".compare .server .value").inner_text() == comma(mine)
            assert sari.locator(".compare .phone .value").inner_text() == comma(theirs)
            sari.click("button[value=phone]")
            sari.wait_for_load_state("networkidle")
            assert "data HP dipakai" in sari.locator(".messages").inner_text()

            # The resolution reaches the phones at their next sync, as a new version.
            sari.goto(live_app + "/lapangan/")
            sync(sari)
            after = record(sari, "child_visit", held["id"])
            assert Decimal(str(after["fields"]["weight_kg"])) == theirs
            assert after["version"] == held["version"] + 2  # Sari's edit, then the choice
        finally:
            for ctx, _page in phones:
                ctx.close()
