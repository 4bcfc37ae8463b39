"""Two phones saving the same child and month at the same moment (real transactions, threads)."""

from __future__ import annotations

import threading
from datetime import date
from unittest import mock

from django.db import connection
from django.test import TransactionTestCase

from tikar.accounts.models import Role
from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month
from tikar.regions.models import Region
from tikar.test import SIBARGOT, make_user

MAY = date(2026, 5, 1)


def ensure_region(code: str, name: str, level: int) -> Region:
    # The region list comes from a data migration and other tests rely on its 91,599 rows:
    # this test never flushes it (not in available_apps) and only adds what might be missing.
    parent = code.rsplit(".", 1)[0] if "." in code else None
    region, _ = Region.objects.get_or_create(
        code=code, defaults={"name": name, "level": level, "parent_id": parent}
    )
    return region


class ConcurrentRecordMonthTests(TransactionTestCase):
    available_apps = [
        "tikar.households",
        "tikar.monitoring",
        "tikar.accounts",
        "simple_history",
        "django.contrib.auth",
        "django.contrib.contenttypes",
    ]

    def setUp(self) -> None:
        for code, name, level in [
            ("12", "Sumatera Utara", 1),
            ("12.10", "Kabupaten Labuhanbatu", 2),
            ("12.10.07", "Bilah Barat", 3),
            (SIBARGOT, "Sibargot", 4),
        ]:
            ensure_region(code, name, level)
        self.sari = make_user("sari", Role.KPM, SIBARGOT)
        self.rahmat = make_user("rahmat", Role.VILLAGE_ADMIN, SIBARGOT)
        self.child = child(
            Region.objects.get(code=SIBARGOT), self.sari, birth_date=date(2025, 9, 1)
        )

    def test_it_keeps_one_record_when_two_saves_race(self) -> None:
        start = threading.Barrier(2)
        results: list = []
        errors: list = []

        def save(user, fields) -> None:
            try:
                start.wait()
                results.append(record_month(self.child, MAY, fields, user))
            except Exception as exc:  # noqa: BLE001 (reported by the assertion below)
                errors.append(exc)
            finally:
                connection.close()

        with mock.patch("django.utils.timezone.localdate", return_value=date(2026, 5, 20)):
            threads = [
                threading.Thread(target=save, args=(self.sari, {"home_visit": True})),
                threading.Thread(target=save, args=(self.rahmat, {"safe_water": True})),
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=30)

        self.assertEqual(errors, [])
        self.assertEqual(sorted(r.created for r in results), [False, True])
        record = ChildVisit.objects.get(child=self.child, month=MAY)
        self.assertTrue(record.home_visit and record.safe_water)
        self.assertEqual(record.version, 2)
