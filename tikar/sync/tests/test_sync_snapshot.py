"""GET /api/sync/snapshot/: the first download as tables, paged by keyset, scoped."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tikar.households.models import Household, Pregnancy
from tikar.households.tests.factories import child, household
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month
from tikar.sync.download import snapshot_start

from .sync_helpers import SNAPSHOT_URL, TODAY, SyncTestCase, expand_tables


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


class BeforeWindowTests(SyncTestCase):
    """The snapshot's `before_window`: what a child's or pregnancy's records older than the
    snapshot's 6 months say (the phone's attention list reads it, docs/offline.md "Snapshot")."""

    def old_visit(self, target, month, **stored):
        record = record_month(target, month, {"home_visit": True}, self.sari).record
        type(record).objects.filter(pk=record.pk).update(**stored)

    def test_it_summarises_a_childs_records_before_the_window_and_nothing_else(self) -> None:
        self.assertEqual(snapshot_start(TODAY), date(2025, 12, 1))
        self.old_visit(self.sari_child, date(2025, 10, 1), weight_kg=Decimal("3.1"), zlen=-6.5,
                       flen=True, immunisation_up_to_date=False, immunisation_measles=True)  # fmt: skip
        self.old_visit(self.sari_child, date(2025, 11, 1), weight_kg=Decimal("3.9"), zlen=-2.01,
                       flen=False, zwfl=-2.0, fwfl=False, immunisation_up_to_date=True)  # fmt: skip
        # In the window: the phone holds it, so the summary does not describe it.
        ChildVisit.objects.filter(pk=self.sari_visit.pk).update(zwfl=-3.5, fwfl=False)
        (kid,) = [r for r in self.snapshot() if r["id"] == str(self.sari_child.pk)]
        self.assertNotIn("before_window", kid["fields"])
        self.assertEqual(
            kid["before_window"],
            {
                "weighed": "2025-11-01",
                "stunted": "2025-11-01",  # October's -6.5 is flagged
                "immunisation_month": "2025-11-01",
                "immunisation_up_to_date": True,
                "measles": True,
            },
        )
        # the incremental download never carries it
        changes = self.download(cursor=0)["changes"]
        (change,) = [c for c in changes if c["id"] == str(self.sari_child.pk)]
        self.assertNotIn("before_window", change["fields"])

    def test_it_summarises_a_pregnancys_last_lila_and_is_null_without_older_records(self):
        # HPL in June: records from September 2025 (9 months before) are allowed
        Pregnancy.objects.filter(pk=self.sari_pregnancy.pk).update(due_date=date(2026, 6, 10))
        self.sari_pregnancy.refresh_from_db()
        self.old_visit(self.sari_pregnancy, date(2025, 9, 1), muac_cm=Decimal("22.4"))
        self.old_visit(self.sari_pregnancy, date(2025, 10, 1), risk_status="risti")
        records = {r["id"]: r for r in self.snapshot()}
        self.assertEqual(
            records[str(self.sari_pregnancy.pk)]["before_window"],
            {
                "muac_cm": 22.4,
                "muac_month": "2025-09-01",
                "visit_month": "2025-10-01",
                "risk_status": "risti",
            },
        )
        other = child(self.sibargot, self.sari, birth_date=date(2026, 1, 5))
        records = {r["id"]: r for r in self.snapshot()}
        self.assertIsNone(records[str(other.pk)]["before_window"])

    def test_it_reads_the_summaries_of_a_page_in_one_query(self) -> None:
        for n in range(5):
            kid = child(self.sibargot, self.sari, birth_date=date(2025, 1, 5), name=f"Anak {n}")
            self.old_visit(kid, date(2025, 6, 1), weight_kg=Decimal("7.0"))
        self.login(self.sari)
        with CaptureQueriesContext(connection) as few:
            self.client.get(SNAPSHOT_URL, {"limit": 1000})
        for n in range(5, 15):
            kid = child(self.sibargot, self.sari, birth_date=date(2025, 1, 5), name=f"Anak {n}")
            self.old_visit(kid, date(2025, 6, 1), weight_kg=Decimal("7.0"))
        with CaptureQueriesContext(connection) as many:
            self.client.get(SNAPSHOT_URL, {"limit": 1000})
        self.assertEqual(len(few.captured_queries), len(many.captured_queries))
