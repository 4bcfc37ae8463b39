"""A large workbook is imported by the real worker: the same all-or-nothing report, on its page."""

from __future__ import annotations

from datetime import date

from django.test import override_settings
from django.urls import reverse

from tikar.households.models import Child, Household
from tikar.jobs.tests.live import WorkerTestCase, wait_until
from tikar.workbooks.models import ImportRun
from tikar.workbooks.tests.helpers import upload, with_changes, workbook


def valid(**changes) -> dict:
    """The workbook tests' valid file without its posyandu (a region row this test would leave
    behind on PostgreSQL: regions are never flushed), with `changes` to the first child."""
    data = with_changes("Ibu hamil", 0, Posyandu="")
    data["Anak"][0].update({k.replace("_", " "): v for k, v in changes.items()})
    return data


@override_settings(TIKAR_IMPORT_JOB_ROWS=3)
class WorkerImportTests(WorkerTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.client.force_login(self.sari)

    def _upload_and_wait(self, data) -> ImportRun:
        response = self.client.post(reverse("import"), {"file": upload(workbook(data))})
        run = ImportRun.objects.get()
        page = reverse("import_run", args=[run.pk])
        self.assertRedirects(response, page)
        waiting = self.client.get(page)
        self.assertContains(waiting, 'id="import-pending"')  # "menunggu giliran", polling
        self.assertEqual(run.status, ImportRun.QUEUED)
        self.assertEqual(Household.objects.count(), 0)  # nothing imported inside the request

        self.start_worker()
        # The polling box asks htmx to reload the page once the worker is done.
        wait_until(
            lambda: self.client.get(page, HTTP_HX_REQUEST="1").get("HX-Refresh") == "true",
            60,
            "the import to finish",
        )
        run.refresh_from_db()
        return run

    def test_it_imports_a_large_workbook_in_the_worker_and_shows_the_report(self) -> None:
        run = self._upload_and_wait(valid())
        self.assertEqual(run.status, ImportRun.IMPORTED, run.errors)
        self.assertEqual((Household.objects.count(), Child.objects.count()), (1, 2))
        self.assertIsNone(run.content)  # the upload is not kept once imported
        report = self.client.get(reverse("import_run", args=[run.pk]))
        self.assertNotContains(report, 'id="import-pending"')
        self.assertContains(report, "Rumah tangga")

    def test_it_saves_nothing_from_a_large_workbook_with_a_bad_row_and_lists_it(self) -> None:
        run = self._upload_and_wait(valid(Tanggal_lahir=date(2099, 1, 5)))
        self.assertEqual(run.status, ImportRun.REFUSED)
        self.assertEqual(Household.objects.count(), 0)
        report = self.client.get(reverse("import_run", args=[run.pk]))
        # The same per-row message as a direct import, in Bahasa Indonesia.
        self.assertContains(report, "Sheet Anak, baris 2, kolom Tanggal lahir")
        self.assertContains(report, "tidak boleh sesudah hari ini")
        self.assertContains(report, "Tidak ada yang disimpan")

        # Budi, KPM of the neighbouring desa, does not reach Sari's report.
        self.client.force_login(self.budi)
        self.assertEqual(self.client.get(reverse("import_run", args=[run.pk])).status_code, 404)
