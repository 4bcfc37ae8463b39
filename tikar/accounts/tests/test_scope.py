from tikar.accounts.models import Role
from tikar.accounts.scope import scoped, scoped_regions, scoped_users
from tikar.regions.models import Level, Posyandu, Region
from tikar.test import NEGERI_LAMA, BaseTestCase, make_user


class ScopeTestCase(BaseTestCase):
    def test_it_gives_a_kpm_only_their_own_desa(self):
        self.assertEqual(list(scoped(Posyandu.objects.all(), self.sari)), [self.melati])
        self.assertEqual(
            list(scoped_regions(self.sari).values_list("code", flat=True)), [self.sibargot.code]
        )

    def test_it_gives_a_kecamatan_officer_every_desa_in_the_kecamatan_and_nothing_outside(self):
        villages = scoped_regions(self.dewi).filter(level=Level.VILLAGE)
        expected = Region.objects.filter(level=Level.VILLAGE, parent_id="12.10.07")
        self.assertEqual(set(villages), set(expected))
        self.assertEqual(villages.count(), 10)
        self.assertFalse(villages.filter(code=NEGERI_LAMA).exists())
        outside = Posyandu.objects.create(village_id=NEGERI_LAMA, name="Posyandu Luar")
        seen = set(scoped(Posyandu.objects.all(), self.dewi))
        self.assertEqual(seen, {self.melati, self.anggrek})
        self.assertNotIn(outside, seen)
        self.assertIn(outside, set(scoped(Posyandu.objects.all(), self.tono)))

    def test_it_gives_a_kabupaten_officer_its_whole_kabupaten(self):
        regions = scoped_regions(self.hendra)
        self.assertTrue(regions.filter(code=NEGERI_LAMA).exists())
        self.assertFalse(regions.filter(code__startswith="12.71").exists())  # Kota Medan
        self.assertFalse(regions.filter(code="12.10.07.2001".replace("12.10", "12.11")).exists())

    def test_it_does_not_let_a_prefix_leak_into_a_longer_code(self):
        # 12.1 must not match 12.10 or 12.11: the filter adds the dot.
        officer = make_user("prov", Role.PROVINCE_OFFICER, "12")
        self.assertTrue(scoped_regions(officer).filter(code="12.10").exists())
        self.assertFalse(scoped_regions(officer).filter(code__startswith="13").exists())

    def test_it_lets_only_village_users_change_peoples_data(self):
        self.assertEqual(scoped(Posyandu.objects.all(), self.sari, write=True).count(), 1)
        self.assertEqual(scoped(Posyandu.objects.all(), self.dewi, write=True).count(), 0)
        self.assertEqual(scoped(Posyandu.objects.all(), self.agus, write=True).count(), 0)

    def test_it_denies_everything_to_a_user_without_a_valid_role(self):
        nobody = make_user("nobody", "", "12.10.07.2001")
        wrong_level = make_user("wrong", Role.KPM, "12.10.07")  # a KPM bound to a kecamatan
        for user in (nobody, wrong_level):
            self.assertEqual(scoped(Posyandu.objects.all(), user).count(), 0)
            self.assertEqual(scoped_regions(user).count(), 0)
            self.assertEqual(scoped_users(user).count(), 0)

    def test_it_denies_everything_to_a_deactivated_user(self):
        self.dewi.is_active = False
        self.assertEqual(scoped(Posyandu.objects.all(), self.dewi).count(), 0)

    def test_it_shows_a_kpm_only_their_own_account(self):
        self.assertEqual(list(scoped_users(self.sari)), [self.sari])
        self.assertEqual(set(scoped_users(self.rahmat)), {self.sari, self.rahmat})
