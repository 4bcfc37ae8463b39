from __future__ import annotations

from django.urls import reverse

from tikar.households.models import Child, Household
from tikar.test import BANDAR_KUMBUL, SIBARGOT, BaseTestCase
from tikar.workbooks.models import ImportRun
from tikar.workbooks.tests.helpers import VALID, frozen_today, upload, with_changes, workbook

APRIL_2B = ("2b", 2026, 4)


class ScopingTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)

    def _import(self, user, data=VALID) -> ImportRun:
        self.login(user)
        self.client.post(reverse("import"), {"file": upload(workbook(data))})
        return ImportRun.objects.filter(user=user).latest("created_at")

    def _export(self, user, desa: str | None = None):
        self.login(user)
        url = reverse("export_month", args=["2b", 2026, 4])
        return self.client.get(url, {"desa": desa} if desa else {})

    def test_it_puts_budis_import_in_his_own_desa_only(self) -> None:
        self._import(self.sari)
        sari_children = set(Child.objects.values_list("pk", "version"))
        # Budi's file uses the same keys and KIA number as Sari's: they are his desa's own.
        data = with_changes("Rumah tangga", 0, Nama_kepala_rumah_tangga="Udin")
        data["Ibu hamil"][0]["Posyandu"] = "Posyandu Anggrek"
        run = self._import(self.budi, data)
        self.assertEqual(run.status, ImportRun.IMPORTED, run.findings)
        self.assertEqual(
            set(Child.objects.filter(village_id=SIBARGOT).values_list("pk", "version")),
            sari_children,
        )
        self.assertEqual(Household.objects.get(village_id=SIBARGOT).head_name, "Amir")
        self.assertEqual(Household.objects.get(village_id=BANDAR_KUMBUL).head_name, "Udin")
        self.assertEqual(Child.objects.filter(village_id=BANDAR_KUMBUL).count(), 2)

    def test_it_hides_saris_import_report_from_budi(self) -> None:
        run = self._import(self.sari, with_changes("Anak", 0, Jenis_kelamin="X"))
        self.login(self.budi)
        for name in ("import_run", "import_report_csv", "import_report_xlsx"):
            self.assertEqual(self.client.get(reverse(name, args=[run.pk])).status_code, 404, name)

    def test_it_answers_404_when_budi_exports_saris_desa(self) -> None:
        self._import(self.sari)
        self.assertEqual(self._export(self.budi, SIBARGOT).status_code, 404)
        own = self._export(self.budi)
        self.assertEqual(own.status_code, 200)
        self.assertNotIn(b"Budi Kecil", own.content)  # his desa has no children yet

    def test_it_lets_an_officer_export_a_desa_of_their_area_only(self) -> None:
        self._import(self.sari)
        self.assertEqual(self._export(self.dewi, SIBARGOT).status_code, 200)
        self.assertEqual(self._export(self.hendra, SIBARGOT).status_code, 200)
        self.assertEqual(self._export(self.tono, SIBARGOT).status_code, 404)
        self.assertEqual(self._export(self.dewi).status_code, 404)  # which desa?
        self.assertEqual(self._export(self.dewi, "12.10.07").status_code, 404)  # not a desa
