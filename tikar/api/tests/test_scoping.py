"""Every endpoint shows and changes only what the scope allows; another desa's record is a 404."""

from __future__ import annotations

from tikar.monitoring.models import Conflict, VillageYear
from tikar.monitoring.services import record_month

from .base import MAY, ApiTestCase


class ScopingTests(ApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.sari_year = VillageYear(village=self.sibargot, year=2026)
        self.sari_year.save()
        self.sari_conflict = Conflict.objects.create(
            village=self.sibargot,
            record_type="monitoring.childvisit",
            record_id=self.sari_visit.pk,
            target_type="child",
            target_id=self.sari_child.pk,
            month=MAY,
            server_version=1,
            client_fields={"home_visit": False},
            conflicting_fields=["home_visit"],
        )
        older = self.sari_child.__class__.objects.get(pk=self.sari_child.pk)
        older.birth_date = older.birth_date.replace(year=2023)
        older.save()
        self.sari_paud = record_month(older, MAY, {"status": "mengikuti"}, self.sari).record

    def saris_urls(self) -> list[str]:
        return [
            f"/api/households/{self.sari_household.pk}/",
            f"/api/mothers/{self.sari_mother.pk}/",
            f"/api/pregnancies/{self.sari_pregnancy.pk}/",
            f"/api/children/{self.sari_child.pk}/",
            f"/api/pregnancy-visits/{self.sari_anc.pk}/",
            f"/api/child-visits/{self.sari_visit.pk}/",
            f"/api/paud-records/{self.sari_paud.pk}/",
            f"/api/village-years/{self.sari_year.pk}/",
            f"/api/conflicts/{self.sari_conflict.pk}/",
            f"/api/posyandu/{self.melati.pk}/",
            f"/api/regions/{self.sibargot.code}/",
        ]

    def test_it_gives_budi_a_404_for_every_one_of_saris_records(self) -> None:
        self.client.force_login(self.budi)
        for url in self.saris_urls():
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_it_lets_sari_read_her_own_records(self) -> None:
        self.client.force_login(self.sari)
        for url in self.saris_urls():
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_it_refuses_budis_changes_to_saris_records_with_a_404(self) -> None:
        self.client.force_login(self.budi)
        for url in self.saris_urls()[:7]:
            with self.subTest(url=url):
                response = self.patch(url, {"base_version": 1, "home_visit": False})
                self.assertEqual(response.status_code, 404)
        resolve = f"/api/conflicts/{self.sari_conflict.pk}/resolve/"
        self.assertEqual(self.post(resolve, {"accept": "client"}).status_code, 404)
        self.client.force_login(self.yusuf)  # Admin Desa of Bandar Kumbul
        url = f"/api/village-years/{self.sari_year.pk}/"
        self.assertEqual(self.patch(url, {"base_version": 1, "year": 2025}).status_code, 404)

    def test_it_refuses_budi_a_child_in_saris_household(self) -> None:
        self.client.force_login(self.budi)
        response = self.post(
            "/api/children/",
            {
                "household": str(self.sari_household.pk),
                "name": "Ani",
                "sex": "P",
                "birth_date": "2026-01-02",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("household", response.json())
        self.assertFalse(self.sari_household.children.filter(name="Ani").exists())
        response = self.post(
            "/api/child-visits/",
            {"child": str(self.sari_child.pk), "month": "2026-05", "home_visit": False},
        )
        self.assertEqual(response.status_code, 400)
        self.sari_visit.refresh_from_db()
        self.assertTrue(self.sari_visit.home_visit)

    def test_it_lists_only_the_users_desa(self) -> None:
        self.client.force_login(self.budi)
        self.assertEqual(
            self.ids(self.client.get("/api/households/")), {str(self.budi_household.pk)}
        )
        self.assertEqual(self.ids(self.client.get("/api/children/")), {str(self.budi_child.pk)})
        self.assertEqual(self.ids(self.client.get("/api/child-visits/")), {str(self.budi_visit.pk)})
        for empty in ("mothers", "pregnancies", "pregnancy-visits", "paud-records"):
            with self.subTest(endpoint=empty):
                rows = self.ids(self.client.get(f"/api/{empty}/"))
                self.assertFalse(rows & {str(self.sari_mother.pk), str(self.sari_anc.pk)})
                self.assertNotIn(str(self.sari_pregnancy.pk), rows)
                self.assertNotIn(str(self.sari_paud.pk), rows)
        self.assertEqual(self.ids(self.client.get("/api/village-years/")), set())
        self.assertEqual(self.ids(self.client.get("/api/conflicts/")), set())
        posyandu = self.client.get("/api/posyandu/").json()["results"]
        self.assertEqual([p["name"] for p in posyandu], ["Posyandu Anggrek"])
        regions = self.client.get("/api/regions/").json()["results"]
        self.assertEqual([r["code"] for r in regions], [self.bandar_kumbul.code])

    def test_it_shows_dewi_both_desa_of_her_kecamatan(self) -> None:
        self.client.force_login(self.dewi)
        both = {str(self.sari_household.pk), str(self.budi_household.pk)}
        self.assertEqual(self.ids(self.client.get("/api/households/")), both)
        visits = {str(self.sari_visit.pk), str(self.budi_visit.pk)}
        self.assertEqual(self.ids(self.client.get("/api/child-visits/")), visits)
        self.assertEqual(len(self.ids(self.client.get("/api/posyandu/"))), 2)
        found = self.client.get("/api/regions/", {"search": "Sibargot"}).json()["results"]
        self.assertEqual([r["code"] for r in found], [self.sibargot.code])
        for url in self.saris_urls():
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_it_shows_tono_nothing_of_the_next_kecamatan(self) -> None:
        self.client.force_login(self.tono)
        self.assertEqual(self.ids(self.client.get("/api/households/")), set())
        for url in self.saris_urls():
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_it_refuses_every_write_by_an_officer(self) -> None:
        # setUp's birth date correction re-scored the visit (a new version): compare with that.
        version = type(self.sari_visit).objects.get(pk=self.sari_visit.pk).version
        for officer in (self.dewi, self.hendra, self.agus):
            self.client.force_login(officer)
            for url in self.saris_urls()[:8]:
                with self.subTest(officer=officer.username, url=url):
                    response = self.patch(url, {"base_version": 1, "home_visit": False})
                    self.assertEqual(response.status_code, 403)
            response = self.post("/api/households/", {"head_name": "Pak Dewi"})
            self.assertEqual(response.status_code, 403)
            response = self.post(
                "/api/child-visits/", {"child": str(self.sari_child.pk), "month": "2026-05"}
            )
            self.assertEqual(response.status_code, 403)
            resolve = f"/api/conflicts/{self.sari_conflict.pk}/resolve/"
            self.assertEqual(self.post(resolve, {"accept": "client"}).status_code, 403)
        self.sari_visit.refresh_from_db()
        self.assertEqual(self.sari_visit.version, version)

    def test_it_lets_only_the_admin_desa_write_formulir_1(self) -> None:
        self.client.force_login(self.sari)
        url = f"/api/village-years/{self.sari_year.pk}/"
        self.assertEqual(self.patch(url, {"base_version": 1, "year": 2025}).status_code, 403)
        self.client.force_login(self.rahmat)
        response = self.patch(url, {"base_version": 1, "facility_counts": {"posyandu": 3}})
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response.json()["facility_counts"], {"posyandu": 3})
