from tikar.test import BaseTestCase


class ReportsPageTestCase(BaseTestCase):
    def test_it_lists_the_desa_forms_for_a_kpm(self):
        self.login(self.sari)
        r = self.client.get("/laporan/")
        self.assertContains(r, "Formulir 4")
        self.assertContains(r, "/ekspor/2b/")
        self.assertContains(r, "/impor/")

    def test_it_gives_an_officer_the_area_reports_not_the_desa_forms(self):
        self.login(self.dewi)
        r = self.client.get("/laporan/")
        self.assertNotContains(r, "/impor/")
        self.assertEqual(r.status_code, 200)

    def test_it_requires_login(self):
        self.assertEqual(self.client.get("/laporan/").status_code, 302)
