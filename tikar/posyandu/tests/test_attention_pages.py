"""/perhatian/ and /perhatian/cetak/: scoped to the desa, read-only for officers."""

from django.test import override_settings
from django.urls import reverse

from tikar.posyandu.tests import attention_desa as d
from tikar.test import SIBARGOT, BaseTestCase


@override_settings(TIKAR_TODAY=d.TODAY_SETTING)
class AttentionPagesTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.k = d.seed(cls)

    def test_it_shows_sari_her_list_with_reasons_links_and_whatsapp(self):
        self.login(self.sari)
        page = self.client.get("/perhatian/").content.decode()
        self.assertIn("Ani", page)
        self.assertIn("2T: berat badan tidak naik 2 kali penimbangan berturut-turut", page)
        self.assertIn("Stunting sejak Januari 2026", page)
        self.assertIn("KEK: LiLA 23,4 cm pada Maret 2026", page)
        self.assertIn(f'href="/sasaran/{self.k["ani"].id}/"', page)
        self.assertIn("https://wa.me/6281234567890?text=", page)
        self.assertNotIn("Dodi", page)

    def test_it_filters_by_kind_reason_and_posyandu(self):
        self.login(self.sari)
        page = self.client.get("/perhatian/?jenis=ibu").content.decode()
        self.assertNotIn(f"/sasaran/{self.k['ani'].id}/", page)
        self.assertIn(f"/sasaran/{self.k['rina'].id}/", page)
        page = self.client.get("/perhatian/?alasan=two_t").content.decode()
        self.assertIn(f"/sasaran/{self.k['ani'].id}/", page)
        self.assertNotIn(f"/sasaran/{self.k['rina'].id}/", page)
        page = self.client.get(f"/perhatian/?posyandu={self.melati.pk}").content.decode()
        self.assertIn(f"/sasaran/{self.k['maya'].id}/", page)  # her household's posyandu
        # Another desa's posyandu is not a filter here: a message, and the whole list.
        page = self.client.get(f"/perhatian/?posyandu={self.anggrek.pk}").content.decode()
        self.assertIn('class="warnbox"', page)
        self.assertIn(f"/sasaran/{self.k['ani'].id}/", page)

    def test_it_answers_a_bad_filter_with_a_message_not_an_error(self):
        self.login(self.sari)
        for query in ("posyandu=abc", "posyandu=99999999", "jenis=x", "alasan=zz"):
            response = self.client.get(f"/perhatian/?{query}")
            self.assertEqual(response.status_code, 200, query)
            self.assertContains(response, 'class="warnbox"')
            self.assertContains(response, "Ani")

    def test_it_gives_budi_a_404_for_sibargot(self):
        self.login(self.budi)
        self.assertEqual(self.client.get(f"/perhatian/?desa={SIBARGOT}").status_code, 404)
        self.assertEqual(self.client.get(f"/perhatian/cetak/?desa={SIBARGOT}").status_code, 404)
        page = self.client.get("/perhatian/").content.decode()
        self.assertIn("Dodi", page)
        self.assertNotIn(">Ani<", page)

    def test_it_lets_officers_read_with_desa_and_nothing_else(self):
        self.login(self.dewi)
        response = self.client.get(f"/perhatian/?desa={SIBARGOT}")
        self.assertContains(response, "Stunting sejak Januari 2026")
        self.assertNotContains(response, "wa.me")  # reminders are the KPM's to send
        self.assertContains(response, f'name="desa" value="{SIBARGOT}"')
        self.assertEqual(self.client.get(f"/sasaran/{self.k['ani'].id}/").status_code, 200)
        self.assertEqual(self.client.get("/perhatian/").status_code, 404)
        self.assertEqual(self.client.post(f"/perhatian/?desa={SIBARGOT}").status_code, 405)
        self.login(self.tono)  # the next kecamatan
        self.assertEqual(self.client.get(f"/perhatian/?desa={SIBARGOT}").status_code, 404)

    def test_it_prints_a_list_for_the_bidan(self):
        self.login(self.sari)
        page = self.client.get("/perhatian/cetak/").content.decode()
        self.assertIn('<table class="printlist">', page)
        self.assertIn('<td class="notes"></td>', page)
        self.assertIn("Ibu Ani", page)  # the mother of the child
        self.assertIn("12 bulan", page)
        self.assertIn("II / 003", page)  # Ibu Maya's dusun / RT
        self.assertIn("2T: berat badan tidak naik", page)
        self.assertIn("attention.css", page)

    def test_it_sends_the_anonymous_to_login(self):
        response = self.client.get("/perhatian/")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("login")))
