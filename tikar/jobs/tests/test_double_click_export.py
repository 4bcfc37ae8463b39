"""A double click on an export prepares one file (attack run, issue 12 §3).

Two GETs of /ekspor/2b/2026-10.xlsx (or of the area roll-up ?format=xlsx|csv) gave two
ExportFile ids and two jobs. Now the second request gets the file already waiting or being
prepared; a ready or failed one is not reused (the data may have changed since).
"""

from __future__ import annotations

import shutil
import tempfile

from django.test import Client, override_settings
from django.urls import reverse

from tikar.households.tests.concurrency import ConcurrentTestCase, at_once, retry_locked
from tikar.jobs.models import ExportFile
from tikar.test import BaseTestCase

# Jobs stay queued (no worker in these tests), as they are while a real worker is busy.
QUEUED_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def temporary_export_dir(test) -> str:
    folder = tempfile.mkdtemp(prefix="tikar-exports-")
    test.addCleanup(shutil.rmtree, folder, True)
    return folder


class DoubleRequestTests(BaseTestCase):
    def setUp(self) -> None:
        settings_ = override_settings(
            TIKAR_EXPORT_DIR=temporary_export_dir(self), TIKAR_EXPORT_JOB_ROWS=-1, TASKS=QUEUED_ONLY
        )
        settings_.enable()
        self.addCleanup(settings_.disable)

    def test_it_sends_a_double_click_on_a_month_export_to_one_file(self) -> None:
        self.login(self.sari)
        url = reverse("export_month", args=["2b", 2026, 10])
        first, second = self.client.get(url), self.client.get(url)
        export = ExportFile.objects.get()
        self.assertRedirects(first, reverse("prepared_file", args=[export.pk]))
        self.assertRedirects(second, reverse("prepared_file", args=[export.pk]))
        # Another month is another file.
        self.client.get(reverse("export_month", args=["2b", 2026, 9]))
        self.assertEqual(ExportFile.objects.count(), 2)

    def test_it_sends_a_double_click_on_a_roll_up_to_one_file_per_format(self) -> None:
        self.login(self.hendra)
        url = reverse("rollup", args=[2026, 2])
        for fmt in ("xlsx", "csv"):
            with self.subTest(fmt=fmt):
                first = self.client.get(url, {"tingkat": "desa", "format": fmt})
                second = self.client.get(url, {"tingkat": "desa", "format": fmt})
                self.assertEqual(first["Location"], second["Location"])
        self.assertEqual(ExportFile.objects.count(), 2)  # one xlsx, one csv

    def test_it_prepares_a_new_file_once_the_last_is_ready_or_failed(self) -> None:
        self.login(self.sari)
        url = reverse("export_month", args=["2b", 2026, 10])
        self.client.get(url)
        ExportFile.objects.update(status=ExportFile.READY)
        self.client.get(url)
        ExportFile.objects.filter(status=ExportFile.QUEUED).update(status=ExportFile.FAILED)
        self.client.get(url)
        self.assertEqual(ExportFile.objects.count(), 3)

    def test_it_gives_another_user_their_own_file(self) -> None:
        url = reverse("export_month", args=["2b", 2026, 10])
        self.login(self.sari)
        mine = self.client.get(url)
        self.login(self.rahmat)  # Admin Desa of the same desa
        theirs = self.client.get(url)
        self.assertNotEqual(mine["Location"], theirs["Location"])
        self.assertEqual(ExportFile.objects.count(), 2)


class ConcurrentExportTests(ConcurrentTestCase):
    available_apps = [*ConcurrentTestCase.available_apps, "tikar.jobs"]

    def test_it_makes_one_file_of_two_requests_at_the_same_moment(self) -> None:
        url = reverse("export_month", args=["2b", 2026, 10])
        with override_settings(
            TIKAR_EXPORT_DIR=temporary_export_dir(self), TIKAR_EXPORT_JOB_ROWS=-1, TASKS=QUEUED_ONLY
        ):
            clients = [Client(), Client()]
            for client in clients:
                retry_locked(lambda c=client: c.force_login(self.sari))

            def click(i: int) -> str:
                return retry_locked(lambda: clients[i].get(url))["Location"]

            for _round in range(3):  # several rounds: the race is not won the same way each time
                ExportFile.objects.all().delete()
                locations, errors = at_once(2, click)
                self.assertEqual(errors, [])
                self.assertEqual(len(set(locations)), 1, locations)
                self.assertEqual(ExportFile.objects.count(), 1)
