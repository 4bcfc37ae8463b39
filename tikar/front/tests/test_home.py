from tikar.regions.models import Posyandu
from tikar.test import NEGERI_LAMA, BaseTestCase


class HomeTestCase(BaseTestCase):
    def test_it_shows_a_kpm_their_desa_and_this_months_work(self):
        self.login(self.sari)
        r = self.client.get("/")
        self.assertContains(r, "Sibargot")
        self.assertContains(r, "Posyandu Melati")
        self.assertContains(r, 'class="stats"')
        self.assertNotContains(r, "Posyandu Anggrek")

    def test_it_shows_a_kecamatan_officer_every_desa_of_the_kecamatan(self):
        self.login(self.dewi)
        r = self.client.get("/")
        self.assertContains(r, "Bilah Barat")
        for name in ("Sibargot", "Bandar Kumbul", "Tanjung Medan", "Tebing Linggahara Baru"):
            self.assertContains(r, name)
        self.assertNotContains(r, "Negeri Lama")

    def test_it_counts_posyandu_and_kpm_per_kecamatan_for_the_kabupaten_officer(self):
        Posyandu.objects.create(village_id=NEGERI_LAMA, name="Posyandu Luar")
        self.login(self.hendra)
        rows = {row["region"].code: row for row in self.client.get("/").context["rows"]}
        self.assertEqual(rows["12.10.07"]["posyandu"], 2)
        self.assertEqual(rows["12.10.07"]["kpm"], 2)
        self.assertEqual(rows["12.10.07"]["villages"], 10)
        self.assertEqual(rows["12.10.08"]["posyandu"], 1)

    def test_it_lets_an_officer_open_a_desa_of_their_area(self):
        self.login(self.dewi)
        r = self.client.get(f"/wilayah/{self.sibargot.code}/")
        self.assertContains(r, "Posyandu Melati")

    def test_it_returns_404_for_another_desas_page(self):
        self.login(self.budi)
        self.assertEqual(self.client.get(f"/wilayah/{self.sibargot.code}/").status_code, 404)
        self.login(self.tono)  # officer of the next kecamatan
        self.assertEqual(self.client.get(f"/wilayah/{self.sibargot.code}/").status_code, 404)
        self.assertEqual(self.client.get("/wilayah/12.10.07/").status_code, 404)

    def test_it_shows_the_national_admin_every_province(self):
        self.login(self.agus)
        r = self.client.get("/")
        self.assertEqual(len(r.context["rows"]), 38)

    def test_it_groups_thousands_the_indonesian_way(self):
        self.login(self.agus)
        r = self.client.get("/")
        self.assertContains(r, "83.762")  # desa/kelurahan in Indonesia
