"""KPM activity (from the history tables) and the Formulir 1 screen."""

from __future__ import annotations

from django.utils import timezone

from tikar.households.models import Household
from tikar.households.tests.factories import child, pregnancy
from tikar.monitoring.models import VillageYear
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase


class ActivityTests(BaseTestCase):
    def test_it_counts_what_each_kpm_recorded_this_month(self) -> None:
        today = timezone.localdate()
        month = today.replace(day=1)
        c = child(self.sibargot, self.sari, birth_date=month.replace(year=month.year - 1))
        record_month(c, month, {"home_visit": True}, self.sari)
        record_month(c, month, {"home_visit": False}, self.sari)
        self.login(self.rahmat)
        page = self.client.get("/aktivitas/")
        sari = next(p for p in page.context["people"] if p["user"] == self.sari)
        self.assertEqual(
            (sari["monthly_new"], sari["monthly_edit"], sari["register_new"]), (1, 1, 3)
        )
        self.assertNotIn(self.budi, [p["user"] for p in page.context["people"]])

    def test_it_gives_an_officer_outside_the_area_a_404(self) -> None:
        self.login(self.tono)
        self.assertEqual(
            self.client.get("/aktivitas/", {"desa": self.sibargot.code}).status_code, 404
        )


class Formulir1Tests(BaseTestCase):
    def setUp(self) -> None:
        self.year = timezone.localdate().year
        self.url = f"/formulir-1/{self.year}/"

    def test_it_counts_the_target_recap_from_the_register(self) -> None:
        today = timezone.localdate()
        p = pregnancy(self.sibargot, self.sari, risk_status="kek", due_date=None)
        child(
            self.sibargot,
            self.sari,
            mother_=p.mother,
            birth_date=today.replace(day=1),
            birth_certificate=True,
        )
        Household.objects.filter(pk=p.mother.household_id).update(latrine=False)  # asked: no
        self.login(self.sari)
        recap = dict(self.client.get(self.url).context["recap"])
        self.assertEqual(recap["Jumlah RT 1.000 HPK"], 1)
        self.assertEqual(recap["Ibu hamil"], 1)
        self.assertEqual(recap["Ibu hamil Risti/KEK"], 1)
        self.assertEqual(recap["Anak 0–23 bulan"], 1)
        self.assertEqual(recap["Anak tidak memiliki akta kelahiran"], 0)
        self.assertEqual(recap["RT tidak memiliki jamban layak"], 1)

    def test_it_lets_the_admin_desa_save_the_services_and_facilities(self) -> None:
        self.login(self.rahmat)
        self.client.post(self.url, {"m-posyandu-weighing": "1", "f-posyandu": "2", "f-bidan": "1"})
        vy = VillageYear.objects.get(village=self.sibargot, year=self.year)
        self.assertTrue(vy.service_matrix["posyandu"]["weighing"])
        self.assertFalse(vy.service_matrix["posyandu"]["counselling"])
        self.assertEqual((vy.facility_counts["posyandu"], vy.facility_counts["bidan"]), (2, 1))

    def test_it_refuses_a_count_that_is_not_a_whole_number(self) -> None:
        self.login(self.rahmat)
        response = self.client.post(self.url, {"f-posyandu": "dua"})
        self.assertContains(response, "tulis bilangan bulat 0 atau lebih")
        self.assertContains(response, 'value="dua"')
        self.assertFalse(VillageYear.objects.exists())

    def test_it_lets_the_kpm_and_officers_read_but_not_write(self) -> None:
        for user in (self.sari, self.dewi):
            self.login(user)
            query = {} if user == self.sari else {"desa": self.sibargot.code}
            self.assertEqual(self.client.get(self.url, query).status_code, 200)
            self.assertEqual(
                self.client.post(
                    f"{self.url}?desa={self.sibargot.code}", {"f-posyandu": "3"}
                ).status_code,
                403,
            )
        self.assertFalse(VillageYear.objects.exists())

    def test_it_gives_a_404_for_a_future_year(self) -> None:
        self.login(self.sari)
        self.assertEqual(self.client.get(f"/formulir-1/{self.year + 1}/").status_code, 404)
