"""Helpers of the field app's posyandu browser tests (test_pwa_weighing_*, test_pwa_attention_*).
Not a test module: a family made through the phone's own store and sent with a sync, so the
server accepted every record exactly as a KPM's phone sends it."""

from __future__ import annotations

from datetime import date
from typing import Any

from playwright.sync_api import Page, expect

from tikar.field.tests.pwa import save


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def sync_all(page: Page) -> None:
    """Tap "sync now" and wait until nothing is waiting to be sent."""
    page.click("#sync-now")
    expect(page.locator("#unsent")).to_have_attribute("data-count", "0", timeout=60_000)


def family(
    page: Page,
    *,
    child: str,
    birth: date,
    visits: list[dict[str, Any]] = (),
    phone: str = "",
    sex: str = "P",
) -> dict[str, str]:
    """A household, a mother and a child (born `birth`) with the given monthly records
    ({month: date, visit_date: date, weight_kg: str, length_cm: str, ...}), saved on the phone.
    Returns the ids {household, mother, child}."""
    hh = save(page, "household", {"head_name": f"Kepala {child}", "dusun": "Dusun I"})
    mother = save(
        page,
        "mother",
        {"household": hh["id"], "name": f"Ibu {child}", "birth_date": "1995-03-04", "phone": phone},
    )
    kid = save(
        page,
        "child",
        {
            "household": hh["id"],
            "mother": mother["id"],
            "name": child,
            "sex": sex,
            "birth_date": birth.isoformat(),
        },
    )
    for v in visits:
        fields = {
            "target": kid["id"],
            "month": v["month"].isoformat(),
            "form": "2b",
            "growth_mat": "tidak_diukur",
            **{k: (x.isoformat() if isinstance(x, date) else x) for k, x in v.items()},
        }
        fields["month"] = v["month"].isoformat()
        save(page, "child_visit", fields)
    return {"household": hh["id"], "mother": mother["id"], "child": kid["id"]}
