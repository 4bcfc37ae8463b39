"""The demo's rembuk: what it holds, and a second load changes nothing."""

from __future__ import annotations

import time
from datetime import date

from django.test import TestCase

from tikar.front.demo import VILLAGES
from tikar.meetings import demo
from tikar.meetings.models import Participant, Proposal, VillageMeeting
from tikar.meetings.totals import path_totals

TODAY = date(2026, 7, 20)
SIBARGOT = "12.10.07.2001"


class DemoTests(TestCase):
    def snapshot(self) -> tuple:
        return (
            sorted(VillageMeeting.objects.values_list("pk", "village_id", "year", "updated_at")),
            sorted(Participant.objects.values_list("pk", "name")),
            sorted(Proposal.objects.values_list("pk", "stage", "updated_at")),
        )

    def test_it_loads_the_rembuk_quickly_and_a_second_load_changes_nothing(self):
        started = time.perf_counter()
        demo.load(list(VILLAGES), today=TODAY)
        self.assertLess(time.perf_counter() - started, 1.0)
        codes = list(VILLAGES)
        held = set(VillageMeeting.objects.values_list("village_id", flat=True))
        self.assertEqual(held, set(codes[:4]))  # the last two demo desa have no rembuk
        sib = VillageMeeting.objects.filter(village_id=SIBARGOT).order_by("year")
        self.assertEqual([m.year for m in sib], [2025, 2026])
        for m in sib:
            self.assertEqual(m.participants.count(), 12)
            self.assertEqual(set(m.participants.values_list("group", flat=True)) >= {
                "village_government", "bpd", "pkk", "midwife", "kpm", "posyandu_cadre",
                "paud_teacher", "puskesmas"}, True)  # fmt: skip
            self.assertEqual({p.package for p in m.proposals.all()}, {1, 2, 3, 4, 5})
            self.assertIsNotNone(m.scorecard_snapshot)
            self.assertEqual(m.held_on.month, 6)
            t = path_totals(m.proposals.all())
            self.assertEqual(t.allocated, 2)
        last_year = sib[0]
        self.assertEqual(path_totals(last_year.proposals.all()).realised, 1)
        before = self.snapshot()
        demo.load(list(VILLAGES), today=TODAY)
        self.assertEqual(self.snapshot(), before)

    def test_it_uses_last_years_rembuk_before_june(self):
        demo.load(list(VILLAGES), today=date(2026, 3, 5))
        years = set(
            VillageMeeting.objects.filter(village_id=SIBARGOT).values_list("year", flat=True)
        )
        self.assertEqual(years, {2025, 2024})
