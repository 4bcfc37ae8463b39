from tikar.test import PASSWORD, BaseTestCase


class LoginTestCase(BaseTestCase):
    def test_it_logs_a_kpm_in_to_their_desa(self):
        r = self.client.post("/masuk/", {"username": "sari", "password": PASSWORD}, follow=True)
        self.assertContains(r, "Sibargot")
        self.assertContains(r, "12.10.07.2001")

    def test_it_tells_a_wrong_password_in_indonesian(self):
        r = self.client.post("/masuk/", {"username": "sari", "password": "salah"})
        self.assertContains(r, "Nama pengguna atau kata sandi salah")
        # Django's own message doubled the field name ("nama pengguna nama pengguna").
        self.assertNotContains(r, "nama pengguna nama pengguna")

    def test_it_logs_out(self):
        self.login(self.sari)
        self.client.post("/keluar/")
        self.assertEqual(self.client.get("/").status_code, 302)

    def test_it_changes_the_password(self):
        self.login(self.sari)
        r = self.client.post(
            "/akun/kata-sandi/",
            {
                "old_password": PASSWORD,
                "new_password1": "Sawah-hijau-2026",
                "new_password2": "Sawah-hijau-2026",
            },
        )
        self.assertRedirects(r, "/akun/kata-sandi/selesai/")
        self.sari.refresh_from_db()
        self.assertTrue(self.sari.check_password("Sawah-hijau-2026"))

    def test_it_sends_anonymous_visitors_to_the_login_page(self):
        r = self.client.get("/")
        self.assertRedirects(r, "/masuk/?next=/")
