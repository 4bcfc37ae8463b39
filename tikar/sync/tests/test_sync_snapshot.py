"""GET /api/sync/snapshot/: the first download as tables, paged by keyset, scoped."""

from __future__ import annotations

from tikar.households.models import Household
from tikar.households.tests.factories import household

from .sync_helpers import SNAPSHOT_URL, SyncTestCase, expand_tables


class SnapshotTests(SyncTestCase):
    def test_it_holds_sari_s_open_records_once_each_and_nothing_of_budi_s(self) -> None:
        records = self.snapshot(limit=2)
        ids = [r["id"] for r in records]
        self.assertEqual(len(ids), len(set(ids)))
        for present in (self.sari_household, self.sari_child, self.sari_visit, self.sari_anc):
            self.assertIn(str(present.pk), ids)
        self.assertNotIn(str(self.budi_child.pk), ids)
        budi_ids = {r["id"] for r in self.snapshot(user=self.budi)}
        self.assertIn(str(self.budi_child.pk), budi_ids)
        self.assertFalse(budi_ids & set(ids))

    def test_it_sends_ids_and_references_the_phone_turns_back_into_uuids(self) -> None:
        (visit,) = [r for r in self.snapshot() if r["id"] == str(self.sari_visit.pk)]
        self.assertEqual(visit["kind"], "child_visit")
        self.assertEqual(visit["fields"]["target"], str(self.sari_child.pk))
        self.assertEqual(visit["version"], self.sari_visit.version)
        (kid,) = [r for r in self.snapshot() if r["id"] == str(self.sari_child.pk)]
        self.assertEqual(kid["fields"]["household"], str(self.sari_household.pk))

    def test_it_sends_parents_before_their_records(self) -> None:
        kinds = [r["kind"] for r in self.snapshot(limit=1)]
        order = ["household", "mother", "pregnancy", "child"]
        seen = [k for k in kinds if k in order]
        self.assertEqual(seen, sorted(seen, key=order.index))
        self.assertLess(kinds.index("child"), kinds.index("child_visit"))

    def test_it_loses_no_record_when_one_before_it_is_deleted_between_pages(self) -> None:
        for n in range(6):
            household(self.sibargot, self.sari, head_name=f"Rumah {n}")
        self.login(self.sari)
        first = self.client.get(SNAPSHOT_URL, {"limit": 3}).json()
        sent = expand_tables(first["tables"])
        # A record already sent disappears: with offset paging every later record would shift
        # one place back and one would never be sent.
        Household.objects.get(pk=sent[0]["id"]).soft_delete(self.sari)
        cursor, rest = first["next_cursor"], []
        while True:
            page = self.client.get(SNAPSHOT_URL, {"cursor": cursor, "limit": 3}).json()
            rest += expand_tables(page["tables"])
            if not page["more"]:
                break
            cursor = page["next_cursor"]
        got = {r["id"] for r in sent + rest}
        alive = Household.objects.alive().filter(village=self.sibargot)
        self.assertTrue({str(h.pk) for h in alive} <= got)

    def test_it_refuses_a_page_marker_it_did_not_make_in_words(self) -> None:
        self.login(self.sari)
        for cursor in ("x", "child:zzz", "child_visit:not-a-uuid:2026-05-01", "rumah:1"):
            response = self.client.get(SNAPSHOT_URL, {"cursor": cursor})
            self.assertEqual(response.status_code, 400, cursor)
            self.assertIn("unduhan awal", str(response.json()))

    def test_it_refuses_officers_and_strangers(self) -> None:
        self.login(self.hendra)
        self.assertEqual(self.client.get(SNAPSHOT_URL).status_code, 403)
        self.client.logout()
        self.assertEqual(self.client.get(SNAPSHOT_URL).status_code, 403)
