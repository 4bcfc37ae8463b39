from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from unittest import mock

from django.core.exceptions import PermissionDenied, ValidationError

from tikar.households.tests.factories import child, pregnancy
from tikar.monitoring.models import ChildVisit, PregnancyVisit
from tikar.monitoring.services import CREATED, UNCHANGED, UPDATED, record_month
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)
MAY = date(2026, 5, 1)


def frozen_today():
    return mock.patch("django.utils.timezone.localdate", return_value=TODAY)


class RecordMonthTests(BaseTestCase):
    def setUp(self) -> None:
        self.clock = frozen_today()
        self.clock.start()
        self.addCleanup(self.clock.stop)
        self.p = pregnancy(self.sibargot, self.sari)

    def test_it_turns_a_second_entry_for_the_month_into_an_edit(self) -> None:
        first = record_month(self.p, MAY, {"anc_check": True, "gestation_month": 5}, self.sari)
        second = record_month(self.p, MAY, {"iron_tablets": True}, self.sari)
        self.assertEqual((first.outcome, second.outcome), (CREATED, UPDATED))
        self.assertEqual(PregnancyVisit.objects.filter(pregnancy=self.p).count(), 1)
        record = PregnancyVisit.objects.get(pregnancy=self.p)
        self.assertEqual(record.pk, first.record.pk)
        self.assertTrue(record.anc_check and record.iron_tablets)
        self.assertEqual(record.version, 2)
        self.assertEqual(record.village_id, self.sibargot.code)

    def test_it_changes_nothing_when_the_same_values_are_replayed(self) -> None:
        first = record_month(self.p, MAY, {"anc_check": True}, self.sari)
        again = record_month(self.p, MAY, {"anc_check": True}, self.sari, base_version=1)
        self.assertEqual(again.outcome, UNCHANGED)
        again.record.refresh_from_db()
        self.assertEqual(
            (again.record.version, again.record.change_seq), (1, first.record.change_seq)
        )

    def test_it_keeps_the_phones_uuid_for_a_new_record(self) -> None:
        made_offline = "6f1c1c2e-3b6a-4f4e-9d55-1a2b3c4d5e6f"
        result = record_month(self.p, MAY, {}, self.sari, record_id=made_offline)
        self.assertEqual(str(result.record.pk), made_offline)

    def test_it_refuses_a_visit_date_in_the_future(self) -> None:
        with self.assertRaises(ValidationError) as caught:
            record_month(self.p, MAY, {"visit_date": TODAY + timedelta(days=1)}, self.sari)
        message = caught.exception.message_dict["visit_date"][0]
        self.assertIn("belum terjadi", message)
        self.assertIn("21 Mei 2026", message)
        self.assertFalse(PregnancyVisit.objects.exists())

    def test_it_refuses_a_month_that_has_not_come_yet(self) -> None:
        with self.assertRaises(ValidationError) as caught:
            record_month(self.p, date(2026, 6, 1), {}, self.sari)
        self.assertIn("Juni 2026 belum tiba", caught.exception.message_dict["month"][0])

    def test_it_refuses_a_visit_date_outside_the_month(self) -> None:
        with self.assertRaises(ValidationError) as caught:
            record_month(self.p, MAY, {"visit_date": date(2026, 4, 30)}, self.sari)
        message = caught.exception.message_dict["visit_date"][0]
        self.assertIn("tidak di bulan Mei 2026", message)
        self.assertIn("simpan di bulan April 2026", message)

    def test_it_refuses_gestation_and_postnatal_counts_out_of_range(self) -> None:
        with self.assertRaises(ValidationError) as caught:
            record_month(self.p, MAY, {"gestation_month": 10, "postnatal_checks": 5}, self.sari)
        errors = caught.exception.message_dict
        self.assertIn("1 sampai 9", errors["gestation_month"][0])
        self.assertIn("0 sampai 4", errors["postnatal_checks"][0])

    def test_it_refuses_a_kpm_of_another_desa(self) -> None:
        with self.assertRaises(PermissionDenied):
            record_month(self.p, MAY, {"anc_check": True}, self.budi)
        with self.assertRaises(PermissionDenied):
            record_month(self.p, MAY, {"anc_check": True}, self.dewi)  # officers read only

    def test_it_refuses_fields_the_form_does_not_have(self) -> None:
        with self.assertRaises(ValidationError) as caught:
            record_month(self.p, MAY, {"zlen": -3}, self.sari)
        self.assertIn("Kolom tidak dikenal", caught.exception.messages[0])

    def test_it_picks_the_form_from_the_childs_age(self) -> None:
        baby = child(self.sibargot, self.sari, birth_date=date(2025, 12, 1))
        record_month(baby, MAY, {"weight_kg": "6.1", "visit_date": date(2026, 5, 10)}, self.sari)
        self.assertEqual(ChildVisit.objects.get(child=baby).weight_kg, Decimal("6.1"))
        older = child(self.sibargot, self.sari, birth_date=date(2023, 1, 1))
        record_month(older, MAY, {"status": "mengikuti"}, self.sari)
        self.assertEqual(older.paud_records.get().status, "mengikuti")
