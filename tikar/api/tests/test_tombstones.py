"""Deleted records are left out of lists, and come as tombstones with ?include_deleted=1."""

from __future__ import annotations

from .base import ApiTestCase


class TombstoneTests(ApiTestCase):
    def test_it_lists_a_deleted_record_only_as_a_tombstone_on_request(self) -> None:
        self.sari_pregnancy.soft_delete(self.sari)
        self.client.force_login(self.sari)
        self.assertEqual(self.ids(self.client.get("/api/pregnancies/")), set())
        response = self.client.get("/api/pregnancies/", {"include_deleted": 1})
        [row] = response.json()["results"]
        self.assertEqual(set(row), {"id", "deleted_at", "change_seq"})
        self.assertEqual(row["id"], str(self.sari_pregnancy.pk))
        url = f"/api/pregnancies/{self.sari_pregnancy.pk}/"
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_it_sends_only_the_changes_after_a_cursor(self) -> None:
        self.client.force_login(self.sari)
        cursor = self.sari_child.change_seq
        rows = self.client.get("/api/children/", {"since": cursor}).json()["results"]
        self.assertEqual(rows, [])
        self.sari_child.soft_delete(self.sari)
        rows = self.client.get("/api/children/", {"since": cursor, "include_deleted": 1})
        self.assertEqual([r["id"] for r in rows.json()["results"]], [str(self.sari_child.pk)])
