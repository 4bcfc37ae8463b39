from tikar.test import PASSWORD, BaseTestCase


class DeactivateTestCase(BaseTestCase):
    def test_it_lets_the_admin_desa_deactivate_a_kpm_of_its_desa(self):
        self.login(self.rahmat)
        r = self.client.post(f"/pengguna/{self.sari.pk}/aktif/")
        self.assertRedirects(r, "/pengguna/")
        self.sari.refresh_from_db()
        self.assertFalse(self.sari.is_active)

    def test_it_stops_a_deactivated_user_from_logging_in(self):
        self.sari.is_active = False
        self.sari.save()
        r = self.client.post("/masuk/", {"username": "sari", "password": PASSWORD})
        self.assertEqual(r.status_code, 200)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_it_logs_out_a_deactivated_user_on_the_next_request(self):
        self.client.post("/masuk/", {"username": "sari", "password": PASSWORD})
        self.assertEqual(self.client.get("/").status_code, 200)
        self.sari.is_active = False
        self.sari.save()
        self.assertEqual(self.client.get("/").status_code, 302)

    def test_it_returns_404_for_a_kpm_of_another_desa(self):
        self.login(self.yusuf)  # Admin Desa of Bandar Kumbul
        self.assertEqual(self.client.post(f"/pengguna/{self.sari.pk}/aktif/").status_code, 404)
        self.sari.refresh_from_db()
        self.assertTrue(self.sari.is_active)

    def test_it_does_not_let_a_kpm_deactivate_anyone(self):
        self.login(self.budi)
        self.assertEqual(self.client.post(f"/pengguna/{self.sari.pk}/aktif/").status_code, 404)
        self.login(self.sari)
        self.assertEqual(self.client.post(f"/pengguna/{self.sari.pk}/aktif/").status_code, 403)
