"""A large monthly-form export is prepared by the real worker, with progress, for its owner only."""

from __future__ import annotations

from datetime import date

from django.test import override_settings
from django.urls import reverse

from tikar.households.tests.factories import child, mother
from tikar.jobs.models import ExportFile
from tikar.jobs.tests.live import WorkerTestCase, wait_until
from tikar.workbooks.tests.helpers import open_xlsx


@override_settings(TIKAR_EXPORT_JOB_ROWS=2)
class WorkerExportTests(WorkerTestCase):
    def setUp(self) -> None:
        super().setUp()
        for i, name in enumerate(["Ani", "Bima", "Citra"]):
            child(
                self.sibargot,
                self.sari,
                name=name,
                birth_date=date(2025, 1, 10 + i),
                mother_=mother(self.sibargot, self.sari, nik=f"12100747039500{i:02d}"),
            )
        self.client.force_login(self.sari)

    def test_it_prepares_a_large_export_in_the_worker_and_offers_it_to_its_owner(self) -> None:
        response = self.client.get(reverse("export_month", args=["2b", 2026, 4]))
        export = ExportFile.objects.get()
        self.assertRedirects(response, reverse("prepared_file", args=[export.pk]))
        page = self.client.get(reverse("prepared_file", args=[export.pk]))
        # No worker yet: the job waits, the bar stands at 0 % and the page asks again by itself.
        self.assertContains(page, '<progress max="100" value="0">')
        self.assertContains(page, 'hx-trigger="every 2s"')

        self.start_worker()

        def ready() -> bool:
            box = self.client.get(reverse("prepared_file", args=[export.pk]), HTTP_HX_REQUEST="1")
            return 'id="download"' in box.content.decode()

        wait_until(ready, 60, "the file to be ready")
        export.refresh_from_db()
        self.assertEqual((export.status, export.progress), (ExportFile.READY, 100))
        download = self.client.get(reverse("prepared_file_download", args=[export.pk]))
        self.assertEqual(download.status_code, 200)
        self.assertIn(
            'filename="formulir-2b-12.10.07.2001-2026-04.xlsx"', download["Content-Disposition"]
        )
        sheet = open_xlsx(b"".join(download.streaming_content)).active
        names = {row[2] for row in sheet.iter_rows(min_row=9, values_only=True)}
        self.assertEqual(names, {"Ani", "Bima", "Citra"})

        # Budi (KPM of the neighbouring desa) neither sees the page nor gets the file.
        self.client.force_login(self.budi)
        self.assertEqual(
            self.client.get(reverse("prepared_file", args=[export.pk])).status_code, 404
        )
        self.assertEqual(
            self.client.get(reverse("prepared_file_download", args=[export.pk])).status_code, 404
        )
