"""The worker's job `tasks.refresh_dirty_quarters` and `tasks.request_refresh`: it drains
every dirty desa quarter, and a request while one run is queued adds no second run."""

from __future__ import annotations

from unittest import mock

from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from tikar.scorecard import tasks
from tikar.scorecard.models import DirtyQuarter, QuarterResult, VillageQuarterTotal
from tikar.scorecard.refresh import mark_dirty
from tikar.scorecard.tests.area import build_bilah_barat
from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR
from tikar.test import BANDAR_KUMBUL, SIBARGOT, BaseTestCase

DB = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class RefreshJobTests(BaseTestCase):
    def setUp(self) -> None:
        build_bilah_barat(self)

    def test_it_drains_every_dirty_quarter_with_the_immediate_backend(self, _) -> None:
        self.assertTrue(DirtyQuarter.objects.exists())  # the entries marked their quarters
        tasks.request_refresh()
        self.assertFalse(DirtyQuarter.objects.exists())
        for code in (SIBARGOT, BANDAR_KUMBUL):
            self.assertEqual(
                VillageQuarterTotal.objects.filter(
                    village_id=code, year=YEAR, quarter=QUARTER
                ).count(),
                3,
            )
        self.assertEqual(QuarterResult.objects.filter(village_id=SIBARGOT).count(), 3)

    @override_settings(TASKS=DB)
    def test_it_queues_one_run_however_often_it_is_asked(self, _) -> None:
        tasks.request_refresh()
        tasks.request_refresh()
        queued = DBTaskResult.objects.filter(task_path=tasks.refresh_dirty_quarters.module_path)
        self.assertEqual(queued.count(), 1)
        self.assertTrue(DirtyQuarter.objects.exists())  # nothing ran in the request
        done = tasks.refresh_dirty_quarters.call()
        self.assertGreaterEqual(done, 2)
        self.assertFalse(DirtyQuarter.objects.exists())

    @override_settings(TASKS=DB, TIKAR_REFRESH_ON_SAVE=True)
    def test_it_asks_for_a_run_when_a_record_is_saved(self, _) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            mark_dirty(SIBARGOT, [(YEAR, QUARTER)])
        self.assertEqual(
            DBTaskResult.objects.filter(
                task_path=tasks.refresh_dirty_quarters.module_path, status="READY"
            ).count(),
            1,
        )

    def test_it_skips_a_quarter_that_fails_and_does_the_others(self, _) -> None:
        from tikar.scorecard import refresh

        real = refresh.refresh_village_quarter

        def sibargot_fails(code, year, quarter):
            if code == SIBARGOT:
                raise RuntimeError("disk full")
            return real(code, year, quarter)

        marks = DirtyQuarter.objects.count()
        with mock.patch.object(refresh, "refresh_village_quarter", side_effect=sibargot_fails):
            done = tasks.refresh_dirty_quarters.call()
        sibargot_marks = DirtyQuarter.objects.filter(village_id=SIBARGOT).count()
        self.assertGreaterEqual(sibargot_marks, 1)  # kept for the next run
        self.assertEqual(done, marks - sibargot_marks)
        self.assertFalse(DirtyQuarter.objects.filter(village_id=BANDAR_KUMBUL).exists())
        self.assertTrue(VillageQuarterTotal.objects.filter(village_id=BANDAR_KUMBUL).exists())
