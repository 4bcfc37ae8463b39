from tikar.test import BaseTestCase


class RegionSearchTestCase(BaseTestCase):
    url = "/cari/wilayah/"

    def test_it_finds_a_desa_by_part_of_its_name(self):
        self.login(self.hendra)
        r = self.client.get(self.url, {"q": "bargo"})
        codes = [x["code"] for x in r.json()["results"]]
        self.assertEqual(codes, ["12.10.07.2001"])
        self.assertEqual(r.json()["results"][0]["kind"], "Desa")

    def test_it_finds_regions_by_code_prefix(self):
        self.login(self.hendra)
        r = self.client.get(self.url, {"q": "12.10.07.20", "level": 4})
        codes = [x["code"] for x in r.json()["results"]]
        self.assertIn("12.10.07.2002", codes)
        self.assertTrue(all(c.startswith("12.10.07.20") for c in codes))

    def test_it_only_searches_inside_the_users_area(self):
        self.login(self.dewi)  # kecamatan Bilah Barat
        r = self.client.get(self.url, {"q": "Negeri Lama"})  # in Bilah Hilir
        self.assertEqual(r.json()["results"], [])

    def test_it_searches_the_whole_country_for_the_national_admin(self):
        self.login(self.agus)
        r = self.client.get(self.url, {"q": "Yoboi"})
        self.assertEqual([x["code"] for x in r.json()["results"]], ["91.03.01.3007"])

    def test_it_requires_login(self):
        r = self.client.get(self.url, {"q": "bargot"})
        self.assertEqual(r.status_code, 302)
