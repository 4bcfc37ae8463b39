"""Two phones that edit the same month offline, against a running Tikar (not a test module).

Each device is a browser context of its own (its own session and cookies) logged in through
the real login page, that downloads its desa through `GET /api/sync/` and uploads its outbox
through `POST /api/sync/` with the CSRF header, as the field app does. Used by the browser test
of the conflict page and by docs/make_screenshots_conflict.py.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from uuid import uuid4

from tikar.browser import login
from tikar.front.demo import DEMO_PASSWORD


def open_device(b, base: str, username: str, width: int = 360, height: int = 800):
    """(context, page) of a phone logged in as `username`."""
    ctx = b.new_context(viewport={"width": width, "height": height}, locale="id-ID")
    page = ctx.new_page()
    login(page, base, username, DEMO_PASSWORD)
    return ctx, page


def download(ctx, base: str) -> list[dict[str, Any]]:
    """The first download (snapshot), every page of it."""
    changes: list[dict[str, Any]] = []
    cursor, more = 0, True
    while more:
        answer = ctx.request.get(f"{base}/api/sync/?cursor={cursor}&snapshot=1&limit=500")
        assert answer.ok, answer.text()
        body = answer.json()
        changes += body["changes"]
        cursor, more = body["next_cursor"], body["more"]
    return changes


def upload(ctx, base: str, device_id: str, operation: dict[str, Any]) -> dict[str, Any]:
    token = next(c["value"] for c in ctx.cookies() if c["name"] == "csrftoken")
    answer = ctx.request.post(
        f"{base}/api/sync/",
        data={"device_id": device_id, "operations": [operation]},
        headers={"X-CSRFToken": token, "Referer": base + "/"},
    )
    assert answer.ok, answer.text()
    (result,) = answer.json()["results"]
    return result


def latest_weighed_visit(changes: list[dict[str, Any]]) -> dict[str, Any]:
    visits = [
        c
        for c in changes
        if c["kind"] == "child_visit" and c["fields"] and c["fields"].get("weight_kg")
    ]
    return max(visits, key=lambda c: (c["fields"]["month"], c["id"]))


def edit(held: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """An offline edit of a held monthly record: one outbox operation."""
    f = held["fields"]
    return {
        "op_id": str(uuid4()),
        "kind": held["kind"],
        "action": "upsert",
        "id": held["id"],
        "base_version": held["version"],
        "fields": {"target": f["target"], "month": f["month"], **changes},
    }


def make_conflict(b, base: str):
    """Sari's phone and the Admin Desa's both change one weight offline, then sync.

    Returns (Sari's context, her page, {"conflict": id, "server": "7.6", "phone": "7.8"}).
    """
    sari_ctx, sari_page = open_device(b, base, "sari")
    admin_ctx, _admin_page = open_device(b, base, "admin.sibargot")
    held = latest_weighed_visit(download(sari_ctx, base))
    admin_held = next(c for c in download(admin_ctx, base) if c["id"] == held["id"])
    weight = Decimal(str(held["fields"]["weight_kg"]))
    mine, theirs = str(weight + Decimal("0.2")), str(weight + Decimal("0.4"))
    first = upload(sari_ctx, base, "hp-sari", edit(held, weight_kg=mine))
    assert first["outcome"] in ("applied", "merged"), first
    second = upload(admin_ctx, base, "hp-admin", edit(admin_held, weight_kg=theirs))
    assert second["outcome"] == "conflict", second
    admin_ctx.close()
    return (
        sari_ctx,
        sari_page,
        {"conflict": second["conflict"]["id"], "server": mine, "phone": theirs},
    )


def make_register_conflict(b, base: str) -> int:
    """Both phones change a household's head and dusun offline: a two-field conflict's id."""
    sari_ctx, _page = open_device(b, base, "sari")
    admin_ctx, _admin_page = open_device(b, base, "admin.sibargot")
    held = next(c for c in download(sari_ctx, base) if c["kind"] == "household")
    download(admin_ctx, base)

    def rename(ctx, device: str, head: str, dusun: str) -> dict[str, Any]:
        operation = {
            "op_id": str(uuid4()),
            "kind": "household",
            "action": "upsert",
            "id": held["id"],
            "base_version": held["version"],
            "fields": {"head_name": head, "dusun": dusun},
        }
        return upload(ctx, base, device, operation)

    assert rename(sari_ctx, "hp-sari", held["fields"]["head_name"] + " Lubis", "Sei Merah")[
        "outcome"
    ] in (
        "applied",
        "merged",
    )
    second = rename(admin_ctx, "hp-admin", held["fields"]["head_name"] + " Siregar", "Sei Putih")
    assert second["outcome"] == "conflict", second
    sari_ctx.close()
    admin_ctx.close()
    return second["conflict"]["id"]


def comma(value: str) -> str:
    return value.replace(".", ",")
