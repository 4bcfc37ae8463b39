from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.urls import reverse

from tikar.households.models import Child, Household, Mother, Pregnancy
from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit
from tikar.test import SIBARGOT, BaseTestCase
from tikar.workbooks import columns
from tikar.workbooks.models import ImportRun
from tikar.workbooks.tests.helpers import VALID, frozen_today, open_xlsx, upload, workbook


class TemplateRoundTripTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)

    def test_it_offers_a_template_with_instructions_and_a_sheet_per_kind(self) -> None:
        self.login(self.sari)
        response = self.client.get(reverse("import_template"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response["Content-Type"])
        wb = open_xlsx(response.content)
        self.assertEqual(
            wb.sheetnames,
            [
                "Petunjuk",
                "Rumah tangga",
                "Ibu hamil",
                "Anak",
                "Pemantauan 2a",
                "Pemantauan 2b",
                "Pemantauan 2c",
            ],
        )
        instructions = " ".join(
            str(cell.value) for row in wb["Petunjuk"].iter_rows() for cell in row if cell.value
        )
        for sheet in columns.SHEETS:  # every column is explained
            for col in sheet.columns:
                self.assertIn(col.header, instructions)
        self.assertIn("Hijau / Kuning / Merah / Tidak diukur", instructions)
        headers = [c.value for c in wb["Anak"][1]]
        self.assertEqual(headers[:3], ["Kunci anak *", "Kunci rumah tangga", "Nama anak *"])
        lists = {dv.formula1 for dv in wb["Pemantauan 2b"].data_validations.dataValidation}
        self.assertIn('"Ya,Tidak"', lists)
        self.assertIn('"Hijau,Kuning,Merah,Tidak diukur"', lists)
        self.assertIn(
            '"Belum,Mengikuti,Tidak mengikuti"',
            {dv.formula1 for dv in wb["Pemantauan 2c"].data_validations.dataValidation},
        )
        self.assertIn('"L,P"', {dv.formula1 for dv in wb["Anak"].data_validations.dataValidation})
        self.assertIn(
            '"Normal,Risti,KEK"',
            {dv.formula1 for dv in wb["Ibu hamil"].data_validations.dataValidation},
        )

    def test_it_imports_the_filled_template_into_the_users_desa(self) -> None:
        self.login(self.sari)
        response = self.client.post(reverse("import"), {"file": upload(workbook(VALID))})
        run = ImportRun.objects.get()
        self.assertRedirects(response, reverse("import_run", args=[run.pk]))
        self.assertEqual(run.status, ImportRun.IMPORTED, run.findings)
        self.assertEqual(run.errors, [])

        household = Household.objects.get()
        self.assertEqual((household.village_id, household.head_name), (SIBARGOT, "Amir"))
        self.assertTrue(household.safe_water and household.latrine and not household.vulnerable)
        mother = Mother.objects.get()  # the pregnancy and the baby share her (same NIK)
        pregnancy = Pregnancy.objects.get()
        self.assertEqual(pregnancy.mother, mother)
        self.assertEqual(pregnancy.posyandu, self.melati)
        baby, older = Child.objects.order_by("-birth_date")
        self.assertEqual((baby.mother, baby.birth_date), (mother, date(2025, 6, 10)))
        self.assertEqual(older.sex, "P")

        april = ChildVisit.objects.get(child=baby, month=date(2026, 4, 1))
        self.assertEqual(april.weight_kg, Decimal("8.4"))
        self.assertEqual(april.length_cm, Decimal("70.5"))
        self.assertIsNotNone(april.zlen)  # z-scores computed by the normal save path
        self.assertEqual(
            ChildVisit.objects.get(child=baby, month=date(2026, 5, 1)).growth_mat, "kuning"
        )
        visit = PregnancyVisit.objects.get()
        self.assertEqual((visit.iron_tablet_count, visit.muac_cm), (30, Decimal("24.5")))
        self.assertEqual(PaudRecord.objects.get().status, "mengikuti")

        # Saved one by one through save(): version, change_seq and history like a screen save.
        for model in (Household, Mother, Pregnancy, Child, ChildVisit, PregnancyVisit):
            for obj in model.objects.all():
                self.assertEqual(obj.version, 1)
                self.assertGreater(obj.change_seq, 0)
                self.assertEqual(obj.history.get().history_user, self.sari)

        page = self.client.get(reverse("import_run", args=[run.pk]))
        self.assertContains(page, "Pemantauan 2b")
