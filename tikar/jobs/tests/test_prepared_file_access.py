"""A prepared file is its owner's alone; old ones are removed (jobs run at once here)."""

from __future__ import annotations

import shutil
import tempfile
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tikar.jobs.models import ExportFile
from tikar.test import BaseTestCase


class PreparedFileAccessTests(BaseTestCase):
    def setUp(self) -> None:
        folder = tempfile.mkdtemp(prefix="tikar-exports-")
        self.addCleanup(shutil.rmtree, folder, True)
        settings_ = override_settings(TIKAR_EXPORT_DIR=folder, TIKAR_EXPORT_JOB_ROWS=-1)
        settings_.enable()
        self.addCleanup(settings_.disable)
        self.login(self.sari)
        # Every export counts as large: it becomes a job (run at once by the test backend).
        response = self.client.get(reverse("export_month", args=["2b", 2026, 4]))
        self.export = ExportFile.objects.get()
        self.assertRedirects(response, reverse("prepared_file", args=[self.export.pk]))
        self.urls = [
            reverse("prepared_file", args=[self.export.pk]),
            reverse("prepared_file_download", args=[self.export.pk]),
        ]

    def test_it_lets_the_owner_download_the_prepared_file(self) -> None:
        page = self.client.get(self.urls[0])
        self.assertContains(page, 'id="download"')
        response = self.client.get(self.urls[1])
        self.assertEqual(response.status_code, 200)
        self.assertTrue(b"".join(response.streaming_content).startswith(b"PK"))  # an .xlsx

    def test_it_answers_404_to_another_village_and_to_colleagues(self) -> None:
        # Budi (another desa), Rahmat (Admin Desa of the same desa: asks for his own copy),
        # Dewi (the kecamatan officer above it): none of them reaches Sari's file.
        for user in (self.budi, self.rahmat, self.dewi):
            self.client.force_login(user)
            for url in self.urls:
                self.assertEqual(self.client.get(url).status_code, 404, (user, url))

    def test_it_removes_files_older_than_the_keeping_period(self) -> None:
        path = ExportFile.objects.get().full_path
        self.assertTrue(path.exists())
        call_command("remove_old_files", stdout=StringIO())
        self.assertTrue(path.exists())  # today's file stays
        ExportFile.objects.update(created_at=timezone.now() - timedelta(days=8))
        call_command("remove_old_files", stdout=StringIO())
        self.assertFalse(path.exists())
        self.assertEqual(self.client.get(self.urls[0]).status_code, 404)
