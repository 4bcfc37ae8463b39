"""The coaching view's number of queries does not grow with the number of desa or KPM (3 vs 12)."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tikar.accounts.models import Role
from tikar.activities.tests._11e_data import activity, local, paud_records
from tikar.regions.models import Region
from tikar.test import BaseTestCase, make_user

URL = reverse("kpm_coaching")


@override_settings(TIKAR_TODAY="2026-11-25")
class CoachingQueriesTest(BaseTestCase):
    def add_desa(self, codes: list[str]) -> None:
        for code in codes:
            village = Region.objects.get(code=code)
            make_user(f"kpm{code}", Role.KPM, code)
            activity(village, date(2026, 10, 3), "fathers", {"parents": (3, 0)})
            paud_records(village, date(2026, 10, 1), [local(2026, 11, 3), local(2026, 11, 8)])

    def count(self) -> int:
        self.login(self.hendra)
        with CaptureQueriesContext(connection) as ctx:
            response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        return len(ctx.captured_queries), len(response.context["data"].rows)

    def test_it_makes_the_same_number_of_queries_for_3_and_12_desa(self):
        desa = list(
            Region.objects.filter(code__startswith="12.10.", level=4)
            .exclude(code__in=[self.sibargot.code, self.bandar_kumbul.code])
            .order_by("code")
            .values_list("code", flat=True)[:10]
        )
        self.add_desa(desa[:1])
        few, rows_few = self.count()
        self.add_desa(desa[1:])
        many, rows_many = self.count()
        self.assertEqual(rows_many - rows_few, 9)
        self.assertEqual(few, many)
        self.assertLessEqual(many, 15)  # 13 when measured: session, user, 9 figures, names
