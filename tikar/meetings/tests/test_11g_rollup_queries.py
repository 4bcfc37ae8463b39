"""The roll-up answers in a number of queries that does not grow with the number of desa."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tikar.meetings.models import VillageMeeting
from tikar.meetings.tests.data_11g_rollup import TODAY, YEAR, proposal, seed
from tikar.regions.models import Level, Region
from tikar.scorecard.models import DanaDesa
from tikar.test import LABUHANBATU, BaseTestCase


@override_settings(TIKAR_TODAY=TODAY)
class RollupQueryCountTests(BaseTestCase):
    def count(self, query: str) -> tuple[int, object]:
        with CaptureQueriesContext(connection) as ctx:
            page = self.client.get(reverse("meeting_rollup") + query)
        self.assertEqual(page.status_code, 200)
        return len(ctx), page

    def test_it_does_not_grow_with_the_desa(self) -> None:
        seed()
        self.login(self.hendra)
        small_kec, _ = self.count("")
        small_desa, _ = self.count("?tingkat=desa")
        others = Region.objects.filter(
            level=Level.VILLAGE, code__startswith=LABUHANBATU + "."
        ).exclude(pk__in=VillageMeeting.objects.filter(year=YEAR).values("village_id"))[:40]
        for i, region in enumerate(others):
            m = VillageMeeting.objects.create(
                village=region, year=YEAR, held_on=date(2025, 6, 1 + i % 28), place="Balai"
            )
            proposal(m, 1_000_000 + i, "dana_desa", "allocated", allocated_amount=1_000_000)
            proposal(m, 2_000_000, "apbd")
            if region.code[9] != "1":
                DanaDesa.objects.get_or_create(
                    village=region, year=YEAR + 1,
                    defaults={"development_total": 100, "development_stunting": 10,
                              "empowerment_total": 0, "empowerment_stunting": 0},
                )  # fmt: skip
        big_kec, page = self.count("")
        big_desa, _ = self.count("?tingkat=desa")
        self.assertEqual(page.context["total"].proposals, 7 + 2 * len(others))
        self.assertEqual(page.context["total"].held, 2 + len(others))
        self.assertEqual((big_kec, big_desa), (small_kec, small_desa))
        self.assertLessEqual(big_desa, 12)  # session, user, 5 grouped, regions, crumbs...
        self.assertGreaterEqual(big_desa, 7)  # the 5 grouped queries, the lines, the session
