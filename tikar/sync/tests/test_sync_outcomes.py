"""Each of the five outcomes of an upload operation (docs/offline.md, "Upload")."""

from __future__ import annotations

from uuid import uuid4

from tikar.households.models import Child, Household
from tikar.monitoring.models import ChildVisit, Conflict
from tikar.monitoring.services import record_month

from .sync_helpers import MAY, SyncTestCase, op


class OutcomeTests(SyncTestCase):
    def test_it_applies_a_register_create_with_the_phones_uuid(self) -> None:
        record_id = uuid4()
        result = self.one(op("child", self.child_fields(), id=record_id))
        self.assertEqual(result["outcome"], "applied")
        self.assertEqual(result["id"], str(record_id))
        self.assertEqual(result["version"], 1)
        self.assertEqual(result["record"]["birth_date"], "2026-03-02")
        self.assertIsNone(result["errors"])
        self.assertTrue(Child.objects.filter(pk=record_id, village=self.sibargot).exists())

    def test_it_applies_a_monthly_create_and_scores_it_on_the_server(self) -> None:
        fields = {
            "target": str(self.sari_child.pk),
            "month": "2026-04-01",
            "visit_date": "2026-04-10",
            "weight_kg": 7.7,
            "length_cm": 66.0,
            "measured_lying": True,
        }
        result = self.one(op("child_visit", fields))
        self.assertEqual(result["outcome"], "applied", result)
        self.assertEqual(result["record"]["weight_kg"], 7.7)
        self.assertEqual(result["record"]["target"], str(self.sari_child.pk))
        # The server scores the measurement; the answer carries the measurement only (the
        # phone's engine, identical, computes the same z-scores: docs/offline.md).
        stored = ChildVisit.objects.get(pk=result["id"])
        self.assertIsNotNone(stored.zwei)
        self.assertNotIn("zwei", result["record"])

    def test_it_answers_already_applied_to_a_create_the_server_has(self) -> None:
        record_id = uuid4()
        self.one(op("household", {"head_name": "Pak Ucok"}, id=record_id))
        # The same create under a new op_id (the phone lost its answer and made a new op).
        again = self.one(op("household", {"head_name": "Pak Ucok"}, id=record_id))
        self.assertEqual(again["outcome"], "already_applied")
        self.assertEqual(Household.objects.get(pk=record_id).version, 1)

    def test_it_merges_a_change_on_top_of_a_newer_server_version(self) -> None:
        # The Admin Desa changed the home visit (version 2); the phone saw version 1 and
        # changes another field.
        record_month(self.sari_child, MAY, {"safe_water": True}, self.rahmat, 1)
        fields = {"target": str(self.sari_child.pk), "month": "2026-05-01", "latrine": True}
        result = self.one(op("child_visit", fields, id=self.sari_visit.pk, base_version=1))
        self.assertEqual(result["outcome"], "merged", result)
        visit = ChildVisit.objects.get(pk=self.sari_visit.pk)
        self.assertTrue(visit.latrine)
        self.assertTrue(visit.safe_water)
        self.assertIsNotNone(result["message"])

    def test_it_merges_a_second_phones_create_of_the_same_month(self) -> None:
        fields = {"target": str(self.sari_child.pk), "month": "2026-05-01", "latrine": True}
        result = self.one(op("child_visit", fields))
        self.assertEqual(result["outcome"], "merged")
        self.assertEqual(result["id"], str(self.sari_visit.pk))
        self.assertEqual(ChildVisit.objects.filter(child=self.sari_child, month=MAY).count(), 1)

    def test_it_stores_a_monthly_conflict_and_keeps_the_servers_value(self) -> None:
        record_month(self.sari_child, MAY, {"home_visit": False}, self.rahmat, 1)
        fields = {"target": str(self.sari_child.pk), "month": "2026-05-01", "home_visit": None}
        fields["home_visit"] = True
        fields["latrine"] = True
        result = self.one(op("child_visit", fields, id=self.sari_visit.pk, base_version=0))
        self.assertEqual(result["outcome"], "conflict", result)
        self.assertEqual(result["conflict"]["conflicting_fields"], ["home_visit"])
        self.assertEqual(result["conflict"]["server_values"], {"home_visit": False})
        conflict = Conflict.objects.get(pk=result["conflict"]["id"])
        self.assertEqual(conflict.client_fields["home_visit"], True)
        visit = ChildVisit.objects.get(pk=self.sari_visit.pk)
        self.assertFalse(visit.home_visit)
        self.assertTrue(visit.latrine)

    def test_it_stores_a_register_conflict_where_the_rest_api_kept_nothing(self) -> None:
        household = self.sari_household
        household.address = "Jalan Kebun"
        household._history_user = self.rahmat
        household.save()  # version 2, the phone saw 1
        fields = {"address": "Jalan Sawah", "rt": "009"}
        result = self.one(op("household", fields, id=household.pk, base_version=1))
        self.assertEqual(result["outcome"], "conflict", result)
        self.assertEqual(result["conflict"]["conflicting_fields"], ["address"])
        self.assertEqual(result["conflict"]["server_values"], {"address": "Jalan Kebun"})
        conflict = Conflict.objects.get(pk=result["conflict"]["id"])
        self.assertIsNone(conflict.month)
        self.assertEqual(conflict.record_type, "households.household")
        self.assertEqual(conflict.target_type, "household")
        self.assertEqual(conflict.target_id, household.pk)
        self.assertEqual(conflict.client_fields, fields)
        household.refresh_from_db()
        self.assertEqual((household.address, household.rt), ("Jalan Kebun", "009"))

    def test_it_refuses_invalid_values_in_words_and_saves_nothing(self) -> None:
        fields = self.child_fields(birth_date="2030-01-01")
        result = self.one(op("child", fields))
        self.assertEqual(result["outcome"], "refused")
        self.assertIn("birth_date", result["errors"])
        self.assertFalse(Child.objects.filter(name="Putri Kecil").exists())
        self.assertIsNotNone(result["message"])

    def test_it_saves_a_likely_duplicate_and_lists_the_warning(self) -> None:
        fields = self.child_fields(name=self.sari_child.name, birth_date="2025-10-01", sex="L")
        result = self.one(op("child", fields))
        self.assertEqual(result["outcome"], "applied", result)
        self.assertTrue(result["warnings"])
        self.assertTrue(Child.objects.filter(pk=result["id"]).exists())

    def test_it_deletes_with_a_tombstone_and_answers_a_second_delete_as_done(self) -> None:
        first = self.one(op("child_visit", action="delete", id=self.sari_visit.pk))
        self.assertEqual(first["outcome"], "applied")
        self.assertIsNone(first["record"])
        second = self.one(op("child_visit", action="delete", id=self.sari_visit.pk))
        self.assertEqual(second["outcome"], "already_applied")
        self.assertIsNotNone(ChildVisit.objects.get(pk=self.sari_visit.pk).deleted_at)

    def test_it_refuses_deleting_a_household_that_still_has_people(self) -> None:
        result = self.one(op("household", action="delete", id=self.sari_household.pk))
        self.assertEqual(result["outcome"], "refused")
        self.assertIsNone(Household.objects.get(pk=self.sari_household.pk).deleted_at)
