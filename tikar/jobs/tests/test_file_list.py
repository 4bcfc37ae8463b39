"""/berkas/ lists the user's own prepared files, newest first (attack run, issue 12 §4).

The file page says the file stays available "di sini", but no page listed a user's files.
"""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tikar.jobs.models import ExportFile
from tikar.test import BaseTestCase


class FileListTests(BaseTestCase):
    def setUp(self) -> None:
        now = timezone.now()
        desa = self.sari.region
        self.older = ExportFile.objects.create(
            owner=self.sari,
            region=desa,
            kind="form_month",
            filename="formulir-2b-2026-09.xlsx",
            content_type="application/octet-stream",
            status=ExportFile.READY,
            progress=100,
            created_at=now - timedelta(hours=2),
        )
        self.newer = ExportFile.objects.create(
            owner=self.sari,
            region=desa,
            kind="form_month",
            filename="formulir-2b-2026-10.xlsx",
            content_type="application/octet-stream",
            status=ExportFile.RUNNING,
            progress=40,
            created_at=now,
        )

    def test_it_lists_own_files_newest_first_with_status_and_download(self) -> None:
        self.login(self.sari)
        response = self.client.get(reverse("prepared_files"))
        self.assertEqual(response.status_code, 200)
        text = response.content.decode()
        self.assertLess(
            text.index("formulir-2b-2026-10.xlsx"), text.index("formulir-2b-2026-09.xlsx")
        )
        self.assertIn("40%", text)  # the running one's progress
        self.assertIn(reverse("prepared_file_download", args=[self.older.pk]), text)
        self.assertNotIn(reverse("prepared_file_download", args=[self.newer.pk]), text)
        self.assertIn('hx-trigger="every 3s"', text)  # polls while one is being prepared

    def test_it_shows_another_user_none_of_them(self) -> None:
        for user in (self.budi, self.rahmat, self.dewi):
            self.client.force_login(user)
            response = self.client.get(reverse("prepared_files"))
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, 'id="no-files"')
            self.assertNotContains(response, "formulir-2b-2026")

    def test_it_links_the_list_from_a_file_page_and_the_menu(self) -> None:
        self.login(self.sari)
        page = self.client.get(reverse("prepared_file", args=[self.older.pk]))
        self.assertContains(page, 'id="all-files"')
        self.assertContains(page, f'href="{reverse("prepared_files")}"')
