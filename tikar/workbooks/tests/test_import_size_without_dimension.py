"""A large workbook goes to the worker even when it hides its size (attack run, issue 12).

The in-request/worker choice used to sum each sheet's declared size (its <dimension> tag);
a file without the tag counted as 0 rows and a 20,000-row import ran inside the request,
and the "Petunjuk" sheet's lines counted as data. Now only data sheets count, and a sheet
that does not declare itself large is counted by reading it.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

import openpyxl
from django.test import override_settings
from django.urls import reverse

from tikar.test import BaseTestCase
from tikar.workbooks.models import ImportRun
from tikar.workbooks.tests.helpers import VALID, upload, workbook
from tikar.workbooks.views import workbook_rows

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def many_children(n: int) -> dict:
    """The valid workbook with `n` children on the "Anak" sheet."""
    data = {name: [dict(r) for r in rows] for name, rows in VALID.items()}
    child = data["Anak"][1]
    data["Anak"] = [dict(child, **{"Kunci anak": f"A-{i:05d}"}) for i in range(n)]
    return data


def without_dimension(content: bytes, replacement: bytes = b"") -> bytes:
    """The same workbook with every sheet's <dimension .../> tag replaced (default: removed)."""
    source = zipfile.ZipFile(BytesIO(content))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb"<dimension [^>]*/>", replacement, data)
            target.writestr(item, data)
    return out.getvalue()


class ImportSizeWithoutDimensionTests(BaseTestCase):
    def test_it_counts_the_rows_of_a_sheet_without_a_dimension_tag(self) -> None:
        content = without_dimension(workbook(many_children(60)))
        self.assertNotIn(
            b"<dimension", zipfile.ZipFile(BytesIO(content)).read("xl/worksheets/sheet3.xml")
        )
        self.assertGreater(workbook_rows(upload(content), limit=50), 50)

    def test_it_counts_the_rows_of_a_sheet_whose_tag_claims_one_cell(self) -> None:
        content = without_dimension(workbook(many_children(60)), b'<dimension ref="A1"/>')
        self.assertGreater(workbook_rows(upload(content), limit=50), 50)

    def test_it_does_not_count_the_instructions_sheet(self) -> None:
        small = upload(workbook(many_children(1)))
        counted = workbook_rows(small, limit=10_000)
        wb = openpyxl.load_workbook(upload(workbook(many_children(1))), read_only=True)
        petunjuk = sum(1 for _ in wb["Petunjuk"].iter_rows())
        everything = sum(sum(1 for _ in ws.iter_rows()) for ws in wb.worksheets)
        wb.close()
        self.assertGreater(petunjuk, 0)
        self.assertEqual(counted, everything - petunjuk)

    @override_settings(TIKAR_IMPORT_JOB_ROWS=50, TASKS=DUMMY_TASKS)
    def test_it_queues_a_large_upload_without_a_dimension_tag_for_the_worker(self) -> None:
        self.client.force_login(self.sari)
        content = without_dimension(workbook(many_children(60)))
        response = self.client.post(reverse("import"), {"file": upload(content)})
        run = ImportRun.objects.get()
        self.assertRedirects(response, reverse("import_run", args=[run.pk]))
        self.assertEqual(run.status, ImportRun.QUEUED)  # nothing imported inside the request
        self.assertContains(
            self.client.get(reverse("import_run", args=[run.pk])), 'id="import-pending"'
        )
