"""`/kebutuhan/`: what each target still needs this quarter, per posyandu (issue 10 §3)."""

from __future__ import annotations

from django.test import override_settings
from django.urls import reverse

from tikar.posyandu.tests.needs_desa import TODAY, build
from tikar.test import SIBARGOT, BaseTestCase

URL = reverse("needs")


@override_settings(TIKAR_TODAY=TODAY)
class NeedsPageTests(BaseTestCase):
    def setUp(self) -> None:
        self.targets = build(self)

    def page(self, user, query: str = ""):
        self.login(user)
        return self.client.get(URL + query)

    def test_it_shows_sari_each_target_with_what_it_still_needs(self) -> None:
        response = self.page(self.sari)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Bayu")
        self.assertContains(response, "ditimbang bulan ini dan Desember 2026")
        self.assertContains(response, "1 pemeriksaan kehamilan lagi (Trimester 3)")
        self.assertContains(response, reverse("target", args=[self.targets["bayu"].pk]))
        self.assertNotContains(response, "Dodi")

    def test_it_shows_the_points_against_the_desas_convergence(self) -> None:
        data = self.page(self.sari).context["data"]
        self.assertEqual((data.received, data.expected), (13, 15))
        self.assertEqual(str(data.percent), "86.67")
        self.assertEqual([str(n.points) for t in data.targets for n in t.needs], ["6.66", "6.66"])
        self.assertEqual(str(data.total_points), "13.33")
        self.assertEqual(str(data.percent_if_met), "100.00")

    def test_it_narrows_to_one_posyandu(self) -> None:
        response = self.page(self.sari, f"?posyandu={self.melati.pk}")
        self.assertContains(response, "Bayu")
        self.assertNotContains(response, "pemeriksaan kehamilan")

    def test_it_is_404_for_another_desas_posyandu_or_a_bad_one(self) -> None:
        for query in (f"?posyandu={self.anggrek.pk}", "?posyandu=abc", "?posyandu=99999999"):
            with self.subTest(query=query):
                self.assertEqual(self.page(self.sari, query).status_code, 404)

    def test_it_is_404_for_budi_asking_for_sibargot(self) -> None:
        self.assertEqual(self.page(self.budi, f"?desa={SIBARGOT}").status_code, 404)

    def test_it_shows_budi_only_his_own_desa(self) -> None:
        response = self.page(self.budi)
        self.assertContains(response, "Dodi")
        self.assertNotContains(response, "Bayu")

    def test_it_lets_an_officer_read_a_desa_of_their_area(self) -> None:
        response = self.page(self.dewi, f"?desa={SIBARGOT}")
        self.assertContains(response, "Bayu")
        main = response.content.decode().split("<main>")[1].split("</main>")[0]
        self.assertNotIn("<form", main)  # read-only
        self.assertEqual(self.page(self.tono, f"?desa={SIBARGOT}").status_code, 404)
        self.assertEqual(self.page(self.dewi).status_code, 404)

    def test_it_is_404_for_a_malformed_desa_code(self) -> None:
        for code in ("xx", "12.10.07", "9" * 500, "12.10.07.2001'--"):
            with self.subTest(code=code):
                self.assertEqual(self.page(self.dewi, f"?desa={code}").status_code, 404)

    def test_it_is_linked_from_the_home_page_and_the_reports(self) -> None:
        self.login(self.sari)
        self.assertContains(self.client.get(reverse("home")), URL)
        self.assertContains(self.client.get(reverse("reports")), URL)
