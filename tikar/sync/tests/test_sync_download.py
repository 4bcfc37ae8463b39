"""GET /api/sync/ and /api/sync/snapshot/: changes after a cursor, paged, tombstones, and
the first download."""

from __future__ import annotations

import gzip
from datetime import date

from tikar.households.models import Household
from tikar.households.tests.factories import child, household, pregnancy
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month

from .sync_helpers import MAY, SYNC_URL, SyncTestCase


def old_visit(target, month: date, user) -> ChildVisit:
    """A record of a month the entry rules no longer accept (saved directly, as an import)."""
    visit = ChildVisit(child=target, month=month, home_visit=True, created_by=user)
    visit.save()
    return visit


class DownloadTests(SyncTestCase):
    def all_changes(self, limit: int, **params) -> list[dict]:
        cursor, changes = params.pop("cursor", 0), []
        while True:
            page = self.download(cursor=cursor, limit=limit, **params)
            changes += page["changes"]
            if not page["more"]:
                return changes
            cursor = page["next_cursor"]

    def test_it_sends_a_deletion_as_a_tombstone_after_the_cursor(self) -> None:
        cursor = self.download(limit=1000)["next_cursor"]
        self.sari_visit.soft_delete(self.sari)
        (change,) = self.download(cursor=cursor)["changes"]
        self.assertEqual(change["id"], str(self.sari_visit.pk))
        self.assertTrue(change["deleted"])
        self.assertIsNone(change["fields"])
        self.assertEqual(change["kind"], "child_visit")

    def test_it_leaves_out_closed_targets_children_over_six_and_old_months(self) -> None:
        closed = pregnancy(self.sibargot, self.sari, kia_number="KIA-TUTUP", closed_at=MAY)
        over_six = child(self.sibargot, self.sari, birth_date=date(2020, 5, 1), name="Besar")
        november = old_visit(self.sari_child, date(2025, 11, 1), self.sari)
        december = old_visit(self.sari_child, date(2025, 12, 1), self.sari)
        gone = household(self.sibargot, self.sari, head_name="Pindah")
        gone.soft_delete(self.sari)
        ids = {c["id"] for c in self.snapshot(limit=2)}
        for absent in (closed, over_six, november, gone):
            self.assertNotIn(str(absent.pk), ids)
        for present in (december, self.sari_visit, self.sari_child, self.sari_anc):
            self.assertIn(str(present.pk), ids)
        # Without snapshot every change is there, the tombstone too.
        everything = {c["id"] for c in self.all_changes(1000)}
        self.assertTrue({str(r.pk) for r in (closed, over_six, november, gone)} <= everything)

    def test_it_misses_and_repeats_no_change_across_pages_while_another_writer_commits(
        self,
    ) -> None:
        for n in range(5):
            household(self.sibargot, self.sari, head_name=f"Rumah {n}")
        seen: list[tuple[str, int]] = []
        cursor, pages = 0, 0
        while True:
            page = self.download(cursor=cursor, limit=3)
            seen += [(c["id"], c["version"]) for c in page["changes"]]
            seqs = [c["change_seq"] for c in page["changes"]]
            self.assertEqual(seqs, sorted(seqs))
            self.assertTrue(all(s > cursor for s in seqs))
            if pages == 0:
                # Between pages: an edit of a record already sent, and a new record.
                first = Household.objects.get(pk=page["changes"][0]["id"])
                first.address = "Jalan Baru"
                first.save()
                household(self.sibargot, self.sari, head_name="Rumah sela")
                record_month(self.sari_child, MAY, {"latrine": True}, self.rahmat)
            pages += 1
            if not page["more"]:
                break
            cursor = page["next_cursor"]
        self.assertEqual(len(seen), len(set(seen)), "a change was sent twice")
        latest = {}
        for model in (Household, ChildVisit):
            for row in model.objects.filter(village=self.sibargot):
                latest[str(row.pk)] = row.version
        got = {}
        for record_id, version in seen:
            got[record_id] = max(version, got.get(record_id, 0))
        for record_id, version in latest.items():
            self.assertEqual(got.get(record_id), version, record_id)
        self.assertGreater(pages, 3)

    def test_it_sends_the_wire_shape_of_each_kind(self) -> None:
        changes = {c["id"]: c for c in self.download(limit=1000)["changes"]}
        visit = changes[str(self.sari_visit.pk)]
        self.assertEqual(visit["kind"], "child_visit")
        self.assertEqual(visit["fields"]["target"], str(self.sari_child.pk))
        self.assertEqual(visit["fields"]["month"], "2026-05-01")
        self.assertIn("weight_kg", visit["fields"])
        # The WHO results are recomputed by the phone's identical engine: not on the wire.
        self.assertNotIn("zlen", visit["fields"])
        self.assertNotIn("is_stunting", visit["fields"])
        kid = changes[str(self.sari_child.pk)]["fields"]
        self.assertEqual(kid["birth_date"], "2025-10-01")
        self.assertEqual(kid["household"], str(self.sari_household.pk))
        self.assertNotIn("village", kid)

    def test_it_compresses_the_download_for_a_phone_that_accepts_gzip(self) -> None:
        self.login(self.sari)
        response = self.client.get(SYNC_URL, {"limit": 1000}, HTTP_ACCEPT_ENCODING="gzip")
        self.assertEqual(response["Content-Encoding"], "gzip")
        self.assertIn(b'"changes"', gzip.decompress(response.content))

    def test_it_refuses_a_bad_cursor_or_limit_in_words(self) -> None:
        self.login(self.sari)
        for params in ({"cursor": "-1"}, {"cursor": "x"}, {"limit": "0"}, {"cursor": "9" * 30}):
            response = self.client.get(SYNC_URL, params)
            self.assertEqual(response.status_code, 400, params)
            self.assertIn("bilangan bulat", str(response.json()))
