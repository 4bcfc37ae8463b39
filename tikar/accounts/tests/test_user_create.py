from tikar.accounts.models import Role, User
from tikar.test import BANDAR_KUMBUL, NEGERI_LAMA, SIBARGOT, BaseTestCase

GOOD_PASSWORD = "Padi-menguning-7"


class UserCreateTestCase(BaseTestCase):
    def post(self, **data):
        payload = {"first_name": "Rina", "username": "rina", "password": GOOD_PASSWORD}
        payload.update(data)
        return self.client.post("/pengguna/baru/", payload)

    def test_it_lets_the_admin_desa_create_a_kpm_of_its_desa(self):
        self.login(self.rahmat)
        r = self.post(role=Role.KPM, region=SIBARGOT)
        self.assertRedirects(r, "/pengguna/")
        rina = User.objects.get(username="rina")
        self.assertEqual(
            (rina.role, rina.region_id, rina.created_by), (Role.KPM, SIBARGOT, self.rahmat)
        )
        self.assertTrue(rina.check_password(GOOD_PASSWORD))

    def test_it_keeps_the_admin_desa_inside_its_desa(self):
        self.login(self.rahmat)
        # A forged region field is ignored: the account lands in the admin's own desa.
        self.post(role=Role.KPM, region=BANDAR_KUMBUL)
        self.assertEqual(User.objects.get(username="rina").region_id, SIBARGOT)

    def test_it_does_not_let_the_admin_desa_create_other_roles(self):
        self.login(self.rahmat)
        r = self.post(role=Role.VILLAGE_ADMIN, region=SIBARGOT)
        self.assertEqual(r.status_code, 200)
        self.assertFalse(User.objects.filter(username="rina").exists())

    def test_it_lets_the_kabupaten_officer_create_an_admin_desa_in_its_villages(self):
        self.login(self.hendra)
        r = self.post(role=Role.VILLAGE_ADMIN, region=NEGERI_LAMA)
        self.assertRedirects(r, "/pengguna/")
        self.assertEqual(User.objects.get(username="rina").region_id, NEGERI_LAMA)

    def test_it_refuses_an_admin_desa_outside_the_kabupaten(self):
        self.login(self.hendra)
        r = self.post(role=Role.VILLAGE_ADMIN, region="12.71.01.1001")  # Kota Medan
        self.assertEqual(r.status_code, 200)
        self.assertFalse(User.objects.filter(username="rina").exists())

    def test_it_does_not_let_a_kpm_create_accounts(self):
        self.login(self.sari)
        self.assertEqual(self.post(role=Role.KPM, region=SIBARGOT).status_code, 403)
        self.assertFalse(User.objects.filter(username="rina").exists())

    def test_it_refuses_a_taken_username_and_a_weak_password_in_words(self):
        self.login(self.rahmat)
        r = self.post(role=Role.KPM, region=SIBARGOT, username="sari", password="123")
        self.assertContains(r, "sudah dipakai")
        self.assertContains(r, "terlalu pendek")
