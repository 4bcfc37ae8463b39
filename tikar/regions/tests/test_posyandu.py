from tikar.regions.models import Posyandu
from tikar.test import BaseTestCase


class PosyanduTestCase(BaseTestCase):
    def test_it_lets_the_admin_desa_add_a_posyandu_to_its_desa(self):
        self.login(self.rahmat)
        r = self.client.post("/posyandu/baru/", {"name": "Posyandu Mawar", "dusun": "III"})
        self.assertRedirects(r, "/posyandu/")
        p = Posyandu.objects.get(name="Posyandu Mawar")
        self.assertEqual(p.village_id, self.sibargot.code)

    def test_it_refuses_a_second_posyandu_with_the_same_name_in_words(self):
        self.login(self.rahmat)
        r = self.client.post("/posyandu/baru/", {"name": "posyandu  melati", "dusun": "II"})
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "sudah punya posyandu")
        self.assertEqual(Posyandu.objects.filter(village=self.sibargot).count(), 1)

    def test_it_does_not_let_a_kpm_add_a_posyandu(self):
        self.login(self.sari)
        r = self.client.post("/posyandu/baru/", {"name": "Posyandu Mawar"})
        self.assertEqual(r.status_code, 403)
        self.assertFalse(Posyandu.objects.filter(name="Posyandu Mawar").exists())

    def test_it_returns_404_for_another_desas_posyandu(self):
        for user in (self.budi, self.yusuf):
            self.login(user)
            self.assertEqual(self.client.get(f"/posyandu/{self.melati.pk}/").status_code, 404)
            r = self.client.post(f"/posyandu/{self.melati.pk}/aktif/")
            self.assertEqual(r.status_code, 404)
        self.melati.refresh_from_db()
        self.assertTrue(self.melati.active)

    def test_it_lists_only_the_posyandu_of_the_users_desa(self):
        self.login(self.budi)
        r = self.client.get("/posyandu/")
        self.assertContains(r, "Posyandu Anggrek")
        self.assertNotContains(r, "Posyandu Melati")

    def test_it_deactivates_a_posyandu_without_deleting_it(self):
        self.login(self.rahmat)
        self.client.post(f"/posyandu/{self.melati.pk}/aktif/")
        self.melati.refresh_from_db()
        self.assertFalse(self.melati.active)
