from __future__ import annotations

from django.urls import reverse

from tikar.test import BaseTestCase
from tikar.workbooks.tests.helpers import VALID, frozen_today, table_counts, upload, workbook


class OfficersCannotImportTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)

    def test_it_refuses_the_import_to_officers(self) -> None:
        before = table_counts()
        for officer in (self.dewi, self.hendra, self.agus):
            self.login(officer)
            self.assertEqual(self.client.get(reverse("import")).status_code, 403)
            response = self.client.post(reverse("import"), {"file": upload(workbook(VALID))})
            self.assertEqual(response.status_code, 403, officer)
        self.assertEqual(table_counts(), before)

    def test_it_shows_the_import_page_to_the_kpm_and_the_admin_desa(self) -> None:
        for user in (self.sari, self.rahmat):
            self.login(user)
            page = self.client.get(reverse("import"))
            self.assertContains(page, reverse("import_template"))
            self.assertContains(page, reverse("import_docs"))
