"""An area roll-up with many rows becomes a prepared file (the job runs at once here)."""

from __future__ import annotations

import shutil
import tempfile

from django.test import override_settings
from django.urls import reverse

from tikar.jobs.models import ExportFile
from tikar.test import LABUHANBATU, BaseTestCase
from tikar.workbooks.tests.helpers import open_xlsx


class RollupExportJobTests(BaseTestCase):
    def setUp(self) -> None:
        folder = tempfile.mkdtemp(prefix="tikar-exports-")
        self.addCleanup(shutil.rmtree, folder, True)
        settings_ = override_settings(TIKAR_EXPORT_DIR=folder, TIKAR_EXPORT_JOB_ROWS=10)
        settings_.enable()
        self.addCleanup(settings_.disable)
        self.url = reverse("rollup", args=[2026, 2])

    def test_it_prepares_the_desa_list_of_a_kabupaten_as_a_file_for_its_officer(self) -> None:
        self.login(self.hendra)
        response = self.client.get(self.url, {"tingkat": "desa", "format": "xlsx"})
        export = ExportFile.objects.get()
        self.assertRedirects(response, reverse("prepared_file", args=[export.pk]))
        self.assertEqual((export.status, export.region_id), (ExportFile.READY, LABUHANBATU))
        self.assertGreater(export.rows_total, 10)  # every desa of Labuhanbatu
        download = self.client.get(reverse("prepared_file_download", args=[export.pk]))
        sheet = open_xlsx(b"".join(download.streaming_content)).active
        codes = [r[0] for r in sheet.iter_rows(values_only=True) if str(r[0]).startswith("12.10.")]
        self.assertGreater(len(codes), 10)
        self.assertIn("12.10.07.2001", codes)  # Sibargot

        # The kecamatan officer below him does not get his file.
        self.login(self.dewi)
        self.assertEqual(
            self.client.get(reverse("prepared_file_download", args=[export.pk])).status_code, 404
        )

    def test_it_still_answers_a_short_roll_up_at_once(self) -> None:
        self.login(self.dewi)  # Bilah Barat: fewer desa than the threshold
        response = self.client.get(self.url, {"format": "csv"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response["Content-Disposition"])
        self.assertFalse(ExportFile.objects.exists())
