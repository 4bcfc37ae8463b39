"""A saved monthly record gets its desa quarter recomputed by the real worker, not by a page."""

from __future__ import annotations

from datetime import date

from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tikar.households.tests.factories import child
from tikar.jobs.tests.live import WorkerTestCase, wait_until
from tikar.monitoring.services import record_month
from tikar.scorecard.models import DirtyQuarter, QuarterResult
from tikar.scorecard.tasks import refresh_dirty_quarters


@override_settings(TIKAR_REFRESH_ON_SAVE=True)
class WorkerRefreshTests(WorkerTestCase):
    def test_it_recomputes_the_quarter_of_a_saved_record_in_the_worker(self) -> None:
        baby = child(self.sibargot, self.sari, name="Bayu", birth_date=date(2026, 1, 10))
        record_month(baby, date(2026, 4, 1), {"counselling_mother": True}, self.sari)
        # The save marked the quarter and queued the job; nothing was computed in the request.
        self.assertTrue(DirtyQuarter.objects.filter(village=self.sibargot, year=2026, quarter=2))
        self.assertTrue(
            DBTaskResult.objects.filter(
                task_path=refresh_dirty_quarters.module_path, status=TaskResultStatus.READY
            )
        )
        self.assertFalse(QuarterResult.objects.filter(year=2026, quarter=2, target_id=baby.pk))

        self.start_worker()
        wait_until(
            lambda: not DirtyQuarter.objects.filter(village=self.sibargot).exists(),
            60,
            "the worker to recompute the quarter",
        )
        self.assertTrue(QuarterResult.objects.filter(year=2026, quarter=2, target_id=baby.pk))
