"""The demo log and training: believable, one lagging desa, idempotent."""

from __future__ import annotations

from datetime import date

from tikar.activities import demo
from tikar.activities.models import Activity, Attendance, Training, TrainingAttendance
from tikar.test import BANDAR_KUMBUL, SIBARGOT, BaseTestCase

CODES = [SIBARGOT, BANDAR_KUMBUL, demo.LAGGING]


class DemoTest(BaseTestCase):
    def test_it_loads_six_months_with_a_lagging_desa_and_a_training_once(self):
        demo.load(CODES, today=date(2026, 11, 25))
        counts = (
            Activity.objects.count(),
            Attendance.objects.count(),
            TrainingAttendance.objects.count(),
        )
        demo.load(CODES, today=date(2026, 11, 25))
        self.assertEqual(
            counts,
            (
                Activity.objects.count(),
                Attendance.objects.count(),
                TrainingAttendance.objects.count(),
            ),
        )
        sibargot = Activity.objects.filter(village=SIBARGOT)
        self.assertEqual(sibargot.order_by("held_on").first().held_on.month, 5)
        self.assertLess(sibargot.order_by("-held_on").first().held_on, date(2026, 11, 1))
        self.assertEqual(sibargot.filter(kind="quarterly_review").count(), 2)  # July, October
        self.assertEqual(Activity.objects.filter(village=demo.LAGGING).count(), 1)
        t = Training.objects.get()
        self.assertEqual(t.regency_id, "12.10")
        self.assertEqual(
            dict(t.attendance.values_list("kpm__username", "attended")),
            {"sari": True, "budi": True},
        )
