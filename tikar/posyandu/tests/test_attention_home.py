"""The KPM's home page shows who needs attention: the count, the first lines, the link."""

from django.test import override_settings

from tikar.posyandu.tests import attention_desa as d
from tikar.test import BaseTestCase


@override_settings(TIKAR_TODAY=d.TODAY_SETTING)
class AttentionHomeTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.k = d.seed(cls)

    def test_it_shows_sari_her_items_on_the_home_page(self):
        self.login(self.sari)
        page = self.client.get("/").content.decode()
        self.assertIn('class="card attention-summary"', page)
        self.assertIn('<span class="count">3</span>', page)
        self.assertIn(f'href="/sasaran/{self.k["ani"].id}/"', page)
        self.assertIn("2T: berat badan tidak naik", page)
        self.assertIn("Stunting sejak Januari 2026", page)
        self.assertIn('href="/perhatian/"', page)

    def test_it_shows_the_admin_desa_too_and_not_budi(self):
        self.login(self.rahmat)
        self.assertContains(self.client.get("/"), "Stunting sejak Januari 2026")
        self.login(self.budi)
        page = self.client.get("/").content.decode()
        self.assertNotIn(f"/sasaran/{self.k['ani'].id}/", page)
        self.assertIn(f"/sasaran/{self.k['dodi'].id}/", page)
