"""Shared set-up of the sync protocol tests (not a test module).

Sari (KPM of Sibargot) has a household, a mother, a child born 1 October 2025 with a May 2026
record, and a pregnancy with a May 2026 record; Budi (KPM of Bandar Kumbul) has a child with
a May record. "Today" is 20 May 2026.
"""

from __future__ import annotations

import base64
from typing import Any
from uuid import UUID, uuid4

from tikar.api.tests.base import APRIL, MAY, TODAY, ApiTestCase

__all__ = ["APRIL", "MAY", "TODAY", "SyncTestCase", "op"]

SYNC_URL = "/api/sync/"
SNAPSHOT_URL = "/api/sync/snapshot/"


def long_id(short: str | None) -> str | None:
    """A snapshot's 22-character id back in the usual UUID form (as sync.js longId does)."""
    return None if short is None else str(UUID(bytes=base64.urlsafe_b64decode(short + "==")))


def expand_tables(tables: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A snapshot page's tables as {kind, id, version, fields} records, ids in UUID form."""
    out = []
    for table in tables:
        columns, ids = table["columns"], set(table["ids"])
        for row in table["rows"]:
            values = {
                name: long_id(value) if name in ids else value
                for name, value in zip(columns, row, strict=True)
            }
            record_id, version = values.pop("id"), values.pop("version")
            record = {"kind": table["kind"], "id": record_id, "version": version, "fields": values}
            if "before_window" in values:  # snapshot-only, beside the fields (as sync.js keeps it)
                record["before_window"] = values.pop("before_window")
            out.append(record)
    return out


def op(kind: str, fields: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    """An upsert operation with fresh op_id and record id unless given."""
    return {
        "op_id": str(extra.pop("op_id", uuid4())),
        "kind": kind,
        "action": extra.pop("action", "upsert"),
        "id": str(extra.pop("id", uuid4())),
        "base_version": extra.pop("base_version", None),
        "fields": fields if fields is not None else {},
        **extra,
    }


class SyncTestCase(ApiTestCase):
    def sync(self, *operations: dict[str, Any], user=None, status: int = 200):
        self.login(user or self.sari)
        response = self.post(SYNC_URL, {"device_id": "hp-uji", "operations": list(operations)})
        self.assertEqual(response.status_code, status, response.content)
        return response.json()

    def one(self, operation: dict[str, Any], user=None) -> dict[str, Any]:
        (result,) = self.sync(operation, user=user)["results"]
        return result

    def download(self, user=None, **params: Any) -> dict[str, Any]:
        self.login(user or self.sari)
        response = self.client.get(SYNC_URL, params)
        self.assertEqual(response.status_code, 200, response.content)
        return response.json()

    def snapshot(self, user=None, limit: int = 1000) -> list[dict[str, Any]]:
        """Every record of the first download (all pages), expanded by `expand_tables`."""
        self.login(user or self.sari)
        cursor, records = "", []
        while True:
            response = self.client.get(SNAPSHOT_URL, {"cursor": cursor, "limit": limit})
            self.assertEqual(response.status_code, 200, response.content)
            page = response.json()
            records += expand_tables(page["tables"])
            if not page["more"]:
                return records
            cursor = page["next_cursor"]

    def child_fields(self, **extra: Any) -> dict[str, Any]:
        return {
            "household": str(self.sari_household.pk),
            "mother": str(self.sari_mother.pk),
            "name": "Putri Kecil",
            "sex": "P",
            "birth_date": "2026-03-02",
        } | extra
