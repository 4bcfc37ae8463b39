"""Two months of one child saved at the same moment (real threads and transactions, PostgreSQL).

Each save re-judges the child's other months. Without a lock each transaction would judge from
a snapshot without the other's month, and the later month would keep "O" or "B". The child
row is locked before the month's row (`services._once`), so the second save waits and then
judges with both months.
"""

from __future__ import annotations

import threading
import unittest
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

from .test_concurrent_saves import ensure_region

MAR, APR, MAY = date(2026, 3, 1), date(2026, 4, 1), date(2026, 5, 1)


@unittest.skipUnless(connection.vendor == "postgresql", "row locks: PostgreSQL only")
class ConcurrentMonthsTests(TransactionTestCase):
    available_apps = [
        "tikar.households",
        "tikar.monitoring",
        "tikar.growth",
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
        village = Region.objects.get(code=SIBARGOT)
        self.child = child(village, self.sari, birth_date=date(2025, 1, 2))  # 14-16 months

    def race(self, *saves) -> list:
        start = threading.Barrier(len(saves))
        errors: list = []

        def run(user, month, weight) -> None:
            try:
                start.wait()
                fields = {"visit_date": month.replace(day=9), "weight_kg": weight}
                record_month(self.child, month, fields, user, form="2b")
            except Exception as exc:  # noqa: BLE001 (reported by the assertion)
                errors.append(exc)
            finally:
                connection.close()

        threads = [threading.Thread(target=run, args=s) for s in saves]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        return errors

    def codes(self) -> list[tuple[date, str, bool]]:
        return list(
            ChildVisit.objects.alive()
            .filter(child=self.child)
            .order_by("month")
            .values_list("month", "weight_gain", "two_t")
        )

    def test_it_ends_with_the_codes_of_both_months(self) -> None:
        with mock.patch("django.utils.timezone.localdate", return_value=date(2026, 5, 20)):
            record_month(
                self.child, MAR, {"visit_date": date(2026, 3, 9), "weight_kg": "9.0"}, self.sari
            )
            for _ in range(5):
                ChildVisit.objects.filter(child=self.child, month__gt=MAR).delete()
                errors = self.race((self.sari, APR, "9.0"), (self.rahmat, MAY, "9.0"))
                self.assertEqual(errors, [])
                self.assertEqual(
                    self.codes(),
                    [(MAR, "B", False), (APR, "T", False), (MAY, "T", True)],
                )

    def test_it_rejudges_the_next_month_when_both_are_edited_at_once(self) -> None:
        with mock.patch("django.utils.timezone.localdate", return_value=date(2026, 5, 20)):
            for month, weight in ((MAR, "9.0"), (APR, "9.2"), (MAY, "9.4")):
                record_month(
                    self.child,
                    month,
                    {"visit_date": month.replace(day=9), "weight_kg": weight},
                    self.sari,
                )
            self.assertEqual([c for _, c, _ in self.codes()], ["B", "N", "N"])
            # April falls to 9.0 (T) while May is edited to 9.1 (T after a T: 2T).
            errors = self.race((self.sari, APR, "9.0"), (self.rahmat, MAY, "9.1"))
            self.assertEqual(errors, [])
            self.assertEqual(self.codes(), [(MAR, "B", False), (APR, "T", False), (MAY, "T", True)])
