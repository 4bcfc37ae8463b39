from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from tikar.accounts.models import Role, User
from tikar.front.demo import DEMO_PASSWORD, VILLAGES
from tikar.households.models import Child, Household
from tikar.monitoring.models import ChildVisit
from tikar.regions.models import Posyandu


class DemoTestCase(TestCase):
    def test_it_loads_one_user_per_role_in_labuhanbatu_and_prints_the_logins(self):
        out = StringIO()
        call_command("load_demo", "--no-population", stdout=out)
        self.assertEqual(set(User.objects.values_list("role", flat=True)), set(Role.values))
        self.assertIn("sari", out.getvalue())
        self.assertIn(DEMO_PASSWORD, out.getvalue())
        self.assertTrue(User.objects.get(username="sari").check_password(DEMO_PASSWORD))
        self.assertTrue(User.objects.get(username="kpm.janji").check_password(DEMO_PASSWORD))
        villages = set(Posyandu.objects.values_list("village_id", flat=True))
        self.assertGreaterEqual(len(villages), 5)
        self.assertTrue(all(v.startswith("12.10.") for v in villages))
        self.assertFalse(Household.objects.exists())

    def test_it_gives_every_demo_desa_a_kpm_and_an_admin_desa(self):
        call_command("load_demo", "--no-population", stdout=StringIO())
        for code in VILLAGES:
            roles = set(User.objects.filter(region_id=code).values_list("role", flat=True))
            self.assertEqual(roles, {Role.KPM, Role.VILLAGE_ADMIN}, code)

    def test_it_loads_the_population_once_and_prints_its_summary(self):
        out = StringIO()
        call_command("load_demo", stdout=out)
        self.assertIn("Demo population: targets per desa: Sibargot", out.getvalue())
        self.assertIn("% of", out.getvalue())
        self.assertEqual(set(Household.objects.values_list("village_id", flat=True)), set(VILLAGES))
        counts = (
            User.objects.count(),
            Posyandu.objects.count(),
            Household.objects.count(),
            Child.objects.count(),
            ChildVisit.objects.count(),
        )
        again = StringIO()
        call_command("load_demo", stdout=again)
        self.assertEqual(
            (
                User.objects.count(),
                Posyandu.objects.count(),
                Household.objects.count(),
                Child.objects.count(),
                ChildVisit.objects.count(),
            ),
            counts,
        )
        # The second run reports what is there, the same figures.
        self.assertEqual(again.getvalue().splitlines()[0], out.getvalue().splitlines()[0])

    def test_it_lists_the_demo_logins_on_the_login_page_in_demo_mode_only(self):
        call_command("load_demo", "--no-population", stdout=StringIO())
        self.assertNotContains(self.client.get("/masuk/"), DEMO_PASSWORD)
        with self.settings(TIKAR_DEMO=True):
            self.assertContains(self.client.get("/masuk/"), DEMO_PASSWORD)
